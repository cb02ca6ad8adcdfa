"""Tren Register: the register's size over time for the chosen area and programme."""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, callback, dcc, html

from dashboard import data, ids
from dashboard.components import filters, trend
from dashboard.i18n import PROGRAMME_LABELS, fmt_int, fmt_month, fmt_pct, fmt_signed_int

dash.register_page(__name__, path="/", name="Tren Register", title="Pantau · Tren Register", order=0)


def _card(card_id: str, title: str) -> dbc.Card:
    return dbc.Card(dbc.CardBody([html.Div(title, className="kpi-title"),
                                  html.Div("…", id=card_id, className="kpi-value")]), className="kpi h-100")


def layout(**_query):
    options = filters.area_options()
    if not options:
        return filters.no_data_alert()
    return html.Div([
        html.H1("Tren Register DTKS", className="h3 mb-3"),
        filters.filter_row(ids.AREA, ids.PROGRAMME, options),
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
    area_name = filters.area_name(area_code)
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
