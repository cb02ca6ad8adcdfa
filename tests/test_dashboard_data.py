"""dashboard/data.py: a new publish is visible on the next request, even while another
connection in the same process still holds the previous version open."""
from __future__ import annotations

import os

import duckdb
from flask import Flask

from dashboard import data


def _publish(published_dir, stamp: str, run_id: str) -> None:
    staging = published_dir / f".pantau-{stamp}.duckdb"
    con = duckdb.connect(str(staging))
    con.execute("create table pantau_meta as select ? as run_id", [run_id])
    con.close()
    os.link(staging, published_dir / "versions" / f"pantau-{stamp}.duckdb")
    os.replace(staging, published_dir / "pantau.duckdb")


def test_a_new_publish_is_read_even_with_the_old_version_open(tmp_path):
    (tmp_path / "versions").mkdir()
    published = tmp_path / "pantau.duckdb"
    app = Flask(__name__)
    app.config["PANTAU_DB"] = str(published)
    data.cache.init_app(app, config={"CACHE_TYPE": "SimpleCache"})
    with app.app_context():
        _publish(tmp_path, "1", "versi-lama")
        assert data.meta()["run_id"] == "versi-lama"
        held = duckdb.connect(str(published), read_only=True)  # e.g. a slow query in another thread
        try:
            _publish(tmp_path, "2", "versi-baru")
            assert data.meta()["run_id"] == "versi-baru"
            assert held.execute("select run_id from pantau_meta").fetchone()[0] == "versi-lama"
        finally:
            held.close()
