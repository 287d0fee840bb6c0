# Run `make` or `make help` for the list of targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash

# Python 3.11: `python3.11` if on the PATH, else `python3` (checked to be 3.11 at set-up).
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3 2>/dev/null || echo python3.11)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Fixed hash seed and file dates: the same inputs give the same bytes.
export PYTHONHASHSEED := 0
export SOURCE_DATE_EPOCH := 0

NBVAL_FLAGS := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

.PHONY: help setup run test lint unit nbval bench lab clean distclean lock

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

setup: $(STAMP) ## create .venv, install the locked dependencies and the package, register the Jupyter kernel

$(STAMP): requirements.lock requirements-pip.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null || { \
	  echo "error: set-up needs Python 3.11, and '$(PYTHON)' is missing or another version." >&2; \
	  echo "Fix: install Python 3.11, or run 'make PYTHON=/path/to/python3.11 setup'." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-pip.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name newscorpus --display-name "Python (newscorpus)" >/dev/null
	@touch $@
	@echo "set-up done: $(VENV) with the locked dependencies, kernel 'newscorpus' registered"

run: setup ## execute every notebook with papermill (params/default.yaml) and write the figures
	$(BIN)/newscorpus run

test: setup lint unit nbval ## run the linter, the library tests and the notebook tests

lint: setup ## check the library, tests and notebooks with ruff
	$(BIN)/ruff check lib tests notebooks benchmarks

unit: setup ## run the library's unit tests and doctests (in parallel: one process per core)
	$(BIN)/pytest -n auto

nbval: setup ## re-execute the stored notebooks, compare their outputs (nbval) and their figure files
	@mkdir -p build && (cd figures && sha256sum -- *) > build/figures-before.sha256
	$(BIN)/pytest $(NBVAL_FLAGS) notebooks
	@(cd figures && sha256sum -- *) > build/figures-after.sha256
	@diff build/figures-before.sha256 build/figures-after.sha256 >/dev/null || { \
	  echo "error: re-executing the notebooks changed these files in figures/:" >&2; \
	  diff build/figures-before.sha256 build/figures-after.sha256 >&2; \
	  echo "Fix: run 'make run' and commit the figures, or make the figure code deterministic." >&2; \
	  exit 1; }
	@echo "figures/: every file reproduced byte for byte by the re-executed notebooks"

bench: setup ## print throughput and memory on synthetic corpora (not a test; several hours with the 1 GB Dask rows)
	$(BIN)/python benchmarks/bench_corpus.py --mb 20
	$(BIN)/python benchmarks/bench_clean.py --mb 20
	$(BIN)/python benchmarks/bench_sentiment.py --sentences 50000
	$(BIN)/python benchmarks/bench_motives.py --sentences 20000
	$(BIN)/python benchmarks/bench_extraction.py
	$(BIN)/python benchmarks/bench_collection.py --mb 5 20
	$(BIN)/python benchmarks/bench_clean_pass.py --mb 5 20 50
	$(BIN)/python benchmarks/bench_dask.py --mb 100 1000 --workers 1 2

# JupyterLab refuses to run as root (containers) unless told it may.
LAB_FLAGS ?= $(if $(filter 0,$(shell id -u)),--allow-root,)

lab: setup ## open the notebooks in JupyterLab with the project kernel
	$(BIN)/jupyter lab $(LAB_FLAGS) notebooks

clean: ## remove generated files (build/, corpus/processed/, caches); keeps .venv
	rm -rf build .pytest_cache .ruff_cache .hypothesis
	find corpus/processed -mindepth 1 ! -name README.md -delete 2>/dev/null || true
	find . -name __pycache__ -type d -not -path './$(VENV)/*' -prune -exec rm -rf {} +

distclean: clean ## also remove the virtual environment
	rm -rf $(VENV)

lock: ## re-resolve requirements.lock from pyproject.toml (needs uv; maintainers only)
	uv pip compile pyproject.toml requirements.in --extra dev --generate-hashes \
	  --python-version 3.11 --no-header -o requirements.lock
