"""Logging to data/logs/pantau.log (rotated) and the console. Messages never carry row values
(NIK, names): ingest errors name the file, the column and the reason only."""
from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler

from .settings import Settings

FORMAT = "%(asctime)s %(levelname)s %(message)s"


def setup_logging(settings: Settings, console: bool = True) -> logging.Logger:
    logger = logging.getLogger("pantau")
    if logger.handlers:
        return logger
    logger.setLevel(logging.INFO)
    settings.logs_dir.mkdir(parents=True, exist_ok=True)
    to_file = RotatingFileHandler(settings.logs_dir / "pantau.log", maxBytes=5_000_000, backupCount=5,
                                  encoding="utf-8")
    to_file.setFormatter(logging.Formatter(FORMAT))
    logger.addHandler(to_file)
    if console and sys.stderr.isatty():
        from rich.console import Console
        from rich.logging import RichHandler

        logger.addHandler(RichHandler(console=Console(stderr=True), show_path=False, markup=False))
    elif console:  # systemd's journal, a container log, a pipe: one plain line per message
        plain = logging.StreamHandler(sys.stderr)
        plain.setFormatter(logging.Formatter(FORMAT))
        logger.addHandler(plain)
    return logger
