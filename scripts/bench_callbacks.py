"""Latency of every dashboard callback and download on the published warehouse (not a test).

Calls each callback's function the way Dash does, inside a Flask request context, over the own
region, every kecamatan and programme. Cold = the per-version query cache emptied before each
call (the DuckDB file is in the OS page cache after the first); warm = the same call again.
Prints median and 95th percentile in milliseconds.  Usage: .venv/bin/python scripts/bench_callbacks.py
"""
from __future__ import annotations

import statistics
import sys
import time
from itertools import product

import dash

from dashboard import briefing, data, exports
from dashboard.app import create_app
from dashboard.components import summary
from warehouse.settings import load_settings


def _percentile(values: list[float], share: float) -> float:
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


def main() -> None:
    app = create_app(load_settings().published_db)  # registers the pages and the downloads
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
                lambda area, programme, start, end, _s: exports.to_csv(
                    exports.TABLES["petugas-verval"](exports.View(area, programme, start, end))), filters),
            "Unduh XLSX alasan keluar": (
                lambda area, programme, start, end, _s: exports.to_xlsx(
                    exports.TABLES["alasan-keluar"](exports.View(area, programme, start, end)), "x"), filters),
            "Ringkasan PDF A4": (lambda area, programme, start, end, _s: briefing.build(
                summary.headline(area, programme, start, end)), filters[:8]),
        }
        print(f"{'callback':32} {'n':>3} {'cold p50':>9} {'cold p95':>9} {'warm p50':>9} {'warm p95':>9}  (ms)")
        for name, (call, argument_sets) in cases.items():
            cold, warm = _measure(call, argument_sets)
            print(f"{name:32} {len(cold):>3} {statistics.median(cold):9.1f} {_percentile(cold, 0.95):9.1f} "
                  f"{statistics.median(warm):9.1f} {_percentile(warm, 0.95):9.1f}")


if __name__ == "__main__":
    main()
