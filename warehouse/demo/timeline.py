"""Who is in the register in which month, and the field visits (verval) that remove people.

Every person has a membership window [entry_m, exit_m). Families enter together (the
initial register, then new proposals every month); people leave by death, moving away,
Dukcapil cleansing of unmatched NIKs ("TIDAK PADAN"), or a field decision "tidak layak"
acted on one to four months after the visit. Some "tidak layak" decisions are never acted
on, so the warehouse has an integrity signal to find. Some people also sit in the register
under a second ID_DTKS (a duplicate) until verval cleans it.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .calendar import HORIZON, STORY_END, VERVAL_START

NEVER = 10_000
TARGET_NOV_2024 = 59_521
# Reason codes (seeds/ref_alasan_keluar.csv) for "tidak layak" decisions, with their shares.
NOT_ELIGIBLE_REASONS = ["MAMPU", "KELUARGA_PINDAH", "ALAMAT_TIDAK_DITEMUKAN", "ASN_TNI_POLRI",
                        "MENOLAK", "DI_LUAR_DESIL", "MENINGGAL"]
NOT_ELIGIBLE_SHARE = [0.55, 0.12, 0.10, 0.06, 0.03, 0.10, 0.04]
P_NOT_ELIGIBLE_BACKLOG = 0.645
P_NOT_ELIGIBLE_NEW = 0.25
P_NEVER_ACTED = 0.06


def _months_until(rng, hazard: np.ndarray) -> np.ndarray:
    return rng.geometric(hazard)


def person_exits(rng, fam: pd.DataFrame, people: pd.DataFrame) -> pd.DataFrame:
    """Exits that do not depend on verval: deaths, moves, Dukcapil cleansing."""
    n = len(people)
    entry = fam["entry_m"].to_numpy()[people["fidx"].to_numpy()]
    old = people["age_2021"].to_numpy() >= 60
    death = entry + _months_until(rng, np.where(old, 0.0025, 0.0004))
    moved = entry + _months_until(rng, np.full(n, 0.0003))
    unmatched = rng.random(n) < 0.025
    cleansing = np.maximum(rng.integers(24, 41, n), entry + 3)
    family_moved = entry + _months_until(rng, np.full(len(fam), 0.0008))[people["fidx"].to_numpy()]
    exits = pd.DataFrame({"entry_m": entry, "death_m": death, "moved_m": moved,
                          "family_moved_m": family_moved,
                          "cleansing_m": np.where(unmatched, cleansing, NEVER),
                          "is_unmatched": unmatched})
    exits["exit_m"] = exits[["death_m", "moved_m", "family_moved_m", "cleansing_m"]].min(axis=1)
    return exits


def field_visits(rng, scale: float, fam: pd.DataFrame, people: pd.DataFrame,
                 exits: pd.DataFrame) -> pd.DataFrame:
    """One visit per family still in the register: the backlog first, then new proposals."""
    fidx = people["fidx"].to_numpy()
    last_present = pd.Series(exits["exit_m"].to_numpy()).groupby(fidx).max().reindex(
        fam["fidx"], fill_value=-1).to_numpy()
    entry = fam["entry_m"].to_numpy()
    n = len(fam)
    visit = np.full(n, NEVER)
    backlog = np.flatnonzero((entry <= VERVAL_START) & (last_present > VERVAL_START))
    order = rng.permutation(backlog)
    months = np.arange(VERVAL_START, HORIZON)
    capacity = np.round(scale * np.minimum(2200, 700 + 100 * (months - VERVAL_START))).astype(int)
    slot = np.searchsorted(np.cumsum(capacity), np.arange(len(order)), side="right")
    visit[order] = months[np.minimum(slot, len(months) - 1)]
    later = entry > VERVAL_START
    visit[later] = entry[later] + rng.integers(1, 5, later.sum())
    visit[(visit >= last_present) | (visit >= HORIZON)] = NEVER

    p_not_eligible = np.where(later, P_NOT_ELIGIBLE_NEW, P_NOT_ELIGIBLE_BACKLOG)
    not_eligible = (rng.random(n) < p_not_eligible) & (visit < NEVER)
    reason = rng.choice(NOT_ELIGIBLE_REASONS, size=n, p=NOT_ELIGIBLE_SHARE)
    acted = rng.random(n) >= P_NEVER_ACTED
    lag = rng.choice([1, 2, 3, 4], size=n, p=[0.45, 0.35, 0.15, 0.05])
    removal = np.where(not_eligible & acted, visit + lag, NEVER)
    return pd.DataFrame({"fidx": fam["fidx"], "visit_m": visit, "is_not_eligible": not_eligible,
                         "reason": np.where(not_eligible, reason, ""), "is_acted_on": acted & not_eligible,
                         "removal_m": removal})


def register_windows(rng, scale: float, fam: pd.DataFrame, people: pd.DataFrame,
                     exits: pd.DataFrame, visits: pd.DataFrame) -> pd.DataFrame:
    """[entry_m, exit_m) per person, adjusted so November 2024 holds exactly the target."""
    fidx = people["fidx"].to_numpy()
    entry = exits["entry_m"].to_numpy().copy()
    exit_m = np.minimum(exits["exit_m"].to_numpy(), visits["removal_m"].to_numpy()[fidx])
    exit_m = np.minimum(exit_m, NEVER)
    target = round(TARGET_NOV_2024 * scale)
    present = (entry <= STORY_END) & (exit_m > STORY_END)
    surplus = int(present.sum()) - target
    if surplus > 0:  # a few more individual exits in November 2024 (unexplained in the data)
        chosen = rng.choice(np.flatnonzero(present & (entry < STORY_END)), surplus, replace=False)
        exit_m[chosen] = STORY_END
    elif surplus < 0:  # delay some recent exits past November (removal took longer)
        leaving = np.flatnonzero((entry <= STORY_END) & (exit_m >= STORY_END - 6) & (exit_m <= STORY_END))
        if len(leaving) < -surplus:
            raise RuntimeError("demo calibration cannot reach the November 2024 target")
        exit_m[rng.choice(leaving, -surplus, replace=False)] = STORY_END + 1
    return pd.DataFrame({"pidx": people["pidx"], "entry_m": entry, "exit_m": exit_m})


def duplicate_windows(rng, people: pd.DataFrame, windows: pd.DataFrame,
                      visits: pd.DataFrame) -> pd.DataFrame:
    """Second ID_DTKS rows for ~0.7 % of people, until their family is visited (or a while)."""
    n = len(people)
    entry = windows["entry_m"].to_numpy()
    exit_m = np.minimum(windows["exit_m"].to_numpy(), HORIZON)
    chosen = np.flatnonzero((rng.random(n) < 0.007) & (exit_m - entry > 2))
    start = entry[chosen] + (rng.random(len(chosen)) * (exit_m[chosen] - entry[chosen] - 1)).astype(int)
    visit = visits["visit_m"].to_numpy()[people["fidx"].to_numpy()[chosen]]
    end = np.where(visit > start, visit + 1, start + rng.integers(3, 19, len(chosen)))
    end = np.minimum(end, exit_m[chosen])
    keep = end > start
    return pd.DataFrame({"pidx": chosen[keep], "entry_m": start[keep], "exit_m": end[keep]})
