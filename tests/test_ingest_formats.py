"""A corpus of damaged files in the shapes real offices send: delimiters, BOM, CRLF, quotes,
Windows-1252, XLSX with several sheets and the header below a title; several planted problems
per file. For every file: rows read = loaded + quarantined, and each planted problem is
quarantined with its reason at its row."""
from __future__ import annotations

from datetime import datetime

import duckdb
import pytest
from openpyxl import Workbook
from test_ingest import HEADER, SEEDS, row

from warehouse.ingest import IngestError, ingest_file
from warehouse.ingest.loader import ensure_raw_schema, load_reference


@pytest.fixture()
def con(tmp_path):
    connection = duckdb.connect(str(tmp_path / "work.duckdb"))
    ensure_raw_schema(connection)
    load_reference(connection, SEEDS)
    yield connection
    connection.close()


def _quarantined(con, file_name: str) -> dict[int, str]:
    return dict(con.execute("select source_row, reason from raw.quarantine where file_name = ?",
                            [file_name]).fetchall())


def _accounted(result) -> bool:
    return result.rows_read == result.rows_loaded + result.rows_quarantined


def test_semicolons_bom_crlf_and_quoted_fields(con, tmp_path):
    lines = [row("1"), row("2", nik="3575010101800002"), row("1"),
             row("3", nik="3.57501E+15"), row("4", nik="'3575010101800004"), row("5", kel="3575019999")]
    lines = [line.replace("|", ";") for line in lines]
    # an address with the delimiter inside quotes must stay one field
    lines[1] = lines[1].replace("JL. MAWAR NO. 1", '"JL. MELATI; GG. 2"')
    path = tmp_path / "DTKS Kota Pasuruan Oktober 2024.csv"
    path.write_bytes(("\ufeff" + "\r\n".join([HEADER.replace("|", ";"), *lines]) + "\r\n").encode("utf-8"))
    result = ingest_file(con, path, "dtks")
    assert (result.period, result.rows_read, result.rows_loaded) == ("2024-10", 6, 2)
    assert _accounted(result)
    assert _quarantined(con, path.name) == {3: "baris_berulang", 4: "nik_notasi_ilmiah", 5: "nik_format_salah",
                                            6: "kode_kelurahan_tidak_dikenal"}
    # the quoted field stayed one field: the columns after it are in place (the address itself
    # is read and checked but not stored, see specs.REGISTER.not_stored)
    assert con.execute("select nomor_nik, status_padan from raw.register_rows where id_dtks = '2'").fetchone() == (
        "3575010101800002", "PADAN")
    assert con.execute("select id_dtks from raw.register_rows order by 1").fetchall() == [("1",), ("2",)]


def test_windows_1252_tabs_and_header_variants(con, tmp_path):
    header = (HEADER.replace("NOMOR_NIK", "NIK").replace("KABUPATEN/KOTA", "kabupatenkota")
              .replace("DESA/KELURAHAN", "desakeluarahan").replace("|", "\t"))
    lines = [row("1").replace("KEPALA KELUARGA", "KEPALA KELUARGA (JOSÉ)"), row("2", nik="3575010113800002"),
             row("3", nik="3575010101800003", birth=""), row("4", nik="3575 0101 0180 0004"),
             row("5", kk="35750101011000", nik="3575010101800005")]
    path = tmp_path / "dtks_Des-22.tsv"
    path.write_bytes(("\n".join([header, *(line.replace("|", "\t") for line in lines)]) + "\n").encode("cp1252"))
    result = ingest_file(con, path, "dtks")
    assert (result.encoding, result.period, result.rows_read, result.rows_loaded) == ("windows-1252", "2022-12", 5, 1)
    assert _accounted(result)
    assert _quarantined(con, path.name) == {2: "nik_bulan_salah", 3: "tanggal_lahir_kosong", 4: "nik_format_salah",
                                            5: "kk_format_salah"}
    assert con.execute("select hubungan_keluarga from raw.register_rows").fetchone()[0] == "KEPALA KELUARGA (JOSÉ)"
    columns = {row[0] for row in con.execute("select column_name from duckdb_columns() where table_name = 'register_rows'")
               .fetchall()}
    assert not columns & {"nama", "alamat", "nama_ibu_kandung", "tempat_lahir"}  # never stored


ASSESSMENT_COLUMNS = (["ID_KUNJUNGAN", "TANGGAL_KUNJUNGAN", "PETUGAS", "KODE_KELURAHAN", "NO_KK", "NIK_KEPALA",
                       "NAMA_KEPALA", "JUMLAH_ART", "PENGHASILAN_SEBULAN"] + [f"K{i:02d}" for i in range(1, 15)]
                      + ["FOTO_RUMAH", "LATITUDE", "LONGITUDE", "KEPUTUSAN", "ALASAN", "METODE_PEMILIHAN"])


