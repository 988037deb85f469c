"""Shared fixtures: one assistant per test session (building the pipeline takes a second)."""

from __future__ import annotations

import pytest

from bot.slack.people import PEOPLE
from intents.assistant import Assistant


@pytest.fixture(scope="session")
def assistant() -> Assistant:
    return Assistant()


@pytest.fixture(autouse=True)
def slack_people_looked_up_afresh():
    """Each test's fake Slack tells its own users' locales: none is remembered from another."""
    yield
    PEOPLE.forget()


@pytest.fixture(scope="session")
def private_postgres():
    """One private PostgreSQL cluster for the run, for tests that stop and start it (each
    such test starts it again before it ends)."""
    from tests.support.private_postgres import PrivatePostgres

    cluster = PrivatePostgres()
    yield cluster
    cluster.close()
