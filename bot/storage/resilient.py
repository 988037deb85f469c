"""Stores that keep the bot answering, and lose nothing, while the database is away.

`ResilientStores` sits in front of `DatabaseStores` (what `serve` uses):

- Writes (question log, feedback, thread context, answered deliveries) go to a bounded
  in-process spool and return at once; one writer thread empties it into the database in
  batches, so no request ever waits on a write. While the database is unreachable the spool
  keeps them, and the writer retries every `retry_seconds`, writing everything when the
  database is back (no restart). Rows carry idempotency keys, so a batch retried after a
  commit whose outcome was lost is written once.
- When the spool is full, the oldest question-log rows are dropped first (counted in
  `alliance_bot_storage_spool_dropped_total{kind="question"}`), then the oldest thread
  contexts and de-duplication hints; feedback clicks are never dropped.
- De-duplication asks the database (shared by replicas) within `request_budget` seconds and
  otherwise falls back to this process's memory: a repeat delivered to the same process is
  still dropped. Ids decided in memory are written when the database is back.
- Reads of thread context see the spool first, then the database, then what this process
  wrote recently.
- One log line when an outage starts and one when it ends; `alliance_bot_database_errors_total`
  counts failed operations, `alliance_bot_storage_spool_rows` the rows waiting, and
  `alliance_bot_database_up` is 0 during an outage.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections import OrderedDict, deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from bot.ops.metrics import (
    record_database_error,
    record_database_up,
    record_spool_depth,
    record_spool_dropped,
)
from bot.settings import Settings
from bot.storage.memory import FeedbackRecord, QuestionRecord, Stores, utcnow
from bot.storage.models import DatabaseUnreachable, ensure_database
from bot.storage.stores import DatabaseStores

SPOOL_LIMIT = 10_000  # rows; at ~300 bytes a question that is a few MB, hours of a busy outage
REQUEST_BUDGET_SECONDS = 1.0  # the longest a Slack request waits on the database
STUCK_SECONDS = 5.0  # a request's database call unanswered this long means an outage
RETRY_SECONDS = 1.0  # how often the writer tries again during an outage
HEALTH_SECONDS = 5.0  # how often an idle writer checks the database is still there
# Once woken, the writer waits this long for more rows: one transaction per batch rather than
# per row, and less time holding the interpreter lock the requests need.
BATCH_SECONDS = 0.05
BATCH_ROWS = 500
MEMORY_EVENTS = 100_000  # event ids remembered in-process (a day of a busy workspace)
MEMORY_CONTEXTS = 10_000  # thread contexts remembered in-process for reads during an outage

T = TypeVar("T")
logger = logging.getLogger(__name__)
_instances: weakref.WeakSet[ResilientStores] = weakref.WeakSet()


class DatabaseTooSlow(Exception):
    """The database did not answer within the request budget (or an earlier call that did
    not is still waiting)."""


def is_outage(error: BaseException) -> bool:
    """Whether `error` says the database is unreachable (as opposed to a bad row)."""
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return True
    return isinstance(error, OperationalError | InterfaceError | PoolTimeout | DatabaseTooSlow
                      | DatabaseUnreachable | ConnectionError | TimeoutError)


def describe(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return (lines[0] if lines else type(error).__name__)[:200]


@dataclass
class Batch:
    questions: list[QuestionRecord] = field(default_factory=list)
    feedback: list[FeedbackRecord] = field(default_factory=list)
    contexts: dict[str, tuple[dict[str, Any], datetime]] = field(default_factory=dict)
    events: dict[str, tuple[datetime, datetime | None]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.questions) + len(self.feedback) + len(self.contexts) + len(self.events)


class ResilientStores:
    """See the module doc. `connect()` opens (and upgrades) the database; it is called again
    by the writer until it works, so the bot can also start while the database is away."""

    def __init__(self, connect: Callable[[], DatabaseStores], *, spool_limit: int = SPOOL_LIMIT,
                 request_budget: float = REQUEST_BUDGET_SECONDS,
                 retry_seconds: float = RETRY_SECONDS,
                 health_seconds: float = HEALTH_SECONDS,
                 stuck_seconds: float = STUCK_SECONDS) -> None:
        self._connect = connect
        self.spool_limit = spool_limit
        self.request_budget = request_budget
        self.retry_seconds = retry_seconds
        self.health_seconds = health_seconds
        self.stuck_seconds = stuck_seconds
        self._stuck: list[Future[Any]] = []
        self._stuck_since: float | None = None
        self._database: DatabaseStores | None = None
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._questions: deque[QuestionRecord] = deque()
        self._feedback: deque[FeedbackRecord] = deque()
        self._contexts: OrderedDict[str, tuple[dict[str, Any], datetime]] = OrderedDict()
        self._events: OrderedDict[str, tuple[datetime, datetime | None]] = OrderedDict()
        self._in_flight = 0
        self._recent_contexts: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self._seen: OrderedDict[str, None] = OrderedDict()
        self.available = False
        self.outage_since: datetime | None = None
        self.last_error = ""
        self._dropped_during_outage = 0
        self._requests = ThreadPoolExecutor(8, thread_name_prefix="db-request")
        _instances.add(self)
        try:
            self._database = connect()
            self.available = True
            record_database_up(True)
        except Exception as error:
            if not is_outage(error):
                raise
            self._outage_started(error, "connect")
        self._writer = threading.Thread(target=self._run, name="storage-writer", daemon=True)
        self._writer.start()

    # -- the store protocols -----------------------------------------------------------------
    def log_question(self, record: QuestionRecord) -> None:
        with self._lock:
            self._questions.append(record)
        self._spooled()

    def record_feedback(self, record: FeedbackRecord) -> None:
        with self._lock:
            self._feedback.append(record)
        self._spooled()

    def put_context(self, key: str, context: dict[str, Any]) -> None:
        with self._lock:
            self._contexts[key] = (context, utcnow())
            self._contexts.move_to_end(key)
            self._remember_context(key, context)
        self._spooled()

    def get_context(self, key: str) -> dict[str, Any] | None:
        with self._lock:
            pending = self._contexts.get(key)
            if pending is not None:
                return pending[0]
            database = self._database if self.available else None
        if database is not None:
            try:
                return self._within_budget(database.get_context, key)
            except Exception as error:
                self._database_failed(error, "get_context")
        with self._lock:
            return self._recent_contexts.get(key)

    def first_delivery(self, event_id: str) -> bool:
        with self._lock:
            if event_id in self._seen:  # taken by this process: answered or being answered
                return False
            database = self._database if self.available else None
        if database is not None:
            try:
                first = self._within_budget(database.first_delivery, event_id)
            except Exception as error:
                self._database_failed(error, "first_delivery")
            else:
                if first:
                    with self._lock:
                        self._remember_taken(event_id)
                return first  # a refusal is not remembered: a later retry may take it over
        with self._lock:  # decided in memory; the claim is written when the database is back
            if event_id in self._seen:  # a concurrent repeat got here first
                return False
            self._remember_taken(event_id)
            self._events.setdefault(event_id, (utcnow(), None))
        self._spooled()
        return True

    def _remember_taken(self, event_id: str) -> None:
        """Called with the lock held."""
        self._seen[event_id] = None
        while len(self._seen) > MEMORY_EVENTS:
            self._seen.popitem(last=False)

    def mark_answered(self, event_id: str) -> None:
        now = utcnow()
        with self._lock:
            taken_at = self._events.get(event_id, (now, None))[0]
            self._events[event_id] = (taken_at, now)
        self._spooled()

    def as_stores(self) -> Stores:
        return Stores(feedback=self, questions=self, threads=self, events=self)

    # -- state ---------------------------------------------------------------------------------
    @property
    def spooled(self) -> int:
        with self._lock:
            return self._depth() + self._in_flight

    def problem(self) -> str | None:
        """None while the database answers; else why not, since when, and what is spooled."""
        if self.available:
            return None
        since = f"{self.outage_since:%Y-%m-%dT%H:%M:%SZ}" if self.outage_since else "start-up"
        return (f"database unreachable since {since} ({self.spooled} row(s) spooled): "
                f"{self.last_error}")

    def flush(self, timeout: float = 10.0) -> bool:
        """Wake the writer and wait until the spool is empty; False if it is not by `timeout`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.spooled == 0 and self.available:
                return True
            self._wake.set()
            time.sleep(0.02)
        return False

    def close(self, timeout: float = 5.0) -> None:
        """Write what the spool holds (for up to `timeout`), then stop the writer."""
        self._stopping.set()
        self._wake.set()
        self._writer.join(timeout)
        left = self.spooled
        if left:
            logger.warning("Stopping with rows the database never received",
                           extra={"rows": left, "error": self.last_error})
        self._requests.shutdown(wait=False, cancel_futures=True)
        _instances.discard(self)

    # -- internals -----------------------------------------------------------------------------
    def _within_budget(self, function: Callable[[str], T], argument: str) -> T:
        """Run a database call for a request, giving up after `request_budget` seconds (the
        call itself may still finish in the background). While a call that was given up on
        is still running, the next ones do not wait at all."""
        with self._lock:
            self._stuck = [future for future in self._stuck if not future.done()]
            if not self._stuck:
                self._stuck_since = None
            stuck = bool(self._stuck)
        if stuck:
            raise DatabaseTooSlow(f"an earlier call got no answer within "
                                  f"{self.request_budget:g} s")
        future = self._requests.submit(function, argument)
        try:
            return future.result(timeout=self.request_budget)
        except FutureTimeout:
            with self._lock:
                self._stuck.append(future)
                self._stuck_since = self._stuck_since or time.monotonic()
            raise DatabaseTooSlow(f"no answer within {self.request_budget:g} s") from None

    def _database_failed(self, error: Exception, operation: str) -> None:
        """A request's database call failed: the caller falls back to memory. A slow answer
        is an outage only once a call has hung for `stuck_seconds`: a process starved of CPU
        is slow to hear back too, and that is no reason to stop asking the database."""
        if not is_outage(error):
            raise error
        if isinstance(error, DatabaseTooSlow):
            with self._lock:
                since = self._stuck_since
            if since is None or time.monotonic() - since < self.stuck_seconds:
                record_database_error(f"{operation}_slow")
                return
        self._outage_started(error, operation)

    def _remember_context(self, key: str, context: dict[str, Any]) -> None:
        self._recent_contexts[key] = context
        self._recent_contexts.move_to_end(key)
        while len(self._recent_contexts) > MEMORY_CONTEXTS:
            self._recent_contexts.popitem(last=False)

    def _depth(self) -> int:
        return len(self._questions) + len(self._feedback) + len(self._contexts) + len(self._events)

    def _spooled(self) -> None:
        """After a write was spooled: keep the bound, publish the depth, wake the writer."""
        with self._lock:
            dropped = self._keep_bound()
            depth = self._depth() + self._in_flight
            available = self.available
        for kind in dropped:
            record_spool_dropped(kind)
        record_spool_depth(depth)
        if dropped and self._dropped_during_outage == len(dropped):
            logger.warning("Spool full: dropping the oldest question-log rows",
                           extra={"limit": self.spool_limit})
        if available:  # during an outage the writer retries on its own clock, not per request
            self._wake.set()

    def _keep_bound(self) -> list[str]:
        """Drop rows over the limit: question-log rows first, then thread contexts, then
        de-duplication hints; never feedback. Called with the lock held."""
        dropped = []
        while self._depth() > self.spool_limit:
            if self._questions:
                self._questions.popleft()
                dropped.append("question")
            elif self._contexts:
                self._contexts.popitem(last=False)
                dropped.append("thread_context")
            elif self._events:
                self._events.popitem(last=False)
                dropped.append("event")
            else:
                break  # only feedback: kept over the limit
        self._dropped_during_outage += len(dropped)
        return dropped

    def _take_batch(self) -> Batch:
        batch = Batch()
        with self._lock:
            while self._questions and len(batch) < BATCH_ROWS:
                batch.questions.append(self._questions.popleft())
            while self._feedback and len(batch) < BATCH_ROWS:
                batch.feedback.append(self._feedback.popleft())
            while self._contexts and len(batch) < BATCH_ROWS:
                key, value = self._contexts.popitem(last=False)
                batch.contexts[key] = value
            while self._events and len(batch) < BATCH_ROWS:
                event_id, value = self._events.popitem(last=False)
                batch.events[event_id] = value
            self._in_flight = len(batch)
        return batch

    def _put_back(self, batch: Batch) -> None:
        """A batch the database did not take goes back in front, newer writes winning."""
        with self._lock:
            self._questions.extendleft(reversed(batch.questions))
            self._feedback.extendleft(reversed(batch.feedback))
            for key, value in reversed(batch.contexts.items()):
                if key not in self._contexts:
                    self._contexts[key] = value
                    self._contexts.move_to_end(key, last=False)
            for event_id, (taken_at, answered_at) in reversed(batch.events.items()):
                newer = self._events.get(event_id)  # e.g. answered while the batch was out
                self._events[event_id] = (taken_at, (newer and newer[1]) or answered_at)
                self._events.move_to_end(event_id, last=False)
            self._in_flight = 0
            dropped = self._keep_bound()
        for kind in dropped:
            record_spool_dropped(kind)

    def _run(self) -> None:
        while True:
            if self._wake.wait(self.health_seconds if self.available else self.retry_seconds):
                self._stopping.wait(BATCH_SECONDS)
            self._wake.clear()
            stopping = self._stopping.is_set()
            self._write_spool()
            if stopping:
                return

    def _write_spool(self) -> None:
        try:
            database = self._database or self._connect()
            self._database = database
            wrote = 0
            while batch := self._take_batch():
                try:
                    database.write_batch(questions=batch.questions, feedback=batch.feedback,
                                         contexts=batch.contexts, events=batch.events)
                except Exception as error:
                    if is_outage(error):
                        self._put_back(batch)
                        raise
                    self._write_one_by_one(database, batch, error)
                with self._lock:
                    self._in_flight = 0
                wrote += len(batch)
                record_spool_depth(self.spooled)
            if not wrote:
                database.ping()
        except Exception as error:
            if not is_outage(error):
                logger.exception("The storage writer failed")
            self._outage_started(error, "write")
            return
        self._outage_ended(wrote)

    def _write_one_by_one(self, database: DatabaseStores, batch: Batch,
                          error: Exception) -> None:
        """A batch the database refused for its content: write what it takes, drop (and log)
        only the rows it refuses, so one bad row cannot block the spool."""
        logger.warning("A spooled batch was refused; writing its rows one by one",
                       extra={"error": describe(error)})
        rows: list[tuple[str, dict[str, Any]]] = [
            *[("question", {"questions": [row]}) for row in batch.questions],
            *[("feedback", {"feedback": [row]}) for row in batch.feedback],
            *[("thread_context", {"contexts": {k: v}}) for k, v in batch.contexts.items()],
            *[("event", {"events": {k: v}}) for k, v in batch.events.items()],
        ]
        for kind, row in rows:
            try:
                database.write_batch(**row)
            except Exception as row_error:
                if is_outage(row_error):
                    raise
                record_spool_dropped(kind)
                logger.error("Dropped a row the database refused",
                             extra={"kind": kind, "error": describe(row_error)})

    def _outage_started(self, error: BaseException, operation: str) -> None:
        record_database_error(operation)
        with self._lock:
            self.last_error = describe(error)
            if not self.available and self.outage_since is not None:
                return
            self.available = False
            self.outage_since = utcnow()
            self._dropped_during_outage = 0
        record_database_up(False)
        logger.warning("Database unreachable: answering on, spooling writes and de-duplicating "
                       "in memory until it is back",
                       extra={"operation": operation, "error": self.last_error})

    def _outage_ended(self, wrote: int) -> None:
        with self._lock:
            if self.available:
                return
            self.available = True
            since, self.outage_since = self.outage_since, None
            dropped = self._dropped_during_outage
        record_database_up(True)
        seconds = (utcnow() - since).total_seconds() if since else 0.0
        logger.info("Database is back: spooled rows written",
                    extra={"outage_seconds": round(seconds, 1), "rows": wrote,
                           "dropped": dropped})


def database_problem() -> str | None:
    """Why the database is degraded for this process (any of its stores), or None."""
    for stores in list(_instances):
        problem = stores.problem()
        if problem:
            return problem
    return None


def serving_stores_exist() -> bool:
    return bool(list(_instances))


def database_available() -> bool:
    return database_problem() is None


def open_resilient_stores(settings: Settings, **options: Any) -> ResilientStores:
    """What `serve` uses: the database of `settings`, upgraded on first contact (which may be
    after start-up, when the bot starts during an outage)."""
    return ResilientStores(lambda: DatabaseStores(ensure_database(settings)), **options)
