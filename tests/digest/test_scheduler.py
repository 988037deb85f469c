"""The scheduler inside `serve`: its daily retention purge really deletes old rows."""

from __future__ import annotations

import time
from datetime import timedelta

from slack_sdk import WebClient
from sqlalchemy import select

from bot.digest.scheduler import start_digest_scheduler
from bot.settings import Settings
from bot.storage.memory import FeedbackRecord, QuestionRecord, utcnow
from bot.storage.models import FeedbackEntry, QuestionLogEntry, get_engine
from bot.storage.stores import open_stores
from tests.digest.conftest import MapAssistant

HOUR_OF_TICKS = 3600  # the digest tick stays out of the way: only the purge runs


def texts(settings: Settings, column) -> list[str]:
    with get_engine(settings).connect() as connection:
        return sorted(connection.scalars(select(column)))


def test_the_scheduled_purge_deletes_what_is_older_than_the_retention(
        settings: Settings, client: WebClient, assistant: MapAssistant) -> None:
    stores = open_stores(settings)
    now = utcnow()
    old = now - timedelta(days=settings.question_log_retention_days, hours=1)
    recent = now - timedelta(days=settings.question_log_retention_days - 1)
    for at, text in ((old, "old"), (recent, "recent")):
        stores.questions.log_question(QuestionRecord(
            channel_id="C1", user_id="U1", question=text, intent="who_leads", understood=True,
            confidence=0.9, at=at))
        stores.feedback.record_feedback(FeedbackRecord(
            user_id="U1", channel_id="C1", question=text, answer="a", vote="down", at=at))
    stop = start_digest_scheduler(settings, client, assistant, tick_seconds=HOUR_OF_TICKS,
                                  purge_first_delay=timedelta(0))
    try:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and "old" in texts(settings, QuestionLogEntry.question):
            time.sleep(0.05)
        assert texts(settings, QuestionLogEntry.question) == ["recent"]
        assert texts(settings, FeedbackEntry.question) == ["recent"]
    finally:
        stop()
