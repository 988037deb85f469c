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
# `/alliance admin VERB args`: verbs beyond `reload`, run only for ALLIANCE_BOT_ADMINS, with
# `args` the text after the verb. Values are (handler, one line of usage).
ADMIN_VERBS: dict[str, tuple[SubcommandHandler, str]] = {}


def subcommand(name: str) -> Callable[[SubcommandHandler], SubcommandHandler]:
    def register(handler: SubcommandHandler) -> SubcommandHandler:
        SUBCOMMANDS[name] = handler
        return handler

    return register


def admin_verb(name: str, usage: str) -> Callable[[SubcommandHandler], SubcommandHandler]:
    def register(handler: SubcommandHandler) -> SubcommandHandler:
        ADMIN_VERBS[name] = (handler, usage)
        return handler

    return register


def home_section(section: HomeSection) -> HomeSection:
    HOME_SECTIONS.append(section)
    return section


@dataclass
class ServeContext:
    """What a feature needs when `alliance-bot serve` starts (both modes)."""

    settings: Any  # bot.settings.Settings
    assistant: Any  # intents.assistant.Assistant
    client: Any  # slack_sdk.WebClient pointed at SLACK_API_URL
    stores: Any  # bot.storage.memory.Stores
    mode: str  # "http" or "socket"


# A startup hook may return a function that stops what it started (scheduler, watcher).
StartupHook = Callable[[ServeContext], Callable[[], None] | None]
# A readiness check returns None when ready, else a short reason ("database unreachable: ...").
ReadinessCheck = Callable[[], str | None]

STARTUP_HOOKS: list[StartupHook] = []
READINESS_CHECKS: list[ReadinessCheck] = []
# Same shape, for what the replica can serve without (the database): reported by /readyz,
# failing it only when strict.
DEGRADATION_CHECKS: list[ReadinessCheck] = []


def on_startup(hook: StartupHook) -> StartupHook:
    STARTUP_HOOKS.append(hook)
    return hook


def readiness_check(check: ReadinessCheck) -> ReadinessCheck:
    READINESS_CHECKS.append(check)
    return check


def degradation_check(check: ReadinessCheck) -> ReadinessCheck:
    DEGRADATION_CHECKS.append(check)
    return check
