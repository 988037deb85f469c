"""Slack answering badly: 429 with Retry-After and 5xx are retried; failures never crash."""

from __future__ import annotations

from bot.ops.metrics import SLACK_API_ERRORS
from bot.slack.blocks import ACTION_FEEDBACK_UP, encode_value


def errors_counted(method: str, error: str) -> float:
    return SLACK_API_ERRORS.labels(method=method, error=error)._value.get()


RETRY_AFTER = 1  # seconds: Slack's smallest Retry-After


def test_a_rate_limited_post_is_retried_after_retry_after_and_delivered(bot, slack):
    slack.fail_next("chat.postMessage", status=429, retry_after=RETRY_AFTER)
    bot.mention("who leads Europe?")
    (refused, delivered) = slack.wait_for("chat.postMessage", 2, timeout=15)
    assert refused.params == delivered.params
    # Not sooner than Slack asked: a retry at once would be refused again (a lower bound only).
    assert delivered.at - refused.at >= RETRY_AFTER


def test_a_transient_server_error_is_retried(bot, slack):
    slack.fail_next("chat.postMessage", status=500)
    bot.direct_message("who leads Europe?")
    slack.wait_for("chat.postMessage", 2, timeout=15)


def test_a_rate_limited_response_url_is_retried_after_retry_after(bot, slack):
    slack.fail_next("response_url", status=429, retry_after=RETRY_AFTER)
    bot.click(ACTION_FEEDBACK_UP, encode_value({"q": "who leads Europe?", "a": "Renault"}),
              ephemeral=True)  # thanked through the click's response_url
    (refused, delivered) = slack.wait_for("response_url", 2, timeout=15)
    assert delivered.at - refused.at >= RETRY_AFTER


def test_a_failed_post_is_counted_and_the_bot_keeps_answering(bot, slack):
    before = errors_counted("chat.postMessage", "channel_not_found")
    slack.fail_next("chat.postMessage", error="channel_not_found")
    bot.mention("who leads Europe?")
    slack.wait_for("chat.postMessage")
    bot.mention("who leads Japan?", ts="1700000000.000900")
    (_, answered) = slack.wait_for("chat.postMessage", 2)
    assert "Japan" in answered.params["text"]
    assert errors_counted("chat.postMessage", "channel_not_found") == before + 1
