# The two set-up commands of the README. Both create the virtualenv on first use.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= kg-out
LINTER := tools/cypher-lint
ASSETS := tools/report-assets
BROWSER := tools/browser
NEO4J_SERVER := tools/neo4j-server
CHROMIUM ?= /usr/bin/chromium
GEPHI  := tools/gephi-import

.PHONY: demo test lint install install-dev browser report-assets neo4j-server clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# `make demo` installs a regular copy (quiet: setuptools warns on every editable install);
# `make install-dev` / `make test` install the working tree in editable mode over it.
$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet .
	touch $@

$(VENV)/.installed-dev: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## Build the knowledge graph of the bundled example corpus, print a summary, write its report.
demo: install
	$(BIN)/kg build examples -o $(OUT)
	$(BIN)/kg report --from $(OUT) -o $(OUT)/report

## Install the test dependencies, start what the tests need (the tests start FalkorDB and Neo4j themselves), run everything.
test: lint $(LINTER)/node_modules/.package-lock.json $(ASSETS)/node_modules/.package-lock.json browser $(GEPHI)/target/gephi-import.jar neo4j-server
	$(BIN)/python -m pytest

## The static checks, first in `make test`: ruff (style, likely bugs, import order) and mypy (types;
## strict for kg/core, kg/stores, kg/readers). Rules and how to silence a false positive: CONTRIBUTING.md.
lint: install-dev
	@$(BIN)/ruff check . || { echo "make lint: ruff found the problems above; \`$(BIN)/ruff check --fix .\` fixes those marked [*] (CONTRIBUTING.md, Checks)"; exit 1; }
	@$(BIN)/mypy || { echo "make lint: mypy found the type errors above (CONTRIBUTING.md, Checks)"; exit 1; }

# Neo4j's Cypher parser for the lint tests (pinned in package-lock.json); without npm they skip,
# and fail under CI=true.
$(LINTER)/node_modules/.package-lock.json: $(LINTER)/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix $(LINTER) --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the Cypher lint tests will skip (and fail under CI=true)"; fi

# The report's pinned browser libraries, for the test that the vendored copies match them.
$(ASSETS)/node_modules/.package-lock.json: $(ASSETS)/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix $(ASSETS) --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the vendored-assets test will skip (and fail under CI=true)"; fi

## Headless Chromium for the page tests: Debian's chromium (apt-get, as root or through sudo, when
## $(CHROMIUM) is missing) driven by the pinned playwright-core in $(BROWSER) (never a browser download).
browser: $(BROWSER)/node_modules/.package-lock.json $(CHROMIUM)

$(BROWSER)/node_modules/.package-lock.json: $(BROWSER)/package-lock.json
	@if command -v npm >/dev/null; then \
	  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix $(BROWSER) --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the browser tests will skip (and fail under CI=true)"; fi

$(CHROMIUM):
	@if ! command -v apt-get >/dev/null; then \
	  echo "no apt-get: install Chromium at $(CHROMIUM) (or set CHROMIUM=); the browser tests will skip (and fail under CI=true)"; \
	elif [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation; \
	elif command -v sudo >/dev/null; then \
	  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation; \
	else echo "not root and no sudo: cannot install chromium; the browser tests will skip (and fail under CI=true)"; fi

# Gephi's own GraphML importer for the export tests: the Gephi Toolkit (pinned in pom.xml) fetched
# from Maven Central once, into $(GEPHI)/target/lib; without Maven the tests skip (and fail under CI=true).
$(GEPHI)/target/gephi-import.jar: $(GEPHI)/pom.xml $(shell find $(GEPHI)/src -type f)
	@if command -v mvn >/dev/null; then mvn -q -B -f $(GEPHI)/pom.xml package; \
	else echo "mvn not found: the Gephi import tests will skip (and fail under CI=true)"; fi

## Re-vendor the report's browser libraries (pinned in $(ASSETS)/package-lock.json) into
## kg/report/static/vendor/; the copies are committed, so only a version change needs this.
report-assets:
	npm ci --prefix $(ASSETS) --no-audit --no-fund --loglevel=error
	node $(ASSETS)/vendor.mjs

## A Neo4j 5.26 Community server for the tests and benchmarks (tests/kg/stores/neo4j_local.py starts it) and
## cypher-shell: Maven fetches the thin jars from Maven Central once (cached in ~/.m2) into
## $(NEO4J_SERVER)/target (git-ignored) and compiles the launcher. Without Java or Maven the Neo4j
## tests skip (and fail under CI=true).
neo4j-server: $(NEO4J_SERVER)/target/.built

$(NEO4J_SERVER)/target/.built: $(NEO4J_SERVER)/pom.xml $(NEO4J_SERVER)/cypher-shell/pom.xml $(wildcard $(NEO4J_SERVER)/src/main/java/org/paperkg/neo4jserver/*.java)
	@if command -v mvn >/dev/null && command -v java >/dev/null; then \
	  mvn -q -B -Dstyle.color=never -f $(NEO4J_SERVER)/pom.xml clean package && \
	  mvn -q -B -Dstyle.color=never -f $(NEO4J_SERVER)/cypher-shell/pom.xml package && touch $@; \
	else echo "Java or Maven not found: the Neo4j tests will skip (and fail under CI=true)"; fi

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache $(GEPHI)/target $(NEO4J_SERVER)/target
