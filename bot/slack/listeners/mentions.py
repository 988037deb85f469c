"""@-mentions in channels: the answer goes in the thread of the question.

A mention inside a thread is a follow-up: it is understood against the thread's last question.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext

from bot.slack.listeners import acknowledge
from bot.slack.listeners.answering import Answerer

DIRECT_MESSAGE_PREFIX = "D"  # DMs are answered by the messages surface


def register(app: App, answerer: Answerer) -> None:
    def answer_mention(body: dict[str, Any], event: dict[str, Any], context: BoltContext,
                       client: Any) -> None:
        if event.get("channel", "").startswith(DIRECT_MESSAGE_PREFIX):
            return
        answerer.reply_to_message(client, body=body, event=event,
                                  bot_user_id=context.bot_user_id, surface="mention",
                                  thread_ts=event.get("thread_ts") or event.get("ts"))

    app.event("app_mention")(ack=acknowledge, lazy=[answer_mention])
