"""`alliance-bot serve`: one-line configuration errors, and both modes end to end.

The end-to-end tests start the real command in a subprocess, with the real core and the
default SQLite storage in a temporary directory, against the local fake Slack.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest

from bot.cli.main import main
from tests.slack.conftest import (
    BOT_TOKEN,
    SIGNING_SECRET,
    http_request,
    load_payload,
    signature_headers,
)
from tests.slack.fake_socket_mode import FakeSocketMode
from tests.support.polling import holds_for, wait_until

STARTUP_SECONDS = 60
SLACK_VARIABLES = ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_API_URL")


@pytest.fixture
def clean_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in SLACK_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no .env to pick up
    return tmp_path


@pytest.mark.parametrize("arguments, present, missing", [
    (["serve", "--http"], {"SLACK_BOT_TOKEN": BOT_TOKEN}, "SLACK_SIGNING_SECRET"),
    (["serve", "--socket"], {"SLACK_BOT_TOKEN": BOT_TOKEN}, "SLACK_APP_TOKEN"),
    (["serve"], {"SLACK_APP_TOKEN": "xapp-1"}, "SLACK_BOT_TOKEN"),
    (["serve", "--http"], {"SLACK_SIGNING_SECRET": SIGNING_SECRET}, "SLACK_BOT_TOKEN"),
])
def test_a_missing_setting_stops_start_up_with_one_line_naming_it(
        clean_environment, monkeypatch, capsys, arguments, present, missing):
    for name, value in present.items():
        monkeypatch.setenv(name, value)
    assert main(arguments) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert missing in error
    assert "Traceback" not in error


def test_a_malformed_api_url_stops_start_up_naming_it(clean_environment, monkeypatch, capsys):
    monkeypatch.setenv("SLACK_API_URL", "slack.example")
    assert main(["serve", "--http"]) == 1
    error = capsys.readouterr().err
    assert "SLACK_API_URL" in error and error.count("\n") == 1


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_serve(arguments: list[str], slack, tmp_path: Path) -> subprocess.Popen:
    environment = {
        **{key: value for key, value in os.environ.items() if key not in SLACK_VARIABLES},
        "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_APP_TOKEN": "xapp-test", "SLACK_API_URL": slack.api_url,
        "DATA_DIR": str(tmp_path / "data"), "LOG_FORMAT": "text",
    }
    environment.pop("DATABASE_URL", None)
    command = [sys.executable, "-c", "import sys; from bot.cli.main import main; sys.exit(main())",
               *arguments]
    return subprocess.Popen(command, cwd=tmp_path, env={**environment, "PYTHONPATH": os.getcwd()},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def stop_serve(process: subprocess.Popen) -> tuple[int, str]:
    process.send_signal(signal.SIGTERM)
    try:
        output, _ = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
    return process.returncode, output


def wait_until_healthy(base_url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"serve exited: {process.communicate()[0]}")
        try:
            if http_request(base_url + "/healthz", timeout=1).status == 200:
                return
        except OSError:
            pass
        time.sleep(0.05)
    raise AssertionError("serve --http never became healthy")


@pytest.fixture(params=[1, 2], ids=["1-worker", "2-workers"])
def http_serve(request, slack, tmp_path: Path) -> Iterator[str]:
    port = free_port()
    process = start_serve(["serve", "--http", "--host", "127.0.0.1", "--port", str(port),
                           "--workers", str(request.param)], slack, tmp_path)
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(base_url, process)
        yield base_url
    finally:
        code, output = stop_serve(process)
        assert code == 0, output
        assert BOT_TOKEN not in output and SIGNING_SECRET not in output


def test_serve_http_answers_a_signed_slash_command_with_the_real_core(http_serve, slack):
    fields = {**load_payload("slash_command"), "response_url": slack.response_url()}
    body = urlencode(fields).encode()
    reply = http_request(http_serve + "/slack/events", data=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", **signature_headers(body)})
    assert reply.status == 200
    answer = reply.json()
    assert "Mitsubishi leads plug-in hybrids" in answer["text"]
    assert "Alliance leader-follower article, ¶10 — as of May 2020" in json.dumps(
        answer, ensure_ascii=False)
    # counted after the acknowledgement; with 2 workers, whichever answers /metrics adds up both
    wait_until(lambda: 'surface="slash"' in http_request(http_serve + "/metrics").body.decode(),
               what="the slash question to be counted")
    assert http_request(http_serve + "/readyz").status == 200
    assert slack.calls_to("response_url") == []


def test_serve_http_answers_a_repeated_delivery_once_whichever_worker_gets_it(http_serve, slack):
    body = json.dumps(load_payload("app_mention")).encode()
    headers = {"Content-Type": "application/json"}
    for attempt in range(4):  # with 2 workers, the repeats are spread over both
        retry = {"X-Slack-Retry-Num": str(attempt)} if attempt else {}
        reply = http_request(http_serve + "/slack/events", data=body,
                             headers={**headers, **retry, **signature_headers(body)})
        assert reply.status == 200
    slack.wait_for("chat.postMessage", timeout=20)
    holds_for(lambda: len(slack.calls_to("chat.postMessage")) == 1, 1.5, "one answer")


def test_serve_socket_connects_and_answers(slack, tmp_path, monkeypatch):
    metrics_port = free_port()
    monkeypatch.setenv("METRICS_PORT", str(metrics_port))
    with FakeSocketMode() as socket_mode:
        slack.socket_mode_url = socket_mode.url
        process = start_serve(["serve", "--socket", "--host", "127.0.0.1"], slack, tmp_path)
        try:
            socket_mode.wait_connected(timeout=STARTUP_SECONDS)
            command = {**load_payload("slash_command"), "response_url": slack.response_url()}
            ack = socket_mode.wait_for_ack(socket_mode.push("slash_commands", command))
            assert "Mitsubishi leads plug-in hybrids" in ack["payload"]["text"]
            base_url = f"http://127.0.0.1:{metrics_port}"
            wait_until_healthy(base_url, process)
            wait_until(lambda: 'surface="slash"' in http_request(base_url + "/metrics")
                       .body.decode(), what="the slash question to be counted")
            assert http_request(base_url + "/readyz").status == 200
        finally:
            code, output = stop_serve(process)
        assert code == 0, output
