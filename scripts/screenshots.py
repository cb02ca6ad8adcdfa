"""Screenshots of every dashboard page at 1366x768 into docs/screenshots/ (make screenshots).

Serves the published warehouse on 127.0.0.1 in this process and drives Debian's headless
Chromium through Playwright. Builds the demo warehouse first when none is published.
"""
from __future__ import annotations

import logging
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from dashboard.app import create_app
from warehouse import users
from warehouse.settings import load_settings

PAGES = {"ringkasan": "/", "tren-register": "/tren", "alasan-keluar": "/alasan-keluar",
         "hasil-verval": "/hasil-verval", "ketepatan-sasaran": "/ketepatan-sasaran",
         "perbandingan-wilayah": "/perbandingan-wilayah", "peta": "/peta", "status-data": "/status-data", "kueri": "/kueri", "admin": "/admin",
         "ringkasan-en": "/?bahasa=en"}
OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def _published() -> Path:
    published = load_settings().published_db
    if not published.exists():
        pantau = str(Path(sys.executable).with_name("pantau"))
        subprocess.run([pantau, "demo-data"], check=True)
        subprocess.run([pantau, "refresh"], check=True)
    return published


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    published = _published()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app = create_app(published)
    # a throw-away admin in a temporary users file: the real users file is not touched
    temporary = tempfile.TemporaryDirectory()
    app.server.config["PANTAU_USERS"] = str(Path(temporary.name) / "users.json")
    password = users.add(Path(app.server.config["PANTAU_USERS"]), "tangkapan-layar", "admin")
    server = make_server("127.0.0.1", port, app.server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"])
            page = browser.new_page(viewport={"width": 1366, "height": 768})
            page.goto(f"http://127.0.0.1:{port}/login")
            page.fill("#nama", "tangkapan-layar")
            page.fill("#sandi", password)
            page.click("button[type=submit]")
            page.wait_for_url(f"http://127.0.0.1:{port}/")
            for name, path in PAGES.items():
                page.goto(f"http://127.0.0.1:{port}{path}")
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(1500)  # charts finish drawing after the last callback
                page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)
                print(f"  {OUT / f'{name}.png'}")
            browser.close()
    finally:
        server.shutdown()
        temporary.cleanup()


if __name__ == "__main__":
    main()
