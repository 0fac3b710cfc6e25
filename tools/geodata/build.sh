#!/usr/bin/env bash
# Rebuild GeoData/ from Debian-packaged GMT data (gmt-dcw, gmt-gshhg-full). Called by `make geodata`.
set -euo pipefail
cd "$(dirname "$0")/../.."
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
missing=""
for p in gmt gmt-dcw gmt-gshhg-full; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "installing:$missing"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
# The project venv with the pinned Python packages (tools/oracles/requirements.txt), as `make test-deps` makes it.
[ -x .venv/bin/python ] || python3 -m venv .venv
cmp -s tools/oracles/requirements.txt .venv/requirements.installed 2>/dev/null || {
  .venv/bin/python -m pip install -q --disable-pip-version-check -r tools/oracles/requirements.txt &&
  cp tools/oracles/requirements.txt .venv/requirements.installed; }
export GMT_TMPDIR="$(mktemp -d)"
trap 'rm -rf "$GMT_TMPDIR"' EXIT
.venv/bin/python tools/geodata/build.py
