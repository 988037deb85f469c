"""Alembic environment: runs on the connection `upgrade_database` (bot.storage.models) opened
and locked.

Run by hand (`alembic -c bot/storage/migrations/alembic.ini ...`) it connects to the database
the bot's settings name instead. Logging is left to the bot: no fileConfig here.
"""

from alembic import context

from bot.settings import load_settings
from bot.storage.models import Base, get_engine


def run_migrations(connection: object) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite can only change a column by copying its table
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_migrations(connection)
        return
    with get_engine(load_settings()).begin() as own_connection:
        run_migrations(own_connection)


if context.is_offline_mode():
    raise SystemExit("alliance-bot migrations run online only: use `alliance-bot db upgrade`")
run_online()
