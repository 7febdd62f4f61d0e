# Two commands do all the set-up:  make demo  (try it)  and  make test  (what CI runs).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
QUOTE ?= we owe it to the American people

.PHONY: demo test lint install clean docs

$(BIN)/quotecheck: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

install: $(BIN)/quotecheck

## make demo: create .venv, install quotecheck, index corpus/ and look up a sample quote
demo: install
	$(BIN)/quotecheck index corpus/
	$(BIN)/quotecheck check "$(QUOTE)"

## make test: install the test extras, then lint, type-check and run the whole suite
test: install lint
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check quotecheck tests bench scripts
	$(BIN)/ruff format --check quotecheck tests bench scripts
	$(BIN)/mypy

## make docs: regenerate the command reference in README.md from --help
docs: install
	$(BIN)/python scripts/readme.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
