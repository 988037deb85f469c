"""Database-backed implementations of the `bot.storage.memory` protocols, and the retention purge.

`open_stores(settings)` upgrades the schema first, so a new release starts on its own tables.
Every replica on the same database shares feedback, the question log, thread context and the
set of processed Slack event ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.settings import Settings
from bot.storage.memory import FeedbackRecord, QuestionRecord, Stores, utcnow
from bot.storage.models import (
    FeedbackEntry,
    ProcessedEvent,
    QuestionLogEntry,
    ThreadContext,
    ensure_database,
)

# Slack retries an event within minutes; a day of ids is plenty to recognise a repeat.
PROCESSED_EVENT_TTL = timedelta(days=1)
# A follow-up comes soon after its question; older thread context is only dead weight.
THREAD_CONTEXT_TTL = timedelta(days=30)


def dialect_insert(engine: Engine, table: Any) -> Any:
    """An INSERT that knows ON CONFLICT, for the dialect of `engine`.

    Whether it inserted is read from RETURNING: psycopg reports no rowcount for it.
    """
    if engine.dialect.name == "postgresql":
        return postgresql.insert(table)
    if engine.dialect.name == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"unsupported database {engine.dialect.name!r}")


@dataclass
class DatabaseStores:
    """Feedback, question log, thread context and event de-duplication in one database."""

    engine: Engine

    def record_feedback(self, record: FeedbackRecord) -> None:
        with Session(self.engine) as session, session.begin():
            session.add(FeedbackEntry(
                given_at=record.at, channel_id=record.channel_id, user_id=record.user_id,
                question=record.question, answer=record.answer, vote=record.vote,
            ))

    def log_question(self, record: QuestionRecord) -> None:
        with Session(self.engine) as session, session.begin():
            session.add(QuestionLogEntry(
                asked_at=record.at, channel_id=record.channel_id, user_id=record.user_id,
                question=record.question, intent=record.intent, understood=record.understood,
                confidence=record.confidence, thread_ts=record.thread_ts,
            ))

    def get_context(self, key: str) -> dict[str, Any] | None:
        with Session(self.engine) as session:
            return session.scalar(select(ThreadContext.context).where(ThreadContext.key == key))

    def put_context(self, key: str, context: dict[str, Any]) -> None:
        now = utcnow()
        statement = dialect_insert(self.engine, ThreadContext).values(
            key=key, context=context, updated_at=now)
        statement = statement.on_conflict_do_update(
            index_elements=[ThreadContext.key],
            set_={"context": statement.excluded.context, "updated_at": now},
        )
        with self.engine.begin() as connection:
            connection.execute(statement)

    def first_delivery(self, event_id: str) -> bool:
        statement = dialect_insert(self.engine, ProcessedEvent).values(
            event_id=event_id, seen_at=utcnow(),
        ).on_conflict_do_nothing().returning(ProcessedEvent.event_id)
        with self.engine.begin() as connection:
            return connection.execute(statement).first() is not None

    def as_stores(self) -> Stores:
        return Stores(feedback=self, questions=self, threads=self, events=self)


def open_stores(settings: Settings) -> Stores:
    """Upgrade the database to the newest schema, then return stores backed by it."""
    return DatabaseStores(ensure_database(settings)).as_stores()


@dataclass(frozen=True)
class PurgeReport:
    questions: int
    feedback: int
    thread_contexts: int
    events: int

    def __str__(self) -> str:
        return (f"purged {self.questions} question(s), {self.feedback} feedback click(s), "
                f"{self.thread_contexts} thread context(s), {self.events} event id(s)")


def purge_expired(settings: Settings, now: datetime | None = None) -> PurgeReport:
    """Delete what is older than its retention: questions and feedback after
    QUESTION_LOG_RETENTION_DAYS, thread context and event ids after their fixed TTLs."""
    now = now or utcnow()
    retention_cutoff = now - timedelta(days=settings.question_log_retention_days)
    engine = ensure_database(settings)
    with engine.begin() as connection:
        def purge(model: Any, column: Any, cutoff: datetime) -> int:
            return connection.execute(delete(model).where(column < cutoff)).rowcount

        return PurgeReport(
            questions=purge(QuestionLogEntry, QuestionLogEntry.asked_at, retention_cutoff),
            feedback=purge(FeedbackEntry, FeedbackEntry.given_at, retention_cutoff),
            thread_contexts=purge(ThreadContext, ThreadContext.updated_at,
                                  now - THREAD_CONTEXT_TTL),
            events=purge(ProcessedEvent, ProcessedEvent.seen_at, now - PROCESSED_EVENT_TTL),
        )

