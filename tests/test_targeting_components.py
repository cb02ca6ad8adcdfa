"""The Ketepatan Sasaran page's pure functions on hand-made rows."""
from __future__ import annotations

import pandas as pd

from dashboard.components import targeting


def _area(**overrides) -> dict:
    row = {"kabkota_code": "35.28", "kabkota_name": "Kabupaten Pamekasan", "is_own_region": False, "year": 2024,
           "population": 889_798.0, "population_source": "BPS", "population_reference": "2024",
           "register_month": pd.Timestamp("2024-03-01"), "register_persons": 715_231.0,
           "register_source": "rekap provinsi", "register_share": 715_231 / 889_798, "p0_pct": 13.41,
           "poor_persons": 123_460.0, "poor_persons_basis": "jumlah penduduk miskin BPS",
           "poverty_reference": "Maret 2024", "poverty_citation": "databoks", "poverty_line_rp": 467_493.0,
           "coverage_ratio": 715_231 / 123_460, "min_leakage_poor": (715_231 - 123_460) / 715_231,
           "min_undercoverage_poor": 0.0, "target_share": 0.4, "target_persons": 0.4 * 889_798,
           "coverage_ratio_target": 715_231 / (0.4 * 889_798),
           "min_leakage_target": (715_231 - 0.4 * 889_798) / 715_231, "min_undercoverage_target": 0.0}
    row.update(overrides)
    return row


def test_cards_carry_numerator_denominator_benchmark_and_source():
    row = next(pd.DataFrame([_area()]).itertuples())
    cards = {card.title: card for card in targeting.area_cards(row)}
    share = cards["Penduduk dalam register"]
    assert share.value == "80,38 %"
    assert "715.231 terdaftar (Mar 2024) ÷ 889.798 penduduk" == share.detail
    assert "Pembilang: 715.231 orang" in share.tooltip and "Penyebut: 889.798 penduduk" in share.tooltip
    leakage = cards["Kebocoran minimum"]
    assert leakage.value == "82,7 %"
    assert "123.460 penduduk miskin" in leakage.tooltip and "databoks" in leakage.tooltip
    assert "sasaran program 40 % penduduk = 355.919 orang" in leakage.tooltip
    assert cards["Angka kemiskinan BPS (P0)"].value == "13,41 %"
    assert cards["Rasio cakupan"].value == "5,8×"


def test_missing_figures_say_so_and_are_listed():
    frame = pd.DataFrame([_area(), _area(kabkota_code="35.20", kabkota_name="Kabupaten Magetan", p0_pct=None,
                                         poor_persons=None, min_leakage_poor=None, coverage_ratio=None,
                                         poverty_reference=None, poverty_citation=None)])
    magetan = list(frame.itertuples())[1]
    cards = {card.title: card for card in targeting.area_cards(magetan)}
    assert cards["Angka kemiskinan BPS (P0)"].value == "tidak ada data"
    assert cards["Kebocoran minimum"].value == "tidak ada data"
    assert targeting.missing_areas(frame) == ["Kabupaten Magetan (P0 BPS)"]


def test_scatter_labels_the_own_region_and_the_chosen_area():
    frame = pd.DataFrame([_area(), _area(kabkota_code="35.75", kabkota_name="Kota Pasuruan", is_own_region=True,
                                         p0_pct=6.32, register_share=0.43),
                          _area(kabkota_code="35.78", kabkota_name="Kota Surabaya", p0_pct=4.0, register_share=0.3)])
    figure = targeting.scatter_figure(frame, "35.28", {"intercept": 0.3, "slope": 0.5}, 0.4, "judul")
    labelled = {text for trace in figure.data if trace.text is not None for text in trace.text}
    assert labelled == {"Kabupaten Pamekasan", "Kota Pasuruan"}
    names = [trace.name for trace in figure.data]
    assert "Register = P0 (garis 45°)" in names and "Sasaran program 40 % penduduk" in names
    fit = next(trace for trace in figure.data if trace.name.startswith("Garis Ravallion"))
    assert list(fit.y) == [30.0, 30.0 + 0.5 * list(fit.x)[1]]


def test_an_empty_comparison_explains_itself():
    figure = targeting.scatter_figure(pd.DataFrame([_area(p0_pct=None)]), "35.28", None, 0.4, "judul")
    assert figure.layout.annotations[0].text == "Belum ada data untuk perbandingan ini"


def test_assessments_give_an_estimate_only_for_a_random_sample():
    frame = pd.DataFrame([
        {"visit_year": 2022, "selection_method": "SAMPEL ACAK", "is_random_sample": True, "households_assessed": 698,
         "share_meeting_9_criteria": 0.305, "households_with_income": 698, "share_below_poverty_line": 0.228,
         "poverty_line_rp": 486_893.0, "inclusion_error_estimate": 0.632, "inclusion_error_ci_low": 0.595,
         "inclusion_error_ci_high": 0.667},
        {"visit_year": 2021, "selection_method": "PENGADUAN", "is_random_sample": False, "households_assessed": 3,
         "share_meeting_9_criteria": 0.5, "households_with_income": 3, "share_below_poverty_line": None,
         "poverty_line_rp": None, "inclusion_error_estimate": None, "inclusion_error_ci_low": None,
         "inclusion_error_ci_high": None},
    ])
    table = targeting.assessments_table(frame)
    column = "Salah sasaran (inclusion error) register"
    assert table.loc[0, column] == "63,2 % (IK 95 % Wilson: 59,5 % – 66,7 %)"
    assert table.loc[1, column].startswith("bukan sampel acak")
    assert table.loc[1, "Pendapatan per kapita < garis kemiskinan"].startswith("tidak ada data")
