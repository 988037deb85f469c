"""`alliance-bot doctor`: one line per check, OK or FAIL with the fix, non-zero on any failure."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.cli.main import main
from bot.cli.ops import (
    CheckResult,
    Status,
    check_credentials,
    check_database,
    check_knowledge_base,
    check_slack,
)
from bot.settings import Settings
from bot.storage.models import dispose_engines, upgrade_database
from tests.support.fake_slack import FakeSlack

SHIPPED_KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge" / "data"
UNREACHABLE = "http://127.0.0.1:9/api/"  # the discard port: nothing listens there
TEST_DATABASE_URL = os.environ.get("ALLIANCE_TEST_DATABASE_URL")  # set by .ci/run


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No stray .env or environment variable from the machine decides a result."""
    monkeypatch.chdir(tmp_path)
    for name in Settings.model_fields:
        monkeypatch.delenv(name.upper(), raising=False)
    yield
    dispose_engines()


def settings_for(slack: FakeSlack, tmp_path: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "slack_bot_token": "xoxb-doctor-test", "slack_signing_secret": "s" * 32,
        "slack_api_url": slack.api_url, "data_dir": tmp_path / "data",
    }
    return Settings(**{**values, **overrides})  # type: ignore[arg-type]


@pytest.fixture
def ready_environment(slack: FakeSlack, tmp_path: Path,
                      monkeypatch: pytest.MonkeyPatch) -> Settings:
    """A configured installation whose database is at the latest schema."""
    settings = settings_for(slack, tmp_path)
    for name, value in {"SLACK_BOT_TOKEN": settings.slack_bot_token,
                        "SLACK_SIGNING_SECRET": settings.slack_signing_secret,
                        "SLACK_API_URL": slack.api_url,
                        "DATA_DIR": str(settings.data_dir)}.items():
        monkeypatch.setenv(name, str(value))
    upgrade_database(settings)
    return settings


