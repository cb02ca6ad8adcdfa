"""Deterministic synthetic data shaped like Kota Pasuruan's DTKS story (see README)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .aggregates import write_aggregates
from .assessments import visit_rows, write_assessments
from .calendar import STORY_END, month_index
from .extracts import write_extracts
from .plan import write_plan
from .population import make_families, make_people
from .regions import load_demo_regions
from .timeline import duplicate_windows, field_visits, person_exits, register_windows


@dataclass(frozen=True)
class DemoResult:
    files: list[Path]
    people_ever: int
    families_ever: int


def generate(inbox_dir: Path, seeds_dir: Path, seed: int = 2024, scale: float = 1.0,
             first: str = "2021-01", last: str = "2024-11", own_region: str = "35.75") -> DemoResult:
    """Write register extracts, assessments and aggregate counts for months first..last."""
    months = list(range(month_index(first), month_index(last) + 1))
    if not months:
        raise ValueError(f"rentang bulan kosong: {first} s.d. {last}")
    if scale <= 0:
        raise ValueError("--scale harus lebih besar dari 0")
    regions = load_demo_regions(seeds_dir, own_region)
    rng = np.random.default_rng(seed)
    fam = make_families(rng, scale, regions)
    people = make_people(rng, fam, regions)
    exits = person_exits(rng, fam, people)
    visits = field_visits(rng, scale, fam, people, exits)
    windows = register_windows(rng, scale, fam, people, exits, visits)
    duplicates = duplicate_windows(rng, people, windows, visits)

    n = len(people)
    register_rows = pd.concat([
        windows.assign(id_dtks=[f"3575{i:09d}" for i in range(1, n + 1)]),
        duplicates.assign(id_dtks=[f"3575{n + i:09d}" for i in range(1, len(duplicates) + 1)]),
    ], ignore_index=True)
    register_rows["row_id"] = np.arange(len(register_rows))

    files = write_extracts(inbox_dir / "dtks", seed, months, fam, people, regions, register_rows,
                           exits["is_unmatched"].to_numpy())
    rows = visit_rows(seed, fam, people, visits, windows, regions)
    files += write_assessments(inbox_dir / "assessments", rows, months)
    files += write_aggregates(inbox_dir / "aggregates", seed, regions, months, own_region)
    write_plan(inbox_dir.parent / "demo_plan.json", seed, scale, people, visits, windows, rows)
    return DemoResult(files, n, len(fam))


__all__ = ["STORY_END", "DemoResult", "generate"]
