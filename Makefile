# Perimeter — set-up, build, run and test.
#   make run    installs the system packages if missing, builds, runs the main job on GeoData
#   make test   the same install step, the test oracles' Python venv, then `swift test` and the install check
#   make install PREFIX=DIR   the release binary, GeoData, man page and shell completions under DIR
SHELL := /bin/bash
.DEFAULT_GOAL := run
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_INSTALL := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get -o DPkg::Lock::Timeout=600 install -y -qq
APT_UPDATE := $(SUDO) apt-get -o DPkg::Lock::Timeout=600 update -qq
VENV := .venv
PY := $(CURDIR)/$(VENV)/bin/python
BIN := .build/release/perimeter
# Python packages the tests and tools/oracles use as independent references (never imported by
# Perimeter itself; selenium drives headless Chromium in the interactive-map tests), pinned
# exactly; the venv is reinstalled whenever the file changes.
REQUIREMENTS := tools/oracles/requirements.txt
PREFIX ?= /usr/local

.PHONY: run test deps test-deps spark-deps build release bench bench-spark geodata leaks fuzz tsan clean docs-map docs-html qgis-check install install-check

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

## Test oracles and tools: GDAL (ogrinfo/ogr2ogr, and python3-gdal's validate_gpkg.py), sqlite3, rsvg-convert,
## man (the installed page is shown with man -l), python3-venv; then the pinned venv. A missing one fails the tests.
test-deps: deps
	@missing=""; \
	command -v ogrinfo >/dev/null || missing="$$missing gdal-bin"; \
	command -v sqlite3 >/dev/null || missing="$$missing sqlite3"; \
	command -v rsvg-convert >/dev/null || missing="$$missing librsvg2-bin"; \
	[ -f /usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py ] || missing="$$missing python3-gdal"; \
	command -v man >/dev/null || missing="$$missing man-db"; \
	command -v python3 >/dev/null || missing="$$missing python3"; \
	python3 -c 'import ensurepip, venv' 2>/dev/null || missing="$$missing python3-venv"; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	[ -x /usr/bin/chromedriver ] || missing="$$missing chromium-driver"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(APT_UPDATE) && $(APT_INSTALL) $$missing >/dev/null; \
	fi
	@[ -x $(PY) ] || python3 -m venv $(VENV)
	@cmp -s $(REQUIREMENTS) $(VENV)/requirements.installed || { \
	  $(PY) -m pip install -q --disable-pip-version-check -r $(REQUIREMENTS) && cp $(REQUIREMENTS) $(VENV)/requirements.installed; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

run: release
	@mkdir -p out
	$(BIN) compare --html out/compare.html

## The Spark job's dependencies (tools/spark): Java 17 from Debian, pinned pyspark/pyarrow/pytest in .venv.
spark-deps: test-deps
	@java -version 2>&1 | grep -q 'version "\(1[7-9]\|2[0-9]\)' || { echo "installing openjdk-17-jre-headless"; \
	  $(APT_UPDATE) && $(APT_INSTALL) openjdk-17-jre-headless >/dev/null; }
	@$(PY) -c 'import pyspark, pyarrow, pytest, numpy, sys; sys.exit(pyspark.__version__ != "4.3.0")' 2>/dev/null || \
	  $(PY) -m pip install -q --disable-pip-version-check -r tools/spark/requirements.txt

test: test-deps spark-deps
	$(SWIFT) build --product perimeter
	PERIMETER_BIN=$(CURDIR)/.build/debug/perimeter $(PY) -m pytest tools/spark/tests -q -p no:cacheprovider
	$(MAKE) --no-print-directory install-check
	PERIMETER_PYTHON=$(PY) $(SWIFT) test

bench: test-deps release
	PERIMETER_PYTHON=$(PY) bash tools/bench/run.sh

## The Spark job against one process on the 10,000-track workload (Spark local[2]).
bench-spark: spark-deps release
	PERIMETER_PYTHON=$(PY) bash tools/spark/bench.sh

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
	PERIMETER_PYTHON=$(PY) \
	$(SWIFT) test --sanitize=address --disable-xctest --scratch-path .build-asan

## libFuzzer harnesses (fuzz/Sources/PerimeterFuzz) for the GeoJSON/JSON reader, the CSV and GPX track
## readers, the time parser (with the decimal parser checked against strtod) and WKT/WKB reading, built
## with -sanitize=fuzzer,address in their own build folder (SwiftPM points `main` at the harness's own
## entry point, which starts libFuzzer's driver; --allow-multiple-definition lets that override the
## runtime's `main`). Each runs FUZZ_SECONDS from the seed corpus in
## fuzz/corpus/<harness>/ (new inputs go to out/fuzz/corpus/, crashing inputs to out/fuzz/crashes/);
## any crash, sanitizer report, hang (> 10 s per input) or parser disagreement fails the target.
FUZZ_SECONDS ?= 60
FUZZ_HARNESSES ?= geojson csv gpx time geometry
FUZZ_BIN := .build-fuzz/debug/perimeter-fuzz
fuzz: deps
	set -o pipefail; $(SWIFT) build -c debug --scratch-path .build-fuzz --product perimeter-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xlinker --allow-multiple-definition 2>&1 \
	  | grep -v "Cannot export local symbol"
	@mkdir -p out/fuzz; failed=""; \
	for h in $(FUZZ_HARNESSES); do \
	  mkdir -p out/fuzz/corpus/$$h out/fuzz/crashes/$$h; \
	  echo "== fuzz $$h for $(FUZZ_SECONDS) s (log: out/fuzz/$$h.log)"; \
	  FUZZ_HARNESS=$$h ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no nice $(FUZZ_BIN) -max_total_time=$(FUZZ_SECONDS) \
	    -timeout=10 -rss_limit_mb=4096 -max_len=16384 -print_final_stats=1 \
	    -artifact_prefix=out/fuzz/crashes/$$h/ out/fuzz/corpus/$$h fuzz/corpus/$$h >out/fuzz/$$h.log 2>&1 \
	    || failed="$$failed $$h"; \
	  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|^SUMMARY|^==[0-9]+==ERROR|^Fatal error' out/fuzz/$$h.log | sed 's/^/   /'; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz: crashes in:$$failed (inputs in out/fuzz/crashes/)"; exit 1; fi; \
	echo "fuzz: no crash"

## The concurrency suite under ThreadSanitizer (own build folder).
tsan: test-deps
	PERIMETER_PYTHON=$(PY) SWIFT_BACKTRACE=enable=no \
	TSAN_OPTIONS=halt_on_error=1 \
	$(SWIFT) test --sanitize=thread --disable-xctest --scratch-path .build-tsan --filter Concurrency

## The README's map of the default comparison (docs/compare-default.svg + .png; needs rsvg-convert).
docs-map: release
	@command -v rsvg-convert >/dev/null || { $(APT_UPDATE) && $(APT_INSTALL) librsvg2-bin >/dev/null; }
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
	  $(APT_UPDATE) && $(APT_INSTALL) --no-install-recommends qgis python3-qgis >/dev/null; }
	@rm -rf $(QGIS_OUT) && mkdir -p $(QGIS_OUT)/compare $(QGIS_OUT)/incursions
	$(BIN) compare --quiet --out $(QGIS_OUT)/compare >/dev/null
	$(BIN) render $(QGIS_OUT)/compare/*.geojson -o $(QGIS_OUT)/compare/all.gpkg
	$(BIN) render $(QGIS_OUT)/compare/*.geojson -o $(QGIS_OUT)/compare/all.kml
	for ext in geojson gpkg kml; do \
	  $(BIN) incursions --quiet --scenario poland-2025-09-10 -o $(QGIS_OUT)/incursions/poland.$$ext >/dev/null || true; done
	QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/qgis/check.py $(QGIS_OUT)/compare $(QGIS_OUT)/incursions

## Installs under PREFIX (default /usr/local): bin/perimeter, share/perimeter/GeoData (found by the
## binary from any directory), share/man/man1/perimeter.1 and bash/zsh/fish completions, all generated
## by swift-argument-parser from the release binary (tools/install/install.sh).
install: release
	bash tools/install/install.sh "$(BIN)" "$(PREFIX)"

## `make install` into a fresh temporary prefix, then the installed tool run from another directory
## (perimeter --version, perimeter compare, the completions) and its man page shown by `man -l`.
install-check: release
	bash tools/install/check.sh

clean:
	rm -rf .build .build-fuzz .build-tsan out
