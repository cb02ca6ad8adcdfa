"""The benchmark harness (issue 8): a tiny-scale smoke run through the real CLI, and the
measuring parts checked against known quantities. No timing is asserted here: figures live in
docs/benchmarks.md (`make bench`)."""
from __future__ import annotations

import json
import sys

import pytest

from conftest import run_pantau
from warehouse.bench.measure import run_measured
from warehouse.bench.report import number, render

pytestmark = pytest.mark.pipeline


def test_smoke_run_writes_a_report_with_baselines_equal_to_the_marts(tmp_path):
    report = tmp_path / "bench.md"
    run_pantau(["bench", "--smoke", "--report", str(report)], tmp_path / "data")
    results = json.loads(report.with_suffix(".json").read_text())
    (smoke,) = results["scenarios"]
    for name in ("duckdb", "pandas"):
        check = smoke["baselines"][name]["check"]
        assert check["equal"], check["first_differences"]
        assert check["rows_baseline"] == check["rows_marts"] > 0
    # every step of both refreshes was timed, and the refresh loaded what the inbox held
    steps = [step["step"] for step in smoke["full_refresh"]["steps"]]
    assert steps == ["salin_gudang_kerja", "muat_berkas", "dbt_build", "kesegaran_sumber", "terbitkan"]
    assert smoke["full_refresh"]["files"] == sum(kind["files"] for kind in smoke["inbox"].values())
    assert smoke["incremental_refresh"]["files"] == 3  # December: register, assessments, recap
    assert smoke["no_change_refresh"]["rows_read"] == 0
    # where dbt's time went: its slowest nodes, none longer than the whole dbt build step
    dbt_seconds = next(step["seconds"] for step in smoke["full_refresh"]["steps"] if step["step"] == "dbt_build")
    slowest = smoke["full_refresh"]["slowest_dbt_nodes"]
    assert len(slowest) == 6 and all(0 < node["seconds"] <= dbt_seconds for node in slowest)
    assert [node["seconds"] for node in slowest] == sorted((node["seconds"] for node in slowest), reverse=True)
    names = {query["name"] for query in smoke["queries"]}
    assert {"Ringkasan: kartu + grafik", "Peta", "Ringkasan PDF A4"} <= names
    text = report.read_text()
    for heading in ("## Target", "## smoke", "refresh inkremental, satu bulan baru", "satu skrip SQL DuckDB",
                    "Node dbt terlama, refresh penuh",
                    "skrip pandas analis", "## Perintah yang dijalankan"):
        assert heading in text
    assert not (tmp_path / "data" / "bench" / "smoke").exists()  # scenario data removed afterwards


def test_peak_memory_of_a_process_tree_includes_its_children():
    # a shell whose child holds 300 MB: the tree's peak must include the child's allocation
    script = "import numpy, time; a = numpy.ones(300 * 2**20 // 8); time.sleep(0.5)"
    measured = run_measured(["sh", "-c", f'"{sys.executable}" -c "{script}"'])
    assert measured.return_code == 0
    assert 300 * 2**20 < measured.peak_rss_bytes < 600 * 2**20
    assert measured.seconds >= 0.5


def test_report_numbers_and_targets_from_a_hand_made_result():
    assert number(1234567.891, 1) == "1.234.567,9"
    step = {"seconds": 1.0, "peak_rss_bytes": 2**20}
    refresh = {**step, "status": "berhasil", "rows_read": 10, "rows_loaded": 10, "bytes_read": 2**20, "files": 1,
               "steps": [{"step": "muat_berkas", "seconds": 2.0, "peak_rss_bytes": 2**20}]}
    scenario = {
        "name": "S5", "scale": 5, "first": "2021-01", "last": "2024-11", "next_month": "2024-12", "description": "uji",
        "demo_data": step, "next_month_data": step, "inbox": {"dtks": {"files": 1, "bytes": 2**20}},
        "baselines": {"duckdb": {"seconds": 20.0, "peak_rss_bytes": 2**30,
                                 "check": {"equal": True, "rows_baseline": 5, "rows_marts": 5, "differences": 0,
                                           "first_differences": []}},
                      "pandas": {"skipped": "tidak muat"}},
        "full_refresh": {**refresh, "seconds": 40.0, "peak_rss_bytes": 7 * 10**9},
        "incremental_refresh": {**refresh, "seconds": 3.0}, "no_change_refresh": refresh,
        "sizes_after_full": {"working_bytes": 2**20, "published_bytes": 2**20},
        "sizes_after_incremental": {"working_bytes": 2**20, "published_bytes": 2**20},
        "queries": [{"name": "Peta", "n": 2, "cold_p50": 100, "cold_p95": 1200, "warm_p50": 10, "warm_p95": 20}],
    }
    results = {"started_at": "x", "finished_at": "y", "commands": ["pantau refresh"],
               "machine": {"cpu": "cpu", "cores": 2, "memory_bytes": 2**30, "kernel": "k", "system": "Linux",
                           "python": "3.11"},
               "versions": {"duckdb": "1"}, "scenarios": [scenario]}
    text = render(results)
    # 40 s / 20 s = 2 > 1.5; 7 GB > 6 GB; 3/40 = 7.5 % <= 10 %; cold 1200 ms > 1 s; warm 20 ms < 150 ms
    assert "40,0 dtk ÷ 20,0 dtk = 2,00× | tidak |" in text
    assert "| S5 puncak memori < 6 GB | 7,00 GB | tidak |" in text
    assert "3,0 dtk = 7,5 % | ya |" in text
    assert "terlama: Peta 1.200 ms | tidak |" in text
    assert "terlama: Peta 20 ms | ya |" in text
    assert "tidak dijalankan: tidak muat" in text
