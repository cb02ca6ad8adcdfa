"""Region lists for the demo, read from the committed seeds (not from ../shared at run time)."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np


@dataclass(frozen=True)
class DemoRegions:
    kel_codes: list[str]  # Kemendagri codes without dots, e.g. '3575011001'
    kel_names: list[str]
    kel_kec: np.ndarray  # kecamatan number (1..4) of each kelurahan
    kel_weight: np.ndarray  # share of the register living in each kelurahan
    kel_lat: np.ndarray  # synthetic centroids (no boundaries are shipped)
    kel_lon: np.ndarray
    other_kabkota: list[tuple[str, int]]  # (4-digit code, number of kecamatan) outside the city
    kabkota: list[dict]  # every kab/kota of Jawa Timur, for the aggregate counts


# Rough kecamatan centres of Kota Pasuruan; kelurahan are placed around them synthetically.
_KEC_CENTRE = {1: (-7.660, 112.893), 2: (-7.655, 112.912), 3: (-7.648, 112.930), 4: (-7.633, 112.908)}


def load_demo_regions(seeds_dir: Path, own_region: str = "35.75") -> DemoRegions:
    with open(seeds_dir / "ref_wilayah.csv", newline="") as handle:
        wilayah = [r for r in csv.DictReader(handle)
                   if r["kode_kabkota"] == own_region and r["level"] == "desa_kelurahan"]
    with open(seeds_dir / "ref_kabkota_jatim.csv", newline="") as handle:
        kabkota = list(csv.DictReader(handle))
    codes = [r["kode_kemendagri"].replace(".", "") for r in wilayah]
    kec = np.array([int(code[4:6]) for code in codes])
    rng = np.random.default_rng(3575)  # fixed: the map layout is not part of the demo seed
    weight = rng.uniform(0.6, 1.4, len(codes))
    lat = np.empty(len(codes))
    lon = np.empty(len(codes))
    for i, k in enumerate(kec):
        centre_lat, centre_lon = _KEC_CENTRE.get(int(k), (-7.645, 112.907))
        lat[i] = centre_lat + rng.uniform(-0.007, 0.007)
        lon[i] = centre_lon + rng.uniform(-0.008, 0.008)
    others = [(r["kode_kemendagri"].replace(".", ""), int(r["jumlah_kecamatan"]))
              for r in kabkota if r["kode_kemendagri"] != own_region]
    return DemoRegions(codes, [r["nama"] for r in wilayah], kec, weight / weight.sum(),
                       lat, lon, others, kabkota)
