"""Pure functions for the verval page: headline figures, monthly chart, enumerator table."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.components.axes import indonesian_month_axis
from dashboard.i18n import fmt_int, fmt_month, fmt_pct


def _share(part: float, whole: float) -> float | None:
    return 100.0 * part / whole if whole else None


@dataclass(frozen=True)
class VervalSummary:
    assessed: int
    not_eligible: int
    not_eligible_pct: float | None
    removed_3m_pct: float | None
    still_registered: int
    with_photo_pct: float | None
    with_gps_pct: float | None


def summarise(monthly: pd.DataFrame) -> VervalSummary | None:
    if monthly.empty:
        return None
    total = monthly.sum(numeric_only=True)
    return VervalSummary(
        int(total["households_assessed"]), int(total["households_not_eligible"]),
        _share(total["households_not_eligible"], total["households_assessed"]),
        _share(total["not_eligible_removed_3m"], total["households_not_eligible"]),
        int(total["not_eligible_still_registered"]),
        _share(total["households_with_photo"], total["households_assessed"]),
        _share(total["households_with_gps_point"], total["households_assessed"]),
    )


def monthly_figure(monthly: pd.DataFrame) -> go.Figure:
    fig = go.Figure()
    fig.update_layout(
        title={"text": "Rumah tangga dikunjungi per bulan, menurut keputusan", "x": 0.01},
        template="plotly_white", separators=",.", height=400, barmode="stack",
        margin={"l": 60, "r": 20, "t": 60, "b": 40}, legend={"orientation": "h", "y": -0.15},
        yaxis={"title": "Rumah tangga", "tickformat": ",d"},
        font={"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 13})
    if monthly.empty:
        fig.add_annotation(text="Belum ada data kunjungan untuk pilihan ini", showarrow=False,
                           xref="paper", yref="paper", x=0.5, y=0.5, font={"size": 18})
        return fig
    months = pd.to_datetime(monthly["visit_month"])
    labels = [fmt_month(m.date()) for m in months]
    for column, name, colour in (("households_not_eligible", "Tidak layak", "#D55E00"),
                                 ("households_eligible", "Layak", "#0072B2")):
        fig.add_trace(go.Bar(x=months, y=monthly[column], name=name, marker_color=colour,
                             customdata=list(zip(labels, [fmt_int(v) for v in monthly[column]])),
                             hovertemplate=f"%{{customdata[0]}}: %{{customdata[1]}} {name.lower()}<extra></extra>"))
    return indonesian_month_axis(fig, months)


def enumerator_table(enumerators: pd.DataFrame) -> pd.DataFrame:
    """Per enumerator, formatted for display (Indonesian headers and number formats)."""
    rows = []
    for row in enumerators.itertuples():
        rows.append({
            "Petugas": row.enumerator_code,
            "Dikunjungi": fmt_int(row.households_assessed),
            "Tidak layak": fmt_pct(_share(row.households_not_eligible, row.households_assessed)),
            "Dikeluarkan ≤ 3 bln": fmt_pct(_share(row.not_eligible_removed_3m, row.households_not_eligible)),
            "Masih terdaftar meski tidak layak": fmt_int(row.not_eligible_still_registered),
            "Ada foto": fmt_pct(_share(row.households_with_photo, row.households_assessed)),
            "Ada titik GPS": fmt_pct(_share(row.households_with_gps_point, row.households_assessed)),
        })
    return pd.DataFrame(rows)


def reasons_figure(reasons: pd.DataFrame) -> go.Figure:
    """Households decided "tidak layak", by reason, largest at the top."""
    fig = go.Figure()
    fig.update_layout(
        title={"text": "Alasan keputusan tidak layak", "x": 0.01}, template="plotly_white",
        separators=",.", height=400, margin={"l": 170, "r": 20, "t": 60, "b": 40},
        xaxis={"title": "Rumah tangga", "tickformat": ",d"},
        font={"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 13})
    if reasons.empty:
        fig.add_annotation(text="Belum ada keputusan tidak layak", showarrow=False, xref="paper",
                           yref="paper", x=0.5, y=0.5, font={"size": 18})
        return fig
    ordered = reasons.sort_values("households")
    fig.add_trace(go.Bar(
        x=ordered["households"], y=ordered["reason_short_label"], orientation="h", marker_color="#D55E00",
        text=[fmt_int(v) for v in ordered["households"]], textposition="auto",
        hovertemplate="%{y}: %{text} rumah tangga<extra></extra>"))
    return fig
