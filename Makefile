# sora-sdk developer entry points. Everything runs inside $(VENV); override with
#   make test PYTHON=python3.12 VENV=/tmp/sora/.venv
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Written after a successful install; re-install only when the dependency list changes.
STAMP := $(VENV)/.sora-sdk-installed
PROMPT ?= a red circle moving right
# Empty here: this machine's pip config finds the torch CPU wheel locally. Elsewhere, set
# TORCH_INDEX=https://download.pytorch.org/whl/cpu to get a CPU build instead of PyPI's CUDA one.
TORCH_INDEX ?=

.PHONY: install test test-slow demo bench

install: $(STAMP)

# torch first and pinned: an unpinned `torch` requirement resolves to the multi-GB CUDA build,
# while torch==2.13.0 matches the CPU wheel this project's machines keep locally. The editable
# install then finds torch already satisfied (pyproject asks for torch>=2.4).
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install torch==2.13.0 $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX))
	$(BIN)/python -m pip install -e '.[test]'
	touch $@

# The default suite: pyproject's addopts exclude tests marked `slow`.
test: install
	$(BIN)/python -m pytest

# A later -m overrides the `-m 'not slow'` in addopts.
test-slow: install
	$(BIN)/python -m pytest -m slow

demo: install
	$(BIN)/sora-sdk generate "$(PROMPT)" --out demo.mp4

bench: install
	@set -e; ls benchmarks/*.py >/dev/null || { echo "no benchmarks/*.py to run"; exit 1; }; \
	for script in benchmarks/*.py; do \
		echo "== $$script"; \
		$(BIN)/python "$$script"; \
	done
