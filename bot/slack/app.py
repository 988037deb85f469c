"""The Bolt app: one per process, shared by HTTP mode and Socket Mode.

Listeners acknowledge inline (`process_before_response=True`, so nothing polls for the ack) and
answer in Bolt lazy listeners running on `LISTENER_WORKERS` threads; signature verification is
always on; every Web API call retries rate limits and transient server errors.
"""

from __future__ import annotations

import importlib
import logging
from concurrent.futures import ThreadPoolExecutor

from slack_bolt import App
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped
from slack_sdk import WebClient

from bot.features import FEATURE_MODULES, load_features
from bot.settings import Settings
from bot.slack import middleware
from bot.slack.listeners import actions, commands, home, mentions, messages
from bot.slack.listeners.answering import Answerer
from bot.slack.listeners.delivery import retry_handlers
from bot.storage.memory import Stores
from intents.assistant import Assistant

APP_NAME = "alliance-bot"
LISTENER_WORKERS = 16  # lazy listeners in flight at once; each mostly waits on Slack
WEB_API_TIMEOUT_SECONDS = 10
SURFACES = (commands, mentions, messages, actions, home)
_answerers: dict[int, Answerer] = {}  # by id(app): what shutdown_listeners must also drain


def build_web_client(settings: Settings) -> WebClient:
    """The Web API client pointed at SLACK_API_URL, with slack_sdk's retry handlers."""
    settings.require("slack_bot_token")
    return WebClient(token=settings.slack_bot_token, base_url=settings.slack_api_url,
                     timeout=WEB_API_TIMEOUT_SECONDS, retry_handlers=retry_handlers())


class DropTokenUnusedWarning(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN from the environment even when given a client, then warns on
    every start that the token is unused: the client carries that same token."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != warning_client_prioritized_and_token_skipped()


# Bolt's own log lines. Bolt compares this logger's own level (not the effective one) with DEBUG
# before it formats a debug line for each middleware of each request: left unset, every request
# formats lines that logging then drops. `build_app` sets it to the configured level, as Bolt
# does for the logger it makes when given none.
BOLT_LOGGER = logging.getLogger("bot.slack.bolt")
BOLT_LOGGER.addFilter(DropTokenUnusedWarning())


def build_app(settings: Settings, assistant: Assistant, stores: Stores,
              client: WebClient | None = None) -> App:
    """The app with every surface registered; checks the bot token with auth.test."""
    load_features()
    BOLT_LOGGER.setLevel(settings.log_level)
    app = App(
        name=APP_NAME,
        client=client or build_web_client(settings),
        signing_secret=settings.slack_signing_secret or "",
        request_verification_enabled=True,
        process_before_response=True,
        listener_executor=ThreadPoolExecutor(LISTENER_WORKERS, thread_name_prefix="slack-lazy"),
        logger=BOLT_LOGGER,
    )
    middleware.register(app)
    answerer = Answerer(assistant=assistant, stores=stores)
    _answerers[id(app)] = answerer
    for surface in SURFACES:
        surface.register(app, answerer)
    register_feature_actions(app, answerer)
    return app


def register_feature_actions(app: App, answerer: Answerer) -> None:
    """Let feature modules wire their own buttons (the digest's App Home controls).

    A feature module may define `register_actions(app, refresh_home=...)`; `refresh_home(user_id,
    client)` re-publishes that user's App Home after a change.
    """
    refresh_home = home.home_publisher(answerer)
    for module_name in FEATURE_MODULES:
        register_actions = getattr(importlib.import_module(module_name), "register_actions", None)
        if register_actions is not None:
            register_actions(app, refresh_home=refresh_home)


def shutdown_listeners(app: App) -> None:
    """Let answers already being worked on finish, then stop the listener threads, then let
    the bookkeeping of answers given finish (it writes to the stores)."""
    app.listener_runner.listener_executor.shutdown(wait=True)
    answerer = _answerers.pop(id(app), None)
    if answerer is not None:
        answerer.shutdown()
