# Two commands for people: `make site` (set up, then build) and `make test` (set up, then check everything).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
NODE_STAMP := node_modules/.installed

.PHONY: site test lint format bench clean lighthouse

site: $(STAMP)
	$(PY) build.py

test: $(DEV_STAMP) $(NODE_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) -m pytest -n 2 --dist loadgroup

# Lighthouse (mobile) on home, an article and a country page of the seed site; fails under the thresholds.
lighthouse: $(DEV_STAMP) $(NODE_STAMP)
	$(PY) scripts/lighthouse.py

bench: $(STAMP)
	$(PY) build.py bench --articles 10000 --runs 3

lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: $(DEV_STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $(STAMP) $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

clean:
	rm -rf output .cache
