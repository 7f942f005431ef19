# Two entry points: `make demo` (core dependencies only) and `make test` (every extra the tests use).
# Both create .venv if missing and install the package editable; every pip call reads constraints.txt.
# Each install has its own stamp: `make demo` after `make test` installs nothing, `make test` after `make demo`
# adds the extras. `make test-fast` skips the tests marked slow. Both test targets run ruff (lint, then a format
# check; pinned in the dev extra) before pytest.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
CORE_STAMP := $(VENV)/.stamp-core
FULL_STAMP := $(VENV)/.stamp-full
EXTRAS := dev,embed,rl,ray,trl,openenv
# Set to PyTorch's CPU wheel index (pytorch.org's install selector gives its URL) to install the CPU build of
# torch before the extras; constraints.txt pins torch's version but cannot choose the build.
TORCH_INDEX_URL ?=
export PIP_CONSTRAINT := $(CURDIR)/constraints.txt
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: demo test test-fast lint bench install install-core clean

$(PY):
	@echo "== creating venv $(VENV) ($(PYTHON))"
	$(PYTHON) -m venv $(VENV)

$(CORE_STAMP): pyproject.toml setup.py constraints.txt | $(PY)
	@echo "== installing core dependencies (pip progress below)"
	$(PY) -m pip install --progress-bar on -e .
	touch $@

$(FULL_STAMP): pyproject.toml setup.py constraints.txt | $(PY)
ifneq ($(TORCH_INDEX_URL),)
	@echo "== installing torch from $(TORCH_INDEX_URL) (pip progress below)"
	$(PY) -m pip install --progress-bar on --index-url $(TORCH_INDEX_URL) torch
endif
	@echo "== installing the package with the extras $(EXTRAS): torch, ray, sentence-transformers... (~2 GB; pip progress below)"
	$(PY) -m pip install --progress-bar on -e ".[$(EXTRAS)]"
	touch $@ $(CORE_STAMP)

install-core: $(CORE_STAMP)

install: $(FULL_STAMP)

demo: $(CORE_STAMP)
	@echo "== running demo (toolgym demo)"
	$(VENV)/bin/toolgym demo

lint: $(FULL_STAMP)
	@echo "== ruff: lint and format check"
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

test: lint
	@echo "== running every test (pytest)"
	$(PY) -m pytest

test-fast: lint
	@echo "== running the tests not marked slow (pytest -m 'not slow')"
	$(PY) -m pytest -m "not slow"

bench: $(FULL_STAMP)  # the MiniLM figures need the embed extra
	$(VENV)/bin/toolgym bench --json

clean:
	rm -rf $(VENV) build dist *.egg-info
