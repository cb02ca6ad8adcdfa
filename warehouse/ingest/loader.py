"""Load one source file into raw.* with a ledger entry; bad rows go to raw.quarantine.

A file is parsed as text inside DuckDB, checked with SQL (see specs.py), and loaded in one
transaction: rows read = rows loaded + rows quarantined, or nothing changes at all.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from .files import first_line, is_utf8, sha256_of, sniff_delimiter, transcode_to_utf8
from .xlsx import HEADER_SEARCH_ROWS, xlsx_to_csv
from ..faults import crash_point
from .periods import period_from_name
from .specs import SPECS, SourceSpec, normalise_header

KINDS = ("dtks", "assessments", "aggregates")


class IngestError(Exception):
    """A file that cannot be loaded; the message names the file and what was expected."""


@dataclass
class IngestResult:
    file_name: str
    kind: str
    period: str | None = None
    rows_read: int = 0
    rows_loaded: int = 0
    rows_quarantined: int = 0
    skipped: bool = False  # same content already loaded
    superseded: list[str] = field(default_factory=list)
    encoding: str = "utf-8"
    sheet: str | None = None  # XLSX: the sheet read, and the row its header is on
    header_row: int | None = None


def ensure_raw_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("create schema if not exists raw")
    con.execute("""
        create table if not exists raw.file_ledger (
            file_name varchar, sha256 varchar, kind varchar, period varchar,
            rows_read bigint, rows_loaded bigint, rows_quarantined bigint,
            status varchar, superseded_by varchar, is_synthetic boolean, loaded_at timestamp)
    """)
    con.execute("""
        create table if not exists raw.quarantine (
            file_name varchar, sha256 varchar, kind varchar, period varchar, source_row bigint,
            column_name varchar, value varchar, reason varchar, quarantined_at timestamp)
    """)
    # size and modification time of each loaded file: an unchanged file is recognised without
    # reading it again (hashing 5 GB of extracts at every scheduled refresh takes tens of seconds)
    con.execute("alter table raw.file_ledger add column if not exists file_size bigint")
    con.execute("alter table raw.file_ledger add column if not exists file_mtime_ns bigint")
    for spec in SPECS.values():
        columns = ", ".join(f"{c} varchar" for c in spec.stored)
        con.execute(f"""
            create table if not exists raw.{spec.raw_table} (
                {columns}, _source_file varchar, _source_sha256 varchar, _source_row bigint,
                _period varchar, _loaded_at timestamp)
        """)
        # a warehouse created by an older version gains columns added to the spec since
        for column in spec.stored:
            con.execute(f"alter table raw.{spec.raw_table} add column if not exists {column} varchar")


def load_reference(con: duckdb.DuckDBPyConnection, seeds_dir: Path, own_region: str = "35.75") -> None:
    """Temp tables of valid codes, from the committed seeds (the same data dbt loads).
    own_region: the kab/kota whose extracts and visits are loaded (a row from another one is
    quarantined, not a reason to stop the refresh)."""
    con.execute(f"""
        create or replace temp table ref_provinsi as
        select kode_provinsi from read_csv('{seeds_dir / "ref_provinsi.csv"}', all_varchar = true)
    """)
    con.execute(f"""
        create or replace temp table ref_kelurahan as
        select replace(kode_kemendagri, '.', '') as code
        from read_csv('{seeds_dir / "ref_wilayah.csv"}', all_varchar = true)
        where level = 'desa_kelurahan'
    """)
    con.execute("""
        create or replace temp table ref_own_kelurahan as
        select code from ref_kelurahan where starts_with(code, replace(?, '.', ''))
    """, [own_region])
    con.execute(f"""
        create or replace temp table ref_alasan as
        select kode_alasan as code
        from read_csv('{seeds_dir / "ref_alasan_keluar.csv"}', all_varchar = true)
    """)
    con.execute(f"""
        create or replace temp table ref_kabkota as
        select kode_kemendagri as code
        from read_csv('{seeds_dir / "ref_kabkota_jatim.csv"}', all_varchar = true)
    """)


def _map_columns(spec: SourceSpec, header: list[str], file_name: str) -> list[str]:
    names = [spec.aliases.get(normalise_header(h), normalise_header(h)) for h in header]
    seen = [n for n in names if n in spec.columns]
    if len(seen) != len(set(seen)):
        doubled = sorted({n for n in seen if seen.count(n) > 1})
        raise IngestError(f"{file_name}: kolom ganda setelah penyeragaman nama: {', '.join(doubled)}")
    missing = [c for c in spec.required if c not in names]
    if missing:
        raise IngestError(
            f"{file_name}: kolom wajib tidak ditemukan: {', '.join(missing)}. "
            f"Berkas jenis '{spec.kind}' harus memuat kolom: {', '.join(spec.required)} "
            f"(kolom yang dikenali: {', '.join(seen) or 'tidak ada'}; {len(header)} kolom di baris "
            "pertama). Isi baris pertama tidak ditampilkan: bisa berisi data pribadi.")
    # unnamed or unknown columns keep a unique placeholder so the parser can still read them
    return [n if n else f"kolom_{i}" for i, n in enumerate(names)]


PERIOD_COLUMNS = ("periode", "bulan", "bulan_data", "periode_data")


def _period_from_column(con, text_path: Path, delimiter: str, names: list[str]) -> str | None:
    """The month from a PERIODE-like column, when every row carries the same recognisable one."""
    column = next((n for n in names if n in PERIOD_COLUMNS), None)
    if column is None:
        return None
    values = con.execute(f"""
        select distinct trim("{column}") from read_csv(?, all_varchar = true, header = true, delim = ?,
            quote = '"', escape = '"', names = ?, ignore_errors = true, encoding = 'utf-8')
        limit 2
    """, [str(text_path), delimiter, names]).fetchall()
    periods = {period_from_name(value or "") for (value,) in values}
    return periods.pop() if len(values) == 1 and len(periods) == 1 else None


def _has_required(spec: SourceSpec, cells: list[str]) -> bool:
    names = {spec.aliases.get(normalise_header(c), normalise_header(c)) for c in cells if c}
    return all(column in names for column in spec.required)


def _check_sql(spec: SourceSpec) -> tuple[str, str, str, str]:
    """SQL for the number of the first failing check, and lookups of its reason/column/value."""
    number = " ".join(f"when {c.failing} then {i}" for i, c in enumerate(spec.checks, start=1))
    reasons = ", ".join(f"'{c.reason}'" for c in spec.checks)
    columns = ", ".join(f"'{c.column}'" for c in spec.checks)
    value = " ".join(f"when {i} then {c.column}" for i, c in enumerate(spec.checks, start=1))
    return (f"case {number} end", f"[{reasons}][_check_no]", f"[{columns}][_check_no]",
            f"case _check_no {value} end")


def ingest_file(con: duckdb.DuckDBPyConnection, path: Path, kind: str) -> IngestResult:
    """Load one file (the caller has run ensure_raw_schema and load_reference)."""
    if kind not in SPECS:
        raise IngestError(f"{path.name}: jenis sumber '{kind}' tidak dikenal; pilih salah satu: {', '.join(KINDS)}")
    spec = SPECS[kind]
    result = IngestResult(path.name, kind)
    stat = path.stat()
    if con.execute("select count(*) from raw.file_ledger where file_name = ? and file_size = ? and file_mtime_ns = ?",
                   [path.name, stat.st_size, stat.st_mtime_ns]).fetchone()[0]:
        result.skipped = True  # this very file was loaded (same name, size and time)
        return result
    sha = sha256_of(path)
    if con.execute("select count(*) from raw.file_ledger where sha256 = ?", [sha]).fetchone()[0]:
        result.skipped = True  # the same content under another name or time
        # a ledger written before sizes were recorded learns them, to skip the hash next time
        con.execute("update raw.file_ledger set file_size = ?, file_mtime_ns = ? "
                    "where sha256 = ? and file_name = ? and file_size is null",
                    [stat.st_size, stat.st_mtime_ns, sha, path.name])
        return result
    with tempfile.TemporaryDirectory() as tmp:
        text_path = path
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            text_path = Path(tmp) / "sheet.csv"
            found = xlsx_to_csv(path, text_path, lambda cells: _has_required(spec, cells))
            if found is None:
                raise IngestError(
                    f"{path.name}: tidak ada lembar kerja dengan baris judul kolom yang memuat kolom wajib "
                    f"{', '.join(spec.required)} (dicari di {HEADER_SEARCH_ROWS} baris pertama setiap lembar)")
            result.sheet, result.header_row, title = found
            result.period = period_from_name(path.name) or period_from_name(title)
        elif path.suffix.lower() not in (".csv", ".txt", ".tsv", ".psv"):
            raise IngestError(f"{path.name}: format berkas tidak dikenal; diharapkan .txt/.csv (teks "
                              "berpemisah |, ;, koma atau tab) atau .xlsx")
        elif not is_utf8(path):
            # not UTF-8: Excel on Windows saves "CSV" as Windows-1252
            text_path = Path(tmp) / "utf8.txt"
            transcode_to_utf8(path, text_path)
            result.encoding = "windows-1252"
        header_line = first_line(text_path)
        delimiter = sniff_delimiter(header_line)
        header = header_line.split(delimiter)
        names = _map_columns(spec, [h.strip().strip('"') for h in header], path.name)
        result.period = (result.period or period_from_name(path.name)
                         or _period_from_column(con, text_path, delimiter, names))
        if spec.needs_period and result.period is None:
            raise IngestError(f"{path.name}: bulan data tidak terbaca dari nama berkas, judul lembar kerja atau "
                              f"kolom {'/'.join(PERIOD_COLUMNS)}; sertakan bulan, mis. 'dtks_2024-11.txt', "
                              "'DTKS Desember 2022.txt' atau 'dtks_Des-22.csv', judul 'DTKS Desember 2022' di atas "
                              "baris judul kolom, atau satu kolom PERIODE berisi bulan yang sama di setiap baris")
        period = result.period
        _load(con, spec, text_path, delimiter, names, path.name, sha, period, result, stat)
    return result


def _load(con, spec: SourceSpec, text_path: Path, delimiter: str, names: list[str], file_name: str,
          sha: str, period: str | None, result: IngestResult, stat) -> None:
    check_no, reason, reason_column, reason_value = _check_sql(spec)
    present = [c if c in names else f"null::varchar as {c}" for c in spec.columns]
    all_columns = ", ".join(spec.columns)
    stored_columns = ", ".join(spec.stored)
    # Parsed, checked and hashed in one pass into a temp table before the transaction: committed
    # temp rows get rowids in file order (0, 1, ...), which give each row its number; nothing
    # persistent changes here. Columns that are not stored are only hashed, not kept.
    for leftover in ("src", "repeats", "reject_errors", "reject_scans"):
        con.execute(f"drop table if exists {leftover}")
    con.execute(f"""
        create temp table src as
        select {stored_columns}, hash({all_columns}) as _row_hash, {check_no} as _check_no
        from (select {', '.join(present)}
              from read_csv(?, all_varchar = true, header = true, delim = ?, quote = '"',
                            escape = '"', names = ?, store_rejects = true, encoding = 'utf-8'))
    """, [str(text_path), delimiter, names])
    # Repeats of an earlier row: same whole-row hash and the same stored values (a different
    # row sharing both would need a 64-bit hash collision between rows of one person's record).
    con.execute(f"""
        create temp table repeats as
        select row_id from (
            select rowid as row_id,
                   row_number() over (partition by _row_hash, {stored_columns} order by rowid) as copy_no
            from src
            where _row_hash in (select _row_hash from src group by _row_hash having count(*) > 1)
        )
        where copy_no > 1
    """)
    con.execute("begin transaction")
    try:
        rejected = con.execute("select count(distinct line) from reject_errors").fetchone()[0]
        con.execute(f"""
            insert into raw.{spec.raw_table}
                ({stored_columns}, _source_file, _source_sha256, _source_row, _period, _loaded_at)
            select {stored_columns}, ?, ?, rowid + 1, ?, current_timestamp
            from src
            where _check_no is null and rowid not in (select row_id from repeats)
        """, [file_name, sha, period])
        con.execute(f"""
            insert into raw.quarantine
            select ?, ?, ?, ?, rowid + 1, coalesce({reason_column}, 'seluruh_baris'), {reason_value},
                   coalesce({reason}, 'baris_berulang'), current_timestamp
            from src
            where _check_no is not null or rowid in (select row_id from repeats)
        """, [file_name, sha, spec.kind, period])
        con.execute("""
            insert into raw.quarantine
            select ?, ?, ?, ?, line - 1, 'seluruh_baris', any_value(csv_line),
                   'struktur_baris_rusak', current_timestamp
            from reject_errors group by line
        """, [file_name, sha, spec.kind, period])
        total, quarantined = con.execute("""
            select count(*), count(*) filter (where _check_no is not null or rowid in (select row_id from repeats))
            from src
        """).fetchone()
        result.rows_loaded = total - quarantined
        result.rows_quarantined = quarantined + rejected
        result.rows_read = total + rejected
        if spec.needs_period:
            _supersede(con, spec, period, file_name, result)
        con.execute("""
            insert into raw.file_ledger (file_name, sha256, kind, period, rows_read, rows_loaded, rows_quarantined,
                                         status, superseded_by, is_synthetic, loaded_at, file_size, file_mtime_ns)
            values (?, ?, ?, ?, ?, ?, ?, 'dimuat', null, ?, current_timestamp, ?, ?)
        """, [file_name, sha, spec.kind, period, result.rows_read, result.rows_loaded,
              result.rows_quarantined, file_name.lower().startswith("sintetis_"), stat.st_size, stat.st_mtime_ns])
        con.execute("drop table if exists src")
        con.execute("drop table if exists repeats")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise


def _supersede(con, spec: SourceSpec, period: str, file_name: str, result: IngestResult) -> None:
    """A corrected re-export of a period replaces the earlier file's rows; the ledger keeps both."""
    earlier = con.execute("""
        select file_name, sha256 from raw.file_ledger
        where kind = ? and period = ? and status = 'dimuat'
    """, [spec.kind, period]).fetchall()
    for old_name, old_sha in earlier:
        con.execute(f"delete from raw.{spec.raw_table} where _source_sha256 = ?", [old_sha])
        con.execute("update raw.file_ledger set status = 'digantikan', superseded_by = ? where sha256 = ?",
                    [file_name, old_sha])
        result.superseded.append(old_name)


