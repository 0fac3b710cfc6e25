# Sourced by the bench scripts (needs RUNS and WORK set): `measure CMD…` runs CMD $RUNS times and prints
# "median_wall_s max_rss_KiB median_cpu_s" (cpu = user + system); the last run's stdout is in
# $WORK/last.out, its stderr in $WORK/last.err.
measure() {
  local walls=() cpus=() rss=0
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %M %U %S' -o "$WORK/time" "$@" >"$WORK/last.out" 2>"$WORK/last.err"
    read -r w m u s <"$WORK/time"
    walls+=("$w"); cpus+=("$(echo "$u + $s" | bc -l)"); (( m > rss )) && rss=$m
  done
  median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
  echo "$(median "${walls[@]}") $rss $(median "${cpus[@]}")"
}
