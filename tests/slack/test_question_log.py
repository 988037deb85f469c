"""The question log and feedback, read back field by field from the database after real Slack
requests, and seen by the digest: a log that marked every question understood, or lost a
field, would empty or garble the digest's "could not answer" and 👎 lists."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.digest.store import daily_stats
from bot.settings import Settings
from bot.slack.app import build_app, shutdown_listeners
from bot.slack.blocks import ACTION_FEEDBACK_DOWN, ACTION_FEEDBACK_UP
from bot.storage.memory import utcnow
from bot.storage.models import FeedbackEntry, QuestionLogEntry, ensure_database
from bot.storage.resilient import open_resilient_stores
from tests.slack.conftest import answer_in, button_value
from tests.storage.databases import BACKENDS, make_settings
from tests.support.polling import wait_until


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path, slack) -> Iterator[Settings]:
    yield from make_settings(request.param, tmp_path, slack_api_url=slack.api_url,
                             slack_signing_secret="test-signing-secret",
                             slack_bot_token="xoxb-test-bot-token")


@pytest.fixture
def bolt_app(database: Settings, assistant):
    stores = open_resilient_stores(database)  # what `serve` writes through
    app = build_app(database, assistant, stores.as_stores())
    yield app
    shutdown_listeners(app)
    stores.close()


def logged_questions(settings: Settings) -> list[QuestionLogEntry]:
    with Session(ensure_database(settings)) as session:
        return list(session.scalars(select(QuestionLogEntry).order_by(QuestionLogEntry.id)))


def feedback(settings: Settings) -> list[FeedbackEntry]:
    with Session(ensure_database(settings)) as session:
        return list(session.scalars(select(FeedbackEntry).order_by(FeedbackEntry.id)))


def aware(moment):
    return moment if moment.tzinfo else moment.replace(tzinfo=utcnow().tzinfo)


def test_every_field_of_a_logged_question_is_what_was_asked_and_answered(bot, slack, database):
    before = utcnow()
    answer_in(bot.command("who leads Europe?", tag="first"))
    answer_in(bot.command("clarify PHEV D", tag="second"))
    answered, asked_back = wait_until(lambda: len(logged_questions(database)) == 2
                                      and logged_questions(database), what="two logged questions")
    after = utcnow()
    assert (answered.channel_id, answered.user_id, answered.question, answered.intent,
            answered.understood, answered.confidence) == (
        "C111", "U111", "who leads Europe?", "who_leads", True, 0.9)
    assert (asked_back.channel_id, asked_back.user_id, asked_back.question, asked_back.intent,
            asked_back.understood, asked_back.confidence) == (
        "C111", "U111", "clarify PHEV D", "who_leads", False, 0.4)
    for entry in (answered, asked_back):
        assert before - timedelta(seconds=1) <= aware(entry.asked_at) <= after


def test_every_field_of_a_feedback_click_is_stored(bot, slack, database):
    before = utcnow()
    bot.mention("who leads Europe?")
    (answer,) = slack.wait_for("chat.postMessage")
    bot.click(ACTION_FEEDBACK_DOWN, button_value(answer, ACTION_FEEDBACK_DOWN), tag="down")
    slack.wait_for("response_url")
    bot.click(ACTION_FEEDBACK_UP, button_value(answer, ACTION_FEEDBACK_UP), tag="up")
    slack.wait_for("response_url", 2)
    down, up = wait_until(lambda: len(feedback(database)) == 2 and feedback(database),
                          what="two feedback rows")
    after = utcnow()
    for entry, vote in ((down, "down"), (up, "up")):
        assert (entry.user_id, entry.channel_id, entry.question, entry.answer, entry.vote) == (
            "U111", "C111", "who leads Europe?",
            "Mitsubishi leads that. You asked: who leads Europe?", vote)
        assert before - timedelta(seconds=1) <= aware(entry.given_at) <= after


def test_the_digest_lists_what_was_not_understood_and_what_got_a_thumbs_down(bot, slack,
                                                                              database):
    answer_in(bot.command("clarify PHEV D", tag="asked-back"))
    bot.mention("who leads Europe?")
    (answer,) = slack.wait_for("chat.postMessage")
    bot.click(ACTION_FEEDBACK_DOWN, button_value(answer, ACTION_FEEDBACK_DOWN), tag="down")
    slack.wait_for("response_url")
    wait_until(lambda: len(feedback(database)) == 1 and len(logged_questions(database)) == 2,
               what="the question log and the feedback written")
    stats = daily_stats(ensure_database(database), utcnow().date(), "UTC")
    assert stats.questions == 2
    assert stats.unanswered == ["clarify PHEV D"]
    assert stats.disliked == ["who leads Europe?"]
    assert stats.top_topics == [("who_leads", 1)]
