"""The downloadable tables: raw numbers with Indonesian headers, for the view's filters."""
from __future__ import annotations

import pandas as pd

from dashboard import data
from dashboard.components.filters import in_period
from dashboard.exports import View, table


def _months(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    return frame.assign(**{column: pd.to_datetime(frame[column]).dt.strftime("%Y-%m")}) if len(frame) else frame


@table("tren-register")
def register_trend(view: View) -> pd.DataFrame:
    frame = in_period(data.register_trend(view.area, view.programme), "period_month", view.start, view.end)
    return _months(frame, "period_month").rename(columns={
        "period_month": "bulan", "persons": "jumlah_orang", "families": "jumlah_keluarga"})


@table("arus-register")
def flows(view: View) -> pd.DataFrame:
    frame = in_period(data.flows(view.area, view.programme), "period_month", view.start, view.end)
    return _months(frame, "period_month").rename(columns={
        "period_month": "bulan", "persons_opening": "orang_awal", "persons_entries": "orang_masuk",
        "persons_exits": "orang_keluar", "persons_closing": "orang_akhir", "families_entries": "keluarga_masuk",
        "families_exits": "keluarga_keluar", "is_first_period": "bulan_pertama"})


@table("alasan-keluar")
def exits_by_reason(view: View) -> pd.DataFrame:
    frame = in_period(data.exits_by_reason(view.area, view.programme), "period_month", view.start, view.end)
    return _months(frame, "period_month").rename(columns={
        "period_month": "bulan", "reason_code": "kode_alasan", "reason_short_label": "alasan_singkat",
        "reason_label": "alasan", "persons": "orang", "families": "keluarga"})


@table("petugas-verval")
def enumerators(view: View) -> pd.DataFrame:
    return data.verval_enumerators(view.area, view.start, view.end).rename(columns={
        "enumerator_code": "petugas", "households_assessed": "rumah_tangga_dikunjungi",
        "households_not_eligible": "tidak_layak", "not_eligible_removed_3m": "tidak_layak_dikeluarkan_3_bulan",
        "not_eligible_still_registered": "tidak_layak_masih_terdaftar", "households_with_photo": "ada_foto",
        "households_with_gps_point": "ada_titik_gps"})


@table("sasaran-kabkota")
def targeting(_view: View) -> pd.DataFrame:
    return data.targeting_all_years()


@table("ravallion")
def ravallion(_view: View) -> pd.DataFrame:
    return data.ravallion_fits()


@table("penilaian-rumah-tangga")
def assessments(_view: View) -> pd.DataFrame:
    return data.targeting_assessments()


@table("pembaruan-data")
def refresh_runs(_view: View) -> pd.DataFrame:
    return data.refresh_runs()


@table("karantina-alasan")
def quarantine_by_reason(_view: View) -> pd.DataFrame:
    return data.quarantine_by_reason()


@table("karantina-baris")
def quarantine_rows(_view: View) -> pd.DataFrame:
    """For field staff: which line of which file, which column, why (never the value)."""
    return data.quarantine_rows().rename(columns={
        "file_name": "berkas", "source_row": "baris_data", "column_name": "kolom", "reason": "alasan",
        "kind": "jenis", "period": "periode"})


@table("perbandingan-wilayah")
def kabkota_monthly(view: View) -> pd.DataFrame:
    """Every kab/kota and month in the period (aggregates only)."""
    return _months(in_period(data.kabkota_monthly_all(), "period_month", view.start, view.end), "period_month")


@table("titik-jauh")
def far_points(view: View) -> pd.DataFrame:
    """Visits whose GPS point lies far from their kelurahan (rounded points, no household)."""
    far = data.far_points(view.area, view.start, view.end)
    return _months(far, "visit_month").rename(columns={
        "visit_month": "bulan_kunjungan", "kelurahan_code": "kode_kelurahan", "kelurahan_name": "kelurahan",
        "decision": "keputusan", "latitude": "lintang_dibulatkan", "longitude": "bujur_dibulatkan",
        "distance_from_centre_m": "jarak_dari_pusat_kelurahan_m", "is_far_from_kelurahan": "jauh"})
