"""The frame's filters (area, programme, period) and their options, shared by every page."""
from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Input, dcc, html

from dashboard import data, ids
from dashboard.i18n import PROGRAMME_LABELS, fmt_month, t

PREFIX = {"kabkota": "", "kecamatan": "Kec. ", "kelurahan": "· "}


def area_options() -> list[dict]:
    """Kab/kota, then each kecamatan followed by its kelurahan (a visiting agency: kab/kota only)."""
    from dashboard import auth

    areas = data.areas()
    if auth.suppresses_small_cells():
        areas = areas[areas["area_level"] == "kabkota"]
    return [{"label": f"{PREFIX[row.area_level]}{row.area_name}", "value": row.area_code}
            for row in areas.itertuples()]


def area_name(area_code: str) -> str:
    areas = data.areas()
    return dict(zip(areas["area_code"], areas["area_name"])).get(area_code, area_code)


def period_options() -> list[dict]:
    return [{"label": fmt_month(month), "value": month.strftime("%Y-%m")} for month in data.periods()]


def programme_options(language: str = "id") -> list[dict]:
    return [{"label": t(label, language), "value": code} for code, label in PROGRAMME_LABELS.items()]


def filter_bar() -> dbc.Row:
    """Area, programme and period; values come from the URL fragment (see url_state)."""
    areas, periods = area_options(), period_options()
    first, last = (periods[0]["value"], periods[-1]["value"]) if periods else (None, None)
    return dbc.Row([
        dbc.Col([dbc.Label("Wilayah", html_for=ids.AREA, id=ids.AREA_LABEL),
                 dcc.Dropdown(id=ids.AREA, options=areas, value=areas[0]["value"] if areas else None,
                              clearable=False)], md=4),
        dbc.Col([dbc.Label("Program", html_for=ids.PROGRAMME, id=ids.PROGRAMME_LABEL),
                 dcc.Dropdown(id=ids.PROGRAMME, options=programme_options(), value="SEMUA", clearable=False)],
                md=3),
        dbc.Col([dbc.Label("Periode", html_for=ids.PERIOD_START, id=ids.PERIOD_LABEL),
                 html.Div([dcc.Dropdown(id=ids.PERIOD_START, options=periods, value=first, clearable=False,
                                        className="flex-fill"),
                           html.Span("–", className="px-2"),
                           dcc.Dropdown(id=ids.PERIOD_END, options=periods, value=last, clearable=False,
                                        className="flex-fill")], className="d-flex align-items-center")],
                md=5),
    ], className="g-3 mb-3 filter-bar d-print-none")


def no_data_alert(language: str = "id") -> dbc.Alert:
    return dbc.Alert(t("Belum ada data terbit. Jalankan `pantau refresh` untuk membangun gudang data.", language),
                     color="warning")


def in_period(frame, column: str, start: str | None, end: str | None):
    """Rows whose month (a date column) lies in the chosen period, 'YYYY-MM' bounds included."""
    if frame.empty:
        return frame
    months = frame[column].astype(str).str[:7]
    keep = (months >= (start or "0000-00")) & (months <= (end or "9999-99"))
    return frame[keep].reset_index(drop=True)


def filter_inputs(page_anchor: str) -> list[Input]:
    """The page's anchor, then area, programme, start, end and the URL's query (language).

    The filters live in the frame, so they exist on every page; the anchor (a component of the
    page itself) keeps the callback from firing on pages that lack its outputs."""
    return [Input(page_anchor, "id"), Input(ids.AREA, "value"), Input(ids.PROGRAMME, "value"),
            Input(ids.PERIOD_START, "value"), Input(ids.PERIOD_END, "value"), Input(ids.URL, "search")]
