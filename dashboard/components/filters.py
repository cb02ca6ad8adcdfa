"""Area and programme filters shared by the pages."""
from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc

from dashboard import data
from dashboard.i18n import PROGRAMME_LABELS


def area_options() -> list[dict]:
    areas = data.areas()
    return [{"label": row.area_name if row.area_level == "kabkota" else f"Kec. {row.area_name}",
             "value": row.area_code} for row in areas.itertuples()]


def area_name(area_code: str) -> str:
    areas = data.areas()
    return dict(zip(areas["area_code"], areas["area_name"])).get(area_code, area_code)


def filter_row(area_id: str, programme_id: str, options: list[dict]) -> dbc.Row:
    return dbc.Row([
        dbc.Col([dbc.Label("Wilayah", html_for=area_id),
                 dcc.Dropdown(id=area_id, options=options, value=options[0]["value"], clearable=False)],
                md=5),
        dbc.Col([dbc.Label("Program", html_for=programme_id),
                 dcc.Dropdown(id=programme_id, clearable=False, value="SEMUA",
                              options=[{"label": v, "value": k} for k, v in PROGRAMME_LABELS.items()])],
                md=4),
    ], className="mb-3 g-3")


def no_data_alert() -> dbc.Alert:
    return dbc.Alert("Belum ada data terbit. Jalankan `pantau refresh` untuk membangun gudang data.",
                     color="warning")
