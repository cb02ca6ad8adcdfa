"""The mart against an independent count from the raw extract files, and the story's figures."""
from __future__ import annotations

import duckdb
import pytest
from independent import count_people

pytestmark = pytest.mark.pipeline

MONTHS = ["2021-01", "2022-10", "2023-06", "2024-11"]


def _mart(published_db, month: str, area: str = "35.75", programme: str = "SEMUA") -> int:
    con = duckdb.connect(str(published_db), read_only=True)
    try:
        return con.execute(
            "select persons from register_size_monthly where period_month = ? and area_code = ?"
            " and programme_code = ?", [f"{month}-01", area, programme]).fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize("month", MONTHS)
def test_city_total_matches_independent_count(demo_data_dir, published_db, month):
    extract = demo_data_dir / "inbox" / "dtks" / f"sintetis_dtks_3575_{month}.txt"
    expected = count_people(extract)
    assert _mart(published_db, month) == expected["people"]


def test_kelurahan_counts_match_independent_count(demo_data_dir, published_db):
    extract = demo_data_dir / "inbox" / "dtks" / "sintetis_dtks_3575_2023-06.txt"
    expected = count_people(extract)["by_kelurahan"]
    con = duckdb.connect(str(published_db), read_only=True)
    try:
        rows = con.execute("""
            select replace(area_code, '.', ''), persons from register_size_monthly
            where period_month = '2023-06-01' and area_level = 'kelurahan' and programme_code = 'SEMUA'
              and persons > 0
        """).fetchall()
    finally:
        con.close()
    assert dict(rows) == expected
    assert len(expected) == 34  # every kelurahan of Kota Pasuruan has people


def test_story_figures(published_db):
    """The brief: 59,521 people in November 2024, a 2022 peak between 140,000 and 150,000."""
    assert _mart(published_db, "2024-11") == 59_521
    con = duckdb.connect(str(published_db), read_only=True)
    try:
        peak_month, peak = con.execute("""
            select period_month, persons from register_size_monthly
            where area_code = '35.75' and programme_code = 'SEMUA'
            order by persons desc limit 1
        """).fetchone()
    finally:
        con.close()
    assert peak_month.year == 2022
    assert 140_000 <= peak <= 150_000


def test_ingest_counts_add_up(demo_data_dir, published_db):
    """Per file: rows read = loaded + quarantined, and rows read = data lines in the file."""
    con = duckdb.connect(str(published_db), read_only=True)
    try:
        ledger = con.execute(
            "select file_name, rows_read, rows_loaded, rows_quarantined from data_quality_files"
            " where kind = 'dtks'").fetchall()
        quarantined = dict(con.execute(
            "select file_name, sum(rows_quarantined) from data_quality_quarantine group by 1").fetchall())
    finally:
        con.close()
    assert len(ledger) == 47
    for file_name, read, loaded, in_quarantine in ledger:
        assert read == loaded + in_quarantine, file_name
        assert in_quarantine == quarantined.get(file_name, 0), file_name
    sample = {name: read for name, read, _, _ in ledger if name.endswith(("2021-01.txt", "2024-11.txt"))}
    for name, read in sample.items():
        with open(demo_data_dir / "inbox" / "dtks" / name, "rb") as handle:
            assert read == sum(1 for _ in handle) - 1  # minus the header line
