"""The exits page's pure functions on a hand-made series."""
from __future__ import annotations

import pandas as pd

from dashboard.components.exits import OTHER, bridge, bridge_figure, top_reasons

MONTHS = pd.date_range("2022-09-01", periods=4, freq="MS")
FLOWS = pd.DataFrame({
    "period_month": MONTHS,
    "persons_opening": [100, 100, 120, 90],
    "persons_entries": [0, 25, 5, 2],
    "persons_exits": [0, 5, 35, 12],
    "persons_closing": [100, 120, 90, 80],
    "is_first_period": [True, False, False, False],
})
EXITS = pd.DataFrame({
    "period_month": [MONTHS[1], MONTHS[2], MONTHS[2], MONTHS[3], MONTHS[3]],
    "reason_code": ["TANPA_KETERANGAN", "MAMPU", "TANPA_KETERANGAN", "MAMPU", "MENOLAK"],
    "reason_short_label": ["Tanpa keterangan", "Mampu", "Tanpa keterangan", "Mampu", "Menolak didata"],
    "persons": [5, 30, 5, 10, 2],
})


def test_bridge_starts_at_the_peak_and_adds_up():
    result = bridge(FLOWS, EXITS)
    assert (result.start, result.end) == (120, 80)
    assert result.start_month == MONTHS[1]
    assert result.entries == 7  # entries after the peak month only
    assert result.exits_by_reason == [("MAMPU", "Mampu", 40), ("TANPA_KETERANGAN", "Tanpa keterangan", 5),
                                      ("MENOLAK", "Menolak didata", 2)]
    assert result.adds_up


def test_bridge_figure_labels_ends_with_months():
    fig = bridge_figure(bridge(FLOWS, EXITS))
    assert list(fig.data[0].x) == ["Puncak Okt 2022", "Masuk", "Mampu", "Tanpa keterangan",
                                   "Menolak didata", "Kini Des 2022"]
    assert list(fig.data[0].y) == [120, 7, -40, -5, -2, 80]


def test_small_reasons_are_grouped():
    many = pd.DataFrame({
        "period_month": [MONTHS[1]] * 9,
        "reason_code": [f"R{i}" for i in range(9)],
        "reason_short_label": [f"Alasan {i}" for i in range(9)],
        "persons": [90, 80, 70, 60, 50, 40, 30, 2, 1],
    })
    grouped = top_reasons(many)
    assert len(grouped) == 8
    assert grouped.loc[grouped["reason"] == OTHER, "persons"].item() == 3
