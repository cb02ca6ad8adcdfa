"""How old each source's newest data is: a source is stale when its newest month ended more than
PANTAU_STALE_AFTER_DAYS (45) days ago, i.e. the next monthly export is overdue."""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from dashboard.i18n import fmt_month


def stale_after_days() -> int:
    return int(os.environ.get("PANTAU_STALE_AFTER_DAYS", "45"))


@dataclass(frozen=True)
class SourceAge:
    kind: str
    newest_month: date
    is_stale: bool

    @property
    def text(self) -> str:
        return fmt_month(self.newest_month)


def month_end(month: date) -> date:
    return (pd.Timestamp(month) + pd.offsets.MonthEnd(0)).date()


def ages(freshness: pd.DataFrame, today: date | None = None) -> list[SourceAge]:
    """One entry per source kind with a newest period, from data.source_freshness()."""
    today = today or date.today()
    limit = timedelta(days=stale_after_days())
    found = []
    for row in freshness.itertuples():
        if not isinstance(row.newest_period, str) or not row.newest_period:
            continue  # a kind with no file loaded yet
        newest = pd.Timestamp(f"{row.newest_period}-01").date()
        found.append(SourceAge(row.kind, newest, today - month_end(newest) > limit))
    return found
