"""Structured logs: JSON off a terminal, text on one, standard fields, and never a secret."""

from __future__ import annotations

import io
import json
import logging
import sys
from collections.abc import Iterator

import pytest

from bot.ops.logging import REDACTED_SECRET, REDACTED_TOKEN, configure_logging
from bot.settings import ConfigError, Settings, load_settings

BOT_TOKEN = "xoxb-1111111111-2222222222-AbCdEfGhIjKlMnOpQrStUvWx"
APP_TOKEN = "xapp-1-A0123456789-1234567890123-abcdef0123456789"
SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def make_settings(**overrides: object) -> Settings:
    values = {"slack_bot_token": BOT_TOKEN, "slack_app_token": APP_TOKEN,
              "slack_signing_secret": SIGNING_SECRET, "log_format": "auto", "log_level": "DEBUG"}
    return Settings(**{**values, **overrides})  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def restore_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def log_to(stream: io.StringIO, **overrides: object) -> logging.Logger:
    configure_logging(make_settings(**overrides), stream=stream)
    return logging.getLogger("tests.ops")


def json_lines(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_logs_are_json_lines_when_not_on_a_terminal() -> None:
    stream = io.StringIO()
    log_to(stream).info("answered %s", "a question")
    (entry,) = json_lines(stream)
    assert entry["message"] == "answered a question"
    assert entry["level"] == "info"
    assert entry["logger"] == "tests.ops"
    assert entry["time"].endswith("+00:00")


def test_logs_are_readable_text_on_a_terminal() -> None:
    stream = Terminal()
    log_to(stream).info("answered", extra={"intent": "who_leads", "latency_ms": 3.2})
    line = stream.getvalue().strip()
    assert not line.startswith("{")
    assert "INFO" in line and "answered" in line
    assert line.endswith("intent=who_leads latency_ms=3.2")


def test_log_format_json_wins_over_a_terminal() -> None:
    stream = Terminal()
    log_to(stream, log_format="json").info("answered")
    assert json_lines(stream)[0]["message"] == "answered"


def test_log_format_text_wins_off_a_terminal() -> None:
    stream = io.StringIO()
    log_to(stream, log_format="text").info("answered")
    assert not stream.getvalue().startswith("{")


def test_standard_extra_fields_come_first_in_a_fixed_order() -> None:
    stream = io.StringIO()
    log_to(stream).info("answered", extra={
        "zeta": 1, "latency_ms": 4.5, "understood": True, "intent": "who_leads",
        "channel": "C1", "request_id": "r-1", "event_id": "Ev1",
    })
    (entry,) = json_lines(stream)
    assert list(entry)[4:] == ["event_id", "request_id", "channel", "intent", "understood",
                               "latency_ms", "zeta"]
    assert entry["understood"] is True and entry["latency_ms"] == 4.5


def test_text_values_with_spaces_are_quoted() -> None:
    stream = Terminal()
    log_to(stream).info("refused", extra={"error": "companies.yaml: entry 'x'"})
    assert "error=\"companies.yaml: entry 'x'\"" in stream.getvalue()


def test_exceptions_are_one_json_line_with_the_traceback() -> None:
    stream = io.StringIO()
    try:
        raise ValueError("boom")
    except ValueError:
        log_to(stream).exception("failed")
    (entry,) = json_lines(stream)
    assert "ValueError: boom" in entry["exception"]


def test_log_level_filters_lower_records() -> None:
    stream = io.StringIO()
    logger = log_to(stream, log_level="WARNING")
    logger.info("quiet")
    logger.warning("loud")
    assert [entry["message"] for entry in json_lines(stream)] == ["loud"]


def test_an_unknown_log_level_is_a_configuration_error_naming_it(monkeypatch) -> None:
    monkeypatch.setenv("LOG_LEVEL", "LOUD")
    with pytest.raises(ConfigError, match="invalid setting LOG_LEVEL: .*DEBUG, INFO"):
        load_settings()


def test_a_log_level_is_read_in_any_case() -> None:
    assert make_settings(log_level="warning").log_level == "WARNING"


def test_configuring_twice_keeps_one_handler() -> None:
    stream = io.StringIO()
    log_to(stream)
    log_to(stream).info("once")
    assert len(json_lines(stream)) == 1


@pytest.mark.parametrize("secret", [BOT_TOKEN, APP_TOKEN, SIGNING_SECRET,
                                    "xoxp-123-456-789-abcdef", "xoxa-2-abc", "xoxe.xoxp-1-abc"])
@pytest.mark.parametrize("where", ["message", "argument", "extra", "exception"])
def test_secrets_never_reach_the_output(secret: str, where: str) -> None:
    stream = io.StringIO()
    logger = log_to(stream)
    if where == "message":
        logger.warning(f"token is {secret}")
    elif where == "argument":
        logger.warning("headers: %s", {"Authorization": f"Bearer {secret}"})
    elif where == "extra":
        logger.warning("calling Slack", extra={"error": f"invalid_auth for {secret}"})
    else:
        try:
            raise RuntimeError(f"request failed with {secret}")
        except RuntimeError:
            logger.exception("failed")
    output = stream.getvalue()
    assert secret not in output
    assert REDACTED_TOKEN in output or REDACTED_SECRET in output


def test_redaction_keeps_the_rest_of_the_message() -> None:
    stream = io.StringIO()
    log_to(stream).info(f"auth.test with {BOT_TOKEN} answered ok")
    assert json_lines(stream)[0]["message"] == f"auth.test with {REDACTED_TOKEN} answered ok"


def test_records_of_third_party_loggers_are_redacted_too() -> None:
    stream = io.StringIO()
    log_to(stream)
    logging.getLogger("slack_sdk.web.base_client").debug("Sending a request - headers: %s",
                                                         {"Authorization": f"Bearer {BOT_TOKEN}"})
    assert BOT_TOKEN not in stream.getvalue()


def test_a_configured_token_is_masked_whole_even_with_unusual_characters() -> None:
    odd_token = "xoxb-1234_5678.abcdefgh"
    stream = io.StringIO()
    log_to(stream, slack_bot_token=odd_token).info(f"token {odd_token}")
    assert "5678" not in stream.getvalue()


def test_a_library_printing_through_its_own_console_handler_goes_through_ours() -> None:
    library = logging.getLogger("tests.ops.chatty_library")
    library.addHandler(logging.StreamHandler(sys.stderr))
    library.propagate = False
    stream = io.StringIO()
    configure_logging(make_settings(), stream=stream)
    library.warning(f"loaded with {BOT_TOKEN}")
    assert not library.handlers
    (entry,) = json_lines(stream)
    assert entry["logger"] == "tests.ops.chatty_library" and BOT_TOKEN not in entry["message"]

