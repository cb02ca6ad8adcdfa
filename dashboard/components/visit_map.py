"""The field-visit map without a tile server: on longitude/latitude axes with equal scale, one
marker per rounded point (about 110 m) and decision, sized by its visits; kelurahan names at the
median of their points; far points marked one by one."""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from dashboard.i18n import fmt_int, fmt_month

# drawn in this order: the rarer "layak" on top of "tidak layak"
DECISION_COLOURS = {"tidak layak": "#D55E00", "layak": "#0072B2"}
FAR_ROWS_SHOWN = 15
FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 13}


def figure(cells: pd.DataFrame, far: pd.DataFrame, centres: pd.DataFrame, title: str) -> go.Figure:
    """cells: visits per rounded point and decision (data.visit_cells); far: the far visits;
    centres: where each kelurahan's name goes."""
    fig = go.Figure()
    fig.update_layout(title={"text": title, "x": 0.01}, template="plotly_white", height=640, font=FONT,
                      margin={"l": 60, "r": 20, "t": 60, "b": 50}, legend={"orientation": "h", "y": -0.08},
                      xaxis={"title": "Bujur", "showgrid": True, "zeroline": False},
                      yaxis={"title": "Lintang", "showgrid": True, "zeroline": False})
    if cells.empty:
        fig.add_annotation(text="belum ada data untuk periode ini", showarrow=False, xref="paper", yref="paper",
                           x=0.5, y=0.5, font={"size": 16})
        return fig
    cells = cells.assign(months=_month_ranges(cells["first_month"], cells["last_month"]))
    for decision, colour in DECISION_COLOURS.items():
        subset = cells[cells["decision"] == decision]
        fig.add_trace(go.Scattergl(
            x=subset["longitude"], y=subset["latitude"], mode="markers", name=decision.capitalize(),
            marker={"color": colour, "size": marker_sizes(subset["visits"]), "opacity": 0.5},
            customdata=subset[["kelurahan_name", "visits", "months"]].to_numpy(),
            hovertemplate="%{customdata[0]} · %{customdata[1]:,} kunjungan · %{customdata[2]}<extra>"
                          + decision + "</extra>"))
    if len(far):
        far = far.assign(month_label=[fmt_month(pd.Timestamp(m).date()) for m in far["visit_month"]])
        fig.add_trace(go.Scattergl(
            x=far["longitude"], y=far["latitude"], mode="markers", name="Jauh dari kelurahannya",
            marker={"symbol": "x-thin", "size": 9, "color": "#000000", "line": {"width": 1.5, "color": "#000000"}},
            customdata=far[["kelurahan_name", "month_label", "distance_from_centre_m"]].to_numpy(),
            hovertemplate="%{customdata[0]} · %{customdata[1]}<br>%{customdata[2]:,.0f} m dari pusat kelurahan"
                          "<extra>jauh</extra>"))
    fig.add_trace(go.Scatter(x=centres["longitude"], y=centres["latitude"], mode="text", text=centres["kelurahan_name"],
                             textfont={"size": 10, "color": "#333333"}, name="Kelurahan", hoverinfo="skip"))
    # one degree of longitude is shorter than one of latitude by cos(latitude)
    fig.update_yaxes(scaleanchor="x", scaleratio=1 / math.cos(math.radians(centres["latitude"].median())))
    return fig


def marker_sizes(visits: pd.Series) -> list[float]:
    """Marker diameter in px: 4 for one visit, growing with the square root (area ~ visits), at most 16."""
    return [min(16.0, 3.0 + math.sqrt(n)) for n in visits.astype(float)]


def _month_ranges(first: pd.Series, last: pd.Series) -> list[str]:
    labels = {m: fmt_month(pd.Timestamp(m).date()) for m in set(first) | set(last)}  # few distinct months
    return [labels[a] if a == b else f"{labels[a]} – {labels[b]}" for a, b in zip(first, last)]


def summary_text(cells: pd.DataFrame, far: pd.DataFrame) -> str:
    if cells.empty:
        return "Belum ada kunjungan bertitik GPS untuk pilihan ini."
    visits = int(cells["visits"].sum())
    not_eligible = int(cells.loc[cells["decision"] == "tidak layak", "visits"].sum())
    return (f"{fmt_int(visits)} kunjungan bertitik GPS, {fmt_int(not_eligible)} tidak layak; "
            f"{fmt_int(len(far))} titik lebih dari 1,5 km dari pusat kelurahannya (ditandai ×).")


def far_table(points: pd.DataFrame, limit: int = FAR_ROWS_SHOWN) -> pd.DataFrame:
    """The farthest points first (at most limit rows; the download has them all)."""
    if points.empty:  # an empty object column would index columns, not rows
        return pd.DataFrame()
    far = points[points["is_far_from_kelurahan"].astype(bool)].sort_values(
        "distance_from_centre_m", ascending=False).head(limit)
    return pd.DataFrame([{
        "Kelurahan": row.kelurahan_name, "Bulan kunjungan": fmt_month(pd.Timestamp(row.visit_month).date()),
        "Keputusan": row.decision, "Jarak dari pusat kelurahan": f"{fmt_int(row.distance_from_centre_m)} m",
    } for row in far.itertuples()])
