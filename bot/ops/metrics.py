"""Prometheus metrics shared by every surface; one registry for the whole process.

Surfaces call the `record_*` helpers; `/metrics` (HTTP mode) and the optional metrics port
(Socket Mode) expose `REGISTRY`.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, Info

from knowledge.answer import ERROR_INTENT

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
KB_INFO = Info(
    "alliance_bot_knowledge_base",
    "The knowledge base version being served.",
    registry=REGISTRY,
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
)


def record_answer(*, intent: str, understood: bool, seconds: float, surface: str) -> None:
    QUESTIONS.labels(intent=intent, understood=str(understood).lower(), surface=surface).inc()
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
    KB_INFO.info({"version": version})
    KB_LOADED.set(loaded_at)


def record_kb_load_error() -> None:
    KB_LOAD_ERRORS.inc()
