"""The printable A4 briefing (PDF) for an area and period: headline figures, the trend, exits
by reason, targeting figures with their benchmark, data-as-of dates and method notes."""
from __future__ import annotations

from datetime import datetime

import pandas as pd
from fpdf import FPDF

from dashboard.components import targeting
from dashboard.components.summary import Headline
from dashboard.components.trend import sentence
from dashboard.i18n import fmt_int, fmt_month, fmt_pct, fmt_signed_int

# the PDF core fonts are Latin-1: typographic signs get plain equivalents
PLAIN = str.maketrans({"−": "-", "–": "-", "×": "x", "≥": ">=", "÷": "/", "·": "-", "→": "->", "’": "'"})
INK, MUTED, LINE, ACCENT = (29, 53, 87), (90, 90, 90), (0, 114, 178), (213, 94, 0)

METHOD_NOTES = [
    "Jumlah orang = NIK berbeda dalam ekstrak register bulan itu; pendaftaran ganda dihitung sekali; "
    "baris yang dikarantina (NIK rusak, kode wilayah tidak dikenal, baris berulang) tidak dihitung.",
    "Setiap orang yang keluar punya satu alasan: keputusan verval 'tidak layak' atas keluarganya paling "
    "lama 6 bulan sebelumnya; NIK tidak padan Dukcapil; selain itu 'tanpa keterangan'.",
    "Kebocoran dan kekurangan cakupan dari data agregat adalah batas bawah (batas Frechet), terhadap dua "
    "patokan: penduduk miskin BPS (Susenas Maret) dan sasaran program 40 % penduduk. DTKS dirancang untuk "
    "sekitar 40 % penduduk berkesejahteraan terendah, sehingga 'kebocoran' terhadap garis kemiskinan BPS "
    "memang besar menurut rancangan.",
]


def _plain(text: str) -> str:
    return str(text).translate(PLAIN).encode("latin-1", "replace").decode("latin-1")


def file_name(h: Headline) -> str:
    return f"pantau-ringkasan-{h.area_code.replace('.', '')}-{h.start or 'awal'}_{h.end or 'akhir'}.pdf"


def _period(h: Headline) -> str:
    if h.series.empty:
        return "tidak ada data"
    months = pd.to_datetime(h.series["period_month"])
    return f"{fmt_month(months.min().date())} - {fmt_month(months.max().date())}"


def _figures(h: Headline) -> list[tuple[str, str, str]]:
    s, row = h.trend, h.targeting
    figures = [
        ("Register terkini", f"{fmt_int(s.latest)} orang", fmt_month(s.latest_month)),
        ("Puncak dalam periode", f"{fmt_int(s.peak)} orang", fmt_month(s.peak_month)),
        ("Perubahan dari puncak", f"{fmt_signed_int(s.change)} orang", fmt_pct(s.change_pct)),
        ("Diverifikasi 24 bulan terakhir", targeting.share(h.verified_share), "anggota yang keluarganya dikunjungi"),
    ]
    if row is not None:
        figures += [
            ("Porsi penduduk dalam register", targeting.share(row.register_share, 2),
             f"{row.kabkota_name}: {fmt_int(row.register_persons)} / {fmt_int(row.population)} penduduk "
             f"({row.population_source})"),
            ("Angka kemiskinan BPS (P0)", "tidak ada data" if pd.isna(row.p0_pct) else fmt_pct(row.p0_pct, 2),
             f"BPS {row.poverty_reference}"),
            ("Rasio cakupan", targeting.ratio(row.coverage_ratio), "terdaftar / penduduk miskin BPS"),
            ("Kebocoran minimum", targeting.share(row.min_leakage_poor),
             f"patokan miskin BPS; patokan sasaran 40 %: {targeting.share(row.min_leakage_target)}"),
            ("Kekurangan cakupan minimum", targeting.share(row.min_undercoverage_poor),
             f"patokan miskin BPS; patokan sasaran 40 %: {targeting.share(row.min_undercoverage_target)}"),
        ]
    return figures


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 12)
    pdf.set_text_color(*INK)
    pdf.cell(0, 7, _plain(text), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)


