# covopt-ls: `make help` lists the targets. Every target bootstraps .venv on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install lint format typecheck test test-python test-editors bench demo clean vsix

help: ## list the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

install: $(STAMP) ## create .venv with the package and its dev extra

lint: $(STAMP) ## ruff lint and format check
	$(BIN)/ruff check covopt_ls tests bench
	$(BIN)/ruff format --check covopt_ls tests bench

format: $(STAMP) ## apply ruff fixes and formatting
	$(BIN)/ruff check --fix covopt_ls tests bench
	$(BIN)/ruff format covopt_ls tests bench

typecheck: $(STAMP) ## mypy --strict on the package
	$(BIN)/mypy

test-python: $(STAMP)
	$(BIN)/pytest -q

test-editors: $(STAMP) ## editor client tests (Neovim headless, VS Code extension)
	@if [ -f editors/Makefile ]; then $(MAKE) -C editors test PY=$(abspath $(PY)); fi

test: lint typecheck test-python test-editors ## lint, typecheck, and every test

bench: $(STAMP) ## measurements (printed and written to bench/results/)
	$(PY) -m bench

demo: $(STAMP) ## the example project: coverage, diagnostics, hover (and generation) over LSP
	$(PY) -m covopt_ls.lsp.demo

vsix: ## package the VS Code extension
	$(MAKE) -C editors vsix

clean: ## remove the virtual environment and caches
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
