"""Prometheus metrics shared by every surface; one registry for the whole process.

Surfaces call the `record_*` helpers; `/metrics` (HTTP mode) and the optional metrics port
(Socket Mode) expose `exposition()`. With several worker processes (`serve --http --workers
N`) PROMETHEUS_MULTIPROC_DIR is set before any worker imports prometheus_client: every process
then writes its values to files there, and `/metrics`, whichever worker answers, adds them up.
"""

from __future__ import annotations

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)

from knowledge.answer import ERROR_INTENT

MULTIPROCESS_DIR_VARIABLE = "PROMETHEUS_MULTIPROC_DIR"
CONTENT_TYPE = CONTENT_TYPE_LATEST

REGISTRY = CollectorRegistry(auto_describe=True)

QUESTIONS = Counter(
    "alliance_bot_questions",
    "Questions answered, by intent and whether the knowledge base answered them.",
    ["intent", "understood", "surface"],
    registry=REGISTRY,
)
ANSWER_LATENCY = Histogram(
    "alliance_bot_answer_seconds",
    "Time from receiving a question to having its answer (core only).",
    buckets=(0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0),
    registry=REGISTRY,
)
SLACK_API_ERRORS = Counter(
    "alliance_bot_slack_api_errors",
    "Slack Web API calls that failed, by method and error code.",
    ["method", "error"],
    registry=REGISTRY,
)
DIGESTS = Counter(
    "alliance_bot_digests",
    "Digest deliveries by outcome (sent, failed, paused).",
    ["outcome"],
    registry=REGISTRY,
)
CORE_ERRORS = Counter(
    "alliance_bot_core_errors",
    "Questions the core failed on and answered with an apology (the log has the traceback).",
    ["surface"],
    registry=REGISTRY,
)
# A gauge, not an Info: Info does not work in prometheus_client's multiprocess mode. The
# exposition is the same: alliance_bot_knowledge_base_info{version="..."} 1.
KB_INFO = Gauge(
    "alliance_bot_knowledge_base_info",
    "The knowledge base version being served (1), and versions served before (0).",
    ["version"],
    registry=REGISTRY,
    multiprocess_mode="livemax",
)
KB_LOAD_ERRORS = Counter(
    "alliance_bot_knowledge_base_load_errors",
    "Knowledge base loads or reloads refused because a file failed validation.",
    registry=REGISTRY,
)
KB_LOADED = Gauge(
    "alliance_bot_knowledge_base_loaded_timestamp_seconds",
    "When the knowledge base being served was loaded.",
    registry=REGISTRY,
    multiprocess_mode="livemax",
)
DATABASE_ERRORS = Counter(
    "alliance_bot_database_errors",
    "Database operations that failed because the database was unreachable or too slow.",
    ["operation"],
    registry=REGISTRY,
)
DATABASE_UP = Gauge(
    "alliance_bot_database_up",
    "1 while the database answers, 0 during an outage (writes are spooled meanwhile).",
    registry=REGISTRY,
    multiprocess_mode="livemin",
)
SPOOL_ROWS = Gauge(
    "alliance_bot_storage_spool_rows",
    "Rows (questions, feedback, thread contexts, event ids) waiting for the database.",
    registry=REGISTRY,
    multiprocess_mode="livesum",
)
SPOOL_DROPPED = Counter(
    "alliance_bot_storage_spool_dropped",
    "Spooled rows dropped because the spool was full (oldest questions first; never feedback).",
    ["kind"],
    registry=REGISTRY,
)
_kb_version: list[str] = []  # the version KB_INFO shows as 1
_question_counters: dict[tuple[str, bool, str], Counter] = {}  # QUESTIONS' children by labels


def record_answer(*, intent: str, understood: bool, seconds: float, surface: str) -> None:
    key = (intent, understood, surface)
    counter = _question_counters.get(key)
    if counter is None:  # `labels()` validates and locks on every call: look each one up once
        counter = _question_counters[key] = QUESTIONS.labels(
            intent=intent, understood=str(understood).lower(), surface=surface)
    counter.inc()
    ANSWER_LATENCY.observe(seconds)
    if intent == ERROR_INTENT:
        record_core_error(surface)


def record_core_error(surface: str) -> None:
    CORE_ERRORS.labels(surface=surface).inc()


def record_slack_error(*, method: str, error: str) -> None:
    SLACK_API_ERRORS.labels(method=method, error=error).inc()


def record_digest(outcome: str) -> None:
    DIGESTS.labels(outcome=outcome).inc()


def record_kb_loaded(version: str, loaded_at: float) -> None:
    for previous in _kb_version:
        if previous != version:
            KB_INFO.labels(version=previous).set(0)
    _kb_version[:] = [version]
    KB_INFO.labels(version=version).set(1)
    KB_LOADED.set(loaded_at)


def record_kb_load_error() -> None:
    KB_LOAD_ERRORS.inc()


TAUGHT_PHRASES = Gauge(
    "alliance_bot_taught_phrases",
    "Taught phrases this replica serves.",
    registry=REGISTRY,
)
TEACH_CHANGES = Counter(
    "alliance_bot_teach_changes",
    "Phrases taught or forgotten through this replica (Slack or command line).",
    ["action"],
    registry=REGISTRY,
)
TEACH_REFUSALS = Counter(
    "alliance_bot_teach_refusals",
    "Teach requests refused, by reason (already_means, changes_labelled_answers, ...).",
    ["reason"],
    registry=REGISTRY,
)


def record_taught_phrases(count: int) -> None:
    TAUGHT_PHRASES.set(count)


def record_teach_change(action: str) -> None:
    TEACH_CHANGES.labels(action=action).inc()


def record_teach_refusal(reason: str) -> None:
    TEACH_REFUSALS.labels(reason=reason).inc()


def record_database_error(operation: str) -> None:
    DATABASE_ERRORS.labels(operation=operation).inc()


def record_database_up(up: bool) -> None:
    DATABASE_UP.set(1 if up else 0)


def record_spool_depth(rows: int) -> None:
    SPOOL_ROWS.set(rows)


def record_spool_dropped(kind: str) -> None:
    SPOOL_DROPPED.labels(kind=kind).inc()


def exposition() -> bytes:
    """The text `/metrics` serves: this process's registry, or every worker's in multiprocess
    mode."""
    if os.environ.get(MULTIPROCESS_DIR_VARIABLE):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry)
    return generate_latest(REGISTRY)


def worker_exited(pid: int) -> None:
    """Forget a stopped worker's live gauges (multiprocess mode only)."""
    if os.environ.get(MULTIPROCESS_DIR_VARIABLE):
        multiprocess.mark_process_dead(pid)
