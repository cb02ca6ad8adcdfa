"""The dashboard in a real headless Chromium (Playwright driving Debian's chromium)."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from dashboard import ids

pytestmark = [pytest.mark.browser, pytest.mark.pipeline]


def _number(text: str) -> int:
    return int(re.match(r"[−-]?[\d.]+", text.strip()).group(0).replace(".", "").replace("−", "-"))


def test_trend_page_shows_the_story(page, dashboard_url, screenshots_dir):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{dashboard_url}/tren")
    latest = page.locator(f"#{ids.CARD_LATEST}")
    expect(latest).to_contain_text("59.521", timeout=20_000)
    expect(latest).to_contain_text("Nov 2024")
    peak_text = page.locator(f"#{ids.CARD_PEAK}").inner_text()
    assert 140_000 <= _number(peak_text) <= 150_000
    assert "2022" in peak_text
    change_text = page.locator(f"#{ids.CARD_CHANGE}").inner_text()
    assert _number(change_text) == 59_521 - _number(peak_text)
    expect(page.locator(f"#{ids.SYNTHETIC_BADGE}")).to_have_text("data sintetis")
    expect(page.locator(f"#{ids.TREND_GRAPH} .main-svg").first).to_be_visible()
    expect(page.locator(f"#{ids.TREND_NOTE}")).to_contain_text("turun")
    page.screenshot(path=str(screenshots_dir / "tren-register.png"), full_page=True)


def test_choosing_a_kecamatan_updates_the_figures(page, dashboard_url):
    page.goto(f"{dashboard_url}/tren")
    latest = page.locator(f"#{ids.CARD_LATEST}")
    expect(latest).to_contain_text("59.521", timeout=20_000)
    page.locator(f"#{ids.AREA}").click()
    page.get_by_role("option", name="Kec. Gadingrejo").click()
    expect(page.locator(f"#{ids.TREND_NOTE}")).to_contain_text("Gadingrejo", timeout=20_000)
    kecamatan_latest = _number(latest.inner_text())
    assert 0 < kecamatan_latest < 59_521


def test_exits_page_bridges_peak_to_now(page, dashboard_url, screenshots_dir):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{dashboard_url}/alasan-keluar")
    note = page.locator(f"#{ids.BRIDGE_NOTE}")
    expect(note).to_contain_text("59.521 orang pada Nov 2024", timeout=20_000)
    numbers = [int(n.replace(".", "")) for n in re.findall(r"\d{1,3}(?:\.\d{3})+|\d+", note.inner_text())]
    peak, entries, exited, now = numbers[0], numbers[2], numbers[3], numbers[4]
    assert peak + entries - exited == now == 59_521
    expect(page.locator(f"#{ids.BRIDGE_GRAPH} .main-svg").first).to_be_visible()
    expect(page.locator(f"#{ids.EXITS_GRAPH}")).to_contain_text("Tanpa keterangan")
    page.screenshot(path=str(screenshots_dir / "alasan-keluar.png"), full_page=True)


def test_verval_page_shows_the_integrity_signal(page, dashboard_url, published_db, screenshots_dir):
    import duckdb

    con = duckdb.connect(str(published_db), read_only=True)
    try:
        still = con.execute("select sum(not_eligible_still_registered) from verval_cohorts").fetchone()[0]
        enumerators = con.execute("select count(distinct enumerator_code) from verval_cohorts").fetchone()[0]
    finally:
        con.close()
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{dashboard_url}/hasil-verval")
    cards = page.locator(f"#{ids.VERVAL_CARDS}")
    expect(cards).to_contain_text("Masih terdaftar meski tidak layak", timeout=20_000)
    expect(cards).to_contain_text(f"{still:,}".replace(",", "."))
    expect(page.locator(f"#{ids.VERVAL_TABLE} tbody tr")).to_have_count(enumerators)
    page.screenshot(path=str(screenshots_dir / "hasil-verval.png"), full_page=True)


def _pct(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}".replace(".", ",") + " %"


def test_targeting_page_shows_pamekasan_and_the_own_region(page, dashboard_url, published_db, screenshots_dir):
    import duckdb

    con = duckdb.connect(str(published_db), read_only=True)
    try:
        own_share, own_population = con.execute("""
            select register_share, population from targeting_kabkota_current where kabkota_code = '35.75'
        """).fetchone()
        pamekasan_share, pamekasan_leakage = con.execute("""
            select register_share, min_leakage_poor from targeting_kabkota_yearly
            where kabkota_code = '35.28' and year = 2024
        """).fetchone()
    finally:
        con.close()
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{dashboard_url}/ketepatan-sasaran")
    own = page.locator(f"#{ids.TARGETING_OWN_CARDS}")
    expect(own).to_contain_text(f"59.521 terdaftar (Nov 2024) ÷ {own_population:,.0f}".replace(",", "."),
                                timeout=20_000)
    expect(own).to_contain_text(_pct(100 * 59_521 / own_population, 2))
    assert own_share == pytest.approx(59_521 / own_population)
    area = page.locator(f"#{ids.TARGETING_AREA_CARDS}")
    expect(area).to_contain_text("Kabupaten Pamekasan", timeout=20_000)
    expect(area).to_contain_text("13,41 %")
    expect(area).to_contain_text(_pct(100 * pamekasan_share, 2))
    expect(area).to_contain_text(_pct(100 * pamekasan_leakage, 1))
    assert 78 < 100 * pamekasan_share < 82 and 82 < 100 * pamekasan_leakage < 84
    # Pamekasan is findable on the scatter itself, and the tooltip text carries the sources
    expect(page.locator(f"#{ids.TARGETING_SCATTER}")).to_contain_text("Kabupaten Pamekasan")
    assert "Pembilang" in area.locator(".figure-card").first.get_attribute("title")
    expect(page.locator(f"#{ids.TARGETING_ASSESSMENTS}")).to_contain_text("bukan sampel acak")
    expect(page.locator(f"#{ids.TARGETING_ASSESSMENTS}")).to_contain_text("IK 95 % Wilson")
    page.screenshot(path=str(screenshots_dir / "ketepatan-sasaran.png"), full_page=True)
    page.locator(f"#{ids.TARGETING_HIGHLIGHT}").click()
    page.get_by_role("option", name="Kota Surabaya").click()
    expect(area).to_contain_text("Kota Surabaya", timeout=20_000)
