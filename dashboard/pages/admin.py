"""Admin: the users (names and roles, never passwords) and a button that starts a refresh."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, callback, html
from flask import current_app

from dashboard import auth, ids, url_state
from warehouse import users

dash.register_page(__name__, path="/admin", name="Admin", title="Pantau · Admin", order=9)


def layout(bahasa: str = "id", **_query):
    url_state.language(f"?bahasa={bahasa}")
    if not auth.page_allowed("/admin"):
        return auth.forbidden()
    listed = users.load(Path(current_app.config["PANTAU_USERS"]))
    table = pd.DataFrame([{"Pengguna": name, "Peran": info["role"], "Hak": users.ROLES[info["role"]]}
                          for name, info in sorted(listed.items())])
    return html.Div([
        html.H1("Admin", className="h3 mb-3"),
        html.H2("Pengguna", className="h5"),
        html.Div(dbc.Table.from_dataframe(table, striped=True, size="sm") if len(table) else "Belum ada pengguna.",
                 id=ids.ADMIN_USERS),
        html.P("Tambah, ubah atau hapus pengguna di server: `pantau users add NAMA --peran analis`, "
               "`pantau users remove NAMA`, `pantau users list`.", className="small text-muted"),
        html.H2("Pembaruan data", className="h5 mt-3"),
        dbc.Button("Jalankan refresh sekarang", id=ids.ADMIN_REFRESH, color="primary"),
        html.Div(id=ids.ADMIN_REFRESH_MESSAGE, className="mt-2"),
    ])


@callback(Output(ids.ADMIN_REFRESH_MESSAGE, "children"), Input(ids.ADMIN_REFRESH, "n_clicks"),
          prevent_initial_call=True)
def start_refresh(_clicks):
    if auth.role() != "admin":  # the request guard refuses this already; a second lock on the door
        return dbc.Alert("Hanya admin.", color="danger")
    auth.log_access("refresh", "dimulai dari dasbor")
    pantau = str(Path(sys.executable).with_name("pantau"))
    subprocess.Popen([pantau, "refresh"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    return dbc.Alert("Refresh dimulai di latar belakang; hasilnya tampil di Status Data (dua refresh tidak pernah "
                     "berjalan bersamaan).", color="info")
