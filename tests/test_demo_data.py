"""The demo generator: deterministic, NIKs consistent with sex and birth date, realistic shapes."""
from __future__ import annotations

import csv
import hashlib
from collections import Counter
from pathlib import Path

import pytest
from independent import count_people, is_clean_nik

from warehouse.demo import generate

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory) -> Path:
    inbox = tmp_path_factory.mktemp("demo-small") / "inbox"
    generate(inbox, SEEDS, seed=7, scale=0.05, first="2024-10", last="2024-11")
    return inbox


def _digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_same_seed_gives_identical_files(small_demo, tmp_path):
    again = tmp_path / "inbox"
    generate(again, SEEDS, seed=7, scale=0.05, first="2024-10", last="2024-11")
    assert _digests(small_demo) == _digests(again)


def test_a_month_does_not_depend_on_the_range_generated(small_demo, tmp_path):
    only_november = tmp_path / "inbox"
    generate(only_november, SEEDS, seed=7, scale=0.05, first="2024-11", last="2024-11")
    name = "dtks/sintetis_dtks_3575_2024-11.txt"
    assert _digests(only_november)[name] == _digests(small_demo)[name]


def test_november_2024_target_scales(small_demo):
    counted = count_people(small_demo / "dtks" / "sintetis_dtks_3575_2024-11.txt")
    assert counted["people"] == round(59_521 * 0.05)


def _rows(small_demo: Path) -> list[dict]:
    with open(small_demo / "dtks" / "sintetis_dtks_3575_2024-11.txt", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="|"))


def test_nik_consistent_with_sex_and_birth_date(small_demo):
    checked = 0
    for row in _rows(small_demo):
        nik = row["NOMOR_NIK"]
        if not is_clean_nik(nik) or not row["TANGGAL_LAHIR"]:
            continue
        year, month, day = row["TANGGAL_LAHIR"].split("-")
        nik_day = int(nik[6:8])
        if row["JENIS_KELAMIN"] == "PEREMPUAN":
            nik_day -= 40
        assert (nik_day, nik[8:10], nik[10:12]) == (int(day), month, year[2:]), nik
        checked += 1
    assert checked > 2000


def test_most_rows_are_clean_and_a_few_damaged(small_demo):
    rows = _rows(small_demo)
    damaged = [r for r in rows if not is_clean_nik(r["NOMOR_NIK"])]
    assert 0 < len(damaged) < 0.01 * len(rows)
    assert any("E+15" in r["NOMOR_NIK"] for r in damaged)


def test_families_have_realistic_sizes_and_one_head(small_demo):
    rows = [r for r in _rows(small_demo) if is_clean_nik(r["NOMOR_NIK"])]
    members = Counter(r["NOMOR_KK"] for r in {r["NOMOR_NIK"]: r for r in rows}.values())
    mean_size = sum(members.values()) / len(members)
    assert 2.5 < mean_size < 4.5
    heads = Counter(r["NOMOR_KK"] for r in rows if r["HUBUNGAN_KELUARGA"] == "KEPALA KELUARGA")
    assert max(heads.values()) <= 2  # a head may appear twice only as a duplicate registration


def test_programme_shares_are_plausible(small_demo):
    rows = _rows(small_demo)
    share = {flag: sum(r[flag] == "YA" for r in rows) / len(rows) for flag in ("PKH", "BPNT", "PBI_JK")}
    assert 0.05 < share["PKH"] < 0.3
    assert 0.15 < share["BPNT"] < 0.45
    assert 0.45 < share["PBI_JK"] < 0.8


def test_assessments_written_as_csv_and_xlsx(tmp_path):
    from openpyxl import load_workbook

    inbox = tmp_path / "inbox"
    generate(inbox, SEEDS, seed=7, scale=0.05, first="2023-05", last="2023-08")
    names = sorted(p.name for p in (inbox / "assessments").iterdir())
    assert "sintetis_appsheet_verval_2023-06.csv" in names
    assert "sintetis_lastri_verval_2023-07.xlsx" in names
    book = load_workbook(inbox / "assessments" / "sintetis_lastri_verval_2023-07.xlsx", read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert rows[0][:3] == ("ID_KUNJUNGAN", "TANGGAL_KUNJUNGAN", "PETUGAS")
    decisions = Counter(r[rows[0].index("KEPUTUSAN")] for r in rows[1:])
    assert set(decisions) == {"LAYAK", "TIDAK LAYAK"}
