"""Run a command and measure it: wall time and the peak memory of its whole process tree.

Peak memory is sampled (every 20 ms) as the sum of the resident set sizes of the process and
all its descendants: `pantau refresh` runs dbt in a child process, and the machine's memory
is what both hold together. A spike shorter than the interval can be missed; the kernel's own
high-water mark (ru_maxrss of the waited child) is taken too and the larger one reported.
"""
from __future__ import annotations

import os
import resource
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

SAMPLE_SECONDS = 0.02


@dataclass
class Measured:
    command: list[str]
    seconds: float
    peak_rss_bytes: int
    return_code: int
    output: str
    started_at: float  # epoch seconds
    samples: list[tuple[float, int]] = field(default_factory=list)  # (epoch seconds, tree RSS bytes)

    def peak_between(self, start: float, end: float) -> int:
        """Peak sampled tree RSS within [start, end] (epoch seconds): one step of a run."""
        inside = [rss for at, rss in self.samples if start <= at <= end]
        return max(inside, default=0)


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found += [int(child) for child in handle.read().split()]
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        pass
    return found


def _rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return 0


def tree_rss_bytes(pid: int) -> int:
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        total += _rss_bytes(current)
        pending += _children(current)
    return total


def run_measured(command: list[str], env: dict | None = None, cwd: Path | None = None) -> Measured:
    started = time.time()
    clock = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True)
    samples: list[tuple[float, int]] = []
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            samples.append((time.time(), tree_rss_bytes(process.pid)))
            done.wait(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = process.stdout.read()
    # wait4 gives this child's own rusage (with its waited-for descendants), not the bench's
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - clock
    done.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    kernel_peak = usage.ru_maxrss * 1024  # kilobytes on Linux
    sampled_peak = max((rss for _, rss in samples), default=0)
    return Measured(command, seconds, max(kernel_peak, sampled_peak), process.returncode, output, started,
                    samples)


def own_peak_rss_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
