"""Indonesian formats: 59.521; -58,9 %; Nov 2024. Labels in Bahasa Indonesia."""
from __future__ import annotations

from datetime import date

MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
MONTHS_LONG = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
               "September", "Oktober", "November", "Desember"]

PROGRAMME_LABELS = {
    "SEMUA": "Seluruh DTKS",
    "PKH": "PKH",
    "BPNT": "Sembako/BPNT",
    "PBI_JK": "PBI-JK",
}


def fmt_int(value: int | float | None) -> str:
    """59.521; None is missing data; NaN in a count is a small cell hidden from a visiting agency."""
    if value is None:
        return "tidak ada data"
    if value != value:  # NaN
        return "<10"
    text = f"{abs(round(value)):,}".replace(",", ".")
    return f"−{text}" if value < 0 else text


def fmt_signed_int(value: int | float) -> str:
    return fmt_int(value) if value < 0 else f"+{fmt_int(value)}"


def fmt_pct(value: float | None, decimals: int = 1) -> str:
    if value is None:
        return "tidak ada data"
    text = f"{abs(value):.{decimals}f}".replace(".", ",")
    sign = "−" if value < 0 else ""
    return f"{sign}{text} %"


def fmt_month(value: date) -> str:
    return f"{MONTHS_SHORT[value.month - 1]} {value.year}"


def fmt_month_long(value: date) -> str:
    return f"{MONTHS_LONG[value.month - 1]} {value.year}"


# English for the switch: Indonesian text is the key, so an untranslated text stays Indonesian.
ENGLISH = {
    "Ringkasan": "Overview",
    "Tren Register": "Register Trend",
    "Alasan Keluar": "Exit Reasons",
    "Hasil Verval": "Verification Results",
    "Ketepatan Sasaran": "Targeting Accuracy",
    "Status Data": "Data Status",
    "Perbandingan Wilayah": "Compare Regions",
    "Peta": "Map",
    "Kueri": "Query",
    "Kueri SQL": "SQL Query",
    "Jalankan": "Run",
    "Kamus data": "Data dictionary",
    "Peta Kunjungan Lapangan": "Field Visit Map",
    "Wilayah": "Area",
    "Program": "Programme",
    "Periode": "Period",
    "Seluruh DTKS": "Whole DTKS",
    "Data per": "Data as of",
    "Belum ada data terbit": "No data published yet",
    "data sintetis": "synthetic data",
    "Data demo buatan, bukan data warga sebenarnya": "Made-up demo data, not real residents",
    "Belum ada data terbit. Jalankan `pantau refresh` untuk membangun gudang data.":
        "No data published yet. Run `pantau refresh` to build the warehouse.",
    "belum ada data untuk periode ini": "no data for this period yet",
    "Register terkini": "Register now",
    "Puncak": "Peak",
    "Perubahan dari puncak": "Change from the peak",
    "Porsi penduduk dalam register": "Share of the population registered",
    "Angka kemiskinan BPS (P0)": "BPS poverty rate (P0)",
    "Rasio cakupan": "Coverage ratio",
    "Diverifikasi 24 bulan terakhir": "Verified in the last 24 months",
    "Data per bulan": "Data as of",
    "orang": "people",
    "Tren Register DTKS": "DTKS Register Trend",
    "Alasan Keluar dari Register": "Why People Left the Register",
    "Hasil Verifikasi dan Validasi Lapangan": "Field Verification Results",
    "Ketepatan Sasaran: register dibandingkan dengan angka kemiskinan":
        "Targeting Accuracy: the register against poverty statistics",
    "Status Data: pembaruan, kesegaran sumber, karantina": "Data Status: refreshes, source freshness, quarantine",
    "Ringkasan Register DTKS": "DTKS Register Overview",
    "Unduh CSV": "Download CSV",
    "Unduh XLSX": "Download XLSX",
    "Unduh ringkasan PDF (A4)": "Download A4 briefing (PDF)",
    "Lihat halaman": "Open page",
    "dari puncak": "from the peak",
    "terdaftar per penduduk miskin BPS": "registered per BPS poor person",
    "anggota register yang keluarganya dikunjungi": "of members whose family was visited",
    "data register": "register data",
    # chart titles, axes and legends
    "Jumlah orang": "People",
    "Bulan register": "Register month",
    "Dari puncak ke kini: jembatan stok dan arus": "From the peak to now: stock and flows",
    "Keluar dari register per bulan, menurut alasan": "Exits from the register per month, by reason",
    "Masuk dan keluar register per bulan": "Entries and exits per month",
    "Orang keluar": "People leaving",
    "Orang": "People",
    "Masuk": "Entries",
    "Keluar": "Exits",
    "Rumah tangga dikunjungi per bulan, menurut keputusan": "Households visited per month, by decision",
    "Alasan keputusan tidak layak": "Reasons for 'not eligible' decisions",
    "Rumah tangga": "Households",
    "Layak": "Eligible",
    "Tidak layak": "Not eligible",
    "Angka kemiskinan BPS, P0 (% penduduk)": "BPS poverty rate, P0 (% of population)",
    "Penduduk dalam register (% penduduk)": "Registered (% of population)",
    "Kab/kota lain": "Other kab/kota",
    "Register = P0 (garis 45°)": "Register = P0 (45° line)",
    "Sasaran program 40 % penduduk": "Programme target 40 % of population",
    "Garis Ravallion (tertimbang penduduk)": "Ravallion line (population-weighted)",
    "Kebocoran minimum (%)": "Minimum leakage (%)",
    "Kebocoran minimum vs miskin BPS": "Minimum leakage vs BPS poor",
    "Kebocoran minimum vs sasaran 40 %": "Minimum leakage vs 40 % target",
    "Rasio cakupan (terdaftar ÷ miskin BPS)": "Coverage ratio (registered ÷ BPS poor)",
    "Rasio cakupan (×)": "Coverage ratio (×)",
    "Jumlah orang dalam register": "People in the register",
    "Porsi penduduk dalam register dan angka kemiskinan BPS (P0)": "Share of population registered and BPS poverty (P0)",
    "Porsi penduduk dalam register, menurut lama sejak verval dimulai":
        "Share of population registered, by months since verification began",
    "Bulan sejak verval dimulai": "Months since verification began",
    "% penduduk": "% of population",
    "Bujur": "Longitude",
    "Lintang": "Latitude",
    "Jauh dari kelurahannya": "Far from its kelurahan",
    "Kelurahan": "Kelurahan",
    "Belum ada data untuk pilihan ini": "No data for this selection yet",
}


def translate_figure(fig, language: str):
    """Titles, axis titles and legend names of a Plotly figure in the chosen language."""
    if language == "id":
        return fig
    if fig.layout.title.text:
        fig.layout.title.text = t(fig.layout.title.text, language)
    for axis in ("xaxis", "yaxis", "yaxis2"):
        layout_axis = getattr(fig.layout, axis, None)
        if layout_axis is not None and layout_axis.title.text:
            layout_axis.title.text = t(layout_axis.title.text, language)
    for trace in fig.data:
        if trace.name:
            trace.name = t(trace.name, language)
    for annotation in fig.layout.annotations:
        annotation.text = t(annotation.text, language)
    return fig


def t(text: str, language: str = "id") -> str:
    """The text in the chosen language (Bahasa Indonesia unless 'en' and a translation exists)."""
    return ENGLISH.get(text, text) if language == "en" else text