def _visit(visit_id: str, nik: str = "3575010101800001", date=datetime(2024, 11, 5), income=1_200_000,
           lat="-7.645", lon="112.905", decision="LAYAK", reason="") -> list:
    return [visit_id, date, "PTG-0101", "35.75.01.1001", "3575010101100001", nik, "BUDI", 4, income,
            *(["YA"] * 9 + ["TIDAK"] * 5), f"foto/{visit_id}.jpg", lat, lon, decision, reason, "PEMUTAKHIRAN"]


# (row, expected reason or None)
VISITS = [
    (_visit("V1"), None),
    (_visit("V2", lat="40.7", lon="-74.0"), "gps_di_luar_indonesia"),  # New York
    (_visit("V3", lat="112.905", lon="-7.645"), "gps_di_luar_indonesia"),  # swapped
    (_visit("V4", lat="-7.645", lon=""), "gps_tidak_valid"),  # half a point
    (_visit("V5", income=25_000_000_000), "penghasilan_tidak_wajar"),
    (_visit("V6", income=-5), "penghasilan_tidak_valid"),
    (_visit("V7", nik="3.57501E+15"), "nik_notasi_ilmiah"),
    (_visit("V8", date="31/02/2024"), "tanggal_kunjungan_tidak_valid"),
    (_visit("V9", decision="MUNGKIN"), "keputusan_tidak_dikenal"),
    (_visit("V10", lat="", lon=""), None),  # no point at all is allowed (counted as missing)
]


def test_xlsx_with_several_sheets_and_the_header_below_a_title(con, tmp_path):
    book = Workbook()
    notes = book.active
    notes.title = "Petunjuk"
    notes.append(["Ekspor aplikasi Lastri. Jangan ubah judul kolom."])
    data = book.create_sheet("Data")
    data.append(["REKAP VERVAL KOTA PASURUAN"])
    data.append(["Diekspor 2024-12-01"])
    data.append([])
    data.append(ASSESSMENT_COLUMNS)
    for visit, _ in VISITS:
        data.append(visit)
    path = tmp_path / "Lastri verval November 2024.xlsx"
    book.save(path)
    result = ingest_file(con, path, "assessments")
    assert (result.sheet, result.header_row, result.period) == ("Data", 4, "2024-11")
    assert result.rows_read == len(VISITS) and _accounted(result)
    expected = {i + 1: reason for i, (_, reason) in enumerate(VISITS) if reason}
    assert _quarantined(con, path.name) == expected
    assert sorted(v for (v,) in con.execute("select id_kunjungan from raw.assessments").fetchall()) == ["V1", "V10"]


def test_a_workbook_without_the_expected_header_is_refused_and_changes_nothing(con, tmp_path):
    book = Workbook()
    book.active.append(["Nomor", "Nama", "Alamat"])
    book.active.append([1, "BUDI", "JL. MAWAR"])
    path = tmp_path / "verval_2024-11.xlsx"
    book.save(path)
    with pytest.raises(IngestError, match="verval_2024-11.xlsx: tidak ada lembar kerja .*id_kunjungan"):
        ingest_file(con, path, "assessments")
    for table in ("file_ledger", "quarantine", "assessments"):
        assert con.execute(f"select count(*) from raw.{table}").fetchone()[0] == 0


def _snapshot(con) -> dict[str, list]:
    tables = [t for (t,) in con.execute(
        "select table_name from duckdb_tables() where schema_name = 'raw' order by 1").fetchall()]
    return {t: sorted(con.execute(f"select * from raw.{t}").fetchall(), key=repr) for t in tables}


def test_the_same_files_twice_leave_every_table_unchanged(con, tmp_path):
    register = tmp_path / "dtks_2024-11.txt"
    register.write_text("\n".join([HEADER, row("1"), row("2", nik="3.57501E+15")]) + "\n", encoding="utf-8")
    book = Workbook()
    book.active.append(ASSESSMENT_COLUMNS)
    for visit, _ in VISITS[:3]:
        book.active.append(visit)
    visits = tmp_path / "verval_2024-11.xlsx"
    book.save(visits)
    ingest_file(con, register, "dtks")
    ingest_file(con, visits, "assessments")
    before = _snapshot(con)
    assert ingest_file(con, register, "dtks").skipped and ingest_file(con, visits, "assessments").skipped
    assert _snapshot(con) == before
    assert set(before) == {"file_ledger", "quarantine", "register_rows", "assessments", "aggregate_counts"}


