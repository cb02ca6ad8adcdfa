# Two commands do everything: `make demo` and `make test` (see README.md).
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install demo test chromium refresh serve clean

$(BIN)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

install: $(BIN)/.installed

demo: install
	$(BIN)/pantau demo

refresh: install
	$(BIN)/pantau refresh

serve: install
	$(BIN)/pantau serve

chromium:
	command -v chromium >/dev/null || (apt-get update -q && apt-get install -y -q chromium)

test: install chromium
	$(BIN)/pytest

clean:
	rm -rf data/work data/published data/dbt_target
