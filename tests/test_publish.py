"""Publishing: no personal data in the published file; a failed build publishes nothing."""
from __future__ import annotations

import csv
import os
import re
import shutil
from pathlib import Path

import duckdb
import pytest
from conftest import PROJECT_DIR, run_pantau

pytestmark = pytest.mark.pipeline


def _published_strings(published_db: Path) -> set[str]:
    con = duckdb.connect(str(published_db), read_only=True)
    try:
        values = set()
        columns = con.execute("""
            select table_schema, table_name, column_name from information_schema.columns
            where data_type = 'VARCHAR'
        """).fetchall()
        for schema, table, column in columns:
            values |= {v for (v,) in con.execute(
                f'select distinct "{column}" from "{schema}"."{table}" where "{column}" is not null').fetchall()}
        return values
    finally:
        con.close()


def test_published_database_holds_no_personal_data(demo_data_dir, published_db):
    strings = _published_strings(published_db)
    assert strings, "the scan must see the published text values"
    # a file's SHA-256 (64 hex digits) may hold 16 decimal digits in a row by chance
    suspicious = [s for s in strings if re.search(r"\d{16}", s) and not re.fullmatch(r"[0-9a-f]{64}", s)]
    assert not suspicious, "a NIK/KK-like number was published"
    extract = demo_data_dir / "inbox" / "dtks" / "sintetis_dtks_3575_2024-11.txt"
    with open(extract, newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="|"))
    personal = ({r["NOMOR_NIK"] for r in rows} | {r["NOMOR_KK"] for r in rows}
                | {r["NAMA"] for r in rows} | {r["NAMA_IBU_KANDUNG"] for r in rows}
                | {r["ALAMAT"] for r in rows})
    assert not strings & personal


def test_published_file_has_marts_and_run_history(published_db):
    con = duckdb.connect(str(published_db), read_only=True)
    try:
        tables = {f"{s}.{t}" for s, t in con.execute(
            "select schema_name, table_name from duckdb_tables()").fetchall()}
        status = con.execute("select status from ops.refresh_runs order by started_at desc limit 1").fetchone()
        synthetic = con.execute("select is_synthetic from pantau_meta").fetchone()[0]
    finally:
        con.close()
    assert {"main.register_size_monthly", "main.register_flows_monthly", "main.register_exits_by_reason",
            "main.verval_cohorts", "main.register_verification_recency", "main.register_exit_evidence",
            "main.data_quality_files", "main.data_quality_quarantine", "main.dim_regions",
            "main.pantau_meta", "ops.refresh_runs"} <= tables
    assert not any(t.startswith(("raw.", "secret.", "staging.")) for t in tables)
    assert status == ("berhasil",)
    assert synthetic is True


def test_failed_build_publishes_nothing(tmp_path):
    """A project whose dbt test fails: the refresh stops, the published file stays as it was."""
    data_dir = tmp_path / "data"
    run_pantau(["demo-data", "--scale", "0.02", "--from", "2024-10", "--until", "2024-11"], data_dir)
    run_pantau(["refresh"], data_dir)
    published = data_dir / "published" / "pantau.duckdb"
    before = (os.stat(published).st_ino, published.read_bytes())

    project = tmp_path / "project"
    shutil.copytree(PROJECT_DIR, project, ignore=shutil.ignore_patterns(
        ".venv", "data", "target", ".git", "test-results", "__pycache__"))
    (project / "tests" / "dbt" / "assert_always_fails.sql").write_text(
        "select 1 as failing_row  -- planted by test_failed_build_publishes_nothing\n")
    run_pantau(["demo-data", "--scale", "0.02", "--from", "2024-12", "--until", "2024-12"], data_dir)
    failed = run_pantau(["refresh"], data_dir, project_dir=project, check=False)

    assert failed.returncode == 1
    assert "tidak ada yang diterbitkan" in failed.stderr
    assert (os.stat(published).st_ino, published.read_bytes()) == before
    assert not (data_dir / "work" / "pantau_build.duckdb").exists()
    con = duckdb.connect(str(data_dir / "work" / "pantau_work.duckdb"), read_only=True)
    try:
        runs = con.execute("select status from ops.refresh_runs order by started_at").fetchall()
        december = con.execute("select count(*) from raw.register_rows where _period = '2024-12'").fetchone()[0]
    finally:
        con.close()
    assert runs == [("berhasil",), ("gagal",)]
    assert december == 0  # the new month's rows were loaded only into the discarded copy
