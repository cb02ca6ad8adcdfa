"""Hasil Verval: field verification results, the integrity signal, evidence, per enumerator."""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Output, callback, dcc, html

from dashboard import auth, data, exports, ids, url_state
from dashboard.components import filters, verval
from dashboard.i18n import fmt_int, fmt_pct, t, translate_figure
from dashboard.view_cache import cached_view

dash.register_page(__name__, path="/hasil-verval", name="Hasil Verval", title="Pantau · Hasil Verval",
                   order=3)

GRAPH_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"filename": "pantau-hasil-verval"}}


def layout(bahasa: str = "id", **_query):
    language = url_state.language(f"?bahasa={bahasa}")
    if not auth.page_allowed("/hasil-verval"):
        return auth.forbidden()
    if not filters.area_options():
        return filters.no_data_alert(language)
    return html.Div([
        html.H1(t("Hasil Verifikasi dan Validasi Lapangan", language), className="h3 mb-3"),
        html.Div(id=ids.VERVAL_CARDS),
        dbc.Row([
            dbc.Col(dcc.Graph(id=ids.VERVAL_GRAPH, config=GRAPH_CONFIG), lg=7),
            dbc.Col(dcc.Graph(id=ids.VERVAL_REASONS_GRAPH, config=GRAPH_CONFIG), lg=5),
        ]),
        html.H2("Per petugas", className="h5 mt-3"),
        html.Div(id=ids.VERVAL_TABLE),
        exports.buttons("petugas-verval", language),
        html.P("\"Masih terdaftar meski tidak layak\": rumah tangga yang diputuskan tidak layak paling "
               "sedikit 4 bulan sebelum bulan register terakhir dan masih ada di register itu. "
               "Bukti lengkap = ada foto rumah dan titik GPS.", className="text-muted small mt-2"),
    ])


def _card(title: str, value: str, note: str, colour: str = "light") -> dbc.Col:
    return dbc.Col(dbc.Card(dbc.CardBody([html.Div(title, className="kpi-title"),
                                          html.Div(value, className="kpi-value"),
                                          html.Small(note, className="text-muted")]),
                            color=colour, className="kpi h-100"), md=3)


@callback(Output(ids.VERVAL_CARDS, "children"), Output(ids.VERVAL_GRAPH, "figure"),
          Output(ids.VERVAL_REASONS_GRAPH, "figure"), Output(ids.VERVAL_TABLE, "children"),
          *filters.filter_inputs(ids.VERVAL_GRAPH))
@cached_view
def update_verval(_anchor: str, area_code: str, _programme: str, start: str, end: str, search: str):
    language = url_state.language(search)
    monthly = filters.in_period(data.verval_monthly(area_code), "visit_month", start, end)
    summary = verval.summarise(monthly)
    figure = translate_figure(verval.monthly_figure(monthly), language)
    reasons = translate_figure(verval.reasons_figure(data.verval_reasons(area_code, start, end)), language)
    if summary is None:
        return (dbc.Alert(t("belum ada data untuk periode ini", language).capitalize() + ".", color="info"),
                figure, reasons, None)
    cards = dbc.Row([
        _card("Rumah tangga dikunjungi", fmt_int(summary.assessed),
              f"{fmt_int(summary.not_eligible)} tidak layak ({fmt_pct(summary.not_eligible_pct)})"),
        _card("Dikeluarkan ≤ 3 bulan", fmt_pct(summary.removed_3m_pct), "dari keputusan tidak layak"),
        _card("Masih terdaftar meski tidak layak", fmt_int(summary.still_registered),
              "sinyal integritas", colour="warning" if summary.still_registered else "light"),
        _card("Bukti lengkap", f"{fmt_pct(summary.with_photo_pct)} foto",
              f"{fmt_pct(summary.with_gps_pct)} titik GPS"),
    ], className="mb-3 g-3")
    table = dbc.Table.from_dataframe(verval.enumerator_table(data.verval_enumerators(area_code, start, end)),
                                     striped=True, bordered=False, hover=True, size="sm")
    return cards, figure, reasons, table
