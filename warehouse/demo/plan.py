"""The generator's plan, for tests only: what it planted, so the warehouse's findings can be
checked against the truth. Written beside the inbox (data/demo_plan.json); the warehouse
never reads it."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from .calendar import STORY_END, month_label

INTEGRITY_GRACE_MONTHS = 4  # removals follow a decision within 1-4 months (timeline.py)


def write_plan(path: Path, seed: int, scale: float, people: pd.DataFrame, visits: pd.DataFrame,
               windows: pd.DataFrame, visit_rows: pd.DataFrame) -> None:
    present = (windows["entry_m"].to_numpy() <= STORY_END) & (windows["exit_m"].to_numpy() > STORY_END)
    families_present = set(people["fidx"].to_numpy()[present])
    seen = visit_rows[~visit_rows["is_quarantined"]]
    visible_families = set(seen["fidx"])
    decided = visits[visits["is_not_eligible"] & (visits["visit_m"] <= STORY_END - INTEGRITY_GRACE_MONTHS)]
    decided = decided[decided["fidx"].isin(visible_families)]
    still_present = decided[decided["fidx"].isin(families_present)]
    plan = {
        "seed": seed,
        "scale": scale,
        "story_end": month_label(STORY_END),
        "people_in_register_at_story_end": int(present.sum()),
        "integrity_grace_months": INTEGRITY_GRACE_MONTHS,
        # families decided "tidak layak" at least the grace period before the story's end, whose
        # visit row loads, and who are still in the register then (the integrity signal)
        "families_not_eligible_still_registered": int(len(still_present)),
        "of_which_never_acted_on": int((~still_present["is_acted_on"]).sum()),
        "visits_loaded": int((seen["visit_m"] <= STORY_END).sum()),
        "gps_points_far_from_kelurahan_loaded": int(seen.loc[seen["visit_m"] <= STORY_END, "is_gps_far"].sum()),
        "visits_not_eligible_loaded": int(seen.loc[seen["visit_m"] <= STORY_END, "fidx"].isin(
            visits.loc[visits["is_not_eligible"], "fidx"]).sum()),
    }
    path.write_text(json.dumps(plan, indent=2) + "\n")
