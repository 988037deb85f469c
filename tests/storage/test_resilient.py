"""The spool's bound, the request budget and event-claim takeover, without stopping a server:
a `connect` that fails (or hangs) on demand stands in for the database going away."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import OperationalError

from bot.ops.metrics import REGISTRY
from bot.settings import Settings
from bot.storage.memory import utcnow
from bot.storage.models import FeedbackEntry, ProcessedEvent, QuestionLogEntry, ensure_database
from bot.storage.resilient import ResilientStores
from bot.storage.stores import EVENT_CLAIM_LEASE, DatabaseStores, open_stores
from tests.storage.test_outage import click, question
from tests.support.polling import wait_until


class Switch:
    """`connect` for ResilientStores: the real database while `up`, else a refused connection."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.up = False

    def __call__(self) -> DatabaseStores:
        if not self.up:
            raise OperationalError("connect", {}, ConnectionRefusedError("connection refused"))
        return DatabaseStores(ensure_database(self.settings))


@pytest.fixture
def switch(settings: Settings) -> Switch:
    return Switch(settings)


@pytest.fixture
def spool(switch: Switch) -> Iterator[ResilientStores]:
    stores = ResilientStores(switch, spool_limit=5, retry_seconds=0.05)
    yield stores
    stores.close(timeout=2)


def dropped(kind: str) -> float:
    return REGISTRY.get_sample_value("alliance_bot_storage_spool_dropped_total",
                                     {"kind": kind}) or 0.0


def stored(settings: Settings, column) -> list:
    with ensure_database(settings).connect() as connection:
        return list(connection.scalars(select(column)))


def test_a_full_spool_drops_the_oldest_questions_and_never_feedback(settings, switch, spool):
    before = dropped("question")
    for number in range(3):
        spool.record_feedback(click(f"click {number}"))
    for number in range(6):
        spool.log_question(question(f"q{number}"))
    assert dropped("question") == before + 4  # q0..q3, to make room for q2..q5
    spool.record_feedback(click("click 3"))  # the feedback pushes q4 out
    for number in range(4, 7):
        spool.record_feedback(click(f"click {number}"))  # no question left: over the bound

    assert dropped("question") == before + 6
    assert spool.spooled == 7
    switch.up = True
    wait_until(lambda: spool.available and spool.spooled == 0, what="the spool to be written")
    assert sorted(stored(settings, FeedbackEntry.question)) == [f"click {n}" for n in range(7)]
    assert stored(settings, QuestionLogEntry.question) == []


def test_when_the_bound_is_reached_the_newest_questions_are_the_ones_kept(
        settings, switch, spool):
    for number in range(8):
        spool.log_question(question(f"q{number}"))
    switch.up = True
    wait_until(lambda: spool.available and spool.spooled == 0, what="the spool to be written")
    assert sorted(stored(settings, QuestionLogEntry.question)) == [f"q{n}" for n in range(3, 8)]


def test_a_database_that_hangs_costs_a_request_one_budget_then_nothing(settings):
    release = threading.Event()

    class Hanging(DatabaseStores):
        def first_delivery(self, event_id: str) -> bool:
            release.wait(10)
            return True

    stores = ResilientStores(lambda: Hanging(ensure_database(settings)), request_budget=0.2,
                             stuck_seconds=0.5, retry_seconds=30, health_seconds=30)
    try:
        assert stores.first_delivery("Ev1") is True  # given up after the budget: memory says
        assert stores.first_delivery("Ev1") is False  # a repeat to this process is dropped
        assert stores.first_delivery("Ev2") is True  # no wait: the first call is still stuck
        assert stores.available  # slow is not down: a CPU-starved process hears back late too
        wait_until(lambda: stores.first_delivery(f"Ev-{time.monotonic()}")
                   and not stores.available, what="a call stuck past stuck_seconds")
        assert "got no answer within 0.2 s" in stores.problem()
    finally:
        release.set()
        stores.close(timeout=2)


def test_a_call_that_was_only_slow_lets_the_next_ones_ask_the_database(settings):
    slow, finished = threading.Event(), threading.Event()

    class Slow(DatabaseStores):
        def first_delivery(self, event_id: str) -> bool:
            if slow.is_set():
                return super().first_delivery(event_id)
            slow.set()
            time.sleep(0.4)  # the stand-in is slow once, as a CPU-starved process would be
            first = super().first_delivery(event_id)
            finished.set()
            return first

    stores = ResilientStores(lambda: Slow(ensure_database(settings)), request_budget=0.2,
                             retry_seconds=30, health_seconds=30)
    other = DatabaseStores(ensure_database(settings))
    try:
        assert stores.first_delivery("Ev-slow") is True  # from memory, after the budget
        wait_until(finished.is_set, what="the slow call to finish")
        assert stores.first_delivery("Ev-next") is True
        assert other.first_delivery("Ev-next") is False  # asked the database again
        assert stores.available
    finally:
        stores.close(timeout=2)


def lease_ago() -> datetime:
    return utcnow() - EVENT_CLAIM_LEASE - timedelta(seconds=1)


def test_a_delivery_whose_taker_died_unanswered_is_taken_over_after_the_lease(settings):
    stores = open_stores(settings)
    other = DatabaseStores(ensure_database(settings))
    assert stores.events.first_delivery("Ev-died") is True  # then that process is killed
    assert other.first_delivery("Ev-died") is False  # Slack's immediate retry: maybe in flight
    with ensure_database(settings).begin() as connection:  # Slack's next retry, a minute later
        connection.execute(update(ProcessedEvent).values(seen_at=lease_ago()))
    assert other.first_delivery("Ev-died") is True
    other.mark_answered("Ev-died")
    with ensure_database(settings).begin() as connection:
        connection.execute(update(ProcessedEvent).values(seen_at=lease_ago()))
    assert stores.events.first_delivery("Ev-died") is False  # answered: never again
