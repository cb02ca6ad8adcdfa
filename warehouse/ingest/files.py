"""File-level helpers: content hash, encoding, delimiter sniffing, XLSX to delimited text."""
from __future__ import annotations

import codecs
import csv
import hashlib
from datetime import date, datetime, time
from pathlib import Path
from typing import Callable

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


def is_utf8(path: Path) -> bool:
    """True when the whole file decodes as UTF-8 (read in blocks: files can be large)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                decoder.decode(block)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def transcode_to_utf8(path: Path, target: Path, encoding: str = "cp1252") -> None:
    """Windows-1252 (what Excel on Windows writes as 'CSV') to UTF-8; bytes cp1252 leaves
    undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become U+FFFD rather than stopping the load."""
    with open(path, encoding=encoding, errors="replace", newline="") as source, \
            open(target, "w", encoding="utf-8", newline="") as out:
        for block in iter(lambda: source.read(1 << 20), ""):
            out.write(block)


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


HEADER_SEARCH_ROWS = 30  # a title, an export date and blank rows often sit above the header


def xlsx_to_csv(path: Path, target: Path,
                is_header: Callable[[list[str]], bool]) -> tuple[str, int, str] | None:
    """The first sheet holding a header row (within its first rows) to CSV, from that row on,
    every cell as text. Returns (sheet name, header row number, the text above the header, e.g.
    a title naming the month) or None when no sheet has one."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        for sheet in book.worksheets:
            rows = sheet.iter_rows(values_only=True)
            above: list[str] = []
            for number, row in enumerate(rows, start=1):
                if number > HEADER_SEARCH_ROWS:
                    break
                cells = [_cell_text(v) for v in row]
                if not is_header(cells):
                    above += [c for c in cells if c]
                else:
                    with open(target, "w", newline="", encoding="utf-8") as handle:
                        writer = csv.writer(handle)
                        writer.writerow(cells)
                        for rest in rows:
                            writer.writerow([_cell_text(v) for v in rest])
                    return sheet.title, number, " ".join(above)
        return None
    finally:
        book.close()
