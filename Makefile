# Two entry points for a fresh clone; everything else is a helper target.
#   make demo   install rasd and run it on the bundled sample articles
#   make test   install what the tests need and run the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint install bench

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

test: lint
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/extract_throughput.py
	$(BIN)/python bench/extraction_throughput.py
	$(BIN)/python bench/chrome_quality.py tests/fixtures/pages tests/fixtures/heldout
