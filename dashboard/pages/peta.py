"""Peta: field-visit GPS points over the city, by decision, for the frame's area and period.
Works offline: no map tiles, the points are drawn on longitude/latitude axes."""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Output, callback, dcc, html

from dashboard import auth, data, exports, ids, url_state
from dashboard.components import filters, visit_map
from dashboard.i18n import t, translate_figure
from dashboard.view_cache import cached_view

dash.register_page(__name__, path="/peta", name="Peta", title="Pantau · Peta", order=6)

GRAPH_CONFIG = {"displaylogo": False, "scrollZoom": True, "toImageButtonOptions": {"filename": "pantau-peta"}}


def layout(bahasa: str = "id", **_query):
    language = url_state.language(f"?bahasa={bahasa}")
    if not auth.page_allowed("/peta"):
        return auth.forbidden()
    if not filters.area_options():
        return filters.no_data_alert(language)
    return html.Div([
        html.H1(t("Peta Kunjungan Lapangan", language), className="h3 mb-3"),
        html.P(id=ids.MAP_SUMMARY, className="lead"),
        dcc.Graph(id=ids.MAP_GRAPH, config=GRAPH_CONFIG),
        html.H2("Titik terjauh dari kelurahannya", className="h5 mt-3"),
        html.Div(id=ids.MAP_FAR_TABLE),
        exports.buttons("titik-jauh", language),
        html.P("Titik dibulatkan ke 3 desimal (sekitar 110 m) agar rumah tangga tidak dapat ditunjuk; kunjungan "
               "di titik yang sama digambar sebagai satu lingkaran, makin besar makin banyak kunjungannya. Batas "
               "kelurahan belum dimuat: sebuah titik ditandai bila lebih dari 1,5 km dari pusat kelurahannya "
               "(median titik kunjungan kelurahan itu). Peta tidak memerlukan internet.",
               className="small text-muted mt-2"),
    ])


@callback(Output(ids.MAP_SUMMARY, "children"), Output(ids.MAP_GRAPH, "figure"), Output(ids.MAP_FAR_TABLE, "children"),
          *filters.filter_inputs(ids.MAP_GRAPH))
@cached_view
def update_map(_anchor: str, area_code: str, _programme: str, start: str, end: str, search: str):
    cells = data.visit_cells(area_code, start, end)
    far = data.far_points(area_code, start, end)
    centres = data.visit_centres(area_code, start, end)
    far_rows = visit_map.far_table(far)
    table = (dbc.Table.from_dataframe(far_rows, striped=True, bordered=False, hover=True, size="sm")
             if len(far_rows) else dbc.Alert("Tidak ada titik yang jauh dari kelurahannya.", color="success"))
    title = f"Kunjungan verval · {filters.area_name(area_code)}"
    figure = translate_figure(visit_map.figure(cells, far, centres, title), url_state.language(search))
    return visit_map.summary_text(cells, far), figure, table
