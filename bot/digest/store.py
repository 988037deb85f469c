"""Digest rows in the database: subscriptions, delivery claims, map snapshots, daily stats.

A claim is one INSERT of (channel, local date) that the unique constraint lets succeed once,
whatever the number of processes trying; everything after it reads or updates that one row.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Engine, and_, delete, func, select, tuple_, update
from sqlalchemy.orm import Session

from bot.digest.content import MAX_LISTED_QUESTIONS, TOP_TOPICS, DailyStats, Snapshot
from bot.digest.schedule import Plan, zone
from bot.storage.models import (
    DigestDelivery,
    DigestSubscription,
    FeedbackEntry,
    KnowledgeSnapshot,
    QuestionLogEntry,
)
from bot.storage.stores import dialect_insert

ACTIVE = "active"
PAUSED = "paused"
CLAIMED = "claimed"
SENT = "sent"
FAILED = "failed"
DIRECT_MESSAGE_PREFIX = "D"  # questions asked in DMs are counted, never quoted in a channel


def plan_of(subscription: DigestSubscription) -> Plan:
    return Plan(local_time=subscription.local_time, timezone=subscription.timezone,
                schedule=subscription.schedule, lang=subscription.lang or "en")


def _session(engine: Engine) -> Session:
    return Session(engine, expire_on_commit=False)


# -- subscriptions -------------------------------------------------------------------------
def subscribe(engine: Engine, *, channel_id: str, team_id: str, user_id: str, plan: Plan,
              now: datetime) -> DigestSubscription:
    """Create or replace the channel's subscription; it becomes active from `now` on."""
    with _session(engine) as session, session.begin():
        subscription = session.get(DigestSubscription, channel_id)
        if subscription is None:
            subscription = DigestSubscription(channel_id=channel_id, created_at=now)
            session.add(subscription)
        subscription.team_id = team_id
        subscription.created_by = user_id
        subscription.local_time = plan.local_time
        subscription.timezone = plan.timezone
        subscription.schedule = plan.schedule
        subscription.lang = plan.lang
        _activate(subscription, now)
        return subscription


def _activate(subscription: DigestSubscription, now: datetime) -> None:
    subscription.status = ACTIVE
    subscription.paused_reason = None
    subscription.paused_at = None
    subscription.active_since = now
    subscription.updated_at = now


def unsubscribe(engine: Engine, channel_id: str) -> bool:
    with engine.begin() as connection:
        result = connection.execute(
            delete(DigestSubscription).where(DigestSubscription.channel_id == channel_id))
        return result.rowcount == 1


def get_subscription(engine: Engine, channel_id: str) -> DigestSubscription | None:
    with _session(engine) as session:
        return session.get(DigestSubscription, channel_id)


def subscriptions_created_by(engine: Engine, user_id: str) -> list[DigestSubscription]:
    with _session(engine) as session:
        return list(session.scalars(select(DigestSubscription)
                                    .where(DigestSubscription.created_by == user_id)
                                    .order_by(DigestSubscription.channel_id)))


def active_subscriptions(engine: Engine) -> list[DigestSubscription]:
    with _session(engine) as session:
        return list(session.scalars(select(DigestSubscription)
                                    .where(DigestSubscription.status == ACTIVE)))


def change_subscription(engine: Engine, channel_id: str, *, now: datetime,
                        local_time: str | None = None, schedule: str | None = None,
                        active: bool | None = None) -> DigestSubscription | None:
    """Edit time, schedule or pause state; any edit restarts the clock from `now`."""
    with _session(engine) as session, session.begin():
        subscription = session.get(DigestSubscription, channel_id)
        if subscription is None:
            return None
        subscription.local_time = local_time or subscription.local_time
        subscription.schedule = schedule or subscription.schedule
        if active is False:
            subscription.status = PAUSED
            subscription.paused_reason = "paused_by_user"
            subscription.paused_at = now
            subscription.updated_at = now
        elif active or subscription.status == ACTIVE:
            _activate(subscription, now)
        return subscription


def pause(engine: Engine, channel_id: str, *, reason: str, now: datetime) -> None:
    with engine.begin() as connection:
        connection.execute(update(DigestSubscription)
                           .where(DigestSubscription.channel_id == channel_id)
                           .values(status=PAUSED, paused_reason=reason, paused_at=now,
                                   updated_at=now))


# -- deliveries ----------------------------------------------------------------------------
def claimed_pairs(engine: Engine, pairs: list[tuple[str, date]]) -> set[tuple[str, date]]:
    """Which of the (channel, local date) pairs are claimed already (one query per 500)."""
    found: set[tuple[str, date]] = set()
    with engine.connect() as connection:
        for start in range(0, len(pairs), 500):
            chunk = pairs[start:start + 500]
            rows = connection.execute(
                select(DigestDelivery.channel_id, DigestDelivery.local_date)
                .where(tuple_(DigestDelivery.channel_id, DigestDelivery.local_date).in_(chunk)))
            found.update((channel, day) for channel, day in rows)
    return found


