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

# Every targeting figure travels with its numerator, denominator, benchmark and sources.
_TARGETING_COLUMNS = """
    kabkota_code, kabkota_name, is_own_region, year, population, population_source,
    population_reference, register_month, register_persons, register_source, register_share,
    p0_pct, poor_persons, poor_persons_basis, poverty_reference, poverty_citation, poverty_line_rp,
    coverage_ratio, min_leakage_poor, min_undercoverage_poor, target_share, target_persons,
    coverage_ratio_target, min_leakage_target, min_undercoverage_target
"""

# the map's visits: those in the chosen area (kab/kota, kecamatan or kelurahan) and months
VISITS_IN_VIEW = """from verval_visit_points as points
        inner join dim_regions as regions on regions.area_code = points.kelurahan_code
        where :area_code in (regions.kabkota_code, regions.kecamatan_code, regions.area_code)
            and points.visit_month between cast(:start as date) and cast(:end as date)"""

QUERIES = {
    "meta": "select * from pantau_meta",
    "areas": """
        select area_code, area_level, area_name, kecamatan_code, kecamatan_name, kabkota_name
        from dim_regions
        where is_own_region
        order by area_level <> 'kabkota', kecamatan_name, area_level <> 'kecamatan', area_name
    """,
    "periods": """
        select distinct period_month from register_size_monthly order by period_month
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
        where :area_code in (regions.kabkota_code, regions.kecamatan_code, regions.area_code)
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
        where :area_code in (regions.kabkota_code, regions.kecamatan_code, regions.area_code)
            and cohorts.visit_month between cast(:start as date) and cast(:end as date)
        group by enumerator_code
        order by enumerator_code
    """,
    "verval_reasons": """
        select reasons.reason_code, reasons.reason_short_label, sum(reasons.households) as households
        from verval_decisions_by_reason as reasons
        inner join dim_regions as regions on regions.area_code = reasons.kelurahan_code
        where :area_code in (regions.kabkota_code, regions.kecamatan_code, regions.area_code)
            and reasons.visit_month between cast(:start as date) and cast(:end as date)
        group by reasons.reason_code, reasons.reason_short_label
        order by households desc
    """,
    "targeting_years": """
        select year, bool_or(is_own_region) as has_own_region
        from targeting_kabkota_yearly
        where register_share is not null and p0_pct is not null
        group by year
        order by year desc
    """,
    "targeting_yearly": f"""
        select {_TARGETING_COLUMNS}
        from targeting_kabkota_yearly
        where year = :year
        order by kabkota_code
    """,
    "targeting_all_years": f"""
        select {_TARGETING_COLUMNS}
        from targeting_kabkota_yearly
        order by year, kabkota_code
    """,
    "targeting_current": f"""
        select {_TARGETING_COLUMNS}
        from targeting_kabkota_current
        order by kabkota_code
    """,
    "targeting_own_monthly": f"""
        select {_TARGETING_COLUMNS}
        from targeting_own_region_monthly
        order by register_month
    """,
    "ravallion_fits": """
        select comparison, year, areas, intercept, slope, intercept_std_error, slope_std_error,
               r_squared, participation_non_poor, participation_poor, is_indicative
        from targeting_ravallion_fit
        order by comparison = 'terkini' desc, year desc
    """,
    "targeting_assessments": """
        select visit_year, selection_method, is_random_sample, sample_label, households_assessed,
               households_meeting_9_criteria, share_meeting_9_criteria, households_with_income,
               households_below_poverty_line, share_below_poverty_line, poverty_line_rp,
               median_income_per_capita, households_not_eligible, inclusion_error_estimate,
               inclusion_error_ci_low, inclusion_error_ci_high
        from targeting_assessments_yearly
        order by visit_year, is_random_sample desc, selection_method
    """,
    "verification_recency": """
        select period_month, persons, persons_verified_recently, share_verified_recently
        from register_verification_recency
        where area_code = :area_code
        order by period_month
    """,
    "refresh_runs": """
        select run_id, started_at, finished_at, status, files_loaded, files_skipped, rows_read,
               rows_loaded, rows_quarantined, tests_passed, tests_failed, tests_warned, message
        from ops.refresh_runs
        order by started_at desc
        limit 20
    """,
    "source_freshness": """
        select kind, count(*) as files, max(period) as newest_period, max(loaded_at) as last_loaded_at,
               sum(rows_read) as rows_read, sum(rows_loaded) as rows_loaded,
               sum(rows_quarantined) as rows_quarantined
        from data_quality_files
        where status <> 'digantikan'
        group by kind
        order by kind
    """,
    "data_dictionary": """
        select table_name, column_name, data_type, description from ops.data_dictionary
        order by table_name, position
    """,
    "dbt_source_freshness": """
        select source_name, table_name, max_loaded_at, status, checked_at from ops.source_freshness
        order by source_name, table_name
    """,
    "quarantine_by_reason": """
        select kind, reason, column_name, sum(rows_quarantined) as rows_quarantined,
               count(distinct file_name) as files
        from data_quality_quarantine
        -- a superseded export was replaced by its correction: its rows need no fixing any more
        where file_sha256 in (select file_sha256 from data_quality_files where status = 'dimuat')
        group by kind, reason, column_name
        order by rows_quarantined desc, kind, reason
    """,
    "quarantine_rows": """
        select file_name, source_row, column_name, reason, kind, period
        from data_quality_quarantine_rows
        where file_sha256 in (select file_sha256 from data_quality_files where status = 'dimuat')
        order by file_name, source_row
    """,
    "kabkota_list": """
        select kabkota_code, any_value(kabkota_name) as kabkota_name, bool_or(is_own_region) as is_own_region
        from register_kabkota_monthly
        group by kabkota_code
        order by kabkota_name
    """,
    "kabkota_monthly_all": """
        select * from register_kabkota_monthly order by kabkota_code, period_month
    """,
    "kabkota_monthly": """
        select kabkota_code, kabkota_name, is_own_region, period_month, register_persons, register_source,
               population, population_source, register_share, p0_pct, poverty_reference,
               verval_start_month, verval_start_source, months_since_verval_start
        from register_kabkota_monthly
        where list_contains(string_split(:codes, ','), kabkota_code)
        order by kabkota_code, period_month
    """,
    # the map draws one marker per rounded point (about 110 m) and decision, sized by its visits:
    # at Pamekasan scale 200,000 single points made a 4-second figure (issue 8)
    "visit_cells": f"""
        select points.longitude, points.latitude, points.decision, regions.area_name as kelurahan_name,
               count(*) as visits, min(points.visit_month) as first_month, max(points.visit_month) as last_month
        {VISITS_IN_VIEW}
        group by all
        order by points.longitude, points.latitude, points.decision, kelurahan_name
    """,
    "visit_centres": f"""
        select regions.area_name as kelurahan_name, median(points.longitude) as longitude,
               median(points.latitude) as latitude
        {VISITS_IN_VIEW}
        group by all
        order by kelurahan_name
    """,
    "visit_far_points": f"""
        select points.visit_month, points.kelurahan_code, regions.area_name as kelurahan_name,
               points.decision, points.latitude, points.longitude, points.distance_from_centre_m,
               points.is_far_from_kelurahan
        {VISITS_IN_VIEW}
            and points.is_far_from_kelurahan
        order by points.distance_from_centre_m desc, points.visit_month, kelurahan_name
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


def versioned_path(path: Path, inode: int) -> Path:
    """The version's own name (published/versions/pantau-<stamp>.duckdb, same inode) when there
    is one. DuckDB reuses an open database by path within a process, so opening the stable name
    while another thread still holds the previous version could read the old file."""
    try:
        with os.scandir(path.parent / "versions") as entries:
            for entry in entries:
                if entry.name.endswith(".duckdb") and entry.inode() == inode:
                    return Path(entry.path)
    except FileNotFoundError:
        pass
    return path


@cache.memoize(timeout=3600)
def _run(name: str, params: tuple, path: str, version: str) -> pd.DataFrame:
    # the version key names the inode: the file read is the one the key was made from
    engine = _engine(versioned_path(Path(path), int(version.split("-")[0])))
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
    frame = _run(name, tuple(sorted(params.items())), str(path), published_version(path)).copy()
    return suppress_small_cells(frame) if suppressing() else frame


NOT_COUNTS = {"year", "visit_year", "areas", "position", "months_since_verval_start", "source_row"}


def suppress_small_cells(frame: pd.DataFrame, threshold: int = 10) -> pd.DataFrame:
    """Counts from 1 to threshold - 1 become missing (a visiting agency sees "<10"): small cells
    could identify households. Zero stays zero."""
    for column in frame.columns:
        if column not in NOT_COUNTS and pd.api.types.is_integer_dtype(frame[column]):
            values = frame[column].astype("float64")
            frame[column] = values.where(~((values > 0) & (values < threshold)))  # NaN, plain float
    return frame


def suppressing() -> bool:
    from dashboard import auth

    try:
        return auth.suppresses_small_cells()
    except RuntimeError:  # outside a request (scripts, benchmarks): no session, no role
        return False


def meta() -> dict:
    frame = query("meta")
    return frame.iloc[0].to_dict() if len(frame) else {}


def areas() -> pd.DataFrame:
    return query("areas")


def periods() -> list:
    """Loaded register months, oldest first (datetime.date)."""
    frame = query("periods")
    return [pd.Timestamp(value).date() for value in frame["period_month"]] if len(frame) else []


def register_trend(area_code: str, programme_code: str) -> pd.DataFrame:
    return query("register_trend", area_code=area_code, programme_code=programme_code)


def flows(area_code: str, programme_code: str) -> pd.DataFrame:
    return query("flows", area_code=area_code, programme_code=programme_code)


def exits_by_reason(area_code: str, programme_code: str) -> pd.DataFrame:
    return query("exits_by_reason", area_code=area_code, programme_code=programme_code)


def verval_monthly(area_code: str) -> pd.DataFrame:
    return query("verval_monthly", area_code=area_code)


def _month_bounds(start: str | None, end: str | None) -> dict:
    return {"start": f"{start or '1900-01'}-01", "end": f"{end or '9999-12'}-01"}


def verval_enumerators(area_code: str, start: str | None = None, end: str | None = None) -> pd.DataFrame:
    """Per enumerator, visits in months start..end ('YYYY-MM', both included)."""
    return query("verval_enumerators", area_code=area_code, **_month_bounds(start, end))


def verval_reasons(area_code: str, start: str | None = None, end: str | None = None) -> pd.DataFrame:
    return query("verval_reasons", area_code=area_code, **_month_bounds(start, end))


def targeting_years() -> pd.DataFrame:
    """BPS years with at least one kab/kota to compare, newest first; has_own_region when the
    own region is among them."""
    return query("targeting_years")


def targeting_areas(year: int | None) -> pd.DataFrame:
    """Every kab/kota for a BPS year, or the current position when year is None."""
    return query("targeting_current") if year is None else query("targeting_yearly", year=year)


def targeting_own_monthly() -> pd.DataFrame:
    return query("targeting_own_monthly")


def ravallion_fits() -> pd.DataFrame:
    return query("ravallion_fits")


def targeting_assessments() -> pd.DataFrame:
    return query("targeting_assessments")


def verification_recency(area_code: str) -> pd.DataFrame:
    return query("verification_recency", area_code=area_code)


def refresh_runs() -> pd.DataFrame:
    return query("refresh_runs")


def source_freshness() -> pd.DataFrame:
    return query("source_freshness")


def quarantine_by_reason() -> pd.DataFrame:
    return query("quarantine_by_reason")


def quarantine_rows() -> pd.DataFrame:
    return query("quarantine_rows")


def targeting_all_years() -> pd.DataFrame:
    return query("targeting_all_years")


def kabkota_list() -> pd.DataFrame:
    return query("kabkota_list")


def kabkota_monthly(codes: list[str]) -> pd.DataFrame:
    """Register per month for the chosen kab/kota (aggregates only)."""
    return query("kabkota_monthly", codes=",".join(sorted(codes)))


def visit_cells(area_code: str, start: str | None = None, end: str | None = None) -> pd.DataFrame:
    """Visits per rounded GPS point, decision and kelurahan (the map's markers)."""
    return query("visit_cells", area_code=area_code, **_month_bounds(start, end))


def visit_centres(area_code: str, start: str | None = None, end: str | None = None) -> pd.DataFrame:
    """Median point of each kelurahan's visits (where the map writes its name)."""
    return query("visit_centres", area_code=area_code, **_month_bounds(start, end))


def far_points(area_code: str, start: str | None = None, end: str | None = None) -> pd.DataFrame:
    """Visits more than 1.5 km from their kelurahan's centre, farthest first."""
    return query("visit_far_points", area_code=area_code, **_month_bounds(start, end))


def kabkota_monthly_all() -> pd.DataFrame:
    return query("kabkota_monthly_all")


def dbt_source_freshness() -> pd.DataFrame:
    """`dbt source freshness` as recorded by the last refresh (empty for files published before
    the refresh recorded it)."""
    try:
        return query("dbt_source_freshness")
    except Exception:  # noqa: BLE001 - an older published file has no ops.source_freshness
        return pd.DataFrame()


def data_dictionary() -> pd.DataFrame:
    """Every published mart and column with its description (empty for older published files)."""
    try:
        return query("data_dictionary")
    except Exception:  # noqa: BLE001 - a file published before the dictionary existed
        return pd.DataFrame()


def run_user_query(sql: str):
    """An analyst's SQL through the sandbox, on the version published now (never cached: the
    analyst expects it to run)."""
    from dashboard import sandbox

    path = published_path()
    if not path.exists():
        raise sandbox.QueryRejected("Belum ada gudang data terbit.")
    version = published_version(path)
    return sandbox.run(versioned_path(path, int(version.split("-")[0])), sql)
