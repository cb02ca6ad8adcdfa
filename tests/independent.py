"""An independent reading of a register extract, written without the warehouse's code:
plain csv parsing, python-stdnum as the NIK oracle, and the seeds' kelurahan list."""
from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from stdnum.id import nik as stdnum_nik

PROJECT_DIR = Path(__file__).resolve().parents[1]


def kelurahan_codes() -> set[str]:
    with open(PROJECT_DIR / "seeds" / "ref_wilayah.csv", newline="") as handle:
        return {row["kode_kemendagri"].replace(".", "") for row in csv.DictReader(handle)
                if row["level"] == "desa_kelurahan"}


def is_clean_nik(value: str) -> bool:
    # stdnum strips spaces before checking; a NIK with spaces is damaged, so check digits first
    return len(value) == 16 and value.isdigit() and stdnum_nik.is_valid(value)


def is_clean_row(row: dict, kelurahan: set[str]) -> bool:
    kk = row["NOMOR_KK"]
    birth = row["TANGGAL_LAHIR"]
    try:
        date.fromisoformat(birth)
    except ValueError:
        return False
    return (is_clean_nik(row["NOMOR_NIK"]) and len(kk) == 16 and kk.isdigit()
            and row["DESA/KELURAHAN"] in kelurahan and row["ID_DTKS"] != "")


def count_people(extract: Path) -> dict:
    """Distinct NIKs in clean rows, per kelurahan and in total; plus the rows read."""
    kelurahan = kelurahan_codes()
    people: set[str] = set()
    by_kelurahan: dict[str, set[str]] = {}
    rows = 0
    with open(extract, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="|"):
            rows += 1
            if is_clean_row(row, kelurahan):
                people.add(row["NOMOR_NIK"])
                by_kelurahan.setdefault(row["DESA/KELURAHAN"], set()).add(row["NOMOR_NIK"])
    return {"rows": rows, "people": len(people),
            "by_kelurahan": {code: len(niks) for code, niks in by_kelurahan.items()}}


def people_by_kelurahan(extract: Path) -> dict[str, str]:
    """NIK -> kelurahan code of its clean rows (a duplicate registration shares the family's)."""
    kelurahan = kelurahan_codes()
    people: dict[str, str] = {}
    with open(extract, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="|"):
            if is_clean_row(row, kelurahan):
                people.setdefault(row["NOMOR_NIK"], row["DESA/KELURAHAN"])
    return people
