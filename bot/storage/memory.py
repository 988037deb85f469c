"""What the Slack app remembers, behind small interfaces with in-memory defaults.

The digest/storage layer provides database-backed implementations of the same protocols, so the
app keeps working across restarts and replicas; tests and a quick local run use the in-memory ones.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol


def new_write_key() -> str:
    """A random 128-bit key in 32 hex digits, like `uuid4().hex` at a third of the cost (one is
    made for every question asked)."""
    return secrets.token_hex(16)


@dataclass(frozen=True)
class FeedbackRecord:
    user_id: str
    channel_id: str
    question: str
    answer: str
    vote: str  # "up" or "down"
    at: datetime
    # Written with the row: a retried write (after an outage) of the same record is a no-op.
    write_key: str = field(default_factory=new_write_key)


@dataclass(frozen=True)
class QuestionRecord:
    channel_id: str
    user_id: str
    question: str
    intent: str
    understood: bool
    confidence: float
    at: datetime
    thread_ts: str | None = None  # where the answer went, when it went to a message or thread
    write_key: str = field(default_factory=new_write_key)


class FeedbackStore(Protocol):
    def record_feedback(self, record: FeedbackRecord) -> None: ...


class QuestionLog(Protocol):
    def log_question(self, record: QuestionRecord) -> None: ...


class ThreadContextStore(Protocol):
    """Context of the last question per conversation key (channel + thread ts)."""

    def get_context(self, key: str) -> dict[str, Any] | None: ...

    def put_context(self, key: str, context: dict[str, Any]) -> None: ...


class EventDeduplicator(Protocol):
    def first_delivery(self, event_id: str) -> bool:
        """True when this process should handle the delivery: the first time an event id is
        seen (by any replica), or a repeat of one whose handler never confirmed an answer
        long after it took it (it died); False on other repeats."""
        ...

    def mark_answered(self, event_id: str) -> None:
        """The delivery was answered: its repeats are dropped from now on."""
        ...


@dataclass
class Stores:
    """The bundle the app is built with."""

    feedback: FeedbackStore
    questions: QuestionLog
    threads: ThreadContextStore
    events: EventDeduplicator


@dataclass
class InMemoryStores:
    """One process's memory: fine for tests and a single local run, lost on restart."""

    max_threads: int = 10_000
    max_events: int = 100_000
    feedback_records: list[FeedbackRecord] = field(default_factory=list)
    question_records: list[QuestionRecord] = field(default_factory=list)
    _threads: OrderedDict[str, dict[str, Any]] = field(default_factory=OrderedDict)
    _events: OrderedDict[str, float] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def record_feedback(self, record: FeedbackRecord) -> None:
        with self._lock:
            self.feedback_records.append(record)

    def log_question(self, record: QuestionRecord) -> None:
        with self._lock:
            self.question_records.append(record)

    def get_context(self, key: str) -> dict[str, Any] | None:
        with self._lock:
            return self._threads.get(key)

    def put_context(self, key: str, context: dict[str, Any]) -> None:
        with self._lock:
            self._threads[key] = context
            self._threads.move_to_end(key)
            while len(self._threads) > self.max_threads:
                self._threads.popitem(last=False)

    def first_delivery(self, event_id: str) -> bool:
        with self._lock:
            if event_id in self._events:
                return False
            self._events[event_id] = time.monotonic()
            while len(self._events) > self.max_events:
                self._events.popitem(last=False)
            return True

    def mark_answered(self, event_id: str) -> None:
        """Nothing to do: in one process's memory a taken delivery is never taken again."""

    def as_stores(self) -> Stores:
        return Stores(feedback=self, questions=self, threads=self, events=self)


def utcnow() -> datetime:
    return datetime.now(UTC)
