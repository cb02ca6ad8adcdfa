"""The benchmark's scenarios (issue 8) and what is measured in each.

Each scenario runs in its own data directory (data/bench/<name>) with the real commands, as
subprocesses, exactly as an operator runs them: `pantau demo-data`, `pantau refresh`.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scenario:
    name: str
    scale: float
    first: str  # first month of the demo data, YYYY-MM
    last: str
    next_month: str  # the generator's next month, added for the incremental refresh
    description: str
    run_pandas: str = "no"  # "yes", "no" or "if-it-fits" (estimated from the S1 run's memory)


S1 = Scenario("S1", 1, "2021-01", "2024-11", "2024-12",
              "demo Kota Pasuruan (puncak sekitar 145.000 orang), Jan 2021 - Nov 2024", run_pandas="yes")
S5 = Scenario("S5", 5, "2021-01", "2024-11", "2024-12",
              "skala 5: seukuran register Pamekasan (sekitar 725.000 orang di puncaknya), Jan 2021 - Nov 2024",
              run_pandas="if-it-fits")
S20 = Scenario("S20", 20, "2023-11", "2024-11", "2024-12",
               "skala 20: kabupaten besar, hanya 13 bulan terakhir (kasus inkremental)")
SMOKE = Scenario("smoke", 0.02, "2024-08", "2024-11", "2024-12",
                 "uji asap CI: skala 0,02, Agu - Nov 2024 (angka tidak bermakna)", run_pandas="yes")

SCENARIOS = {scenario.name: scenario for scenario in (S1, S5, S20, SMOKE)}
DEFAULT = ("S1", "S5", "S20")
