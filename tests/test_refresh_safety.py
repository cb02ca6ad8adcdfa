"""Refresh safety on a small demo: crashes (SIGKILL) during ingest, dbt build and publish leave
the previous version served; a reader polling every 50 ms through ten refreshes sees no error
and sees each new publish; rollback; the scheduler."""
from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

import duckdb
import pytest
from conftest import PANTAU, PROJECT_DIR, TEST_KEY, run_pantau

pytestmark = pytest.mark.pipeline

SMALL = ["--scale", "0.05"]


def _env(data_dir: Path, **extra) -> dict:
    return dict(os.environ, PANTAU_DATA_DIR=str(data_dir), PANTAU_PSEUDONYM_KEY=TEST_KEY,
                PANTAU_PROJECT_DIR=str(PROJECT_DIR), **extra)


def _published_state(data_dir: Path) -> tuple:
    """(run id, latest month, persons that month, rows of every mart) of the served version."""
    con = duckdb.connect(str(data_dir / "published" / "pantau.duckdb"), read_only=True)
    try:
        run_id, as_of = con.execute("select run_id, data_as_of from pantau_meta").fetchone()
        persons = con.execute("""
            select persons from register_size_monthly
            where area_level = 'kabkota' and programme_code = 'SEMUA' and period_month = ?
        """, [as_of]).fetchone()[0]
        tables = [t for (t,) in con.execute(
            "select table_name from duckdb_tables() where schema_name = 'main' order by 1").fetchall()]
        sizes = tuple(con.execute(f'select count(*) from "{t}"').fetchone()[0] for t in tables)
        return run_id, str(as_of), persons, sizes
    finally:
        con.close()


@pytest.fixture(scope="module")
def small_template(tmp_path_factory) -> Path:
    """August-October 2024 at 5 % scale, refreshed once; November waits in the inbox."""
    data_dir = tmp_path_factory.mktemp("klein")
    run_pantau(["demo-data", *SMALL, "--from", "2024-08", "--until", "2024-10"], data_dir)
    run_pantau(["refresh"], data_dir)
    run_pantau(["demo-data", *SMALL, "--from", "2024-11", "--until", "2024-11"], data_dir)
    return data_dir


@pytest.fixture()
def small_warehouse(small_template, tmp_path) -> Path:
    """A private copy of the small warehouse for one test (building it once saves minutes)."""
    return Path(shutil.copytree(small_template, tmp_path / "data"))


@pytest.mark.parametrize("point", ["ingest", "dbt", "publish"])
def test_a_crash_leaves_the_previous_version_served_and_the_next_refresh_completes(small_warehouse, point):
    before = _published_state(small_warehouse)
    crashed = subprocess.run([PANTAU, "refresh"], env=_env(small_warehouse, PANTAU_CRASH_AT=point),
                             capture_output=True, text=True, start_new_session=True, check=False)
    assert crashed.returncode == -signal.SIGKILL
    assert _published_state(small_warehouse) == before  # readable, consistent, the previous version
    assert before[1] == "2024-10-01"
    run_pantau(["refresh"], small_warehouse)  # the lock died with the process
    after = _published_state(small_warehouse)
    assert after[1] == "2024-11-01" and after[0] != before[0]
    assert not list((small_warehouse / "published").glob(".pantau-*"))


def test_a_reader_sees_no_error_through_ten_refreshes_and_each_new_publish(small_warehouse):
    published = small_warehouse / "published" / "pantau.duckdb"
    seen, errors, stop = [], [], threading.Event()

    def read() -> None:
        while not stop.is_set():
            try:
                con = duckdb.connect(str(published), read_only=True)
                try:
                    run_id = con.execute("select run_id from pantau_meta").fetchone()[0]
                    con.execute("select sum(persons) from register_size_monthly").fetchone()
                finally:
                    con.close()
                if not seen or seen[-1] != run_id:
                    seen.append(run_id)
            except Exception as error:  # noqa: BLE001 - any error is the finding
                errors.append(repr(error))
            time.sleep(0.05)

    reader = threading.Thread(target=read)
    reader.start()
    published_ids = []
    try:
        for _ in range(10):
            run_pantau(["refresh"], small_warehouse)
            published_ids.append(_published_state(small_warehouse)[0])
            time.sleep(0.2)  # let the reader poll the new version at least once
    finally:
        stop.set()
        reader.join()
    assert errors == []
    assert len(set(published_ids)) == 10
    assert [i for i in seen if i in published_ids] == published_ids  # every publish seen, in order


def test_rollback_serves_the_previous_version_until_the_next_refresh(small_warehouse):
    first = _published_state(small_warehouse)
    run_pantau(["refresh"], small_warehouse)
    second = _published_state(small_warehouse)
    assert second[1] == "2024-11-01"
    run_pantau(["rollback"], small_warehouse)
    assert _published_state(small_warehouse) == first
    refused = run_pantau(["rollback"], small_warehouse, check=False)
    assert refused.returncode == 1 and "tidak ada versi lebih lama" in refused.stderr
    run_pantau(["refresh"], small_warehouse)
    assert _published_state(small_warehouse)[1:] == second[1:]


def test_the_scheduler_runs_a_refresh_and_never_overlaps_one(small_warehouse):
    before = _published_state(small_warehouse)
    bad = run_pantau(["schedule", "--cron", "tiap malam"], small_warehouse, check=False)
    assert bad.returncode == 2 and "jadwal cron 'tiap malam' tidak dikenali" in bad.stderr
    # another refresh holds the lock: the scheduled run is refused and recorded in the log
    with open(small_warehouse / "refresh.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        blocked = run_pantau(["schedule", "--cron", "0 2 * * *", "--run-now", "--max-runs", "1"], small_warehouse)
        fcntl.flock(handle, fcntl.LOCK_UN)
    assert "refresh lain sedang berjalan" in blocked.stderr
    assert _published_state(small_warehouse) == before
    run_pantau(["schedule", "--cron", "0 2 * * *", "--run-now", "--max-runs", "1"], small_warehouse)
    assert _published_state(small_warehouse)[1] == "2024-11-01"
    log = (small_warehouse / "logs" / "pantau.log").read_text()
    assert "Refresh terjadwal gagal" in log and "Refresh terjadwal berhasil" in log


def test_each_refresh_publishes_dbt_source_freshness(small_warehouse):
    con = duckdb.connect(str(small_warehouse / "published" / "pantau.duckdb"), read_only=True)
    try:
        checks = con.execute("select source_name, status from ops.source_freshness order by 1").fetchall()
    finally:
        con.close()
    assert checks == [("aggregates", "pass"), ("lastri", "pass"), ("siks", "pass")]
