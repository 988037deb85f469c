"""`alliance-bot db upgrade | purge` and `alliance-bot digest send-due [--at TIME]`."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from bot.settings import load_settings


def _moment(text: str) -> datetime:
    """An ISO 8601 time; without an offset it is taken as UTC."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO 8601 time") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add this group's commands to the `alliance-bot` parser."""
    db = subparsers.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_commands.add_parser(
        "upgrade", help="apply the schema migrations (also done on start)",
    ).set_defaults(handler=upgrade)
    purge = db_commands.add_parser(
        "purge", help="delete questions and feedback older than QUESTION_LOG_RETENTION_DAYS")
    purge.add_argument("--at", type=_moment, help="pretend it is this ISO 8601 time")
    purge.set_defaults(handler=purge_old)

    digest = subparsers.add_parser("digest", help="daily digests")
    digest_commands = digest.add_subparsers(dest="digest_command", metavar="ACTION",
                                            required=True)
    send = digest_commands.add_parser(
        "send-due", help="send every digest due now, once (safe beside a serving replica)")
    send.add_argument("--at", type=_moment,
                      help="pretend it is this ISO 8601 time (no offset means UTC)")
    send.set_defaults(handler=send_due_now)


def upgrade(args: argparse.Namespace) -> int:
    from bot.storage.models import describe_url, upgrade_database

    settings = load_settings()
    revision = upgrade_database(settings)
    print(f"{describe_url(settings)} is at schema revision {revision}")
    return 0


def purge_old(args: argparse.Namespace) -> int:
    from bot.storage.stores import purge_expired

    print(purge_expired(load_settings(), now=args.at))
    return 0


def send_due_now(args: argparse.Namespace) -> int:
    from bot.digest.delivery import digest_client, send_due
    from bot.storage.memory import utcnow
    from bot.storage.models import ensure_database
    from bot.teaching.load import assistant_for

    settings = load_settings()
    client = digest_client(settings)
    engine = ensure_database(settings)
    report = send_due(engine, client, assistant_for(settings), now=args.at or utcnow())
    print(report)
    return 1 if report.failed else 0
