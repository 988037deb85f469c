"""Database-backed implementations of the `bot.storage.memory` protocols, and the retention purge.

`open_stores(settings)` upgrades the schema first, so a new release starts on its own tables.
Every replica on the same database shares feedback, the question log, thread context and the
set of processed Slack event ids.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, delete, func, select, text
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
# A delivery taken this long ago and still not answered was taken by a process that died: a
# retry of it is answered. Slack retries at once, then after 1 and 5 minutes; a retry sooner
# than this is presumably still being answered elsewhere, and is dropped.
EVENT_CLAIM_LEASE = timedelta(seconds=30)
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
    """Feedback, question log, thread context and event de-duplication in one database.

    Every write is idempotent (rows carry their record's `write_key`; contexts and events are
    upserts), so `write_batch` may be retried after a connection died mid-commit.
    """

    engine: Engine
    event_lease: timedelta = EVENT_CLAIM_LEASE

    def record_feedback(self, record: FeedbackRecord) -> None:
        self.write_batch(feedback=[record])

    def log_question(self, record: QuestionRecord) -> None:
        self.write_batch(questions=[record])

    def get_context(self, key: str) -> dict[str, Any] | None:
        with Session(self.engine) as session:
            return session.scalar(select(ThreadContext.context).where(ThreadContext.key == key))

    def put_context(self, key: str, context: dict[str, Any]) -> None:
        self.write_batch(contexts={key: (context, utcnow())})

    def first_delivery(self, event_id: str) -> bool:
        """Take the delivery: inserted, or taken over when its taker never confirmed an answer
        within `event_lease` (that process died; Slack's later retries come minutes apart)."""
        now = utcnow()
        statement = dialect_insert(self.engine, ProcessedEvent).values(
            event_id=event_id, seen_at=now)
        statement = statement.on_conflict_do_update(
            index_elements=[ProcessedEvent.event_id], set_={"seen_at": now},
            where=(ProcessedEvent.answered_at.is_(None)
                   & (ProcessedEvent.seen_at < now - self.event_lease)),
        ).returning(ProcessedEvent.event_id)
        with self.engine.begin() as connection:
            return connection.execute(statement).first() is not None

    def mark_answered(self, event_id: str) -> None:
        now = utcnow()
        self.write_batch(events={event_id: (now, now)})

    def write_batch(self, *, questions: Sequence[QuestionRecord] = (),
                    feedback: Sequence[FeedbackRecord] = (),
                    contexts: Mapping[str, tuple[dict[str, Any], datetime]] | None = None,
                    events: Mapping[str, tuple[datetime, datetime | None]] | None = None,
                    ) -> None:
        """Write rows in one transaction. `contexts`: key -> (context, updated at); `events`:
        event id -> (taken at, answered at or None)."""
        with self.engine.begin() as connection:
            if questions:
                connection.execute(self._insert_once(QuestionLogEntry), [{
                    "asked_at": r.at, "channel_id": r.channel_id, "user_id": r.user_id,
                    "question": r.question, "intent": r.intent, "understood": r.understood,
                    "confidence": r.confidence, "thread_ts": r.thread_ts,
                    "write_key": r.write_key} for r in questions])
            if feedback:
                connection.execute(self._insert_once(FeedbackEntry), [{
                    "given_at": r.at, "channel_id": r.channel_id, "user_id": r.user_id,
                    "question": r.question, "answer": r.answer, "vote": r.vote,
                    "write_key": r.write_key} for r in feedback])
            if contexts:
                upsert = dialect_insert(self.engine, ThreadContext)
                upsert = upsert.on_conflict_do_update(
                    index_elements=[ThreadContext.key],
                    set_={"context": upsert.excluded.context,
                          "updated_at": upsert.excluded.updated_at})
                connection.execute(upsert, [{"key": key, "context": context, "updated_at": at}
                                            for key, (context, at) in contexts.items()])
            if events:
                upsert = dialect_insert(self.engine, ProcessedEvent)
                upsert = upsert.on_conflict_do_update(
                    index_elements=[ProcessedEvent.event_id],
                    set_={"answered_at": func.coalesce(upsert.excluded.answered_at,
                                                       ProcessedEvent.answered_at)})
                connection.execute(upsert, [
                    {"event_id": event_id, "seen_at": seen_at, "answered_at": answered_at}
                    for event_id, (seen_at, answered_at) in events.items()])

    def ping(self) -> None:
        """Raise unless the database answers a trivial query."""
        with self.engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    def _insert_once(self, model: Any) -> Any:
        return dialect_insert(self.engine, model).on_conflict_do_nothing(
            index_elements=[model.write_key])

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

