"""`pantau schedule`: refresh on a cron schedule, in the foreground (for systemd or a container).

Two refreshes never overlap: inside this process APScheduler runs one job at a time
(max_instances=1, late runs coalesced), and across processes the refresh takes an OS file lock
that the kernel releases if a process dies. Every run is recorded by the refresh itself
(ops.refresh_runs, shown on the Status Data page) and logged to data/logs/pantau.log.
"""
from __future__ import annotations

import logging
import signal
import threading
from datetime import datetime

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger

from .refresh import RefreshError, refresh
from .settings import Settings


class ScheduleError(Exception):
    """The schedule could not be set up (e.g. a malformed cron expression)."""


def parse_cron(expression: str) -> CronTrigger:
    try:
        return CronTrigger.from_crontab(expression)
    except ValueError as error:
        raise ScheduleError(f"jadwal cron '{expression}' tidak dikenali ({error}); gunakan 5 kolom "
                            "menit jam hari bulan hari-minggu, mis. \"0 2 * * *\" = setiap hari pukul 02.00") from None


def run_once(settings: Settings, log: logging.Logger) -> bool:
    """One scheduled refresh; failures are logged (and recorded by the refresh), never raised."""
    log.info("Refresh terjadwal dimulai")
    try:
        run = refresh(settings, say=log.info)
    except RefreshError as error:
        log.error("Refresh terjadwal gagal: %s", error)
        return False
    log.info("Refresh terjadwal %s (run %s)", run.status, run.run_id)
    return True


def serve_schedule(settings: Settings, expression: str, log: logging.Logger, run_now: bool = False,
                   max_runs: int | None = None) -> int:
    """Block, refreshing on the cron schedule, until SIGTERM/Ctrl+C or max_runs runs."""
    trigger = parse_cron(expression)
    scheduler = BackgroundScheduler()
    done, stop, count_lock = {"runs": 0}, threading.Event(), threading.Lock()

    def job() -> None:
        run_once(settings, log)
        with count_lock:
            done["runs"] += 1
            if max_runs is not None and done["runs"] >= max_runs:
                stop.set()  # the main thread stops the scheduler: never from inside its own job

    scheduler.add_job(job, trigger, id="refresh", max_instances=1, coalesce=True, misfire_grace_time=3600)
    if run_now:
        scheduler.add_job(job, id="refresh-now", max_instances=1)
    signal.signal(signal.SIGTERM, lambda *_: stop.set())  # systemd stop: finish cleanly
    scheduler.start()
    log.info("Jadwal refresh '%s' aktif; berikutnya %s", expression,
             trigger.get_next_fire_time(None, datetime.now().astimezone()))
    try:
        while not stop.wait(timeout=1.0):
            pass
    except KeyboardInterrupt:
        pass
    scheduler.shutdown(wait=True)  # a refresh in progress finishes first
    log.info("Jadwal dihentikan")
    return 0
