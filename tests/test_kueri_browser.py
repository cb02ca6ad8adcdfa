"""The Kueri page in a real browser: an example answers from the marts, an escape attempt gets
a clear message, the result downloads."""
from __future__ import annotations

import csv
import io

import duckdb
import pytest
from playwright.sync_api import expect

from dashboard import ids

pytestmark = [pytest.mark.browser, pytest.mark.pipeline]


def test_an_example_runs_and_an_escape_is_refused(page, dashboard_url, published_db):
    con = duckdb.connect(str(published_db), read_only=True)
    try:
        kecamatan = con.execute("""
            select count(*), sum(persons) from register_size_monthly
            where area_level = 'kecamatan' and programme_code = 'SEMUA'
              and period_month = (select max(period_month) from register_size_monthly)
        """).fetchone()
    finally:
        con.close()
    page.goto(f"{dashboard_url}/kueri")
    expect(page.locator(f"#{ids.QUERY_DICTIONARY}")).to_contain_text("register_size_monthly", timeout=20_000)
    page.locator(f"#{ids.QUERY_RUN}").click()
    result = page.locator(f"#{ids.QUERY_RESULT} tbody tr")
    expect(result).to_have_count(kecamatan[0], timeout=20_000)
    expect(page.locator(f"#{ids.QUERY_MESSAGE}")).to_contain_text(f"{kecamatan[0]} baris")
    with page.expect_download() as download_info:
        page.locator(f"#{ids.QUERY_CSV}").click()
    rows = list(csv.DictReader(io.StringIO(open(download_info.value.path(), encoding="utf-8-sig").read()),
                               delimiter=";"))
    assert sum(int(r["orang"]) for r in rows) == kecamatan[1] == 59_521
    page.locator(f"#{ids.QUERY_TEXT}").fill("select * from read_csv('/etc/passwd')")
    page.locator(f"#{ids.QUERY_RUN}").click()
    expect(page.locator(f"#{ids.QUERY_MESSAGE}")).to_contain_text("Fungsi tabel tidak diizinkan", timeout=20_000)
    expect(page.locator(f"#{ids.QUERY_RESULT} tbody tr")).to_have_count(0)
