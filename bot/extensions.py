"""Hooks through which feature modules (digest, admin) plug into the Slack surfaces.

`/alliance NAME ...` is routed to the subcommand registered under NAME; App Home appends the
blocks of every registered home section. Registration happens when the feature module is imported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class CommandContext:
    """One `/alliance NAME args` invocation, already acknowledged."""

    user_id: str
    channel_id: str
    team_id: str
    args: str  # the text after the subcommand name
    client: Any  # slack_sdk.WebClient; typed loosely so this module stays free of Slack imports


@dataclass
class CommandReply:
    text: str
    blocks: list[dict[str, Any]] = field(default_factory=list)
    ephemeral: bool = True


SubcommandHandler = Callable[[CommandContext], CommandReply]
HomeSection = Callable[[str, Any], list[dict[str, Any]]]  # (user_id, client) -> blocks

SUBCOMMANDS: dict[str, SubcommandHandler] = {}
HOME_SECTIONS: list[HomeSection] = []


def subcommand(name: str) -> Callable[[SubcommandHandler], SubcommandHandler]:
    def register(handler: SubcommandHandler) -> SubcommandHandler:
        SUBCOMMANDS[name] = handler
        return handler

    return register


def home_section(section: HomeSection) -> HomeSection:
    HOME_SECTIONS.append(section)
    return section
