#!/usr/bin/env bash
# `make install-check` (run by `make test`): `make install` into a fresh temporary prefix, then the
# installed tool is used from an unrelated directory, as a user would after installing it:
#   perimeter --version names its version and the GEOS and PROJ versions it runs on;
#   perimeter compare runs on the installed GeoData and writes its result files;
#   without the installed GeoData the same run fails (so it did not find the checkout's copy);
#   man -l shows the installed page; the bash completion loads and completes subcommands.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PREFIX=$(mktemp -d)
ELSEWHERE=$(mktemp -d)
trap 'rm -rf "$PREFIX" "$ELSEWHERE"' EXIT
fail() { echo "install-check: FAIL: $*" >&2; exit 1; }

make --no-print-directory -C "$ROOT" install PREFIX="$PREFIX" >/dev/null
cd "$ELSEWHERE"
unset PERIMETER_GEODATA
BIN="$PREFIX/bin/perimeter"

version=$("$BIN" --version)
[[ $version =~ ^perimeter\ [0-9]+\.[0-9]+\.[0-9]+\ \(GEOS\ [0-9]+\.[0-9]+.*,\ PROJ\ [0-9]+\.[0-9]+ ]] || fail "--version: '$version'"

"$BIN" compare --quiet --out result >compare.txt 2>compare.err || fail "installed compare: $(cat compare.err)"
[ -s result/comparison.json ] && [ -s result/comparison.md ] || fail "compare wrote no comparison.json/.md"
grep -q "dnipro" compare.txt || fail "compare printed no table: $(head -5 compare.txt)"

mv "$PREFIX/share/perimeter/GeoData" "$PREFIX/share/perimeter/GeoData.away"
if "$BIN" compare --quiet --out result2 >/dev/null 2>nogeo.err; then fail "compare ran without the installed GeoData"; fi
grep -q "GeoData" nogeo.err || fail "no GeoData message without the installed GeoData: $(cat nogeo.err)"
mv "$PREFIX/share/perimeter/GeoData.away" "$PREFIX/share/perimeter/GeoData"

page=$(MANWIDTH=100 man -l "$PREFIX/share/man/man1/perimeter.1" 2>/dev/null) || fail "man -l failed"
for word in NAME SYNOPSIS compare coverage incursions airspace render; do
  grep -q "$word" <<<"$page" || fail "man page lacks '$word'"
done

completions=$(bash -c "source '$PREFIX/share/bash-completion/completions/perimeter'; complete -p perimeter") ||
  fail "bash completion does not load"
[ -n "$completions" ] || fail "bash completion registers nothing"
grep -q "compare" "$PREFIX/share/zsh/site-functions/_perimeter" || fail "zsh completion lacks compare"
grep -q "compare" "$PREFIX/share/fish/vendor_completions.d/perimeter.fish" || fail "fish completion lacks compare"

echo "install-check: ok — $version; compare from $ELSEWHERE on $PREFIX/share/perimeter/GeoData; man page $(wc -l <<<"$page") lines; bash/zsh/fish completions"
