"""Perbandingan Wilayah: two or more kab/kota side by side, on calendar time and on time since
verval began, with BPS poverty beside each. Aggregates only."""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, callback, dcc, html

from dashboard import auth, data, exports, ids, url_state
from dashboard.components import filters, regions
from dashboard.i18n import t, translate_figure
from dashboard.view_cache import cached_view

dash.register_page(__name__, path="/perbandingan-wilayah", name="Perbandingan Wilayah",
                   title="Pantau · Perbandingan Wilayah", order=5)

GRAPH_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"filename": "pantau-perbandingan-wilayah"}}
PAMEKASAN = "35.28"


def layout(bahasa: str = "id", kabkota: str | None = None, **_query):
    language = url_state.language(f"?bahasa={bahasa}")
    if not auth.page_allowed("/perbandingan-wilayah"):
        return auth.forbidden()
    available = data.kabkota_list()
    if available.empty:
        return filters.no_data_alert(language)
    own = list(available.loc[available["is_own_region"], "kabkota_code"])
    chosen = [c for c in (kabkota or "").split(",") if c in set(available["kabkota_code"])] or own + [PAMEKASAN]
    return html.Div([
        html.H1(t("Perbandingan Wilayah", language), className="h3 mb-3"),
        dbc.Row(dbc.Col([
            dbc.Label("Kab/kota yang dibandingkan (dua atau lebih)", html_for=ids.REGIONS_SELECT),
            dcc.Dropdown(id=ids.REGIONS_SELECT, multi=True, value=chosen,
                         options=[{"label": r.kabkota_name, "value": r.kabkota_code} for r in available.itertuples()]),
        ], md=8), className="mb-3"),
        dbc.Row([
            dbc.Col(dcc.Graph(id=ids.REGIONS_SIZE_GRAPH, config=GRAPH_CONFIG), lg=6),
            dbc.Col(dcc.Graph(id=ids.REGIONS_SHARE_GRAPH, config=GRAPH_CONFIG), lg=6),
        ]),
        dcc.Graph(id=ids.REGIONS_SINCE_GRAPH, config=GRAPH_CONFIG),
        html.Div(id=ids.REGIONS_TABLE),
        exports.buttons("perbandingan-wilayah", language),
        html.P("Wilayah sendiri dihitung dari ekstrak register; kab/kota lain dari rekap provinsi. Bulan mulai "
               "verval: wilayah sendiri dari kunjungan lapangan pertama; kab/kota lain diatur di "
               "seeds/ref_verval_mulai.csv (kosong = tidak diketahui). P0 = angka kemiskinan BPS tahun yang "
               "sama (Susenas Maret).", className="small text-muted mt-2"),
    ])


@callback(Output(ids.REGIONS_SIZE_GRAPH, "figure"), Output(ids.REGIONS_SHARE_GRAPH, "figure"),
          Output(ids.REGIONS_SINCE_GRAPH, "figure"), Output(ids.REGIONS_TABLE, "children"),
          Input(ids.REGIONS_SELECT, "value"), Input(ids.PERIOD_START, "value"), Input(ids.PERIOD_END, "value"),
          Input(ids.URL, "search"))
@cached_view
def update_comparison(codes: list[str] | None, start: str, end: str, search: str):
    language = url_state.language(search)
    monthly = filters.in_period(data.kabkota_monthly(codes or []), "period_month", start, end)
    table = regions.comparison_table(monthly)
    table_view = (dbc.Table.from_dataframe(table, striped=True, bordered=False, hover=True, size="sm", responsive=True)
                  if len(table) else dbc.Alert("Pilih dua kab/kota atau lebih.", color="info"))
    figures = (regions.size_figure(monthly), regions.share_figure(monthly),
               regions.share_figure(monthly, since_verval=True))
    return (*(translate_figure(figure, language) for figure in figures), table_view)
