"""`serve --http` on a real PostgreSQL that the test stops and starts, and kills the bot.

A database outage degrades, never stops: every surface answers, /healthz and /readyz stay 200
(the database reported as degraded; `?strict=1` says 503), and every question, click and
claim made during the outage is in the database after it is back, exactly once, without a
restart. A bot SIGKILLed between a Slack delivery and Slack's retry of it leaves the retry to
be answered once, by the restarted bot.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, select, update

from bot.slack.blocks import ACTION_FEEDBACK_DOWN
from bot.storage.memory import utcnow
from bot.storage.models import FeedbackEntry, ProcessedEvent, QuestionLogEntry
from bot.storage.stores import EVENT_CLAIM_LEASE
from tests.slack.conftest import (
    BOT_TOKEN,
    SIGNING_SECRET,
    SlackDriver,
    answer_in,
    button_value,
    load_payload,
)
from tests.slack.test_serve import free_port, stop_serve, wait_until_healthy
from tests.support.polling import holds_for, wait_until

QUIET_SECONDS = 1.5


class Bot:
    """One `alliance-bot serve --http --workers 1` process on the given database."""

    def __init__(self, database_url: str, slack, tmp_path: Path) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        environment = {key: value for key, value in os.environ.items()
                       if not key.startswith(("SLACK_", "DATABASE_", "LOG_"))}
        environment.update(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET,
                           SLACK_API_URL=slack.api_url, DATABASE_URL=database_url,
                           DATA_DIR=str(tmp_path / "data"), LOG_FORMAT="json",
                           PYTHONPATH=os.getcwd())
        self.log_path = tmp_path / f"serve-{self.port}.log"
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-c", "import sys; from bot.cli.main import main; "
                 "sys.exit(main())", "serve", "--http", "--workers", "1", "--host", "127.0.0.1",
                 "--port", str(self.port)],
                cwd=tmp_path, env=environment, stdout=log, stderr=subprocess.STDOUT)
        wait_until_healthy(self.base_url, self.process)
        self.driver = SlackDriver(self.base_url, slack)

    def messages(self) -> list[str]:
        entries = []
        for line in self.log_path.read_text().splitlines():
            if line.startswith("{"):
                entries.append(json.loads(line).get("message", ""))
        return entries


@pytest.fixture
def database(private_postgres) -> Iterator[Engine]:
    url = private_postgres.create_database()
    engine = create_engine("postgresql+psycopg://" + url.split("://", 1)[1], pool_pre_ping=True)
    engine.url_for_bot = url  # type: ignore[attr-defined]
    yield engine
    engine.dispose()


def mention(event_id: str, text: str, ts: str) -> dict:
    payload = load_payload("app_mention")
    payload["event_id"] = event_id
    payload["event"].update(text=f"<@UBOT> {text}", ts=ts, event_ts=ts)
    return payload


def retried(driver: SlackDriver, payload: dict, attempt: int):
    return driver.event(payload, headers={"X-Slack-Retry-Num": str(attempt),
                                          "X-Slack-Retry-Reason": "http_timeout"})


def questions(database: Engine) -> Counter:
    with database.connect() as connection:
        return Counter(connection.scalars(select(QuestionLogEntry.question)))


def test_a_database_outage_degrades_answers_on_and_loses_nothing(
        private_postgres, database, slack, tmp_path) -> None:
    bot = Bot(database.url_for_bot, slack, tmp_path)
    try:
        answer_in(bot.driver.command("who leads Europe?"))
        wait_until(lambda: questions(database), what="the first question to be logged")
        private_postgres.stop()
        try:
            asked = [f"who leads Japan? #{n}" for n in range(5)]
            for text in asked:
                assert "Nissan" in answer_in(bot.driver.command(text)).params["text"]
            outage_mention = mention("EvOutage1", "who leads China?", "1700000100.000100")
            assert bot.driver.event(outage_mention).status == 200
            (posted,) = slack.wait_for("chat.postMessage", timeout=20)
            assert retried(bot.driver, outage_mention, 1).status == 200  # same replica: memory
            bot.driver.direct_message("who leads PHEV for the D segment?")
            slack.wait_for("chat.postMessage", 2, timeout=20)
            bot.driver.click(ACTION_FEEDBACK_DOWN, button_value(posted, ACTION_FEEDBACK_DOWN))
            slack.wait_for("response_url", timeout=20)

            assert bot.driver.get("/healthz").status == 200
            ready = wait_until(lambda: (lambda r: r if "degraded" in r.json() else None)(
                bot.driver.get("/readyz")), what="/readyz to report the database degraded")
            assert ready.status == 200
            assert ready.json()["degraded"][0].startswith("database unreachable since")
            assert bot.driver.get("/readyz?strict=1").status == 503
            holds_for(lambda: len(slack.calls_to("chat.postMessage")) == 2, QUIET_SECONDS,
                      "the retried mention answered once")
        finally:
            private_postgres.start()

        expected = Counter(["who leads Europe?", *asked, "who leads China?",
                            "who leads PHEV for the D segment?"])
        wait_until(lambda: questions(database) == expected, 30,
                   "every question asked during the outage in the question log")
        holds_for(lambda: questions(database) == expected, QUIET_SECONDS,
                  "exactly once: no duplicate rows")
        with database.connect() as connection:
            assert list(connection.scalars(select(FeedbackEntry.vote))) == ["down"]
            assert connection.scalar(select(ProcessedEvent.answered_at)
                                     .where(ProcessedEvent.event_id == "EvOutage1"))
        wait_until(lambda: "degraded" not in bot.driver.get("/readyz").json(),
                   what="/readyz to report the database back")
        messages = bot.messages()
        assert sum(m.startswith("Database unreachable") for m in messages) == 1
        assert sum(m.startswith("Database is back") for m in messages) == 1
    finally:
        code, output = stop_serve(bot.process)
    assert code == 0, bot.log_path.read_text()[-3000:]


def test_a_bot_killed_between_a_delivery_and_its_retry_leaves_the_retry_answered_once(
        database, slack, tmp_path) -> None:
    first = Bot(database.url_for_bot, slack, tmp_path)
    delivery = mention("EvKilled1", "who leads Europe?", "1700000200.000100")
    try:
        slack.fail_next("chat.postMessage", status=429, retry_after=60)  # not posted
        assert first.driver.event(delivery).status == 200
        slack.wait_for("chat.postMessage", timeout=20)  # the bot now waits out the Retry-After
    finally:
        first.process.kill()  # SIGKILL: no clean-up, the delivery stays unanswered
        first.process.wait(timeout=10)

    restarted = Bot(database.url_for_bot, slack, tmp_path)
    try:
        # Slack's immediate retry: the delivery was taken less than a lease ago, maybe by a
        # replica still answering it, so it is not answered twice.
        assert retried(restarted.driver, delivery, 1).status == 200
        holds_for(lambda: len(slack.calls_to("chat.postMessage")) == 1, QUIET_SECONDS,
                  "no answer to a retry of a delivery taken moments ago")
        with database.begin() as connection:  # Slack's next retry comes a minute later
            connection.execute(update(ProcessedEvent).values(
                seen_at=utcnow() - EVENT_CLAIM_LEASE * 2))
        assert retried(restarted.driver, delivery, 2).status == 200
        refused, answered = slack.wait_for("chat.postMessage", 2, timeout=20)
        assert answered.params == refused.params
        wait_until(lambda: database.connect().scalar(select(ProcessedEvent.answered_at)),
                   what="the answer to be confirmed in the database")
        with database.begin() as connection:
            connection.execute(update(ProcessedEvent).values(
                seen_at=utcnow() - EVENT_CLAIM_LEASE * 2))
        assert retried(restarted.driver, delivery, 3).status == 200
        holds_for(lambda: len(slack.calls_to("chat.postMessage")) == 2, QUIET_SECONDS,
                  "the answered delivery answered once")
    finally:
        code, _ = stop_serve(restarted.process)
    assert code == 0, restarted.log_path.read_text()[-3000:]
