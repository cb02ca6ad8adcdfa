"""File-level helpers: content hash, encoding, delimiter sniffing (XLSX: xlsx.py)."""
from __future__ import annotations

import codecs
import hashlib
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
