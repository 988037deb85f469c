"""Every start-up error is one line naming the cause and the setting, never a traceback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.fake_slack import FakeSlack

ROOT = Path(__file__).resolve().parents[2]


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def one_line_error(tmp_path: Path, *args: str, **env: str) -> str:
    """Run `alliance-bot ARGS` in an empty directory; its stderr, checked to be one line."""
    clean = {key: value for key, value in os.environ.items()
             if not key.startswith(("SLACK_", "DATABASE_", "DATA_", "LOG_", "KNOWLEDGE_"))}
    result = subprocess.run([sys.executable, "-m", "bot.cli.main", *args], cwd=tmp_path,
                            env={**clean, "PYTHONPATH": str(ROOT), **env}, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("alliance-bot: "), result.stderr
    return lines[0]


def test_slack_unreachable_at_start_names_slack_api_url_and_what_was_tried(tmp_path):
    url = f"http://127.0.0.1:{closed_port()}/api/"
    line = one_line_error(tmp_path, "serve", "--http", SLACK_BOT_TOKEN="xoxb-1-2",
                          SLACK_SIGNING_SECRET="s", SLACK_API_URL=url)
    assert f"SLACK_API_URL={url}" in line and "auth.test" in line


def test_a_refused_token_at_start_names_slack_bot_token_and_slacks_answer(tmp_path):
    with FakeSlack() as slack:
        slack.responses["auth.test"] = {"ok": False, "error": "invalid_auth"}
        line = one_line_error(tmp_path, "serve", "--http", SLACK_BOT_TOKEN="xoxb-1-2",
                              SLACK_SIGNING_SECRET="s", SLACK_API_URL=slack.api_url)
    assert "SLACK_BOT_TOKEN" in line and "invalid_auth" in line
    assert "xoxb-1-2" not in line


@pytest.mark.parametrize("command", [["db", "upgrade"], ["digest", "send-due"]])
def test_an_unreachable_database_names_host_and_port_but_not_the_password(tmp_path, command):
    port = closed_port()
    line = one_line_error(tmp_path, *command, SLACK_BOT_TOKEN="xoxb-1-2",
                          DATABASE_URL=f"postgresql://alliance:hunter2secret@127.0.0.1:{port}/db")
    assert f"127.0.0.1:{port}" in line and "DATABASE_URL" in line
    assert "hunter2secret" not in line


@pytest.mark.parametrize("content", ["# a README\n\n**bold**: yes: no\n", "key: value\n",
                                     "- a: 1\n", ""])
def test_eval_of_a_file_that_is_not_a_labelled_set_says_so(tmp_path, content):
    path = tmp_path / "not-labelled.yaml"
    path.write_text(content)
    line = one_line_error(tmp_path, "eval", str(path))
    assert str(path) in line and "not a labelled question set" in line