def _trend_chart(pdf: FPDF, h: Headline, height: float = 55) -> None:
    """The register trend as a line on plain axes (no image library needed)."""
    values = h.series["persons"].astype(float).tolist()
    months = [pd.Timestamp(m).date() for m in h.series["period_month"]]
    left, top = pdf.l_margin + 18, pdf.get_y() + 2
    width = pdf.w - pdf.r_margin - left
    top_value = _nice_ceiling(max(values) * 1.05)
    pdf.set_draw_color(180, 180, 180)
    pdf.set_font("Helvetica", "", 7)
    for fraction in (0, 0.25, 0.5, 0.75, 1):
        y = top + height * (1 - fraction)
        pdf.line(left, y, left + width, y)
        pdf.set_xy(pdf.l_margin, y - 2)
        pdf.cell(17, 4, _plain(fmt_int(top_value * fraction)), align="R")
    step = width / max(len(values) - 1, 1)
    points = [(left + i * step, top + height * (1 - v / top_value)) for i, v in enumerate(values)]
    pdf.set_draw_color(*LINE)
    pdf.set_line_width(0.6)
    for (x1, y1), (x2, y2) in zip(points, points[1:]):
        pdf.line(x1, y1, x2, y2)
    pdf.set_line_width(0.2)
    for i, month in enumerate(months):
        if month.month == 1 or i in (0, len(months) - 1):
            pdf.set_xy(points[i][0] - 8, top + height + 1)
            pdf.cell(16, 4, _plain(fmt_month(month)), align="C")
    peak_index = values.index(max(values))
    pdf.set_fill_color(*ACCENT)
    for index in {peak_index, len(values) - 1}:
        pdf.ellipse(points[index][0] - 1.2, points[index][1] - 1.2, 2.4, 2.4, style="F")
    pdf.set_fill_color(255, 255, 255)  # tables after the chart must not inherit the marker colour
    pdf.set_draw_color(0, 0, 0)
    pdf.set_y(top + height + 7)


def _nice_ceiling(value: float) -> float:
    """The next round number for an axis top: 158.874 -> 160.000."""
    if value <= 0:
        return 1
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8, 10):  # quarters of these stay round
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def build(h: Headline) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_title(_plain(f"Pantau - Ringkasan {h.area_name}"))
    pdf.set_author("Pantau")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.set_text_color(*INK)
    pdf.cell(0, 9, _plain(f"Ringkasan Register DTKS: {h.area_name}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.set_text_color(*MUTED)
    as_of = fmt_month(h.data_as_of) if h.data_as_of else "tidak ada data"
    pdf.cell(0, 5, _plain(f"{h.title} | Periode {_period(h)} | Data per {as_of} | "
                          f"Dibuat {datetime.now():%d-%m-%Y %H:%M}"), new_x="LMARGIN", new_y="NEXT")
    if h.is_synthetic:
        pdf.set_text_color(*ACCENT)
        pdf.cell(0, 5, "DATA SINTETIS: data demo buatan, bukan data warga sebenarnya.", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    if h.trend is None:
        _heading(pdf, "Belum ada data untuk periode ini.")
        return bytes(pdf.output())
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, _plain(sentence(h.trend, h.area_name)), new_x="LMARGIN", new_y="NEXT")
    _heading(pdf, "Angka utama")
    with pdf.table(col_widths=(55, 35, 90), text_align=("LEFT", "RIGHT", "LEFT"), line_height=5.5,
                   first_row_as_headings=True) as table:
        pdf.set_font("Helvetica", "", 9)
        table.row(["Ukuran", "Nilai", "Keterangan (pembilang / penyebut, patokan)"])
        for label, value, note in _figures(h):
            table.row([_plain(label), _plain(value), _plain(note)])
    _heading(pdf, "Tren register (orang)")
    _trend_chart(pdf, h)
    _heading(pdf, "Keluar dari register menurut alasan, dalam periode")
    if h.exits_by_reason.empty:
        pdf.cell(0, 6, "Tidak ada yang keluar dalam periode ini.", new_x="LMARGIN", new_y="NEXT")
    else:
        total = h.exits_by_reason["persons"].sum()
        with pdf.table(col_widths=(90, 35, 35), text_align=("LEFT", "RIGHT", "RIGHT"), line_height=5.5) as table:
            pdf.set_font("Helvetica", "", 9)
            table.row(["Alasan", "Orang", "Bagian"])
            for row in h.exits_by_reason.itertuples():
                table.row([_plain(row.reason_short_label), _plain(fmt_int(row.persons)),
                           _plain(fmt_pct(100 * row.persons / total))])
            table.row(["Jumlah", _plain(fmt_int(total)), "100,0 %"])
    _heading(pdf, "Catatan metode")
    pdf.set_font("Helvetica", "", 8.5)
    for note in METHOD_NOTES:
        pdf.multi_cell(0, 4.5, _plain(f"- {note}"), new_x="LMARGIN", new_y="NEXT")
    if h.targeting is not None:
        pdf.multi_cell(0, 4.5, _plain(f"- Sumber kemiskinan: {h.targeting.poverty_citation}. Penduduk: "
                                      f"{h.targeting.population_source}, {h.targeting.population_reference}."),
                       new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())

