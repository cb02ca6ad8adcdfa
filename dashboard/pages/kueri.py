"""Kueri: analysts' own SQL over the published marts (sandboxed: see dashboard/sandbox.py),
with saved example questions, downloads and the data dictionary beside the editor."""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, ctx, dcc, html, no_update

from dashboard import auth, data, exports, ids, url_state
from dashboard.components.queries import EXAMPLES
from dashboard.i18n import fmt_int, t
from dashboard.sandbox import ROW_LIMIT, TIME_LIMIT_SECONDS, QueryRejected

dash.register_page(__name__, path="/kueri", name="Kueri", title="Pantau · Kueri", order=8)

SHOWN_ROWS = 200


def _dictionary() -> html.Div:
    dictionary = data.data_dictionary()
    if dictionary.empty:
        return dbc.Alert("Kamus data belum tersedia (terbitkan ulang dengan `pantau refresh`).", color="info")
    items = []
    for table, columns in dictionary.groupby("table_name", sort=True):
        about = columns[columns["column_name"].isna()]["description"]
        rows = columns[columns["column_name"].notna()]
        items.append(dbc.AccordionItem([
            html.P(about.iloc[0] if len(about) else "", className="small"),
            html.Ul([html.Li([html.Code(r.column_name), f" ({r.data_type.lower()}) ", html.Span(r.description or "",
                                                                                                 className="text-muted")],
                             className="small") for r in rows.itertuples()], className="ps-3"),
        ], title=table))
    return dbc.Accordion(items, start_collapsed=True, flush=True)


def layout(bahasa: str = "id", **_query):
    language = url_state.language(f"?bahasa={bahasa}")
    if not auth.page_allowed("/kueri"):
        return auth.forbidden()
    first = next(iter(EXAMPLES))
    return html.Div([
        html.H1(t("Kueri SQL", language), className="h3 mb-3"),
        dbc.Row([
            dbc.Col([
                dbc.Label("Contoh pertanyaan", html_for=ids.QUERY_EXAMPLE),
                dcc.Dropdown(id=ids.QUERY_EXAMPLE, options=[{"label": q, "value": q} for q in EXAMPLES],
                             value=first, clearable=False, className="mb-2"),
                dcc.Textarea(id=ids.QUERY_TEXT, value=EXAMPLES[first].strip(), spellCheck=False,
                             style={"width": "100%", "height": "220px", "fontFamily": "monospace", "fontSize": "0.9rem"}),
                html.Div([
                    dbc.Button(t("Jalankan", language), id=ids.QUERY_RUN, color="primary", className="me-2"),
                    dbc.Button(t("Unduh CSV", language), id=ids.QUERY_CSV, color="secondary", outline=True,
                               size="sm", className="me-2"),
                    dbc.Button(t("Unduh XLSX", language), id=ids.QUERY_XLSX, color="secondary", outline=True, size="sm"),
                    dcc.Download(id=ids.QUERY_DOWNLOAD),
                ], className="my-2 d-flex align-items-center"),
                html.P(f"Hanya SELECT atas tabel gudang data (lihat kamus). Batas {TIME_LIMIT_SECONDS:g} detik dan "
                       f"{fmt_int(ROW_LIMIT)} baris per kueri; tidak ada akses berkas, jaringan atau pengaturan.",
                       className="small text-muted"),
                html.Div(id=ids.QUERY_MESSAGE),
                html.Div(id=ids.QUERY_RESULT, style={"overflowX": "auto"}),
            ], lg=8),
            dbc.Col([html.H2(t("Kamus data", language), className="h5"), html.Div(_dictionary(), id=ids.QUERY_DICTIONARY)],
                    lg=4),
        ]),
    ])


@callback(Output(ids.QUERY_TEXT, "value"), Input(ids.QUERY_EXAMPLE, "value"), prevent_initial_call=True)
def choose_example(question: str):
    return EXAMPLES.get(question, "").strip() or no_update


@callback(Output(ids.QUERY_MESSAGE, "children"), Output(ids.QUERY_RESULT, "children"),
          Input(ids.QUERY_RUN, "n_clicks"), State(ids.QUERY_TEXT, "value"), prevent_initial_call=True)
def run_query(_clicks, sql: str):
    auth.log_access("kueri", sql)
    try:
        result = data.run_user_query(sql)
    except QueryRejected as error:
        return dbc.Alert(str(error), color="danger"), None
    rows = len(result.frame)
    note = (f"{fmt_int(rows)} baris" + (f" (dipotong pada batas {fmt_int(ROW_LIMIT)} baris)" if result.truncated else "")
            + (f"; ditampilkan {SHOWN_ROWS} pertama, unduh untuk semuanya" if rows > SHOWN_ROWS else ""))
    table = dbc.Table.from_dataframe(result.frame.head(SHOWN_ROWS), striped=True, bordered=False, hover=True, size="sm")
    return dbc.Alert(note, color="warning" if result.truncated else "success", className="py-2"), table


@callback(Output(ids.QUERY_DOWNLOAD, "data"), Input(ids.QUERY_CSV, "n_clicks"), Input(ids.QUERY_XLSX, "n_clicks"),
          State(ids.QUERY_TEXT, "value"), prevent_initial_call=True)
def download_result(_csv, _xlsx, sql: str):
    auth.log_access("unduh kueri", sql)
    try:
        frame = data.run_user_query(sql).frame
    except QueryRejected:
        return no_update
    if ctx.triggered_id == ids.QUERY_XLSX:
        return dcc.send_bytes(exports.to_xlsx(frame, "hasil kueri"), "pantau-kueri.xlsx")
    return {"content": exports.to_csv(frame), "filename": "pantau-kueri.csv", "type": "text/csv"}
