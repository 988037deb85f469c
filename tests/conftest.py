"""Shared fixtures: one assistant per test session (building the pipeline takes a second)."""

from __future__ import annotations

import pytest

from intents.assistant import Assistant


@pytest.fixture(scope="session")
def assistant() -> Assistant:
    return Assistant()
