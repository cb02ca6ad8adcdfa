"""Ingestion on small hand-made files: every planted problem quarantined with its reason."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from warehouse.ingest import IngestError, ingest_file
from warehouse.ingest.loader import ensure_raw_schema, load_reference
from warehouse.ingest.periods import period_from_name

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
HEADER = ("ID_DTKS|PROVINSI|KABUPATEN/KOTA|KECAMATAN|DESA/KELURAHAN|ALAMAT|DUSUN|RT|RW|NOMOR_KK|"
          "NOMOR_NIK|NAMA|TANGGAL_LAHIR|TEMPAT_LAHIR|JENIS_KELAMIN|NAMA_IBU_KANDUNG|"
          "HUBUNGAN_KELUARGA|PKH|BPNT|PBI_JK|STATUS_PADAN")


def row(id_dtks="1", kel="3575011001", kk="3575010101100001", nik="3575010101800001",
        birth="1980-01-01") -> str:
    return (f"{id_dtks}|35|3575|357501|{kel}|JL. MAWAR NO. 1|-|001|002|{kk}|{nik}|BUDI|{birth}|"
            "PASURUAN|LAKI-LAKI|SITI|KEPALA KELUARGA|YA|TIDAK|YA|PADAN")


# (line, expected reason or None when the row must load)
PLANTED = [
    (row("1"), None),
    (row("2", nik="3575014101850002", birth="1985-01-01"), None),  # a woman: day 01 + 40
    (row("1"), "baris_berulang"),  # exact repeat of the first row
    (row("3", nik="3.57501E+15"), "nik_notasi_ilmiah"),
    (row("4", nik="'3575010101800004"), "nik_format_salah"),
    (row("5", nik="3575 0101 0180 0005"), "nik_format_salah"),
    (row("6", nik="35750101018000"), "nik_format_salah"),  # 14 digits
    (row("7", nik="9975010101800007"), "nik_kode_provinsi_salah"),
    (row("8", nik="3575013501800008"), "nik_tanggal_salah"),  # day 35
    (row("9", nik="3575010113800009"), "nik_bulan_salah"),  # month 13
    (row("10", kk="357501010110"), "kk_format_salah"),
    (row("11", kel="3575019999"), "kode_kelurahan_tidak_dikenal"),
    (row("11b", kel="3528012001"), "kelurahan_di_luar_wilayah"),  # Dabuan, Pamekasan: real but not ours
    (row("12", birth=""), "tanggal_lahir_kosong"),
    (row("13", birth="31-02-1980"), "tanggal_lahir_tidak_valid"),
    (row("", nik="3575010101800014"), "id_dtks_kosong"),
    (row("15", nik="3575010101800015"), None),
]


@pytest.fixture()
def con(tmp_path):
    connection = duckdb.connect(str(tmp_path / "work.duckdb"))
    ensure_raw_schema(connection)
    load_reference(connection, SEEDS)
    yield connection
    connection.close()


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def test_each_planted_problem_is_quarantined_with_its_reason(con, tmp_path):
    path = write(tmp_path / "dtks_2024-11.txt", [line for line, _ in PLANTED] + ["16|35|too|few"])
    result = ingest_file(con, path, "dtks")
    expected = {i + 1: reason for i, (_, reason) in enumerate(PLANTED) if reason}
    expected[len(PLANTED) + 1] = "struktur_baris_rusak"
    got = dict(con.execute("select source_row, reason from raw.quarantine").fetchall())
    assert got == expected
    assert result.rows_read == len(PLANTED) + 1
    assert result.rows_loaded == 3
    assert result.rows_read == result.rows_loaded + result.rows_quarantined
    loaded = sorted(r[0] for r in con.execute("select id_dtks from raw.register_rows").fetchall())
    assert loaded == ["1", "15", "2"]
    assert con.execute("select _period from raw.register_rows limit 1").fetchone()[0] == "2024-11"


def test_same_file_twice_changes_nothing(con, tmp_path):
    path = write(tmp_path / "dtks_2024-11.txt", [row("1"), row("2", nik="3575010101800002")])
    first = ingest_file(con, path, "dtks")
    second = ingest_file(con, tmp_path.joinpath("dtks_2024-11.txt"), "dtks")
    assert (first.skipped, second.skipped) == (False, True)
    assert con.execute("select count(*) from raw.register_rows").fetchone()[0] == 2
    assert con.execute("select count(*) from raw.file_ledger").fetchone()[0] == 1


def test_corrected_reexport_supersedes_the_period(con, tmp_path):
    write(tmp_path / "dtks_2024-11.txt", [row("1"), row("2", nik="3.57501E+15")])
    ingest_file(con, tmp_path / "dtks_2024-11.txt", "dtks")
    fixed = write(tmp_path / "DTKS November 2024 perbaikan.txt",
                  [row("1"), row("2", nik="3575010101800002")])
    result = ingest_file(con, fixed, "dtks")
    assert result.superseded == ["dtks_2024-11.txt"]
    assert con.execute("select count(*) from raw.register_rows").fetchone()[0] == 2
    statuses = dict(con.execute("select file_name, status from raw.file_ledger").fetchall())
    assert statuses == {"dtks_2024-11.txt": "digantikan", "DTKS November 2024 perbaikan.txt": "dimuat"}


def test_missing_required_column_is_a_clear_error_and_changes_nothing(con, tmp_path):
    path = tmp_path / "dtks_2024-11.txt"
    path.write_text("ID_DTKS|NAMA\n1|BUDI\n", encoding="utf-8")
    with pytest.raises(IngestError, match="dtks_2024-11.txt: kolom wajib tidak ditemukan: .*nomor_nik"):
        ingest_file(con, path, "dtks")
    assert con.execute("select count(*) from raw.file_ledger").fetchone()[0] == 0
    assert con.execute("select count(*) from raw.quarantine").fetchone()[0] == 0


def test_file_without_a_month_in_its_name_is_refused(con, tmp_path):
    path = write(tmp_path / "dtks_terbaru.txt", [row("1")])
    with pytest.raises(IngestError, match="bulan data tidak terbaca"):
        ingest_file(con, path, "dtks")


def test_header_variants_load_alike(con, tmp_path):
    header = HEADER.replace("NOMOR_NIK", "nik_art").replace("KABUPATEN/KOTA", "kabupatenkota")
    header = header.replace("DESA/KELURAHAN", "desakeluarahan").replace("|", ";")
    path = tmp_path / "dtks_2024-10.csv"
    path.write_text(header + "\n" + row("1").replace("|", ";") + "\n", encoding="utf-8")
    assert ingest_file(con, path, "dtks").rows_loaded == 1
    assert con.execute("select nomor_nik from raw.register_rows").fetchone()[0] == "3575010101800001"


@pytest.mark.parametrize(("name", "period"), [
    ("sintetis_dtks_3575_2024-11.txt", "2024-11"),
    ("DTKS_202212.txt", "2022-12"),
    ("DTKS Desember 2022.xlsx", "2022-12"),
    ("dtks_Des-22.csv", "2022-12"),
    ("rekap agustus 2023.csv", "2023-08"),
    ("dtks_terbaru.txt", None),
])
def test_period_from_file_name(name, period):
    assert period_from_name(name) == period


ASSESSMENT_HEADER = ["ID_KUNJUNGAN", "TANGGAL_KUNJUNGAN", "PETUGAS", "KODE_KELURAHAN", "NO_KK",
                     "NIK_KEPALA", "NAMA_KEPALA", "KEPUTUSAN", "ALASAN"]


def test_xlsx_with_real_date_cells_and_unknown_reason(con, tmp_path):
    from datetime import datetime

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(ASSESSMENT_HEADER)
    sheet.append(["V1", datetime(2024, 11, 5), "PTG-0101", "3575011001", "3575010101100001",
                  "3575010101800001", "BUDI", "TIDAK LAYAK", "MAMPU"])
    sheet.append(["V2", datetime(2024, 11, 6), "PTG-0101", "3575011001", "3575010101100002",
                  "3575010101800002", "SITI", "TIDAK LAYAK", "ALASAN KARANGAN"])
    path = tmp_path / "lastri_verval_2024-11.xlsx"
    book.save(path)
    result = ingest_file(con, path, "assessments")
    assert (result.rows_read, result.rows_loaded, result.rows_quarantined) == (2, 1, 1)
    assert con.execute("select tanggal_kunjungan from raw.assessments").fetchone()[0] == "2024-11-05"
    assert con.execute("select reason from raw.quarantine").fetchone()[0] == "alasan_tidak_dikenal"


def test_headerless_file_error_does_not_show_its_first_row(con, tmp_path):
    path = write(tmp_path / "dtks_2024-11.txt", [row("1")])
    path.write_text(row("1") + "\n" + row("2", nik="3575010101800002") + "\n", encoding="utf-8")
    with pytest.raises(IngestError) as error:
        ingest_file(con, path, "dtks")
    assert "kolom wajib tidak ditemukan" in str(error.value)
    assert "3575010101800001" not in str(error.value) and "BUDI" not in str(error.value)
