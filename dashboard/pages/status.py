"""Status Data: recent refreshes, freshness of each source, quarantined rows by reason (with the
row-level list the field staff need to fix their exports)."""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dashboard import auth, data, exports, ids, url_state
from dashboard.components import filters, freshness
from dashboard.i18n import MONTHS_SHORT, fmt_int, fmt_month, t

dash.register_page(__name__, path="/status-data", name="Status Data", title="Pantau · Status Data", order=7)

KINDS = {"dtks": "Ekstrak register (SIKS-NG)", "assessments": "Penilaian lapangan (AppSheet/Lastri)",
         "aggregates": "Rekap provinsi (kab/kota lain)"}
STATUS = {"berhasil": "success", "berhasil dengan peringatan": "warning", "gagal": "danger"}


def _when(value) -> str:
    """'4 Des 2026 18:58', with non-breaking spaces so a table cell keeps it on one line."""
    if value is None or pd.isna(value):
        return ""
    stamp = pd.Timestamp(value)
    return "\u00a0".join([str(stamp.day), MONTHS_SHORT[stamp.month - 1], str(stamp.year), stamp.strftime("%H:%M")])


def _runs_table(runs: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for run in runs.itertuples():
        seconds = (pd.Timestamp(run.finished_at) - pd.Timestamp(run.started_at)).total_seconds() \
            if run.finished_at is not None and not pd.isna(run.finished_at) else None
        rows.append({
            "Mulai": _when(run.started_at),
            "Durasi": "" if seconds is None else f"{seconds:.0f} dtk",
            "Status": run.status,
            "Berkas baru": fmt_int(run.files_loaded),
            "Baris dibaca": fmt_int(run.rows_read),
            "Dimuat": fmt_int(run.rows_loaded),
            "Dikarantina": fmt_int(run.rows_quarantined),
            "Uji lulus / gagal": f"{fmt_int(run.tests_passed)} / {fmt_int(run.tests_failed)}",
            "Pesan": _short(run.message),
        })
    return pd.DataFrame(rows)


def _short(message: str | None, limit: int = 140) -> str:
    """The start of a long message (the full text is in the CSV/XLSX download and the logs)."""
    if not message:
        return ""
    return message if len(message) <= limit else message[:limit].rstrip() + " …"


def _freshness_table(files: pd.DataFrame) -> pd.DataFrame:
    stale = {age.kind: age.is_stale for age in freshness.ages(files)}
    return pd.DataFrame([{
        "Sumber": KINDS.get(row.kind, row.kind),
        "Status": "LAMA: ekspor bulan berikutnya terlambat" if stale.get(row.kind) else "segar",
        "Berkas": fmt_int(row.files),
        "Periode terbaru": fmt_month(pd.Timestamp(f"{row.newest_period}-01").date()) if row.newest_period else "",
        "Dimuat terakhir": _when(row.last_loaded_at),
        "Baris dibaca": fmt_int(row.rows_read),
        "Dimuat": fmt_int(row.rows_loaded),
        "Dikarantina": fmt_int(row.rows_quarantined),
    } for row in files.itertuples()])


def _dbt_freshness_table(checks: pd.DataFrame) -> pd.DataFrame:
    labels = {"pass": "segar", "warn": "peringatan (> 45 hari)", "error": "galat (> 90 hari)"}
    return pd.DataFrame([{
        "Sumber dbt": f"{row.source_name}.{row.table_name}", "Terakhir dimuat": _when(row.max_loaded_at),
        "Status": labels.get(row.status, row.status), "Diperiksa": _when(row.checked_at),
    } for row in checks.itertuples()])


def _quarantine_table(quarantine: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame([{
        "Sumber": KINDS.get(row.kind, row.kind), "Alasan": row.reason, "Kolom": row.column_name,
        "Baris": fmt_int(row.rows_quarantined), "Berkas": fmt_int(row.files),
    } for row in quarantine.itertuples()])


def _table(frame: pd.DataFrame, empty: str):
    if frame.empty:
        return dbc.Alert(empty, color="info")
    return dbc.Table.from_dataframe(frame, striped=True, bordered=False, hover=True, size="sm", responsive=True)


def layout(bahasa: str = "id", **_query):
    language = url_state.language(f"?bahasa={bahasa}")
    if not auth.page_allowed("/status-data"):
        return auth.forbidden()
    runs = data.refresh_runs()
    if runs.empty and not filters.area_options():
        return filters.no_data_alert(language)
    latest = runs.iloc[0] if len(runs) else None
    banner = None
    if latest is not None:
        ok = str(latest["status"]).startswith("berhasil")
        banner = dbc.Alert(
            f"Pembaruan terakhir {_when(latest['started_at'])}: {latest['status']}"
            + (f" {latest['message'] or ''}" if ok
               else f" ({latest['message']}); dasbor tetap menampilkan versi terbit sebelumnya."),
            color=STATUS.get(latest["status"], "secondary"))
    return html.Div([
        html.H1(t("Status Data: pembaruan, kesegaran sumber, karantina", language), className="h3 mb-3"),
        banner,
        html.H2("Pembaruan terakhir", className="h5"),
        html.Div(_table(_runs_table(runs), "Belum ada pembaruan tercatat."), id=ids.STATUS_RUNS),
        exports.buttons("pembaruan-data", language),
        html.H2("Kesegaran sumber", className="h5 mt-3"),
        html.P(f"Sebuah sumber LAMA bila bulan datanya yang terbaru berakhir lebih dari "
               f"{freshness.stale_after_days()} hari lalu (ekspor bulan berikutnya belum masuk); dasbor "
               "lalu menampilkan tanda \"data lama\" di atas.", className="small text-muted"),
        html.Div(_table(_freshness_table(data.source_freshness()), "Belum ada berkas dimuat."),
                 id=ids.STATUS_FRESHNESS),
        html.P("Pemeriksaan `dbt source freshness` pada refresh terakhir (kapan data terakhir dimuat):",
               className="small text-muted mt-2 mb-1"),
        html.Div(_table(_dbt_freshness_table(data.dbt_source_freshness()), "Belum ada pemeriksaan tercatat."),
                 id=ids.STATUS_DBT_FRESHNESS),
        html.H2("Baris dikarantina menurut alasan", className="h5 mt-3"),
        html.P("Baris yang ditolak saat dimuat: tidak dihitung di register sampai berkasnya diperbaiki dan "
               "dikirim ulang. Unduh daftar per baris (berkas, nomor baris data, kolom, alasan; tanpa isi "
               "NIK/nama) untuk petugas yang memperbaiki ekspor.", className="small text-muted"),
        html.Div(_table(_quarantine_table(data.quarantine_by_reason()), "Tidak ada baris dikarantina."),
                 id=ids.STATUS_QUARANTINE),
        exports.buttons("karantina-alasan", language, "Ringkasan per alasan:"),
        exports.buttons("karantina-baris", language, "Daftar per baris untuk perbaikan:"),
    ])
