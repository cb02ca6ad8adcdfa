"""DuckDB baseline: run the hand-written duckdb_baseline.sql over the DTKS extracts.

    python -m warehouse.bench.baselines.duckdb_baseline <inbox_dtks_dir> <seeds_dir> <output.parquet>
"""
from __future__ import annotations

import sys
from pathlib import Path

import duckdb

from . import command_line

SCRIPT = Path(__file__).with_name("duckdb_baseline.sql")


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _path(path: Path) -> str:
    """A path for a placeholder that the script already puts inside quotes."""
    return str(path).replace("'", "''")


def run(files_glob: str, seeds_dir: Path, output: Path, threads: int | None = None) -> None:
    sql = SCRIPT.read_text().format(
        files=_quoted(files_glob),
        kelurahan_csv=_path(seeds_dir / "ref_wilayah.csv"),
        provinsi_csv=_path(seeds_dir / "ref_provinsi.csv"),
        output=_path(output),
    )
    con = duckdb.connect()  # in memory: nothing persists between runs
    try:
        con.execute("set enable_progress_bar = false")
        if threads is not None:
            con.execute(f"set threads = {int(threads)}")
        con.execute(sql)
    finally:
        con.close()


def main(argv: list[str]) -> int:
    return command_line(lambda inbox, seeds, output: run(str(inbox / "*.txt"), seeds, output), __doc__, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
