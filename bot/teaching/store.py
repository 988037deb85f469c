"""Taught phrases and their audit trail in the database; the question-log look-ups teaching needs.

A phrase's key is its primary key, so two replicas teaching one phrase at once store it once.
Every teach and forget appends an audit row in the same transaction: the highest audit id is the
version each replica compares with what it serves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, and_, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.storage.memory import utcnow
from bot.storage.models import (
    FeedbackEntry,
    QuestionLogEntry,
    TaughtPhraseRow,
    TeachingAuditEntry,
)
from intents.teaching import TaughtPhrase

TEACH = "teach"
FORGET = "forget"
DIRECT_MESSAGE_PREFIX = "D"  # questions asked in DMs are counted, never quoted


@dataclass(frozen=True)
class TaughtRecord:
    """One taught phrase as stored: what it means, who taught it and when."""

    key: str
    phrase: str
    kind: str
    id: str
    country: str | None
    label: str
    taught_by: str
    taught_at: datetime

    def as_phrase(self) -> TaughtPhrase:
        return TaughtPhrase(self.phrase, self.kind, self.id, self.country)


@dataclass(frozen=True)
class AskedQuestion:
    """A logged question a Teach button refers to."""

    ref: str  # "q:<question log id>" or "f:<feedback id>"
    question: str
    channel_id: str
    user_id: str
    thread_ts: str | None


def _record(row: TaughtPhraseRow) -> TaughtRecord:
    return TaughtRecord(row.key, row.phrase, row.target_kind, row.target_id, row.target_country,
                        row.target_label, row.taught_by, row.taught_at)


def taught(engine: Engine) -> list[TaughtRecord]:
    with Session(engine) as session:
        rows = session.scalars(select(TaughtPhraseRow).order_by(TaughtPhraseRow.taught_at,
                                                                TaughtPhraseRow.key))
        return [_record(row) for row in rows]


def get(engine: Engine, key: str) -> TaughtRecord | None:
    with Session(engine) as session:
        row = session.get(TaughtPhraseRow, key)
        return _record(row) if row else None


def version(engine: Engine) -> int:
    """Changes only when a phrase is taught or forgotten (by any replica or command line)."""
    with engine.connect() as connection:
        return connection.scalar(select(func.max(TeachingAuditEntry.id))) or 0


def _audit(session: Session, action: str, row: TaughtPhraseRow | TaughtRecord, *, actor: str,
           source: str, at: datetime) -> None:
    kind = row.target_kind if isinstance(row, TaughtPhraseRow) else row.kind
    ident = row.target_id if isinstance(row, TaughtPhraseRow) else row.id
    session.add(TeachingAuditEntry(action=action, key=row.key, phrase=row.phrase,
                                   target_kind=kind, target_id=ident, actor=actor[:64],
                                   source=source, at=at))


def add(engine: Engine, phrase: TaughtPhrase, *, label: str, actor: str,
        source: str) -> TaughtRecord | None:
    """Store a new taught phrase with its audit row; None when the key is already taken."""
    now = utcnow()
    row = TaughtPhraseRow(key=phrase.key, phrase=phrase.phrase, target_kind=phrase.kind,
                          target_id=phrase.id, target_country=phrase.country,
                          target_label=label[:128], taught_by=actor[:64], taught_at=now)
    try:
        with Session(engine) as session, session.begin():
            session.add(row)
            session.flush()  # the unique key decides between replicas teaching at once
            _audit(session, TEACH, row, actor=actor, source=source, at=now)
            record = _record(row)
    except IntegrityError:
        return None
    return record


def remove(engine: Engine, key: str, *, actor: str, source: str) -> TaughtRecord | None:
    """Forget a taught phrase with its audit row; None when it was not taught."""
    with Session(engine) as session, session.begin():
        row = session.get(TaughtPhraseRow, key, with_for_update=True)
        if row is None:
            return None
        record = _record(row)
        session.delete(row)
        _audit(session, FORGET, record, actor=actor, source=source, at=utcnow())
        return record


def asked_question(engine: Engine, ref: str) -> AskedQuestion | None:
    """The question a Teach button refers to; for a 👎, the question as it was logged."""
    kind, _, number = ref.partition(":")
    if not number.isdigit():
        return None
    with Session(engine) as session:
        if kind == "q":
            entry = session.get(QuestionLogEntry, int(number))
            if entry is None:
                return None
            return AskedQuestion(ref, entry.question, entry.channel_id, entry.user_id,
                                 entry.thread_ts)
        if kind != "f":
            return None
        feedback = session.get(FeedbackEntry, int(number))
        if feedback is None:
            return None
        asked = session.scalars(
            select(QuestionLogEntry)
            .where(QuestionLogEntry.channel_id == feedback.channel_id,
                   QuestionLogEntry.question == feedback.question)
            .order_by(QuestionLogEntry.id.desc()).limit(1)).first()
        if asked is None:
            return AskedQuestion(ref, feedback.question, feedback.channel_id, feedback.user_id,
                                 None)
        return AskedQuestion(ref, asked.question, asked.channel_id, asked.user_id,
                             asked.thread_ts)


def unanswered_between(engine: Engine, start: datetime, end: datetime) -> dict[str, str]:
    """Distinct questions not understood in [start, end) -> a reference to their first asking
    (DMs included: counted, never shown)."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(QuestionLogEntry.question, func.min(QuestionLogEntry.id))
            .where(QuestionLogEntry.asked_at >= start, QuestionLogEntry.asked_at < end,
                   ~QuestionLogEntry.understood)
            .group_by(QuestionLogEntry.question))
        return {question: f"q:{ident}" for question, ident in rows}


def quotable_refs(engine: Engine, start: datetime, end: datetime) -> dict[str, str]:
    """Question text -> Teach reference for the unanswered and 👎 questions of [start, end)
    asked outside direct messages (what the digest may quote)."""
    refs: dict[str, str] = {}
    with engine.connect() as connection:
        disliked = connection.execute(
            select(FeedbackEntry.question, func.min(FeedbackEntry.id))
            .where(FeedbackEntry.given_at >= start, FeedbackEntry.given_at < end,
                   FeedbackEntry.vote == "down",
                   ~FeedbackEntry.channel_id.startswith(DIRECT_MESSAGE_PREFIX))
            .group_by(FeedbackEntry.question))
        refs.update({question: f"f:{ident}" for question, ident in disliked})
        unanswered = connection.execute(
            select(QuestionLogEntry.question, func.min(QuestionLogEntry.id))
            .where(and_(QuestionLogEntry.asked_at >= start, QuestionLogEntry.asked_at < end),
                   ~QuestionLogEntry.understood,
                   ~QuestionLogEntry.channel_id.startswith(DIRECT_MESSAGE_PREFIX))
            .group_by(QuestionLogEntry.question))
        refs.update({question: f"q:{ident}" for question, ident in unanswered})
    return refs


def audit_trail(engine: Engine) -> list[tuple[str, str]]:
    """(action, source) of every teach and forget, oldest first."""
    with engine.connect() as connection:
        return [(action, source) for action, source in connection.execute(
            select(TeachingAuditEntry.action, TeachingAuditEntry.source)
            .order_by(TeachingAuditEntry.id))]
