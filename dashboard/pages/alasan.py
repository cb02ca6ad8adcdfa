"""Alasan Keluar: who left the register, when and why; entries vs exits; peak-to-now bridge."""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, callback, dcc, html

from dashboard import data, ids
from dashboard.components import exits, filters
from dashboard.i18n import fmt_int, fmt_month

dash.register_page(__name__, path="/alasan-keluar", name="Alasan Keluar",
                   title="Pantau · Alasan Keluar", order=1)

GRAPH_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"filename": "pantau-alasan-keluar"}}


def layout(**_query):
    options = filters.area_options()
    if not options:
        return filters.no_data_alert()
    return html.Div([
        html.H1("Alasan Keluar dari Register", className="h3 mb-3"),
        filters.filter_row(ids.EXITS_AREA, ids.EXITS_PROGRAMME, options),
        html.P(id=ids.BRIDGE_NOTE, className="lead"),
        dcc.Graph(id=ids.BRIDGE_GRAPH, config=GRAPH_CONFIG),
        dbc.Row([
            dbc.Col(dcc.Graph(id=ids.EXITS_GRAPH, config=GRAPH_CONFIG), lg=7),
            dbc.Col(dcc.Graph(id=ids.FLOWS_GRAPH, config=GRAPH_CONFIG), lg=5),
        ]),
        html.P(["Setiap orang yang keluar punya tepat satu alasan, menurut urutan: keputusan verval "
                "\"tidak layak\" atas keluarganya paling lama 6 bulan sebelum keluar; NIK tidak padan "
                "Dukcapil; selain itu ", html.Strong("tanpa keterangan"), ". Pindah wilayah dan "
                "berhenti dari program dihitung keluar dari wilayah/program itu, bukan dari register."],
               className="text-muted small"),
    ])


@callback(
    Output(ids.BRIDGE_NOTE, "children"), Output(ids.BRIDGE_GRAPH, "figure"),
    Output(ids.EXITS_GRAPH, "figure"), Output(ids.FLOWS_GRAPH, "figure"),
    Input(ids.EXITS_AREA, "value"), Input(ids.EXITS_PROGRAMME, "value"),
)
def update_exits(area_code: str, programme_code: str):
    flows = data.flows(area_code, programme_code)
    reasons = data.exits_by_reason(area_code, programme_code)
    result = exits.bridge(flows, reasons)
    if result is None:
        note = "Belum ada data untuk pilihan ini."
    else:
        exited = sum(v for _, _, v in result.exits_by_reason)
        note = (f"{filters.area_name(area_code)}: dari puncak {fmt_int(result.start)} orang "
                f"({fmt_month(result.start_month.date())}) masuk {fmt_int(result.entries)} dan keluar "
                f"{fmt_int(exited)} orang, sehingga {fmt_int(result.end)} orang pada "
                f"{fmt_month(result.end_month.date())}.")
    return note, exits.bridge_figure(result), exits.exits_figure(reasons), exits.flows_figure(flows)
