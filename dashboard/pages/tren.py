"""Tren Register: the register's size over time for the chosen area, programme and period."""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Output, callback, dcc, html

from dashboard import auth, data, exports, ids, url_state
from dashboard.components import filters, trend
from dashboard.i18n import PROGRAMME_LABELS, fmt_int, fmt_month, fmt_pct, fmt_signed_int, t, translate_figure
from dashboard.view_cache import cached_view

dash.register_page(__name__, path="/tren", name="Tren Register", title="Pantau · Tren Register", order=1)


def _card(card_id: str, title: str) -> dbc.Card:
    return dbc.Card(dbc.CardBody([html.Div(title, className="kpi-title"),
                                  html.Div("…", id=card_id, className="kpi-value")]), className="kpi h-100")


def layout(bahasa: str = "id", **_query):
    language = url_state.language(f"?bahasa={bahasa}")
    if not auth.page_allowed("/tren"):
        return auth.forbidden()
    if not filters.area_options():
        return filters.no_data_alert(language)
    return html.Div([
        html.H1(t("Tren Register DTKS", language), className="h3 mb-3"),
        dbc.Row([
            dbc.Col(_card(ids.CARD_LATEST, t("Register terkini", language)), md=4),
            dbc.Col(_card(ids.CARD_PEAK, t("Puncak", language)), md=4),
            dbc.Col(_card(ids.CARD_CHANGE, t("Perubahan dari puncak", language)), md=4),
        ], className="mb-3 g-3"),
        html.P(id=ids.TREND_NOTE, className="lead"),
        dcc.Graph(id=ids.TREND_GRAPH, config={"displaylogo": False, "locale": "id",
                                              "toImageButtonOptions": {"filename": "pantau-tren-register"}}),
        exports.buttons("tren-register", language),
        html.P("Jumlah orang = NIK berbeda dalam ekstrak register bulan itu (pendaftaran ganda dihitung "
               "sekali; baris yang dikarantina tidak dihitung).", className="text-muted small"),
    ])


@callback(
    Output(ids.CARD_LATEST, "children"), Output(ids.CARD_PEAK, "children"),
    Output(ids.CARD_CHANGE, "children"), Output(ids.TREND_NOTE, "children"),
    Output(ids.TREND_GRAPH, "figure"),
    *filters.filter_inputs(ids.TREND_GRAPH),
)
@cached_view
def update_trend(_anchor: str, area_code: str, programme_code: str, start: str, end: str, search: str):
    language = url_state.language(search)
    series = filters.in_period(data.register_trend(area_code, programme_code), "period_month", start, end)
    area_name = filters.area_name(area_code)
    summary = trend.summarise(series)
    title = f"{area_name} · {t(PROGRAMME_LABELS.get(programme_code, programme_code), language)}"
    fig = translate_figure(trend.figure(series, summary, title), language)
    if summary is None:
        empty = t("belum ada data untuk periode ini", language)
        return empty, empty, empty, empty.capitalize() + ".", fig
    people = t("orang", language)
    latest = [html.Span(fmt_int(summary.latest)), html.Small(f" {people} · {fmt_month(summary.latest_month)}")]
    peak = [html.Span(fmt_int(summary.peak)), html.Small(f" {people} · {fmt_month(summary.peak_month)}")]
    change = [html.Span(fmt_signed_int(summary.change)),
              html.Small(f" {people} · {fmt_pct(summary.change_pct)}" if summary.change_pct is not None else "")]
    return latest, peak, change, trend.sentence(summary, area_name, language), fig
