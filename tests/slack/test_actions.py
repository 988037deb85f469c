"""Buttons: clarification answered in place, feedback recorded and thanked, Share in channel."""

from __future__ import annotations

from bot.slack.blocks import ACTION_FEEDBACK_DOWN, ACTION_FEEDBACK_UP, ACTION_SHARE, decode_value
from tests.slack.conftest import SUGGESTIONS, answer_in, button_value, text_of
from tests.support.polling import holds_for, wait_until

THREAD_TS = "1700000000.000100"


def test_a_clarifying_answer_offers_each_candidate_as_a_button(bot, slack):
    bot.mention("clarify PHEV D", ts=THREAD_TS)
    (answer,) = slack.wait_for("chat.postMessage")
    assert button_value(answer, "clarify_0") == SUGGESTIONS[0].question
    assert button_value(answer, "clarify_1") == SUGGESTIONS[1].question
    assert "the D segment in general" in text_of(answer)


def test_clicking_a_candidate_answers_it_in_place_of_the_question_back(bot, slack, assistant):
    bot.mention("clarify PHEV D", ts=THREAD_TS)
    slack.wait_for("chat.postMessage")
    message = {"type": "message", "ts": "1700000001.000100", "thread_ts": THREAD_TS}
    bot.click("clarify_1", SUGGESTIONS[1].question, message=message)
    (update,) = slack.wait_for("chat.update")
    assert update.params["channel"] == "C111"
    assert update.params["ts"] == message["ts"]
    assert "You asked: who leads the D segment?" in update.params["text"]
    assert assistant.calls[1] == (SUGGESTIONS[1].question, {"turn": 1})


def test_clicking_a_candidate_on_a_private_answer_replaces_it(bot, slack):
    answer_in(bot.command("clarify PHEV D", tag="question"))
    bot.click("clarify_0", SUGGESTIONS[0].question, ephemeral=True, tag="click")
    (replacement,) = slack.wait_for("response_url")
    assert replacement.params["replace_original"] is True
    assert "You asked: who leads PHEV for the D segment?" in replacement.params["text"]


def test_a_feedback_click_is_recorded_and_thanked(bot, slack, memory):
    bot.mention("who leads Europe?")
    (answer,) = slack.wait_for("chat.postMessage")
    bot.click(ACTION_FEEDBACK_DOWN, button_value(answer, ACTION_FEEDBACK_DOWN))
    (thanks,) = slack.wait_for("response_url")
    assert thanks.params["response_type"] == "ephemeral"
    assert thanks.params["replace_original"] is False
    assert "Thanks for the 👎" in thanks.params["text"]
    (record,) = memory.feedback_records
    assert (record.user_id, record.channel_id, record.question, record.vote) == (
        "U111", "C111", "who leads Europe?", "down")
    assert record.answer.startswith("Mitsubishi leads that")


def test_a_thumbs_up_is_recorded_as_up(bot, slack, memory):
    answer = answer_in(bot.command("who leads Europe?"))
    bot.click(ACTION_FEEDBACK_UP, button_value(answer, ACTION_FEEDBACK_UP), ephemeral=True)
    slack.wait_for("response_url")
    assert [record.vote for record in memory.feedback_records] == ["up"]


def test_share_posts_the_answer_in_the_channel_and_removes_the_private_copy(bot, slack, memory):
    private = answer_in(bot.command("who leads Europe?", tag="question"))
    value = button_value(private, ACTION_SHARE)
    assert decode_value(value) == {"q": "who leads Europe?"}
    bot.click(ACTION_SHARE, value, ephemeral=True, tag="share")
    (shared, deletion) = slack.wait_for("response_url", 2)
    assert shared.params["response_type"] == "in_channel"
    assert "<@U111> asked: _who leads Europe?_" in text_of(shared)
    assert ACTION_SHARE not in text_of(shared)
    assert deletion.params == {"delete_original": True}
    wait_until(lambda: memory.question_records, what="the question log row")
    holds_for(lambda: len(memory.question_records) == 1, 0.3,
              "one question-log row")  # sharing is not a new question


def test_feedback_is_thanked_in_the_users_slack_language(bot, slack):
    slack.user_locales["U111"] = "ja-JP"
    answer = answer_in(bot.command("who leads Europe?"))
    bot.click(ACTION_FEEDBACK_UP, button_value(answer, ACTION_FEEDBACK_UP), ephemeral=True)
    (thanks,) = slack.wait_for("response_url")
    assert "👍 ありがとうございます" in thanks.params["text"]
