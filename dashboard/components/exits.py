"""Pure functions for the exits page: reasons over time, entries vs exits, peak-to-now bridge."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.components.axes import indonesian_month_axis
from dashboard.i18n import fmt_int, fmt_month

# Okabe-Ito, colour-blind safe. Reasons keep their colour on every chart; "tanpa keterangan"
# is always black so that unexplained exits stand out.
COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999"]
REASON_COLOURS = {
    "MAMPU": "#0072B2", "KELUARGA_PINDAH": "#E69F00", "DI_LUAR_DESIL": "#CC79A7",
    "ALAMAT_TIDAK_DITEMUKAN": "#56B4E9", "ASN_TNI_POLRI": "#F0E442", "MENINGGAL": "#999999",
    "NIK_TIDAK_PADAN": "#D55E00", "TANPA_KETERANGAN": "#000000", "PINDAH_WILAYAH": "#009E73",
}
OTHER_COLOUR = "#BBBBBB"
MAX_REASONS = 7
OTHER = "Lainnya"
HIDDEN = "DISAMARKAN"


def _layout(fig: go.Figure, title: str, y_title: str) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0.01}, template="plotly_white", separators=",.", height=420,
        margin={"l": 60, "r": 20, "t": 60, "b": 40}, barmode="relative",
        font={"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 13},
        yaxis={"title": y_title, "tickformat": ",d"}, legend={"orientation": "h", "y": -0.15},
    )
    return fig


def _empty(fig: go.Figure) -> go.Figure:
    fig.add_annotation(text="Belum ada data untuk pilihan ini", showarrow=False, xref="paper",
                       yref="paper", x=0.5, y=0.5, font={"size": 18})
    return fig


def _colour(reason_code: str) -> str:
    return REASON_COLOURS.get(reason_code, OTHER_COLOUR)


def top_reasons(exits: pd.DataFrame) -> pd.DataFrame:
    """Reasons per month, with all but the largest MAX_REASONS grouped as 'Lainnya'."""
    totals = exits.groupby("reason_code")["persons"].sum().sort_values(ascending=False)
    keep = set(totals.index[:MAX_REASONS])
    kept = exits["reason_code"].isin(keep)
    grouped = exits.assign(reason=exits["reason_short_label"].where(kept, OTHER),
                           code=exits["reason_code"].where(kept, OTHER))
    return grouped.groupby(["period_month", "code", "reason"], as_index=False)["persons"].sum()


def exits_figure(exits: pd.DataFrame) -> go.Figure:
    fig = _layout(go.Figure(), "Keluar dari register per bulan, menurut alasan", "Orang keluar")
    if exits.empty:
        return _empty(fig)
    grouped = top_reasons(exits)
    order = grouped.groupby(["code", "reason"])["persons"].sum().sort_values(ascending=False).index
    for code, reason in order:
        part = grouped[grouped["code"] == code]
        months = [fmt_month(pd.Timestamp(m).date()) for m in part["period_month"]]
        fig.add_trace(go.Bar(
            x=pd.to_datetime(part["period_month"]), y=part["persons"], name=reason,
            marker_color=_colour(code), customdata=list(zip(months, [fmt_int(v) for v in part["persons"]])),
            hovertemplate=f"{reason}<br>%{{customdata[0]}}: %{{customdata[1]}} orang<extra></extra>"))
    return indonesian_month_axis(fig, grouped["period_month"])


def flows_figure(flows: pd.DataFrame) -> go.Figure:
    fig = _layout(go.Figure(), "Masuk dan keluar register per bulan", "Orang")
    data = flows[~flows["is_first_period"]] if not flows.empty else flows
    if data.empty:
        return _empty(fig)
    months = pd.to_datetime(data["period_month"])
    labels = [fmt_month(m.date()) for m in months]
    fig.add_trace(go.Bar(x=months, y=data["persons_entries"], name="Masuk", marker_color=COLOURS[2],
                         customdata=list(zip(labels, [fmt_int(v) for v in data["persons_entries"]])),
                         hovertemplate="%{customdata[0]}: %{customdata[1]} masuk<extra></extra>"))
    fig.add_trace(go.Bar(x=months, y=-data["persons_exits"], name="Keluar", marker_color=COLOURS[5],
                         customdata=list(zip(labels, [fmt_int(v) for v in data["persons_exits"]])),
                         hovertemplate="%{customdata[0]}: %{customdata[1]} keluar<extra></extra>"))
    return indonesian_month_axis(fig, months)


@dataclass(frozen=True)
class Bridge:
    start_month: pd.Timestamp
    end_month: pd.Timestamp
    start: int
    entries: int
    exits_by_reason: list[tuple[str, str, int]]  # (code, short label, persons), largest first
    end: int

    @property
    def adds_up(self) -> bool:
        return self.start + self.entries - sum(v for _, _, v in self.exits_by_reason) == self.end


def bridge(flows: pd.DataFrame, exits: pd.DataFrame) -> Bridge | None:
    """From the peak month's closing stock to the latest month's, through entries and exits."""
    if flows.empty:
        return None
    peak = flows.loc[flows["persons_closing"].idxmax()]
    latest = flows.iloc[-1]
    after = flows[flows["period_month"] > peak["period_month"]]
    later_exits = exits[exits["period_month"] > peak["period_month"]]
    by_reason = (later_exits.groupby(["reason_code", "reason_short_label"])["persons"].sum()
                 .sort_values(ascending=False))
    parts = [(code, label, int(value)) for (code, label), value in by_reason.iloc[:MAX_REASONS - 1].items()]
    rest = int(by_reason.iloc[MAX_REASONS - 1:].sum())
    if rest:
        parts.append((OTHER, OTHER, rest))
    start, entries, end = int(peak["persons_closing"]), int(after["persons_entries"].sum()), int(latest["persons_closing"])
    # cells under 10 hidden from a visiting agency: their total still closes the bridge
    hidden = start + entries - end - sum(value for _, _, value in parts)
    if hidden > 0 and later_exits["persons"].isna().any():
        parts.append((HIDDEN, "Disamarkan (<10 per sel)", hidden))
    return Bridge(pd.Timestamp(peak["period_month"]), pd.Timestamp(latest["period_month"]), start, entries, parts, end)


def bridge_figure(result: Bridge | None) -> go.Figure:
    fig = _layout(go.Figure(), "Dari puncak ke kini: jembatan stok dan arus", "Orang")
    if result is None:
        return _empty(fig)
    start = f"Puncak {fmt_month(result.start_month.date())}"
    end = f"Kini {fmt_month(result.end_month.date())}"
    labels = [start, "Masuk"] + [label for _, label, _ in result.exits_by_reason] + [end]
    values = [result.start, result.entries] + [-v for _, _, v in result.exits_by_reason] + [result.end]
    measures = ["absolute", "relative"] + ["relative"] * len(result.exits_by_reason) + ["total"]
    fig.add_trace(go.Waterfall(
        x=labels, y=values, measure=measures, text=[fmt_int(v) for v in values],
        textposition="outside", connector={"line": {"color": "#999"}},
        increasing={"marker": {"color": COLOURS[2]}}, decreasing={"marker": {"color": COLOURS[5]}},
        totals={"marker": {"color": COLOURS[0]}}, hoverinfo="skip"))
    fig.update_layout(showlegend=False, height=440)
    return fig
