"""The verval page's pure functions on hand-made cohorts."""
from __future__ import annotations

import pandas as pd

from dashboard.components.verval import enumerator_table, summarise


def test_summary_shares_use_the_right_denominators():
    monthly = pd.DataFrame({
        "visit_month": pd.to_datetime(["2023-01-01", "2023-02-01"]),
        "households_assessed": [100, 50], "households_not_eligible": [60, 30],
        "households_eligible": [40, 20], "not_eligible_removed_3m": [54, 27],
        "not_eligible_still_registered": [3, 2], "households_with_photo": [97, 50],
        "households_with_gps_point": [98, 49],
    })
    summary = summarise(monthly)
    assert (summary.assessed, summary.not_eligible, summary.still_registered) == (150, 90, 5)
    assert summary.not_eligible_pct == 60.0
    assert summary.removed_3m_pct == 90.0  # of the 90 "tidak layak", not of all 150
    assert round(summary.with_photo_pct, 2) == 98.0


def test_enumerator_table_in_indonesian_formats():
    table = enumerator_table(pd.DataFrame({
        "enumerator_code": ["PTG-0101"], "households_assessed": [1200], "households_not_eligible": [780],
        "not_eligible_removed_3m": [702], "not_eligible_still_registered": [41],
        "households_with_photo": [1164], "households_with_gps_point": [1176],
    }))
    assert table.iloc[0].to_dict() == {
        "Petugas": "PTG-0101", "Dikunjungi": "1.200", "Tidak layak": "65,0 %",
        "Dikeluarkan ≤ 3 bln": "90,0 %", "Masih terdaftar meski tidak layak": "41",
        "Ada foto": "97,0 %", "Ada titik GPS": "98,0 %",
    }


def test_map_far_table_of_a_period_without_visits_is_empty():
    # a period before verval began: no points, object-typed columns from the query
    from dashboard.components import visit_map

    columns = ["visit_month", "kelurahan_name", "decision", "distance_from_centre_m", "is_far_from_kelurahan"]
    empty = pd.DataFrame({column: pd.Series([], dtype=object) for column in columns})
    assert visit_map.far_table(empty).empty
    one_far = pd.DataFrame([{"visit_month": "2024-01-01", "kelurahan_name": "Bugul Kidul", "decision": "layak",
                             "distance_from_centre_m": 2500.0, "is_far_from_kelurahan": True}], dtype=object)
    assert visit_map.far_table(one_far)["Jarak dari pusat kelurahan"].tolist() == ["2.500 m"]
