"""A stand-in for Slack's Socket Mode websocket on 127.0.0.1: pushes envelopes, records acks.

Point the fake Web API's `socket_mode_url` at `server.url`; apps.connections.open then hands
it to the bot, which connects here as it would to Slack.
"""

from __future__ import annotations

import itertools
import json
import queue
import threading
import time
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import ServerConnection, serve

POLL_SECONDS = 0.02


class FakeSocketMode:
    def __init__(self) -> None:
        self.acks: list[dict[str, Any]] = []
        self._outbox: queue.Queue[str] = queue.Queue()
        self._connected = threading.Event()
        self._stopping = threading.Event()
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._server = serve(self._handle, "127.0.0.1", 0)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> FakeSocketMode:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopping.set()
        self._server.shutdown()

    @property
    def url(self) -> str:
        host, port = self._server.socket.getsockname()[:2]
        return f"ws://{host}:{port}/link/?ticket=test"

    def wait_connected(self, timeout: float = 10) -> None:
        if not self._connected.wait(timeout):
            raise AssertionError("the bot never connected over Socket Mode")

    def push(self, envelope_type: str, payload: dict[str, Any], *,
             retry_attempt: int = 0) -> str:
        """Send one envelope as Slack would; returns its envelope id."""
        envelope_id = f"envelope-{next(self._ids)}"
        envelope = {"envelope_id": envelope_id, "type": envelope_type, "payload": payload,
                    "accepts_response_payload": envelope_type != "events_api"}
        if envelope_type == "events_api":
            envelope.update(retry_attempt=retry_attempt, retry_reason="timeout" if
                            retry_attempt else "")
        self._outbox.put(json.dumps(envelope))
        return envelope_id

    def wait_for_ack(self, envelope_id: str, timeout: float = 10) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                for ack in self.acks:
                    if ack.get("envelope_id") == envelope_id:
                        return ack
            time.sleep(POLL_SECONDS)
        raise AssertionError(f"no ack for {envelope_id}; acks: {self.acks}")

    def _handle(self, connection: ServerConnection) -> None:
        connection.send(json.dumps({"type": "hello", "num_connections": 1,
                                    "connection_info": {"app_id": "A0"}}))
        self._connected.set()
        while not self._stopping.is_set():
            try:
                while not self._outbox.empty():
                    connection.send(self._outbox.get_nowait())
                message = connection.recv(timeout=POLL_SECONDS)
            except TimeoutError:
                continue
            except ConnectionClosed:
                return
            with self._lock:
                self.acks.append(json.loads(message))
