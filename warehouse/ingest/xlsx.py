"""XLSX to delimited text: the first sheet holding a header row, every cell as text (as
openpyxl would give it), read with python-calamine (about 20x faster than openpyxl)."""
from __future__ import annotations

import csv
import posixpath
import re
import zipfile
from datetime import date, datetime, time
from pathlib import Path
from typing import Callable
from xml.etree import ElementTree


def _cell_text(value) -> str:
    """A cell as the text openpyxl gave it: Excel date cells become ISO dates (2024-11-05), not
    '2024-11-05 00:00:00'. calamine reads every number as a float: a whole one is written as
    openpyxl wrote its int (1500000, not 1500000.0) below 1e16; from there Excel stores it as
    1E+16 and openpyxl too read a float."""
    if value is None:
        return ""
    if value.__class__ is float:
        return str(int(value)) if value.is_integer() and -1e16 < value < 1e16 else str(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)  # str, int, bool (True/False), time (08:30:00), timedelta (1 day, 2:00:00)


HEADER_SEARCH_ROWS = 30  # a title, an export date and blank rows often sit above the header

_CELL = re.compile(r"([A-Za-z]{1,3})(\d+)$")


def _dimension(archive: zipfile.ZipFile, sheet_name: str) -> tuple[int, int] | None:
    """(last row, last column) of a sheet's <dimension ref="A1:AD2201">, or None without one.

    openpyxl's read-only mode gave every row up to the dimension's last row, each as wide as its
    last column; calamine gives only the area holding values. Padding to the dimension keeps the
    CSV (and so the rows the loader reads: blank rows below the data, empty columns) as it was."""
    def local(tag: str) -> str:
        return tag.rsplit("}", 1)[-1]

    def rels(part: str) -> dict[str, tuple[str, str]]:
        """Relationship id -> (type, part name) of a part's relationships."""
        folder, name = posixpath.split(part)
        targets = {}
        source = archive.read(posixpath.join(folder, "_rels", name + ".rels"))
        for rel in ElementTree.fromstring(source):
            target = rel.get("Target", "")
            target = (target.lstrip("/") if target.startswith("/")
                      else posixpath.normpath(posixpath.join(folder, target)))
            targets[rel.get("Id")] = (rel.get("Type", ""), target)
        return targets

    try:
        workbook = next((t for kind, t in rels("").values() if kind.endswith("/officeDocument")),
                        "xl/workbook.xml")
        sheets = {rid: t for rid, (_, t) in rels(workbook).items()}
        part = None
        for element in ElementTree.fromstring(archive.read(workbook)).iter():
            if local(element.tag) == "sheet" and element.get("name") == sheet_name:
                rid = next((v for k, v in element.attrib.items() if local(k) == "id"), None)
                part = sheets.get(rid)
                break
        if part is None:
            return None
        with archive.open(part) as source:
            for _, element in ElementTree.iterparse(source, events=("start",)):
                name = local(element.tag)
                if name == "dimension":
                    match = _CELL.match(element.get("ref", "").split(":")[-1])
                    if match is None:
                        return None
                    letters, row = match.groups()
                    column = 0
                    for letter in letters.upper():
                        column = column * 26 + ord(letter) - 64
                    return int(row), column
                if name == "sheetData":
                    return None
    except (KeyError, ElementTree.ParseError):
        return None
    return None


def xlsx_to_csv(path: Path, target: Path,
                is_header: Callable[[list[str]], bool]) -> tuple[str, int, str] | None:
    """The first sheet holding a header row (within its first rows) to CSV, from that row on,
    every cell as text. Returns (sheet name, header row number, the text above the header, e.g.
    a title naming the month) or None when no sheet has one.

    Read with calamine (Rust), many times faster than openpyxl's read-only mode, giving the CSV
    that mode gave (see _calamine_to_csv); a workbook calamine cannot read or convert (e.g. a
    duration cell too large for Python) is read with openpyxl as before."""
    from python_calamine import CalamineError

    try:
        return _calamine_to_csv(path, target, is_header)
    except (CalamineError, OverflowError, ValueError):
        return _openpyxl_to_csv(path, target, is_header)


def _calamine_to_csv(path: Path, target: Path,
                     is_header: Callable[[list[str]], bool]) -> tuple[str, int, str] | None:
    """The CSV openpyxl's read-only mode gave, about 25 times faster. calamine holds the sheet's
    values in memory (about 3 KB a row of 30 text cells: 300 MB for 100,000 rows) while Python
    converts and writes one row at a time. Each cell's text is the one openpyxl gave
    (_cell_text); rows are padded to the sheet's <dimension>, as openpyxl padded them. Without a
    dimension (some exporters leave it out) openpyxl gave each row as long as its last cell; here
    every row is as wide as the data, so a row ending in empty cells is no longer cut short (and
    rejected), and a row without values is an empty line as it was.
    Differences left, none in files Excel or the demo writes with ordinary values: an error cell
    (#N/A) is empty, text without xml:space="preserve" loses its edge spaces, _x000D_ becomes a
    carriage return, a date cell outside 1900-9999 gives its number instead of #VALUE!, and a
    dimension smaller than the data no longer cuts the data off."""
    from python_calamine import CalamineWorkbook, SheetTypeEnum

    with CalamineWorkbook.from_path(str(path)) as book:
        for index, meta in enumerate(book.sheets_metadata):
            if meta.typ not in (SheetTypeEnum.WorkSheet, SheetTypeEnum.MacroSheet,
                                SheetTypeEnum.DialogSheet):
                continue
            sheet = book.get_sheet_by_index(index)
            if sheet.start is None:  # no values at all
                continue
            # calamine's rows start at row 1 but at the first column holding a value
            lead = [""] * sheet.start[1]
            rows = sheet.iter_rows()
            above: list[str] = []
            for number, row in enumerate(rows, start=1):
                if number > HEADER_SEARCH_ROWS:
                    break
                cells = lead + [_cell_text(v) for v in row]
                if not is_header(cells):
                    above += [c for c in cells if c]
                    continue
                with zipfile.ZipFile(path) as archive:
                    dimension = _dimension(archive, meta.name)
                last_row, last_column = dimension or (0, 0)
                pad = [""] * max(0, last_column - len(cells))
                with open(target, "w", newline="", encoding="utf-8") as handle:
                    writer = csv.writer(handle)
                    writer.writerow(cells + pad)
                    written = number
                    for rest in rows:
                        written += 1
                        cells = lead + [v if v.__class__ is str else _cell_text(v) for v in rest]
                        if dimension is None and not any(cells):
                            writer.writerow(())
                        else:
                            writer.writerow(cells + pad if pad else cells)
                    if written < last_row:
                        blank = [""] * (len(cells) + len(pad))
                        writer.writerows(blank for _ in range(last_row - written))
                return meta.name, number, " ".join(above)
    return None


def _openpyxl_to_csv(path: Path, target: Path,
                     is_header: Callable[[list[str]], bool]) -> tuple[str, int, str] | None:
    """The same with openpyxl's read-only mode (about 1.5 ms a row)."""
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
