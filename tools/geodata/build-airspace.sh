#!/usr/bin/env bash
# Builds the prebuilt national airspace files GeoData/airspace/<ISO>.geojson with `perimeter airspace`
# (land + 12 NM territorial sea cut at computed median lines; rules from GeoData/airspace-rules.json).
# Uses the release binary if present (or CONFIG=debug). Deterministic: a second run gives identical files.
set -euo pipefail
cd "$(dirname "$0")/../.."
CONFIG="${CONFIG:-release}"
swift build -c "$CONFIG" --product perimeter >/dev/null
BIN=".build/$CONFIG/perimeter"
mkdir -p GeoData/airspace
for iso in EE FI LV LT PL RO UA RU-KGD; do
  "$BIN" airspace "$iso" --geodata GeoData -o "GeoData/airspace/$iso.geojson"
done
