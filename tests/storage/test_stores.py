"""The database-backed stores: what one replica writes, another reads; purge honours retention."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.settings import Settings
from bot.storage.memory import FeedbackRecord, QuestionRecord
from bot.storage.models import FeedbackEntry, QuestionLogEntry, _create_engine, get_engine
from bot.storage.stores import DatabaseStores, open_stores, purge_expired

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)


def question(at: datetime, text: str = "who leads Europe?") -> QuestionRecord:
    return QuestionRecord(channel_id="C1", user_id="U1", question=text, intent="who_leads",
                          understood=True, confidence=0.9, at=at)


def feedback(at: datetime) -> FeedbackRecord:
    return FeedbackRecord(user_id="U1", channel_id="C1", question="q", answer="a", vote="down",
                          at=at)


def count(settings: Settings, model: type) -> int:
    with get_engine(settings).connect() as connection:
        return connection.scalar(select(func.count()).select_from(model))


def second_replica(settings: Settings) -> DatabaseStores:
    """Stores on their own engine and connection pool, as another process would have."""
    return DatabaseStores(_create_engine(settings.sqlalchemy_url))


def test_questions_and_feedback_are_kept(settings: Settings) -> None:
    stores = open_stores(settings)
    stores.questions.log_question(question(NOW))
    stores.feedback.record_feedback(feedback(NOW))
    assert count(settings, QuestionLogEntry) == 1
    assert count(settings, FeedbackEntry) == 1


def test_thread_context_is_shared_and_overwritten(settings: Settings) -> None:
    stores = open_stores(settings)
    stores.threads.put_context("C1:1.0", {"last": "who leads Europe?"})
    stores.threads.put_context("C1:1.0", {"last": "and China?"})
    assert second_replica(settings).get_context("C1:1.0") == {"last": "and China?"}
    assert stores.threads.get_context("C1:2.0") is None


def test_an_event_is_first_delivered_once_across_replicas(settings: Settings) -> None:
    stores = open_stores(settings)
    other = second_replica(settings)
    assert stores.events.first_delivery("Ev1") is True
    assert other.first_delivery("Ev1") is False
    assert stores.events.first_delivery("Ev1") is False
    assert other.first_delivery("Ev2") is True


@pytest.mark.parametrize(("age", "kept"), [
    (timedelta(days=90) - timedelta(seconds=1), True),
    (timedelta(days=90) + timedelta(seconds=1), False),
])
def test_purge_removes_only_what_is_older_than_the_retention(
        settings: Settings, age: timedelta, kept: bool) -> None:
    stores = open_stores(settings)
    stores.questions.log_question(question(NOW - age))
    stores.feedback.record_feedback(feedback(NOW - age))
    stores.questions.log_question(question(NOW))
    report = purge_expired(settings, now=NOW)
    assert count(settings, QuestionLogEntry) == (2 if kept else 1)
    assert count(settings, FeedbackEntry) == (1 if kept else 0)
    assert report.questions == (0 if kept else 1)


def test_purge_follows_the_retention_setting(settings: Settings) -> None:
    short = settings.model_copy(update={"question_log_retention_days": 7})
    stores = open_stores(short)
    stores.questions.log_question(question(NOW - timedelta(days=8)))
    stores.questions.log_question(question(NOW - timedelta(days=6)))
    assert purge_expired(short, now=NOW).questions == 1
    assert count(short, QuestionLogEntry) == 1


def test_purge_forgets_old_event_ids(settings: Settings) -> None:
    stores = open_stores(settings)
    stores.events.first_delivery("Ev-old")
    assert purge_expired(settings, now=datetime.now(UTC) + timedelta(days=2)).events == 1
    assert stores.events.first_delivery("Ev-old") is True


def test_db_purge_command_reports_what_it_removed(settings: Settings, tmp_path, monkeypatch,
                                                  capsys) -> None:
    from bot.cli.main import main
    from tests.storage.databases import subprocess_env

    open_stores(settings).questions.log_question(question(NOW - timedelta(days=91)))
    monkeypatch.chdir(tmp_path)
    for name, value in subprocess_env(settings).items():
        monkeypatch.setenv(name, value)
    if not settings.database_url:
        monkeypatch.delenv("DATABASE_URL", raising=False)
    assert main(["db", "purge", "--at", NOW.isoformat()]) == 0
    assert "purged 1 question(s)" in capsys.readouterr().out
