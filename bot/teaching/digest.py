"""What the digest's question section learns from teaching: a Teach button per quoted question,
and how many of the day's unanswered questions the bot answers now."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Engine

from bot.digest.content import DailyStats
from bot.digest.schedule import zone
from bot.teaching import store


def with_teaching(stats: DailyStats, engine: Engine, assistant: Any, day: date,
                  timezone: str) -> DailyStats:
    """`stats` with Teach references and the unanswered questions answered by now."""
    tz = zone(timezone)
    start = datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC)
    unanswered = store.unanswered_between(engine, start, end)
    answered_now = sum(1 for question in unanswered if assistant.ask(question).understood)
    return replace(stats, teach_refs=store.quotable_refs(engine, start, end),
                   unanswered_total=len(unanswered), answered_now=answered_now)
