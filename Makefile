# pactgraph: every target is a thin call to the venv or to the `pactgraph` CLI.
# `make help` lists the targets.

PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
CORPUS ?= data/corpus
STORE  ?= data/store
PYTEST_ARGS ?=

STAMP     := $(VENV)/.installed
NPM_STAMP := node_modules/.installed

.DEFAULT_GOAL := help
.PHONY: help run build serve test check format lint audit bench fuzz docs clean distclean assets

help: ## list the targets with their purpose
	@grep -E '^[a-z][a-zA-Z_-]*:.*## ' $(MAKEFILE_LIST) | sort | \
	  awk 'BEGIN {FS = ":.*## "}; {printf "  \033[36m%-10s\033[0m %s\n", $$1, $$2}'

# The venv is rebuilt only when the dependency declarations change.
$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	@touch $@

# Front-end assets (YASGUI, Cytoscape.js) from npm; optional: the API works without them.
$(NPM_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	 else echo "npm not found: the query editor and the graph explorer will say their assets are missing"; fi

assets: ## install the front-end assets from npm (npm ci)
	@$(MAKE) --no-print-directory $(NPM_STAMP) || echo "front-end assets not installed; the API still works"

build: $(STAMP) ## extract the corpus and publish the graph into the embedded store
	$(BIN)/pactgraph build --corpus $(CORPUS) --store $(STORE)

run: $(STAMP) ## set up, build the graph from data/corpus, and serve it on HOST:PORT
	-@$(MAKE) --no-print-directory assets
	$(BIN)/pactgraph build --corpus $(CORPUS) --store $(STORE)
	$(BIN)/pactgraph serve --store $(STORE) --host $(HOST) --port $(PORT)

serve: $(STAMP) ## serve the already-built store on HOST:PORT
	$(BIN)/pactgraph serve --store $(STORE) --host $(HOST) --port $(PORT)

test: $(STAMP) ## set up and run the whole test suite
	-@$(MAKE) --no-print-directory assets
	$(BIN)/pytest $(PYTEST_ARGS)

docs: build ## regenerate docs/ontology.md, its diagram and queries/README.md from the built graph
	$(BIN)/pactgraph docs --store $(STORE)

format: $(STAMP) ## reformat the code with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

lint: $(STAMP) ## format check and lint (ruff)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

audit: $(STAMP) ## audit the installed dependencies for known vulnerabilities (pip-audit)
	@# --strict: a package that could not be looked up fails the audit instead of passing unseen.
	@$(BIN)/pip-audit --strict --progress-spinner off --skip-editable || { \
	  echo "audit: FAILED - a known vulnerability, or packages pip-audit could not look up (is its"; \
	  echo "vulnerability service, pypi.org's per-release JSON or osv.dev, reachable from here?)"; exit 1; }

check: lint audit test ## format check, lint, dependency audit and tests

bench: $(STAMP) ## run the benchmarks side by side and print their ratios
	$(BIN)/python -m bench

fuzz: $(STAMP) ## longer fuzzing runs (schemathesis, hypothesis) and the 60 s load test, than CI's
	PACTGRAPH_FUZZ_EXAMPLES=2000 PACTGRAPH_LOAD_SECONDS=60 $(BIN)/pytest -m "not browser" tests/reliability $(PYTEST_ARGS)

clean: ## remove built stores, caches and test output
	rm -rf $(STORE) build *.egg-info .pytest_cache .ruff_cache test-output
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean ## also remove the venv and node_modules
	rm -rf $(VENV) node_modules
