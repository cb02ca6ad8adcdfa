"""Synthetic families and people: sizes, relationships, birth dates, NIK, KK numbers, names.

NIK = province(2) kab/kota(2) kecamatan(2) of first registration, birth day (+40 for women),
birth month, 2-digit birth year, 4-digit serial. KK = 6-digit issuing area, recording date
(DDMMYY), 4-digit serial. Serials count up within each prefix, so every NIK and KK is unique.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import names
from .calendar import HORIZON, VERVAL_START
from .regions import DemoRegions

FAMILY_SIZES = np.arange(1, 8)
FAMILY_SIZE_SHARE = np.array([0.08, 0.15, 0.22, 0.25, 0.16, 0.09, 0.05])
RELATIONSHIPS = ["KEPALA KELUARGA", "ISTRI/SUAMI", "ANAK", "MENANTU", "CUCU",
                 "ORANG TUA/MERTUA", "LAINNYA"]
INITIAL_FAMILIES = 31_300  # January 2021, at scale 1
NEW_FAMILIES_PER_MONTH_BEFORE_VERVAL = 440
NEW_FAMILIES_PER_MONTH_DURING_VERVAL = 95
REFERENCE_DATE = np.datetime64("2021-01-01")


def new_family_entries(rng: np.random.Generator, scale: float) -> np.ndarray:
    """Entry month of every family: the initial register, then new proposals every month."""
    entries = [np.zeros(round(INITIAL_FAMILIES * scale), dtype=np.int64)]
    for m in range(1, HORIZON):
        rate = (NEW_FAMILIES_PER_MONTH_BEFORE_VERVAL if m < VERVAL_START
                else NEW_FAMILIES_PER_MONTH_DURING_VERVAL)
        entries.append(np.full(rng.poisson(rate * scale), m, dtype=np.int64))
    return np.concatenate(entries)


def make_families(rng: np.random.Generator, scale: float, regions: DemoRegions) -> pd.DataFrame:
    entry = new_family_entries(rng, scale)
    n = len(entry)
    kel = rng.choice(len(regions.kel_codes), size=n, p=regions.kel_weight)
    fam = pd.DataFrame({
        "fidx": np.arange(n),
        "entry_m": entry,
        "size": rng.choice(FAMILY_SIZES, size=n, p=FAMILY_SIZE_SHARE),
        "kel_a": kel,
        # Programmes are family benefits here (PBI-JK is per person in reality; kept simple).
        "pkh": rng.random(n) < 0.16,
        "bpnt": rng.random(n) < 0.30,
        "pbi": rng.random(n) < 0.62,
        "rt": rng.integers(1, 16, n),
        "rw": rng.integers(1, 11, n),
        "street": rng.integers(0, len(names.STREETS), n),
        "house_no": rng.integers(1, 200, n),
    })
    fam["kec"] = regions.kel_kec[kel]
    # Within-city moves: the family's rows change kelurahan from move_m on; NIK stays.
    moves = rng.random(n) < 0.03
    fam["move_m"] = np.where(moves, entry + rng.integers(1, 40, n), 10_000)
    fam["kel_b"] = np.where(moves, rng.choice(len(regions.kel_codes), size=n, p=regions.kel_weight), kel)
    fam["kk"] = _kk_numbers(rng, fam)
    return fam


def _kk_numbers(rng: np.random.Generator, fam: pd.DataFrame) -> np.ndarray:
    days = rng.integers(0, (np.datetime64("2020-12-31") - np.datetime64("2005-01-01")).astype(int), len(fam))
    recorded = pd.DatetimeIndex(np.datetime64("2005-01-01") + days.astype("timedelta64[D]"))
    prefix = pd.Series(
        "3575" + pd.Series(fam["kec"]).map("{:02d}".format).to_numpy()
        + recorded.strftime("%d%m%y").to_numpy()
    )
    serial = prefix.groupby(prefix).cumcount() + 1
    return (prefix + serial.map("{:04d}".format)).to_numpy()


def make_people(rng: np.random.Generator, fam: pd.DataFrame, regions: DemoRegions) -> pd.DataFrame:
    fidx = np.repeat(fam["fidx"].to_numpy(), fam["size"].to_numpy())
    n = len(fidx)
    starts = np.repeat(np.cumsum(fam["size"].to_numpy()) - fam["size"].to_numpy(), fam["size"].to_numpy())
    position = np.arange(n) - starts
    size = fam["size"].to_numpy()[fidx]

    rel = np.full(n, 2)  # ANAK
    rel[position == 0] = 0
    spouse = (position == 1) & (rng.random(n) < 0.8)
    rel[spouse] = 1
    other = (position >= 2) & (rng.random(n) < 0.15)
    rel[other] = rng.choice([3, 4, 5, 6], size=other.sum(), p=[0.25, 0.35, 0.3, 0.1])

    head_male = rng.random(len(fam)) < 0.85
    male = rng.random(n) < 0.5
    male[position == 0] = head_male[fidx[position == 0]]
    male[spouse] = ~head_male[fidx[spouse]]

    head_age = np.clip(rng.normal(47, 13, len(fam)), 20, 85)[fidx]
    age = rng.uniform(0, np.clip(head_age - 18, 1, 30))  # children
    age = np.where(rel == 0, head_age, age)
    age = np.where(rel == 1, np.clip(head_age + rng.normal(-3, 4, n), 18, 90), age)
    age = np.where(rel == 3, rng.uniform(18, 35, n), age)
    age = np.where(rel == 4, rng.uniform(0, 12, n), age)
    age = np.where(rel == 5, np.clip(head_age + rng.uniform(20, 30, n), 40, 95), age)
    age = np.where(rel == 6, rng.uniform(15, 70, n), age)
    birth = REFERENCE_DATE - (age * 365.25).astype("timedelta64[D]")
    births = pd.DatetimeIndex(birth)

    people = pd.DataFrame({
        "pidx": np.arange(n), "fidx": fidx, "position": position, "size": size,
        "relationship": np.array(RELATIONSHIPS)[rel], "is_male": male,
        "birth_date": births.strftime("%Y-%m-%d"), "age_2021": age,
    })
    people["nik"] = _niks(rng, people, births, fam, regions)
    people["name"] = _names(rng, male)
    people["mother_name"] = _names(rng, np.zeros(n, dtype=bool))
    people["birth_place"] = np.array(names.BIRTH_PLACES)[rng.integers(0, len(names.BIRTH_PLACES), n)]
    return people


def _niks(rng, people: pd.DataFrame, births: pd.DatetimeIndex, fam: pd.DataFrame,
          regions: DemoRegions) -> np.ndarray:
    n = len(people)
    family_kec = fam["kec"].to_numpy()[people["fidx"].to_numpy()]
    random_kec = rng.integers(1, regions.kel_kec.max() + 1, n)
    own_kec = np.where(rng.random(n) < 0.8, family_kec, random_kec)
    region = np.char.add("3575", np.char.zfill(own_kec.astype(str), 2))
    # About 12 % were first registered elsewhere in Jawa Timur; their NIK keeps that prefix.
    born_elsewhere = rng.random(n) < 0.12
    other = rng.integers(0, len(regions.other_kabkota), n)
    other_code = np.array([code for code, _ in regions.other_kabkota])[other]
    other_kec = np.array([rng.integers(1, count + 1) for _, count in regions.other_kabkota])[other]
    other_region = np.char.add(other_code, np.char.zfill(other_kec.astype(str), 2))
    region = np.where(born_elsewhere, other_region, region)
    day = births.day.to_numpy() + np.where(people["is_male"].to_numpy(), 0, 40)
    prefix = pd.Series(
        np.char.add(np.char.add(region.astype(str), np.char.zfill(day.astype(str), 2)),
                    births.strftime("%m%y").to_numpy().astype(str))
    )
    order = rng.permutation(n)  # serials in random order, not by family
    serial = pd.Series(np.empty(n, dtype=np.int64))
    serial.iloc[order] = prefix.iloc[order].groupby(prefix.iloc[order].to_numpy()).cumcount().to_numpy() + 1
    return (prefix + serial.map("{:04d}".format)).to_numpy()


def _names(rng, male: np.ndarray) -> np.ndarray:
    n = len(male)
    first = np.where(male,
                     np.array(names.MALE_FIRST)[rng.integers(0, len(names.MALE_FIRST), n)],
                     np.array(names.FEMALE_FIRST)[rng.integers(0, len(names.FEMALE_FIRST), n)])
    second = np.array(names.SECOND)[rng.integers(0, len(names.SECOND), n)]
    has_second = rng.random(n) < 0.7
    return np.where(has_second, np.char.add(np.char.add(first.astype(str), " "), second), first)
