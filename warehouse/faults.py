"""Crash points for the fault tests: with PANTAU_CRASH_AT=<point> the process kills itself
(SIGKILL to its process group, no clean-up at all) when it reaches that point, the way a power cut or the OOM
killer would. Unset in normal use; each point is a line in the code path it names."""
from __future__ import annotations

import os
import signal

POINTS = ("ingest", "dbt", "publish")


def crash_point(name: str) -> None:
    """Kill this process and its children (dbt) at once, as a power cut would."""
    if os.environ.get("PANTAU_CRASH_AT") == name:
        os.killpg(os.getpgrp(), signal.SIGKILL)
