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


@pytest.fixture(scope="session")
def dashboard_url(published_db):
    """The dashboard on 127.0.0.1 over the demo's published warehouse, for the browser tests."""
    from werkzeug.serving import make_server

    from dashboard.app import create_app

    app = create_app(published_db)
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
