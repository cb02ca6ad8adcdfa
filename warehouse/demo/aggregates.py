"""Monthly register counts per kab/kota of Jawa Timur (other regions, for comparison).

Synthetic shares: Kabupaten Pamekasan near 80 % of its population and rising (as in the
source article), the others between 25 % and 55 % with slow trends.
"""
from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from .calendar import month_label

PAMEKASAN = "35.28"


def aggregate_path(inbox: Path, m: int) -> Path:
    return inbox / f"sintetis_rekap_dtks_jatim_{month_label(m)}.csv"


def write_aggregates(inbox: Path, seed: int, regions, months: list[int], own_region: str) -> list[Path]:
    inbox.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng([seed, 13])
    others = [r for r in regions.kabkota if r["kode_kemendagri"] != own_region]
    base = rng.uniform(0.25, 0.55, len(others))
    trend = rng.normal(0, 0.0008, len(others))
    written = []
    for m in months:
        noise = np.random.default_rng([seed, 13, m]).normal(0, 0.002, len(others))
        path = aggregate_path(inbox, m)
        with open(path, "w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["kode_wilayah", "nama_wilayah", "periode", "jumlah_jiwa", "jumlah_keluarga"])
            for i, region in enumerate(others):
                if region["kode_kemendagri"] == PAMEKASAN:
                    share = 0.745 + 0.0012 * m + noise[i] / 2
                else:
                    share = base[i] + trend[i] * m + noise[i]
                people = round(int(region["penduduk_total"]) * share)
                writer.writerow([region["kode_kemendagri"], region["nama"], month_label(m),
                                 people, round(people / 3.6)])
        written.append(path)
    return written
