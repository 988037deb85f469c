"""Direct messages: answered in the DM, follow-ups keep the conversation's context."""

from __future__ import annotations

from tests.slack.conftest import load_payload, posts_after_quiet


def test_a_direct_message_is_answered_in_the_dm(bot, slack):
    assert bot.direct_message("what does Nissan lead?").status == 200
    (answer,) = slack.wait_for("chat.postMessage")
    assert answer.params["channel"] == "D111"
    assert "thread_ts" not in answer.params
    assert "You asked: what does Nissan lead?" in answer.params["text"]


def test_a_follow_up_in_the_dm_is_asked_with_the_previous_context(bot, slack, assistant):
    bot.direct_message("who leads PHEV?", ts="1700000000.000200")
    slack.wait_for("chat.postMessage")
    bot.direct_message("and in Europe?", ts="1700000000.000300")
    slack.wait_for("chat.postMessage", 2)
    assert assistant.calls[1] == ("and in Europe?", {"turn": 1, "question": "who leads PHEV?"})


def test_a_message_in_a_dm_thread_is_answered_in_that_thread(bot, slack):
    bot.direct_message("and in Japan?", ts="1700000000.000400", thread_ts="1700000000.000200")
    (answer,) = slack.wait_for("chat.postMessage")
    assert answer.params["thread_ts"] == "1700000000.000200"


def test_a_message_event_outside_a_dm_is_acknowledged_and_not_answered(bot, slack):
    payload = load_payload("message_im")
    payload["event"].update(channel_type="channel", channel="C111")
    assert bot.event(payload).status == 200
    bot.direct_message("who leads Japan?")
    slack.wait_for("chat.postMessage")
    assert len(posts_after_quiet(slack)) == 1


def test_a_direct_message_is_logged_with_its_surface(bot, slack, memory):
    bot.direct_message("who leads Japan?")
    slack.wait_for("chat.postMessage")
    assert memory.question_records[0].channel_id == "D111"
