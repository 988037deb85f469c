"""@-mentions in channels: answered in the thread, follow-ups understood in context."""

from __future__ import annotations

from bot.slack.blocks import ACTION_FEEDBACK_DOWN, ACTION_SHARE
from tests.slack.conftest import assert_pings_nobody, posts_after_quiet

QUESTION_TS = "1700000000.000100"


def test_a_mention_is_answered_in_the_thread_of_the_question(bot, slack):
    assert bot.mention("who leads PHEV for the D segment?", ts=QUESTION_TS).status == 200
    (answer,) = slack.wait_for("chat.postMessage")
    assert answer.params["channel"] == "C111"
    assert answer.params["thread_ts"] == QUESTION_TS
    assert "Mitsubishi leads that" in answer.params["text"]


def test_the_bot_mention_is_taken_out_of_the_question(bot, slack, assistant):
    bot.mention("who leads Europe?")
    slack.wait_for("chat.postMessage")
    assert assistant.calls[0][0] == "who leads Europe?"


def test_a_channel_answer_has_feedback_buttons_but_no_share_button(bot, slack):
    bot.mention("who leads Europe?")
    (answer,) = slack.wait_for("chat.postMessage")
    action_ids = {element["action_id"] for block in answer.params["blocks"]
                  for element in block.get("elements", []) if "action_id" in element}
    assert ACTION_FEEDBACK_DOWN in action_ids
    assert ACTION_SHARE not in action_ids


def test_a_follow_up_in_the_thread_is_asked_with_the_thread_context(bot, slack, assistant):
    bot.mention("who leads PHEV?", ts=QUESTION_TS)
    slack.wait_for("chat.postMessage")
    bot.mention("and in Europe?", ts="1700000000.000900", thread_ts=QUESTION_TS)
    (_, follow_up) = slack.wait_for("chat.postMessage", 2)
    assert follow_up.params["thread_ts"] == QUESTION_TS
    assert assistant.calls[1] == ("and in Europe?", {"turn": 1, "question": "who leads PHEV?"})


def test_a_question_in_another_thread_starts_without_context(bot, slack, assistant):
    bot.mention("who leads PHEV?", ts=QUESTION_TS)
    slack.wait_for("chat.postMessage")
    bot.mention("what about C segment?", ts="1700000000.000900", thread_ts="1699999999.000001")
    slack.wait_for("chat.postMessage", 2)
    assert assistant.calls[1] == ("what about C segment?", None)


def test_mention_injection_is_escaped_in_the_answer(bot, slack):
    bot.mention("is it <!channel>, <!here>, <!everyone> or <@U999>?")
    (answer,) = slack.wait_for("chat.postMessage")
    assert "&lt;!here&gt;" in assert_pings_nobody(answer)


def test_a_20_kb_mention_is_answered(bot, slack):
    assert bot.mention("who leads " + "x" * 20_000).status == 200
    (answer,) = slack.wait_for("chat.postMessage")
    assert len(answer.params["blocks"]) <= 50


def test_a_mention_in_a_direct_message_is_left_to_the_messages_surface(bot, slack):
    bot.mention("who leads Europe?", channel="D111")
    bot.direct_message("who leads Japan?")
    (answer,) = slack.wait_for("chat.postMessage")
    assert "Japan" in answer.params["text"]
    assert len(posts_after_quiet(slack)) == 1
