# Set-up and everyday commands. `make run` and `make test` install on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE ?= samples/ferry-strike.txt

.PHONY: install run test eval bench clean

install: $(STAMP)

# torch is pinned to the CPU wheel that lies on this machine's disk; an unpinned
# torch would pull a multi-GB CUDA build from the registry.
$(STAMP): setup.cfg pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet "torch==2.13.0"
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/mtcheck check --exit-zero $(SAMPLE)

test: $(STAMP)
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/mtcheck eval ../shared/corpus

bench: $(STAMP)
	$(BIN)/python bench/bench_embeddings.py
	$(BIN)/python bench/bench_batch.py

clean:
	rm -rf $(VENV) build *.egg-info
