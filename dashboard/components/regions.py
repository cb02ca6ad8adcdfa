"""Pure functions for comparing kab/kota: register size and share on calendar time and on time
since verval began, with BPS poverty beside each; and the comparison table."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.components.axes import indonesian_month_axis
from dashboard.components.targeting import count, share
from dashboard.i18n import fmt_month, fmt_pct

COLOURS = ["#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999"]
FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 13}


def _layout(title: str, y_title: str, x_title: str, height: int = 400) -> go.Figure:
    fig = go.Figure()
    fig.update_layout(title={"text": title, "x": 0.01}, template="plotly_white", separators=",.", height=height,
                      margin={"l": 70, "r": 20, "t": 60, "b": 50}, font=FONT, legend={"orientation": "h", "y": -0.2},
                      yaxis={"title": y_title, "rangemode": "tozero"}, xaxis={"title": x_title})
    return fig


def _empty(fig: go.Figure, text: str) -> go.Figure:
    fig.add_annotation(text=text, showarrow=False, xref="paper", yref="paper", x=0.5, y=0.5, font={"size": 16})
    return fig


def _colours(monthly: pd.DataFrame) -> dict[str, str]:
    codes = list(dict.fromkeys(monthly["kabkota_code"]))
    return {code: COLOURS[i % len(COLOURS)] for i, code in enumerate(codes)}


def size_figure(monthly: pd.DataFrame) -> go.Figure:
    fig = _layout("Jumlah orang dalam register", "Orang", "Bulan register")
    if monthly.empty:
        return _empty(fig, "belum ada data untuk periode ini")
    colours = _colours(monthly)
    for code, rows in monthly.groupby("kabkota_code", sort=False):
        months = pd.to_datetime(rows["period_month"])
        fig.add_trace(go.Scatter(
            x=months, y=rows["register_persons"], mode="lines", name=rows["kabkota_name"].iloc[0],
            line={"color": colours[code], "width": 3},
            customdata=[[fmt_month(m.date()), count(v), s] for m, v, s in
                        zip(months, rows["register_persons"], rows["register_source"])],
            hovertemplate=f"{rows['kabkota_name'].iloc[0]}<br>%{{customdata[0]}}: %{{customdata[1]}} orang "
                          "(%{customdata[2]})<extra></extra>"))
    fig.update_yaxes(tickformat=",d")
    return indonesian_month_axis(fig, monthly["period_month"])


def share_figure(monthly: pd.DataFrame, since_verval: bool = False) -> go.Figure:
    """Register share (solid) and BPS P0 of the same year (dotted), per kab/kota."""
    x_title = "Bulan sejak verval dimulai" if since_verval else "Bulan register"
    title = ("Porsi penduduk dalam register, menurut lama sejak verval dimulai" if since_verval
             else "Porsi penduduk dalam register dan angka kemiskinan BPS (P0)")
    fig = _layout(title, "% penduduk", x_title)
    data = monthly.dropna(subset=["months_since_verval_start"]) if since_verval else monthly
    if data.empty:
        return _empty(fig, "Belum ada bulan mulai verval untuk wilayah terpilih" if since_verval
                      else "belum ada data untuk periode ini")
    colours = _colours(monthly)
    for code, rows in data.groupby("kabkota_code", sort=False):
        name = rows["kabkota_name"].iloc[0]
        x = rows["months_since_verval_start"] if since_verval else pd.to_datetime(rows["period_month"])
        labels = [fmt_month(pd.Timestamp(m).date()) for m in rows["period_month"]]
        fig.add_trace(go.Scatter(
            x=x, y=100 * rows["register_share"], mode="lines", name=name, line={"color": colours[code], "width": 3},
            customdata=[[lbl, share(s, 1), count(r), count(n)] for lbl, s, r, n in zip(
                labels, rows["register_share"], rows["register_persons"], rows["population"])],
            hovertemplate=f"{name}<br>%{{customdata[0]}}: %{{customdata[1]}} = %{{customdata[2]}} ÷ "
                          "%{customdata[3]} penduduk<extra></extra>"))
        if not since_verval and rows["p0_pct"].notna().any():
            fig.add_trace(go.Scatter(
                x=x, y=rows["p0_pct"], mode="lines", name=f"P0 BPS {name}", line={"color": colours[code], "dash": "dot"},
                customdata=[[str(ref), fmt_pct(p, 2) if pd.notna(p) else "tidak ada data"]
                            for ref, p in zip(rows["poverty_reference"], rows["p0_pct"])],
                hovertemplate=f"P0 {name}, BPS %{{customdata[0]}}: %{{customdata[1]}}<extra></extra>"))
    fig.update_yaxes(ticksuffix=" %")
    if since_verval:
        fig.add_vline(x=0, line_dash="dash", line_color="#444444")
        return fig
    return indonesian_month_axis(fig, data["period_month"])


def comparison_table(monthly: pd.DataFrame) -> pd.DataFrame:
    """Latest month of each chosen kab/kota, side by side."""
    rows = []
    for _, region in monthly.groupby("kabkota_code", sort=False):
        last = region.iloc[-1]
        peak = region.loc[region["register_persons"].idxmax()]
        poverty = region.dropna(subset=["p0_pct"])
        rows.append({
            "Kab/kota": last["kabkota_name"],
            "Bulan terakhir": fmt_month(pd.Timestamp(last["period_month"]).date()),
            "Register": count(last["register_persons"]),
            "Puncak (bulan)": f"{count(peak['register_persons'])} ({fmt_month(pd.Timestamp(peak['period_month']).date())})",
            "Porsi penduduk": share(last["register_share"], 1),
            "P0 BPS terakhir": (f"{fmt_pct(poverty.iloc[-1]['p0_pct'], 2)} ({poverty.iloc[-1]['poverty_reference']})"
                                if len(poverty) else "tidak ada data"),
            "Verval dimulai": (fmt_month(pd.Timestamp(last["verval_start_month"]).date())
                               if pd.notna(last["verval_start_month"]) else "tidak diketahui"),
            "Sumber register": last["register_source"],
        })
    return pd.DataFrame(rows)
