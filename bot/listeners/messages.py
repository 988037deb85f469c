"""Direct messages: the bot answers in the DM, keeping context for follow-ups.

Outside threads the whole DM is one conversation; a thread in the DM is its own conversation.
Message events from other kinds of conversation are acknowledged and left alone.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext

from bot.listeners import acknowledge
from bot.listeners.answering import Answerer, conversation_key, without_mention
from bot.listeners.delivery import call_slack

DIRECT_MESSAGE = "im"


def register(app: App, answerer: Answerer) -> None:
    def answer_direct_message(body: dict[str, Any], event: dict[str, Any],
                              context: BoltContext, client: Any) -> None:
        if event.get("channel_type") != DIRECT_MESSAGE:
            return
        channel = event.get("channel", "")
        thread_ts = event.get("thread_ts")
        question = without_mention(event.get("text", ""), context.bot_user_id)
        answer = answerer.answer(question, channel_id=channel, user_id=event.get("user", ""),
                                 surface="dm", thread_key=conversation_key(channel, thread_ts),
                                 event_id=body.get("event_id"))
        call_slack(client, "chat.postMessage", channel=channel, thread_ts=thread_ts,
                   **answerer.render(answer))

    app.event("message")(ack=acknowledge, lazy=[answer_direct_message])
