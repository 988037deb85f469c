"""Socket Mode: the same Bolt app, fed over a websocket instead of HTTP.

Socket Mode needs no public URL, which suits a single install behind a firewall. Envelopes go
through `App.dispatch` exactly like HTTP requests (same middleware, same listeners); the
acknowledgement is sent back over the socket.
"""

from __future__ import annotations

import logging
import threading

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

SOCKET_MODE_WORKERS = 16  # envelopes dispatched at once; each only acknowledges and returns

logger = logging.getLogger(__name__)


def build_socket_mode_handler(app: App, app_token: str) -> SocketModeHandler:
    """A handler that opens its connection through the app's Web API client (SLACK_API_URL)."""
    return SocketModeHandler(app, app_token=app_token, web_client=app.client,
                             concurrency=SOCKET_MODE_WORKERS)


def run_socket_mode(app: App, app_token: str, stop: threading.Event) -> None:
    """Connect and serve until `stop` is set, then close the connection."""
    handler = build_socket_mode_handler(app, app_token)
    handler.connect()
    logger.info("Connected in Socket Mode")
    try:
        stop.wait()
    finally:
        handler.close()
        logger.info("Socket Mode connection closed")
