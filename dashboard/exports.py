"""Downloads: every table as CSV and XLSX, computed again on the server from the published
marts and the view's filters (a download never trusts what the browser shows)."""
from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Callable

import dash_bootstrap_components as dbc
import pandas as pd
from dash import ALL, Input, Output, State, callback, ctx, dcc, html, no_update

from dashboard import auth, ids
from dashboard.i18n import t
from dashboard.view_cache import cached_view


@dataclass(frozen=True)
class View:
    area: str | None
    programme: str
    start: str | None
    end: str | None


TABLES: dict[str, Callable[[View], pd.DataFrame]] = {}
BUTTON = "unduh-tabel"


def table(key: str):
    """Register a function View -> DataFrame (raw numbers, Indonesian headers) under key."""
    def register(function: Callable[[View], pd.DataFrame]):
        TABLES[key] = function
        return function
    return register


def buttons(key: str, language: str = "id", label: str | None = None) -> html.Div:
    """CSV and XLSX buttons for a registered table, with an optional label saying which table."""
    return html.Div([
        html.Span(t(label, language), className="small me-2") if label else None,
        dbc.Button(t("Unduh CSV", language), id={"type": BUTTON, "table": key, "format": "csv"},
                   size="sm", color="secondary", outline=True, className="me-2"),
        dbc.Button(t("Unduh XLSX", language), id={"type": BUTTON, "table": key, "format": "xlsx"},
                   size="sm", color="secondary", outline=True),
    ], className="my-2 d-print-none d-flex align-items-center")


def file_name(key: str, view: View, extension: str) -> str:
    parts = [key, view.area, view.start, view.end]
    return "pantau-" + "_".join(p.replace(".", "") for p in parts if p) + f".{extension}"


def to_csv(frame: pd.DataFrame) -> str:
    # ';' and decimal ',' open directly in Excel set to Indonesian; the BOM marks UTF-8
    return "\ufeff" + frame.to_csv(index=False, sep=";", decimal=",", date_format="%Y-%m-%d")


def to_xlsx(frame: pd.DataFrame, sheet: str) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, index=False, sheet_name=sheet[:31])
    return buffer.getvalue()


def show_suppressed(frame: pd.DataFrame) -> pd.DataFrame:
    """Hidden small cells (NaN in a count) written as "<10" in a download for a visiting agency."""
    shown = frame.copy()
    for column in shown.columns:
        if pd.api.types.is_float_dtype(shown[column]) and shown[column].isna().any():
            shown[column] = shown[column].astype(object).where(shown[column].notna(), "<10")
    return shown


def download_component() -> dcc.Download:
    return dcc.Download(id=ids.DOWNLOAD)


@callback(Output(ids.DOWNLOAD, "data"),
          Input({"type": BUTTON, "table": ALL, "format": ALL}, "n_clicks"),
          State(ids.AREA, "value"), State(ids.PROGRAMME, "value"), State(ids.PERIOD_START, "value"),
          State(ids.PERIOD_END, "value"), prevent_initial_call=True)
def download_table(clicks, area, programme, start, end):
    trigger = ctx.triggered_id
    if not trigger or not any(clicks) or trigger["table"] not in TABLES:
        return no_update
    if not auth.may_download(trigger["table"]):
        auth.log_access("unduhan ditolak", trigger["table"])
        return no_update
    view = View(area, programme or "SEMUA", start, end)
    auth.log_access("unduh", f"{trigger['table']}.{trigger['format']} {view}")
    name = file_name(trigger["table"], view, trigger["format"])
    content = rendered(trigger["table"], trigger["format"], view)
    if trigger["format"] == "xlsx":
        return dcc.send_bytes(content, name)
    return {"content": content, "filename": name, "type": "text/csv"}


@cached_view
def rendered(key: str, file_format: str, view: View) -> str | bytes:
    """A table of a view as CSV text or XLSX bytes (writing an XLSX costs 0.1-0.2 s)."""
    frame = TABLES[key](view)
    if auth.suppresses_small_cells():
        frame = show_suppressed(frame)
    return to_xlsx(frame, key) if file_format == "xlsx" else to_csv(frame)
