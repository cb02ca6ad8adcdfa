"""Independent baselines for the benchmark: the register's monthly stock, entries and exits per
kelurahan computed straight from the DTKS extract files (no dbt, ledger or publish), once in
hand-written DuckDB SQL and once in plain pandas, plus a check that both equal Pantau's marts."""

import sys
from pathlib import Path


def command_line(run, usage: str, argv: list[str]) -> int:
    """`python -m ...<baseline> <inbox_dtks_dir> <seeds_dir> <output.parquet>` for either baseline."""
    if len(argv) != 3:
        print(usage.strip(), file=sys.stderr)
        return 2
    inbox_dtks_dir, seeds_dir, output = (Path(arg) for arg in argv)
    output.parent.mkdir(parents=True, exist_ok=True)
    run(inbox_dtks_dir, seeds_dir, output)
    return 0