def claim(engine: Engine, *, channel_id: str, local_date: date, now: datetime,
          claimer: str) -> bool:
    """Claim the channel's digest for `local_date`; True for exactly one caller, ever."""
    statement = dialect_insert(engine, DigestDelivery).values(
        channel_id=channel_id, local_date=local_date, status=CLAIMED, claimed_at=now,
        claimed_by=claimer,
    ).on_conflict_do_nothing(index_elements=["channel_id", "local_date"]
                             ).returning(DigestDelivery.id)
    with engine.begin() as connection:
        return connection.execute(statement).first() is not None


def finish(engine: Engine, *, channel_id: str, local_date: date, status: str, now: datetime,
           message_ts: str | None = None, error: str | None = None,
           snapshot: tuple[str, str, Snapshot] | None = None, spotlight: str | None = None,
           ) -> None:
    """Record how a claimed delivery ended; `snapshot` is (fingerprint, kb version, rows)."""
    with engine.begin() as connection:
        fingerprint = None
        if snapshot is not None:
            fingerprint, kb_version, rows = snapshot
            connection.execute(dialect_insert(engine, KnowledgeSnapshot).values(
                fingerprint=fingerprint, kb_version=kb_version, rows=rows, created_at=now,
            ).on_conflict_do_nothing())
        connection.execute(
            update(DigestDelivery)
            .where(DigestDelivery.channel_id == channel_id,
                   DigestDelivery.local_date == local_date)
            .values(status=status, finished_at=now, message_ts=message_ts, error=error,
                    kb_fingerprint=fingerprint, spotlight=spotlight))


def last_delivery(engine: Engine, channel_id: str, *, status: str | None = None,
                  before: date | None = None) -> DigestDelivery | None:
    query = select(DigestDelivery).where(DigestDelivery.channel_id == channel_id)
    if status:
        query = query.where(DigestDelivery.status == status)
    if before:
        query = query.where(DigestDelivery.local_date < before)
    with _session(engine) as session:
        return session.scalar(query.order_by(DigestDelivery.local_date.desc()).limit(1))


def load_snapshot(engine: Engine, fingerprint: str | None) -> Snapshot | None:
    if fingerprint is None:
        return None
    with engine.connect() as connection:
        return connection.scalar(select(KnowledgeSnapshot.rows)
                                 .where(KnowledgeSnapshot.fingerprint == fingerprint))


# -- stats ---------------------------------------------------------------------------------
def daily_stats(engine: Engine, day: date, timezone: str) -> DailyStats:
    """Questions, top understood intents, unanswered and 👎 questions of one local day."""
    tz = zone(timezone)
    start = datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC)
    asked = and_(QuestionLogEntry.asked_at >= start, QuestionLogEntry.asked_at < end)
    quotable = ~QuestionLogEntry.channel_id.startswith(DIRECT_MESSAGE_PREFIX)
    with engine.connect() as connection:
        total = connection.scalar(select(func.count()).where(asked)) or 0
        count = func.count().label("count")
        topics = connection.execute(
            select(QuestionLogEntry.intent, count)
            .where(asked, QuestionLogEntry.understood)
            .group_by(QuestionLogEntry.intent)
            .order_by(count.desc(), QuestionLogEntry.intent)
            .limit(TOP_TOPICS)).all()
        unanswered = _first_distinct(connection, QuestionLogEntry.question,
                                     QuestionLogEntry.asked_at,
                                     asked, ~QuestionLogEntry.understood, quotable)
        disliked = _first_distinct(
            connection, FeedbackEntry.question, FeedbackEntry.given_at,
            FeedbackEntry.given_at >= start, FeedbackEntry.given_at < end,
            FeedbackEntry.vote == "down",
            ~FeedbackEntry.channel_id.startswith(DIRECT_MESSAGE_PREFIX))
    return DailyStats(day=day, questions=total, top_topics=[(t, c) for t, c in topics],
                      unanswered=unanswered, disliked=disliked)


def _first_distinct(connection: Any, text_column: Any, time_column: Any,
                    *conditions: Any) -> list[str]:
    """Distinct texts matching `conditions`, earliest first, at most MAX_LISTED_QUESTIONS."""
    rows = connection.execute(
        select(text_column).where(*conditions).group_by(text_column)
        .order_by(func.min(time_column)).limit(MAX_LISTED_QUESTIONS))
    return [text for (text,) in rows]
