"""App Home: the leadership map, how to ask, examples, then each feature's section.

Published with views.publish whenever a user opens the Home tab, in the user's Slack language
(`bot.slack.people`: looked up once, then cached). A feature section that fails is left out
(and logged) rather than blanking the whole tab.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import App

from bot.extensions import HOME_SECTIONS
from bot.slack.blocks import home_view
from bot.slack.listeners import acknowledge
from bot.slack.listeners.answering import Answerer
from bot.slack.listeners.delivery import call_slack
from bot.slack.people import language_of

HOME_TAB = "home"

logger = logging.getLogger(__name__)


def feature_blocks(user_id: str, client: Any) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    for section in HOME_SECTIONS:
        try:
            blocks.extend(section(user_id, client))
        except Exception:  # noqa: BLE001 - one broken section must not blank App Home
            logger.exception("App Home section failed",
                             extra={"section": getattr(section, "__name__", repr(section))})
    return blocks


def home_publisher(answerer: Answerer) -> Callable[[str, Any], None]:
    """`publish(user_id, client)`: (re)publish a user's App Home, e.g. after a setting changed."""
    def publish(user_id: str, client: Any) -> None:
        lang = language_of(client, user_id)
        view = home_view(answerer.leadership_map(lang), answerer.assistant.examples(),
                         feature_blocks(user_id, client))
        call_slack(client, "views.publish", user_id=user_id, view=view)

    return publish


def register(app: App, answerer: Answerer) -> None:
    publish = home_publisher(answerer)

    def publish_home(event: dict[str, Any], client: Any) -> None:
        if event.get("tab", HOME_TAB) == HOME_TAB:
            publish(event.get("user", ""), client)

    app.event("app_home_opened")(ack=acknowledge, lazy=[publish_home])
