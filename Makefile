# Two commands cover a fresh machine (each makes or reuses .venv itself):
#   make serve   install, then preview the handbook at http://127.0.0.1:8000
#   make test    install with test tools, then run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# Material and ProperDocs print a banner about MkDocs 2.0 on every build;
# this project pins mkdocs<2, so the banner is noise (see README).
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: serve preview build check test screenshots mutation lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

serve: $(VENV)/.installed
	$(BIN)/mkdocs serve

# For large handbooks: after the first build, an edit rebuilds only its own page.
preview: $(VENV)/.installed
	$(BIN)/mkdocs serve --dirty --no-strict

build: $(VENV)/.installed
	$(BIN)/mkdocs build --strict

check: $(VENV)/.installed
	$(BIN)/handbook check --strict

# yaml-language-server (VS Code's YAML engine) for tests/test_editor_lsp.py, from npm
# into node_modules/ (git-ignored); without npm that test is skipped.
node_modules/.bin/yaml-language-server:
	command -v npm >/dev/null && npm install --no-save --no-audit --no-fund --silent \
		yaml-language-server@1.25.0 || echo "no npm, or npm install failed: tests/test_editor_lsp.py is skipped (fails in CI)"

# Bytecode is written even where PYTHONDONTWRITEBYTECODE is set (as on some CI
# images): the second worker and every program a test starts (ProperDocs, mike,
# the workflow steps) then load the compiled package instead of compiling it again
# (measured: 5 % of the suite's CPU). __pycache__/ is git-ignored.
#
# The suite writes about 500 MB of site builds and copies into temporary folders:
# unless TMPDIR is set, they go to /dev/shm where it is a RAM disk with room (measured
# on a machine with a slow disk: 10 % of the suite's time went to writing them), and
# after the run pytest keeps little more than those of failed tests (pyproject.toml).
TEST_TMPDIR := $(if $(TMPDIR),,$(shell df -Pk /dev/shm 2>/dev/null | \
	awk 'NR == 2 && $$4 > 2000000 {print "/dev/shm"}'))
test: $(VENV)/.installed-test node_modules/.bin/yaml-language-server
	env -u PYTHONDONTWRITEBYTECODE $(if $(TEST_TMPDIR),TMPDIR=$(TEST_TMPDIR)) \
		$(BIN)/python -m pytest -n auto --dist worksteal

# The browser tests that look at each kind of page, saving what they see as
# test-artifacts/screenshots/*.png (review-*.png: the pages a person reviews first).
screenshots: $(VENV)/.installed-test
	HANDBOOK_SCREENSHOTS=1 $(BIN)/python -m pytest -n auto tests/browser/test_accessibility.py \
		tests/browser/test_reader_under_pressure.py -k "accessibility or phone"

# Mutation run over the safety-critical modules ([tool.mutmut] in pyproject.toml):
# a fresh ./mutants copy each time, then the mutants no test killed.
mutation: $(VENV)/.installed-test
	$(BIN)/python -m pip install --quiet 'mutmut>=3.8,<4'
	rm -rf mutants
	$(BIN)/mutmut run
	$(BIN)/mutmut results

lint: $(VENV)/.installed-test
	$(BIN)/ruff check playbook_handbook macros tests benchmarks

clean:
	rm -rf site mutants $(VENV)
