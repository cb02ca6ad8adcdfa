"""Data quality and verification recency against independent readings of the raw files."""
from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date

import pytest
from conftest import published_row
from independent import is_clean_nik, is_clean_row, kelurahan_codes
from openpyxl import load_workbook

pytestmark = pytest.mark.pipeline


def _clean_rows(demo_data_dir, month: str) -> list[dict]:
    kelurahan = kelurahan_codes()
    path = demo_data_dir / "inbox" / "dtks" / f"sintetis_dtks_3575_{month}.txt"
    with open(path, newline="", encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle, delimiter="|") if is_clean_row(row, kelurahan)]


def _visits(demo_data_dir) -> list[dict]:
    rows = []
    for path in sorted((demo_data_dir / "inbox" / "assessments").iterdir()):
        if path.suffix == ".csv":
            with open(path, newline="", encoding="utf-8") as handle:
                rows += list(csv.DictReader(handle))
        else:
            sheet = load_workbook(path, read_only=True).worksheets[0]
            values = list(sheet.iter_rows(values_only=True))
            rows += [dict(zip(values[0], row)) for row in values[1:]]
    return rows


def test_recency_matches_visits_in_the_last_24_months(demo_data_dir, published_db):
    window_start, window_end = date(2022, 12, 1), date(2024, 12, 1)  # 24 calendar months
    visited_kk = {v["NO_KK"] for v in _visits(demo_data_dir)
                  if is_clean_nik(v["NIK_KEPALA"])
                  and window_start <= date.fromisoformat(v["TANGGAL_KUNJUNGAN"]) < window_end}
    members = {row["NOMOR_NIK"]: row["NOMOR_KK"] for row in _clean_rows(demo_data_dir, "2024-11")}
    expected = sum(1 for kk in members.values() if kk in visited_kk)
    found = published_row(published_db, """
        select persons, persons_verified_recently from register_verification_recency
        where area_code = '35.75' and period_month = '2024-11-01'
    """)
    assert found == (len(members), expected)


def test_duplicate_ids_and_outside_niks_per_file(demo_data_dir, published_db):
    ids = defaultdict(set)
    for row in _clean_rows(demo_data_dir, "2024-11"):
        ids[row["NOMOR_NIK"]].add(row["ID_DTKS"])
    duplicates = sum(1 for registered in ids.values() if len(registered) > 1)
    outside = sum(1 for nik in ids if not nik.startswith("3575"))
    found = published_row(published_db, """
        select persons_with_duplicate_ids, persons_nik_from_other_region from data_quality_files
        where file_name = 'sintetis_dtks_3575_2024-11.txt'
    """)
    assert duplicates > 0 and outside > 0
    assert found == (duplicates, outside)


def test_exit_evidence_counts_decided_exits(published_db):
    exited, decided, complete = published_row(published_db, """
        select sum(persons_exited), sum(exits_with_decision), sum(exits_with_complete_evidence)
        from register_exit_evidence where area_code = '35.75'
    """)
    by_reason = published_row(published_db, """
        select sum(persons) from register_exits_by_reason
        where area_code = '35.75' and programme_code = 'SEMUA'
          and reason_code not in ('TANPA_KETERANGAN', 'NIK_TIDAK_PADAN')
    """)[0]
    assert decided == by_reason
    assert exited > decided > complete > 0.9 * decided
