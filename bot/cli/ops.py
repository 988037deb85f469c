"""`alliance-bot doctor`: is this installation ready to run, and if not, what to do about it.

Checks the configuration, the Slack credentials (auth.test against SLACK_API_URL), the database
and its migrations, and the knowledge base; prints OK, FAIL or SKIP per check with the fix for
each failure, and exits non-zero when anything failed.

The checks import Slack, SQLAlchemy and the assistant lazily: the command line imports this
module for every command, and `alliance-bot --help` should not wait for them.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, TextIO

from bot.settings import ConfigError, Settings, load_settings

SLACK_TIMEOUT_SECONDS = 10
QUIET_SLACK_LOGGER = logging.getLogger("bot.cli.ops.auth_test")
QUIET_SLACK_LOGGER.propagate = False
QUIET_SLACK_LOGGER.addHandler(logging.NullHandler())
DATABASE_TIMEOUT_SECONDS = 5
UPGRADE_FIX = "run `alliance-bot db upgrade` (`serve` also applies migrations when it starts)"
SLACK_ERROR_FIXES = {
    "invalid_auth": "SLACK_BOT_TOKEN is not a valid token: copy the Bot User OAuth Token (xoxb-…) "
                    "from your app's OAuth & Permissions page",
    "not_authed": "set SLACK_BOT_TOKEN to the Bot User OAuth Token (xoxb-…)",
    "token_revoked": "the token was revoked: reinstall the app to the workspace and copy the new "
                     "Bot User OAuth Token into SLACK_BOT_TOKEN",
    "account_inactive": "the app was uninstalled or its workspace deactivated: reinstall the app "
                        "and copy the new Bot User OAuth Token into SLACK_BOT_TOKEN",
    "token_expired": "the token expired (token rotation is on): turn rotation off for this app or "
                     "copy a fresh token into SLACK_BOT_TOKEN",
}


class Status(StrEnum):
    OK = "OK"
    FAIL = "FAIL"
    SKIP = "SKIP"


@dataclass(frozen=True)
class CheckResult:
    name: str
    status: Status
    detail: str
    fix: str = ""


def ok(name: str, detail: str) -> CheckResult:
    return CheckResult(name, Status.OK, detail)


def fail(name: str, detail: str, fix: str) -> CheckResult:
    return CheckResult(name, Status.FAIL, detail, fix)


# -- the checks -----------------------------------------------------------------------------
def check_credentials(settings: Settings, mode: str | None) -> list[CheckResult]:
    """Tokens present and of the right kind for the mode(s) the bot will run in."""
    results = []
    token = settings.slack_bot_token
    # Its form (xoxb-…) is checked by Settings, for `serve` and `doctor` alike.
    if not token:
        results.append(fail("SLACK_BOT_TOKEN", "not set",
                            "set it to the Bot User OAuth Token (xoxb-…) from OAuth & Permissions"))
    else:
        results.append(ok("SLACK_BOT_TOKEN", "set"))

    app_token, secret = settings.slack_app_token, settings.slack_signing_secret
    socket_ready = bool(app_token and app_token.startswith("xapp-"))
    socket_fix = ("set SLACK_APP_TOKEN to an app-level token (xapp-…) with the connections:write "
                  "scope, from Basic Information › App-Level Tokens")
    http_fix = "set SLACK_SIGNING_SECRET to the Signing Secret from Basic Information"
    if mode == "socket":
        results.append(ok("Socket Mode", "SLACK_APP_TOKEN set") if socket_ready
                       else fail("Socket Mode", "SLACK_APP_TOKEN missing or not xapp-", socket_fix))
    elif mode == "http":
        results.append(ok("HTTP mode", "SLACK_SIGNING_SECRET set") if secret
                       else fail("HTTP mode", "SLACK_SIGNING_SECRET not set", http_fix))
    elif socket_ready or secret:
        modes = [flag for flag, ready in (("--socket", socket_ready), ("--http", secret)) if ready]
        results.append(ok("serve modes", "can run with " + " and ".join(modes)))
    else:
        results.append(fail("serve modes", "neither Socket Mode nor HTTP mode is configured",
                            f"{socket_fix}; or, for HTTP mode, {http_fix}"))
    return results


def check_slack(settings: Settings) -> CheckResult:
    """auth.test with the bot token, against SLACK_API_URL (also `serve`'s start-up check)."""
    from slack_sdk import WebClient
    from slack_sdk.errors import SlackApiError, SlackClientError

    name = "Slack auth.test"
    if not settings.slack_bot_token:
        return CheckResult(name, Status.SKIP, "no SLACK_BOT_TOKEN")
    # The result says what failed; the library's own error line would only repeat it.
    client = WebClient(token=settings.slack_bot_token, base_url=settings.slack_api_url,
                       timeout=SLACK_TIMEOUT_SECONDS, logger=QUIET_SLACK_LOGGER)
    try:
        response = client.auth_test()
    except SlackApiError as error:
        code = str(error.response.get("error", "unknown_error"))
        return fail(name, f"Slack refused SLACK_BOT_TOKEN: auth.test at {settings.slack_api_url} "
                          f"answered {code}",
                    SLACK_ERROR_FIXES.get(code, "see https://api.slack.com/methods/auth.test"))
    except (OSError, SlackClientError) as error:
        return fail(name, f"cannot reach Slack at SLACK_API_URL={settings.slack_api_url} "
                          f"(tried auth.test): {error}",
                    "check the network, proxy (HTTPS_PROXY) and SLACK_API_URL")
    return ok(name, f"authenticated as @{response.get('user')} (bot user {response.get('user_id')})"
                    f" in {response.get('team')}")


def require_slack(settings: Settings) -> None:
    """`serve`'s start-up check: Slack reachable and the token accepted, else one line."""
    result = check_slack(settings)
    if result.status is Status.FAIL:
        raise ConfigError(f"{result.detail} ({result.fix})")


def check_database(settings: Settings) -> list[CheckResult]:
    """The database answers, and its schema is at the revision this version expects."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

    from bot.storage.models import MIGRATIONS_DIR, alembic_config, describe_url

    skipped_migrations = CheckResult("migrations", Status.SKIP, "no database to inspect")
    try:
        url = make_url(settings.sqlalchemy_url)
    except ArgumentError:
        return [fail("database", "DATABASE_URL is not a database URL",
                     "use postgresql://USER:PASSWORD@HOST:5432/NAME, or unset it for SQLite"),
                skipped_migrations]
    label = describe_url(settings)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        path = Path(url.database).resolve()
        if not path.exists():
            return [fail("database", f"no database yet at {path}", UPGRADE_FIX),
                    skipped_migrations]
    connect_args = ({"connect_timeout": DATABASE_TIMEOUT_SECONDS}
                    if url.get_backend_name() == "postgresql" else {})
    try:
        engine = create_engine(url, connect_args=connect_args)
    except (NoSuchModuleError, ImportError):
        return [fail("database", f"{label}: no driver for {url.drivername}",
                     "use a postgresql:// or sqlite:/// DATABASE_URL"), skipped_migrations]
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
            current = set(MigrationContext.configure(connection).get_current_heads())
    except SQLAlchemyError as error:
        reason = str(error.orig if getattr(error, "orig", None) else error).splitlines()[0]
        return [fail("database", f"{label}: {reason}",
                     "check DATABASE_URL (host, port, user, password, database name) and that "
                     "the database server is running and reachable from here"),
                skipped_migrations]
    finally:
        engine.dispose()
    results = [ok("database", f"{label} answers")]

    if not (MIGRATIONS_DIR / "versions").is_dir():
        results.append(fail("migrations", f"no migration scripts in {MIGRATIONS_DIR}",
                            "reinstall alliance-bot: the package is incomplete"))
        return results
    script = ScriptDirectory.from_config(alembic_config())
    heads = set(script.get_heads())
    known = {revision.revision for revision in script.walk_revisions()}
    if current == heads:
        results.append(ok("migrations", f"schema at {', '.join(sorted(heads))} (latest)"))
    elif not current:
        results.append(fail("migrations", "no schema yet (empty database)", UPGRADE_FIX))
    elif current - known:
        results.append(fail("migrations",
                            f"schema at unknown revision {', '.join(sorted(current - known))}: the "
                            "database was upgraded by a newer version of alliance-bot",
                            "run the newer version, or restore the backup taken before it ran"))
    else:
        results.append(fail("migrations",
                            f"schema at {', '.join(sorted(current))}, this version expects "
                            f"{', '.join(sorted(heads))}", UPGRADE_FIX))
    return results


def check_knowledge_base(settings: Settings) -> CheckResult:
    """The knowledge base loads and validates."""
    from intents.assistant import Assistant
    from knowledge.errors import KnowledgeError

    name = "knowledge base"
    directory = settings.knowledge_dir
    where = f"KNOWLEDGE_DIR={directory}" if directory else "the built-in knowledge base"
    if directory is not None and not directory.is_dir():
        return fail(name, f"KNOWLEDGE_DIR={directory} is not a folder",
                    "point KNOWLEDGE_DIR at the folder holding the knowledge-base YAML files, or "
                    "unset it to use the built-in knowledge base")
    try:
        assistant = Assistant(directory)
    except KnowledgeError as error:
        return fail(name, f"{where}: {error}",
                    "correct the file, entry and field named above (README, "
                    "\"Adding a fact\")")
    files = assistant.knowledge_files()
    return ok(name, f"{where}: version {assistant.kb_version}, {len(files)} file(s)")


def run_checks(mode: str | None = None,
               settings_loader: Callable[[], Settings] = load_settings) -> list[CheckResult]:
    try:
        settings = settings_loader()
    except ConfigError as error:
        return [fail("configuration", str(error),
                     "correct that variable in the environment or in .env")] + [
            CheckResult(name, Status.SKIP, "configuration could not be read")
            for name in ("Slack auth.test", "database", "migrations", "knowledge base")
        ]
    results = [ok("configuration", "settings read")]
    results += check_credentials(settings, mode)
    results.append(check_slack(settings))
    results += check_database(settings)
    results.append(check_knowledge_base(settings))
    return results


# -- output -----------------------------------------------------------------------------------
def print_report(results: list[CheckResult], out: TextIO) -> None:
    width = max(len(result.name) for result in results)
    for result in results:
        print(f"{result.status.value:<5} {result.name:<{width}}  {result.detail}", file=out)
        if result.fix:
            print(f"{'':<5} {'':<{width}}  fix: {result.fix}", file=out)
    failures = sum(result.status is Status.FAIL for result in results)
    print("all checks passed" if not failures else f"{failures} check(s) failed", file=out)


def doctor(args: argparse.Namespace, out: TextIO | None = None) -> int:
    results = run_checks(mode=args.mode)
    print_report(results, out or sys.stdout)
    return 1 if any(result.status is Status.FAIL for result in results) else 0


def register(subparsers: Any) -> None:
    """Add `doctor` to the `alliance-bot` parser."""
    parser = subparsers.add_parser(
        "doctor",
        help="check configuration, Slack token, database, migrations and knowledge base",
        description="Check that this installation can run, and say how to fix what cannot.",
    )
    parser.add_argument("--mode", choices=("socket", "http"), default=None,
                        help="check the credentials of this serve mode only (default: either)")
    parser.set_defaults(handler=doctor)
