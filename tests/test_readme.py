"""The README's shell examples that need no Slack workspace run, in a temporary directory, and
say what the README says they do: asking, JSON Lines, chat, the knowledge base, evaluation, the
database and a digest pass, and the "Adding a fact" walkthrough with its example question.

Commands are taken from the README's ```sh blocks, not copied here, so an example that stops
working (or a README that promises something else) fails this test.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.fake_slack import FakeSlack

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
VENV = Path(sys.prefix)  # the venv the tests run in stands for the README's .venv and /opt one
FENCE = re.compile(r"^(?P<indent> *)```(?P<lang>\w+)\n(?P<body>.*?)^(?P=indent)```", re.M | re.S)
HEADING = re.compile(r"^#+ (.+)$", re.M)
NO_SLACK = re.compile(r"alliance-bot (ask|chat|kb|eval|db|digest send-due)\b")
CHAT_INPUT = "who leads Europe?\nand in Japan?\n\n"
QUESTIONS = "who leads Europe?\nis Nissan the leader in China?\n\nwho leads Austrlia?\n"
TURNS = "\n".join(json.dumps(turn) for turn in [
    {"thread": "a", "question": "who leads autonomous driving?"},
    {"thread": "b", "question": "who leads Japan?"},
    {"thread": "a", "question": "and Brazil?"}]) + "\n"


@dataclass(frozen=True)
class Block:
    heading: str
    lang: str
    body: str


def blocks() -> list[Block]:
    found = []
    for match in FENCE.finditer(README):
        headings = HEADING.findall(README, 0, match.start())
        body = "".join(line.removeprefix(match["indent"])
                       for line in match["body"].splitlines(keepends=True))
        found.append(Block(headings[-1] if headings else "", match["lang"], body))
    return found


def no_slack_commands() -> list[tuple[str, str]]:
    """(heading, command) for each README shell command that needs no Slack workspace; a line
    chaining set-up steps (`python3 -m venv ... && pip install ...`) gives its last step."""
    commands = []
    for block in blocks():
        if block.lang != "sh":
            continue
        for line in block.body.replace("\\\n", " ").splitlines():
            step = line.split("&&")[-1].strip()
            if NO_SLACK.search(step) and not step.startswith("#"):
                commands.append((block.heading, step))
    return commands


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh directory with the README's `.venv`, `tests/data` and a `questions.txt`."""
    directory = tmp_path_factory.mktemp("readme")
    (directory / ".venv").symlink_to(VENV)
    (directory / "tests").symlink_to(ROOT / "tests")
    (directory / "questions.txt").write_text(QUESTIONS)
    (directory / "turns.jsonl").write_text(TURNS)
    (directory / "etc" / "alliance-bot").mkdir(parents=True)
    return directory


@pytest.fixture(scope="module")
def slack() -> FakeSlack:
    with FakeSlack() as server:
        yield server


def run(command: str, workdir: Path, slack: FakeSlack,
        stdin: str = "") -> subprocess.CompletedProcess:
    """`command` as the README shows it, with its VM paths pointed into `workdir`."""
    command = (command.replace("/opt/alliance-bot/bin/", f"{VENV}/bin/")
               .replace("/etc/alliance-bot", f"{workdir}/etc/alliance-bot"))
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("SLACK_", "DATABASE_", "KNOWLEDGE_", "ALLIANCE_", "LOG_"))}
    env.update(SLACK_BOT_TOKEN="xoxb-readme-example", SLACK_API_URL=slack.api_url,
               PYTHONIOENCODING="utf-8")
    return subprocess.run(["bash", "-euo", "pipefail", "-c", command], cwd=workdir, env=env,
                          input=stdin, capture_output=True, text=True, timeout=300)


COMMANDS = no_slack_commands()


def test_the_readme_shows_every_command_a_new_user_needs_without_slack() -> None:
    shown = " ".join(command for _, command in COMMANDS)
    for needed in ("ask ", "ask --json ", "< questions.txt", "chat", "kb check", "kb show",
                   "eval ", "--show-errors", "db upgrade", "db purge", "digest send-due",
                   "--knowledge-dir"):
        assert needed in shown, f"no README example uses {needed!r}"


RUNNABLE = [(heading, command) for heading, command in COMMANDS if "knowledge-dir" not in command]


@pytest.mark.parametrize("heading, command", RUNNABLE,
                         ids=[command.split("#")[0].split("alliance-bot ")[-1].strip()
                              for _, command in RUNNABLE])
def test_a_readme_command_runs(heading: str, command: str, workdir: Path,
                               slack: FakeSlack) -> None:
    result = run(command, workdir, slack, stdin=CHAT_INPUT if " chat" in command else "")
    assert result.returncode == 0, f"{command}\n{result.stderr}"
    out = result.stdout
    if " ask " in command and "--json" not in command:
        # what the README says is shown: the title, the paragraph and how old the plan is
        assert re.search(r"^Source: .+, ¶\d+ — as of [A-Z][a-z]+ \d{4}$", out, re.M), out
    if "> answers.jsonl" in command:
        lines = (workdir / "answers.jsonl").read_text().splitlines()
        assert len(lines) == len(QUESTIONS.splitlines())  # one object per line, empty included
    if " eval " in command:
        assert "wrong confident answers: 0" in out
    if "--threads" in command:
        answers = [json.loads(line) for line in out.splitlines()]
        assert [a["thread"] for a in answers] == ["a", "b", "a"]
        assert answers[2]["leaders"] == ["renault"]  # "and Brazil?" read in thread a only
    if " chat" in command:
        assert out.count("bot> ") == 2


def test_adding_a_fact_as_the_readme_walks_through_it(workdir: Path, slack: FakeSlack) -> None:
    (copy_block,) = [b for b in blocks() if b.lang == "sh" and "cp -r" in b.body]
    assert run(copy_block.body, workdir, slack).returncode == 0
    knowledge_dir = workdir / "etc" / "alliance-bot" / "knowledge"
    source_yaml, fact_yaml = [b.body for b in blocks()
                              if b.heading == "Adding a fact" and b.lang == "yaml"]
    for name, entry in (("sources.yaml", source_yaml), ("facts.yaml", fact_yaml)):
        path = knowledge_dir / name
        path.write_text(path.read_text().rstrip("\n") + "\n" + textwrap.indent(
            textwrap.dedent(entry), "  "))
    walkthrough = [command for heading, command in COMMANDS if heading == "Adding a fact"]
    assert [shlex.split(command)[1:3] for command in walkthrough] == [
        ["kb", "check"], ["ask", "--knowledge-dir"]]
    for command in walkthrough:
        result = run(command, workdir, slack)
        assert result.returncode == 0, result.stderr
    promised = re.search(r"which answers `([^`]+)` and\s+`([^`]+)`", README)
    assert promised, "the walkthrough says what the example question answers"
    assert result.stdout.splitlines() == [promised[1], promised[2]]
