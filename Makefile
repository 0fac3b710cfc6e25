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

.PHONY: run test deps test-deps build release bench geodata leaks clean

## System packages: GEOS and PROJ (build), GDAL's ogrinfo/ogr2ogr (tests: outputs must load in GIS tools).
deps:
	@missing=""; \
	pkg-config --exists geos || missing="$$missing libgeos-dev"; \
	pkg-config --exists proj || missing="$$missing libproj-dev"; \
	pkg-config --exists sqlite3 || missing="$$missing libsqlite3-dev"; \
	[ -f /usr/share/proj/proj.db ] || missing="$$missing proj-data"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

test-deps: deps
	@missing=""; \
	command -v ogrinfo >/dev/null || missing="$$missing gdal-bin"; \
	command -v sqlite3 >/dev/null || missing="$$missing sqlite3"; \
	command -v rsvg-convert >/dev/null || missing="$$missing librsvg2-bin"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
	@[ -x $(PY) ] || python3 -m venv $(VENV)
	@$(PY) -c 'import shapely, pyproj, geographiclib, numpy, pandas' 2>/dev/null || \
	  $(PY) -m pip install -q --disable-pip-version-check $(ORACLE_PKGS)

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

run: release
	$(BIN) compare

test: test-deps
	PERIMETER_PYTHON=$(PY) PERIMETER_SHARED=$(abspath ../shared) $(SWIFT) test

bench: test-deps release
	PERIMETER_PYTHON=$(PY) bash tools/bench/run.sh

geodata: deps
	bash tools/geodata/build.sh
	bash tools/geodata/build-airspace.sh

leaks: test-deps
	PERIMETER_PYTHON=$(PY) $(SWIFT) test --sanitize=address

clean:
	rm -rf .build out
