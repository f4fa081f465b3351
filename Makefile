# Two entry points for a fresh clone; everything else is a helper target.
#   make demo   install rasd and run it on the bundled sample articles
#   make test   install what the tests need and run the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint install bench postgres assets browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

# The map and chart bundle (Leaflet, Chart.js) is built from the npm registry.
ASSETS := rasd/web/static/build/app.js
FRONTEND := rasd/web/frontend
$(ASSETS): $(FRONTEND)/package.json $(FRONTEND)/package-lock.json $(wildcard $(FRONTEND)/src/*)
	@command -v npm >/dev/null || { echo "npm is needed to build the map and chart: install Node.js and npm (Debian: apt-get install nodejs npm)"; exit 1; }
	cd $(FRONTEND) && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent

assets: $(ASSETS)

# Ingest the bundled samples, then serve them on http://127.0.0.1:8000 (Ctrl-C stops it).
demo: install assets
	$(BIN)/rasd ingest samples/ --db rasd.db
	$(BIN)/rasd serve --db rasd.db --port 8000

lint: install
	$(BIN)/ruff check rasd tests bench scripts
	$(BIN)/mypy

# The store's tests start a real PostgreSQL server; install Debian's package when missing.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q postgresql; }

# The end-to-end tests drive Debian's Chromium; install it when missing.
browser:
	@test -x /usr/bin/chromium || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q chromium; }

test: lint postgres assets browser
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/extract_throughput.py
	$(BIN)/python bench/extraction_throughput.py
	$(BIN)/python bench/chrome_quality.py tests/fixtures/pages tests/fixtures/heldout
