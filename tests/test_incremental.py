"""Incremental builds (a new month at a time) give the same marts as a full rebuild."""
from __future__ import annotations

import duckdb
import pytest
from conftest import run_pantau

pytestmark = pytest.mark.pipeline

MARTS = ["register_size_monthly", "register_flows_monthly", "register_exits_by_reason"]


def _marts(published) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(published), read_only=True)
    try:
        return {table: con.execute(f"select * from {table} order by all").fetchall() for table in MARTS}
    finally:
        con.close()


def test_incremental_and_full_refresh_give_identical_marts(tmp_path):
    data_dir = tmp_path / "data"
    published = data_dir / "published" / "pantau.duckdb"
    run_pantau(["demo-data", "--scale", "0.03", "--from", "2022-08", "--until", "2022-12"], data_dir)
    run_pantau(["refresh"], data_dir)
    for month in ("2023-01", "2023-02"):  # new months arrive one at a time
        run_pantau(["demo-data", "--scale", "0.03", "--from", month, "--until", month], data_dir)
        run_pantau(["refresh"], data_dir)
    incremental = _marts(published)
    run_pantau(["refresh", "--full-refresh"], data_dir)
    full = _marts(published)
    assert incremental["register_size_monthly"], "the marts must not be empty"
    months = {row[0].strftime("%Y-%m") for row in incremental["register_size_monthly"]}
    assert months == {"2022-08", "2022-09", "2022-10", "2022-11", "2022-12", "2023-01", "2023-02"}
    for table in MARTS:
        assert incremental[table] == full[table], table
