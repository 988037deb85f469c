"""The core with the configured database's taught phrases, for `serve`, workers, `ask` and `chat`.

Kept light: without a database (no DATABASE_URL and no SQLite file yet) nothing of the database
layer is imported, so `alliance-bot ask` starts as fast as before.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from bot.settings import Settings
from intents.teaching import TaughtPhrase

logger = logging.getLogger(__name__)
SQLITE_FILE = "alliance-bot.db"  # bot.storage.models puts the default database there


def database_exists(settings: Settings) -> bool:
    """Whether a database is configured: DATABASE_URL, or the default SQLite file on disk."""
    if not settings.database_url:
        return (settings.data_dir / SQLITE_FILE).exists()
    if not settings.sqlalchemy_url.startswith("sqlite"):
        return True
    from sqlalchemy.engine import make_url

    database = make_url(settings.sqlalchemy_url).database
    return bool(database) and Path(database).exists()


def taught_in_database(settings: Settings) -> list[TaughtPhrase]:
    """The configured database's taught phrases: none without a database, and none (logged)
    when it cannot be read, so a question is still answered."""
    if not database_exists(settings):
        return []
    from sqlalchemy.exc import SQLAlchemyError

    from bot.storage.models import get_engine
    from bot.teaching import store

    try:
        return [record.as_phrase() for record in store.taught(get_engine(settings))]
    except SQLAlchemyError as error:
        logger.info("taught phrases unavailable: %s", str(error).splitlines()[0][:200])
        return []


def assistant_for(settings: Settings, knowledge_dir: Path | None = None) -> Any:
    """The core over `knowledge_dir` (default KNOWLEDGE_DIR) with the database's taught phrases:
    what `serve`, workers and `ask` answer with."""
    from intents.assistant import Assistant

    return Assistant(knowledge_dir or settings.knowledge_dir, taught=taught_in_database(settings))
