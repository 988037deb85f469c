from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.settings import Settings
from tests.storage.databases import BACKENDS, make_settings


@pytest.fixture(params=BACKENDS)
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Settings]:
    yield from make_settings(request.param, tmp_path)
