"""Field assessment exports (verval): AppSheet CSV until June 2023, then Lastri XLSX.

One row per household visit: date, enumerator, head's KK and NIK, the BPS 14 criteria, income,
household size, photo, GPS point, decision (LAYAK / TIDAK LAYAK), reason code and how the
household was selected (random sample, backlog update, new proposal). A few rows
are damaged as real exports are: no photo, no GPS point, NIK in Excel notation, repeated rows.
"""
from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd

from .calendar import HORIZON, VERVAL_START, month_label
from .timeline import NEVER
from .xlsx import write_xlsx

LASTRI_FROM = 30  # July 2023: the city's own app replaces AppSheet
CRITERIA = [f"K{i:02d}" for i in range(1, 15)]
COLUMNS = (["ID_KUNJUNGAN", "TANGGAL_KUNJUNGAN", "PETUGAS", "KODE_KELURAHAN", "NO_KK", "NIK_KEPALA",
            "NAMA_KEPALA", "JUMLAH_ART", "PENGHASILAN_SEBULAN"] + CRITERIA
           + ["FOTO_RUMAH", "LATITUDE", "LONGITUDE", "KEPUTUSAN", "ALASAN", "METODE_PEMILIHAN"])
# How the household came to be visited. The first month of verval draws households from the
# backlog in random order, so it is a random sample of the register (the office's "uji petik").
RANDOM_SAMPLE = "SAMPEL ACAK"
FAR_SHARE = 0.004  # GPS points placed 2-3 km from their kelurahan


def assessment_path(inbox: Path, m: int) -> Path:
    if m < LASTRI_FROM:
        return inbox / f"sintetis_appsheet_verval_{month_label(m)}.csv"
    return inbox / f"sintetis_lastri_verval_{month_label(m)}.xlsx"


def visit_rows(seed: int, fam, people, visits, windows, regions) -> pd.DataFrame:
    rng = np.random.default_rng([seed, 11])
    visited = visits[visits["visit_m"] < NEVER].copy()
    fam_v = fam.set_index("fidx").loc[visited["fidx"]]
    heads = people[people["position"] == 0].set_index("fidx").loc[visited["fidx"]]
    m = visited["visit_m"].to_numpy()
    n = len(visited)
    kel = np.where(m >= fam_v["move_m"].to_numpy(), fam_v["kel_b"].to_numpy(), fam_v["kel_a"].to_numpy())
    # household size at the visit: members in the register that month
    member_fam = people["fidx"].to_numpy()
    visit_of_member = visits["visit_m"].to_numpy()[member_fam]
    present = (windows["entry_m"].to_numpy() <= visit_of_member) & (visit_of_member < windows["exit_m"].to_numpy())
    size = pd.Series(present).groupby(member_fam).sum().reindex(visited["fidx"]).to_numpy()
    not_eligible = visited["is_not_eligible"].to_numpy()
    yes_count = np.where(not_eligible, rng.binomial(14, 0.35, n), rng.binomial(14, 0.72, n))
    ranks = rng.random((n, 14)).argsort(axis=1).argsort(axis=1)
    answers = np.where(ranks < yes_count[:, None], "YA", "TIDAK")
    per_capita = np.where(not_eligible, rng.lognormal(np.log(1_300_000), 0.45, n),
                          rng.lognormal(np.log(430_000), 0.35, n))
    income = np.round(per_capita * np.maximum(size, 1), -3).astype(np.int64)
    day = rng.integers(1, 29, n)
    dates = [f"{month_label(mm)}-{dd:02d}" for mm, dd in zip(m, day)]
    kec = regions.kel_kec[kel]
    enumerator = [f"PTG-{k:02d}{e:02d}" for k, e in zip(kec, rng.integers(1, 4, n))]
    lat = regions.kel_lat[kel] + rng.normal(0, 0.0018, n)
    lon = regions.kel_lon[kel] + rng.normal(0, 0.0018, n)
    # a few points taken 2-3 km away (entered at the office, a wrong household): the map flags them
    far_rng = np.random.default_rng([seed, 12])
    is_far = far_rng.random(n) < FAR_SHARE
    lat = lat + np.where(is_far, far_rng.choice([-1.0, 1.0], n) * far_rng.uniform(0.02, 0.03, n), 0.0)
    rows = pd.DataFrame({
        "fidx": visited["fidx"].to_numpy(),
        "visit_m": m,
        "ID_KUNJUNGAN": [f"VV{seed % 100:02d}{i:07d}" for i in range(1, n + 1)],
        "TANGGAL_KUNJUNGAN": dates, "PETUGAS": enumerator,
        "KODE_KELURAHAN": np.array(regions.kel_codes)[kel],
        "NO_KK": fam_v["kk"].to_numpy(), "NIK_KEPALA": heads["nik"].to_numpy(),
        "NAMA_KEPALA": heads["name"].to_numpy(), "JUMLAH_ART": size, "PENGHASILAN_SEBULAN": income,
    })
    for i, name in enumerate(CRITERIA):
        rows[name] = answers[:, i]
    rows["FOTO_RUMAH"] = np.where(rng.random(n) < 0.03, "", "Foto_Rumah/" + rows["ID_KUNJUNGAN"] + ".jpg")
    no_gps = rng.random(n) < 0.02
    rows["is_gps_far"] = is_far & ~no_gps
    rows["LATITUDE"] = np.where(no_gps, "", np.round(lat, 6).astype(str))
    rows["LONGITUDE"] = np.where(no_gps, "", np.round(lon, 6).astype(str))
    rows["KEPUTUSAN"] = np.where(not_eligible, "TIDAK LAYAK", "LAYAK")
    rows["ALASAN"] = visited["reason"].to_numpy()
    is_backlog = fam_v["entry_m"].to_numpy() <= VERVAL_START
    rows["METODE_PEMILIHAN"] = np.where(m == VERVAL_START, RANDOM_SAMPLE,
                                        np.where(is_backlog, "PEMUTAKHIRAN", "USULAN BARU"))
    excel_nik = rng.random(n) < 0.003
    rows.loc[excel_nik, "NIK_KEPALA"] = [f"{v[0]}.{v[1:6]}E+15" for v in rows.loc[excel_nik, "NIK_KEPALA"]]
    rows["is_quarantined"] = excel_nik  # the warehouse will not see these visits
    repeated = rows[rng.random(n) < 0.003].assign(is_quarantined=True)
    return pd.concat([rows, repeated]).sort_values(["visit_m", "ID_KUNJUNGAN"], kind="stable")


def write_assessments(inbox: Path, rows: pd.DataFrame, months: list[int]) -> list[Path]:
    inbox.mkdir(parents=True, exist_ok=True)
    written = []
    for m in months:
        month_rows = rows[rows["visit_m"] == m][COLUMNS]
        if month_rows.empty or m >= HORIZON:
            continue
        path = assessment_path(inbox, m)
        if m < LASTRI_FROM:
            month_rows.to_csv(path, index=False, quoting=csv.QUOTE_MINIMAL)
        else:
            write_xlsx(path, "Verval", COLUMNS, month_rows.astype(str).itertuples(index=False))
        written.append(path)
    return written
