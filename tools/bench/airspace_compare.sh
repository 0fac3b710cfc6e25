#!/usr/bin/env bash
# `make bench` (one call from run.sh): where users wait on GeoData work.
#   perimeter airspace UA        target ≤ 5 s  (before: 22 s, and no progress while it ran)
#   perimeter compare (defaults) target ≤ 0.3 s (before: 0.6 s)
# Wall time (median of RUNS) and CPU time (user + sys, median) of the release binary, peak memory, the
# compare on one core beside it (taskset: its independent jobs then run one after the other),
# the load average (the machine may be shared: CPU time is the steadier figure then), the progress
# lines `airspace` writes on stderr without --quiet, and whether the shipped-build form of UA
# (tools/geodata/build-airspace.sh: UA with RO's airspace excluded) rebuilds GeoData/airspace/UA.geojson
# byte for byte.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-$PWD/.build/release/perimeter}
RUNS=${RUNS:-3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

. "$(dirname "$0")/measure.sh"   # measure CMD… → median wall s, max RSS KiB, median CPU s

echo "== airspace UA and compare at defaults (release, median of $RUNS)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
read -r ua_w ua_m ua_c < <(measure "$BIN" airspace UA --geodata GeoData -o "$WORK/UA.geojson" --quiet)
ua_summary=$(cat "$WORK/last.out")
read -r cmp_w cmp_m cmp_c < <(measure "$BIN" compare --geodata GeoData --out "$WORK/compare" --quiet)
# Reference in the same run: the same compare held to one core (its jobs then run one after the other).
if command -v taskset >/dev/null; then
  read -r one_w one_m one_c < <(measure taskset -c 0 "$BIN" compare --geodata GeoData --out "$WORK/compare1" --quiet)
  cmp -s "$WORK/compare/comparison.json" "$WORK/compare1/comparison.json" && same1="same comparison.json" || same1="comparison.json DIFFERS"
fi
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
# before: the issue's wall figures (idle machine) and the CPU seconds measured before the coverage unions and the
# parallel compare jobs (docs/performance.md).
printf '%-34s %8s %8s %12s %10s %12s %12s\n' "" "wall_s" "cpu_s" "peak_rss_MiB" "target_s" "before_s" "before_cpu_s"
printf '%-34s %8s %8.2f %12.1f %10s %12s %12s\n' "perimeter airspace UA" "$ua_w" "$ua_c" "$(echo "$ua_m/1024" | bc -l)" "5" "22" "6.0"
printf '%-34s %8s %8.2f %12.1f %10s %12s %12s\n' "perimeter compare (defaults)" "$cmp_w" "$cmp_c" "$(echo "$cmp_m/1024" | bc -l)" "0.3" "0.6" "0.83"
[ -n "${one_w:-}" ] && printf '%-34s %8s %8.2f %12.1f %10s %12s %12s  (%s)\n' "  the same on one core (taskset)" "$one_w" "$one_c" \
  "$(echo "$one_m/1024" | bc -l)" "-" "-" "-" "$same1"
echo "airspace UA: $ua_summary"
# Progress: the same command without --quiet (stderr is not a terminal here: a line every 5 s, and the last).
"$BIN" airspace UA --geodata GeoData -o "$WORK/UA2.geojson" 2>"$WORK/progress" >/dev/null
echo "airspace UA progress on stderr: $(grep -c 'steps' "$WORK/progress") line(s), last: $(tail -n 1 "$WORK/progress")"
# The shipped file, rebuilt as tools/geodata/build-airspace.sh builds it.
/usr/bin/time -f '%e %U %S' -o "$WORK/time" "$BIN" airspace UA --geodata GeoData -o "$WORK/UA-shipped.geojson" --quiet \
  --exclude-airspace GeoData/airspace/RO.geojson >/dev/null
read -r w u s <"$WORK/time"
if cmp -s "$WORK/UA-shipped.geojson" GeoData/airspace/UA.geojson; then same="byte-identical to"; else same="DIFFERS from"; fi
echo "airspace UA --exclude-airspace RO (the shipped build): ${w} s wall, $(printf "%.2f" "$(echo "$u + $s" | bc -l)") s CPU, $same GeoData/airspace/UA.geojson"