def inbox_files(inbox_dir: Path) -> list[tuple[str, Path]]:
    """(kind, path) for every file under inbox/<kind>/; within a kind, in arrival order: a
    corrected re-export arrives after the export it corrects."""
    found = []
    for kind in KINDS:
        folder = inbox_dir / kind
        if folder.is_dir():
            files = [p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")]
            found += [(kind, p) for p in sorted(files, key=lambda p: (p.stat().st_mtime, p.name))]
    return found


def ingest_inbox(con: duckdb.DuckDBPyConnection, inbox_dir: Path, seeds_dir: Path,
                 progress=None, own_region: str = "35.75") -> tuple[list[IngestResult], list[str]]:
    """Every inbox file (see inbox_files). Returns results and error messages; progress, when
    given, is called with each file's name after it is done."""
    ensure_raw_schema(con)
    load_reference(con, seeds_dir, own_region)
    results, errors = [], []
    for kind, path in inbox_files(inbox_dir):
        try:
            results.append(ingest_file(con, path, kind))
            if not results[-1].skipped:
                crash_point("ingest")
        except IngestError as error:
            errors.append(str(error))
        except Exception as error:  # noqa: BLE001 - one bad file must not stop the others
            # the parser's message can quote a line of the file (NIK, names): name the type only
            errors.append(f"{path.name}: berkas tidak dapat dibaca sebagai {kind} "
                          f"({type(error).__name__}); periksa format dan pemisah kolomnya")
        if progress:
            progress(path.name)
    return results, errors
