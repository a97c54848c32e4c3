# TriggerMap: `make run` to serve, `make test` to check everything. `make help` lists targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
# pip compiles the matcher with mypyc (setup.py), so editing one of its modules means reinstalling
MATCHER := $(shell find app/matching -name '*.py')

.DEFAULT_GOAL := help
.PHONY: help install install-dev run migrate seed check-data test lint typecheck bench wrk clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

$(VENV)/bin/pip:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml setup.py $(MATCHER) | $(VENV)/bin/pip
	$(BIN)/pip install --quiet -e .
	touch $(STAMP)

# A missing build (its .so files deleted) is rebuilt too, once, unless TRIGGERMAP_PURE_PYTHON is
# set: the marker is touched once per run, and the first install after it stamps both.
ifeq ($(wildcard app/matching/engine.*.so)$(TRIGGERMAP_PURE_PYTHON),)
$(STAMP) $(DEV_STAMP): $(VENV)/.rebuild
endif
$(VENV)/.rebuild: force | $(VENV)/bin/pip
	@touch $@
.PHONY: force
force:

# The dev install is a full install too (one compile, not two): it stamps both.
$(DEV_STAMP): pyproject.toml setup.py $(MATCHER) | $(VENV)/bin/pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP) $(DEV_STAMP)

install: $(STAMP) ## Create .venv with the triggermap command and its runtime dependencies (compiles the matcher)
install-dev: $(DEV_STAMP) ## install, plus the test, lint and type-check tools

migrate: install ## Upgrade the database schema
	$(BIN)/triggermap migrate

seed: migrate ## Load data/ into the database (idempotent)
	$(BIN)/triggermap seed

check-data: install ## Validate data/ without a database
	$(BIN)/triggermap check-data

release: install ## The data package of data/ in dist/package: seeded into a fresh SQLite database, then exported
	rm -rf dist && mkdir -p dist
	TRIGGERMAP_DATABASE_URL=sqlite:///dist/release.db $(BIN)/triggermap migrate
	TRIGGERMAP_DATABASE_URL=sqlite:///dist/release.db $(BIN)/triggermap seed
	TRIGGERMAP_DATABASE_URL=sqlite:///dist/release.db $(BIN)/triggermap export --out dist/package

run: seed ## Install, migrate, seed, and serve on http://$(HOST):$(PORT)
	$(BIN)/triggermap serve --host $(HOST) --port $(PORT)

lint: install-dev ## ruff (lint + format check)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install-dev ## mypy --strict
	$(BIN)/mypy

test: install-dev lint typecheck check-data ## Lint, type-check and run the whole suite on SQLite and PostgreSQL
	$(BIN)/pytest

bench: install wrk ## Quality, safety and load benchmarks, each run even if one misses (bench/README.md)
	@status=0; \
	$(BIN)/python -m bench.quality || status=1; \
	$(BIN)/python -m bench.triage || status=1; \
	$(BIN)/python -m bench.load || status=1; \
	$(BIN)/python -m bench.export || status=1; \
	exit $$status

wrk: ## The load generator bench.load drives (Debian's wrk), installed when missing
	@command -v wrk >/dev/null || { \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo -n); \
	  $$SUDO apt-get install -y wrk >/dev/null 2>&1 || \
	  { $$SUDO apt-get update >/dev/null && $$SUDO apt-get install -y wrk >/dev/null; } || \
	  echo "make: could not install wrk (apt-get install wrk); bench.load will say so"; }

clean: ## Remove the virtualenv, the compiled matcher and the local database
	rm -rf $(VENV) var build
	find . -name "*.so" -not -path "./$(VENV)/*" -delete
