"""The database: one SQLAlchemy engine per URL, the ORM models, and the Alembic upgrade.

SQLite (a file under `data_dir`, created on first use) unless DATABASE_URL names PostgreSQL.
Every SQLite transaction starts with `BEGIN IMMEDIATE`, so two processes on one file queue for
the write lock instead of failing half-way; PostgreSQL serialises concurrent upgrades with an
advisory lock. The schema itself only ever changes through the migrations in
`bot/storage/migrations/`.
"""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import (
    JSON,
    Connection,
    Date,
    DateTime,
    Engine,
    Float,
    Index,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    text,
)
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from bot.settings import ConfigError, Settings


class DatabaseUnreachable(ConfigError):
    """The database could not be reached: one line for a command, an outage for `serve`."""


MIGRATIONS_DIR = Path(__file__).parent / "migrations"
SQLITE_LOCK_WAIT_SECONDS = 30  # how long a writer waits for another process's transaction
# Any fixed number shared by every replica; it names the lock that serialises schema upgrades.
UPGRADE_ADVISORY_LOCK = 4_204_242
# A dead database must cost a request at most about a second: libpq's shortest connect timeout
# (2 s, it rounds anything lower up) bounds a new connection, and a request waits at most this
# long for a pooled one. Requests themselves never wait on the database longer than
# `bot.storage.resilient.REQUEST_BUDGET_SECONDS`.
CONNECT_TIMEOUT_SECONDS = 2
POOL_TIMEOUT_SECONDS = 1

_engines: dict[str, Engine] = {}
_upgraded: set[str] = set()
_engines_lock = threading.Lock()


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in and out, also on SQLite (which keeps no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: the database stores aware UTC times")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UtcDateTime, dict[str, Any]: JSON, date: Date}


class QuestionLogEntry(Base):
    __tablename__ = "question_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    asked_at: Mapped[datetime] = mapped_column(index=True)
    channel_id: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[str] = mapped_column(String(32))
    question: Mapped[str] = mapped_column(Text)
    intent: Mapped[str] = mapped_column(String(64))
    understood: Mapped[bool]
    confidence: Mapped[float] = mapped_column(Float)
    # Where the bot replied (thread or message ts), so a later "I've learned this" can go there.
    thread_ts: Mapped[str | None] = mapped_column(String(32))
    # Set by the writer that spools rows during outages: a retried write of the row is a no-op.
    write_key: Mapped[str | None] = mapped_column(String(36))


Index("ux_question_log_write_key", QuestionLogEntry.write_key, unique=True)


class FeedbackEntry(Base):
    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    given_at: Mapped[datetime] = mapped_column(index=True)
    channel_id: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[str] = mapped_column(String(32))
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    vote: Mapped[str] = mapped_column(String(8))
    write_key: Mapped[str | None] = mapped_column(String(36))


Index("ux_feedback_write_key", FeedbackEntry.write_key, unique=True)


class ThreadContext(Base):
    __tablename__ = "thread_context"

    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    context: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime] = mapped_column(index=True)


class ProcessedEvent(Base):
    __tablename__ = "processed_events"

    event_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(index=True)  # when a process last took it
    answered_at: Mapped[datetime | None]  # None: taken, but its answer was never confirmed


class DigestSubscription(Base):
    """One per channel; `created_by` is whoever subscribed (or last changed it)."""

    __tablename__ = "digest_subscriptions"

    channel_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32))
    created_by: Mapped[str] = mapped_column(String(32), index=True)
    local_time: Mapped[str] = mapped_column(String(5))  # "HH:MM"
    timezone: Mapped[str] = mapped_column(String(64))  # IANA name
    schedule: Mapped[str] = mapped_column(String(16))  # "weekdays" or "daily"
    lang: Mapped[str] = mapped_column(String(8), default="en", server_default="en")  # en/fr/ja
    status: Mapped[str] = mapped_column(String(16))  # "active" or "paused"
    paused_reason: Mapped[str | None] = mapped_column(String(64))
    paused_at: Mapped[datetime | None]
    # Slots before this instant are never due: subscribing at 15:00 for 09:00 starts tomorrow.
    active_since: Mapped[datetime]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class DigestDelivery(Base):
    """The claim of one (channel, local date); the unique constraint is the exactly-once."""

    __tablename__ = "digest_deliveries"
    __table_args__ = (
        UniqueConstraint("channel_id", "local_date", name="uq_digest_deliveries_channel_day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[str] = mapped_column(String(32))
    local_date: Mapped[date]
    status: Mapped[str] = mapped_column(String(16))  # claimed, sent, failed, paused
    claimed_at: Mapped[datetime]
    claimed_by: Mapped[str] = mapped_column(String(64))
    finished_at: Mapped[datetime | None]
    message_ts: Mapped[str | None] = mapped_column(String(32))
    error: Mapped[str | None] = mapped_column(String(64))
    kb_fingerprint: Mapped[str | None] = mapped_column(String(64))
    spotlight: Mapped[str | None] = mapped_column(String(128))  # "area:id" of the row shown


Index("ix_digest_deliveries_local_date", DigestDelivery.local_date)


class KnowledgeSnapshot(Base):
    """The leadership map as one digest saw it, stored once per distinct content."""

    __tablename__ = "digest_kb_snapshots"

    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)
    kb_version: Mapped[str] = mapped_column(String(64))
    rows: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]


