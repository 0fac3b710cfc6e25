#!/usr/bin/env bash
# `make bench` (one call from run.sh): `perimeter incursions` against a 1,000,000-vertex airspace
# polygon, a star of 500,000 spikes centred on 20° E 52° N (tips at 2°, notches at R_IN degrees),
# with 100 straight tracks of 301 fixes crossing it. Prints wall time, peak memory (max RSS from
# /usr/bin/time -v) and the run's summary. VERTICES and R_IN override the shape.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PY=${PERIMETER_PYTHON:-$ROOT/.venv/bin/python}
BIN=${BIN:-$ROOT/.build/release/perimeter}
VERTICES=${VERTICES:-1000000}
R_IN=${R_IN:-1.6}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

"$PY" - "$WORK" "$VERTICES" "$R_IN" <<'PYEOF'
import json, math, sys
work, n, r_in = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
spikes, cx, cy, r_out = n // 2, 20.0, 52.0, 2.0
k = math.cos(math.radians(cy))
ring = []
for i in range(2 * spikes):
    r = r_out if i % 2 == 0 else r_in
    a = math.pi * i / spikes
    ring.append([round(cx + r * math.cos(a) / k, 9), round(cy + r * math.sin(a), 9)])
ring.append(ring[0])
with open(f"{work}/star.geojson", "w") as f:
    json.dump({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "star"},
               "geometry": {"type": "Polygon", "coordinates": [ring]}}]}, f)
with open(f"{work}/tracks.csv", "w") as f:
    f.write("track_id,time,lon,lat\n")
    for t in range(100):
        a, off = math.radians(1.8 * t + 0.7), 0.01 * (t % 7)
        for j in range(301):
            s = -2.4 + 4.8 * j / 300
            f.write(f"T{t},{1758265200 + 10 * j},{cx + (s * math.cos(a) - off * math.sin(a)) / k:.8f},{cy + s * math.sin(a) + off * math.cos(a):.8f}\n")
PYEOF

echo "== incursions: 100 tracks x 301 fixes against a ${VERTICES}-vertex star polygon (notches at ${R_IN}°, tips at 2°)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -v -o "$WORK/time" "$BIN" incursions "$WORK/tracks.csv" --airspace-file "$WORK/star.geojson" \
  --format csv -o "$WORK/out.csv" --quiet >"$WORK/summary" 2>"$WORK/stderr" || { cat "$WORK/stderr"; exit 1; }
wall=$(grep 'Elapsed (wall clock)' "$WORK/time" | awk '{print $NF}')
rss=$(grep 'Maximum resident set size' "$WORK/time" | awk '{print $NF}')
printf '%-32s %12s %14s\n' "" "wall" "peak_rss_MiB"
printf '%-32s %12s %14.1f\n' "perimeter incursions (1 run)" "$wall" "$(echo "$rss/1024" | bc -l)"
sed -n '2,4p' "$WORK/summary"
grep -v '^$' "$WORK/stderr" | sed 's/^/stderr: /' || true
