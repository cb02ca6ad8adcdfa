"""The Kueri sandbox against escape attempts: each is refused with a clear message, and nothing
outside the published marts is read or written."""
from __future__ import annotations

import hashlib

import duckdb
import pytest

from dashboard import sandbox


@pytest.fixture()
def published(tmp_path):
    path = tmp_path / "pantau.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create table register_size_monthly as select date '2024-11-01' as period_month, "
                "'35.75' as area_code, 59521 as persons")
    con.execute("create table dim_regions as select '35.75' as area_code, 'Kota Pasuruan' as area_name")
    con.execute("create schema ops")
    con.execute("create table ops.refresh_runs as select 'r1' as run_id")
    con.close()
    (tmp_path / "rahasia.csv").write_text("nik\n3575010101800001\n")
    return path


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


ESCAPES = [
    ("select * from read_csv('{secret}')", "Fungsi tabel tidak diizinkan"),
    ("select * from read_text('/etc/passwd')", "Fungsi tabel tidak diizinkan"),
    ("select * from read_blob('/etc/hostname')", "Fungsi tabel tidak diizinkan"),
    ("select * from glob('/etc/*')", "Fungsi tabel tidak diizinkan"),
    ("select * from sniff_csv('{secret}')", "Fungsi tabel tidak diizinkan"),
    ("select * from '{secret}'", "tidak tersedia"),
    ("select * from read_parquet('/tmp/x.parquet')", "Fungsi tabel tidak diizinkan"),
    ("copy (select * from register_size_monthly) to '{out}'", "Hanya SELECT"),
    ("export database '{dir}'", "Hanya SELECT"),
    ("attach '{other}' as lain", "Hanya SELECT"),
    ("detach pantau", "Hanya SELECT"),
    ("install httpfs", "Hanya SELECT"),
    ("load httpfs", "Hanya SELECT"),
    ("set enable_external_access = true", "Hanya SELECT"),
    ("reset lock_configuration", "Hanya SELECT"),
    ("pragma database_list", "Hanya SELECT"),
    ("select * from pragma_database_list", "tidak tersedia"),
    ("select * from duckdb_settings()", "Fungsi tabel tidak diizinkan"),
    ("select current_setting('home_directory')", "Fungsi tidak diizinkan"),
    ("select * from ops.refresh_runs", "tidak tersedia"),
    ("select * from information_schema.tables", "tidak tersedia"),
    ("select 1; drop table register_size_monthly", "Hanya satu pernyataan"),
    ("drop table register_size_monthly", "Hanya SELECT"),
    ("create table salinan as select * from register_size_monthly", "Hanya SELECT"),
    ("insert into register_size_monthly values (date '2024-12-01', '35.75', 1)", "Hanya SELECT"),
    ("update register_size_monthly set persons = 0", "Hanya SELECT"),
    ("call pragma_version()", "Hanya SELECT"),
    ("checkpoint", "Hanya SELECT"),
    ("with x as (select * from read_csv('{secret}')) select * from x", "Fungsi tabel tidak diizinkan"),
    ("select * from register_size_monthly where area_code in (select * from read_csv('{secret}'))",
     "Fungsi tabel tidak diizinkan"),
    ("select 1 from", "SQL tidak dapat diurai"),
]


@pytest.mark.parametrize(("attempt", "message"), ESCAPES)
def test_escape_attempts_are_refused_with_a_clear_message(published, tmp_path, attempt, message):
    before = _digest(published)
    sql = attempt.format(secret=tmp_path / "rahasia.csv", out=tmp_path / "keluar.csv", dir=tmp_path / "ekspor",
                         other=tmp_path / "lain.duckdb")
    with pytest.raises(sandbox.QueryRejected, match=message):
        sandbox.run(published, sql)
    assert _digest(published) == before
    assert not (tmp_path / "keluar.csv").exists() and not (tmp_path / "ekspor").exists()
    assert not (tmp_path / "lain.duckdb").exists()


def test_the_connection_itself_refuses_files_even_without_the_checks(published, tmp_path):
    con = sandbox.connect(published)
    try:
        with pytest.raises(duckdb.PermissionException):
            con.execute(f"select * from read_csv('{tmp_path / 'rahasia.csv'}')")
        with pytest.raises(duckdb.Error):
            con.execute("set enable_external_access = true")
    finally:
        con.close()


def test_a_query_that_runs_forever_is_stopped(published):
    with pytest.raises(sandbox.QueryRejected, match="Waktu habis"):
        sandbox.run(published, "select count(*) from register_size_monthly, range(10000000000000)", time_limit=1)


def test_results_are_cut_at_the_row_limit(published):
    result = sandbox.run(published, "select r.* from register_size_monthly as r, (select 1 from register_size_monthly) "
                                    "as a, (select unnest(range(20)) from register_size_monthly) as b", row_limit=7)
    assert result.truncated and len(result.frame) == 7


def test_an_ordinary_analyst_query_works(published):
    result = sandbox.run(published, """
        with terbaru as (select * from register_size_monthly where period_month = '2024-11-01')
        select dim_regions.area_name, sum(terbaru.persons) as orang
        from terbaru join dim_regions using (area_code)
        group by 1;
    """)
    assert result.frame.to_dict("records") == [{"area_name": "Kota Pasuruan", "orang": 59521}]
    assert not result.truncated
