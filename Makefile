# Two entry points for a fresh clone; everything else is a helper target.
#   make demo   install rasd and run it on the bundled sample articles
#   make test   install what the tests need and run the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint install bench postgres

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/rasd extract samples/

lint: install
	$(BIN)/ruff check rasd tests bench
	$(BIN)/mypy

# The store's tests start a real PostgreSQL server; install Debian's package when missing.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q postgresql; }

test: lint postgres
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/extract_throughput.py
	$(BIN)/python bench/extraction_throughput.py
	$(BIN)/python bench/chrome_quality.py tests/fixtures/pages tests/fixtures/heldout
