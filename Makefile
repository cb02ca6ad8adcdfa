# Two commands do everything: `make demo` and `make test` (see README.md).
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install demo test chromium refresh serve screenshots bench bench-dashboard clean

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

# Screenshots of every page at 1366x768 into docs/screenshots/ (builds the demo if needed).
screenshots: install chromium
	$(BIN)/python scripts/screenshots.py

# The benchmark (issue 8): S1, S5, S20 against DuckDB-SQL and pandas baselines -> docs/benchmarks.md
# (about an hour on 2 cores; needs about 15 GB of disk under data/bench/, removed afterwards).
bench: install
	$(BIN)/pantau bench

# Latency of every dashboard callback on the published warehouse (median, 95th percentile).
bench-dashboard: install
	$(BIN)/python -m warehouse.bench.dashboard_queries

clean:
	rm -rf data/work data/published data/dbt_target
