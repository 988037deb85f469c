"""The bar: two real `serve --http` replicas sharing one PostgreSQL database learn and forget a
phrase within 10 seconds, whether it was taught in Slack (on either replica) or from the command
line; a non-admin changes nothing; a phrase already taught to Oceania is refused for Europe."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from sqlalchemy import Engine

from bot.settings import Settings
from bot.storage.models import TeachingAuditEntry, ensure_database
from bot.teaching import store
from tests.slack.conftest import BOT_TOKEN, SIGNING_SECRET, http_request, load_payload
from tests.slack.conftest import signature_headers as signed
from tests.slack.test_serve import free_port, stop_serve, wait_until_healthy
from tests.storage.databases import make_settings, subprocess_env
from tests.support.fake_slack import FakeSlack

ADMIN = "UADMIN"
SOMEONE = "U111"
SYNC_SECONDS = 10  # the bound for every replica to follow a change
QUIET_SECONDS = 3  # longer than a poll interval: "nothing changed" is watched this long
QUESTION = "who leads Project Kiwi?"


class Replica:
    """One `alliance-bot serve --http` process, asked through signed slash commands."""

    def __init__(self, settings: Settings, slack: FakeSlack, workdir: Path) -> None:
        self.slack = slack
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        environment = {**subprocess_env(settings), "SLACK_SIGNING_SECRET": SIGNING_SECRET,
                       "SLACK_BOT_TOKEN": BOT_TOKEN, "ALLIANCE_BOT_ADMINS": ADMIN,
                       "LOG_FORMAT": "text", "PYTHONPATH": os.getcwd()}
        workdir.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli.main", "serve", "--http", "--host", "127.0.0.1",
             "--port", str(port)],
            cwd=workdir, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True)

    def command(self, text: str, *, user: str = ADMIN) -> str:
        """Run `/alliance TEXT` as `user`; the text of the reply (in the acknowledgement, or
        sent to the command's response_url)."""
        seen = len(self.slack.calls_to("response_url"))
        fields = {**load_payload("slash_command"), "text": text, "user_id": user,
                  "response_url": self.slack.response_url()}
        body = urlencode(fields).encode()
        reply = http_request(self.url + "/slack/events", data=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", **signed(body)})
        assert reply.status == 200
        if reply.body and reply.body.startswith(b"{") and "text" in reply.json():
            return reply.json()["text"]
        return self.slack.wait_for("response_url", seen + 1, timeout=20)[seen].params["text"]


@pytest.fixture(scope="module")
def slack() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory, slack: FakeSlack) -> Iterator[Settings]:
    yield from make_settings("postgresql", tmp_path_factory.mktemp("teaching"),
                             slack_api_url=slack.api_url)


@pytest.fixture(scope="module")
def engine(settings: Settings) -> Engine:
    return ensure_database(settings)


@pytest.fixture(scope="module")
def replicas(settings: Settings, engine: Engine, slack: FakeSlack,
             tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Replica]]:
    started = [Replica(settings, slack, tmp_path_factory.mktemp(f"replica{n}")) for n in (1, 2)]
    try:
        for replica in started:
            wait_until_healthy(replica.url, replica.process)
        yield started
    finally:
        for replica in started:
            code, output = stop_serve(replica.process)
            assert code == 0, output


def wait_until_all_answer(replicas: list[Replica], expected: str, *, since: float) -> None:
    """Poll every replica until each answers QUESTION with `expected`, within SYNC_SECONDS."""
    for index, replica in enumerate(replicas):
        while (answer := replica.command(QUESTION, user=SOMEONE)) != expected:
            assert time.monotonic() - since < SYNC_SECONDS, (index, answer)
            time.sleep(0.2)


def assert_all_keep_answering(replicas: list[Replica], expected: str) -> None:
    deadline = time.monotonic() + QUIET_SECONDS
    while time.monotonic() < deadline:
        assert [r.command(QUESTION, user=SOMEONE) for r in replicas] == [expected] * len(replicas)
        time.sleep(0.3)


def test_slack_teach_reaches_both_replicas_and_forget_undoes_it(
        replicas: list[Replica], engine: Engine) -> None:
    first, second = replicas
    before = first.command(QUESTION, user=SOMEONE)
    oceania = first.command("who leads Oceania?", user=SOMEONE)
    assert "New Zealand" in before  # "Kiwi" alone is a name for New Zealand
    assert oceania.startswith("Mitsubishi leads Oceania")

    refused = first.command('admin teach "Project Kiwi" = Oceania', user=SOMEONE)
    assert refused.startswith("Sorry") and "ALLIANCE_BOT_ADMINS" in refused
    assert store.taught(engine) == []
    assert_all_keep_answering(replicas, before)

    taught = second.command('admin teach "Project Kiwi" = Oceania')
    since = time.monotonic()
    assert "Learned" in taught, taught
    wait_until_all_answer(replicas, oceania, since=since)

    again = first.command('admin teach "Project Kiwi" = Europe')
    assert again.startswith(":x:") and "already means Oceania" in again
    assert [(r.phrase, r.id) for r in store.taught(engine)] == [("Project Kiwi", "oceania")]

    listed = first.command("admin taught")
    assert "Project Kiwi" in listed and f"<@{ADMIN}>" in listed

    forgotten = first.command('admin forget "Project Kiwi"')
    since = time.monotonic()
    assert "Forgotten" in forgotten, forgotten
    wait_until_all_answer(replicas, before, since=since)
    with engine.connect() as connection:
        audit = connection.execute(TeachingAuditEntry.__table__.select()
                                   .order_by(TeachingAuditEntry.id)).all()
    assert [(row.action, row.actor, row.source) for row in audit] == [
        ("teach", ADMIN, "slack"), ("forget", ADMIN, "slack")]


def kb_command(settings: Settings, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot.cli.main", "kb", *arguments],
                          env=subprocess_env(settings), capture_output=True, text=True,
                          timeout=120)


def test_the_command_line_teaches_and_forgets_for_both_replicas(
        replicas: list[Replica], settings: Settings) -> None:
    first = replicas[0]
    before = first.command(QUESTION, user=SOMEONE)
    oceania = first.command("who leads Oceania?", user=SOMEONE)

    taught = kb_command(settings, "teach", "Project Kiwi", "--means", "Oceania")
    since = time.monotonic()
    assert taught.returncode == 0, taught.stderr
    wait_until_all_answer(replicas, oceania, since=since)

    refused = kb_command(settings, "teach", "Project Kiwi", "--means", "Europe")
    assert refused.returncode == 1 and "already means Oceania" in refused.stderr
    assert "command line" in kb_command(settings, "taught").stdout

    forgotten = kb_command(settings, "forget", "Project Kiwi")
    since = time.monotonic()
    assert forgotten.returncode == 0, forgotten.stderr
    wait_until_all_answer(replicas, before, since=since)
