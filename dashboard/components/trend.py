"""Pure functions for the register trend: summary figures and the Plotly figure."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from dashboard.components.axes import indonesian_month_axis
from dashboard.i18n import fmt_int, fmt_month, fmt_pct

PALETTE = {"line": "#0072B2", "peak": "#D55E00", "latest": "#009E73", "grid": "#d9d9d9"}  # Okabe-Ito


@dataclass(frozen=True)
class TrendSummary:
    latest: int
    latest_month: date
    peak: int
    peak_month: date
    change: int
    change_pct: float | None


def summarise(trend: pd.DataFrame) -> TrendSummary | None:
    """Latest value, peak (the first month it was reached) and change from the peak."""
    if trend.empty:
        return None
    latest = trend.iloc[-1]
    peak = trend.loc[trend["persons"].idxmax()]
    change = int(latest["persons"]) - int(peak["persons"])
    change_pct = 100.0 * change / peak["persons"] if peak["persons"] else None
    return TrendSummary(int(latest["persons"]), pd.Timestamp(latest["period_month"]).date(),
                        int(peak["persons"]), pd.Timestamp(peak["period_month"]).date(),
                        change, change_pct)


def sentence(summary: TrendSummary, area_name: str, language: str = "id") -> str:
    peak, latest = fmt_int(summary.peak), fmt_int(summary.latest)
    peak_month, latest_month = fmt_month(summary.peak_month), fmt_month(summary.latest_month)
    if summary.change < 0:
        if language == "en":
            return (f"The {area_name} register fell {fmt_pct(-summary.change_pct)} from its peak of {peak} "
                    f"people in {peak_month} to {latest} people in {latest_month}.")
        return (f"Register {area_name} turun {fmt_pct(-summary.change_pct)} dari puncaknya "
                f"{peak} orang pada {peak_month} menjadi {latest} orang pada {latest_month}.")
    if language == "en":
        return f"The {area_name} register is at its peak: {latest} people in {latest_month}."
    return f"Register {area_name} berada di puncaknya: {latest} orang pada {latest_month}."


def figure(trend: pd.DataFrame, summary: TrendSummary | None, title: str) -> go.Figure:
    fig = go.Figure()
    fig.update_layout(
        title={"text": title, "x": 0.01}, template="plotly_white", separators=",.",
        margin={"l": 60, "r": 30, "t": 60, "b": 50}, height=430, showlegend=False,
        font={"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 14},
        yaxis={"title": "Jumlah orang", "rangemode": "tozero", "gridcolor": PALETTE["grid"],
               "tickformat": ",d"},
        xaxis={"title": "Bulan register"},
    )
    if summary is None:
        fig.add_annotation(text="Belum ada data untuk pilihan ini", showarrow=False,
                           xref="paper", yref="paper", x=0.5, y=0.5, font={"size": 18})
        return fig
    months = pd.to_datetime(trend["period_month"])
    labels = [fmt_month(m.date()) for m in months]
    fig.add_trace(go.Scatter(
        x=months, y=trend["persons"], mode="lines+markers", line={"color": PALETTE["line"], "width": 3},
        marker={"size": 5}, customdata=list(zip(labels, [fmt_int(v) for v in trend["persons"]],
                                                [fmt_int(v) for v in trend["families"]])),
        hovertemplate="%{customdata[0]}<br>%{customdata[1]} orang<br>%{customdata[2]} keluarga"
                      "<extra></extra>",
    ))
    for when, value, colour, label, shift in (
        (summary.peak_month, summary.peak, PALETTE["peak"], "Puncak", -40),
        (summary.latest_month, summary.latest, PALETTE["latest"], "Terkini", -40),
    ):
        fig.add_annotation(x=pd.Timestamp(when), y=value, text=f"{label}: {fmt_int(value)}<br>{fmt_month(when)}",
                           showarrow=True, arrowhead=2, ax=0, ay=shift, font={"color": colour, "size": 14},
                           bgcolor="rgba(255,255,255,0.85)", bordercolor=colour)
    return indonesian_month_axis(fig, months)
