"""Process-wide logging: JSON lines for machines, readable lines for people, never a secret.

`configure_logging(settings)` installs one handler on the root logger. Structured fields are
passed with `extra=` (`logger.info("answered", extra={"intent": ..., "latency_ms": ...})`) and
appear as JSON keys or as `key=value` after the text. Every record goes through a redacting
filter first, so Slack tokens and the signing secret are masked wherever they hide: message,
arguments, extra fields or a traceback.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import UTC, datetime
from typing import Any, TextIO

# Fields surfaces are expected to pass with `extra=`, printed first and in this order.
STANDARD_FIELDS = (
    "event_id",
    "request_id",
    "surface",
    "channel",
    "user",
    "intent",
    "understood",
    "confidence",
    "latency_ms",
    "method",
    "error",
)
# Attributes every LogRecord has; anything else on a record came from `extra=`. uvicorn's
# `color_message` repeats the message with ANSI colour codes: noise inside a JSON line.
_RECORD_ATTRIBUTES = frozenset(
    vars(logging.LogRecord("", logging.INFO, "", 0, "", (), None))
) | {"message", "asctime", "taskName", "color_message"}

# Bot, user, app-level, legacy workspace, refresh and configuration tokens.
SLACK_TOKEN_PATTERN = re.compile(r"\b(?:xox[a-z]|xapp|xoxe\.xox[a-z])-[A-Za-z0-9-]+")
REDACTED_TOKEN = "[redacted-slack-token]"
REDACTED_SECRET = "[redacted-secret]"
# Shorter "secrets" would blank out ordinary words; real signing secrets are 32 characters.
MIN_LITERAL_SECRET_LENGTH = 8

_HANDLER_NAME = "alliance-bot"


class SecretRedactor(logging.Filter):
    """Masks Slack tokens (by shape) and the configured secrets (by value) in every record."""

    def __init__(self, secrets: list[str | None] | None = None) -> None:
        super().__init__()
        literal = {s for s in secrets or [] if s and len(s) >= MIN_LITERAL_SECRET_LENGTH}
        # Longest first, so a secret containing another is masked whole.
        self._secrets = sorted(literal, key=len, reverse=True)

    def redact(self, text: str) -> str:
        # Configured values first and whole: the pattern could stop short inside an odd token.
        for secret in self._secrets:
            label = REDACTED_TOKEN if SLACK_TOKEN_PATTERN.match(secret) else REDACTED_SECRET
            text = text.replace(secret, label)
        return SLACK_TOKEN_PATTERN.sub(REDACTED_TOKEN, text)

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self.redact(record.getMessage())
        record.args = None
        for key, value in list(vars(record).items()):
            if key not in _RECORD_ATTRIBUTES and isinstance(value, str):
                setattr(record, key, self.redact(value))
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def extra_fields(record: logging.LogRecord) -> dict[str, Any]:
    """The `extra=` fields of a record, standard ones first."""
    extras = {k: v for k, v in vars(record).items() if k not in _RECORD_ATTRIBUTES}
    ordered = {k: extras.pop(k) for k in STANDARD_FIELDS if k in extras}
    ordered.update(sorted(extras.items()))
    return ordered


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, extra fields, exception."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(extra_fields(record))
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = record.stack_info
        return json.dumps(entry, default=str, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    """`12:00:01 INFO  bot.slack.listeners  answered  intent=who_leads latency_ms=3.1`."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)-5s %(name)s  %(message)s", "%H:%M:%S")

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - logging's naming
        line = super().formatMessage(record)
        fields = " ".join(f"{k}={_text_value(v)}" for k, v in extra_fields(record).items())
        return f"{line}  {fields}" if fields else line


def _text_value(value: Any) -> str:
    text = str(value)
    return json.dumps(text) if (not text or any(c.isspace() for c in text)) else text


def wants_json(log_format: str, stream: TextIO) -> bool:
    if log_format == "auto":
        isatty = getattr(stream, "isatty", None)
        return not (isatty and isatty())
    return log_format == "json"


def _silence_console_handlers_of_libraries() -> None:
    """Some libraries (spaCy) print through a console handler of their own: the lines would be
    neither JSON nor redacted. Their records propagate to the root handler, so drop those."""
    for logger in list(logging.root.manager.loggerDict.values()):
        if not isinstance(logger, logging.Logger):
            continue
        for handler in list(logger.handlers):
            is_console = (type(handler) is logging.StreamHandler
                          and handler.stream in (sys.stderr, sys.stdout))
            if is_console:
                logger.removeHandler(handler)
                logger.propagate = True


def configure_logging(settings: Any, stream: TextIO | None = None) -> logging.Handler:
    """Route every logger through one redacting handler on `stream` (stderr by default).

    Calling it again replaces the handler it installed before (tests, `serve` after `doctor`).
    """
    stream = stream if stream is not None else sys.stderr
    handler = logging.StreamHandler(stream)
    handler.set_name(_HANDLER_NAME)
    handler.addFilter(
        SecretRedactor(
            [settings.slack_bot_token, settings.slack_app_token, settings.slack_signing_secret]
        )
    )
    use_json = wants_json(settings.log_format, stream)
    handler.setFormatter(JsonFormatter() if use_json else TextFormatter())

    root = logging.getLogger()
    _silence_console_handlers_of_libraries()
    level = settings.log_level.upper()  # validated by Settings, as `doctor` sees it
    for existing in list(root.handlers):
        if existing.get_name() == _HANDLER_NAME:
            root.removeHandler(existing)
    root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)
    return handler
