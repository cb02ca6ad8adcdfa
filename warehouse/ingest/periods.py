"""The reporting period (month) of a file, from its name: 2024-11, 202411, Nov 2024, Desember 2022, Des-22."""
from __future__ import annotations

import re

MONTHS_ID = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "peb": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12, "may": 5,
}


def period_from_name(name: str) -> str | None:
    """'YYYY-MM' or None when the name carries no recognisable month."""
    text = name.lower()
    match = re.search(r"(20\d{2})[-_.]?(0[1-9]|1[0-2])(?!\d)", text)
    if match:
        return f"{match.group(1)}-{match.group(2)}"
    words = "|".join(sorted(MONTHS_ID, key=len, reverse=True))
    match = re.search(rf"(?<![a-z])({words})[\s_\-.]*((?:20)?\d{{2}})(?!\d)", text)
    if match:
        year = match.group(2)
        year = int(year) + 2000 if len(year) == 2 else int(year)
        return f"{year}-{MONTHS_ID[match.group(1)]:02d}"
    return None
