"""Verval cohorts against the generator's plan (a side file the warehouse never reads)."""
from __future__ import annotations

import json

import pytest
from conftest import published_row

pytestmark = pytest.mark.pipeline


def test_integrity_signal_equals_what_the_generator_planted(demo_data_dir, published_db):
    plan = json.loads((demo_data_dir / "demo_plan.json").read_text())
    found = published_row(published_db, "select sum(not_eligible_still_registered) from verval_cohorts")[0]
    assert plan["families_not_eligible_still_registered"] > 0
    assert found == plan["families_not_eligible_still_registered"]
    assert plan["of_which_never_acted_on"] == plan["families_not_eligible_still_registered"]


def test_every_loaded_visit_is_in_a_cohort(demo_data_dir, published_db):
    plan = json.loads((demo_data_dir / "demo_plan.json").read_text())
    assessed, not_eligible = published_row(
        published_db, "select sum(households_assessed), sum(households_not_eligible) from verval_cohorts")
    assert assessed == plan["visits_loaded"]
    assert not_eligible == plan["visits_not_eligible_loaded"]


def test_most_not_eligible_decisions_are_acted_on_within_three_months(published_db):
    decided, within_3m, within_6m = published_row(published_db, """
        select sum(households_not_eligible), sum(not_eligible_removed_3m), sum(not_eligible_removed_6m)
        from verval_cohorts where visit_month <= '2024-05-01'
    """)
    assert 0.80 < within_3m / decided <= within_6m / decided < 1.0


def test_far_gps_points_are_the_planted_ones_and_points_are_coarse(demo_data_dir, published_db):
    plan = json.loads((demo_data_dir / "demo_plan.json").read_text())
    far, points, finest = published_row(published_db, """
        select count(*) filter (where is_far_from_kelurahan), count(*),
               max(abs(latitude * 1000 - round(latitude * 1000)))
        from verval_visit_points
    """)
    assert plan["gps_points_far_from_kelurahan_loaded"] > 0
    assert far == plan["gps_points_far_from_kelurahan_loaded"]
    # every published point is rounded to 3 decimals (about 110 m)
    assert points > 30_000 and finest < 1e-6