def test_the_month_can_come_from_the_title_above_the_header(con, tmp_path):
    book = Workbook()
    book.active.append(["DATA TERPADU KESEJAHTERAAN SOSIAL KOTA PASURUAN"])
    book.active.append(["Keadaan bulan Desember 2022"])
    book.active.append(HEADER.split("|"))
    book.active.append(row("1").split("|"))
    book.active.append(row("2", nik="3575010101800002", kel="1234").split("|"))
    path = tmp_path / "ekspor_siks_ng.xlsx"
    book.save(path)
    result = ingest_file(con, path, "dtks")
    assert (result.period, result.header_row, result.rows_loaded, result.rows_quarantined) == ("2022-12", 3, 1, 1)
    assert _quarantined(con, path.name) == {2: "kode_kelurahan_tidak_dikenal"}
    undated = tmp_path / "ekspor_tanpa_bulan.xlsx"
    book = Workbook()
    book.active.append(HEADER.split("|"))
    book.active.append(row("1").split("|"))
    book.save(undated)
    with pytest.raises(IngestError, match="ekspor_tanpa_bulan.xlsx: bulan data tidak terbaca"):
        ingest_file(con, undated, "dtks")


def test_the_month_can_come_from_a_periode_column(con, tmp_path):
    header = HEADER + "|PERIODE"
    path = tmp_path / "ekspor_siks.txt"
    path.write_text("\n".join([header, row("1") + "|Desember 2022",
                               row("2", nik="3575010101800002") + "|Desember 2022"]) + "\n", encoding="utf-8")
    assert ingest_file(con, path, "dtks").period == "2022-12"
    mixed = tmp_path / "ekspor_campur.txt"
    mixed.write_text("\n".join([header, row("1") + "|2022-12", row("2", nik="3575010101800002") + "|2023-01"]) + "\n",
                     encoding="utf-8")
    with pytest.raises(IngestError, match="ekspor_campur.txt: bulan data tidak terbaca"):
        ingest_file(con, mixed, "dtks")


def test_xlsx_cells_are_written_as_the_text_excel_shows(tmp_path):
    """calamine reads every number as a float and a date by its cell format; the CSV keeps the
    text openpyxl gave: whole numbers without '.0', dates as ISO dates, times with their time.
    The header may sit below blank rows and right of a blank column; rows are as wide as the
    sheet's dimension (a formatted empty cell widens it), as openpyxl's read-only mode gave them."""
    from datetime import date, time, timedelta

    from warehouse.ingest.xlsx import xlsx_to_csv

    book = Workbook()
    sheet = book.active
    sheet["C1"] = "Keadaan bulan November 2024"
    header = ["ID", "NIK", "RUPIAH", "DESIMAL", "TANGGAL", "WAKTU", "MILIDETIK", "KABISAT", "JAM",
              "DURASI", "BENAR", "BESAR", "KOSONG", "TEKS"]
    values = ["V1", 3575010101800001, 1_500_000, 1.5, datetime(2024, 11, 5), datetime(2024, 11, 5, 8, 30),
              datetime(2024, 11, 5, 8, 30, 0, 123000), date(2024, 2, 29), time(8, 30, 15),
              timedelta(days=1, hours=2), True, 1e20, None, " a, \"b\" "]
    for column, (name, value) in enumerate(zip(header, values), start=2):
        sheet.cell(row=3, column=column, value=name)
        sheet.cell(row=4, column=column, value=value)
    sheet["E4"].number_format = "#,##0.00"  # still 1.5, not the formatted text
    sheet["F4"].number_format = "[$-421]dd mmmm yyyy"  # an Indonesian date format
    sheet["R6"].number_format = "0.00"  # a formatted empty cell: the dimension is A1:R6
    path = tmp_path / "jenis_sel.xlsx"
    book.save(path)
    target = tmp_path / "jenis_sel.csv"
    assert xlsx_to_csv(path, target, lambda cells: "ID" in cells) == ("Sheet", 3, "Keadaan bulan November 2024")
    assert target.read_bytes().decode("utf-8").split("\r\n") == [
        ",ID,NIK,RUPIAH,DESIMAL,TANGGAL,WAKTU,MILIDETIK,KABISAT,JAM,DURASI,BENAR,BESAR,KOSONG,TEKS,,,",
        ',V1,3575010101800001,1500000,1.5,2024-11-05,2024-11-05 08:30:00,2024-11-05 08:30:00.123000,2024-02-29,'
        '08:30:15,"1 day, 2:00:00",True,1e+20,," a, ""b"" ",,,',
        "," * 17,
        "," * 17,
        "",
    ]


def test_an_xlsx_calamine_cannot_convert_is_read_with_openpyxl(tmp_path):
    """A duration too long for Python (calamine raises) falls back to openpyxl, which writes #VALUE!."""
    from warehouse.ingest.xlsx import xlsx_to_csv

    book = Workbook()
    book.active.append(["ID", "DURASI"])
    book.active.append(["V1", 25_000_000_000])
    book.active["B2"].number_format = "[h]:mm:ss"
    path = tmp_path / "durasi.xlsx"
    book.save(path)
    target = tmp_path / "durasi.csv"
    with pytest.warns(UserWarning, match="outside the limits for dates"):
        assert xlsx_to_csv(path, target, lambda cells: "ID" in cells) == ("Sheet", 1, "")
    assert target.read_bytes().decode("utf-8") == "ID,DURASI\r\nV1,#VALUE!\r\n"
