#!/usr/bin/env bash
# `make bench`: release-build timings of Perimeter against the project's own independent Python
# references and workload generators in tools/oracles (shapely 2 + pyproj, versions pinned in
# tools/oracles/requirements.txt), run one after the other on the same machine.
# Reports wall time (median of RUNS), peak memory (max RSS), the answers of both and the ratio.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PY=${PERIMETER_PYTHON:-$ROOT/.venv/bin/python}
ORACLES=$ROOT/tools/oracles
BIN=$ROOT/.build/release/perimeter
RUNS=${RUNS:-3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

. "$ROOT/tools/bench/measure.sh"   # measure CMD… → median wall s, max RSS KiB, median CPU s

echo "== coverage: 5,000 geodesic 100 km circles, union and geodesic area"
# Sites and reference from the project's own oracle (tools/oracles/coverage_union.py: numpy seed 11,
# lon 22..36 E, lat 46..52.5 N; 256-vertex pyproj circles, shapely union_all, pyproj geodesic area).
"$PY" tools/oracles/coverage_union.py sites 5000 >"$WORK/sites_5000.geojson"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
read -r ref_t ref_m ref_c < <(measure "$PY" tools/oracles/coverage_union.py bench "$WORK/sites_5000.geojson" 100)
ref_area=$(grep -o 'area_km2=[0-9.]*' "$WORK/last.out" | cut -d= -f2)
read -r our_t our_m our_c < <(measure "$BIN" coverage "$WORK/sites_5000.geojson" --range-km 100 -o "$WORK/cov.geojson" --quiet)
our_area=$(grep -o 'union area: *[0-9.]*' "$WORK/last.out" | grep -o '[0-9.]*$' || true)
# Like for like: the reference writes nothing, so also time the union alone (--no-circles).
read -r un_t un_m un_c < <(measure "$BIN" coverage "$WORK/sites_5000.geojson" --range-km 100 -o "$WORK/cov_union.geojson" --no-circles --quiet)
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-40s %10s %10s %12s %14s\n' "" "wall_s" "cpu_s" "peak_rss_MiB" "area_km2"
printf '%-40s %10s %10s %12.1f %14s\n' "reference (shapely+pyproj, no output)" "$ref_t" "$ref_c" "$(echo "$ref_m/1024" | bc -l)" "$ref_area"
printf '%-40s %10s %10s %12.1f %14s\n' "perimeter coverage (circles + union)" "$our_t" "$our_c" "$(echo "$our_m/1024" | bc -l)" "$our_area"
printf '%-40s %10s %10s %12.1f %14s\n' "perimeter coverage --no-circles" "$un_t" "$un_c" "$(echo "$un_m/1024" | bc -l)" "$our_area"
echo "speed-up (wall): $(echo "scale=2; $ref_t / $our_t" | bc -l)x with every circle written (target >= 3x), $(echo "scale=2; $ref_t / $un_t" | bc -l)x union only (target >= 8x)"
echo "speed-up (cpu):  $(echo "scale=2; $ref_c / $our_c" | bc -l)x with every circle written, $(echo "scale=2; $ref_c / $un_c" | bc -l)x union only (fairer under load: the reference runs on one thread)"
echo "area difference: $(echo "scale=6; ($our_area - $ref_area) / $ref_area * 100" | bc -l) % (256-vertex reference circles vs ours at 10 m chord error)"

echo
echo "== incursions: 10,000 tracks x 720 fixes (7.2 M fixes) against Poland, CSV in, per-track CSV out"
"$PY" "$ORACLES/make_tracks.py" 10000 >"$WORK/tracks.csv"
# The same polygon file for both: GeoData/airspace/PL.geojson (land + territorial sea) when present,
# else Poland's land polygon extracted from GeoData/countries.geojson.
if [ -f GeoData/airspace/PL.geojson ]; then
  cp GeoData/airspace/PL.geojson "$WORK/pl.geojson"; pl_src="GeoData/airspace/PL.geojson"
else
  "$PY" -c 'import json,sys; fc=json.load(open("GeoData/countries.geojson")); json.dump({"type":"FeatureCollection","features":[f for f in fc["features"] if f["properties"].get("iso2")=="PL" and "id" not in f["properties"]]},sys.stdout)' >"$WORK/pl.geojson"
  pl_src="GeoData/countries.geojson (PL land)"
fi
echo "polygon: $pl_src; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
read -r ref_t ref_m ref_c < <(measure "$PY" "$ORACLES/reference_dwell.py" "$WORK/tracks.csv" "$WORK/pl.geojson")
cp "$WORK/last.out" "$WORK/ref_dwell.csv"
read -r our_t our_m our_c < <(measure "$BIN" incursions "$WORK/tracks.csv" --airspace-file "$WORK/pl.geojson" --format csv -o "$WORK/ours.csv" --quiet)
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
fixes=7200000
printf '%-28s %10s %10s %12s %14s %14s\n' "" "wall_s" "cpu_s" "peak_rss_MiB" "fixes_per_s" "fixes_per_cpu_s"
printf '%-28s %10s %10s %12.1f %14.0f %14.0f\n' "reference (shapely)" "$ref_t" "$ref_c" "$(echo "$ref_m/1024" | bc -l)" "$(echo "$fixes/$ref_t" | bc -l)" "$(echo "$fixes/$ref_c" | bc -l)"
printf '%-28s %10s %10s %12.1f %14.0f %14.0f\n' "perimeter incursions" "$our_t" "$our_c" "$(echo "$our_m/1024" | bc -l)" "$(echo "$fixes/$our_t" | bc -l)" "$(echo "$fixes/$our_c" | bc -l)"
echo "speed-up: $(echo "scale=2; $ref_t / $our_t" | bc -l)x wall, $(echo "scale=2; $ref_c / $our_c" | bc -l)x CPU s (target >= 20x, and >= 12 M fixes/s on 2 idle cores: <= 1.2 CPU s); C reference over GEOS: not in the repository"
# Memory flat in the number of tracks: the same run on 1,000 tracks of the same generator.
"$PY" "$ORACLES/make_tracks.py" 1000 >"$WORK/tracks_1000.csv"
read -r k_t k_m k_c < <(measure "$BIN" incursions "$WORK/tracks_1000.csv" --airspace-file "$WORK/pl.geojson" --format csv -o "$WORK/ours_1000.csv" --quiet)
echo "peak RSS: $(echo "scale=1; $k_m/1024" | bc -l) MiB at 1,000 tracks, $(echo "scale=1; $our_m/1024" | bc -l) MiB at 10,000 ($(echo "scale=2; $our_m / $k_m" | bc -l)x; flat: <= 1.2x)"
# Per-track dwell agreement: ours (track_id,airspace,dwell_s,…) against the reference (track_id,dwell_s).
"$PY" - "$WORK/ref_dwell.csv" "$WORK/ours.csv" <<'PYEOF'
import sys, csv
ref = {r["track_id"]: float(r["dwell_s"]) for r in csv.DictReader(open(sys.argv[1]))}
ours = {r["track_id"]: float(r["dwell_s"]) for r in csv.DictReader(open(sys.argv[2]))}
diffs = [abs(ours[k] - v) for k, v in ref.items() if k in ours]
missing = len(ref) - len(diffs)
print(f"dwell agreement: {len(diffs)} tracks, max |diff| {max(diffs):.3f} s, total {sum(ours.values()):.1f} s vs {sum(ref.values()):.1f} s"
      + (f", {missing} tracks missing" if missing else "") + (" (OK, < 0.5 s)" if max(diffs) < 0.5 and not missing else " (DISAGREES)"))
PYEOF

echo; bash "$(dirname "$0")/airspace_compare.sh"   # airspace UA and compare at defaults against their targets
bash "$(dirname "$0")/streaming.sh"   # track input: peak memory, interleaved and stdin (tools/bench/streaming.sh)
echo
echo "== decimal parsing (the CSV hot path): DecimalParser vs strtod, ns per field (best of 3)"
swiftc -O -parse-as-library tools/bench/decimal_bench.swift Sources/PerimeterKit/Tracks/DecimalParser.swift \
  -o "$WORK/decimal_bench" 2>&1 | grep -v warning || true
"$WORK/decimal_bench"
echo
bash "$(dirname "$0")/json.sh"   # GeoData JSON: the GeoJSON reader against Python's json (tools/bench/json.sh)

echo; VERTICES=200000 R_IN=0.3 bash "$(dirname "$0")/large_polygon.sh"   # the 200,000-vertex spiky star of LargePolygonTests
echo; bash "$(dirname "$0")/large_polygon.sh"   # 1,000,000-vertex airspace: time and peak memory (tools/bench/large_polygon.sh)
