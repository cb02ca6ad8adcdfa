"""Dash app factory: one frame (navigation, synthetic-data badge), pages under pages/."""
from __future__ import annotations

from pathlib import Path

import dash
import dash_bootstrap_components as dbc
from dash import Dash, html

from . import data, ids
from .i18n import fmt_month

HERE = Path(__file__).parent


def _frame():
    meta = data.meta()
    badge = (dbc.Badge("data sintetis", color="warning", text_color="dark", id=ids.SYNTHETIC_BADGE,
                       className="ms-2", title="Data demo buatan, bukan data warga sebenarnya")
             if meta.get("is_synthetic") else None)
    as_of = meta.get("data_as_of")
    as_of_text = f"Data per {fmt_month(as_of)}" if as_of is not None else "Belum ada data terbit"
    navbar = dbc.Navbar(dbc.Container([
        dbc.NavbarBrand(["Pantau", html.Small(" · DTKS Dinas Sosial", className="ms-1 fw-normal")]),
        dbc.Nav([dbc.NavItem(dbc.NavLink(page["name"], href=page["relative_path"], active="exact"))
                 for page in dash.page_registry.values()], navbar=True, className="me-auto"),
        html.Span([as_of_text, badge], id=ids.DATA_AS_OF, className="navbar-text"),
    ], fluid=True), color="light", dark=False, className="mb-3 border-bottom")
    return html.Div([navbar, dbc.Container(dash.page_container, fluid=True, className="pb-4")])


def create_app(published_db: Path) -> Dash:
    app = Dash(
        __name__, use_pages=True, pages_folder=str(HERE / "pages"), assets_folder=str(HERE / "assets"),
        title="Pantau", update_title=None, suppress_callback_exceptions=True,
        serve_locally=True,
    )
    app.server.config["PANTAU_DB"] = str(published_db)
    data.cache.init_app(app.server, config={"CACHE_TYPE": "SimpleCache", "CACHE_DEFAULT_TIMEOUT": 3600})
    app.layout = _frame  # a function: read at every page load, so a new publish shows
    return app
