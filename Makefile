# Two commands for people: `make site` (set up, then build) and `make test` (set up, then check everything).
# `make check` is the quick loop (lint, types, pure tests); `make lock` recompiles the hash-locked requirements.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
NODE_STAMP := node_modules/.installed

.PHONY: site test check types lint format lock bench clean lighthouse

site: $(STAMP)
	$(PY) build.py

test: lint types $(NODE_STAMP)
	$(PY) -m pytest -n 2 --dist loadgroup

# The quick loop, under 30 s: the linters, the type checker and the pure tests (tests/unit/: no process,
# no socket, no Pagefind, no browser). `make test` runs these and tests/integration/, browser/ and the rest.
check: lint types
	$(PY) -m pytest -q tests/unit

# Lighthouse (mobile) on home, an article and a country page of the seed site; fails under the thresholds.
lighthouse: $(DEV_STAMP) $(NODE_STAMP)
	$(PY) scripts/lighthouse.py

bench: $(STAMP)
	$(PY) build.py bench --articles 10000 --runs 3

lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

# mypy --strict over revue/ and build.py (pyproject.toml [tool.mypy]; stubs it lacks in typings/).
types: $(DEV_STAMP)
	$(VENV)/bin/mypy

format: $(DEV_STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

# Installs only what the lock names, each file checked against its hash (the lock holds them all).
$(STAMP): requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install -q --require-hashes -r requirements.txt
	touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install -q --require-hashes -r requirements-dev.txt
	touch $(STAMP) $@

# The direct pins live in requirements*.in; this resolves them with every dependency, and the hashes of
# each release's files, into requirements*.txt. Pins already in a .txt stay unless the .in changed them.
PIP_COMPILE := CUSTOM_COMPILE_COMMAND="make lock" $(VENV)/bin/pip-compile --quiet --generate-hashes \
	--allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links

lock: $(DEV_STAMP)
	$(PIP_COMPILE) --output-file requirements.txt requirements.in
	$(PIP_COMPILE) --output-file requirements-dev.txt requirements-dev.in

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

clean:
	rm -rf output .cache
