"""The dashboard's common frame in a real headless Chromium: every page loads cleanly, filters
change charts and live in the URL, the language switch, and every kind of export."""
from __future__ import annotations

import csv
import io
import re

import duckdb
import openpyxl
import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from dashboard import ids

pytestmark = [pytest.mark.browser, pytest.mark.pipeline]

PAGES = ["/", "/tren", "/alasan-keluar", "/hasil-verval", "/ketepatan-sasaran", "/perbandingan-wilayah", "/peta",
         "/status-data", "/kueri"]
# what each page must show once its data has arrived
READY = {"/": f"#{ids.SUMMARY_CARDS} .kpi", "/tren": f"#{ids.TREND_GRAPH} .main-svg",
         "/alasan-keluar": f"#{ids.BRIDGE_GRAPH} .main-svg", "/hasil-verval": f"#{ids.VERVAL_TABLE} tbody tr",
         "/ketepatan-sasaran": f"#{ids.TARGETING_AREA_CARDS} .kpi", "/status-data": f"#{ids.STATUS_RUNS} tbody tr",
         "/perbandingan-wilayah": f"#{ids.REGIONS_TABLE} tbody tr", "/peta": f"#{ids.MAP_GRAPH} .main-svg",
         "/kueri": f"#{ids.QUERY_DICTIONARY} .accordion-item"}


def _rows(published_db, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(published_db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def _dotted(value: int) -> str:
    return f"{value:,}".replace(",", ".")


@pytest.mark.parametrize("path", PAGES)
def test_every_page_loads_without_console_errors(page, dashboard_url, path):
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(dashboard_url + path)
    expect(page.locator(READY[path]).first).to_be_visible(timeout=20_000)
    page.wait_for_timeout(500)
    assert errors == []


def test_overview_cards_match_the_marts_and_link_to_their_pages(page, dashboard_url, published_db):
    latest, = _rows(published_db, """
        select persons from register_size_monthly
        where area_code = '35.75' and programme_code = 'SEMUA' and period_month = '2024-11-01'
    """)[0]
    verified, = _rows(published_db, """
        select share_verified_recently from register_verification_recency
        where area_code = '35.75' and period_month = '2024-11-01'
    """)[0]
    page.goto(dashboard_url)
    cards = page.locator(f"#{ids.SUMMARY_CARDS}")
    expect(cards).to_contain_text(_dotted(latest), timeout=20_000)
    expect(cards).to_contain_text(f"{100 * verified:.1f}".replace(".", ",") + " %")
    expect(cards).to_contain_text("6,32 %")  # BPS P0 Maret 2024, for the November 2024 register
    expect(page.locator(f"#{ids.SUMMARY_SENTENCE}")).to_contain_text("turun")
    page.locator("#ringkasan-kartu-verval").click()
    expect(page).to_have_url(f"{dashboard_url}/hasil-verval", timeout=10_000)
    expect(page.locator(f"#{ids.VERVAL_CARDS}")).to_contain_text("Masih terdaftar", timeout=20_000)


def test_a_filter_changes_the_chart_and_the_url_restores_the_view(page, dashboard_url, published_db):
    kecamatan, name = _rows(published_db, """
        select area_code, area_name from dim_regions
        where is_own_region and area_level = 'kecamatan' order by area_code limit 1
    """)[0]
    expected, = _rows(published_db, """
        select persons from register_size_monthly
        where area_code = ? and programme_code = 'PKH' and period_month = '2024-06-01'
    """, [kecamatan])[0]
    page.goto(f"{dashboard_url}/tren")
    latest = page.locator(f"#{ids.CARD_LATEST}")
    expect(latest).to_contain_text("59.521", timeout=20_000)
    before = page.locator(f"#{ids.TREND_GRAPH} .main-svg").first.inner_html()
    page.locator(f"#{ids.PROGRAMME}").click()
    page.get_by_role("option", name="PKH", exact=True).click()
    expect(latest).not_to_contain_text("59.521", timeout=20_000)
    expect(page).to_have_url(re.compile(r"/tren#.*program=PKH"), timeout=10_000)
    assert page.locator(f"#{ids.TREND_GRAPH} .main-svg").first.inner_html() != before
    # a bookmarked view: kecamatan, programme and period come back from the URL
    page.goto(f"{dashboard_url}/tren#wilayah={kecamatan}&program=PKH&dari=2023-01&sampai=2024-06")
    page.reload()
    expect(latest).to_contain_text(_dotted(expected), timeout=20_000)
    expect(latest).to_contain_text("Jun 2024")
    expect(page.locator(f"#{ids.TREND_NOTE}")).to_contain_text(name)
    expect(page.locator(f"#{ids.AREA}")).to_contain_text(name)


def test_the_language_switch_translates_the_frame_and_the_page(page, dashboard_url):
    page.goto(dashboard_url)
    expect(page.locator(f"#{ids.SUMMARY_SENTENCE}")).to_contain_text("turun", timeout=20_000)
    page.locator(f"#{ids.LANGUAGE_EN}").click()
    expect(page.locator(f"#{ids.SUMMARY_SENTENCE}")).to_contain_text("fell", timeout=20_000)
    expect(page.locator("#nav-ringkasan")).to_have_text("Overview")
    expect(page.locator("h1")).to_have_text("DTKS Register Overview")
    page.locator("#nav-tren").click()
    expect(page).to_have_url(f"{dashboard_url}/tren?bahasa=en", timeout=10_000)
    expect(page.locator("h1")).to_have_text("DTKS Register Trend", timeout=20_000)
    page.locator(f"#{ids.LANGUAGE_ID}").click()
    expect(page.locator("h1")).to_have_text("Tren Register DTKS", timeout=20_000)


def test_tables_download_as_csv_and_xlsx(page, dashboard_url, published_db):
    enumerators, = _rows(published_db, "select count(distinct enumerator_code) from verval_cohorts")[0]
    page.goto(f"{dashboard_url}/hasil-verval")
    expect(page.locator(f"#{ids.VERVAL_TABLE} tbody tr").first).to_be_visible(timeout=20_000)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Unduh CSV").click()
    text = open(download_info.value.path(), encoding="utf-8").read()
    assert download_info.value.suggested_filename.endswith(".csv")
    assert text.startswith("\ufeffpetugas;rumah_tangga_dikunjungi;")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert len(rows) == enumerators
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Unduh XLSX").click()
    assert download_info.value.suggested_filename.endswith(".xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(open(download_info.value.path(), "rb").read())).active
    assert sheet.cell(1, 1).value == "petugas" and sheet.max_row == enumerators + 1


def test_quarantine_rows_download_for_field_staff(page, dashboard_url, published_db):
    quarantined, = _rows(published_db, """
        select sum(rows_quarantined) from data_quality_files where status = 'dimuat'
    """)[0]
    page.goto(f"{dashboard_url}/status-data")
    expect(page.locator(f"#{ids.STATUS_RUNS}")).to_contain_text("berhasil", timeout=20_000)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Unduh CSV").nth(2).click()
    rows = list(csv.DictReader(io.StringIO(open(download_info.value.path(), encoding="utf-8-sig").read()),
                               delimiter=";"))
    assert len(rows) == quarantined
    assert set(rows[0]) == {"berkas", "baris_data", "kolom", "alasan", "jenis", "periode"}


def test_a_chart_downloads_as_png(page, dashboard_url):
    page.goto(f"{dashboard_url}/tren")
    graph = page.locator(f"#{ids.TREND_GRAPH}")
    expect(graph.locator(".main-svg").first).to_be_visible(timeout=20_000)
    graph.hover()
    with page.expect_download() as download_info:
        graph.locator(".modebar-btn[data-title^='Download plot as a']").first.click()
    assert download_info.value.suggested_filename == "pantau-tren-register.png"
    assert open(download_info.value.path(), "rb").read(8) == b"\x89PNG\r\n\x1a\n"


def test_the_briefing_pdf_names_the_area_and_its_headline_number(page, dashboard_url):
    page.goto(dashboard_url)
    expect(page.locator(f"#{ids.SUMMARY_CARDS}")).to_contain_text("59.521", timeout=20_000)
    with page.expect_download() as download_info:
        page.locator(f"#{ids.BRIEFING_BUTTON}").click()
    path = download_info.value.path()
    assert open(path, "rb").read(5) == b"%PDF-"
    reader = PdfReader(path)
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=1)  # A4
    assert "Kota Pasuruan" in text and "59.521" in text and "Catatan metode" in text
    assert "DATA SINTETIS" in text


def test_compare_regions_side_by_side(page, dashboard_url, demo_data_dir):
    recap = demo_data_dir / "inbox" / "aggregates" / "sintetis_rekap_dtks_jatim_2024-11.csv"
    with open(recap, newline="") as handle:
        pamekasan = next(int(r["jumlah_jiwa"]) for r in csv.DictReader(handle) if r["kode_wilayah"] == "35.28")
    page.goto(f"{dashboard_url}/perbandingan-wilayah")
    table = page.locator(f"#{ids.REGIONS_TABLE}")
    expect(table.locator("tbody tr")).to_have_count(2, timeout=20_000)
    expect(table).to_contain_text(_dotted(pamekasan))
    expect(table).to_contain_text("59.521")
    expect(table).to_contain_text("Okt 2022")  # the own region's verval began with its first visits
    page.locator(f"#{ids.REGIONS_SELECT}").click()
    page.keyboard.type("Surabaya")
    page.get_by_role("option", name="Kota Surabaya").click()
    expect(table.locator("tbody tr")).to_have_count(3, timeout=20_000)
    expect(table).to_contain_text("Kota Surabaya")


def test_the_map_flags_the_planted_far_points(page, dashboard_url, demo_data_dir, published_db):
    import json

    plan = json.loads((demo_data_dir / "demo_plan.json").read_text())
    page.goto(f"{dashboard_url}/peta")
    summary = page.locator(f"#{ids.MAP_SUMMARY}")
    expect(summary).to_contain_text(f"{_dotted(plan['gps_points_far_from_kelurahan_loaded'])} titik lebih dari",
                                    timeout=20_000)
    everything = summary.inner_text()
    kecamatan, = _rows(published_db, """
        select area_name from dim_regions where is_own_region and area_level = 'kecamatan' order by 1 limit 1
    """)[0]
    page.locator(f"#{ids.AREA}").click()
    page.get_by_role("option", name=f"Kec. {kecamatan}").click()
    expect(summary).not_to_have_text(everything, timeout=20_000)
    expect(page.locator(f"#{ids.MAP_GRAPH}")).to_contain_text(kecamatan)
