"""Alasan Keluar: who left the register, when and why; entries vs exits; peak-to-now bridge."""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Output, callback, dcc, html

from dashboard import auth, data, exports, ids, url_state
from dashboard.components import exits, filters
from dashboard.i18n import fmt_int, fmt_month, t, translate_figure
from dashboard.view_cache import cached_view

dash.register_page(__name__, path="/alasan-keluar", name="Alasan Keluar",
                   title="Pantau · Alasan Keluar", order=2)

GRAPH_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"filename": "pantau-alasan-keluar"}}


def layout(bahasa: str = "id", **_query):
    language = url_state.language(f"?bahasa={bahasa}")
    if not auth.page_allowed("/alasan-keluar"):
        return auth.forbidden()
    if not filters.area_options():
        return filters.no_data_alert(language)
    return html.Div([
        html.H1(t("Alasan Keluar dari Register", language), className="h3 mb-3"),
        html.P(id=ids.BRIDGE_NOTE, className="lead"),
        dcc.Graph(id=ids.BRIDGE_GRAPH, config=GRAPH_CONFIG),
        dbc.Row([
            dbc.Col(dcc.Graph(id=ids.EXITS_GRAPH, config=GRAPH_CONFIG), lg=7),
            dbc.Col(dcc.Graph(id=ids.FLOWS_GRAPH, config=GRAPH_CONFIG), lg=5),
        ]),
        html.Div([exports.buttons("alasan-keluar", language, "Keluar menurut alasan:"),
                  exports.buttons("arus-register", language, "Masuk dan keluar:")], className="d-flex gap-4"),
        html.P(["Setiap orang yang keluar punya tepat satu alasan, menurut urutan: keputusan verval "
                "\"tidak layak\" atas keluarganya paling lama 6 bulan sebelum keluar; NIK tidak padan "
                "Dukcapil; selain itu ", html.Strong("tanpa keterangan"), ". Pindah wilayah dan "
                "berhenti dari program dihitung keluar dari wilayah/program itu, bukan dari register."],
               className="text-muted small"),
    ])


@callback(
    Output(ids.BRIDGE_NOTE, "children"), Output(ids.BRIDGE_GRAPH, "figure"),
    Output(ids.EXITS_GRAPH, "figure"), Output(ids.FLOWS_GRAPH, "figure"),
    *filters.filter_inputs(ids.BRIDGE_GRAPH),
)
@cached_view
def update_exits(_anchor: str, area_code: str, programme_code: str, start: str, end: str, search: str):
    language = url_state.language(search)
    flows = filters.in_period(data.flows(area_code, programme_code), "period_month", start, end)
    reasons = filters.in_period(data.exits_by_reason(area_code, programme_code), "period_month", start, end)
    result = exits.bridge(flows, reasons)
    if result is None:
        note = t("belum ada data untuk periode ini", language).capitalize() + "."
    else:
        exited = sum(v for _, _, v in result.exits_by_reason)
        start, end = fmt_month(result.start_month.date()), fmt_month(result.end_month.date())
        if language == "en":
            note = (f"{filters.area_name(area_code)}: from the peak of {fmt_int(result.start)} people ({start}), "
                    f"{fmt_int(result.entries)} entered and {fmt_int(exited)} left, leaving "
                    f"{fmt_int(result.end)} people in {end}.")
        else:
            note = (f"{filters.area_name(area_code)}: dari puncak {fmt_int(result.start)} orang ({start}) masuk "
                    f"{fmt_int(result.entries)} dan keluar {fmt_int(exited)} orang, sehingga "
                    f"{fmt_int(result.end)} orang pada {end}.")
    figures = (exits.bridge_figure(result), exits.exits_figure(reasons), exits.flows_figure(flows))
    return (note, *(translate_figure(figure, language) for figure in figures))
