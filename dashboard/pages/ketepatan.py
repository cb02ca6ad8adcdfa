"""Ketepatan Sasaran: how far the register is from the poverty it is meant to target."""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, callback, dcc, html

from dashboard import auth, data, exports, ids, url_state
from dashboard.components import filters, targeting
from dashboard.i18n import t, translate_figure
from dashboard.view_cache import cached_view

dash.register_page(__name__, path="/ketepatan-sasaran", name="Ketepatan Sasaran",
                   title="Pantau · Ketepatan Sasaran", order=4)

GRAPH_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"filename": "pantau-ketepatan-sasaran"}}

CURRENT = "terkini"
PAMEKASAN = "35.28"  # the visiting kabupaten of the source article: highlighted by default

WHY_NOTE = (
    "Mengapa \"kebocoran\" terlihat besar? DTKS dirancang untuk menampung sekitar 40 % penduduk "
    "dengan kesejahteraan terendah, bukan hanya penduduk di bawah garis kemiskinan BPS. Register "
    "yang berisi 40 % penduduk di daerah dengan P0 6 % pasti memuat sedikitnya 85 % orang di atas "
    "garis kemiskinan: itu akibat rancangan, belum tentu salah sasaran. Karena itu setiap angka di "
    "halaman ini dibandingkan dengan dua patokan: penduduk miskin BPS dan sasaran program 40 % "
    "penduduk. Dari data agregat, irisan register dan penduduk miskin tidak diketahui; yang bisa "
    "dihitung hanya batas bawah (batas Fréchet): kebocoran minimum = maks(0, (R − P) / R) dan "
    "kekurangan cakupan minimum = maks(0, (P − R) / P). Angka sebenarnya bisa lebih besar. "
    "Perkiraan salah sasaran dari hasil kunjungan hanya berlaku untuk seluruh register bila rumah "
    "tangga yang dikunjungi dipilih secara acak.")


def _comparison_options(years: list[int]) -> list[dict]:
    return ([{"label": f"Maret {year} (tahun BPS)", "value": str(year)} for year in years]
            + [{"label": "Terkini (register terakhir vs BPS terakhir)", "value": CURRENT}])


def _card(card: targeting.FigureCard) -> html.Div:
    """A figure card; hovering shows numerator, denominator, benchmark and source."""
    return html.Div(dbc.Card(dbc.CardBody([
        html.Div(card.title, className="kpi-title"),
        html.Div(card.value, className="kpi-value"),
        html.Small(card.detail, className="text-muted d-block"),
    ]), color="light", className="kpi h-100"), title=card.tooltip, className="figure-card h-100")


def _own_region_section(language: str) -> html.Div:
    current = data.targeting_areas(None)
    own = current[current["is_own_region"]]
    if own.empty:
        return dbc.Alert("Belum ada data wilayah sendiri.", color="info")
    row = next(own.itertuples())
    cards = targeting.area_cards(row)
    return html.Div([
        html.H2(f"{row.kabkota_name}: posisi terkini", className="h5"),
        html.P(f"Register {targeting.register_when(row)} dibandingkan dengan angka kemiskinan BPS "
               f"{row.poverty_reference or targeting.NO_DATA}.", className="text-muted small mb-2"),
        dbc.Row([dbc.Col(_card(card), md=True) for card in cards], className="g-3 mb-3",
                id=ids.TARGETING_OWN_CARDS),
        dcc.Graph(id=ids.TARGETING_OWN_GRAPH, config=GRAPH_CONFIG,
                  figure=translate_figure(targeting.own_region_figure(data.targeting_own_monthly(), row.kabkota_name),
                                          language)),
    ])


def _table(frame) -> dbc.Table | dbc.Alert:
    if frame.empty:
        return dbc.Alert("Belum ada data untuk tabel ini.", color="info")
    return dbc.Table.from_dataframe(frame, striped=True, bordered=False, hover=True, size="sm", responsive=True)


def layout(tahun: str | None = None, sorot: str | None = None, bahasa: str = "id", **_query):
    language = url_state.language(f"?bahasa={bahasa}")
    if not auth.page_allowed("/ketepatan-sasaran"):
        return auth.forbidden()
    return _page(tahun, sorot, language)


