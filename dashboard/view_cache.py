"""Memoised callback outputs: a view (page x filters x language) is built once per published
version and role, then served from the cache (Dash's "memoization" advice). Most people open
the same few views; building their figures again costs 100-300 ms on a 2-core machine.

The key holds the published version, so a refresh invalidates every view without signalling,
and whether small cells are suppressed (tamu sees a different view from staff).

Figures are cached as plain dicts: a pickled plotly Figure validates every property again when
it is loaded, which made a warm view cost 100-300 ms; a dict loads in a millisecond and Dash
sends it unchanged."""
from __future__ import annotations

import functools
import hashlib

from dash.development.base_component import Component
from plotly.basedatatypes import BaseFigure

from dashboard import data


def cached_view(function):
    @functools.wraps(function)
    def wrapper(*args):
        path = data.published_path()
        key_parts = (function.__module__, function.__qualname__, repr(args),
                     repr(data.published_version(path)), data.suppressing())
        key = "view:" + hashlib.sha256("\x1f".join(map(str, key_parts)).encode()).hexdigest()
        cached = data.cache.get(key)
        if cached is not None:
            return cached
        value = plain_figures(function(*args))
        data.cache.set(key, value)
        return value
    return wrapper


def plain_figures(value):
    """value with every plotly Figure, also inside components (dcc.Graph), as a plain dict."""
    if isinstance(value, BaseFigure):
        return value.to_plotly_json()
    if isinstance(value, tuple | list):
        return type(value)(plain_figures(item) for item in value)
    if isinstance(value, Component):
        for component in [value, *value._traverse()]:
            if isinstance(getattr(component, "figure", None), BaseFigure):
                component.figure = component.figure.to_plotly_json()
    return value
