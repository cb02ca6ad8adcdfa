"""A source is stale when its newest month ended more than 45 days ago."""
from __future__ import annotations

from datetime import date

import pandas as pd

from dashboard.components import freshness


def test_a_source_is_stale_once_its_next_month_is_overdue(monkeypatch):
    files = pd.DataFrame({"kind": ["dtks", "aggregates", "assessments"],
                          "newest_period": ["2024-11", "2024-10", None]})
    # November ends on the 30th: 45 days later is 14 January
    on_time = {a.kind: a.is_stale for a in freshness.ages(files, today=date(2025, 1, 14))}
    assert on_time == {"dtks": False, "aggregates": True}
    late = {a.kind: a.is_stale for a in freshness.ages(files, today=date(2025, 1, 15))}
    assert late == {"dtks": True, "aggregates": True}
    monkeypatch.setenv("PANTAU_STALE_AFTER_DAYS", "90")
    assert not freshness.ages(files, today=date(2025, 1, 15))[0].is_stale
