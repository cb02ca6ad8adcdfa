"""Headline figures for the Ringkasan page and the PDF briefing: one place computes them."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard import data
from dashboard.components import filters, targeting, trend
from dashboard.i18n import PROGRAMME_LABELS, fmt_int, fmt_month, fmt_pct, fmt_signed_int, t

GRAPH_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"filename": "pantau-ringkasan"}}


@dataclass(frozen=True)
class Headline:
    area_code: str
    area_name: str
    programme_code: str
    start: str | None
    end: str | None
    series: pd.DataFrame
    trend: trend.TrendSummary | None
    targeting: object | None  # the own kab/kota's targeting row for the period's last month
    verified_share: float | None
    exits_by_reason: pd.DataFrame  # persons per reason over the period
    data_as_of: date | None
    is_synthetic: bool

    @property
    def title(self) -> str:
        return f"{self.area_name} · {PROGRAMME_LABELS.get(self.programme_code, self.programme_code)}"


def headline(area_code: str, programme_code: str, start: str | None, end: str | None) -> Headline:
    series = filters.in_period(data.register_trend(area_code, programme_code), "period_month", start, end)
    summary = trend.summarise(series)
    last_month = summary.latest_month if summary else None
    own = data.targeting_own_monthly()
    row = None
    if last_month is not None and len(own):
        match = own[pd.to_datetime(own["register_month"]).dt.date == last_month]
        row = next(match.itertuples()) if len(match) else None
    recency = data.verification_recency(area_code)
    verified = None
    if last_month is not None and len(recency):
        match = recency[pd.to_datetime(recency["period_month"]).dt.date == last_month]
        verified = float(match["share_verified_recently"].iloc[0]) if len(match) else None
    reasons = filters.in_period(data.exits_by_reason(area_code, programme_code), "period_month", start, end)
    by_reason = (reasons.groupby(["reason_code", "reason_short_label"], as_index=False)["persons"].sum()
                 .sort_values("persons", ascending=False) if len(reasons) else reasons)
    meta = data.meta()
    return Headline(area_code, filters.area_name(area_code), programme_code, start, end, series, summary, row,
                    verified, by_reason, meta.get("data_as_of"), bool(meta.get("is_synthetic")))


@dataclass(frozen=True)
class Card:
    card_id: str
    title: str
    value: str
    detail: str
    href: str


def card_list(h: Headline, language: str = "id") -> list[Card]:
    s = h.trend
    people = t("orang", language)
    row = h.targeting
    kabkota = row.kabkota_name if row is not None else ""
    as_of = fmt_month(h.data_as_of) if h.data_as_of else targeting.NO_DATA
    return [
        Card("ringkasan-kartu-register", t("Register terkini", language), f"{fmt_int(s.latest)}",
             f"{people} · {fmt_month(s.latest_month)}", "/tren"),
        Card("ringkasan-kartu-perubahan", t("Perubahan dari puncak", language), fmt_signed_int(s.change),
             f"{fmt_pct(s.change_pct)} {t('dari puncak', language)} {fmt_int(s.peak)} ({fmt_month(s.peak_month)})",
             "/alasan-keluar"),
        Card("ringkasan-kartu-porsi", t("Porsi penduduk dalam register", language),
             targeting.share(row.register_share, 1) if row is not None else targeting.NO_DATA,
             f"{kabkota} · {fmt_int(row.register_persons)} ÷ {fmt_int(row.population)}" if row is not None else "",
             "/ketepatan-sasaran"),
        Card("ringkasan-kartu-p0", t("Angka kemiskinan BPS (P0)", language),
             fmt_pct(row.p0_pct, 2) if row is not None and not pd.isna(row.p0_pct) else targeting.NO_DATA,
             f"{kabkota} · BPS {row.poverty_reference}" if row is not None and row.poverty_reference else "",
             "/ketepatan-sasaran"),
        Card("ringkasan-kartu-cakupan", t("Rasio cakupan", language),
             targeting.ratio(row.coverage_ratio) if row is not None else targeting.NO_DATA,
             t("terdaftar per penduduk miskin BPS", language), "/ketepatan-sasaran"),
        Card("ringkasan-kartu-verval", t("Diverifikasi 24 bulan terakhir", language), targeting.share(h.verified_share, 1),
             t("anggota register yang keluarganya dikunjungi", language), "/hasil-verval"),
        Card("ringkasan-kartu-data-per", t("Data per", language), as_of,
             t("data sintetis", language) if h.is_synthetic else t("data register", language), "/status-data"),
    ]


def cards(h: Headline, language: str, search: str) -> dbc.Row:
    return dbc.Row([dbc.Col(dcc.Link(dbc.Card(dbc.CardBody([
        html.Div(card.title, className="kpi-title"),
        html.Div(card.value, className="kpi-value"),
        html.Small(card.detail, className="text-muted d-block"),
        html.Small(t("Lihat halaman", language) + " →", className="d-block mt-1 link-primary"),
    ]), color="light", className="kpi h-100"), href=card.href + search, className="text-decoration-none",
        id=card.card_id), md=3, sm=6) for card in card_list(h, language)], className="g-3 mb-3")
