"""The view's filters in the URL, so a view can be bookmarked and shared.

Filters live in the fragment (#wilayah=35.75.01&program=PKH&dari=2023-01&sampai=2024-11):
changing them never reloads the page. The language lives in the query (?bahasa=en), because
switching it re-renders the page's text.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from urllib.parse import parse_qs, urlencode

KEYS = {"area": "wilayah", "programme": "program", "start": "dari", "end": "sampai"}
LANGUAGES = ("id", "en")


@dataclass(frozen=True)
class ViewState:
    area: str | None = None
    programme: str = "SEMUA"
    start: str | None = None  # 'YYYY-MM'
    end: str | None = None


def encode(state: ViewState) -> str:
    pairs = [(KEYS[name], value) for name, value in asdict(state).items() if value]
    return "#" + urlencode(pairs, safe=".-") if pairs else ""


def parse(fragment: str | None, valid: dict[str, set[str]], default: ViewState) -> ViewState:
    """Read the fragment; anything unknown or invalid falls back to the default."""
    values = parse_qs((fragment or "").lstrip("#"))
    state = default
    for name, key in KEYS.items():
        given = values.get(key, [None])[0]
        if given is not None and given in valid.get(name, set()):
            state = replace(state, **{name: given})
    if state.start and state.end and state.start > state.end:
        state = replace(state, start=state.end, end=state.start)
    return state


def language(search: str | None) -> str:
    chosen = parse_qs((search or "").lstrip("?")).get("bahasa", ["id"])[0]
    return chosen if chosen in LANGUAGES else "id"


def search_for(language_code: str) -> str:
    return "" if language_code == "id" else f"?bahasa={language_code}"
