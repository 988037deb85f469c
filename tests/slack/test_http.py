"""HTTP mode transport: signatures, url_verification, health endpoints, hostile bodies, load."""

from __future__ import annotations

import http.client
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.extensions import READINESS_CHECKS
from bot.slack.http_server import MAX_BODY_BYTES, SLACK_EVENTS_PATH
from tests.slack.conftest import load_payload, posts, posts_after_quiet
from tests.support.polling import wait_until

STALE_SECONDS = 6 * 60  # Slack's window is five minutes
CONCURRENT_COMMANDS = 50


def test_url_verification_echoes_the_challenge(bot):
    payload = load_payload("url_verification")
    reply = bot.event(payload)
    assert reply.status == 200
    assert payload["challenge"] in reply.body.decode()


def test_a_bad_signature_is_rejected_and_nothing_is_posted(bot, slack):
    reply = bot.mention("who leads Europe?", secret="not-the-signing-secret")
    assert reply.status == 401
    assert posts_after_quiet(slack) == []


def test_a_stale_timestamp_is_rejected_and_nothing_is_posted(bot, slack):
    reply = bot.command("who leads Europe?", timestamp=int(time.time()) - STALE_SECONDS)
    assert reply.status == 401
    assert posts_after_quiet(slack) == []


def test_an_unsigned_request_is_rejected(bot, slack):
    reply = bot.mention("who leads Europe?", signed=False)
    assert reply.status == 401
    assert posts_after_quiet(slack) == []


@pytest.mark.parametrize("body, content_type", [
    (b"\x00\xff garbage \x13", "application/octet-stream"),
    (b"{not json", "application/json"),
    (b"payload=%7Bbroken", "application/x-www-form-urlencoded"),
    (b"", "application/json"),
])
def test_a_signed_garbage_body_gets_a_client_error_not_a_crash(bot, slack, body, content_type):
    reply = bot.post(body, content_type)
    assert 400 <= reply.status < 500
    assert posts_after_quiet(slack) == []
    assert bot.get("/healthz").status == 200


def test_an_oversized_body_is_refused_before_it_is_read(bot, slack):
    host, port = bot.base_url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.putrequest("POST", SLACK_EVENTS_PATH)
    connection.putheader("Content-Type", "application/json")
    connection.putheader("Content-Length", str(MAX_BODY_BYTES + 1))
    connection.endheaders()
    assert connection.getresponse().status == 413
    connection.close()
    assert posts_after_quiet(slack) == []


def test_healthz_says_the_process_is_up(bot):
    reply = bot.get("/healthz")
    assert (reply.status, reply.body) == (200, b"ok")


def test_readyz_is_ready_when_every_check_passes(bot, monkeypatch):
    monkeypatch.setattr("bot.slack.http_server.READINESS_CHECKS", [lambda: None])
    monkeypatch.setattr("bot.slack.http_server.DEGRADATION_CHECKS", [lambda: None])
    reply = bot.get("/readyz")
    assert reply.status == 200
    assert reply.json() == {"ready": True}


def test_readyz_stays_ready_while_the_database_is_degraded_unless_strict(bot, monkeypatch):
    monkeypatch.setattr("bot.slack.http_server.READINESS_CHECKS", [lambda: None])
    monkeypatch.setattr("bot.slack.http_server.DEGRADATION_CHECKS",
                        [lambda: "database unreachable: connection refused"])
    reply = bot.get("/readyz")
    assert reply.status == 200
    assert reply.json() == {"ready": True,
                            "degraded": ["database unreachable: connection refused"]}
    strict = bot.get("/readyz?strict=1")
    assert strict.status == 503
    assert strict.json()["degraded"] == ["database unreachable: connection refused"]


def test_readyz_lists_the_reasons_it_is_not_ready(bot, monkeypatch):
    def broken() -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr("bot.slack.http_server.READINESS_CHECKS",
                        [*READINESS_CHECKS, lambda: "database unreachable", broken])
    reply = bot.get("/readyz")
    assert reply.status == 503
    reasons = reply.json()["reasons"]
    assert "database unreachable" in reasons
    assert any("boom" in reason for reason in reasons)


def test_metrics_count_answered_questions(bot, slack):
    bot.command("who leads Europe?")
    counted = 'alliance_bot_questions_total{intent="who_leads",surface="slash",understood="true"}'
    reply = wait_until(lambda: (lambda r: r if counted in r.body.decode() else None)(
        bot.get("/metrics")), what="the question to be counted")
    assert reply.status == 200


def test_fifty_concurrent_slash_commands_are_all_answered_in_their_acknowledgements(bot, slack):
    def send(index: int):
        return bot.command(f"who leads Europe? #{index}", tag=str(index))

    with ThreadPoolExecutor(CONCURRENT_COMMANDS) as pool:
        replies = list(pool.map(send, range(CONCURRENT_COMMANDS)))

    assert [reply.status for reply in replies] == [200] * CONCURRENT_COMMANDS
    answered = {reply.json()["text"].rsplit("#", 1)[1] for reply in replies}
    assert answered == {str(index) for index in range(CONCURRENT_COMMANDS)}
    assert posts(slack) == []
