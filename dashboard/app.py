"""Dash app factory: pages under pages/, one frame around them (dashboard/frame.py)."""
from __future__ import annotations

import importlib
from pathlib import Path

from dash import Dash

from warehouse import users

from . import auth, data

HERE = Path(__file__).parent


def create_app(published_db: Path) -> Dash:
    """The dashboard over a published warehouse file. One app per process: Dash registers the
    pages' callbacks globally and hands them to the first app that serves a request."""
    app = Dash(
        __name__, use_pages=True, pages_folder=str(HERE / "pages"), assets_folder=str(HERE / "assets"),
        title="Pantau", update_title=None, suppress_callback_exceptions=True,
        serve_locally=True,
    )
    app.server.config["PANTAU_DB"] = str(published_db)
    data_dir = Path(published_db).resolve().parent.parent  # <data>/published/pantau.duckdb
    auth.init_app(app.server, users.users_file(data_dir), data_dir / "secrets" / "flask.key",
                  data_dir / "akses.duckdb", data_dir / "logs")
    data.cache.init_app(app.server, config={"CACHE_TYPE": "SimpleCache", "CACHE_DEFAULT_TIMEOUT": 3600,
                                             "CACHE_THRESHOLD": 2000})
    # the frame's callbacks name every page's link, so it is imported once the pages are registered
    frame = importlib.import_module("dashboard.frame")
    importlib.import_module("dashboard.tables")  # registers the downloadable tables
    app.layout = frame.layout  # a function: read at every page load, so a new publish shows
    return app
