"""Direct messages: the bot answers in the DM, keeping context for follow-ups.

Outside threads the whole DM is one conversation; a thread in the DM is its own conversation.
Message events from other kinds of conversation are acknowledged and left alone.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext

from bot.slack.listeners import acknowledge
from bot.slack.listeners.answering import Answerer

DIRECT_MESSAGE = "im"


def register(app: App, answerer: Answerer) -> None:
    def answer_direct_message(body: dict[str, Any], event: dict[str, Any],
                              context: BoltContext, client: Any) -> None:
        if event.get("channel_type") == DIRECT_MESSAGE:
            answerer.reply_to_message(client, body=body, event=event,
                                      bot_user_id=context.bot_user_id, surface="dm",
                                      thread_ts=event.get("thread_ts"))

    app.event("message")(ack=acknowledge, lazy=[answer_direct_message])
