# TriggerMap: `make run` to serve, `make test` to check everything. `make help` lists targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.DEFAULT_GOAL := help
.PHONY: help install install-dev run migrate seed check-data test lint typecheck bench wrk clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(STAMP)

$(DEV_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(DEV_STAMP)

install: $(STAMP) ## Create .venv with the triggermap command and its runtime dependencies
install-dev: $(DEV_STAMP) ## install, plus the test, lint and type-check tools

migrate: install ## Upgrade the database schema
	$(BIN)/triggermap migrate

seed: migrate ## Load data/ into the database (idempotent)
	$(BIN)/triggermap seed

check-data: install ## Validate data/ without a database
	$(BIN)/triggermap check-data

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
	exit $$status

wrk: ## The load generator bench.load drives (Debian's wrk), installed when missing
	@command -v wrk >/dev/null || { \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo -n); \
	  $$SUDO apt-get install -y wrk >/dev/null 2>&1 || \
	  { $$SUDO apt-get update >/dev/null && $$SUDO apt-get install -y wrk >/dev/null; } || \
	  echo "make: could not install wrk (apt-get install wrk); bench.load will say so"; }

clean: ## Remove the virtualenv and local database
	rm -rf $(VENV) var
