"""Filters before the listeners: repeated deliveries, bot messages, unwanted subtypes."""

from __future__ import annotations

import pytest

from tests.slack.conftest import load_payload, posts, posts_after_quiet


def direct_message_event(event_id: str, **event_fields) -> dict:
    payload = load_payload("message_im")
    payload["event_id"] = event_id
    payload["event"].update(event_fields)
    return payload


def test_a_repeated_delivery_is_answered_once(bot, slack, memory):
    payload = direct_message_event("EvREPEATED", text="who leads Japan?")
    assert bot.event(payload).status == 200
    assert bot.event(payload, headers={"X-Slack-Retry-Num": "1",
                                       "X-Slack-Retry-Reason": "http_timeout"}).status == 200
    assert bot.event(payload, headers={"X-Slack-Retry-Num": "2"}).status == 200
    bot.direct_message("who leads Europe?")  # a fresh event, answered after the repeats
    slack.wait_for("chat.postMessage", 2)
    assert [call.params["text"].rsplit(": ", 1)[1] for call in posts(slack)].count(
        "who leads Japan?") == 1
    assert len(memory.question_records) == 2


@pytest.mark.parametrize("event_fields", [
    {"bot_id": "BOTHER", "user": "UOTHERBOT"},
    {"subtype": "bot_message", "bot_id": "BOTHER"},
    {"bot_id": "BBOT", "user": "UBOT"},
    {"user": "UBOT"},
], ids=["another-bot", "bot-message-subtype", "our-bot", "our-bot-user"])
def test_messages_from_bots_are_not_answered(bot, slack, event_fields):
    assert bot.event(direct_message_event("EvBOT", **event_fields)).status == 200
    bot.direct_message("who leads Europe?")
    slack.wait_for("chat.postMessage")
    assert len(posts_after_quiet(slack)) == 1


@pytest.mark.parametrize("subtype", ["message_changed", "message_deleted", "channel_join",
                                     "channel_leave", "message_replied"])
def test_message_subtypes_that_ask_nothing_are_not_answered(bot, slack, subtype):
    assert bot.event(direct_message_event("EvSUBTYPE", subtype=subtype)).status == 200
    bot.direct_message("who leads Europe?")
    slack.wait_for("chat.postMessage")
    assert len(posts_after_quiet(slack)) == 1


def test_a_thread_broadcast_is_still_answered(bot, slack):
    bot.event(direct_message_event("EvBROADCAST", subtype="thread_broadcast",
                                   text="who leads Japan?"))
    (answer,) = slack.wait_for("chat.postMessage")
    assert "Japan" in answer.params["text"]
