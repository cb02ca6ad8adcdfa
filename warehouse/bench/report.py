"""docs/benchmarks.md from the benchmark's results (figures in Indonesian number format)."""
from __future__ import annotations

from pathlib import Path

STEP_LABELS = {
    "salin_gudang_kerja": "salin gudang kerja (salinan untuk dibangun)",
    "muat_berkas": "muat berkas (ingest + karantina)",
    "dbt_build": "dbt build (model + uji)",
    "kesegaran_sumber": "dbt source freshness",
    "terbitkan": "terbitkan (mart ke berkas baru)",
}
TARGET_FULL_VS_DUCKDB = 1.5
TARGET_PEAK_BYTES = 6 * 10**9
TARGET_INCREMENTAL_SHARE = 0.10
TARGET_INCREMENTAL_S20_SECONDS = 60
TARGET_WARM_P95_MS = 150
TARGET_COLD_P95_MS = 1000
TARGET_PANDAS_RATIO = 10


def number(value: float, decimals: int = 0) -> str:
    """Indonesian format: 1.234.567,8"""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def seconds(value: float) -> str:
    return number(value, 1 if value < 100 else 0)


def mib(value: int) -> str:
    return number(value / 2**20)


def ratio(value: float) -> str:
    return number(value, 2 if value < 10 else 1) + "×"


