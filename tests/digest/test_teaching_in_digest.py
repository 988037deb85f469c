"""The digest's question section and teaching: a Teach button per quoted question, and how many
of yesterday's unanswered questions the bot answers by now."""

from __future__ import annotations

from datetime import UTC, datetime

from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.digest.delivery import send_due
from bot.settings import Settings
from bot.storage.memory import FeedbackRecord, QuestionRecord
from bot.storage.stores import open_stores
from tests.digest.conftest import MapAssistant
from tests.digest.test_delivery import subscribe
from tests.support.fake_slack import FakeSlack

SUNDAY_NOON = datetime(2024, 1, 14, 11, 0, tzinfo=UTC)
MONDAY_NINE_PARIS = datetime(2024, 1, 15, 8, 0, tzinfo=UTC)


def log(settings: Settings, question: str, *, understood: bool, channel: str = "C9") -> None:
    open_stores(settings).questions.log_question(QuestionRecord(
        channel_id=channel, user_id="U1", question=question, intent="out_of_scope",
        understood=understood, confidence=0.0, at=SUNDAY_NOON, thread_ts="1705230000.000100"))


def digest_blocks(engine: Engine, client: WebClient, assistant: MapAssistant,
                  slack: FakeSlack) -> list[dict]:
    subscribe(engine, "C1")
    send_due(engine, client, assistant, now=MONDAY_NINE_PARIS)
    return slack.calls_to("chat.postMessage")[0].params["blocks"]


def teach_values(blocks: list[dict]) -> dict[str, str]:
    return {element["text"]["text"]: element["value"] for block in blocks
            if block["type"] == "actions" for element in block["elements"]
            if element["action_id"].startswith("teach_open")}


def test_unanswered_and_disliked_questions_get_a_teach_button(
        settings: Settings, engine: Engine, client: WebClient, assistant: MapAssistant,
        slack: FakeSlack) -> None:
    log(settings, "who leads Mars?", understood=False)
    log(settings, "who leads Mars?", understood=False)
    log(settings, "secret plans?", understood=False, channel="D1")
    open_stores(settings).feedback.record_feedback(FeedbackRecord(
        user_id="U2", channel_id="C9", question="what does Nissan lead?", answer="...",
        vote="down", at=SUNDAY_NOON))
    values = teach_values(digest_blocks(engine, client, assistant, slack))
    assert set(values) == {"Teach: who leads Mars?", "Teach: what does Nissan lead?"}
    assert values["Teach: who leads Mars?"].startswith("q:")
    assert values["Teach: what does Nissan lead?"].startswith("f:")


def test_the_digest_says_how_many_unanswered_questions_are_answered_now(
        settings: Settings, engine: Engine, client: WebClient, assistant: MapAssistant,
        slack: FakeSlack) -> None:
    for question in ("who leads Mars?", "who leads Pluto?"):
        log(settings, question, understood=False)
    log(settings, "secret plans?", understood=False, channel="D1")  # counted, never quoted
    log(settings, "who leads Europe?", understood=True)
    assistant.answered = {"who leads Mars?", "secret plans?"}
    shown = repr(digest_blocks(engine, client, assistant, slack))
    assert "*Could not answer* (2 of 3 answered now)" in shown
    assert "secret plans?" not in shown
