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

import duckdb

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


_PERIOD_SECONDS = {"minute": 60, "hour": 3600, "day": 86400}


def source_freshness(settings: Settings, database: Path) -> list[tuple]:
    """The freshness checks declared on the dbt sources (loaded_at_field, warn_after,
    error_after), evaluated as `dbt source freshness` evaluates them: (source, table, newest
    loaded_at, pass/warn/error). Read from the manifest of the build just run, in this process:
    a second dbt process costs 7-9 s of start-up on a 2-core machine. A stale source is a
    finding to show, not a failed refresh."""
    manifest_file = settings.dbt_target_dir / "manifest.json"
    if not manifest_file.exists():
        return []
    rows = []
    con = duckdb.connect(str(database), read_only=True)
    try:
        for source in json.loads(manifest_file.read_text()).get("sources", {}).values():
            rules = source.get("freshness") or {}
            if not source.get("loaded_at_field") or not any((rules.get(k) or {}).get("count")
                                                            for k in ("warn_after", "error_after")):
                continue
            newest, age_seconds = con.execute(f"""
                select max({source['loaded_at_field']}),
                       epoch(current_timestamp::timestamp) - epoch(max({source['loaded_at_field']}))
                from {source['schema']}.{source['identifier']}
            """).fetchone()
            rows.append((source["source_name"], source["name"], newest.isoformat() if newest else None,
                         _freshness_status(rules, age_seconds)))
    finally:
        con.close()
    return rows


def _freshness_status(rules: dict, age_seconds: float | None) -> str:
    if age_seconds is None:
        return "error"  # no rows at all
    for status in ("error", "warn"):
        rule = rules.get(f"{status}_after") or {}
        if rule.get("count") and age_seconds > rule["count"] * _PERIOD_SECONDS[rule["period"]]:
            return status
    return "pass"


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
