"""Run the benchmark's scenarios and collect every figure into one JSON-able dict.

Per scenario: demo data, the two baselines on the same extract files (each checked equal to
Pantau's marts), a full refresh (with per-step time and peak memory), the dashboard's queries,
an incremental refresh of the generator's next month and a refresh with nothing new.
"""
from __future__ import annotations

import json
from dataclasses import asdict
import os
import shutil
import sys
import time
from datetime import datetime
from pathlib import Path

import duckdb

from ..settings import Settings, load_settings
from .baselines.compare import compare
from .machine import machine_facts, memory_bytes, package_versions
from .measure import Measured, run_measured
from .scenarios import Scenario

SLOWEST_NODES = 6  # dbt nodes listed per refresh in the report
PANDAS_MEMORY_SHARE = 0.6  # run the pandas baseline at S5 only if it should need less than this of RAM


def _pantau() -> str:
    candidate = Path(sys.executable).with_name("pantau")
    return str(candidate) if candidate.exists() else "pantau"


class Bench:
    def __init__(self, root: Path, say=print, keep_data: bool = False):
        self.root = root
        self.say = say
        self.keep_data = keep_data
        self.commands: list[str] = []
        self.results: dict = {"started_at": datetime.now().isoformat(timespec="seconds"),
                              "machine": machine_facts(root), "versions": package_versions(), "scenarios": []}

    # -- running things ------------------------------------------------------------------
    def _run(self, data_dir: Path, *args: str, label: str) -> Measured:
        env = dict(os.environ, PANTAU_DATA_DIR=str(data_dir), PYTHONUNBUFFERED="1")
        env.pop("PANTAU_CRASH_AT", None)
        shown = " ".join(args).replace(sys.executable, "python").replace(_pantau(), "pantau")
        self.commands.append(f"PANTAU_DATA_DIR={data_dir} {shown}")
        self.say(f"  {label}: {shown}")
        measured = run_measured(list(args), env=env)
        if measured.return_code != 0:
            tail = "\n".join(measured.output.strip().splitlines()[-15:])
            raise RuntimeError(f"{label} gagal (kode {measured.return_code}):\n{tail}")
        self.say(f"    {measured.seconds:.1f} dtk, puncak memori {measured.peak_rss_bytes / 2**20:,.0f} MiB")
        return measured

    def run(self, scenario: Scenario, pandas_peak_s1: int | None = None) -> dict:
        data_dir = self.root / scenario.name
        shutil.rmtree(data_dir, ignore_errors=True)
        data_dir.mkdir(parents=True)
        settings = Settings(load_settings().project_dir, data_dir.resolve())
        self.say(f"Skenario {scenario.name}: {scenario.description}")
        result: dict = {"name": scenario.name, "scale": scenario.scale, "first": scenario.first,
                        "last": scenario.last, "next_month": scenario.next_month,
                        "description": scenario.description}
        try:
            self._scenario(scenario, settings, result, pandas_peak_s1)
        finally:
            if not self.keep_data:
                shutil.rmtree(data_dir, ignore_errors=True)
        self.results["scenarios"].append(result)
        return result

    def _scenario(self, scenario: Scenario, settings: Settings, result: dict, pandas_peak_s1: int | None) -> None:
        demo = self._run(settings.data_dir, _pantau(), "demo-data", "--scale", str(scenario.scale),
                         "--from", scenario.first, "--until", scenario.last, label="data demo")
        result["demo_data"] = _step(demo)
        before = _inbox_sizes(settings)
        result["inbox"] = _inbox_summary(before)

        result["baselines"] = {"duckdb": self._baseline(settings, "duckdb")}
        if _should_run_pandas(scenario, pandas_peak_s1, result):
            result["baselines"]["pandas"] = self._baseline(settings, "pandas")
        else:
            result["baselines"]["pandas"] = {"skipped": result.pop("pandas_skipped_reason")}

        full = self._run(settings.data_dir, _pantau(), "refresh", label="refresh penuh")
        result["full_refresh"] = self._refresh_figures(settings, full, before)
        for name, baseline in result["baselines"].items():
            if "output" in baseline:
                checked = compare(Path(baseline.pop("output")), settings.published_db)
                baseline["check"] = asdict(checked)
                self.say(f"  {name}: {'SAMA dengan mart' if checked.equal else 'BEDA dari mart'} "
                         f"({checked.rows_baseline:,} baris)")
        result["sizes_after_full"] = _sizes(settings)

        queries_file = settings.data_dir / "queries.json"
        measured = self._run(settings.data_dir, sys.executable, "-m", "warehouse.bench.dashboard_queries",
                             str(settings.published_db), "--json", str(queries_file), label="kueri dasbor")
        result["queries"] = json.loads(queries_file.read_text())
        result["queries_peak_rss_bytes"] = measured.peak_rss_bytes

        demo_next = self._run(settings.data_dir, _pantau(), "demo-data", "--scale", str(scenario.scale),
                              "--from", scenario.next_month, "--until", scenario.next_month,
                              label="data bulan berikutnya")
        result["next_month_data"] = _step(demo_next)
        with_next = _inbox_sizes(settings)
        new_files = {name: size for name, size in with_next.items() if name not in before}
        result["next_month_inbox"] = _inbox_summary(new_files)
        incremental = self._run(settings.data_dir, _pantau(), "refresh", label="refresh inkremental")
        result["incremental_refresh"] = self._refresh_figures(settings, incremental, new_files)
        unchanged = self._run(settings.data_dir, _pantau(), "refresh", label="refresh tanpa berkas baru")
        result["no_change_refresh"] = self._refresh_figures(settings, unchanged, {})
        result["sizes_after_incremental"] = _sizes(settings)

    def _baseline(self, settings: Settings, kind: str) -> dict:
        output = settings.data_dir / f"baseline_{kind}.parquet"
        measured = self._run(settings.data_dir, sys.executable, "-m", f"warehouse.bench.baselines.{kind}_baseline",
                             str(settings.inbox("dtks")), str(settings.seeds_dir), str(output),
                             label=f"pembanding {kind}")
        return {**_step(measured), "output": str(output)}

    def _refresh_figures(self, settings: Settings, measured: Measured, files: dict[str, int]) -> dict:
        con = duckdb.connect(str(settings.working_db), read_only=True)
        try:
            run_id, rows_read, rows_loaded, status = con.execute("""
                select run_id, rows_read, rows_loaded, status from ops.refresh_runs
                order by started_at desc limit 1
            """).fetchone()
            steps = con.execute("""
                select step, started_at, seconds from ops.refresh_steps where run_id = ? order by started_at
            """, [run_id]).fetchall()
        finally:
            con.close()
        figures = {**_step(measured), "status": status, "rows_read": rows_read, "rows_loaded": rows_loaded,
                   "bytes_read": sum(files.values()), "files": len(files), "steps": []}
        for name, started, seconds in steps:
            figures["steps"].append({"step": name, "seconds": round(seconds, 6),
                                     "peak_rss_bytes": measured.peak_between(started, started + seconds)})
        figures["slowest_dbt_nodes"] = slowest_dbt_nodes(settings.dbt_target_dir / "run_results.json")
        return figures

    def finish(self) -> dict:
        self.results["finished_at"] = datetime.now().isoformat(timespec="seconds")
        self.results["commands"] = self.commands
        return self.results


