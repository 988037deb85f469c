"""Teaching scenarios: the real Bolt app over signed HTTP with the real core and a real database
(SQLite, and PostgreSQL when ALLIANCE_TEST_DATABASE_URL is set), against the local fake Slack."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.extensions import ServeContext
from bot.ops import reload as ops
from bot.settings import Settings
from bot.slack.app import build_app, shutdown_listeners
from bot.slack.http_server import HttpServer, create_asgi_app
from bot.storage.models import ensure_database
from bot.storage.stores import open_stores
from bot.teaching import feature
from intents.assistant import Assistant
from tests.slack.conftest import BOT_TOKEN, SIGNING_SECRET, SlackDriver
from tests.storage.databases import BACKENDS, make_settings
from tests.support.fake_slack import FakeSlack

ADMIN = "UADMIN"
SOMEONE = "U111"


@pytest.fixture(scope="session")
def real_assistant() -> Assistant:
    """One core for the session (each test's teaching start-up resets its taught phrases)."""
    return Assistant()


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


@pytest.fixture(params=BACKENDS)
def settings(request: pytest.FixtureRequest, tmp_path: Path,
             slack: FakeSlack) -> Iterator[Settings]:
    yield from make_settings(request.param, tmp_path, slack_api_url=slack.api_url,
                             slack_bot_token=BOT_TOKEN, slack_signing_secret=SIGNING_SECRET,
                             alliance_bot_admins=ADMIN)


@pytest.fixture
def engine(settings: Settings) -> Engine:
    return ensure_database(settings)


@pytest.fixture
def serving(settings: Settings, engine: Engine, real_assistant: Assistant,
            slack: FakeSlack) -> Iterator[feature.TeachingRuntime]:
    """What `serve` starts for teaching: the reload watcher (it owns `/alliance admin`) and
    the teaching runtime with its sync."""
    context = ServeContext(settings=settings, assistant=real_assistant,
                           client=WebClient(token=BOT_TOKEN, base_url=slack.api_url),
                           stores=open_stores(settings), mode="http")
    stops = [ops.start_knowledge_reloader(context), feature.start_teaching(context)]
    runtime = feature.runtime()
    assert runtime is not None
    yield runtime
    for stop in reversed(stops):
        stop()


@pytest.fixture
def bot(serving: feature.TeachingRuntime, settings: Settings, real_assistant: Assistant,
        slack: FakeSlack) -> Iterator[SlackDriver]:
    app = build_app(settings, real_assistant, open_stores(settings))
    server = HttpServer(create_asgi_app(app)).start()
    try:
        yield SlackDriver(server.url, slack)
    finally:
        server.stop()
        shutdown_listeners(app)
