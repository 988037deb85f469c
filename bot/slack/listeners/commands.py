"""`/alliance`: help, the leadership map, registered subcommands, or a question.

Help and the map come back in the acknowledgement itself (no Web API call). Questions and
subcommands run after the acknowledgement and reply through the command's `response_url`;
answers are private, with a "Share in channel" button.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App

from bot.extensions import SUBCOMMANDS, CommandContext
from bot.slack.blocks import help_message, matrix_message, notice_message
from bot.slack.listeners.answering import Answerer
from bot.slack.listeners.delivery import send_to_response_url

COMMAND = "/alliance"
HELP = "help"
MATRIX = "matrix"
SUBCOMMAND_FAILED = "Sorry, `/alliance {name}` failed. Please try again in a moment."

logger = logging.getLogger(__name__)


def split_subcommand(text: str) -> tuple[str, str]:
    """("name", "args") when `text` starts with a registered subcommand, else ("", text)."""
    stripped = text.strip()
    name, _, args = stripped.partition(" ")
    if name.lower() in SUBCOMMANDS:
        return name.lower(), args.strip()
    return "", stripped


def is_builtin(text: str) -> bool:
    """Help (also for empty text) and the map are answered in the acknowledgement."""
    return text.strip().lower() in {"", HELP, MATRIX}


def register(app: App, answerer: Answerer) -> None:
    assistant = answerer.assistant

    def acknowledge_command(ack: Ack, command: dict[str, Any]) -> None:
        word = command.get("text", "").strip().lower()
        if word == MATRIX:
            ack(response_type="ephemeral", **matrix_message(assistant.matrix()))
        elif word in {"", HELP}:
            ack(response_type="ephemeral", **help_message(assistant.examples(), SUBCOMMANDS))
        else:
            ack()

    def reply_to_command(command: dict[str, Any], client: Any) -> None:
        text = command.get("text", "")
        if is_builtin(text):
            return
        response_url = command.get("response_url")
        name, args = split_subcommand(text)
        if name:
            reply = run_subcommand(name, args, command, client)
            send_to_response_url(response_url, **reply)
            return
        user_id = command.get("user_id", "")
        answer = answerer.answer(text, channel_id=command.get("channel_id", ""),
                                 user_id=user_id, surface="slash")
        send_to_response_url(response_url, response_type="ephemeral",
                             **answerer.render(answer, asked_by=user_id, shareable=True))

    app.command(COMMAND)(ack=acknowledge_command, lazy=[reply_to_command])


def run_subcommand(name: str, args: str, command: dict[str, Any], client: Any) -> dict[str, Any]:
    """The response_url payload for a registered subcommand; a polite notice if it fails."""
    context = CommandContext(user_id=command.get("user_id", ""),
                             channel_id=command.get("channel_id", ""),
                             team_id=command.get("team_id", ""), args=args, client=client)
    try:
        reply = SUBCOMMANDS[name](context)
    except Exception:  # noqa: BLE001 - a feature's failure gets a reply, not silence
        logger.exception("Subcommand failed", extra={"subcommand": name})
        return {"response_type": "ephemeral", **notice_message(SUBCOMMAND_FAILED.format(name=name))}
    payload: dict[str, Any] = {"response_type": "ephemeral" if reply.ephemeral else "in_channel",
                               "text": reply.text}
    if reply.blocks:
        payload["blocks"] = reply.blocks
    return payload
