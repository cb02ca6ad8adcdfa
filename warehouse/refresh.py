"""One refresh: copy working db -> ingest inbox -> dbt build -> publish -> new working db.

Everything happens on a copy (data/work/pantau_build.duckdb). Only when the build and every
error-level test pass are the marts published and the copy promoted to working database.
Any failure leaves the working and published databases as they were, and is recorded.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

import duckdb

from .dbt_runner import run_dbt, source_freshness
from .ingest import ingest_inbox
from .publish import publish
from .settings import Settings


class RefreshError(Exception):
    """The refresh stopped; nothing was published."""


@dataclass
class RunRecord:
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    started_at: datetime = field(default_factory=datetime.now)
    finished_at: datetime | None = None
    status: str = "berjalan"
    files_loaded: int = 0
    files_skipped: int = 0
    rows_read: int = 0
    rows_loaded: int = 0
    rows_quarantined: int = 0
    tests_passed: int = 0
    tests_failed: int = 0
    tests_warned: int = 0
    message: str = ""
    steps: list[tuple[str, float, float]] = field(default_factory=list)  # (step, epoch start, seconds)

    @contextmanager
    def step(self, name: str):
        """Time one step of the run (ops.refresh_steps; the benchmark reads it)."""
        started = time.time()
        try:
            yield
        finally:
            self.steps.append((name, started, time.time() - started))

    def values(self) -> list:
        return [self.run_id, self.started_at, self.finished_at, self.status, self.files_loaded,
                self.files_skipped, self.rows_read, self.rows_loaded, self.rows_quarantined,
                self.tests_passed, self.tests_failed, self.tests_warned, self.message]


_RUNS_DDL = """
    create table if not exists ops.refresh_runs (
        run_id varchar, started_at timestamp, finished_at timestamp, status varchar,
        files_loaded integer, files_skipped integer, rows_read bigint, rows_loaded bigint,
        rows_quarantined bigint, tests_passed integer, tests_failed integer, tests_warned integer,
        message varchar)
