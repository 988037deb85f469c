"""The digest clock inside `alliance-bot serve`: an APScheduler tick that runs `send_due`.

Every replica ticks; the claims in the database decide which one sends each digest. The same
scheduler runs the daily retention purge.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, timedelta
from typing import Any

from apscheduler.schedulers.background import BackgroundScheduler
from slack_sdk import WebClient

from bot.digest.delivery import send_due
from bot.settings import Settings
from bot.storage.memory import utcnow
from bot.storage.models import ensure_database
from bot.storage.resilient import database_available
from bot.storage.stores import purge_expired

log = logging.getLogger(__name__)

TICK_SECONDS = 60  # a digest goes out within a minute of its local time
PURGE_INTERVAL = timedelta(hours=24)
PURGE_FIRST_DELAY = timedelta(minutes=5)  # let start-up settle before the first purge


def start_digest_scheduler(settings: Settings, client: WebClient, assistant: Any,
                           *, tick_seconds: float = TICK_SECONDS,
                           purge_first_delay: timedelta = PURGE_FIRST_DELAY) -> Callable[[], None]:
    """Start ticking now; returns a function that stops after the channel being sent."""
    stopping = threading.Event()

    def tick() -> None:
        # During a database outage (which the serving stores log once) a pass would only
        # fail: skip it. Digests still due are sent by the first pass after recovery, since a
        # digest stays due until local midnight; the claims keep that at most once.
        if not database_available():
            return
        try:
            engine = ensure_database(settings)  # the bot may have started during an outage
            report = send_due(engine, client, assistant, now=utcnow(),
                              should_stop=stopping.is_set)
        except Exception:  # noqa: BLE001 - a failed pass is logged; the next tick tries again
            log.exception("digest pass failed")
            return
        if report.due:
            log.info("digest pass: %s", report)

    def purge() -> None:
        try:
            log.info("retention purge: %s", purge_expired(settings))
        except Exception:  # noqa: BLE001 - logged; tomorrow's purge tries again
            log.exception("retention purge failed")

    scheduler = BackgroundScheduler(timezone=UTC)
    scheduler.add_job(tick, "interval", seconds=tick_seconds, id="digest-send-due",
                      next_run_time=utcnow(), coalesce=True, max_instances=1)
    scheduler.add_job(purge, "interval", seconds=PURGE_INTERVAL.total_seconds(),
                      id="retention-purge", next_run_time=utcnow() + purge_first_delay,
                      coalesce=True, max_instances=1)
    scheduler.start()

    def stop() -> None:
        stopping.set()
        scheduler.shutdown(wait=True)

    return stop
