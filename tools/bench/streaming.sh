#!/usr/bin/env bash
# `make bench` (called from run.sh), or alone after `make release`: peak memory of track reading
# as the input grows, for the two row orders and for standard input.
#   1. rows ordered by time, aircraft interleaved (OpenSky layout): 1,000 vs 10,000 flights taking
#      off one every 6 s (the aircraft in the air at once stay the same), and 1,000 vs 10,000
#      aircraft all in the air together (memory then grows with them: every track is open);
#   2. `cat tracks.csv | perimeter incursions - --format csv -o -`, rows grouped per track:
#      1,000 vs 10,000 tracks x 720 fixes (issue: within 1.2x), output checked equal to the file run.
# Peak memory is the max RSS from /usr/bin/time -v; workloads from stream_tracks.py (stdlib Python).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=$ROOT/.build/release/perimeter
PY=${PERIMETER_PYTHON:-python3}
[ -x "$PY" ] || PY=python3
[ -x /usr/bin/time ] || { $([ "$(id -u)" = 0 ] || echo sudo) apt-get -o DPkg::Lock::Timeout=600 install -y -qq time >/dev/null; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export PERIMETER_GEODATA=$ROOT/GeoData
GEN=$ROOT/tools/bench/stream_tracks.py

# peak RSS (MiB) and wall seconds of a shell pipeline; its stdout to $WORK/out
peak() {
  /usr/bin/time -v -o "$WORK/time" bash -c "$1" >"$WORK/out" 2>"$WORK/err" || { cat "$WORK/err" >&2; return 1; }
  local kib wall
  kib=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/time")
  echo "$(echo "scale=1; $kib / 1024" | bc -l) $wall"
}

row() { printf '%-58s %12s %10s\n' "$1" "$2" "$3"; }
ratio() { echo "scale=2; $2 / $1" | bc -l; }

echo "== track input: peak memory as the input grows (airspace PL; load average $(cut -d' ' -f1-3 /proc/loadavg))"
row "" "peak_MiB" "wall"
for n in 1000 10000; do
  "$PY" "$GEN" staggered "$n" 60 6 >"$WORK/stag_$n.csv"
  read -r m w < <(peak "'$BIN' incursions '$WORK/stag_$n.csv' --airspace PL --format csv -o - --quiet")
  eval "stag_$n=$m"
  row "interleaved, $n flights of 60 fixes, one every 6 s" "$m" "$w"
  grep -o 'at most [0-9]* aircraft open at once' "$WORK/err" | sed 's/^/    /' || true
done
for n in 1000 10000; do
  "$PY" "$GEN" together "$n" 60 >"$WORK/tog_$n.csv"
  read -r m w < <(peak "'$BIN' incursions '$WORK/tog_$n.csv' --airspace PL --format csv -o - --quiet")
  eval "tog_$n=$m"
  row "interleaved, $n aircraft of 60 fixes all in the air" "$m" "$w"
done
for n in 1000 10000; do
  "$PY" "$GEN" grouped "$n" 720 >"$WORK/grp_$n.csv"
  read -r m w < <(peak "cat '$WORK/grp_$n.csv' | '$BIN' incursions - --airspace PL --format csv -o - --quiet")
  cp "$WORK/out" "$WORK/stdin_$n.out"
  eval "std_$n=$m"
  row "stdin, grouped, $n tracks x 720 fixes" "$m" "$w"
  "$BIN" incursions "$WORK/grp_$n.csv" --airspace PL --format csv -o - --quiet >"$WORK/file_$n.out" 2>/dev/null
  if cmp -s "$WORK/stdin_$n.out" "$WORK/file_$n.out"; then
    echo "    stdin output equals the file run ($(($(wc -l <"$WORK/file_$n.out") - 1)) rows)"
  else
    echo "    FAIL: stdin output differs from the file run"; exit 1
  fi
done
echo "ratio 10,000/1,000: interleaved one every 6 s $(ratio "$stag_1000" "$stag_10000")x; all in the air $(ratio "$tog_1000" "$tog_10000")x; stdin grouped $(ratio "$std_1000" "$std_10000")x (target: <= 1.2x)"
