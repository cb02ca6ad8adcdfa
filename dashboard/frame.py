"""One frame for every page: navigation, language switch, data-as-of, the synthetic-data badge
and the filters, kept in the URL so a view can be bookmarked and shared."""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, callback, ctx, dcc, html, no_update

from dashboard import auth, data, exports, ids, url_state
from dashboard.components import filters, freshness
from dashboard.i18n import fmt_month, t


def _nav_id(page: dict) -> str:
    return f"nav-{page['module'].rsplit('.', 1)[-1]}"


def _pages() -> list[dict]:
    return list(dash.page_registry.values())


def layout() -> html.Div:
    meta = data.meta()
    badge = (dbc.Badge("data sintetis", color="warning", text_color="dark", id=ids.SYNTHETIC_BADGE,
                       className="ms-2", title="Data demo buatan, bukan data warga sebenarnya")
             if meta.get("is_synthetic") else None)
    as_of = meta.get("data_as_of")
    as_of_text = f"Data per {fmt_month(as_of)}" if as_of is not None else "Belum ada data terbit"
    stale = [age for age in freshness.ages(data.source_freshness()) if age.is_stale]
    stale_badge = (dbc.Badge("data lama", color="danger", className="ms-2", id=ids.STALE_BADGE,
                             title="Sumber tanpa data baru lebih dari "
                                   f"{freshness.stale_after_days()} hari setelah bulan terakhirnya: "
                                   + "; ".join(f"{age.kind} {age.text}" for age in stale))
                   if stale else None)
    navbar = dbc.Navbar(dbc.Container([
        dbc.NavbarBrand(["Pantau", html.Small(" · DTKS Dinas Sosial", className="ms-1 fw-normal")], href="/"),
        # links the role may not open are hidden; the server refuses them anyway
        dbc.Nav([dbc.NavItem(dbc.NavLink(page["name"], href=page["relative_path"], active="exact",
                                         id=_nav_id(page)),
                             className="" if auth.page_allowed(page["path"]) else "d-none") for page in _pages()],
                navbar=True, className="me-auto"),
        html.Span([html.Span(as_of_text, id=ids.DATA_AS_OF_TEXT), badge, stale_badge], id=ids.DATA_AS_OF,
                  className="navbar-text me-3"),
        html.Span([f"{auth.user()} ({auth.role()}) · ", html.A("Keluar", href="/logout")],
                  id=ids.USER_BADGE, className="navbar-text small me-3"),
        html.Div([html.A("ID", href="/", id=ids.LANGUAGE_ID, className="btn btn-sm btn-outline-secondary"),
                  html.A("EN", href="/?bahasa=en", id=ids.LANGUAGE_EN, className="btn btn-sm btn-outline-secondary")],
                 className="btn-group", role="group", **{"aria-label": "Bahasa / Language"}),
    ], fluid=True), color="light", dark=False, className="mb-3 border-bottom d-print-none")
    return html.Div([
        dcc.Location(id=ids.URL, refresh=False),
        exports.download_component(),
        navbar,
        dbc.Container([filters.filter_bar(), dash.page_container], fluid=True, className="pb-4"),
    ])


def _valid() -> dict[str, set[str]]:
    return {"area": {o["value"] for o in filters.area_options()},
            "programme": {o["value"] for o in filters.programme_options()},
            "start": {o["value"] for o in filters.period_options()},
            "end": {o["value"] for o in filters.period_options()}}


@callback(Output(ids.AREA, "value"), Output(ids.PROGRAMME, "value"), Output(ids.PERIOD_START, "value"),
          Output(ids.PERIOD_END, "value"), Output(ids.URL, "hash"),
          Input(ids.URL, "hash"), Input(ids.AREA, "value"), Input(ids.PROGRAMME, "value"),
          Input(ids.PERIOD_START, "value"), Input(ids.PERIOD_END, "value"))
def sync_filters_with_url(fragment, area, programme, start, end):
    """The URL sets the filters when it is opened (or on back/forward); the filters set the URL."""
    current = url_state.ViewState(area, programme or "SEMUA", start, end)
    if ctx.triggered_id in (None, ids.URL):
        state = url_state.parse(fragment, _valid(), current)
        return state.area, state.programme, state.start, state.end, no_update
    if start and end and start > end:
        start, end = end, start
    return no_update, no_update, start, end, url_state.encode(url_state.ViewState(area, programme, start, end))


@callback([Output(_nav_id(page), "href") for page in _pages()]
          + [Output(_nav_id(page), "children") for page in _pages()]
          + [Output(ids.LANGUAGE_ID, "href"), Output(ids.LANGUAGE_EN, "href"),
             Output(ids.LANGUAGE_ID, "className"), Output(ids.LANGUAGE_EN, "className"),
             Output(ids.AREA_LABEL, "children"), Output(ids.PROGRAMME_LABEL, "children"),
             Output(ids.PERIOD_LABEL, "children"), Output(ids.PROGRAMME, "options"),
             Output(ids.DATA_AS_OF_TEXT, "children")],
          Input(ids.URL, "search"), Input(ids.URL, "hash"), Input(ids.URL, "pathname"))
def frame_language_and_links(search, fragment, pathname):
    """Links keep the language and the filters; the frame's own text follows the language."""
    language = url_state.language(search)
    keep = url_state.search_for(language) + (fragment or "")
    hrefs = [page["relative_path"] + keep for page in _pages()]
    names = [t(page["name"], language) for page in _pages()]
    here = pathname or "/"
    active, idle = "btn btn-sm btn-secondary", "btn btn-sm btn-outline-secondary"
    meta = data.meta()
    as_of = meta.get("data_as_of")
    as_of_text = (f"{t('Data per', language)} {fmt_month(as_of)}" if as_of is not None
                  else t("Belum ada data terbit", language))
    return (hrefs + names
            + [here + (fragment or ""), here + "?bahasa=en" + (fragment or ""),
               active if language == "id" else idle, active if language == "en" else idle,
               t("Wilayah", language), t("Program", language), t("Periode", language),
               filters.programme_options(language), as_of_text])
