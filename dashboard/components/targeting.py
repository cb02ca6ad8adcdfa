"""Pure functions for the Ketepatan Sasaran page: the scatter, the own region over time,
figure cards with their numerator, denominator, benchmark and source, and the tables."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.components.axes import indonesian_month_axis
from dashboard.i18n import fmt_int, fmt_month, fmt_pct

# Okabe-Ito: distinguishable with colour-blindness and on a projector
OWN, HIGHLIGHT, OTHERS, TARGET, FIT, DIAGONAL = "#D55E00", "#009E73", "#56B4E9", "#E69F00", "#0072B2", "#444444"
FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 13}
NO_DATA = "tidak ada data"


def _missing(value) -> bool:
    return value is None or pd.isna(value)


def share(value: float | None, decimals: int = 1) -> str:
    """A fraction (0.2788) as an Indonesian percentage (27,9 %)."""
    return NO_DATA if _missing(value) else fmt_pct(100 * value, decimals)


def ratio(value: float | None) -> str:
    return NO_DATA if _missing(value) else f"{value:.1f}".replace(".", ",") + "×"


def count(value: float | None) -> str:
    return NO_DATA if _missing(value) else fmt_int(value)


def register_when(row) -> str:
    return NO_DATA if _missing(row.register_month) else fmt_month(pd.Timestamp(row.register_month).date())


@dataclass(frozen=True)
class FigureCard:
    title: str
    value: str
    detail: str
    tooltip: str  # numerator, denominator, benchmark and source


def _population_text(row) -> str:
    return f"{count(row.population)} penduduk ({row.population_source}; {row.population_reference})"


def _poor_text(row) -> str:
    if _missing(row.poor_persons):
        return f"penduduk miskin: {NO_DATA}"
    return f"{count(row.poor_persons)} penduduk miskin ({row.poor_persons_basis}, BPS {row.poverty_reference})"


def _register_text(row) -> str:
    if _missing(row.register_persons):
        return f"register: {NO_DATA}"
    return f"{count(row.register_persons)} orang di register {register_when(row)} ({row.register_source})"


def area_cards(row) -> list[FigureCard]:
    """The headline targeting figures of one kab/kota, each saying how it was computed."""
    target = f"sasaran program {share(row.target_share, 0)} penduduk = {count(row.target_persons)} orang"
    source = f"Sumber kemiskinan: {row.poverty_citation}" if not _missing(row.poverty_citation) else \
        f"Sumber kemiskinan: {NO_DATA}"
    return [
        FigureCard("Penduduk dalam register", share(row.register_share, 2),
                   f"{count(row.register_persons)} terdaftar ({register_when(row)}) ÷ {count(row.population)} penduduk",
                   f"Pembilang: {_register_text(row)}. Penyebut: {_population_text(row)}."),
        FigureCard("Angka kemiskinan BPS (P0)", NO_DATA if _missing(row.p0_pct) else fmt_pct(row.p0_pct, 2),
                   f"BPS {row.poverty_reference}" if not _missing(row.poverty_reference) else NO_DATA,
                   f"Persentase penduduk di bawah garis kemiskinan (Susenas Maret). {_poor_text(row)}. {source}."),
        FigureCard("Rasio cakupan", ratio(row.coverage_ratio), "terdaftar per penduduk miskin BPS",
                   f"Pembilang: {_register_text(row)}. Penyebut: {_poor_text(row)}. "
                   f"Patokan: penduduk miskin BPS. Terhadap {target}: {ratio(row.coverage_ratio_target)}."),
        FigureCard("Kebocoran minimum", share(row.min_leakage_poor),
                   f"terhadap penduduk miskin BPS; terhadap sasaran 40 %: {share(row.min_leakage_target)}",
                   f"Batas bawah Fréchet maks(0, (R − P) / R): setidaknya sekian bagian dari yang terdaftar "
                   f"tidak termasuk penduduk miskin BPS. R = {_register_text(row)}; P = {_poor_text(row)}. "
                   f"Patokan kedua, {target}: {share(row.min_leakage_target)}. {source}."),
        FigureCard("Kekurangan cakupan minimum", share(row.min_undercoverage_poor),
                   f"penduduk miskin BPS; sasaran 40 %: {share(row.min_undercoverage_target)}",
                   f"Batas bawah Fréchet maks(0, (P − R) / P). R = {_register_text(row)}; P = {_poor_text(row)}. "
                   f"Terhadap {target}: {share(row.min_undercoverage_target)}."),
    ]


def _layout(fig: go.Figure, title: str, height: int = 460) -> go.Figure:
    fig.update_layout(title={"text": title, "x": 0.01}, template="plotly_white", separators=",.",
                      height=height, margin={"l": 70, "r": 20, "t": 60, "b": 50}, font=FONT,
                      legend={"orientation": "h", "y": -0.18})
    return fig


def _empty(fig: go.Figure, text: str) -> go.Figure:
    fig.add_annotation(text=text, showarrow=False, xref="paper", yref="paper", x=0.5, y=0.5, font={"size": 18})
    return fig


def _hover_rows(frame: pd.DataFrame) -> list[list[str]]:
    return [[row.kabkota_name, count(row.register_persons), register_when(row), count(row.population),
             fmt_pct(row.p0_pct, 2), str(row.poverty_reference), share(row.register_share, 2),
             share(row.min_leakage_poor), share(row.min_leakage_target)] for row in frame.itertuples()]


HOVER = ("<b>%{customdata[0]}</b><br>Register: %{customdata[1]} orang (%{customdata[2]})"
         "<br>÷ %{customdata[3]} penduduk = %{customdata[6]}"
         "<br>P0 BPS %{customdata[5]}: %{customdata[4]}"
         "<br>Kebocoran minimum: %{customdata[7]} (miskin BPS), %{customdata[8]} (sasaran 40 %)<extra></extra>")


def scatter_figure(areas: pd.DataFrame, highlight_code: str | None, fit: dict | None,
                   target_share: float, title: str) -> go.Figure:
    """Register share against P0 for every kab/kota, with the 45° line, the target-share line
    and the Ravallion fit; the own region and the chosen kab/kota are labelled."""
    fig = _layout(go.Figure(), title, height=520)
    plotted = areas.dropna(subset=["register_share", "p0_pct"])
    if plotted.empty:
        return _empty(fig, "Belum ada data untuk perbandingan ini")
    plotted = plotted.assign(share_pct=100 * plotted["register_share"])
    groups = (("Kab/kota lain", ~plotted["is_own_region"] & (plotted["kabkota_code"] != highlight_code), OTHERS, 10),
              ("Wilayah sendiri", plotted["is_own_region"], OWN, 16),
              ("Disorot", ~plotted["is_own_region"] & (plotted["kabkota_code"] == highlight_code), HIGHLIGHT, 16))
    for name, mask, colour, size in groups:
        subset = plotted[mask]
        if subset.empty:
            continue
        labelled = name != "Kab/kota lain"
        fig.add_trace(go.Scatter(
            x=subset["p0_pct"], y=subset["share_pct"], mode="markers+text" if labelled else "markers",
            name=name if not labelled else subset["kabkota_name"].iloc[0], text=subset["kabkota_name"] if labelled else None,
            textposition="top center", marker={"color": colour, "size": size, "line": {"color": "white", "width": 1}},
            customdata=_hover_rows(subset), hovertemplate=HOVER))
    top = max(plotted["p0_pct"].max(), plotted["share_pct"].max(), 100 * target_share) * 1.08
    right = plotted["p0_pct"].max() * 1.2  # room for the labels of the rightmost points
    fig.add_trace(go.Scatter(x=[0, min(top, right)], y=[0, min(top, right)], mode="lines", name="Register = P0 (garis 45°)",
                             line={"color": DIAGONAL, "dash": "dash", "width": 1.5}, hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=[0, right], y=[100 * target_share] * 2, mode="lines",
                             name=f"Sasaran program {share(target_share, 0)} penduduk",
                             line={"color": TARGET, "dash": "dot", "width": 2.5}, hoverinfo="skip"))
    if fit:
        xs = [0, right]
        fig.add_trace(go.Scatter(x=xs, y=[100 * (fit["intercept"] + fit["slope"] * x / 100) for x in xs],
                                 mode="lines", name="Garis Ravallion (tertimbang penduduk)",
                                 line={"color": FIT, "width": 1.5}, hoverinfo="skip"))
    fig.update_xaxes(title="Angka kemiskinan BPS, P0 (% penduduk)", range=[0, right], ticksuffix=" %")
    fig.update_yaxes(title="Penduduk dalam register (% penduduk)", range=[0, max(top, 100 * target_share + 5)],
                     ticksuffix=" %")
    return fig


def own_region_figure(monthly: pd.DataFrame, region_name: str) -> go.Figure:
    """Minimum leakage against both benchmarks, and the coverage ratio, month by month."""
    fig = _layout(go.Figure(), f"{region_name}: kebocoran minimum dan rasio cakupan per bulan", height=440)
    if monthly.empty:
        return _empty(fig, "Belum ada data untuk wilayah sendiri")
    months = pd.to_datetime(monthly["register_month"])
    labels = [fmt_month(m.date()) for m in months]
    for column, name, colour, dash in (("min_leakage_poor", "Kebocoran minimum vs miskin BPS", OWN, "solid"),
                                       ("min_leakage_target", "Kebocoran minimum vs sasaran 40 %", TARGET, "dot")):
        fig.add_trace(go.Scatter(
            x=months, y=100 * monthly[column], name=name, mode="lines", line={"color": colour, "width": 3, "dash": dash},
            customdata=[[lbl, count(r), count(p), share(v), str(ref)] for lbl, r, p, v, ref in zip(
                labels, monthly["register_persons"], monthly["poor_persons"] if "poor" in column else monthly["target_persons"],
                monthly[column], monthly["poverty_reference"])],
            hovertemplate="%{customdata[0]}: %{customdata[3]}<br>R = %{customdata[1]} terdaftar; patokan = "
                          "%{customdata[2]} (BPS %{customdata[4]})<extra></extra>"))
    fig.add_trace(go.Scatter(
        x=months, y=monthly["coverage_ratio"], name="Rasio cakupan (terdaftar ÷ miskin BPS)", yaxis="y2",
        mode="lines", line={"color": FIT, "width": 2},
        customdata=[[lbl, ratio(v), count(r), count(p)] for lbl, v, r, p in zip(
            labels, monthly["coverage_ratio"], monthly["register_persons"], monthly["poor_persons"])],
        hovertemplate="%{customdata[0]}: %{customdata[1]} = %{customdata[2]} ÷ %{customdata[3]}<extra></extra>"))
    fig.update_layout(yaxis={"title": "Kebocoran minimum (%)", "range": [0, 100], "ticksuffix": " %"},
                      yaxis2={"title": "Rasio cakupan (×)", "overlaying": "y", "side": "right", "rangemode": "tozero",
                              "showgrid": False, "tickformat": ",.0f", "ticksuffix": "×"})
    return indonesian_month_axis(fig, months)


def ravallion_table(fits: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for fit in fits.itertuples():
        rows.append({
            "Perbandingan": "Terkini" if fit.comparison == "terkini" else f"Maret {int(fit.year)}",
            "Kab/kota": fmt_int(fit.areas),
            "Intersep ≈ partisipasi tidak miskin (SE)": f"{share(fit.intercept)} ({share(fit.intercept_std_error)})",
            "Kemiringan ≈ selisih sasaran (SE)": f"{_decimal(fit.slope)} ({_decimal(fit.slope_std_error)})",
            "R²": _decimal(fit.r_squared),
            "Partisipasi tersirat: miskin / tidak miskin": f"{share(fit.participation_poor)} / {share(fit.participation_non_poor)}",
            "Keterangan": "indikatif (sedikit wilayah)" if fit.is_indicative else "",
        })
    return pd.DataFrame(rows)


def _decimal(value: float | None) -> str:
    return NO_DATA if _missing(value) else f"{value:.2f}".replace(".", ",")


def assessments_table(assessments: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for row in assessments.itertuples():
        if row.is_random_sample:
            estimate = (f"{share(row.inclusion_error_estimate)} (IK 95 % Wilson: "
                        f"{share(row.inclusion_error_ci_low)} – {share(row.inclusion_error_ci_high)})")
        else:
            estimate = "bukan sampel acak: tidak ada perkiraan untuk seluruh register"
        below = (NO_DATA + " (garis kemiskinan tahun ini tidak tersedia)" if _missing(row.share_below_poverty_line)
                 else f"{share(row.share_below_poverty_line)} dari {fmt_int(row.households_with_income)}")
        rows.append({
            "Tahun": str(int(row.visit_year)),
            "Cara pemilihan": row.selection_method.capitalize(),
            "Rumah tangga dinilai": fmt_int(row.households_assessed),
            "Memenuhi ≥ 9 dari 14 kriteria BPS": share(row.share_meeting_9_criteria),
            "Pendapatan per kapita < garis kemiskinan": below,
            "Garis kemiskinan (Rp/kapita/bulan)": count(row.poverty_line_rp),
            "Salah sasaran (inclusion error) register": estimate,
        })
    return pd.DataFrame(rows)


def missing_areas(areas: pd.DataFrame) -> list[str]:
    """Kab/kota that cannot be placed on the scatter, with what is missing."""
    notes = []
    for row in areas.itertuples():
        missing = [label for label, value in (("P0 BPS", row.p0_pct), ("register", row.register_persons))
                   if _missing(value)]
        if missing:
            notes.append(f"{row.kabkota_name} ({' dan '.join(missing)})")
    return notes
