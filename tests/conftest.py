"""Shared fixtures: the demo pipeline run once per session through the real CLI."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[1]
PANTAU = str(Path(sys.executable).with_name("pantau"))
TEST_KEY = "kunci-uji-bukan-rahasia"


def run_pantau(args: list[str], data_dir: Path, project_dir: Path = PROJECT_DIR,
               check: bool = True) -> subprocess.CompletedProcess:
    env = dict(os.environ, PANTAU_DATA_DIR=str(data_dir), PANTAU_PSEUDONYM_KEY=TEST_KEY,
               PANTAU_PROJECT_DIR=str(project_dir))
    completed = subprocess.run([PANTAU, *args], env=env, capture_output=True, text=True, check=False)
    if check and completed.returncode != 0:
        raise AssertionError(f"pantau {' '.join(args)} failed:\n{completed.stdout}\n{completed.stderr}")
    return completed


@pytest.fixture(scope="session")
def demo_data_dir(tmp_path_factory) -> Path:
    """The full demo (Kota Pasuruan, Jan 2021 - Nov 2024, scale 1): demo-data + refresh."""
    data_dir = tmp_path_factory.mktemp("pantau-demo")
    run_pantau(["demo-data"], data_dir)
    run_pantau(["refresh"], data_dir)
    return data_dir


@pytest.fixture(scope="session")
def published_db(demo_data_dir) -> Path:
    return demo_data_dir / "published" / "pantau.duckdb"


@pytest.fixture(scope="session")
def screenshots_dir() -> Path:
    path = PROJECT_DIR / "test-results"
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture(scope="session")
def browser_type_launch_args():
    """pytest-playwright: Debian's chromium (playwright cannot download browsers here)."""
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    return {
        "executable_path": executable,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


PASSWORDS = {role: f"sandi-uji-{role}-123" for role in ("kepala", "analis", "admin", "tamu")}


@pytest.fixture(scope="session")
def dashboard_users(demo_data_dir) -> dict[str, str]:
    """One user per role in the demo data directory (name = role), through the real CLI."""
    for role, password in PASSWORDS.items():
        run_pantau(["users", "add", role, "--peran", role, "--sandi", password], demo_data_dir)
    return PASSWORDS


@pytest.fixture(scope="session")
def personal_data(demo_data_dir) -> dict[str, set[str]]:
    """NIKs, KK numbers and multi-word names of the November 2024 extract: must never be served."""
    import csv

    extract = demo_data_dir / "inbox" / "dtks" / "sintetis_dtks_3575_2024-11.txt"
    with open(extract, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="|"))
    numbers = {r["NOMOR_NIK"] for r in rows} | {r["NOMOR_KK"] for r in rows}
    names = {r["NAMA"].upper() for r in rows if " " in r["NAMA"].strip()}
    return {"numbers": {n for n in numbers if n.isdigit()}, "names": names}


def leaked(text: str, personal: dict[str, set[str]]) -> list[str]:
    """Personal values found in a response body or log (16-digit numbers, full names)."""
    import re

    found = [n for n in re.findall(r"(?<!\d)\d{16}(?!\d)", text) if n in personal["numbers"]]
    words = re.findall(r"[A-Za-z'.-]+", text.upper())
    for size in (2, 3):
        found += [" ".join(words[i:i + size]) for i in range(len(words) - size + 1)
                  if " ".join(words[i:i + size]) in personal["names"]]
    return found


def login(page, dashboard_url: str, role: str) -> None:
    page.goto(f"{dashboard_url}/login")
    page.fill("#nama", role)
    page.fill("#sandi", PASSWORDS[role])
    page.click("button[type=submit]")
    page.wait_for_url(f"{dashboard_url}/")


@pytest.fixture()
def page(page, dashboard_url, dashboard_users, personal_data):
    """Playwright's page, logged in as admin; every response it receives is scanned for personal
    data when the test ends."""
    bodies = []

    def keep(response):
        # every answer of the app itself (callbacks, layout, pages, downloads); not the vendored JS/CSS
        if response.url.startswith(dashboard_url) and "/_dash-component-suites/" not in response.url \
                and "/assets/" not in response.url:
            try:
                bodies.append(response.text())
            except Exception:  # noqa: BLE001 - a download or an aborted response has no text
                pass

    page.on("response", keep)
    login(page, dashboard_url, "admin")
    yield page
    page.remove_listener("response", keep)
    found = [value for body in bodies for value in leaked(body, personal_data)]
    assert not found, f"personal data in a dashboard response: {found[:3]}"


@pytest.fixture(scope="session")
def dashboard_app(published_db):
    """The one Dash app of the test session: Dash registers page callbacks globally, so a
    second app in the same process would miss them."""
    from dashboard.app import create_app

    return create_app(published_db)


@pytest.fixture(scope="session")
def dashboard_url(dashboard_app):
    """The dashboard on 127.0.0.1 over the demo's published warehouse, for the browser tests."""
    from werkzeug.serving import make_server

    app = dashboard_app
    server = make_server("127.0.0.1", _free_port(), app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


def published_row(published_db: Path, sql: str, params: list | None = None) -> tuple:
    """One row from the published warehouse, through a short-lived read-only connection."""
    import duckdb

    con = duckdb.connect(str(published_db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchone()
    finally:
        con.close()
