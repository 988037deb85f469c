"""@-mentions in channels: the answer goes in the thread of the question.

A mention inside a thread is a follow-up: it is understood against the thread's last question.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext

from bot.listeners import acknowledge
from bot.listeners.answering import Answerer, conversation_key, without_mention
from bot.listeners.delivery import call_slack

DIRECT_MESSAGE_PREFIX = "D"  # DMs are answered by the messages surface


def register(app: App, answerer: Answerer) -> None:
    def answer_mention(body: dict[str, Any], event: dict[str, Any], context: BoltContext,
                       client: Any) -> None:
        channel = event.get("channel", "")
        if channel.startswith(DIRECT_MESSAGE_PREFIX):
            return
        thread_ts = event.get("thread_ts") or event.get("ts")
        question = without_mention(event.get("text", ""), context.bot_user_id)
        answer = answerer.answer(question, channel_id=channel, user_id=event.get("user", ""),
                                 surface="mention", thread_key=conversation_key(channel, thread_ts),
                                 event_id=body.get("event_id"))
        call_slack(client, "chat.postMessage", channel=channel, thread_ts=thread_ts,
                   **answerer.render(answer))

    app.event("app_mention")(ack=acknowledge, lazy=[answer_mention])
