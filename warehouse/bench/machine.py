"""What the benchmark ran on: machine facts and package versions, for the report."""
from __future__ import annotations

import os
import platform
import shutil
from importlib import metadata
from pathlib import Path

PACKAGES = ("duckdb", "dbt-core", "dbt-duckdb", "pandas", "pyarrow", "dash", "plotly", "flask")


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except FileNotFoundError:
        pass
    return platform.processor() or "tidak diketahui"


def memory_bytes() -> int:
    with open("/proc/meminfo") as handle:
        for line in handle:
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) * 1024
    return 0


def machine_facts(data_dir: Path) -> dict:
    data_dir.mkdir(parents=True, exist_ok=True)
    disk = shutil.disk_usage(data_dir)
    return {"cpu": _cpu_model(), "cores": os.cpu_count(), "memory_bytes": memory_bytes(),
            "kernel": platform.release(), "system": platform.system(),
            "disk_free_bytes": disk.free, "python": platform.python_version()}


def package_versions() -> dict:
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "tidak terpasang"
    return versions
