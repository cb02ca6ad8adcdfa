"""Incremental builds (a new month at a time) give the same marts as a full rebuild."""
from __future__ import annotations

import duckdb
import pytest
from conftest import run_pantau

pytestmark = pytest.mark.pipeline

MARTS = ["register_size_monthly", "register_flows_monthly", "register_exits_by_reason",
         "register_verification_recency", "register_kabkota_monthly", "verval_cohorts",
         "verval_decisions_by_reason", "targeting_own_region_monthly"]


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
    # a corrected re-export of an old month (60 people fewer) replaces that month: its stock
    # and the flows of that month and the next must be recomputed
    october = data_dir / "inbox" / "dtks" / "sintetis_dtks_3575_2022-10.txt"
    lines = october.read_text().splitlines(keepends=True)
    (october.parent / "koreksi_dtks_3575_2022-10.txt").write_text("".join(lines[:1] + lines[61:]))
    run_pantau(["refresh"], data_dir)
    incremental = _marts(published)
    run_pantau(["refresh", "--full-refresh"], data_dir)
    full = _marts(published)
    assert incremental["register_size_monthly"], "the marts must not be empty"
    months = {row[0].strftime("%Y-%m") for row in incremental["register_size_monthly"]}
    assert months == {"2022-08", "2022-09", "2022-10", "2022-11", "2022-12", "2023-01", "2023-02"}
    for table in MARTS:
        assert incremental[table] == full[table], table
    # the correction is in: October's own-region total is the re-export's distinct clean NIKs
    nik_column = lines[0].rstrip("\n").split("|").index("NOMOR_NIK")
    october_people = {line.split("|")[nik_column] for line in lines[61:]}
    clean = {nik for nik in october_people if nik.isdigit() and len(nik) == 16}
    october_total = next(row[4] for row in full["register_size_monthly"]
                         if row[0].strftime("%Y-%m") == "2022-10" and row[1] == "35.75" and row[3] == "SEMUA")
    assert october_total == len(clean)
