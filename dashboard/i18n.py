"""Indonesian formats: 59.521; -58,9 %; Nov 2024. Labels in Bahasa Indonesia."""
from __future__ import annotations

from datetime import date

MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
MONTHS_LONG = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
               "September", "Oktober", "November", "Desember"]

PROGRAMME_LABELS = {
    "SEMUA": "Seluruh DTKS",
    "PKH": "PKH",
    "BPNT": "Sembako/BPNT",
    "PBI_JK": "PBI-JK",
}


def fmt_int(value: int | float | None) -> str:
    if value is None:
        return "tidak ada data"
    text = f"{abs(round(value)):,}".replace(",", ".")
    return f"−{text}" if value < 0 else text


def fmt_signed_int(value: int | float) -> str:
    return fmt_int(value) if value < 0 else f"+{fmt_int(value)}"


def fmt_pct(value: float | None, decimals: int = 1) -> str:
    if value is None:
        return "tidak ada data"
    text = f"{abs(value):.{decimals}f}".replace(".", ",")
    sign = "−" if value < 0 else ""
    return f"{sign}{text} %"


def fmt_month(value: date) -> str:
    return f"{MONTHS_SHORT[value.month - 1]} {value.year}"


def fmt_month_long(value: date) -> str:
    return f"{MONTHS_LONG[value.month - 1]} {value.year}"
