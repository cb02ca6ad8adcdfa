"""Logins and roles at the HTTP level (Flask's test client, no browser): without a login
nothing answers with data; each role gets exactly its pages, callbacks and downloads; a visiting
agency never sees a count under 10; the logs hold no personal data."""
from __future__ import annotations

import json

import pytest
from conftest import PASSWORDS, leaked

from dashboard import data, ids

pytestmark = pytest.mark.pipeline


@pytest.fixture(scope="module")
def app(dashboard_app, dashboard_users):
    return dashboard_app


def _client(app, role: str | None):
    client = app.server.test_client()
    if role:
        answer = client.post("/login", data={"nama": role, "sandi": PASSWORDS[role]})
        assert answer.status_code == 302 and answer.headers["Location"] == "/"
    return client


def _callback(outputs: list[tuple[str, str]], inputs: list[dict], state: list[dict] | None = None) -> dict:
    multiple = ".." + "...".join(f"{i}.{p}" for i, p in outputs) + ".."
    return {"output": multiple if len(outputs) > 1 else f"{outputs[0][0]}.{outputs[0][1]}",
            "outputs": [{"id": i, "property": p} for i, p in outputs], "inputs": inputs, "state": state or [],
            "changedPropIds": [f"{inputs[0]['id']}.{inputs[0]['property']}"]}


KUERI = _callback([(ids.QUERY_MESSAGE, "children"), (ids.QUERY_RESULT, "children")],
                  [{"id": ids.QUERY_RUN, "property": "n_clicks", "value": 1}],
                  [{"id": ids.QUERY_TEXT, "property": "value", "value": "select count(*) as n from dim_regions"}])
REFRESH = _callback([(ids.ADMIN_REFRESH_MESSAGE, "children")],
                    [{"id": ids.ADMIN_REFRESH, "property": "n_clicks", "value": 1}])


def _page_content(path: str) -> dict:
    return _callback([("_pages_content", "children"), ("_pages_store", "data")],
                     [{"id": "_pages_location", "property": "pathname", "value": path},
                      {"id": "_pages_location", "property": "search", "value": ""}])


def test_without_a_login_nothing_answers(app):
    client = _client(app, None)
    assert client.get("/").status_code == 302
    assert client.get("/kueri").headers["Location"].startswith("/login")
    assert client.get("/_dash-layout").status_code == 401
    assert client.post("/_dash-update-component", json=KUERI).status_code == 401
    assert client.post("/_dash-update-component", json=_page_content("/")).status_code == 401
    wrong = client.post("/login", data={"nama": "admin", "sandi": "salah-sekali-123"})
    assert wrong.status_code == 200 and "salah" in wrong.get_data(as_text=True)
    assert client.get("/_dash-layout").status_code == 401
    assert client.get("/login").status_code == 200 and client.get("/assets/02-pantau.css").status_code == 200


@pytest.mark.parametrize(("role", "kueri", "refresh", "verval_page"), [
    ("tamu", 403, 403, "refused"), ("kepala", 403, 403, "shown"), ("analis", 200, 403, "shown"),
    ("admin", 200, None, "shown"),
])
def test_each_role_reaches_exactly_its_callbacks(app, role, kueri, refresh, verval_page):
    client = _client(app, role)
    answer = client.post("/_dash-update-component", json=KUERI)
    assert answer.status_code == kueri
    if kueri == 200:
        assert '"n"' in answer.get_data(as_text=True)
    if refresh is not None:  # admin's refresh is not started from a test
        assert client.post("/_dash-update-component", json=REFRESH).status_code == refresh
    content = client.post("/_dash-update-component", json=_page_content("/hasil-verval"))
    assert content.status_code == 200
    refused = "tidak berhak membuka halaman ini" in content.get_data(as_text=True)
    assert refused == (verval_page == "refused")
    assert (ids.VERVAL_CARDS in content.get_data(as_text=True)) == (verval_page == "shown")
    # and the page's data callback itself is refused for tamu whatever the page shows
    verval = _callback([(ids.VERVAL_CARDS, "children"), (ids.VERVAL_GRAPH, "figure"),
                        (ids.VERVAL_REASONS_GRAPH, "figure"), (ids.VERVAL_TABLE, "children")],
                       [{"id": ids.VERVAL_GRAPH, "property": "id", "value": ids.VERVAL_GRAPH},
                        {"id": ids.AREA, "property": "value", "value": "35.75"},
                        {"id": ids.PROGRAMME, "property": "value", "value": "SEMUA"},
                        {"id": ids.PERIOD_START, "property": "value", "value": "2021-01"},
                        {"id": ids.PERIOD_END, "property": "value", "value": "2024-11"},
                        {"id": ids.URL, "property": "search", "value": ""}])
    assert client.post("/_dash-update-component", json=verval).status_code == (403 if role == "tamu" else 200)
    assert client.post("/_dash-update-component", json=_page_content("/")).status_code == 200


def test_a_visiting_agency_never_gets_a_cell_under_ten(app):
    with app.server.test_request_context("/"):
        from flask import session

        session.update(user="tamu", role="tamu")
        exits = data.exits_by_reason("35.75", "SEMUA")
        counts = exits[["persons", "families"]].stack()
        assert counts.isna().any()  # small cells exist in the demo and are hidden
        assert not ((counts > 0) & (counts < 10)).any()
        session.update(user="kepala", role="kepala")
        full = data.exits_by_reason("35.75", "SEMUA")
        assert ((full["persons"] > 0) & (full["persons"] < 10)).any()  # the same query, unhidden for staff


def test_access_is_logged_and_logs_hold_no_personal_data(app, demo_data_dir, personal_data):
    client = _client(app, "analis")
    client.post("/_dash-update-component", json=KUERI)
    log = (demo_data_dir / "logs" / "akses.log").read_text()
    assert "kueri analis (analis)" in log and "select count(*) as n from dim_regions" in log
    for path in (demo_data_dir / "logs").glob("*.log"):
        assert leaked(path.read_text(errors="replace"), personal_data) == [], path.name
    import duckdb

    con = duckdb.connect(str(demo_data_dir / "akses.duckdb"), read_only=True)
    try:
        actions = {a for (a,) in con.execute("select action from ops.access_log where user_name = 'analis'").fetchall()}
    finally:
        con.close()
    assert {"masuk", "kueri"} <= actions
    assert json.dumps(sorted(actions))