@pytest.fixture
def knowledge_base_checked_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading the language pipeline takes seconds; the tests below are about other checks."""
    monkeypatch.setattr("bot.cli.ops.check_knowledge_base",
                        lambda settings: CheckResult("knowledge base", Status.OK, "loaded"))


# -- the whole command ----------------------------------------------------------------------
def test_a_ready_installation_passes_every_check(
    ready_environment: Settings, capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["doctor"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert all(line.startswith("OK ") for line in lines[:-1]), lines
    assert lines[-1] == "all checks passed"


def test_any_failure_prints_fail_with_its_fix_and_exits_non_zero(
    ready_environment: Settings, knowledge_base_checked_elsewhere: None, slack: FakeSlack,
    capsys: pytest.CaptureFixture[str],
) -> None:
    slack.responses["auth.test"] = {"ok": False, "error": "invalid_auth"}
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    fail_line = next(line for line in out.splitlines() if line.startswith("FAIL"))
    assert "Slack auth.test" in fail_line and "invalid_auth" in fail_line
    assert "fix: SLACK_BOT_TOKEN is not a valid token" in out
    assert out.splitlines()[-1] == "1 check(s) failed"


def test_unreadable_configuration_fails_and_skips_the_rest(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("LOG_FORMAT", "xml")
    assert main(["doctor"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("FAIL  configuration") and "LOG_FORMAT" in lines[0]
    assert "fix:" in lines[1]
    assert all(line.startswith("SKIP") for line in lines[2:-1])


def test_the_mode_flag_checks_that_modes_credentials(
    ready_environment: Settings, knowledge_base_checked_elsewhere: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["doctor", "--mode", "socket"]) == 1
    assert "FAIL  Socket Mode" in capsys.readouterr().out


# -- Slack credentials ----------------------------------------------------------------------
def test_a_missing_bot_token_says_where_to_find_it() -> None:
    (token, _modes) = check_credentials(Settings(slack_signing_secret="x" * 32), None)
    assert token.status is Status.FAIL
    assert "Bot User OAuth Token" in token.fix


@pytest.mark.parametrize("variable, value", [
    ("SLACK_BOT_TOKEN", "xoxp-1-2"),  # a user token where the bot token belongs
    ("SLACK_APP_TOKEN", "xoxb-1-2"),
    ("LOG_LEVEL", "LOUD"),
])
def test_doctor_refuses_what_serve_refuses(variable: str, value: str, monkeypatch,
                                           capsys) -> None:
    """One validation (Settings) for both: doctor's first line is serve's one-line error."""
    from bot.cli.main import main as cli

    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1-2")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "s" * 32)
    monkeypatch.setenv(variable, value)
    assert cli(["doctor"]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("FAIL  configuration") and f"invalid setting {variable}" in first
    assert cli(["serve", "--http"]) == 1
    assert capsys.readouterr().err.startswith(f"alliance-bot: invalid setting {variable}:")


def test_without_app_token_or_signing_secret_no_mode_can_run() -> None:
    (_token, modes) = check_credentials(Settings(slack_bot_token="xoxb-1"), None)
    assert modes.status is Status.FAIL
    assert "SLACK_APP_TOKEN" in modes.fix and "SLACK_SIGNING_SECRET" in modes.fix


def test_the_modes_that_can_run_are_named() -> None:
    settings = Settings(slack_bot_token="xoxb-1", slack_app_token="xapp-1")
    (_token, modes) = check_credentials(settings, None)
    assert modes.status is Status.OK and "--socket" in modes.detail


def test_auth_test_success_names_the_bot_and_workspace(slack: FakeSlack, tmp_path: Path) -> None:
    result = check_slack(settings_for(slack, tmp_path))
    assert result.status is Status.OK
    assert "@alliance-bot" in result.detail and "Test" in result.detail
    assert slack.calls_to("auth.test")


@pytest.mark.parametrize(("error", "fix_mentions"), [
    ("invalid_auth", "Bot User OAuth Token"),
    ("token_revoked", "reinstall"),
    ("account_inactive", "reinstall"),
    ("some_new_error", "api.slack.com/methods/auth.test"),
])
def test_auth_test_errors_come_with_their_fix(
    slack: FakeSlack, tmp_path: Path, error: str, fix_mentions: str,
) -> None:
    slack.responses["auth.test"] = {"ok": False, "error": error}
    result = check_slack(settings_for(slack, tmp_path))
    assert result.status is Status.FAIL and error in result.detail
    assert fix_mentions in result.fix


def test_an_unreachable_slack_api_points_at_the_network(slack: FakeSlack, tmp_path: Path) -> None:
    result = check_slack(settings_for(slack, tmp_path, slack_api_url=UNREACHABLE))
    assert result.status is Status.FAIL and "cannot reach" in result.detail
    assert "SLACK_API_URL" in result.fix


# -- database and migrations ----------------------------------------------------------------
def test_a_database_not_created_yet_says_to_upgrade(slack: FakeSlack, tmp_path: Path) -> None:
    database, migrations = check_database(settings_for(slack, tmp_path))
    assert database.status is Status.FAIL and "alliance-bot db upgrade" in database.fix
    assert migrations.status is Status.SKIP
    assert not (tmp_path / "data").exists(), "the doctor must not create the database"


def test_a_database_behind_the_code_says_to_upgrade(slack: FakeSlack, tmp_path: Path) -> None:
    settings = settings_for(slack, tmp_path)
    upgrade_database(settings, revision="0001")
    database, migrations = check_database(settings)
    assert database.status is Status.OK
    assert migrations.status is Status.FAIL and "0001" in migrations.detail
    assert "alliance-bot db upgrade" in migrations.fix


def test_a_database_from_a_newer_release_is_recognised(slack: FakeSlack, tmp_path: Path) -> None:
    settings = settings_for(slack, tmp_path)
    upgrade_database(settings)
    engine = create_engine(settings.sqlalchemy_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    _database, migrations = check_database(settings)
    assert migrations.status is Status.FAIL and "newer version" in migrations.detail


def test_an_unreachable_postgresql_fails_without_showing_the_password(
    slack: FakeSlack, tmp_path: Path,
) -> None:
    url = "postgresql://alliance:hunter2secret@127.0.0.1:9/alliance"
    database, migrations = check_database(settings_for(slack, tmp_path, database_url=url))
    assert database.status is Status.FAIL and "DATABASE_URL" in database.fix
    assert "hunter2secret" not in database.detail and "***" in database.detail
    assert migrations.status is Status.SKIP


def test_a_malformed_database_url_is_named(slack: FakeSlack, tmp_path: Path) -> None:
    database, _migrations = check_database(
        settings_for(slack, tmp_path, database_url="not a url"))
    assert database.status is Status.FAIL and "DATABASE_URL" in database.detail


# -- knowledge base -------------------------------------------------------------------------
def test_the_built_in_knowledge_base_loads(slack: FakeSlack, tmp_path: Path) -> None:
    result = check_knowledge_base(settings_for(slack, tmp_path))
    assert result.status is Status.OK and "built-in" in result.detail


def test_a_knowledge_dir_that_does_not_exist_fails(slack: FakeSlack, tmp_path: Path) -> None:
    result = check_knowledge_base(settings_for(slack, tmp_path,
                                               knowledge_dir=tmp_path / "missing"))
    assert result.status is Status.FAIL and "KNOWLEDGE_DIR" in result.fix


def test_an_invalid_knowledge_base_names_the_file(slack: FakeSlack, tmp_path: Path) -> None:
    directory = tmp_path / "kb"
    shutil.copytree(SHIPPED_KNOWLEDGE, directory)
    (directory / "companies.yaml").write_text("companies: [unclosed\n")
    result = check_knowledge_base(settings_for(slack, tmp_path, knowledge_dir=directory))
    assert result.status is Status.FAIL and "companies.yaml" in result.detail


def test_a_reachable_postgresql_answers(slack: FakeSlack, tmp_path: Path) -> None:
    if not TEST_DATABASE_URL:
        pytest.skip("ALLIANCE_TEST_DATABASE_URL is not set (CI sets it to a local PostgreSQL)")
    settings = settings_for(slack, tmp_path, database_url=TEST_DATABASE_URL)
    database, _migrations = check_database(settings)
    assert database.status is Status.OK, database.detail
