"""Month arithmetic for the demo's story: month index 0 is January 2021."""
from __future__ import annotations

import re

FIRST_YEAR = 2021
STORY_END = 46  # November 2024, the story's "now" (59,521 people in the register)
VERVAL_START = 21  # October 2022: field verification (verval) begins
HORIZON = 72  # the simulation always runs to December 2026 so earlier months never change


def month_label(m: int) -> str:
    """Month index to 'YYYY-MM'."""
    return f"{FIRST_YEAR + m // 12}-{m % 12 + 1:02d}"


def month_index(label: str) -> int:
    """'YYYY-MM' to month index; raises ValueError with the expected form."""
    match = re.fullmatch(r"(\d{4})-(\d{2})", label)
    if not match:
        raise ValueError(f"bulan '{label}' tidak dikenali; gunakan bentuk YYYY-MM, mis. 2024-11")
    year, month = int(match.group(1)), int(match.group(2))
    m = (year - FIRST_YEAR) * 12 + month - 1
    if not 1 <= month <= 12 or not 0 <= m < HORIZON:
        raise ValueError(f"bulan '{label}' di luar rentang data demo 2021-01 s.d. 2026-12")
    return m
