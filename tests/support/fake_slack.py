"""A stand-in for the Slack Web API on 127.0.0.1, for offline tests and benchmarks.

Point the bot at `server.api_url` (SLACK_API_URL). Every call is recorded with its method and
parameters; canned responses can be set per method, and failures (429 with Retry-After, 500,
Slack errors such as `channel_not_found`) injected for the next N calls of a method.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

from tests.support.block_kit import block_problems, blocks_of_call


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    headers: dict[str, str]
    at: float = field(default_factory=time.monotonic)  # arrival, to check waits such as Retry-After


@dataclass
class Failure:
    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)


def _decode_params(content_type: str, raw: bytes) -> dict[str, Any]:
    if not raw:
        return {}
    text = raw.decode("utf-8", errors="replace")
    if "json" in content_type:
        return json.loads(text)
    params: dict[str, Any] = dict(parse_qsl(text, keep_blank_values=True))
    for key in ("blocks", "view", "attachments"):
        if isinstance(params.get(key), str):
            with contextlib.suppress(json.JSONDecodeError):
                params[key] = json.loads(params[key])
    return params


class FakeSlack:
    """Start with `with FakeSlack() as slack:`; read `slack.calls` or `slack.wait_for(...)`."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.responses: dict[str, dict[str, Any]] = {}
        self.user_timezones: dict[str, str] = {}
        self.user_locales: dict[str, str] = {}  # users.info with include_locale
        self._failures: dict[str, deque[Failure]] = defaultdict(deque)
        self._delays: dict[str, float] = {}
        self.socket_mode_url: str | None = None  # what apps.connections.open hands out
        # Blocks Slack would have refused (`invalid_blocks`); leaving the server with any fails.
        self.invalid_blocks: list[str] = []
        self._lock = threading.Lock()
        self._ts = itertools.count(1)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        # A short poll interval keeps shutdown (and so every test's teardown) quick.
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)

    # -- lifecycle -------------------------------------------------------------------------
    def __enter__(self) -> FakeSlack:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        assert not self.invalid_blocks, "Slack would refuse these blocks:\n" + "\n".join(
            self.invalid_blocks)

    @property
    def api_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/api/"

    def response_url(self, tag: str = "") -> str:
        """A `response_url` served here; its calls are recorded as method "response_url"."""
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/hooks/response_url" + (f"?tag={tag}" if tag else "")

    # -- test controls ---------------------------------------------------------------------
    def fail_next(self, method: str, *, status: int = 200, error: str | None = None,
                  retry_after: int | None = None, times: int = 1) -> None:
        """Answer the next `times` calls of `method` with a failure instead of success."""
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
        body = {"ok": False, "error": error or ("ratelimited" if status == 429 else "fatal_error")}
        with self._lock:
            for _ in range(times):
                self._failures[method].append(Failure(status, body, headers))

    def delay(self, method: str, seconds: float) -> None:
        """Answer every later call of `method` only after `seconds` (0 removes the delay);
        the call is recorded on arrival, so a test can act while the caller waits."""
        with self._lock:
            self._delays[method] = seconds

    def calls_to(self, method: str) -> list[Call]:
        with self._lock:
            return [call for call in self.calls if call.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[Call]:
        """Poll until `method` was called at least `count` times; fail the test otherwise."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            calls = self.calls_to(method)
            if len(calls) >= count:
                return calls
            time.sleep(0.01)
        raise AssertionError(
            f"expected {count} call(s) to {method}, got {len(self.calls_to(method))}: "
            f"{[c.method for c in self.calls]}"
        )

    def reset(self) -> None:
        assert not self.invalid_blocks, "Slack would refuse these blocks:\n" + "\n".join(
            self.invalid_blocks)
        with self._lock:
            self.calls.clear()
            self._failures.clear()
            self._delays.clear()

    # -- serving ---------------------------------------------------------------------------
    def _respond(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any], dict]:
        with self._lock:
            pause = self._delays.get(method, 0.0)
        if pause:
            time.sleep(pause)
        problems = block_problems(blocks) if (blocks := blocks_of_call(method, params)) else []
        if problems:
            with self._lock:
                self.invalid_blocks += [f"{method}: {problem}" for problem in problems]
            return (400 if method == "response_url" else 200), {
                "ok": False, "error": "invalid_blocks", "errors": problems}, {}
        with self._lock:
            queue = self._failures.get(method)
            if queue:
                failure = queue.popleft()
                return failure.status, failure.body, failure.headers
            canned = self.responses.get(method)
        if canned is not None:
            return 200, canned, {}
        return 200, self._default_body(method, params), {}

    def _default_body(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        if method in ("chat.postMessage", "chat.update", "chat.postEphemeral"):
            ts = params.get("ts") or f"{1700000000 + next(self._ts)}.000100"
            return {"ok": True, "channel": params.get("channel", "C0"), "ts": ts,
                    "message_ts": ts}
        if method == "auth.test":
            return {"ok": True, "user_id": "UBOT", "bot_id": "BBOT", "team_id": "T0",
                    "user": "alliance-bot", "team": "Test", "url": "https://test.slack.com/"}
        if method == "users.info":
            user = params.get("user", "U0")
            tz = self.user_timezones.get(user, "Europe/Paris")
            found = {"id": user, "tz": tz, "is_bot": False}
            if params.get("include_locale") in (True, "true", "1", 1):
                found["locale"] = self.user_locales.get(user, "en-US")
            return {"ok": True, "user": found}
        if method == "apps.connections.open":
            if self.socket_mode_url:
                return {"ok": True, "url": self.socket_mode_url}
            return {"ok": False, "error": "not_supported_by_fake"}
        return {"ok": True}

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                method = self.path.rsplit("/", 1)[-1].split("?", 1)[0]
                params = _decode_params(self.headers.get("Content-Type", ""), raw)
                call = Call(method=method, params=params, headers=dict(self.headers.items()))
                with fake._lock:
                    fake.calls.append(call)
                status, body, headers = fake._respond(method, params)
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(payload)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST  # noqa: N815 - some SDK calls use GET

            def log_message(self, *args: object) -> None:
                return

        return Handler
