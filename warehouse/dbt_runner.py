"""dbt is called through this one function, behind a lock, in a subprocess.

A subprocess (not dbtRunner in-process) because dbt-duckdb caches its DuckDB connection per
process: a second build in the same process could write to the file the first one opened.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from .faults import crash_point
from .settings import Settings

_LOCK = threading.Lock()


@dataclass(frozen=True)
class DbtOutcome:
    success: bool
    return_code: int
    tests_passed: int
    tests_failed: int
    tests_warned: int
    models_built: int
    failures: list[str]
    output_tail: str


def dbt_executable() -> str:
    candidate = Path(sys.executable).with_name("dbt")
    return str(candidate) if candidate.exists() else "dbt"


def run_dbt(settings: Settings, command: list[str], database: Path, lock_fd: int | None = None) -> DbtOutcome:
    """dbt in a subprocess. lock_fd (the refresh lock) is inherited by dbt, so if the refresh
    process dies while dbt still runs, no new refresh starts until that dbt has exited."""
    env = dict(os.environ, PANTAU_DBT_DB=str(database), DBT_SEND_ANONYMOUS_USAGE_STATS="false")
    args = [dbt_executable(), *command,
            "--project-dir", str(settings.project_dir), "--profiles-dir", str(settings.project_dir),
            "--target-path", str(settings.dbt_target_dir), "--log-path", str(settings.logs_dir),
            "--vars", json.dumps({"own_region": settings.own_region}), "--no-use-colors"]
    with _LOCK:
        process = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                   cwd=settings.project_dir, pass_fds=(lock_fd,) if lock_fd is not None else ())
        crash_point("dbt")
        output, _ = process.communicate()
        completed = subprocess.CompletedProcess(args, process.returncode, output, "")
    return _outcome(settings, completed)


def source_freshness(settings: Settings, database: Path, lock_fd: int | None = None) -> list[tuple]:
    """`dbt source freshness`: (source, table, newest _loaded_at, status) per source table.
    A stale source is a finding to show, not a failed refresh."""
    run_dbt(settings, ["source", "freshness"], database, lock_fd)
    results_file = settings.dbt_target_dir / "sources.json"
    if not results_file.exists():
        return []
    rows = []
    for result in json.loads(results_file.read_text()).get("results", []):
        _, _, source, table = result["unique_id"].split(".", 3)
        rows.append((source, table, result.get("max_loaded_at"), result.get("status")))
    return rows


def _outcome(settings: Settings, completed: subprocess.CompletedProcess) -> DbtOutcome:
    passed = failed = warned = built = 0
    failures = []
    results_file = settings.dbt_target_dir / "run_results.json"
    if results_file.exists():
        for result in json.loads(results_file.read_text()).get("results", []):
            unique_id, status = result["unique_id"], result["status"]
            if unique_id.startswith(("test.", "unit_test.")):
                passed += status == "pass"
                warned += status == "warn"
                failed += status in ("fail", "error")
            elif status == "success":
                built += 1
            if status in ("fail", "error"):
                failures.append(f"{unique_id}: {result.get('message') or status}")
    tail = "\n".join((completed.stdout + completed.stderr).strip().splitlines()[-25:])
    return DbtOutcome(completed.returncode == 0, completed.returncode, passed, failed, warned, built,
                      failures, tail)
