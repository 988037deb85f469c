"""deploy/systemd/: one VM in Socket Mode, configured from an environment file."""

from __future__ import annotations

import configparser
import shlex
from collections.abc import Callable
from pathlib import Path

from bot.settings import Settings
from tests.deploy.conftest import DEPLOY_DIR, settings_variables

UNIT_FILE = DEPLOY_DIR / "systemd" / "alliance-bot.service"
ENV_EXAMPLE = DEPLOY_DIR / "systemd" / "alliance-bot.env.example"


def unit() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign] - systemd keys are cased
    parser.read_string(UNIT_FILE.read_text())
    return parser


def alliance_bot_arguments(command_line: str) -> list[str]:
    program, *arguments = shlex.split(command_line)
    assert Path(program).name == "alliance-bot", command_line
    return arguments


def env_example_variables() -> dict[str, str]:
    lines = [line.strip() for line in ENV_EXAMPLE.read_text().splitlines()]
    assignments = [line.lstrip("#").strip() for line in lines if "=" in line]
    return dict(line.split("=", 1) for line in assignments if line.split("=", 1)[0].isupper())


def test_unit_has_the_sections_systemd_needs() -> None:
    assert {"Unit", "Service", "Install"} <= set(unit().sections())
    assert unit()["Install"]["WantedBy"] == "multi-user.target"


def test_service_runs_socket_mode_as_an_unprivileged_user(
    assert_cli_accepts: Callable[[list[str]], None],
) -> None:
    service = unit()["Service"]
    assert service["User"] not in ("", "root")
    arguments = alliance_bot_arguments(service["ExecStart"])
    assert arguments == ["serve", "--socket"]
    assert_cli_accepts(arguments)


def test_migrations_run_before_the_bot_starts(
    assert_cli_accepts: Callable[[list[str]], None],
) -> None:
    arguments = alliance_bot_arguments(unit()["Service"]["ExecStartPre"])
    assert arguments == ["db", "upgrade"]
    assert_cli_accepts(arguments)


def test_reload_sends_sighup_to_re_read_the_knowledge_base() -> None:
    assert unit()["Service"]["ExecReload"] == "/bin/kill -HUP $MAINPID"


def test_service_reads_the_environment_file_and_keeps_state_in_its_directory() -> None:
    service = unit()["Service"]
    assert service["EnvironmentFile"].endswith("alliance-bot.env")
    assert service["StateDirectory"] == "alliance-bot"
    assert "DATA_DIR=/var/lib/alliance-bot" in service["Environment"]


def test_environment_example_names_every_setting_and_nothing_else() -> None:
    assert set(env_example_variables()) == settings_variables()


def test_environment_example_loads_into_valid_settings() -> None:
    settings = Settings(_env_file=ENV_EXAMPLE)  # type: ignore[call-arg]
    assert settings.slack_bot_token and settings.slack_bot_token.startswith("xoxb-")
    for name, value in env_example_variables().items():
        Settings(**{name.lower(): value})  # every commented default is itself valid
