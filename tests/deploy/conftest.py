"""Shared helpers for validating the deployment files offline."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.cli.main import build_parser
from bot.settings import Settings

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEPLOY_DIR = PROJECT_ROOT / "deploy"
# Variables the container reads besides the bot's settings (the Dockerfile's HEALTHCHECK).
CONTAINER_VARIABLES = frozenset({"HEALTHCHECK_URL"})


def settings_variables() -> frozenset[str]:
    """Every environment variable `Settings` reads."""
    return frozenset(name.upper() for name in Settings.model_fields)


def project_scripts() -> dict[str, str]:
    pyproject = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())
    return pyproject["project"]["scripts"]


@pytest.fixture
def assert_cli_accepts() -> Callable[[list[str]], None]:
    """Check that `alliance-bot ARGS...` parses; a command the deploy files use but the command
    line lacks fails (a skip would let a broken deployment pass)."""
    parser = build_parser()
    commands = next(
        action.choices for action in parser._subparsers._group_actions  # noqa: SLF001
        if action.dest == "command"
    )

    def check(argv: list[str]) -> None:
        if argv[0] not in commands:
            pytest.fail(f"`alliance-bot {argv[0]}` is not registered in bot/cli/main.py")
        try:
            parser.parse_args(argv)
        except SystemExit as error:
            pytest.fail(f"`alliance-bot {' '.join(argv)}` is rejected by the command line: {error}")

    return check
