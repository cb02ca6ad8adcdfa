"""dashboard/view_cache.py: a view is built once per published version and served as the same
plain value afterwards; figures are cached as dicts (a pickled Figure re-validates when loaded)."""
from __future__ import annotations

import os

import plotly.graph_objects as go
import pytest
from dash import dcc, html
from flask import Flask

from dashboard import data
from dashboard.view_cache import cached_view, plain_figures


def _figure() -> go.Figure:
    return go.Figure(go.Scatter(x=[1, 2], y=[3, 4], name="Register"), layout={"title": {"text": "Tren"}})


def test_figures_become_dicts_also_inside_components():
    page = html.Div([html.H1("Judul"), html.Div(dcc.Graph(id="grafik", figure=_figure()))])
    sentence, figure, layout = plain_figures(("kalimat", _figure(), page))
    assert sentence == "kalimat"
    assert figure["data"][0]["name"] == "Register" and figure["layout"]["title"]["text"] == "Tren"
    graph = layout.children[1].children
    assert isinstance(graph.figure, dict) and list(graph.figure["data"][0]["y"]) == [3, 4]


@pytest.fixture
def app(tmp_path):
    published = tmp_path / "pantau.duckdb"
    published.write_bytes(b"versi 1")
    flask_app = Flask(__name__)
    flask_app.config["PANTAU_DB"] = str(published)
    data.cache.init_app(flask_app, config={"CACHE_TYPE": "SimpleCache"})
    with flask_app.app_context():
        data.cache.clear()
        yield flask_app, published


def test_a_view_is_built_once_per_published_version(app):
    _app, published = app
    builds = []

    @cached_view
    def view(area: str):
        builds.append(area)
        return f"tampilan {area} #{len(builds)}", _figure()

    first = view("35.75")
    again = view("35.75")
    assert builds == ["35.75"]
    assert again == first and isinstance(again[1], dict)  # a miss and a hit give the same plain value
    view("35.75.01")
    assert builds == ["35.75", "35.75.01"]  # other arguments, other view
    published.write_bytes(b"versi 2")  # a new publish: new inode or mtime
    os.utime(published, ns=(1, 1))
    assert view("35.75")[0] == "tampilan 35.75 #3"
