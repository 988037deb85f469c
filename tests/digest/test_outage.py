"""Digests due while the database is away are sent when it is back, still at most once: the
serve-time scheduler on a private PostgreSQL cluster that the test stops and starts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from bot.digest import store
from bot.digest.delivery import digest_client
from bot.digest.schedule import DAILY, Plan
from bot.digest.scheduler import start_digest_scheduler
from bot.settings import Settings
from bot.storage.models import dispose_engines, ensure_database
from bot.storage.resilient import open_resilient_stores
from tests.digest.conftest import MapAssistant
from tests.support.fake_slack import FakeSlack
from tests.support.polling import holds_for, wait_until

TICK_SECONDS = 0.2
QUIET_SECONDS = 1.5


@pytest.fixture
def settings(private_postgres, tmp_path, slack: FakeSlack) -> Iterator[Settings]:
    yield Settings(_env_file=None, database_url=private_postgres.create_database(),
                   data_dir=tmp_path, slack_bot_token="xoxb-test", slack_api_url=slack.api_url)
    dispose_engines()


def test_a_digest_due_during_an_outage_is_sent_once_when_the_database_is_back(
        private_postgres, settings: Settings, slack: FakeSlack) -> None:
    store.subscribe(ensure_database(settings), channel_id="C1", team_id="T1", user_id="U1",
                    plan=Plan("00:00", "UTC", DAILY), now=datetime(2024, 1, 1, tzinfo=UTC))
    stores = open_resilient_stores(settings, retry_seconds=0.2, health_seconds=0.2)
    stop = None
    try:
        private_postgres.stop()
        try:
            wait_until(lambda: not stores.available, what="the outage to be noticed")
            stop = start_digest_scheduler(settings, digest_client(settings), MapAssistant(),
                                          tick_seconds=TICK_SECONDS)
            holds_for(lambda: not slack.calls_to("chat.postMessage"), QUIET_SECONDS,
                      "no digest while the database is away")
        finally:
            private_postgres.start()
        slack.wait_for("chat.postMessage", timeout=20)
        holds_for(lambda: len(slack.calls_to("chat.postMessage")) == 1, QUIET_SECONDS,
                  "one digest however many ticks follow")
    finally:
        if stop is not None:
            stop()
        stores.close()
