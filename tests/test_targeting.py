"""Targeting accuracy against poverty statistics, checked against independent computations:
the seed CSVs and the demo's raw files read with the csv module, numpy for the Ravallion fit,
the Wilson formula written out here."""
from __future__ import annotations

import csv
import math
from pathlib import Path

import duckdb
import numpy as np
import pytest
from independent import PROJECT_DIR, count_people, is_clean_nik

pytestmark = pytest.mark.pipeline

OWN_REGION, PAMEKASAN, MAGETAN = "35.75", "35.28", "35.20"


def _seed(name: str) -> list[dict]:
    with open(PROJECT_DIR / "seeds" / name, newline="") as handle:
        return list(csv.DictReader(handle))


def _rows(published_db: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(published_db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def test_missing_bps_figures_are_listed_not_hidden(published_db, screenshots_dir):
    years = [y for (y,) in _rows(published_db, "select distinct year from targeting_kabkota_yearly order by 1")]
    seed = {(row["kode_kemendagri"], int(row["tahun"])): row for row in _seed("ref_kemiskinan_kabkota.csv")}
    areas = [row["kode_kemendagri"] for row in _seed("ref_kabkota_jatim.csv")]
    no_rate = sorted((code, year) for code in areas for year in years
                     if not seed.get((code, year), {}).get("p0_persen"))
    no_poor = sorted((code, year) for code in areas for year in years
                     if not seed.get((code, year), {}).get("p0_persen")
                     and not seed.get((code, year), {}).get("penduduk_miskin_ribu"))
    assert sorted(_rows(published_db, "select kabkota_code, year from targeting_kabkota_yearly where p0_pct is null")) \
        == no_rate
    # without P0 and without a BPS count there is no benchmark: no bound, never a 0
    assert sorted(_rows(published_db, """
        select kabkota_code, year from targeting_kabkota_yearly
        where poor_persons is null and min_leakage_poor is null and min_undercoverage_poor is null
          and coverage_ratio is null
    """)) == no_poor
    assert _rows(published_db, """
        select count(*) from targeting_kabkota_yearly
        where (min_leakage_poor is null) <> (poor_persons is null or register_persons is null)
    """)[0][0] == 0
    # the reference README: Magetan has no poverty figure at all
    assert all((MAGETAN, year) in no_poor for year in years)
    (screenshots_dir / "kab-kota-tahun-tanpa-data-bps.txt").write_text(
        "Kab/kota-tahun tanpa P0 BPS:\n" + "\n".join(f"{code} {year}" for code, year in no_rate) + "\n")
    # every kab/kota x year is there, with or without data
    assert _rows(published_db, "select count(*) from targeting_kabkota_yearly")[0][0] == 38 * len(years)


def test_pamekasan_2024_matches_the_raw_recap_and_the_seed(demo_data_dir, published_db):
    march = demo_data_dir / "inbox" / "aggregates" / "sintetis_rekap_dtks_jatim_2024-03.csv"
    with open(march, newline="") as handle:
        registered = next(int(r["jumlah_jiwa"]) for r in csv.DictReader(handle) if r["kode_wilayah"] == PAMEKASAN)
    seed = next(r for r in _seed("ref_kemiskinan_kabkota.csv") if r["kode_kemendagri"] == PAMEKASAN
                and r["tahun"] == "2024")
    population, poor = float(seed["penduduk_jiwa"]), float(seed["penduduk_miskin_ribu"]) * 1000
    row = _rows(published_db, """
        select register_month, register_persons, population, p0_pct, poor_persons, register_share,
               min_leakage_poor, coverage_ratio, min_leakage_target
        from targeting_kabkota_yearly where kabkota_code = ? and year = 2024
    """, [PAMEKASAN])[0]
    assert str(row[0]) == "2024-03-01"
    assert row[1:5] == (registered, population, 13.41, poor)
    assert row[5] == pytest.approx(registered / population, rel=1e-12)
    assert row[6] == pytest.approx((registered - poor) / registered, rel=1e-12)
    assert row[7] == pytest.approx(registered / poor, rel=1e-12)
    assert row[8] == pytest.approx(max(0.0, (registered - 0.4 * population) / registered), rel=1e-12)
    # the story: about 80 % of the people registered, against 13.41 % poor
    assert 0.78 < row[5] < 0.82 and 0.82 < row[6] < 0.84


def test_own_region_current_position_is_the_november_2024_register(demo_data_dir, published_db):
    extract = demo_data_dir / "inbox" / "dtks" / "sintetis_dtks_3575_2024-11.txt"
    people = count_people(extract)["people"]
    population = next(int(r["penduduk_total"]) for r in _seed("ref_kabkota_jatim.csv")
                      if r["kode_kemendagri"] == OWN_REGION)
    latest_bps = max((r for r in _seed("ref_kemiskinan_kabkota.csv")
                      if r["kode_kemendagri"] == OWN_REGION and r["p0_persen"]), key=lambda r: int(r["tahun"]))
    row = _rows(published_db, """
        select register_month, register_persons, population, register_share, p0_pct, poverty_reference
        from targeting_kabkota_current where kabkota_code = ?
    """, [OWN_REGION])[0]
    assert people == 59_521
    assert (str(row[0]), row[1], row[2]) == ("2024-11-01", people, population)
    assert row[3] == pytest.approx(people / population, rel=1e-12)
    assert (row[4], row[5]) == (float(latest_bps["p0_persen"]), f"Maret {latest_bps['tahun']}")


def _numpy_wls(points: list[tuple]) -> dict:
    """Weighted least squares in matrix form: beta = (X'WX)^-1 X'Wy, cov = s^2 (X'WX)^-1."""
    weight, x, y = (np.array(column, dtype=float) for column in zip(*points))
    design = np.column_stack([np.ones(len(x)), x])
    xtwx = design.T @ (design * weight[:, None])
    beta = np.linalg.solve(xtwx, design.T @ (weight * y))
    residual = y - design @ beta
    s2 = float(residual @ (weight * residual)) / (len(x) - 2)
    se = np.sqrt(np.diag(s2 * np.linalg.inv(xtwx)))
    return {"intercept": beta[0], "slope": beta[1], "intercept_se": se[0], "slope_se": se[1], "n": len(x)}


def test_ravallion_fit_matches_numpy_on_the_demo_marts(published_db):
    fits = _rows(published_db, """
        select comparison, year, areas, intercept, slope, intercept_std_error, slope_std_error, is_indicative
        from targeting_ravallion_fit order by comparison, year
    """)
    assert {f[0] for f in fits} == {"tahunan", "terkini"}
    for comparison, year, areas, intercept, slope, intercept_se, slope_se, indicative in fits:
        table = "targeting_kabkota_current" if comparison == "terkini" else "targeting_kabkota_yearly"
        where = "" if comparison == "terkini" else f"and year = {year}"
        points = _rows(published_db, f"""
            select population, p0_pct / 100, register_persons / population from {table}
            where p0_pct is not null and register_persons is not null {where}
        """)
        expected = _numpy_wls(points)
        assert areas == expected["n"]
        assert intercept == pytest.approx(expected["intercept"], abs=1e-9)
        assert slope == pytest.approx(expected["slope"], abs=1e-9)
        assert intercept_se == pytest.approx(expected["intercept_se"], abs=1e-9)
        assert slope_se == pytest.approx(expected["slope_se"], abs=1e-9)
        assert indicative == (areas < 20)


def _wilson(successes: int, trials: int, z: float = 1.96) -> tuple[float, float]:
    p = successes / trials
    centre = (p + z * z / (2 * trials)) / (1 + z * z / trials)
    half = z / (1 + z * z / trials) * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials))
    return centre - half, centre + half