def _scenario_section(s: dict) -> list[str]:
    full, incr, same = s["full_refresh"], s["incremental_refresh"], s["no_change_refresh"]
    inbox_bytes = sum(k["bytes"] for k in s["inbox"].values())
    lines = [f"## {s['name']}: {s['description']}", "",
             f"Skala {number(s['scale'], 2)}, bulan {s['first']} s.d. {s['last']}; "
             f"inbox {number(sum(k['files'] for k in s['inbox'].values()))} berkas, {mib(inbox_bytes)} MiB "
             f"({number(full['rows_read'])} baris dibaca, {number(full['rows_loaded'])} dimuat).", "",
             "| langkah | waktu (dtk) | puncak memori (MiB) | catatan |", "|---|---:|---:|---|",
             f"| data demo (`pantau demo-data`) | {seconds(s['demo_data']['seconds'])} | "
             f"{mib(s['demo_data']['peak_rss_bytes'])} | tidak termasuk refresh |"]
    for step in full["steps"]:
        note = ""
        if step["step"] == "muat_berkas" and step["seconds"] > 0:
            note = (f"{number(full['rows_read'] / step['seconds'])} baris/dtk, "
                    f"{number(full['bytes_read'] / 2**20 / step['seconds'], 1)} MiB/dtk")
        lines.append(f"| &nbsp;&nbsp;{STEP_LABELS.get(step['step'], step['step'])} | {seconds(step['seconds'])} | "
                     f"{mib(step['peak_rss_bytes'])} | {note} |")
    lines += [f"| **refresh penuh, ujung ke ujung** (`pantau refresh`) | **{seconds(full['seconds'])}** | "
              f"**{mib(full['peak_rss_bytes'])}** | status: {full['status']} |",
              f"| data bulan {s['next_month']} (`pantau demo-data --from {s['next_month']}`) | "
              f"{seconds(s['next_month_data']['seconds'])} | {mib(s['next_month_data']['peak_rss_bytes'])} | "
              "tidak termasuk refresh |"]
    for step in incr["steps"]:
        lines.append(f"| &nbsp;&nbsp;{STEP_LABELS.get(step['step'], step['step'])} | {seconds(step['seconds'])} | "
                     f"{mib(step['peak_rss_bytes'])} | |")
    lines += [f"| **refresh inkremental, satu bulan baru** | **{seconds(incr['seconds'])}** | "
              f"**{mib(incr['peak_rss_bytes'])}** | {ratio(incr['seconds'] / full['seconds'])[:-1]} dari refresh penuh; "
              f"{number(incr['rows_read'])} baris baru |",
              f"| refresh tanpa berkas baru (jadwal harian biasa) | {seconds(same['seconds'])} | "
              f"{mib(same['peak_rss_bytes'])} | |", ""]
    for label, refresh in (("refresh penuh", full), ("refresh inkremental", incr)):
        if refresh.get("slowest_dbt_nodes"):
            nodes = "; ".join(f"{node['node']} {seconds(node['seconds'])}" for node in refresh["slowest_dbt_nodes"])
            lines += [f"Node dbt terlama, {label} (dtk; dbt membangun dua node sekaligus): {nodes}", ""]
    sizes, after = s["sizes_after_full"], s["sizes_after_incremental"]
    lines += [f"Ukuran basis data: kerja {mib(sizes['working_bytes'])} MiB, terbit {mib(sizes['published_bytes'])} MiB "
              f"setelah refresh penuh; {mib(after['working_bytes'])} / {mib(after['published_bytes'])} MiB "
              "setelah bulan baru.", ""]
    lines += ["**Pembanding** (dihitung dari berkas ekstrak yang sama; hasilnya dicek sama dengan mart "
              "`register_size_monthly` + `register_flows_monthly` per kelurahan, semua program, sebelum waktunya dihitung):", "",
              "| pembanding | waktu (dtk) | puncak memori (MiB) | hasil = mart? | refresh penuh Pantau ÷ pembanding |",
              "|---|---:|---:|---|---:|"]
    for name, label in (("duckdb", "satu skrip SQL DuckDB tulisan tangan"), ("pandas", "skrip pandas analis")):
        baseline = s["baselines"][name]
        if "skipped" in baseline:
            lines.append(f"| {label} | – | – | tidak dijalankan: {baseline['skipped']} | – |")
            continue
        check = baseline["check"]
        verdict = (f"sama ({number(check['rows_baseline'])} baris)" if check["equal"] else
                   f"**BEDA**: {check['differences']} baris berbeda, mis. {'; '.join(check['first_differences'][:2])}")
        shown = ratio(full["seconds"] / baseline["seconds"]) if check["equal"] else "tidak dihitung (hasil beda)"
        lines.append(f"| {label} | {seconds(baseline['seconds'])} | {mib(baseline['peak_rss_bytes'])} | {verdict} | {shown} |")
    lines += ["", "**Kueri dasbor** (ms; dingin = cache kueri dikosongkan, koneksi baru ke berkas terbit; "
              "hangat = panggilan yang sama lagi):", "",
              "| callback | n | dingin p50 | dingin p95 | hangat p50 | hangat p95 |", "|---|---:|---:|---:|---:|---:|"]
    for q in s["queries"]:
        lines.append(f"| {q['name']} | {q['n']} | {number(q['cold_p50'])} | {number(q['cold_p95'])} | "
                     f"{number(q['warm_p50'])} | {number(q['warm_p95'])} |")
    return lines + [""]


