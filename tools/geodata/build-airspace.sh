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
# Fixed order (the Nordic states and mainland Russia's Baltic and Barents coasts after the eastern
# flank, so the files built before them are unchanged by their arrival); each state is built with the airspace of its neighbours built before it excluded from
# its territorial sea (--exclude-airspace), so where two computed median lines disagree by metres the
# state built first keeps the sliver and no two files overlap.
build() { # build ISO [EARLIER_NEIGHBOUR...]
  local iso="$1"; shift
  local excl=()
  for n in "$@"; do excl+=("GeoData/airspace/$n.geojson"); done
  "$BIN" airspace "$iso" --geodata GeoData -o "GeoData/airspace/$iso.geojson" ${excl[@]+--exclude-airspace "${excl[@]}"}
}
build EE
build FI EE
build LV EE
build LT LV
build PL LT
build RO
build UA RO
build RU-KGD PL LT
build SE FI
build NO SE FI
build DK SE
build RU EE FI NO
# Alaska across the antimeridian, after the others; no neighbour in GeoData (Russia's far east is not in it).
build US-AK
