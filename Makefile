# casegraph: `make demo` runs the main job end to end, `make test` runs every test.
# Both set up everything they need: system packages if missing (Java and Maven; Chromium for
# the tests), the virtualenv with casegraph and its dependencies, and the Neo4j launcher.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
JAR := launcher/target/casegraph-neo4j-launcher.jar
LAUNCHER_SRC := launcher/pom.xml $(shell find launcher/src -type f 2>/dev/null)
CORPUS := examples/crimea

.PHONY: demo test lint schema docs bench learn notebooks system-deps browser-deps venv launcher clean help

help:
	@echo "make demo    validate, load and summarise examples/crimea in a local Neo4j"
	@echo "make test    run the whole test suite (starts its own Neo4j)"
	@echo "make lint    ruff and mypy"
	@echo "make bench   load benchmark (bench/load.py)"
	@echo "make schema  regenerate queries/schema.cypher from graph/ontology.yaml"
	@echo "make learn   retrain the learned event finder's weights from the annotated development corpus"
	@echo "make docs    regenerate docs/reference/ from the code and build the offline docs site into site/"
	@echo "make notebooks  JupyterLab on 127.0.0.1 with the notebooks/ (start Neo4j for 02)"

# Java 17 and Maven build and run the local Neo4j; installed only when missing.
system-deps:
	@missing=""; \
	command -v java >/dev/null 2>&1 || missing="$$missing openjdk-17-jdk-headless"; \
	command -v mvn >/dev/null 2>&1 || missing="$$missing maven"; \
	$(PYTHON) -c 'import venv, ensurepip' >/dev/null 2>&1 || missing="$$missing python3-venv"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

$(BIN)/.installed: setup.cfg pyproject.toml | system-deps
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

venv: $(BIN)/.installed

# Chromium and ChromeDriver run the browser tests (Neo4j Browser served by the launcher),
# openssl makes the certificates of the remote-TLS test; only `make test` needs them.
# Installed only when missing.
browser-deps:
	@missing=""; \
	test -x /usr/bin/chromium || missing="$$missing chromium"; \
	command -v openssl >/dev/null 2>&1 || missing="$$missing openssl"; \
	test -x /usr/bin/chromedriver || missing="$$missing chromium-driver"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

$(JAR): $(LAUNCHER_SRC) | system-deps
	mvn -q -B -f launcher/pom.xml package -DskipTests
	touch $@

launcher: $(JAR)

demo: venv launcher
	@set -e; \
	$(BIN)/casegraph validate $(CORPUS); \
	$(BIN)/casegraph stats $(CORPUS); \
	if $(BIN)/casegraph neo4j status >/dev/null 2>&1; then started=0; else started=1; fi; \
	$(BIN)/casegraph neo4j start; \
	trap 'if [ $$started = 1 ]; then $(BIN)/casegraph neo4j stop; fi' EXIT; \
	$(BIN)/casegraph load --no-progress $(CORPUS); \
	echo "Reloading the same files changes nothing:"; \
	$(BIN)/casegraph load --no-progress $(CORPUS); \
	echo "Read back from Neo4j:"; \
	$(BIN)/casegraph stats --from neo4j; \
	echo "A saved query: the defendants of the case against Dzhelyal, with lawyers and charges:"; \
	$(BIN)/casegraph query case-defendants -p case "Sabotage case against Nariman Dzhelyal"; \
	echo "How is Chalgozov connected to Polozov, and on what evidence?"; \
	$(BIN)/casegraph connect Chalgozov Polozov --from neo4j -k 1 --redact; \
	$(BIN)/casegraph analyze --from neo4j --top 5 --exclude-generic --redact; \
	mkdir -p out; \
	$(BIN)/casegraph view --from neo4j --redact --force -o out/crimea.html; \
	$(BIN)/casegraph export --from neo4j --redact --force -o out/crimea.graphml; \
	$(BIN)/casegraph export --from neo4j --redact --force --to ftm -o out/crimea.ftm.json; \
	echo "Open out/crimea.html in a browser (offline; people at risk appear as Person A, Person B)."; \
	echo "To explore the graph in the investigation app: .venv/bin/casegraph serve --open (add --redact to pseudonymise people at risk)."

test: venv launcher browser-deps
	$(BIN)/python -m pytest

lint: venv
	$(BIN)/ruff check casegraph graph loaders queries tests bench
	$(BIN)/mypy
	$(BIN)/mypy --strict --follow-imports=silent examples/scripts/summarise.py

schema: venv
	$(BIN)/python -c 'from graph.schema import render_schema; open("queries/schema.cypher", "w").write(render_schema())'

# The docs site, offline: the reference pages are generated from the code first (a test
# fails when the committed ones differ), then MkDocs builds site/ (open site/index.html).
docs: venv
	$(BIN)/python docs/gen_reference.py
	$(BIN)/mkdocs build --strict --site-dir site

bench: venv launcher
	$(BIN)/python bench/load.py

# The learned event finder's weights (loaders/extract/learn/weights.json) come from the annotated
# development corpus; a test fails when the committed file differs from a retraining.
learn: venv
	$(BIN)/python -m loaders.extract.learn.train

# JupyterLab is installed on demand here only (make test runs the notebooks with nbclient).
notebooks: venv
	@$(BIN)/python -c 'import jupyterlab' 2>/dev/null || $(BIN)/python -m pip install -q 'jupyterlab>=4,<5'
	$(BIN)/jupyter lab --ip=127.0.0.1 --no-browser --notebook-dir=notebooks

clean:
	rm -rf $(VENV) launcher/target .pytest_cache .mypy_cache .ruff_cache *.egg-info
