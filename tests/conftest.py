"""Shared fixtures: one assistant per test session (building the pipeline takes a second)."""

from __future__ import annotations

import pytest

from bot.slack.people import PEOPLE
from intents.assistant import Assistant


@pytest.fixture(scope="session")
def assistant() -> Assistant:
    return Assistant()


@pytest.fixture(autouse=True, scope="session")
def no_database_in_the_checkout(tmp_path_factory: pytest.TempPathFactory):
    """Settings a test builds without a data directory keep their SQLite file in a temporary
    one, never `data/` in the checkout (which `ask` would then read taught phrases from)."""
    patch = pytest.MonkeyPatch()
    patch.setenv("DATA_DIR", str(tmp_path_factory.mktemp("data")))
    yield
    patch.undo()


@pytest.fixture(autouse=True)
def slack_people_looked_up_afresh():
    """Each test's fake Slack tells its own users' locales: none is remembered from another."""
    yield
    PEOPLE.forget()


@pytest.fixture(autouse=True)
def no_database_state_from_another_test():
    """The process-wide database health (`database_problem`, /readyz) reads every open store:
    one a test left open (its database stopped since) must not speak for the next test,
    whatever order the tests run in."""
    from bot.storage import resilient

    yield
    for stores in list(resilient._instances):
        stores.close(timeout=1)


@pytest.fixture(scope="session")
def private_postgres():
    """One private PostgreSQL cluster for the run, for tests that stop and start it (each
    such test starts it again before it ends)."""
    from tests.support.private_postgres import PrivatePostgres

    cluster = PrivatePostgres()
    yield cluster
    cluster.close()
