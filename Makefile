# Two commands on a fresh machine: `make run` and `make test`. Each makes .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APP := $(VENV)/.app
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean

# The app alone for `make run`; `make test` adds the test tools.
$(APP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(APP)

$(STAMP): $(APP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(APP)
	$(BIN)/meetingtui

test: lint
	$(BIN)/pytest -q -n auto

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) build *.egg-info
