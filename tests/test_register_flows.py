"""Stock and flows against set arithmetic on the raw extract files, and the story's bridge."""
from __future__ import annotations

import duckdb
import pytest
from independent import people_by_kelurahan

pytestmark = pytest.mark.pipeline

# (previous month, month): a month of growth, the start of removals, a month deep in verval
PAIRS = [("2021-06", "2021-07"), ("2022-12", "2023-01"), ("2024-10", "2024-11")]


def _extract(demo_data_dir, month):
    return demo_data_dir / "inbox" / "dtks" / f"sintetis_dtks_3575_{month}.txt"


def _flows(published_db, month: str, area: str) -> tuple[int, int, int, int]:
    con = duckdb.connect(str(published_db), read_only=True)
    try:
        return con.execute("""
            select persons_opening, persons_entries, persons_exits, persons_closing
            from register_flows_monthly
            where period_month = ? and area_code = ? and programme_code = 'SEMUA'
        """, [f"{month}-01", area]).fetchone()
    finally:
        con.close()


@pytest.mark.parametrize(("previous", "month"), PAIRS)
def test_city_flows_match_set_arithmetic_on_raw_files(demo_data_dir, published_db, previous, month):
    before = set(people_by_kelurahan(_extract(demo_data_dir, previous)))
    after = set(people_by_kelurahan(_extract(demo_data_dir, month)))
    expected = (len(before), len(after - before), len(before - after), len(after))
    assert _flows(published_db, month, "35.75") == expected


def test_kelurahan_flows_count_moves_within_the_city(demo_data_dir, published_db):
    before = people_by_kelurahan(_extract(demo_data_dir, "2023-05"))
    after = people_by_kelurahan(_extract(demo_data_dir, "2023-06"))
    kelurahan = "3575041013"
    in_before = {nik for nik, kel in before.items() if kel == kelurahan}
    in_after = {nik for nik, kel in after.items() if kel == kelurahan}
    expected = (len(in_before), len(in_after - in_before), len(in_before - in_after), len(in_after))
    assert _flows(published_db, "2023-06", "35.75.04.1013") == expected


def test_bridge_from_peak_to_november_2024_adds_up(published_db):
    con = duckdb.connect(str(published_db), read_only=True)
    try:
        rows = con.execute("""
            select period_month, persons_entries, persons_exits, persons_closing
            from register_flows_monthly
            where area_code = '35.75' and programme_code = 'SEMUA'
            order by period_month
        """).fetchall()
        reasons = con.execute("""
            select sum(persons) from register_exits_by_reason
            where area_code = '35.75' and programme_code = 'SEMUA'
              and period_month > (select period_month from register_flows_monthly
                                  where area_code = '35.75' and programme_code = 'SEMUA'
                                  order by persons_closing desc limit 1)
        """).fetchone()[0]
    finally:
        con.close()
    peak_index = max(range(len(rows)), key=lambda i: rows[i][3])
    after_peak = rows[peak_index + 1:]
    entries = sum(r[1] for r in after_peak)
    exits = sum(r[2] for r in after_peak)
    assert rows[peak_index][3] + entries - exits == 59_521 == rows[-1][3]
    assert reasons == exits


def test_most_exits_after_the_peak_are_explained_by_field_decisions(published_db):
    con = duckdb.connect(str(published_db), read_only=True)
    try:
        shares = dict(con.execute("""
            select reason_code, sum(persons) from register_exits_by_reason
            where area_code = '35.75' and programme_code = 'SEMUA' and period_month >= '2023-01-01'
            group by 1
        """).fetchall())
    finally:
        con.close()
    total = sum(shares.values())
    assert shares["MAMPU"] / total > 0.3
    assert 0 < shares["TANPA_KETERANGAN"] / total < 0.25
    assert shares.get("NIK_TIDAK_PADAN", 0) > 0
