"""`/alliance`: help, the leadership map, registered subcommands, or a question.

Help, the map and the answer to a question come back in the acknowledgement itself: one round
trip, well inside Slack's 3 seconds (the core answers in about a millisecond). An answer is in
the language of its question and needs no Web API call; help and the map are in the person's
Slack language, which costs one users.info call of at most 1.5 s the first time in an hour
(`bot.slack.people`). Counting, logging and the question log happen after the
acknowledgement, on the answerer's bookkeeping thread. Answers are private, with a "Share in
channel" button. Subcommands, which may take longer (the database, Slack calls), are
acknowledged at once and reply through the command's `response_url` from a listener thread.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App

from bot.extensions import SUBCOMMANDS, CommandContext
from bot.slack.blocks import help_message, matrix_message, notice_message
from bot.slack.listeners.answering import Answerer
from bot.slack.listeners.delivery import send_to_response_url
from bot.slack.people import language_of
from knowledge.localise import say

COMMAND = "/alliance"
HELP = "help"
MATRIX = "matrix"

logger = logging.getLogger(__name__)


def split_subcommand(text: str) -> tuple[str, str]:
    """("name", "args") when `text` starts with a registered subcommand, else ("", text)."""
    stripped = text.strip()
    name, _, args = stripped.partition(" ")
    if name.lower() in SUBCOMMANDS:
        return name.lower(), args.strip()
    return "", stripped


def register(app: App, answerer: Answerer) -> None:
    assistant = answerer.assistant
    # Subcommands run on the listener threads Bolt's lazy listeners use, but are handed over
    # here rather than through a second listener or a lazy function: each costs every
    # /alliance request Bolt's per-call argument building (or a deep copy of the request).
    background = app.listener_runner.listener_executor

    def reply_to_subcommand(name: str, args: str, command: dict[str, Any], client: Any) -> None:
        send_to_response_url(command.get("response_url"),
                             **run_subcommand(name, args, command, client))

    def alliance(ack: Ack, command: dict[str, Any], client: Any) -> None:
        text = command.get("text", "")
        word = text.strip().lower()
        if word == MATRIX:
            lang = language_of(client, command.get("user_id", ""))
            ack(response_type="ephemeral", **matrix_message(answerer.leadership_map(lang)))
            return
        if word in {"", HELP}:
            lang = language_of(client, command.get("user_id", ""))
            ack(response_type="ephemeral",
                **help_message(assistant.examples(), SUBCOMMANDS, lang))
            return
        name, args = split_subcommand(text)
        if name:
            ack()
            background.submit(reply_to_subcommand, name, args, command, client)
            return
        user_id = command.get("user_id", "")
        answer = answerer.answer(text, channel_id=command.get("channel_id", ""),
                                 user_id=user_id, surface="slash", defer=True)
        ack(response_type="ephemeral", **answerer.render(answer, asked_by=user_id, shareable=True))

    app.command(COMMAND)(alliance)


def run_subcommand(name: str, args: str, command: dict[str, Any], client: Any) -> dict[str, Any]:
    """The response_url payload for a registered subcommand; a polite notice if it fails."""
    context = CommandContext(user_id=command.get("user_id", ""),
                             channel_id=command.get("channel_id", ""),
                             team_id=command.get("team_id", ""), args=args, client=client)
    try:
        reply = SUBCOMMANDS[name](context)
    except Exception:  # noqa: BLE001 - a feature's failure gets a reply, not silence
        logger.exception("Subcommand failed", extra={"subcommand": name})
        failed = say(language_of(client, context.user_id),
                     "Sorry, `/alliance {name}` failed. Please try again in a moment.", name=name)
        return {"response_type": "ephemeral", **notice_message(failed)}
    payload: dict[str, Any] = {"response_type": "ephemeral" if reply.ephemeral else "in_channel",
                               "text": reply.text}
    if reply.blocks:
        payload["blocks"] = reply.blocks
    return payload
