"""Buttons on answers: clarification candidates, 👍/👎 feedback, and "Share in channel".

A clarification click answers the chosen reading in place of the question-back (chat.update for
the bot's messages, the `response_url` for private answers). Feedback is recorded and thanked
privately, in the person's Slack language. Sharing posts the answer visibly and removes the
private copy.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import App

from bot.slack.blocks import (
    ACTION_CLARIFY_PREFIX,
    ACTION_FEEDBACK_DOWN,
    ACTION_FEEDBACK_UP,
    ACTION_SHARE,
    decode_value,
    notice_message,
)
from bot.slack.listeners import acknowledge
from bot.slack.listeners.answering import Answerer, conversation_key
from bot.slack.listeners.delivery import call_slack, send_to_response_url
from bot.slack.people import language_of
from bot.storage.memory import FeedbackRecord, utcnow
from knowledge.localise import say

CLARIFY_ACTIONS = re.compile(rf"^{ACTION_CLARIFY_PREFIX}\d+$")
FEEDBACK_ACTIONS = re.compile(rf"^({ACTION_FEEDBACK_UP}|{ACTION_FEEDBACK_DOWN})$")

logger = logging.getLogger(__name__)


def clicked_in(body: dict[str, Any]) -> tuple[str, str, bool]:
    """(channel id, user id, whether the clicked message is private) of a button click."""
    channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get(
        "channel_id", "")
    user = (body.get("user") or {}).get("id", "")
    return channel, user, bool((body.get("container") or {}).get("is_ephemeral"))


def thanks(vote: str, lang: str) -> str:
    if vote == "up":
        return say(lang, "Thanks for the 👍 — glad that helped.")
    return say(lang, "Thanks for the 👎 — it is passed on to the people who keep the facts.")


def register(app: App, answerer: Answerer) -> None:
    def answer_suggestion(body: dict[str, Any], action: dict[str, Any], client: Any) -> None:
        channel, user, private = clicked_in(body)
        message = body.get("message") or {}
        thread_key = None if private else conversation_key(channel, message.get("thread_ts"))
        answer = answerer.answer(action.get("value", ""), channel_id=channel, user_id=user,
                                 surface="clarify", thread_key=thread_key)
        if private:
            send_to_response_url(body.get("response_url"), replace_original=True,
                                 **answerer.render(answer, asked_by=user, shareable=True))
        else:
            ts = (body.get("container") or {}).get("message_ts") or message.get("ts")
            call_slack(client, "chat.update", channel=channel, ts=ts, **answerer.render(answer))

    def record_feedback(body: dict[str, Any], action: dict[str, Any], client: Any) -> None:
        channel, user, _ = clicked_in(body)
        vote = "up" if action.get("action_id") == ACTION_FEEDBACK_UP else "down"
        fields = decode_value(action.get("value", ""))
        try:
            answerer.stores.feedback.record_feedback(FeedbackRecord(
                user_id=user, channel_id=channel, question=fields.get("q", ""),
                answer=fields.get("a", ""), vote=vote, at=utcnow(),
            ))
        except Exception:  # noqa: BLE001 - the click is still thanked; the failure is logged
            logger.exception("Recording feedback failed")
        logger.info("Feedback recorded", extra={"vote": vote})
        send_to_response_url(body.get("response_url"), response_type="ephemeral",
                             replace_original=False,
                             **notice_message(thanks(vote, language_of(client, user))))

    def share_answer(body: dict[str, Any], action: dict[str, Any]) -> None:
        channel, user, _ = clicked_in(body)
        question = decode_value(action.get("value", "")).get("q", "")
        answer = answerer.answer(question, channel_id=channel, user_id=user, surface="share",
                                 record=False)
        response_url = body.get("response_url")
        if send_to_response_url(response_url, response_type="in_channel", replace_original=False,
                                **answerer.render(answer, asked_by=user)):
            send_to_response_url(response_url, delete_original=True)

    app.action(CLARIFY_ACTIONS)(ack=acknowledge, lazy=[answer_suggestion])
    app.action(FEEDBACK_ACTIONS)(ack=acknowledge, lazy=[record_feedback])
    app.action(ACTION_SHARE)(ack=acknowledge, lazy=[share_answer])
