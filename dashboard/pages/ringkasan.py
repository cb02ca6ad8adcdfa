"""Ringkasan: the headline figures a Kepala Dinas opens every Monday, each linking to its page."""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html

from dashboard import auth, briefing, ids, url_state
from dashboard.components import filters, summary, trend
from dashboard.i18n import t, translate_figure
from dashboard.view_cache import cached_view

dash.register_page(__name__, path="/", name="Ringkasan", title="Pantau · Ringkasan", order=0)


def layout(bahasa: str = "id", **_query):
    language = url_state.language(f"?bahasa={bahasa}")
    if not auth.page_allowed("/"):
        return auth.forbidden()
    if not filters.area_options():
        return filters.no_data_alert(language)
    return html.Div([
        html.Div([
            html.H1(t("Ringkasan Register DTKS", language), className="h3 mb-0 me-auto"),
            dbc.Button(t("Unduh ringkasan PDF (A4)", language), id=ids.BRIEFING_BUTTON, color="primary",
                       className="d-print-none"),
            dcc.Download(id=ids.BRIEFING_DOWNLOAD),
        ], className="d-flex align-items-center mb-3 gap-2"),
        html.P(id=ids.SUMMARY_SENTENCE, className="lead"),
        html.Div(id=ids.SUMMARY_CARDS),
        dcc.Graph(id=ids.SUMMARY_GRAPH, config=summary.GRAPH_CONFIG),
    ])


@callback(Output(ids.SUMMARY_SENTENCE, "children"), Output(ids.SUMMARY_CARDS, "children"),
          Output(ids.SUMMARY_GRAPH, "figure"), *filters.filter_inputs(ids.SUMMARY_GRAPH))
@cached_view
def update_summary(_anchor: str, area_code: str, programme_code: str, start: str, end: str, search: str):
    language = url_state.language(search)
    headline = summary.headline(area_code, programme_code, start, end)
    figure = translate_figure(trend.figure(headline.series, headline.trend, headline.title), language)
    if headline.trend is None:
        return t("belum ada data untuk periode ini", language).capitalize() + ".", None, figure
    sentence = trend.sentence(headline.trend, headline.area_name, language)
    return sentence, summary.cards(headline, language, url_state.search_for(language)), figure


@callback(Output(ids.BRIEFING_DOWNLOAD, "data"), Input(ids.BRIEFING_BUTTON, "n_clicks"),
          State(ids.AREA, "value"), State(ids.PROGRAMME, "value"), State(ids.PERIOD_START, "value"),
          State(ids.PERIOD_END, "value"), prevent_initial_call=True)
def download_briefing(_clicks, area_code, programme_code, start, end):
    auth.log_access("unduh ringkasan PDF", f"{area_code} {programme_code} {start}..{end}")
    pdf, name = briefing_file(area_code, programme_code, start, end)
    return dcc.send_bytes(pdf, name)


@cached_view
def briefing_file(area_code, programme_code, start, end) -> tuple[bytes, str]:
    """The A4 briefing of a view and its file name (laying out its text costs about 0.2 s)."""
    headline = summary.headline(area_code, programme_code, start, end)
    return briefing.build(headline), briefing.file_name(headline)
