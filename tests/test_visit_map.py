"""The map's queries and figure on a hand-made published warehouse: visits at the same rounded
point and decision become one marker with their count; far points stay one by one."""
from __future__ import annotations

import duckdb
import pytest
from flask import Flask

from dashboard import data
from dashboard.components import visit_map

# kecamatan 35.75.01 has kelurahan A and B; kecamatan 35.75.02 has C
REGIONS = [("35.75", "Kota X", "35.75", None), ("35.75.01", "Kec Satu", "35.75", "35.75.01"),
           ("35.75.01.1001", "Alpha", "35.75", "35.75.01"), ("35.75.01.1002", "Beta", "35.75", "35.75.01"),
           ("35.75.02", "Kec Dua", "35.75", "35.75.02"), ("35.75.02.1001", "Gamma", "35.75", "35.75.02")]
# visit_month, kelurahan, decision, lat, lon, distance m, far
VISITS = [
    ("2024-01-01", "35.75.01.1001", "tidak layak", -7.640, 112.900, 100.0, False),
    ("2024-02-01", "35.75.01.1001", "tidak layak", -7.640, 112.900, 100.0, False),
    ("2024-03-01", "35.75.01.1001", "tidak layak", -7.640, 112.900, 100.0, False),
    ("2024-01-01", "35.75.01.1001", "layak", -7.640, 112.900, 100.0, False),  # same point, other decision
    ("2024-01-01", "35.75.01.1002", "tidak layak", -7.650, 112.910, 200.0, False),
    ("2024-02-01", "35.75.01.1002", "layak", -7.630, 112.950, 3100.0, True),  # far
    ("2024-03-01", "35.75.02.1001", "tidak layak", -7.660, 112.920, 2000.0, True),  # far, other kecamatan
    ("2023-12-01", "35.75.02.1001", "tidak layak", -7.660, 112.921, 50.0, False),  # before the period below
]


@pytest.fixture
def app(tmp_path):
    path = tmp_path / "pantau.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create table dim_regions (area_code varchar, area_name varchar, kabkota_code varchar, "
                "kecamatan_code varchar)")
    con.executemany("insert into dim_regions values (?, ?, ?, ?)", REGIONS)
    con.execute("create table verval_visit_points (visit_month date, kelurahan_code varchar, decision varchar, "
                "latitude double, longitude double, distance_from_centre_m double, is_far_from_kelurahan boolean)")
    con.executemany("insert into verval_visit_points values (?, ?, ?, ?, ?, ?, ?)", VISITS)
    con.close()
    flask_app = Flask(__name__)
    flask_app.config["PANTAU_DB"] = str(path)
    data.cache.init_app(flask_app, config={"CACHE_TYPE": "SimpleCache"})
    with flask_app.app_context():
        data.cache.clear()
        yield flask_app


def test_visits_at_one_rounded_point_and_decision_are_one_marker(app):
    cells = data.visit_cells("35.75.01", "2024-01", "2024-12")
    by_point = {(row.kelurahan_name, row.decision, row.latitude): row.visits for row in cells.itertuples()}
    assert by_point == {("Alpha", "tidak layak", -7.640): 3, ("Alpha", "layak", -7.640): 1,
                        ("Beta", "tidak layak", -7.650): 1, ("Beta", "layak", -7.630): 1}
    alpha = cells[(cells["kelurahan_name"] == "Alpha") & (cells["decision"] == "tidak layak")].iloc[0]
    assert (str(alpha["first_month"])[:7], str(alpha["last_month"])[:7]) == ("2024-01", "2024-03")


def test_far_points_are_listed_one_by_one_farthest_first(app):
    far = data.far_points("35.75", "2024-01", "2024-12")
    assert list(far["kelurahan_name"]) == ["Beta", "Gamma"]
    assert list(far["distance_from_centre_m"]) == [3100.0, 2000.0]
    assert data.far_points("35.75.02", "2024-01", "2024-02").empty  # Gamma's far visit is in March


def test_summary_counts_every_visit_not_every_marker(app):
    cells = data.visit_cells("35.75", "2024-01", "2024-12")
    far = data.far_points("35.75", "2024-01", "2024-12")
    assert len(cells) == 5  # 7 visits in the period
    assert visit_map.summary_text(cells, far) == (
        "7 kunjungan bertitik GPS, 5 tidak layak; 2 titik lebih dari 1,5 km dari pusat kelurahannya (ditandai ×).")


def test_figure_sizes_markers_by_visits_and_marks_far_points(app):
    cells = data.visit_cells("35.75", None, None)
    far = data.far_points("35.75", None, None)
    centres = data.visit_centres("35.75", None, None)
    assert dict(zip(centres["kelurahan_name"], centres["latitude"])) == {
        "Alpha": -7.640, "Beta": pytest.approx(-7.640), "Gamma": -7.660}  # Beta: median of -7.650 and -7.630
    fig = visit_map.figure(cells, far, centres, "Peta")
    traces = {trace.name: trace for trace in fig.data}
    assert set(traces) == {"Tidak layak", "Layak", "Jauh dari kelurahannya", "Kelurahan"}
    not_eligible = traces["Tidak layak"]
    sizes = dict(zip(zip(not_eligible.x, not_eligible.y), not_eligible.marker.size))
    assert sizes[(112.900, -7.640)] == pytest.approx(3 + 3 ** 0.5)  # three visits
    assert sizes[(112.910, -7.650)] == 4.0  # one visit
    assert len(traces["Jauh dari kelurahannya"].x) == 2


def test_marker_sizes_grow_with_the_square_root_and_stop_at_16():
    import pandas as pd

    assert visit_map.marker_sizes(pd.Series([1, 4, 9, 1000])) == [4.0, 5.0, 6.0, 16.0]


def test_a_period_without_visits_says_so(app):
    cells = data.visit_cells("35.75", "2020-01", "2020-12")
    far = data.far_points("35.75", "2020-01", "2020-12")
    assert visit_map.summary_text(cells, far) == "Belum ada kunjungan bertitik GPS untuk pilihan ini."
    fig = visit_map.figure(cells, far, data.visit_centres("35.75", "2020-01", "2020-12"), "Peta")
    assert fig.layout.annotations[0].text == "belum ada data untuk periode ini"
    assert visit_map.far_table(far).empty
