"""The field-visit map without a tile server: points on longitude/latitude axes with equal
scale, coloured by decision, kelurahan names at the median of their points, far points marked."""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from dashboard.i18n import fmt_int, fmt_month

# drawn in this order: the rarer "layak" on top of "tidak layak"
DECISION_COLOURS = {"tidak layak": "#D55E00", "layak": "#0072B2"}
FAR_ROWS_SHOWN = 15
FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 13}


def figure(points: pd.DataFrame, title: str) -> go.Figure:
    fig = go.Figure()
    fig.update_layout(title={"text": title, "x": 0.01}, template="plotly_white", height=640, font=FONT,
                      margin={"l": 60, "r": 20, "t": 60, "b": 50}, legend={"orientation": "h", "y": -0.08},
                      xaxis={"title": "Bujur", "showgrid": True, "zeroline": False},
                      yaxis={"title": "Lintang", "showgrid": True, "zeroline": False})
    if points.empty:
        fig.add_annotation(text="belum ada data untuk periode ini", showarrow=False, xref="paper", yref="paper",
                           x=0.5, y=0.5, font={"size": 16})
        return fig
    months = [fmt_month(pd.Timestamp(m).date()) for m in points["visit_month"]]
    points = points.assign(month_label=months)
    for decision, colour in DECISION_COLOURS.items():
        subset = points[points["decision"] == decision]
        fig.add_trace(go.Scattergl(
            x=subset["longitude"], y=subset["latitude"], mode="markers", name=decision.capitalize(),
            marker={"color": colour, "size": 4, "opacity": 0.5},
            customdata=subset[["kelurahan_name", "month_label"]].to_numpy(),
            hovertemplate="%{customdata[0]} · %{customdata[1]}<extra>" + decision + "</extra>"))
    far = points[points["is_far_from_kelurahan"]]
    if len(far):
        fig.add_trace(go.Scattergl(
            x=far["longitude"], y=far["latitude"], mode="markers", name="Jauh dari kelurahannya",
            marker={"symbol": "x-thin", "size": 9, "color": "#000000", "line": {"width": 1.5, "color": "#000000"}},
            customdata=far[["kelurahan_name", "month_label", "distance_from_centre_m"]].to_numpy(),
            hovertemplate="%{customdata[0]} · %{customdata[1]}<br>%{customdata[2]:,.0f} m dari pusat kelurahan"
                          "<extra>jauh</extra>"))
    centres = points.groupby("kelurahan_name")[["longitude", "latitude"]].median().reset_index()
    fig.add_trace(go.Scatter(x=centres["longitude"], y=centres["latitude"], mode="text", text=centres["kelurahan_name"],
                             textfont={"size": 10, "color": "#333333"}, name="Kelurahan", hoverinfo="skip"))
    # one degree of longitude is shorter than one of latitude by cos(latitude)
    fig.update_yaxes(scaleanchor="x", scaleratio=1 / math.cos(math.radians(points["latitude"].median())))
    return fig


def summary_text(points: pd.DataFrame) -> str:
    if points.empty:
        return "Belum ada kunjungan bertitik GPS untuk pilihan ini."
    far = int(points["is_far_from_kelurahan"].sum())
    not_eligible = int((points["decision"] == "tidak layak").sum())
    return (f"{fmt_int(len(points))} kunjungan bertitik GPS, {fmt_int(not_eligible)} tidak layak; "
            f"{fmt_int(far)} titik lebih dari 1,5 km dari pusat kelurahannya (ditandai ×).")


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
