"""A full `alliance-bot serve --http` run: health, metrics, structured logs, SIGHUP reload, and
not one token or signing secret anywhere in what it logs, even at DEBUG level."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.slack.conftest import http_request, load_payload, signature_headers
from tests.support.fake_slack import FakeSlack

SHIPPED_KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge" / "data"
STARTUP_SECONDS = 60
# Shaped like real credentials, random per run so a match can only be a leak.
BOT_TOKEN = f"xoxb-{secrets.randbelow(10**12)}-{secrets.randbelow(10**12)}-{secrets.token_hex(12)}"
APP_TOKEN = f"xapp-1-A{secrets.token_hex(5).upper()}-{secrets.token_hex(32)}"
SIGNING_SECRET = secrets.token_hex(16)
ADMIN = "UADMIN"


@dataclass
class ServeRun:
    base_url: str
    log_path: Path
    knowledge_dir: Path
    process: subprocess.Popen[bytes]
    slack: FakeSlack

    def logs(self) -> str:
        return self.log_path.read_text(errors="replace")

    def log_entries(self) -> list[dict[str, object]]:
        return [json.loads(line) for line in self.logs().splitlines() if line.startswith("{")]

    def post(self, body: bytes, content_type: str, *, secret: str = SIGNING_SECRET) -> int:
        headers = {"Content-Type": content_type, **signature_headers(body, secret=secret)}
        return http_request(self.base_url + "/slack/events", data=body, headers=headers).status


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition: Callable[[], bool], timeout: float, what: str,
               run: ServeRun | None = None) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if run is not None and run.process.poll() is not None:
            pytest.fail(f"serve exited with {run.process.returncode}:\n{run.logs()[-3000:]}")
        if time.monotonic() > deadline:
            tail = run.logs()[-3000:] if run else ""
            pytest.fail(f"timed out waiting for {what}:\n{tail}")
        time.sleep(0.05)


def answers(url: str) -> bool:
    try:
        return http_request(url, timeout=1).status == 200
    except OSError:
        return False


@pytest.fixture(scope="module")
def serve_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServeRun]:
    # A missing entry point or command fails here: a skip would hide a broken install.
    assert shutil.which("alliance-bot", path=str(Path(sys.executable).parent)), (
        "the alliance-bot entry point is not installed beside this Python")
    from bot.cli.main import build_parser

    assert build_parser().parse_args(["serve", "--http"]).mode == "http"
    workdir = tmp_path_factory.mktemp("serve")
    knowledge_dir = workdir / "knowledge"
    shutil.copytree(SHIPPED_KNOWLEDGE, knowledge_dir)
    port = free_port()
    with FakeSlack() as slack:
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("SLACK_", "DATABASE_", "LOG_", "ALLIANCE_"))}
        env.update(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_APP_TOKEN=APP_TOKEN,
                   SLACK_SIGNING_SECRET=SIGNING_SECRET, SLACK_API_URL=slack.api_url,
                   DATA_DIR=str(workdir / "data"), KNOWLEDGE_DIR=str(knowledge_dir),
                   ALLIANCE_BOT_ADMINS=ADMIN, LOG_FORMAT="json", LOG_LEVEL="DEBUG")
        log_path = workdir / "serve.log"
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                [str(Path(sys.executable).parent / "alliance-bot"), "serve", "--http",
                 "--host", "127.0.0.1", "--port", str(port)],
                cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT)
        run = ServeRun(f"http://127.0.0.1:{port}", log_path, knowledge_dir, process, slack)
        try:
            wait_until(lambda: answers(run.base_url + "/healthz"), STARTUP_SECONDS, "/healthz",
                       run)
            exercise(run)
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        yield run


def exercise(run: ServeRun) -> None:
    """What a few minutes in a workspace look like: a handful of signed requests and a reload."""
    verification = json.dumps(load_payload("url_verification")).encode()
    assert run.post(verification, "application/json") == 200

    mention = load_payload("app_mention")
    mention["event"]["text"] = "<@UBOT> who leads PHEV for the D segment?"
    assert run.post(json.dumps(mention).encode(), "application/json") == 200
    run.slack.wait_for("chat.postMessage", timeout=30)

    command = {**load_payload("slash_command"), "text": "who leads Europe?",
               "response_url": run.slack.response_url("ops")}
    assert run.post(urlencode(command).encode(), "application/x-www-form-urlencoded") == 200

    admin = {**load_payload("slash_command"), "user_id": ADMIN, "text": "admin reload",
             "response_url": run.slack.response_url("admin")}
    assert run.post(urlencode(admin).encode(), "application/x-www-form-urlencoded") == 200

    forged = json.dumps(load_payload("app_mention")).encode()
    assert run.post(forged, "application/json", secret="not-the-secret") == 401

    run.process.send_signal(signal.SIGHUP)
    wait_until(lambda: sum(e.get("trigger") == "SIGHUP" for e in run.log_entries()) >= 1,
               20, "the SIGHUP reload", run)
    wait_until(lambda: answers(run.base_url + "/readyz"), 20, "/readyz", run)
    assert "alliance_bot_questions_total" in http_request(run.base_url + "/metrics").body.decode()


def test_neither_token_nor_signing_secret_appears_in_the_logs(serve_run: ServeRun) -> None:
    logs = serve_run.logs()
    assert logs.strip(), "serve logged nothing"
    for name, value in (("SLACK_BOT_TOKEN", BOT_TOKEN), ("SLACK_APP_TOKEN", APP_TOKEN),
                        ("SLACK_SIGNING_SECRET", SIGNING_SECRET)):
        assert value not in logs, f"{name} leaked into the logs"


def test_the_token_did_reach_slack_so_the_run_could_have_leaked_it(serve_run: ServeRun) -> None:
    authorizations = {call.headers.get("Authorization") for call in serve_run.slack.calls}
    assert f"Bearer {BOT_TOKEN}" in authorizations


def test_every_log_line_is_json_off_a_terminal(serve_run: ServeRun) -> None:
    lines = [line for line in serve_run.logs().splitlines() if line.strip()]
    not_json = [line for line in lines if not line.startswith("{")]
    assert not not_json, not_json[:5]


def test_answers_are_logged_with_intent_understood_and_latency(serve_run: ServeRun) -> None:
    answered = [e for e in serve_run.log_entries() if "intent" in e and "latency_ms" in e]
    assert answered, "no log line carries intent and latency_ms"
    assert all("understood" in e for e in answered)
    assert any("event_id" in e or "request_id" in e for e in answered)


def test_sighup_reloads_the_knowledge_base_in_the_running_bot(serve_run: ServeRun) -> None:
    reloads = [e for e in serve_run.log_entries() if e.get("trigger") == "SIGHUP"]
    assert reloads[0]["message"] == "knowledge base reloaded"


def test_an_admin_reload_from_slack_is_answered(serve_run: ServeRun) -> None:
    replies = serve_run.slack.calls_to("response_url")
    texts = " ".join(json.dumps(call.params) for call in replies)
    assert "Knowledge base reloaded" in texts


def test_no_library_noise_reaches_the_logs(serve_run: ServeRun) -> None:
    """Bolt's token-unused warning on every start and uvicorn's ANSI-coloured copy of each
    message are noise a person reading the logs should not see."""
    logs = serve_run.logs()
    assert "will be unused" not in logs
    assert "color_message" not in logs and "\\u001b[" not in logs and "\x1b[" not in logs
