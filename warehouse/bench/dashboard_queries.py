"""Latency of every dashboard callback and download on a published warehouse.

Calls each callback's function the way Dash does, inside a Flask request context as a
logged-in admin, over the own region, every kecamatan and programme. Cold = the per-version
query cache emptied before the call (each query opens a fresh read-only connection; the
DuckDB file itself is in the OS page cache after the first call); warm = the same call again.

Usage: python -m warehouse.bench.dashboard_queries [published.duckdb] [--json out.json]
(`make bench-dashboard` prints the table for data/published/pantau.duckdb).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from itertools import product
from pathlib import Path

import dash

from dashboard import data, exports
from dashboard.app import create_app
from warehouse.settings import load_settings


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (no interpolation: every figure is one measured call)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _measure(call, argument_sets) -> tuple[list[float], list[float]]:
    cold, warm = [], []
    for arguments in argument_sets:
        data.cache.clear()
        started = time.perf_counter()
        call(*arguments)
        cold.append(1000 * (time.perf_counter() - started))
        started = time.perf_counter()
        call(*arguments)
        warm.append(1000 * (time.perf_counter() - started))
    return cold, warm


def measure(published_db: Path) -> list[dict]:
    """One row per callback: name, n calls, cold and warm median and 95th percentile (ms)."""
    app = create_app(published_db)  # registers the pages and the downloads
    pages = {page["module"].rsplit(".", 1)[-1]: sys.modules[page["module"]] for page in dash.page_registry.values()}
    ringkasan, tren, alasan, verval, ketepatan, status, perbandingan, peta = (
        pages[name] for name in ("ringkasan", "tren", "alasan", "verval", "ketepatan", "status", "perbandingan",
                                 "peta"))
    with app.server.test_request_context("/"):
        from flask import session

        session.update(user="benchmark", role="admin")  # as a logged-in admin sees it
        areas = list(data.areas().query("area_level != 'kelurahan'")["area_code"])
        periods = [(None, None), ("2023-01", "2024-06")]
        filters = [(area, programme, start, end, "")
                   for area, programme, (start, end) in product(areas, ["SEMUA", "PKH"], periods)]
        years = [str(y) for y in data.targeting_years()["year"]] + ["terkini"]
        cases = {
            "Ringkasan: kartu + grafik": (lambda *a: ringkasan.update_summary("x", *a), filters),
            "Tren Register": (lambda *a: tren.update_trend("x", *a), filters),
            "Alasan Keluar": (lambda *a: alasan.update_exits("x", *a), filters),
            "Hasil Verval": (lambda *a: verval.update_verval("x", *a), filters),
            "Ketepatan Sasaran: sebaran": (ketepatan.update_comparison,
                                           [(year, area, "") for year in years for area in ("35.28", "35.78")]),
            "Ketepatan Sasaran: halaman": (lambda: ketepatan.layout(), [()] * 5),
            "Perbandingan Wilayah": (perbandingan.update_comparison,
                                     [(["35.75", "35.28"], None, None, ""), (["35.75", "35.28", "35.78"], None, None, ""),
                                      (["35.75", "35.07"], "2023-01", "2024-06", ""), (["35.28", "35.78"], None, None, "")]),
            "Peta": (lambda *a: peta.update_map("x", *a), filters),
            "Status Data: halaman": (lambda: status.layout(), [()] * 5),
            "Unduh CSV petugas verval": (
                lambda area, programme, start, end, _s: exports.rendered(
                    "petugas-verval", "csv", exports.View(area, programme, start, end)), filters),
            "Unduh XLSX alasan keluar": (
                lambda area, programme, start, end, _s: exports.rendered(
                    "alasan-keluar", "xlsx", exports.View(area, programme, start, end)), filters),
            "Ringkasan PDF A4": (lambda area, programme, start, end, _s: ringkasan.briefing_file(
                area, programme, start, end), filters[:8]),
        }
        rows = []
        for name, (call, argument_sets) in cases.items():
            cold, warm = _measure(call, argument_sets)
            figures = {"cold_p50": statistics.median(cold), "cold_p95": percentile(cold, 0.95),
                       "warm_p50": statistics.median(warm), "warm_p95": percentile(warm, 0.95)}
            rows.append({"name": name, "n": len(cold), **{key: round(ms, 3) for key, ms in figures.items()}})
        return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("published_db", nargs="?", type=Path, default=load_settings().published_db)
    parser.add_argument("--json", type=Path, help="write the rows as JSON here")
    args = parser.parse_args(argv)
    rows = measure(args.published_db)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    print(f"{'callback':32} {'n':>3} {'cold p50':>9} {'cold p95':>9} {'warm p50':>9} {'warm p95':>9}  (ms)")
    for row in rows:
        print(f"{row['name']:32} {row['n']:>3} {row['cold_p50']:9.1f} {row['cold_p95']:9.1f} "
              f"{row['warm_p50']:9.1f} {row['warm_p95']:9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
