"""Logins and roles, enforced on the server for every request: pages, data callbacks and
downloads. The browser's menu only hides what the server would refuse anyway.

kepala: every dashboard page; analis: plus Kueri and detailed downloads; admin: plus users and
refresh; tamu (visiting agency): aggregate pages only, kab/kota level, counts under 10 shown "<10".
"""
from __future__ import annotations

import html
import json
import logging
import secrets
import threading
from pathlib import Path

import duckdb

from flask import Flask, abort, current_app, redirect, request, session

from dashboard import ids
from warehouse import users

ALL = {"kepala", "analis", "admin", "tamu"}
STAFF = {"kepala", "analis", "admin"}
ANALYSTS = {"analis", "admin"}
PAGE_ROLES = {"/": ALL, "/tren": ALL, "/alasan-keluar": ALL, "/ketepatan-sasaran": ALL, "/perbandingan-wilayah": ALL,
              "/hasil-verval": STAFF, "/peta": STAFF, "/status-data": STAFF, "/kueri": ANALYSTS, "/admin": {"admin"}}
# callbacks whose outputs are these components answer only to these roles
OUTPUT_ROLES = {
    ids.VERVAL_CARDS: STAFF, ids.MAP_SUMMARY: STAFF, ids.MAP_GRAPH: STAFF,
    ids.QUERY_MESSAGE: ANALYSTS, ids.QUERY_RESULT: ANALYSTS, ids.QUERY_DOWNLOAD: ANALYSTS,
    ids.ADMIN_REFRESH_MESSAGE: {"admin"},
}
DETAILED_TABLES = {"karantina-baris", "titik-jauh", "petugas-verval", "pembaruan-data", "karantina-alasan"}
SMALL_CELL = 10
OPEN_PATHS = ("/login", "/logout", "/assets/", "/_dash-component-suites/", "/_favicon.ico")
access_log = logging.getLogger("pantau.akses")


def role() -> str | None:
    return session.get("role")


def user() -> str | None:
    return session.get("user")


def page_allowed(path: str) -> bool:
    return role() in PAGE_ROLES.get(path, STAFF)


def may_download(table: str) -> bool:
    if role() is None:
        return False
    return role() in ANALYSTS if table in DETAILED_TABLES else role() in STAFF | {"tamu"}


def suppresses_small_cells() -> bool:
    return role() == "tamu"


def _output_ids(payload: dict) -> set[str]:
    outputs = payload.get("outputs")
    items = outputs if isinstance(outputs, list) else [outputs] if outputs else []
    found = set()
    for item in items:
        component = item.get("id") if isinstance(item, dict) else None
        if isinstance(component, str):
            found.add(component)
    return found


def _pathname(payload: dict) -> str | None:
    for item in payload.get("inputs", []):
        if isinstance(item, dict) and item.get("id") == "_pages_location" and item.get("property") == "pathname":
            return item.get("value")
    return None


def _guard():
    path = request.path
    if path.startswith(OPEN_PATHS):
        return None
    if role() is None:
        if path.startswith("/_dash"):
            abort(401)
        return redirect(f"/login?lanjut={path}")
    if path == "/_dash-update-component":
        payload = request.get_json(silent=True) or {}
        for component in _output_ids(payload):
            if component in OUTPUT_ROLES and role() not in OUTPUT_ROLES[component]:
                access_log.warning("ditolak %s (%s): keluaran %s", user(), role(), component)
                abort(403)
        # a page's content is always answered: its layout checks the role itself and explains a
        # refusal on screen instead of leaving a blank page
        page = _pathname(payload)
        if page is not None and not page_allowed(page):
            access_log.warning("ditolak %s (%s): halaman %s", user(), role(), page)
    return None


LOGIN_FORM = """<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Masuk · Pantau</title>
<link rel="stylesheet" href="/assets/01-bootstrap.min.css"></head><body class="bg-light">
<main class="container" style="max-width:420px;margin-top:10vh"><h1 class="h3 mb-3">Pantau · Masuk</h1>
{message}<form method="post" class="card card-body">
<input type="hidden" name="lanjut" value="{next}">
<label class="form-label" for="nama">Nama pengguna</label><input class="form-control mb-2" id="nama" name="nama" autofocus>
<label class="form-label" for="sandi">Kata sandi</label><input class="form-control mb-3" id="sandi" name="sandi" type="password">
<button class="btn btn-primary" type="submit">Masuk</button></form></main></body></html>"""


def _safe_next(target: str | None) -> str:
    return target if target and target.startswith("/") and not target.startswith("//") else "/"


def init_app(server: Flask, users_path: Path, secret_path: Path, access_db: Path, logs_dir: Path) -> None:
    """Sessions signed with a key kept beside the users file; the login and logout routes;
    the access log."""
    logs_dir.mkdir(parents=True, exist_ok=True)
    if not access_log.handlers:
        handler = logging.FileHandler(logs_dir / "akses.log", encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        access_log.addHandler(handler)
        access_log.setLevel(logging.INFO)
    server.config["PANTAU_ACCESS_DB"] = str(access_db)
    if not secret_path.exists():
        secret_path.parent.mkdir(parents=True, exist_ok=True)
        secret_path.write_text(secrets.token_hex(32))
        secret_path.chmod(0o600)
    server.secret_key = secret_path.read_text().strip()
    server.config.update(PANTAU_USERS=str(users_path), SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")
    server.before_request(_guard)

    @server.route("/login", methods=["GET", "POST"])
    def login():
        message, target = "", _safe_next(request.values.get("lanjut"))
        if request.method == "POST":
            name = request.form.get("nama", "").strip().lower()
            found = users.verify(Path(current_app.config["PANTAU_USERS"]), name, request.form.get("sandi", ""))
            if found:
                session.clear()
                session.update(user=name, role=found)
                log_access("masuk", name)
                return redirect(target)
            access_log.warning("gagal masuk: %s", name[:32])
            message = '<div class="alert alert-danger">Nama pengguna atau kata sandi salah.</div>'
        return LOGIN_FORM.format(message=message, next=html.escape(target))

    @server.route("/logout")
    def logout():
        access_log.info("keluar %s", user())
        session.clear()
        return redirect("/login")


_LOG_LOCK = threading.Lock()


def log_access(action: str, detail: str) -> None:
    """Who ran which query or downloaded what (the text of a query, never its results), in
    ops.access_log of data/akses.duckdb and in data/logs/akses.log."""
    text = str(detail)[:4000]
    access_log.info("%s %s (%s): %s", action, user(), role(), json.dumps(text, ensure_ascii=False))
    path = current_app.config.get("PANTAU_ACCESS_DB")
    if not path:
        return
    with _LOG_LOCK:
        try:
            con = duckdb.connect(path)
        except duckdb.Error as error:  # e.g. another server process holds the file: the log file has it
            access_log.error("catatan akses tidak tersimpan di %s: %s", path, type(error).__name__)
            return
        try:
            con.execute("create schema if not exists ops")
            con.execute("""create table if not exists ops.access_log (
                               logged_at timestamp, user_name varchar, role varchar, action varchar, detail varchar)""")
            con.execute("insert into ops.access_log values (current_timestamp, ?, ?, ?, ?)",
                        [user(), role(), action, text])
        finally:
            con.close()


def forbidden():
    import dash_bootstrap_components as dbc

    return dbc.Alert("Anda tidak berhak membuka halaman ini dengan peran Anda. Hubungi admin Pantau.",
                     color="warning")
