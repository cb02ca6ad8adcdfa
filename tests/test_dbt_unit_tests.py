"""dbt's unit tests (hand-made inputs, METRICS.md worked examples) run here, in CI, rather
than in every scheduled refresh: they test the models' logic, which only changes with the code
(dbt's own advice: exclude unit tests from production builds)."""
from __future__ import annotations

import json
import shutil

import pytest

from warehouse.dbt_runner import run_dbt
from warehouse.settings import PROJECT_DIR, Settings

pytestmark = pytest.mark.pipeline


def test_every_dbt_unit_test_passes(demo_data_dir, tmp_path):
    # on a copy of the demo's working database: unit tests read the input tables' column types
    settings = Settings(PROJECT_DIR, tmp_path)
    settings.ensure_dirs()
    database = tmp_path / "unit.duckdb"
    shutil.copyfile(demo_data_dir / "work" / "pantau_work.duckdb", database)
    outcome = run_dbt(settings, ["test", "--select", "test_type:unit"], database)
    assert outcome.success, outcome.output_tail
    results = json.loads((settings.dbt_target_dir / "run_results.json").read_text())["results"]
    unit_tests = [r for r in results if r["unique_id"].startswith("unit_test.")]
    assert len(unit_tests) >= 6, [r["unique_id"] for r in unit_tests]
    assert all(r["status"] == "pass" for r in unit_tests)