@cached_view
def _page(tahun: str | None, sorot: str | None, language: str):
    """The page for a comparison year, highlighted kab/kota and language (built once per version)."""
    years = data.targeting_years()
    if years.empty:
        return filters.no_data_alert(language)
    options = _comparison_options([int(year) for year in years["year"]])
    values = {option["value"] for option in options}
    # by default the newest BPS year in which the own region can be compared
    own_years = years.loc[years["has_own_region"], "year"]
    default = str(int(own_years.iloc[0])) if len(own_years) else options[0]["value"]
    current = data.targeting_areas(None)
    area_options = [{"label": row.kabkota_name, "value": row.kabkota_code} for row in
                    current.sort_values("kabkota_name").itertuples()]
    highlight = sorot if sorot in set(current["kabkota_code"]) else PAMEKASAN
    return html.Div([
        html.H1(t("Ketepatan Sasaran: register dibandingkan dengan angka kemiskinan", language),
                className="h3 mb-3"),
        _own_region_section(language),
        html.H2("Semua kab/kota Jawa Timur", className="h5 mt-4"),
        dbc.Row([
            dbc.Col([dbc.Label("Perbandingan", html_for=ids.TARGETING_COMPARISON),
                     dcc.Dropdown(id=ids.TARGETING_COMPARISON, options=options, clearable=False,
                                  value=tahun if tahun in values else default)], md=5),
            dbc.Col([dbc.Label("Sorot kab/kota", html_for=ids.TARGETING_HIGHLIGHT),
                     dcc.Dropdown(id=ids.TARGETING_HIGHLIGHT, options=area_options, value=highlight,
                                  clearable=False)], md=4),
        ], className="mb-3 g-3"),
        dbc.Row([
            dbc.Col(dcc.Graph(id=ids.TARGETING_SCATTER, config=GRAPH_CONFIG), lg=7),
            dbc.Col(html.Div(id=ids.TARGETING_AREA_CARDS), lg=5),
        ]),
        html.Div(id=ids.TARGETING_GAPS, className="small text-muted mb-1"),
        exports.buttons("sasaran-kabkota", language),
        html.H2("Perbandingan antarwilayah (Ravallion 2000)", className="h5 mt-3"),
        html.P("Regresi porsi penduduk dalam register terhadap P0 antar kab/kota Jawa Timur, "
               "tertimbang penduduk. Bila tingkat partisipasi penduduk miskin dan tidak miskin sama di "
               "semua wilayah, intersep ≈ partisipasi penduduk tidak miskin dan kemiringan ≈ selisih "
               "sasaran (partisipasi miskin − tidak miskin). SE = galat baku.", className="small text-muted"),
        html.Div(_table(targeting.ravallion_table(data.ravallion_fits())), id=ids.TARGETING_RAVALLION),
        exports.buttons("ravallion", language),
        html.H2("Hasil penilaian rumah tangga (wilayah sendiri)", className="h5 mt-3"),
        html.Div(_table(targeting.assessments_table(data.targeting_assessments())), id=ids.TARGETING_ASSESSMENTS),
        exports.buttons("penilaian-rumah-tangga", language),
        dbc.Alert(WHY_NOTE, color="secondary", className="small mt-3"),
    ])


def _area_panel(areas, highlight: str) -> list:
    chosen = areas[areas["kabkota_code"] == highlight]
    if chosen.empty:
        return [dbc.Alert("Belum ada data untuk kab/kota ini.", color="info")]
    row = next(chosen.itertuples())
    cards = targeting.area_cards(row)
    return [html.H3(row.kabkota_name, className="h6"),
            dbc.Row([dbc.Col(_card(card), md=6) for card in cards], className="g-2")]


@callback(Output(ids.TARGETING_SCATTER, "figure"), Output(ids.TARGETING_AREA_CARDS, "children"),
          Output(ids.TARGETING_GAPS, "children"),
          Input(ids.TARGETING_COMPARISON, "value"), Input(ids.TARGETING_HIGHLIGHT, "value"),
          Input(ids.URL, "search"))
@cached_view
def update_comparison(comparison: str, highlight: str, search: str):
    year = None if comparison == CURRENT else int(comparison)
    areas = data.targeting_areas(year)
    fits = data.ravallion_fits()
    fit = fits[(fits["comparison"] == CURRENT) if year is None else (fits["year"] == year)]
    title = ("Posisi terkini: register terakhir vs BPS terakhir" if year is None
             else f"Register (bulan terdekat Maret {year}) vs P0 BPS Maret {year}")
    target = float(areas["target_share"].dropna().iloc[0]) if areas["target_share"].notna().any() else 0.4
    figure = targeting.scatter_figure(areas, highlight, fit.iloc[0].to_dict() if len(fit) else None, target, title)
    gaps = targeting.missing_areas(areas)
    gaps_text = (f"Tidak tampil karena tidak ada data: {', '.join(gaps)}." if gaps
                 else "Semua kab/kota punya data untuk perbandingan ini.")
    return translate_figure(figure, url_state.language(search)), _area_panel(areas, highlight), gaps_text