def _target_rows(results: dict) -> list[str]:
    by_name = {s["name"]: s for s in results["scenarios"]}
    rows = ["| target | hasil | terpenuhi? |", "|---|---|---|"]

    def add(target: str, outcome: str, met: bool | None) -> None:
        rows.append(f"| {target} | {outcome} | {'ya' if met else ('tidak' if met is False else 'tidak diukur')} |")

    s5, s1, s20 = by_name.get("S5"), by_name.get("S1"), by_name.get("S20")
    if s5:
        full, duck = s5["full_refresh"], s5["baselines"]["duckdb"]
        if duck.get("check", {}).get("equal"):
            r = full["seconds"] / duck["seconds"]
            add(f"S5 refresh penuh ≤ {number(TARGET_FULL_VS_DUCKDB, 1)}× pembanding DuckDB",
                f"{seconds(full['seconds'])} dtk ÷ {seconds(duck['seconds'])} dtk = {ratio(r)}", r <= TARGET_FULL_VS_DUCKDB)
        add("S5 puncak memori < 6 GB", f"{number(full['peak_rss_bytes'] / 1e9, 2)} GB",
            full["peak_rss_bytes"] < TARGET_PEAK_BYTES)
        share = s5["incremental_refresh"]["seconds"] / full["seconds"]
        add("S5 refresh inkremental ≤ 10 % refresh penuh",
            f"{seconds(s5['incremental_refresh']['seconds'])} dtk = {number(100 * share, 1)} %", share <= TARGET_INCREMENTAL_SHARE)
        worst_warm = max(s5["queries"], key=lambda q: q["warm_p95"])
        worst_cold = max(s5["queries"], key=lambda q: q["cold_p95"])
        add("S5 setiap kueri dasbor p95 hangat < 150 ms",
            f"terlama: {worst_warm['name']} {number(worst_warm['warm_p95'])} ms", worst_warm["warm_p95"] < TARGET_WARM_P95_MS)
        add("S5 setiap kueri dasbor p95 dingin < 1 dtk",
            f"terlama: {worst_cold['name']} {number(worst_cold['cold_p95'])} ms", worst_cold["cold_p95"] < TARGET_COLD_P95_MS)
    if s20:
        incr = s20["incremental_refresh"]["seconds"]
        add("S20 refresh inkremental < 1 menit", f"{seconds(incr)} dtk", incr < TARGET_INCREMENTAL_S20_SECONDS)
    if s1 and "check" in s1["baselines"]["pandas"]:
        pandas = s1["baselines"]["pandas"]
        if pandas["check"]["equal"]:
            r = pandas["seconds"] / s1["full_refresh"]["seconds"]
            add("S1 Pantau ≥ 10× lebih cepat dari pandas (refresh penuh)",
                f"pandas {seconds(pandas['seconds'])} dtk ÷ Pantau {seconds(s1['full_refresh']['seconds'])} dtk = {ratio(r)}",
                r >= TARGET_PANDAS_RATIO)
            r = pandas["seconds"] / s1["incremental_refresh"]["seconds"]
            add("S1 bulan baru: Pantau inkremental vs pandas hitung ulang semua",
                f"pandas {seconds(pandas['seconds'])} dtk ÷ Pantau {seconds(s1['incremental_refresh']['seconds'])} dtk = "
                f"{ratio(r)}", r >= TARGET_PANDAS_RATIO)
    return rows


def render(results: dict, notes: str = "") -> str:
    m, v = results["machine"], results["versions"]
    lines = ["# Benchmark Pantau", "",
             "Dibuat oleh `make bench` (`pantau bench`); jangan disunting dengan tangan: "
             "catatan analisis ada di `docs/benchmarks-notes.md` dan disisipkan di bawah.", "",
             f"- Tanggal: {results['started_at']} s.d. {results['finished_at']}",
             f"- Mesin: {m['cpu']}, {m['cores']} inti, {number(m['memory_bytes'] / 2**30)} GiB RAM, "
             f"{m['system']} {m['kernel']}, Python {m['python']}",
             "- Versi: " + ", ".join(f"{name} {version}" for name, version in v.items()),
             "- Data sintetis dari `pantau demo-data` (benih 2024); semua langkah dijalankan sebagai proses "
             "terpisah; memori = jumlah RSS seluruh pohon proses (pantau + dbt), disampel tiap 20 ms.", "",
             "## Target", ""] + _target_rows(results) + [""]
    if notes:
        lines += [notes.strip(), ""]
    for scenario in results["scenarios"]:
        lines += _scenario_section(scenario)
    lines += ["## Perintah yang dijalankan", "", "```"] + results["commands"] + ["```", ""]
    return "\n".join(lines)


def write_report(results: dict, path: Path, notes_file: Path | None = None) -> None:
    notes = notes_file.read_text() if notes_file and notes_file.exists() else ""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(results, notes))
