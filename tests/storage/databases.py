"""Test databases: a fresh SQLite file, or a fresh schema in the PostgreSQL that
ALLIANCE_TEST_DATABASE_URL names (skipped, with the reason, when it is unset)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.settings import Settings
from bot.storage.models import dispose_engines

POSTGRES_URL_VARIABLE = "ALLIANCE_TEST_DATABASE_URL"
BACKENDS = ("sqlite", "postgresql")
TEST_TOKEN = "xoxb-test"


def postgres_url() -> str:
    url = os.environ.get(POSTGRES_URL_VARIABLE)
    if not url:
        pytest.skip(f"{POSTGRES_URL_VARIABLE} is not set, so the PostgreSQL variant is skipped "
                    "(CI sets it to postgresql://postgres@127.0.0.1:5432/test)")
    return url


def _admin_url(url: str) -> str:
    return "postgresql+psycopg://" + url.split("://", 1)[1]


def make_settings(backend: str, tmp_path: Path, **overrides: object) -> Iterator[Settings]:
    """Settings on an empty database of `backend`; drops the PostgreSQL schema afterwards."""
    base = {"data_dir": tmp_path / "data", "slack_bot_token": TEST_TOKEN, **overrides}
    if backend == "sqlite":
        yield Settings(_env_file=None, database_url=None, **base)
        dispose_engines()
        return
    url = postgres_url()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(_admin_url(url))
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in url else "?"
    try:
        yield Settings(_env_file=None,
                       database_url=f"{url}{separator}options=-csearch_path%3D{schema}", **base)
    finally:
        dispose_engines()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def subprocess_env(settings: Settings) -> dict[str, str]:
    """The environment a child `alliance-bot` needs to use the same database and Slack."""
    env = {key: value for key, value in os.environ.items()
           if key not in {"DATABASE_URL", "DATA_DIR", "SLACK_API_URL", "SLACK_BOT_TOKEN"}}
    env.update(DATA_DIR=str(settings.data_dir), SLACK_BOT_TOKEN=settings.slack_bot_token or "",
               SLACK_API_URL=settings.slack_api_url,
               PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    if settings.database_url:
        env["DATABASE_URL"] = settings.database_url
    return env
