# Photonik Karriere — developer commands (GNU make). `make help` lists them.
#
#   make run     demo data, translations and the development server on http://127.0.0.1:5000
#   make test    ruff, then the test suite on SQLite (and on PostgreSQL if TEST_DATABASE_URL is set)
#
# Everything a target needs is built on the way (virtualenv, compiled catalogs, node_modules),
# so both work on a fresh checkout with nothing but python3 (>= 3.11) and make installed.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV ?= .venv
PY = $(VENV)/bin/python
BIN = $(VENV)/bin
FLASK = $(BIN)/flask --app portal
STAMP = $(VENV)/.installed-stamp

HOST ?= 127.0.0.1
PORT ?= 5000
# Extra pytest arguments for every pass, e.g. PYTEST_ARGS='-m "not browser"' or PYTEST_ARGS=-x.
PYTEST_ARGS ?=
# The SQLite pass runs on two pytest-xdist workers, whole test files at a time, so the tests of
# one browser module share a live server and Chromium. (`--dist loadgroup` would group them
# by mark, but silently does nothing with pytest 9.2 and xdist 3.8: pytest-xdist issue #1386.)
# `make test XDIST=` runs the pass in one process.
XDIST ?= -n 2 --dist loadfile
BENCH_ARGS ?=
LOAD_ARGS ?=

TRANSLATIONS = translations
POT = $(TRANSLATIONS)/messages.pot
PO = $(TRANSLATIONS)/de/LC_MESSAGES/messages.po
MO = $(PO:.po=.mo)
VERSION := $(shell sed -n "s/^version *= *//p" setup.cfg)

.PHONY: help venv install js compile translations run test test-sqlite test-postgresql \
	lint format bench load clean

help: ## List the targets
	@echo "Photonik Karriere — make targets:"
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | \
		awk 'BEGIN {FS = ":.*## "}; {printf "  %-16s %s\n", $$1, $$2}'
	@echo "Variables: VENV=$(VENV) PYTHON=$(PYTHON) PYTEST_ARGS='...' XDIST='$(XDIST)'" \
		"BENCH_ARGS='...' LOAD_ARGS='...' TEST_DATABASE_URL (enables the PostgreSQL pass of make test)"

# --- environment -------------------------------------------------------------------------

venv: $(STAMP) ## Create .venv and install the portal with its test tools (again when setup.cfg changes)
install: venv

$(STAMP): setup.cfg pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python >= 3.11 is needed; '$(PYTHON)' is older. Use make PYTHON=python3.11 …"; exit 1; }
	@if [ ! -x $(PY) ]; then \
		echo "+ $(PYTHON) -m venv $(VENV)"; \
		$(PYTHON) -m venv $(VENV) || { echo "Could not create $(VENV)." \
			"On Debian/Ubuntu: apt-get install python3-venv"; exit 1; }; \
	fi
	$(PY) -m pip install --disable-pip-version-check -e ".[test]"
	@touch $@

# node_modules holds axe-core for the browser accessibility checks (package-lock.json pins it).
js: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		echo "+ npm ci"; npm ci --no-audit --no-fund; \
	else \
		echo "npm not found: the browser tests' accessibility checks will be skipped."; \
	fi

# --- translations ------------------------------------------------------------------------

compile: $(STAMP) $(if $(wildcard $(PO)),$(MO)) ## Compile the translation catalogs (.po -> .mo)
	@$(if $(wildcard $(PO)),:,echo "compile: no catalog $(PO) yet; 'make translations' creates it")

$(MO): $(PO)
	$(BIN)/pybabel compile -d $(TRANSLATIONS) --statistics

translations: $(STAMP) ## Extract the strings, update the German catalog, compile
	@mkdir -p $(TRANSLATIONS)
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -k lazy_ngettext:1,2 \
		--add-comments=TRANSLATORS: --sort-by-file --project="Photonik Karriere" --version="$(VERSION)" \
		--ignore-dirs=".* ._ node_modules instance test-artifacts" -o $(POT) .
	@if [ -f $(PO) ]; then \
		echo "+ pybabel update -i $(POT) -d $(TRANSLATIONS) -l de --no-fuzzy-matching"; \
		$(BIN)/pybabel update -i $(POT) -d $(TRANSLATIONS) -l de --no-fuzzy-matching; \
	else \
		echo "+ pybabel init -i $(POT) -d $(TRANSLATIONS) -l de"; \
		$(BIN)/pybabel init -i $(POT) -d $(TRANSLATIONS) -l de; \
	fi
	$(BIN)/pybabel compile -d $(TRANSLATIONS) --statistics

