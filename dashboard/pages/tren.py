"""Tren Register: the register's size over time for the chosen area and programme."""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, callback, dcc, html

from dashboard import data, ids
from dashboard.components import trend
from dashboard.i18n import PROGRAMME_LABELS, fmt_int, fmt_month, fmt_pct, fmt_signed_int

dash.register_page(__name__, path="/", name="Tren Register", title="Pantau · Tren Register", order=0)


def _area_options() -> list[dict]:
    areas = data.areas()
    return [{"label": row.area_name if row.area_level == "kabkota" else f"Kec. {row.area_name}",
             "value": row.area_code} for row in areas.itertuples()]


def _card(card_id: str, title: str) -> dbc.Card:
    return dbc.Card(dbc.CardBody([html.Div(title, className="kpi-title"),
                                  html.Div("…", id=card_id, className="kpi-value")]), className="kpi h-100")


def layout(**_query):
    options = _area_options()
    if not options:
        return dbc.Alert("Belum ada data terbit. Jalankan `pantau refresh` untuk membangun gudang data.",
                         color="warning")
    return html.Div([
        html.H1("Tren Register DTKS", className="h3 mb-3"),
        dbc.Row([
            dbc.Col([dbc.Label("Wilayah", html_for=ids.AREA),
                     dcc.Dropdown(id=ids.AREA, options=options, value=options[0]["value"], clearable=False)],
                    md=5),
            dbc.Col([dbc.Label("Program", html_for=ids.PROGRAMME),
                     dcc.Dropdown(id=ids.PROGRAMME, clearable=False, value="SEMUA",
                                  options=[{"label": v, "value": k} for k, v in PROGRAMME_LABELS.items()])],
                    md=4),
        ], className="mb-3 g-3"),
        dbc.Row([
            dbc.Col(_card(ids.CARD_LATEST, "Register terkini"), md=4),
            dbc.Col(_card(ids.CARD_PEAK, "Puncak"), md=4),
            dbc.Col(_card(ids.CARD_CHANGE, "Perubahan dari puncak"), md=4),
        ], className="mb-3 g-3"),
        html.P(id=ids.TREND_NOTE, className="lead"),
        dcc.Graph(id=ids.TREND_GRAPH, config={"displaylogo": False, "locale": "id",
                                              "toImageButtonOptions": {"filename": "pantau-tren-register"}}),
        html.P("Jumlah orang = NIK berbeda dalam ekstrak register bulan itu (pendaftaran ganda dihitung "
               "sekali; baris yang dikarantina tidak dihitung).", className="text-muted small"),
    ])


@callback(
    Output(ids.CARD_LATEST, "children"), Output(ids.CARD_PEAK, "children"),
    Output(ids.CARD_CHANGE, "children"), Output(ids.TREND_NOTE, "children"),
    Output(ids.TREND_GRAPH, "figure"),
    Input(ids.AREA, "value"), Input(ids.PROGRAMME, "value"),
)
def update_trend(area_code: str, programme_code: str):
    series = data.register_trend(area_code, programme_code)
    areas = data.areas()
    names = dict(zip(areas["area_code"], areas["area_name"]))
    area_name = names.get(area_code, area_code)
    summary = trend.summarise(series)
    title = f"{area_name} · {PROGRAMME_LABELS.get(programme_code, programme_code)}"
    fig = trend.figure(series, summary, title)
    if summary is None:
        empty = "tidak ada data"
        return empty, empty, empty, "Belum ada data untuk pilihan ini.", fig
    latest = [html.Span(fmt_int(summary.latest)), html.Small(f" orang · {fmt_month(summary.latest_month)}")]
    peak = [html.Span(fmt_int(summary.peak)), html.Small(f" orang · {fmt_month(summary.peak_month)}")]
    change = [html.Span(fmt_signed_int(summary.change)),
              html.Small(f" orang · {fmt_pct(summary.change_pct)}" if summary.change_pct is not None else "")]
    return latest, peak, change, trend.sentence(summary, area_name), fig