"""


def record_run(con: duckdb.DuckDBPyConnection, run: RunRecord) -> None:
    con.execute("create schema if not exists ops")
    con.execute(_RUNS_DDL)
    con.execute("insert into ops.refresh_runs values (" + ", ".join("?" * 13) + ")", run.values())


def record_steps(con: duckdb.DuckDBPyConnection, run: RunRecord) -> None:
    """How long each step of a run took (wall clock), for operators and the benchmark."""
    con.execute("create schema if not exists ops")
    con.execute("""
        create table if not exists ops.refresh_steps (
            run_id varchar, step varchar, started_at double, seconds double)
    """)
    con.executemany("insert into ops.refresh_steps values (?, ?, ?, ?)",
                    [[run.run_id, name, started, seconds] for name, started, seconds in run.steps])


def record_test_window(con: duckdb.DuckDBPyConnection, full_refresh: bool) -> None:
    """Data tests on the large person-month tables check the rows loaded or rebuilt since
    `since` (this run's start; everything on a full refresh or a first build): older rows
    passed the same tests when they were built, and a month is only ever replaced whole."""
    con.execute("create schema if not exists ops")
    first_build = not con.execute(
        "select count(*) from duckdb_tables() where schema_name = 'ops' and table_name = 'refresh_runs'").fetchone()[0]
    con.execute("create or replace table ops.test_window as select "
                + ("timestamp '1900-01-01'" if full_refresh or first_build else "current_timestamp::timestamp")
                + " as since")


def record_freshness(con: duckdb.DuckDBPyConnection, rows: list[tuple]) -> None:
    """The latest `dbt source freshness` results (one row per source table), replaced each run."""
    con.execute("create schema if not exists ops")
    con.execute("""
        create or replace table ops.source_freshness (
            source_name varchar, table_name varchar, max_loaded_at timestamp, status varchar,
            checked_at timestamp default current_timestamp)
    """)
    for source, table, loaded_at, status in rows:
        con.execute("insert into ops.source_freshness (source_name, table_name, max_loaded_at, status) "
                    "values (?, ?, try_cast(? as timestamp), ?)", [source, table, loaded_at, status])


@contextmanager
def refresh_lock(settings: Settings):
    """An OS file lock: released by the kernel if the process dies, so it survives crashes."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    with open(settings.data_dir / "refresh.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RefreshError("refresh lain sedang berjalan; coba lagi setelah selesai") from None
        try:
            yield handle.fileno()
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def refresh(settings: Settings, say=print, full_refresh: bool = False, progress=None) -> RunRecord:
    """progress(file_name), when given, is called after each inbox file (for a progress bar)."""
    settings.ensure_dirs()
    with refresh_lock(settings) as lock_fd:
        run = RunRecord()
        try:
            _build_and_publish(settings, run, say, full_refresh, lock_fd, progress)
        except Exception as error:
            run.status = "gagal"
            run.message = str(error)[:2000]
            run.finished_at = datetime.now()
            settings.build_db.unlink(missing_ok=True)
            con = duckdb.connect(str(settings.working_db))
            try:
                record_run(con, run)
            finally:
                con.close()
            raise RefreshError(f"refresh gagal, tidak ada yang diterbitkan: {error}") from error
        return run


def _build_and_publish(settings: Settings, run: RunRecord, say, full_refresh: bool, lock_fd: int,
                       progress) -> None:
    settings.build_db.unlink(missing_ok=True)
    with run.step("salin_gudang_kerja"):
        if settings.working_db.exists():
            shutil.copyfile(settings.working_db, settings.build_db)
    con = duckdb.connect(str(settings.build_db))
    try:
        con.execute("set enable_progress_bar = false")
        con.execute("set memory_limit = ?", [os.environ.get("PANTAU_DUCKDB_MEMORY", "3GB")])
        record_test_window(con, full_refresh)
        say("Memuat berkas dari inbox ...")
        with run.step("muat_berkas"):
            results, errors = ingest_inbox(con, settings.inbox_dir, settings.seeds_dir, progress,
                                           settings.own_region)
        loaded = [r for r in results if not r.skipped]
        run.files_loaded, run.files_skipped = len(loaded), len(results) - len(loaded)
        run.rows_read = sum(r.rows_read for r in loaded)
        run.rows_loaded = sum(r.rows_loaded for r in loaded)
        run.rows_quarantined = sum(r.rows_quarantined for r in loaded)
        say(f"  {run.files_loaded} berkas baru dimuat, {run.files_skipped} sudah pernah dimuat; "
            f"{run.rows_read:,} baris dibaca = {run.rows_loaded:,} dimuat + "
            f"{run.rows_quarantined:,} dikarantina")
        for message in errors:
            say(f"  PERINGATAN: {message}")
        run.message = "; ".join(errors)[:2000]
        con.execute("create schema if not exists secret")
        con.execute("create or replace table secret.pseudonym_key as select ? as key_value",
                    [settings.pseudonym_key()])
    finally:
        con.close()

    say("Membangun gudang data (dbt build) ...")
    with run.step("dbt_build"):
        # unit tests check the models' logic on hand-made rows: CI runs them (pytest), not
        # every scheduled refresh
        command = ["build", "--exclude-resource-type", "unit_test"] + (["--full-refresh"] if full_refresh else [])
        outcome = run_dbt(settings, command, settings.build_db, lock_fd)
    run.tests_passed, run.tests_failed, run.tests_warned = (
        outcome.tests_passed, outcome.tests_failed, outcome.tests_warned)
    if not outcome.success:
        detail = "; ".join(outcome.failures[:5]) or outcome.output_tail
        raise RefreshError(f"dbt build gagal ({outcome.tests_failed} uji gagal): {detail}")
    say(f"  {outcome.models_built} model/seed dibangun; uji: {outcome.tests_passed} lulus, "
        f"{outcome.tests_warned} peringatan, {outcome.tests_failed} gagal")

    with run.step("kesegaran_sumber"):
        freshness = source_freshness(settings, settings.build_db)
    run.status = "berhasil" if not run.message else "berhasil dengan peringatan"
    run.finished_at = datetime.now()
    con = duckdb.connect(str(settings.build_db))
    try:
        record_freshness(con, freshness)
        record_run(con, run)
    finally:
        con.close()
    say("Menerbitkan ...")
    with run.step("terbitkan"):
        published = publish(settings, settings.build_db, run.run_id)
    os.replace(settings.build_db, settings.working_db)
    say(f"  diterbitkan ke {published}")
    con = duckdb.connect(str(settings.working_db))
    try:
        record_steps(con, run)
    finally:
        con.close()
