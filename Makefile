# Perimeter — set-up, build, run and test.
#   make run    installs the system packages if missing, builds, runs the main job on GeoData
#   make test   the same install step, the test oracles' Python venv, then `swift test`
SHELL := /bin/bash
.DEFAULT_GOAL := run
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
VENV := .venv
PY := $(CURDIR)/$(VENV)/bin/python
BIN := .build/release/perimeter
# Python packages the tests use as independent oracles (never imported by Perimeter itself).
ORACLE_PKGS := shapely==2.* pyproj==3.* geographiclib==2.* numpy pandas
# Drives headless Chromium (Debian chromium + chromium-driver) in the interactive-map tests.
BROWSER_PKGS := selenium==4.27.1
APT_INSTALL := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get -o DPkg::Lock::Timeout=600 install -y -qq
APT_UPDATE := $(SUDO) apt-get -o DPkg::Lock::Timeout=600 update -qq

.PHONY: run test deps test-deps build release bench geodata leaks clean docs-map docs-html qgis-check

## System packages: GEOS and PROJ (build), GDAL's ogrinfo/ogr2ogr (tests: outputs must load in GIS tools).
deps:
	@missing=""; \
	pkg-config --exists geos || missing="$$missing libgeos-dev"; \
	pkg-config --exists proj || missing="$$missing libproj-dev"; \
	pkg-config --exists sqlite3 || missing="$$missing libsqlite3-dev"; \
	[ -f /usr/share/proj/proj.db ] || missing="$$missing proj-data"; \
	[ -f /usr/share/javascript/leaflet/leaflet.js ] || missing="$$missing libjs-leaflet"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(APT_UPDATE) && $(APT_INSTALL) $$missing >/dev/null; \
	fi

test-deps: deps
	@missing=""; \
	command -v ogrinfo >/dev/null || missing="$$missing gdal-bin"; \
	command -v sqlite3 >/dev/null || missing="$$missing sqlite3"; \
	command -v rsvg-convert >/dev/null || missing="$$missing librsvg2-bin"; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	[ -x /usr/bin/chromedriver ] || missing="$$missing chromium-driver"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(APT_UPDATE) && $(APT_INSTALL) $$missing >/dev/null; \
	fi
	@[ -x $(PY) ] || python3 -m venv $(VENV)
	@$(PY) -c 'import shapely, pyproj, geographiclib, numpy, pandas' 2>/dev/null || \
	  $(PY) -m pip install -q --disable-pip-version-check $(ORACLE_PKGS)
	@$(PY) -c 'import selenium' 2>/dev/null || $(PY) -m pip install -q --disable-pip-version-check $(BROWSER_PKGS)

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

run: release
	@mkdir -p out
	$(BIN) compare --html out/compare.html

test: test-deps
	PERIMETER_PYTHON=$(PY) PERIMETER_SHARED=$(abspath ../shared) $(SWIFT) test

bench: test-deps release
	PERIMETER_PYTHON=$(PY) bash tools/bench/run.sh

geodata: deps
	bash tools/geodata/build.sh
	bash tools/geodata/build-airspace.sh

## The whole test suite under AddressSanitizer + LeakSanitizer (own build folder; Swift Testing only,
## since XCTest's runner reports leaks of its own). Any memory error, and any leak of memory that
## GEOS, PROJ, SQLite or C code allocated, fails the run; see tools/leaks/lsan.supp for what is not
## counted (Swift runtime allocations LeakSanitizer cannot follow).
leaks: test-deps
	ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 SWIFT_BACKTRACE=enable=no \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tools/leaks/lsan.supp:print_suppressions=0 \
	PERIMETER_PYTHON=$(PY) PERIMETER_SHARED=$(abspath ../shared) \
	$(SWIFT) test --sanitize=address --disable-xctest --scratch-path .build-asan

## The README's map of the default comparison (docs/compare-default.svg + .png; needs rsvg-convert).
docs-map: release
	@command -v rsvg-convert >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq librsvg2-bin >/dev/null; }
	@mkdir -p docs
	$(BIN) compare --quiet --out out/compare --map docs/compare-default.svg --png >/dev/null

## The README's screenshot of the interactive comparison page (docs/compare-html.png; headless Chromium).
docs-html: test-deps release
	@mkdir -p out docs
	$(BIN) compare --quiet --html out/compare.html >/dev/null
	$(PY) tools/browser/check_page.py --screenshot out/compare.html docs/compare-html.png

## Optional, heavy (QGIS ≈ 320 MB download): load every GeoJSON/GPKG/KML of a compare run and an incursions run
## in QGIS headless (Debian python3-qgis with /usr/bin/python3, tools/qgis/check.py). Not part of `make test`.
QGIS_OUT := out/qgis-check
qgis-check: release
	@/usr/bin/python3 -c "import qgis.core" 2>/dev/null || { echo "installing qgis python3-qgis"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends qgis python3-qgis >/dev/null; }
	@rm -rf $(QGIS_OUT) && mkdir -p $(QGIS_OUT)/compare $(QGIS_OUT)/incursions
	$(BIN) compare --quiet --out $(QGIS_OUT)/compare >/dev/null
	$(BIN) render $(QGIS_OUT)/compare/*.geojson -o $(QGIS_OUT)/compare/all.gpkg
	$(BIN) render $(QGIS_OUT)/compare/*.geojson -o $(QGIS_OUT)/compare/all.kml
	for ext in geojson gpkg kml; do \
	  $(BIN) incursions --quiet --scenario poland-2025-09-10 -o $(QGIS_OUT)/incursions/poland.$$ext >/dev/null || true; done
	QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/qgis/check.py $(QGIS_OUT)/compare $(QGIS_OUT)/incursions

clean:
	rm -rf .build out
