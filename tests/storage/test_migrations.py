"""Migrations: applied programmatically, idempotent, matching the models, never losing rows."""

import subprocess
import sys
from datetime import UTC, datetime

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select

from bot.settings import Settings
from bot.storage.memory import QuestionRecord
from bot.storage.models import Base, QuestionLogEntry, dispose_engines, get_engine, upgrade_database
from bot.storage.stores import open_stores
from tests.storage.databases import subprocess_env

HEAD = "0006"


def test_upgrade_creates_every_table(settings: Settings) -> None:
    assert upgrade_database(settings) == HEAD
    tables = set(inspect(get_engine(settings)).get_table_names())
    assert set(Base.metadata.tables) <= tables


def test_upgrade_twice_changes_nothing(settings: Settings) -> None:
    upgrade_database(settings)
    assert upgrade_database(settings) == HEAD


def test_migrations_match_the_models(settings: Settings) -> None:
    upgrade_database(settings)
    with get_engine(settings).connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_upgrading_an_old_database_keeps_its_rows(settings: Settings) -> None:
    assert upgrade_database(settings, "0001") == "0001"
    engine = get_engine(settings)
    asked_at = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    with engine.begin() as connection:
        connection.execute(QuestionLogEntry.__table__.insert().values(
            asked_at=asked_at, channel_id="C1", user_id="U1", question="who leads Europe?",
            intent="who_leads", understood=True, confidence=0.9))
    dispose_engines()  # as if the new release started

    stores = open_stores(settings)
    stores.questions.log_question(QuestionRecord(
        channel_id="C1", user_id="U2", question="who leads China?", intent="who_leads",
        understood=True, confidence=0.8, at=asked_at))
    with get_engine(settings).connect() as connection:
        rows = connection.execute(select(QuestionLogEntry.question, QuestionLogEntry.asked_at)
                                  .order_by(QuestionLogEntry.id)).all()
    assert rows == [("who leads Europe?", asked_at), ("who leads China?", asked_at)]


def test_db_upgrade_command_works_outside_the_source_tree(settings: Settings, tmp_path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli.main", "db", "upgrade"], cwd=tmp_path,
        env=subprocess_env(settings), capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert f"schema revision {HEAD}" in result.stdout


def test_sqlite_file_and_its_directory_are_created_on_first_use(tmp_path) -> None:
    settings = Settings(_env_file=None, database_url=None, data_dir=tmp_path / "new" / "dir")
    open_stores(settings)
    assert (tmp_path / "new" / "dir" / "alliance-bot.db").is_file()
    dispose_engines()
