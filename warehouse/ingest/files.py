"""File-level helpers: content hash, delimiter sniffing, XLSX to delimited text."""
from __future__ import annotations

import csv
import hashlib
from datetime import date, datetime, time
from pathlib import Path

DELIMITERS = ("|", ";", "\t", ",")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def first_line(path: Path) -> str:
    with open(path, "rb") as handle:
        raw = handle.readline()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding).rstrip("\r\n")
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1").rstrip("\r\n")


def sniff_delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(counts, key=counts.get)
    return best if counts[best] > 0 else ","


def _cell_text(value) -> str:
    """Excel date cells become ISO dates (2024-11-05), not '2024-11-05 00:00:00'."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def xlsx_to_csv(path: Path, target: Path) -> None:
    """First sheet of a workbook to CSV, every cell as text (numbers as Excel shows them)."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        with open(target, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            for row in sheet.iter_rows(values_only=True):
                writer.writerow([_cell_text(v) for v in row])
    finally:
        book.close()