# --- run ---------------------------------------------------------------------------------

run: export PORTAL_ENV := development
run: $(STAMP) compile ## Migrate, seed the demo data, index and serve on http://127.0.0.1:5000
	$(FLASK) db upgrade
	$(FLASK) portal seed-demo
	$(FLASK) portal reindex
	@echo
	@echo "=============================================================================="
	@echo "  Photonik Karriere (development) on http://$(HOST):$(PORT)/"
	@echo
	@echo "  DEMO DATA: every organisation, posting and course shown is invented,"
	@echo "  loaded by 'flask portal seed-demo'. Database and search index live in"
	@echo "  instance/ ('make clean' removes them); mails are written to instance/outbox/."
	@echo
	@echo "  Demo employer logins (password: demo-passwort-2026), http://$(HOST):$(PORT)/de/account/login"
	@echo "    demo-arbeitgeber@photonik-karriere.example  trusted, publishes at once (German)"
	@echo "    demo-employer2@photonik-karriere.example    moderated (English)"
	@echo "  Demo staff login (same password), staff console at http://$(HOST):$(PORT)/de/staff/"
	@echo "    demo-clusterteam@photonik-karriere.example  cluster staff: moderation, statistics"
	@echo "  Stop with Ctrl+C."
	@echo "=============================================================================="
	@echo
	$(FLASK) run --host $(HOST) --port $(PORT)

# --- tests and code style ----------------------------------------------------------------

# Runs every part even when one fails, then fails if any did (exit codes such as pytest's
# 5, "no tests collected", count as failures).
test: $(STAMP) compile js ## ruff, pytest on SQLite incl. browser tests, and on PostgreSQL if TEST_DATABASE_URL is set
	@failed=""; \
	$(MAKE) --no-print-directory lint || failed="$$failed lint"; \
	$(MAKE) --no-print-directory test-sqlite || failed="$$failed sqlite"; \
	if [ -n "$${TEST_DATABASE_URL:-}" ]; then \
		$(MAKE) --no-print-directory test-postgresql || failed="$$failed postgresql"; \
	else \
		echo "==> TEST_DATABASE_URL is not set: no PostgreSQL pass"; \
	fi; \
	if [ -n "$$failed" ]; then echo "==> make test FAILED:$$failed"; exit 1; fi; \
	echo "==> make test passed"

test-sqlite: $(STAMP) compile js ## pytest on a SQLite file (ignores TEST_DATABASE_URL)
	@echo "==> pytest on SQLite"
	env -u TEST_DATABASE_URL $(BIN)/pytest $(XDIST) $(PYTEST_ARGS)

# One process: the session fixture drops and migrates the one database in TEST_DATABASE_URL.
# The browser tests are left out: their live server always runs on its own SQLite file.
test-postgresql: $(STAMP) compile ## pytest on TEST_DATABASE_URL (PostgreSQL), without the browser tests
	@test -n "$${TEST_DATABASE_URL:-}" || \
		{ echo "Set TEST_DATABASE_URL=postgresql+psycopg://USER:PASSWORD@HOST:5432/DB"; exit 2; }
	@echo "==> pytest on TEST_DATABASE_URL"
	$(BIN)/pytest -m "not browser" $(PYTEST_ARGS)

lint: $(STAMP) ## ruff check and ruff format --check
	@rc=0; \
	echo "+ ruff check ."; $(BIN)/ruff check . || rc=1; \
	echo "+ ruff format --check ."; $(BIN)/ruff format --check . || rc=1; \
	exit $$rc

format: $(STAMP) ## Apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(STAMP) compile ## Run the benchmarks: make bench BENCH_ARGS="--postings 20000"
	$(PY) bench/run.py $(BENCH_ARGS)

# Uses PostgreSQL (a scratch database beside it) when DATABASE_URL or TEST_DATABASE_URL is set,
# and Redis for the rate limits when REDIS_URL is set; otherwise SQLite and memory.
load: $(STAMP) compile ## Load test: gunicorn with 2 workers, 8 clients for 30 s, then consistency checks
	$(PY) bench/load.py $(LOAD_ARGS)

clean: ## Remove instance/ (dev database, index, outbox), caches and compiled catalogs; keeps .venv
	rm -rf instance .pytest_cache .ruff_cache test-artifacts
	find . \( -path ./.git -o -path ./.venv -o -path ./node_modules \) -prune \
		-o -type d -name __pycache__ -prune -exec rm -rf {} +
	find $(TRANSLATIONS) -name '*.mo' -delete 2>/dev/null || true