def _step(measured: Measured) -> dict:
    return {"seconds": round(measured.seconds, 6), "peak_rss_bytes": measured.peak_rss_bytes}


def slowest_dbt_nodes(run_results: Path, count: int = SLOWEST_NODES) -> list[dict]:
    """The dbt models and tests that took longest in this refresh's build (where time goes)."""
    if not run_results.exists():
        return []
    results = json.loads(run_results.read_text())["results"]
    ordered = sorted(results, key=lambda node: node["execution_time"], reverse=True)[:count]
    return [{"node": node["unique_id"].split(".", 1)[0] + " " + node["unique_id"].split(".")[2],
             "seconds": round(node["execution_time"], 6)} for node in ordered]


def _inbox_sizes(settings: Settings) -> dict[str, int]:
    return {f"{path.parent.name}/{path.name}": path.stat().st_size
            for path in settings.inbox_dir.glob("*/*") if path.is_file()}


def _inbox_summary(files: dict[str, int]) -> dict:
    kinds: dict[str, dict] = {}
    for name, size in files.items():
        kind = kinds.setdefault(name.split("/")[0], {"files": 0, "bytes": 0})
        kind["files"] += 1
        kind["bytes"] += size
    return kinds


def _sizes(settings: Settings) -> dict:
    return {"working_bytes": settings.working_db.stat().st_size,
            "published_bytes": settings.published_db.stat().st_size}


def _should_run_pandas(scenario: Scenario, pandas_peak_s1: int | None, result: dict) -> bool:
    if scenario.run_pandas == "yes":
        return True
    if scenario.run_pandas == "no":
        result["pandas_skipped_reason"] = "tidak dijalankan pada skenario ini (lihat issue 8: hanya S1, dan S5 bila muat)"
        return False
    total = memory_bytes()
    if pandas_peak_s1 is None:
        result["pandas_skipped_reason"] = "tidak diukur di S1 pada run ini, jadi kebutuhan memori di S5 tak bisa diperkirakan"
        return False
    estimate = pandas_peak_s1 * scenario.scale
    if estimate > PANDAS_MEMORY_SHARE * total:
        result["pandas_skipped_reason"] = (f"perkiraan memori {estimate / 2**30:.1f} GiB (puncak S1 x {scenario.scale:g}) "
                                           f"melebihi {PANDAS_MEMORY_SHARE:.0%} dari {total / 2**30:.0f} GiB RAM")
        return False
    return True


def run_bench(scenarios: list[Scenario], root: Path, say=print, keep_data: bool = False,
              save=None) -> dict:
    """save(results), when given, is called after each scenario: a long run that fails later
    keeps the scenarios already measured."""
    bench = Bench(root, say, keep_data)
    pandas_peak_s1 = None
    for scenario in scenarios:
        started = time.perf_counter()
        result = bench.run(scenario, pandas_peak_s1)
        if scenario.name == "S1" and "peak_rss_bytes" in result["baselines"]["pandas"]:
            pandas_peak_s1 = result["baselines"]["pandas"]["peak_rss_bytes"]
        say(f"  skenario {scenario.name} selesai dalam {time.perf_counter() - started:.0f} dtk")
        if save:
            save(bench.finish())
    return bench.finish()