def test_inclusion_error_only_from_the_random_sample(demo_data_dir, published_db):
    assert _wilson(1, 10) == pytest.approx((0.0179, 0.4042), abs=5e-5)  # textbook value
    sampled, not_eligible, seen = 0, 0, set()
    for path in sorted((demo_data_dir / "inbox" / "assessments").glob("sintetis_appsheet_verval_*.csv")):
        with open(path, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                key = tuple(row.values())
                if key in seen or not is_clean_nik(row["NIK_KEPALA"]):
                    continue  # repeated rows and Excel-damaged NIKs are quarantined
                seen.add(key)
                if row["METODE_PEMILIHAN"] == "SAMPEL ACAK":
                    sampled += 1
                    not_eligible += row["KEPUTUSAN"] == "TIDAK LAYAK"
    assert sampled > 300
    rows = _rows(published_db, """
        select selection_method, households_assessed, households_not_eligible, inclusion_error_estimate,
               inclusion_error_ci_low, inclusion_error_ci_high, sample_label
        from targeting_assessments_yearly order by selection_method, visit_year
    """)
    random_rows = [r for r in rows if r[0] == "SAMPEL ACAK"]
    assert len(random_rows) == 1
    _, assessed, decided, estimate, low, high, label = random_rows[0]
    assert (assessed, decided, label) == (sampled, not_eligible, "sampel acak")
    assert estimate == pytest.approx(not_eligible / sampled, abs=1e-9)
    assert (low, high) == pytest.approx(_wilson(not_eligible, sampled), abs=1e-9)
    others = [r for r in rows if r[0] != "SAMPEL ACAK"]
    assert others and all(r[3:6] == (None, None, None) and r[6] == "bukan sampel acak" for r in others)
