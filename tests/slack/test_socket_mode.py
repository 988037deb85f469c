"""Socket Mode: envelopes over a local websocket reach the same listeners and are acked."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from bot.slack.socket_mode import build_socket_mode_handler
from tests.slack.conftest import load_payload, posts, posts_after_quiet
from tests.slack.fake_socket_mode import FakeSocketMode

APP_TOKEN = "xapp-test-app-token"


@pytest.fixture
def socket_mode(slack, bolt_app) -> Iterator[FakeSocketMode]:
    with FakeSocketMode() as fake:
        slack.socket_mode_url = fake.url
        handler = build_socket_mode_handler(bolt_app, APP_TOKEN)
        handler.connect()
        fake.wait_connected()
        try:
            yield fake
        finally:
            # The built-in client holds its socket for up to its 3 s receive timeout while
            # closing; close in the background, as nothing here depends on it having finished.
            threading.Thread(target=handler.close, daemon=True).start()


def slash_command(slack, text: str) -> dict:
    command = load_payload("slash_command")
    command.update(text=text, response_url=slack.response_url())
    return command


def test_the_handler_dispatches_to_the_app_it_was_built_for(bolt_app):
    handler = build_socket_mode_handler(bolt_app, APP_TOKEN)
    try:
        assert handler.app is bolt_app
        assert handler.client.web_client is bolt_app.client
        assert handler.handle in handler.client.socket_mode_request_listeners
    finally:
        handler.close()


def test_the_connection_is_opened_with_the_app_token(socket_mode, slack):
    (call,) = slack.calls_to("apps.connections.open")
    assert call.headers["Authorization"] == f"Bearer {APP_TOKEN}"


def test_help_comes_back_in_the_ack(socket_mode, slack):
    envelope = socket_mode.push("slash_commands", slash_command(slack, "help"))
    ack = socket_mode.wait_for_ack(envelope)
    assert "How to ask" in str(ack["payload"]["blocks"])
    assert posts_after_quiet(slack) == []


def test_a_slash_question_is_answered_in_the_ack(socket_mode, slack):
    envelope = socket_mode.push("slash_commands", slash_command(slack, "who leads Europe?"))
    ack = socket_mode.wait_for_ack(envelope)
    assert "You asked: who leads Europe?" in ack["payload"]["text"]
    assert ack["payload"]["response_type"] == "ephemeral"
    assert posts(slack) == []


def test_a_mention_is_acked_and_answered_in_its_thread(socket_mode, slack):
    envelope = socket_mode.push("events_api", load_payload("app_mention"))
    assert socket_mode.wait_for_ack(envelope) == {"envelope_id": envelope}
    (answer,) = slack.wait_for("chat.postMessage")
    assert answer.params["thread_ts"] == "1700000000.000100"


def test_a_retried_envelope_is_acked_but_answered_once(socket_mode, slack):
    mention = load_payload("app_mention")
    first = socket_mode.push("events_api", mention)
    retry = socket_mode.push("events_api", mention, retry_attempt=1)
    socket_mode.wait_for_ack(first)
    socket_mode.wait_for_ack(retry)
    other = load_payload("message_im")
    socket_mode.push("events_api", other)
    slack.wait_for("chat.postMessage", 2)
    assert [call.params["channel"] for call in posts(slack)].count("C111") == 1


def test_a_button_click_is_acked_and_handled(socket_mode, slack, memory):
    click = load_payload("block_actions")
    click["actions"][0]["value"] = '{"q":"who leads Europe?","a":"Renault"}'
    click["response_url"] = slack.response_url()
    envelope = socket_mode.push("interactive", click)
    socket_mode.wait_for_ack(envelope)
    slack.wait_for("response_url")
    assert [record.vote for record in memory.feedback_records] == ["up"]
