#!/usr/bin/env bash
# GeoData JSON (part of `make bench`): Perimeter's GeoJSON reader against Python's json module (C) on the
# same files. tools/bench/json_bench.swift is linked against the release build's modules (make release);
# one process per file and mode, so that each peak is that run's own:
#   geojson  GeoJSONReader.read: the text into a FeatureCollection (what loading GeoData does; the target)
#   tree     GeoJSONReader.parseJSON: the text into a JSONValue tree (properties, scenario files)
#   python   json.loads on the same bytes (a tree of Python objects)
# Speed: the best of 5, in MB/s of wall time, and for the GeoJSON reading also of the thread's CPU time (the
# speed on an idle core: under load, wall times depend on what else runs). Peak: the growth of the peak resident memory while the file is read and
# decoded once (its bytes included), after a warm-up on a small document, as a multiple of the file size.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PERIMETER_PYTHON:-$PWD/.venv/bin/python}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

echo "== GeoData JSON: Perimeter's GeoJSON reader (tools/bench/json_bench.swift) vs Python's json (C)"
swiftc -O -parse-as-library tools/bench/json_bench.swift -I .build/release/Modules -I Sources/CGEOS -I Sources/CPROJ \
  .build/release/{GeoJSON,GeometryCore,FileIO}.build/*.o -lgeos_c -lproj -o "$TMP/json_bench" 2>&1 | grep -v warning || true
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-22s %7s | %9s %9s %9s | %9s %9s | %9s %9s\n' "" "" "geojson" "" "" "tree" "" "python" ""
printf '%-22s %7s | %9s %9s %9s | %9s %9s | %9s %9s\n' "file" "MB" "MB/s" "MB/cpu-s" "peak/MB" "MB/s" "peak/MB" "MB/s" "peak/MB"
for f in GeoData/land.geojson GeoData/basemap.geojson GeoData/countries.geojson GeoData/airspace/UA.geojson; do
  [ -f "$f" ] || continue
  read -r bytes _ mbps growth _ _ cpu_mbps < <("$TMP/json_bench" geojson "$f")
  read -r _ _ tree_mbps tree_growth _ < <("$TMP/json_bench" tree "$f")
  read -r py_mbps py_growth < <("$PY" -c 'import json, resource, sys, time
def peak(): return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
json.loads(b"{\"type\":\"Feature\",\"properties\":{\"a\":[1.5,\"b\",null]},\"geometry\":{\"type\":\"Point\",\"coordinates\":[0,0]}}")
before = peak()
b = open(sys.argv[1], "rb").read()
value = json.loads(b)
growth = (peak() - before) / len(b)
del value
best = 1e9
for _ in range(5):
    t = time.perf_counter(); json.loads(b); best = min(best, time.perf_counter() - t)
print(f"{len(b) / best / 1e6:.0f} {growth:.2f}")' "$f")
  printf '%-22s %7.2f | %9s %9s %8sx | %9s %8sx | %9s %8sx\n' "${f#GeoData/}" "$(echo "$bytes/1000000" | bc -l)" \
    "$mbps" "$cpu_mbps" "$growth" "$tree_mbps" "$tree_growth" "$py_mbps" "$py_growth"
done
echo "(target for the GeoJSON reading: >= 200 MB/s, peak <= 3x the file size)"
