# The two set-up commands of the README. Both create the virtualenv on first use.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= kg-out
LINTER := tools/cypher-lint

.PHONY: demo test install install-dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## Build the knowledge graph of the bundled example corpus and print a summary.
demo: install
	$(BIN)/kg build examples -o $(OUT)

## Install the test dependencies, start what the tests need (the tests start FalkorDB themselves), run everything.
test: install-dev $(LINTER)/node_modules/.package-lock.json
	$(BIN)/python -m pytest

# Neo4j's Cypher parser for the lint tests (pinned in package-lock.json); without npm they skip,
# and fail under CI=true.
$(LINTER)/node_modules/.package-lock.json: $(LINTER)/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix $(LINTER) --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the Cypher lint tests will skip (and fail under CI=true)"; fi

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache
