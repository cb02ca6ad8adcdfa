"""Indonesian formats and the trend summary, on hand-made values."""
from __future__ import annotations

from datetime import date

import pandas as pd

from dashboard.components.trend import figure, sentence, summarise
from dashboard.i18n import fmt_int, fmt_month, fmt_pct, fmt_signed_int


def test_indonesian_number_and_date_formats():
    assert fmt_int(59521) == "59.521"
    assert fmt_int(1234567) == "1.234.567"
    assert fmt_int(-85479) == "−85.479"
    assert fmt_signed_int(12) == "+12"
    assert fmt_pct(6.32, 2) == "6,32 %"
    assert fmt_pct(-58.95) == "−59,0 %"
    assert fmt_month(date(2024, 11, 1)) == "Nov 2024"
    assert fmt_month(date(2022, 12, 1)) == "Des 2022"
    assert fmt_int(None) == "tidak ada data"


def _series(values: list[int]) -> pd.DataFrame:
    months = pd.date_range("2022-01-01", periods=len(values), freq="MS")
    return pd.DataFrame({"period_month": months, "persons": values, "families": [v // 4 for v in values]})


def test_summary_finds_first_peak_latest_and_change():
    summary = summarise(_series([100, 150, 150, 120, 60]))
    assert (summary.peak, summary.peak_month) == (150, date(2022, 2, 1))
    assert (summary.latest, summary.latest_month) == (60, date(2022, 5, 1))
    assert summary.change == -90
    assert summary.change_pct == -60.0
    assert sentence(summary, "Kota Pasuruan") == (
        "Register Kota Pasuruan turun 60,0 % dari puncaknya 150 orang pada Feb 2022 menjadi "
        "60 orang pada Mei 2022.")


def test_empty_series_gives_an_explaining_figure():
    assert summarise(_series([])) is None
    fig = figure(_series([]), None, "Kota Pasuruan")
    assert fig.layout.annotations[0].text == "Belum ada data untuk pilihan ini"


def test_figure_annotates_peak_and_latest_in_indonesian():
    series = _series([100, 150, 120])
    fig = figure(series, summarise(series), "Kota Pasuruan · Seluruh DTKS")
    texts = [a.text for a in fig.layout.annotations]
    assert texts == ["Puncak: 150<br>Feb 2022", "Terkini: 120<br>Mar 2022"]
    assert fig.layout.separators == ",."