class TaughtPhraseRow(Base):
    """A phrase an admin taught to name a knowledge-base entry; one row per phrase key."""

    __tablename__ = "taught_phrases"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)  # folded, lower-case
    phrase: Mapped[str] = mapped_column(String(64))  # as the admin wrote it
    target_kind: Mapped[str] = mapped_column(String(16))
    target_id: Mapped[str] = mapped_column(String(64))
    target_country: Mapped[str | None] = mapped_column(String(8))
    target_label: Mapped[str] = mapped_column(String(128))
    taught_by: Mapped[str] = mapped_column(String(64))  # Slack user id, or "command line (user)"
    taught_at: Mapped[datetime]


class TeachingAuditEntry(Base):
    """Every teach and forget, kept; its highest id is the version replicas poll for."""

    __tablename__ = "teaching_audit"

    id: Mapped[int] = mapped_column(primary_key=True)
    action: Mapped[str] = mapped_column(String(16))  # "teach" or "forget"
    key: Mapped[str] = mapped_column(String(64))
    phrase: Mapped[str] = mapped_column(String(64))
    target_kind: Mapped[str] = mapped_column(String(16))
    target_id: Mapped[str] = mapped_column(String(64))
    actor: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(16))  # "slack" or "cli"
    at: Mapped[datetime] = mapped_column(index=True)


def _prepare_sqlite(engine: Engine) -> None:
    """Let SQLAlchemy, not the sqlite3 module, decide where transactions begin (see module doc)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA journal_mode=WAL")

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def get_engine(settings: Settings) -> Engine:
    """The process's engine for `settings.sqlalchemy_url`, created (with its SQLite file) once."""
    url = settings.sqlalchemy_url
    with _engines_lock:
        engine = _engines.get(url)
        if engine is None:
            engine = _create_engine(url)
            _engines[url] = engine
        return engine


def _create_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        # pool_pre_ping: a connection the database dropped (restart, failover) is replaced
        # before use instead of failing the first query after an outage.
        return create_engine(url, pool_pre_ping=True, pool_timeout=POOL_TIMEOUT_SECONDS,
                             connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS})
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": SQLITE_LOCK_WAIT_SECONDS})
    _prepare_sqlite(engine)
    return engine


def dispose_engines() -> None:
    """Close every pooled connection (tests and shutdown)."""
    with _engines_lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()
        _upgraded.clear()


def alembic_config() -> Config:
    config = Config(str(MIGRATIONS_DIR / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def upgrade_database(settings: Settings, revision: str = "head") -> str | None:
    """Apply the migrations up to `revision` (all by default); safe beside other replicas.

    Returns the revision the database is at afterwards.
    """
    engine = get_engine(settings)
    config = alembic_config()
    try:
        connection = engine.connect()
    except (OperationalError, InterfaceError) as error:
        # One line naming the setting, host and port (never the password) and the reason.
        raise DatabaseUnreachable(unreachable(settings, error)) from None
    with connection, connection.begin():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                               {"key": UPGRADE_ADVISORY_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    if revision == "head":
        _upgraded.add(settings.sqlalchemy_url)
    return current_revision(engine)


def ensure_database(settings: Settings) -> Engine:
    """The engine, upgraded to the newest schema once per process.

    """
    if settings.sqlalchemy_url not in _upgraded:
        upgrade_database(settings)
    return get_engine(settings)


def unreachable(settings: Settings, error: DBAPIError) -> str:
    url = make_url(settings.sqlalchemy_url)
    reason = str(error.orig or error).strip().splitlines()[0]
    if url.password:
        reason = reason.replace(url.password, "***")
    if url.get_backend_name() == "sqlite":
        return f"cannot open the SQLite database {url.database} (DATA_DIR): {reason}"
    where = f"{url.host or 'localhost'}:{url.port or 5432}"
    return f"cannot reach the database at {where} (DATABASE_URL): {reason}"


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def describe_url(settings: Settings) -> str:
    """The database URL without its password, for logs and messages."""
    return make_url(settings.sqlalchemy_url).render_as_string(hide_password=True)
