"""The stores through a database outage: a real PostgreSQL cluster stopped and started.

While it is down every write is spooled and de-duplication answers from memory; when it is
back everything spooled is written, exactly once, without a restart.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from bot.ops.metrics import REGISTRY
from bot.settings import Settings
from bot.storage.memory import FeedbackRecord, QuestionRecord, utcnow
from bot.storage.models import (
    FeedbackEntry,
    ProcessedEvent,
    QuestionLogEntry,
    ThreadContext,
    dispose_engines,
    get_engine,
)
from bot.storage.resilient import ResilientStores, database_problem, open_resilient_stores
from bot.storage.stores import DatabaseStores
from tests.support.polling import wait_until


def question(text: str) -> QuestionRecord:
    return QuestionRecord(channel_id="C1", user_id="U1", question=text, intent="who_leads",
                          understood=True, confidence=0.9, at=utcnow())


def click(text: str) -> FeedbackRecord:
    return FeedbackRecord(user_id="U1", channel_id="C1", question=text, answer="a", vote="down",
                          at=utcnow())


@pytest.fixture
def settings(private_postgres, tmp_path) -> Iterator[Settings]:
    yield Settings(_env_file=None, database_url=private_postgres.create_database(),
                   data_dir=tmp_path)
    dispose_engines()


@pytest.fixture
def stores(settings: Settings) -> Iterator[ResilientStores]:
    stores = open_resilient_stores(settings, retry_seconds=0.2, health_seconds=0.2)
    yield stores
    stores.close(timeout=2)


def write_errors() -> float:
    return REGISTRY.get_sample_value("alliance_bot_database_errors_total",
                                     {"operation": "write"}) or 0.0


def rows(settings: Settings, column) -> list:
    with get_engine(settings).connect() as connection:
        return list(connection.scalars(select(column)))


def test_an_outage_loses_nothing_and_writes_everything_once_when_the_database_is_back(
        private_postgres, settings, stores) -> None:
    stores.log_question(question("before"))
    assert stores.flush()
    private_postgres.stop()
    try:
        wait_until(lambda: not stores.available, what="the outage to be noticed")
        assert database_problem().startswith("database unreachable since")
        for number in range(20):
            stores.log_question(question(f"during {number}"))
        stores.record_feedback(click("during 0"))
        stores.put_context("C1:1.0", {"turn": 1})
        assert stores.get_context("C1:1.0") == {"turn": 1}  # read from the spool
        assert stores.first_delivery("Ev-outage") is True  # decided in memory...
        assert stores.first_delivery("Ev-outage") is False  # ...and remembered there
        stores.mark_answered("Ev-outage")
        failed_writes = write_errors()
        wait_until(lambda: write_errors() > failed_writes,
                   what="the writer to try (and fail) to write the spool")
        assert stores.spooled == 23  # what it could not write is still there
    finally:
        private_postgres.start()

    wait_until(lambda: stores.available and stores.spooled == 0, 20,
               "the spool to be written after recovery")
    asked = rows(settings, QuestionLogEntry.question)
    assert sorted(asked) == sorted(["before", *[f"during {n}" for n in range(20)]])
    assert rows(settings, FeedbackEntry.question) == ["during 0"]
    assert rows(settings, ThreadContext.context) == [{"turn": 1}]
    other_replica = DatabaseStores(get_engine(settings))
    assert other_replica.first_delivery("Ev-outage") is False  # the memory claim was written
    assert rows(settings, ProcessedEvent.answered_at)[0] is not None
    assert database_problem() is None


def test_a_batch_written_twice_is_stored_once(settings) -> None:
    """A commit whose outcome was lost with the connection is retried: no duplicate rows."""
    database = DatabaseStores(open_resilient_stores(settings)._connect().engine)
    batch = {"questions": [question("once")], "feedback": [click("once")]}
    database.write_batch(**batch)
    database.write_batch(**batch)
    with get_engine(settings).connect() as connection:
        assert connection.scalar(select(func.count()).select_from(QuestionLogEntry)) == 1
        assert connection.scalar(select(func.count()).select_from(FeedbackEntry)) == 1


def test_the_bot_can_start_while_the_database_is_down(private_postgres, settings) -> None:
    private_postgres.stop()
    try:
        stores = open_resilient_stores(settings, retry_seconds=0.2)
        assert not stores.available
        stores.log_question(question("asked before the database ever answered"))
    finally:
        private_postgres.start()
    try:
        wait_until(lambda: stores.available and stores.spooled == 0, 20,
                   "the schema to be created and the spool written")
        assert rows(settings, QuestionLogEntry.question) == [
            "asked before the database ever answered"]
    finally:
        stores.close()
