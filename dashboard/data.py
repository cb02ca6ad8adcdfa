"""The only module with SQL. Every query opens a fresh read-only connection (NullPool) to the
published file, so a new publish is seen on the next request and no connection is held.

Results are cached per published version (the file's inode and mtime): os.replace() gives the
published path a new inode, so a publish invalidates the cache without any signalling.
"""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
from flask import current_app
from flask_caching import Cache
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

cache = Cache()

QUERIES = {
    "meta": "select * from pantau_meta",
    "areas": """
        select area_code, area_level, area_name, kecamatan_name, kabkota_name
        from dim_regions
        where is_own_region and area_level in ('kabkota', 'kecamatan')
        order by area_level = 'kecamatan', area_name
    """,
    "register_trend": """
        select period_month, persons, families
        from register_size_monthly
        where area_code = :area_code and programme_code = :programme_code
        order by period_month
    """,
    "flows": """
        select period_month, persons_opening, persons_entries, persons_exits, persons_closing,
               families_entries, families_exits, is_first_period
        from register_flows_monthly
        where area_code = :area_code and programme_code = :programme_code
        order by period_month
    """,
    "exits_by_reason": """
        select period_month, reason_code, reason_short_label, reason_label, persons, families
        from register_exits_by_reason
        where area_code = :area_code and programme_code = :programme_code
        order by period_month, reason_code
    """,
    "verval_monthly": """
        select cohorts.visit_month,
               sum(households_assessed) as households_assessed,
               sum(households_not_eligible) as households_not_eligible,
               sum(households_eligible) as households_eligible,
               sum(not_eligible_removed_3m) as not_eligible_removed_3m,
               sum(not_eligible_still_registered) as not_eligible_still_registered,
               sum(households_with_photo) as households_with_photo,
               sum(households_with_gps_point) as households_with_gps_point
        from verval_cohorts as cohorts
        inner join dim_regions as regions on regions.area_code = cohorts.kelurahan_code
        where :area_code in (regions.kabkota_code, regions.kecamatan_code)
        group by cohorts.visit_month
        order by cohorts.visit_month
    """,
    "verval_enumerators": """
        select enumerator_code,
               sum(households_assessed) as households_assessed,
               sum(households_not_eligible) as households_not_eligible,
               sum(not_eligible_removed_3m) as not_eligible_removed_3m,
               sum(not_eligible_still_registered) as not_eligible_still_registered,
               sum(households_with_photo) as households_with_photo,
               sum(households_with_gps_point) as households_with_gps_point
        from verval_cohorts as cohorts
        inner join dim_regions as regions on regions.area_code = cohorts.kelurahan_code
        where :area_code in (regions.kabkota_code, regions.kecamatan_code)
        group by enumerator_code
        order by enumerator_code
    """,
    "verval_reasons": """
        select reasons.reason_code, reasons.reason_short_label, sum(reasons.households) as households
        from verval_decisions_by_reason as reasons
        inner join dim_regions as regions on regions.area_code = reasons.kelurahan_code
        where :area_code in (regions.kabkota_code, regions.kecamatan_code)
        group by reasons.reason_code, reasons.reason_short_label
        order by households desc
    """,
}


def published_path() -> Path:
    return Path(current_app.config["PANTAU_DB"])


def published_version(path: Path) -> str:
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return "none"
    return f"{stat.st_ino}-{stat.st_mtime_ns}"


def _engine(path: Path):
    return create_engine(f"duckdb:///{path}", poolclass=NullPool,
                         connect_args={"read_only": True})


@cache.memoize(timeout=3600)
def _run(name: str, params: tuple, path: str, version: str) -> pd.DataFrame:
    engine = _engine(Path(path))
    try:
        with engine.connect() as connection:
            return pd.read_sql(text(QUERIES[name]), connection, params=dict(params))
    finally:
        engine.dispose()


def query(name: str, **params) -> pd.DataFrame:
    """Run a named query against the published warehouse (cached per published version)."""
    path = published_path()
    if not path.exists():
        return pd.DataFrame()
    frame = _run(name, tuple(sorted(params.items())), str(path), published_version(path))
    return frame.copy()


def meta() -> dict:
    frame = query("meta")
    return frame.iloc[0].to_dict() if len(frame) else {}


def areas() -> pd.DataFrame:
    return query("areas")


def register_trend(area_code: str, programme_code: str) -> pd.DataFrame:
    return query("register_trend", area_code=area_code, programme_code=programme_code)


def flows(area_code: str, programme_code: str) -> pd.DataFrame:
    return query("flows", area_code=area_code, programme_code=programme_code)


def exits_by_reason(area_code: str, programme_code: str) -> pd.DataFrame:
    return query("exits_by_reason", area_code=area_code, programme_code=programme_code)


def verval_monthly(area_code: str) -> pd.DataFrame:
    return query("verval_monthly", area_code=area_code)


def verval_enumerators(area_code: str) -> pd.DataFrame:
    return query("verval_enumerators", area_code=area_code)


def verval_reasons(area_code: str) -> pd.DataFrame:
    return query("verval_reasons", area_code=area_code)
