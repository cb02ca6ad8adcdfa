"""Publish the marts to a new DuckDB file, then os.replace() it onto the published path.

Readers open a connection per request, so they see either the old file or the new one,
never a half-written one. The last versions are kept under their own names (hard links), the
newest being the one published, for readers and for rollback.
"""
from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

import duckdb

from .faults import crash_point
from .settings import Settings

KEEP_VERSIONS = 5


def publish(settings: Settings, build_db: Path, run_id: str) -> Path:
    settings.published_dir.mkdir(parents=True, exist_ok=True)
    settings.versions_dir.mkdir(parents=True, exist_ok=True)
    for leftover in settings.published_dir.glob(".pantau-*.duckdb*"):
        leftover.unlink()  # from a publish that crashed before its rename: never served
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S%f")
    staging_path = settings.published_dir / f".pantau-{stamp}.duckdb"
    con = duckdb.connect(str(staging_path))
    try:
        con.execute("set enable_progress_bar = false")
        con.execute(f"attach '{build_db}' as build (read_only)")
        marts = [row[0] for row in con.execute(
            "select table_name from duckdb_tables() where database_name = 'build' and schema_name = 'marts'"
        ).fetchall()]
        for table in marts:
            con.execute(f"create table main.{table} as select * from build.marts.{table}")
        con.execute("create schema ops")
        con.execute("create table ops.refresh_runs as select * from build.ops.refresh_runs")
        con.execute("create table ops.source_freshness as select * from build.ops.source_freshness")
        _write_dictionary(con, settings, marts)
        con.execute("""
            create table main.pantau_meta as
            select ? as run_id, current_timestamp as published_at, ? as own_region,
                   (select max(period_month) from build.marts.register_size_monthly) as data_as_of,
                   coalesce((select bool_or(is_synthetic) from build.raw.file_ledger
                             where status = 'dimuat'), false) as is_synthetic
        """, [run_id, settings.own_region])
        con.execute("detach build")
    except Exception:
        con.close()
        staging_path.unlink(missing_ok=True)
        raise
    finally:
        con.close()
    crash_point("publish")
    os.replace(staging_path, settings.published_db)
    # every published version also has its own name (a hard link, no copy): readers open that
    # name, so a process never mixes two versions under one path (DuckDB caches instances by path)
    os.link(settings.published_db, settings.versions_dir / f"pantau-{stamp}.duckdb")
    _prune_versions(settings.versions_dir)
    return settings.published_db


def _prune_versions(versions_dir: Path) -> None:
    versions = sorted(versions_dir.glob("pantau-*.duckdb"))
    for old in versions[:-KEEP_VERSIONS]:
        old.unlink()


def _write_dictionary(con: duckdb.DuckDBPyConnection, settings: Settings, marts: list[str]) -> None:
    """ops.data_dictionary: every published mart and column with its description from the dbt
    docs (manifest.json of the build just run), for the Kueri page and analysts' own tools."""
    manifest_file = settings.dbt_target_dir / "manifest.json"
    described = {}
    if manifest_file.exists():
        for node in json.loads(manifest_file.read_text()).get("nodes", {}).values():
            if node.get("resource_type") == "model" and node.get("name") in marts:
                described[node["name"]] = node
    con.execute("""create table ops.data_dictionary (table_name varchar, column_name varchar, data_type varchar,
                   description varchar, position integer)""")
    columns = con.execute("""
        select table_name, column_name, data_type, column_index from duckdb_columns()
        where database_name = current_database() and schema_name = 'main'
    """).fetchall()
    for table, column, data_type, position in columns:
        node = described.get(table, {})
        text = (node.get("columns", {}).get(column, {}).get("description") or "").strip()
        con.execute("insert into ops.data_dictionary values (?, ?, ?, ?, ?)", [table, column, data_type, text, position])
    for table in marts:
        con.execute("insert into ops.data_dictionary values (?, null, null, ?, 0)",
                    [table, (described.get(table, {}).get("description") or "").strip()])


class RollbackError(Exception):
    """Nothing older to roll back to."""


def rollback(settings: Settings) -> Path:
    """Serve the version published before the one served now (atomically, like a publish).

    The working database is not touched: the next refresh publishes the newest data again.
    Returns the version file now served."""
    versions = sorted(settings.versions_dir.glob("pantau-*.duckdb"))
    if not settings.published_db.exists():
        raise RollbackError("belum ada versi terbit")
    served = os.stat(settings.published_db).st_ino
    older = [v for v in versions if v.stat().st_ino != served]
    position = next((i for i, v in enumerate(versions) if v.stat().st_ino == served), len(versions))
    candidates = [v for v in older if versions.index(v) < position]
    if not candidates:
        raise RollbackError("tidak ada versi lebih lama yang tersimpan (disimpan "
                            f"{KEEP_VERSIONS} versi terakhir di {settings.versions_dir})")
    previous = candidates[-1]
    staging = settings.published_dir / f".pantau-rollback-{previous.stem}.duckdb"
    staging.unlink(missing_ok=True)
    os.link(previous, staging)
    os.replace(staging, settings.published_db)
    return previous
