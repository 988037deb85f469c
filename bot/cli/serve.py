"""`alliance-bot serve --socket | --http [--port 3000] [--host 0.0.0.0]`.

Socket Mode (the default) needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN; HTTP mode needs
SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET. A missing one stops start-up with one line naming it.
On SIGINT/SIGTERM the server stops taking work, answers in flight are finished, and feature
startup hooks (digest scheduler, reload watcher) are stopped in reverse order.
"""

from __future__ import annotations

import argparse
import logging
import signal
import threading
from collections.abc import Callable

from bot.extensions import STARTUP_HOOKS, ServeContext
from bot.settings import Settings, load_settings

DEFAULT_PORT = 3000
DEFAULT_HOST = "0.0.0.0"  # behind a load balancer or in a container, listen on every interface
REQUIRED_SETTINGS = {
    "socket": ("slack_bot_token", "slack_app_token"),
    "http": ("slack_bot_token", "slack_signing_secret"),
}

logger = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `serve` to the `alliance-bot` parser."""
    parser = subparsers.add_parser(
        "serve", help="run the Slack app (Socket Mode by default, or HTTP)",
        description="Run the Slack app: Socket Mode for a single install behind a firewall, "
                    "HTTP mode (POST /slack/events) for replicas behind a load balancer.")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--socket", dest="mode", action="store_const", const="socket",
                      help="connect to Slack over a websocket (needs SLACK_APP_TOKEN; default)")
    mode.add_argument("--http", dest="mode", action="store_const", const="http",
                      help="serve Slack on POST /slack/events (needs SLACK_SIGNING_SECRET)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"HTTP mode port (default {DEFAULT_PORT})")
    parser.add_argument("--host", default=DEFAULT_HOST,
                        help="address to listen on: HTTP mode, and METRICS_PORT in Socket Mode "
                             f"(default {DEFAULT_HOST})")
    parser.set_defaults(handler=serve, mode="socket")


def configure_logging(settings: Settings) -> None:
    from bot.ops.logging import configure_logging as configure_structured_logging

    configure_structured_logging(settings)


def run_startup_hooks(context: ServeContext) -> list[Callable[[], None]]:
    stops = []
    for hook in STARTUP_HOOKS:
        stop = hook(context)
        if stop is not None:
            stops.append(stop)
    return stops


def stop_all(stops: list[Callable[[], None]]) -> None:
    for stop in reversed(stops):
        try:
            stop()
        except Exception:  # noqa: BLE001 - keep stopping the others
            logger.exception("A feature failed to stop cleanly")


def stop_on_signals(stop: threading.Event) -> None:
    """SIGINT/SIGTERM set `stop`; uvicorn, in HTTP mode, also re-raises them here when done."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())


def run_socket_mode_with_metrics(app: object, settings: Settings, host: str,
                                 stop: threading.Event) -> None:
    """Socket Mode; with METRICS_PORT set, /metrics, /healthz and /readyz on that port too."""
    from bot.slack.http_server import HttpServer, create_asgi_app
    from bot.slack.socket_mode import run_socket_mode

    metrics_server = None
    if settings.metrics_port is not None:
        metrics_server = HttpServer(create_asgi_app(), host=host,
                                    port=settings.metrics_port).start()
    try:
        run_socket_mode(app, settings.slack_app_token or "", stop)
    finally:
        if metrics_server is not None:
            metrics_server.stop()


def serve(args: argparse.Namespace) -> int:
    # Slack, the web server and the database are imported here, not at module level, so that
    # `alliance-bot ask` starts without them.
    from bot.features import load_features
    from bot.slack.app import build_app, build_web_client, shutdown_listeners
    from bot.slack.http_server import HttpServer, create_asgi_app
    from bot.storage.stores import open_stores
    from intents.assistant import Assistant

    settings = load_settings()
    configure_logging(settings)
    settings.require(*REQUIRED_SETTINGS[args.mode])
    load_features()

    stores = open_stores(settings)
    assistant = Assistant(settings.knowledge_dir)
    assistant.load_languages()  # French and Japanese too, before the bot reports ready
    client = build_web_client(settings)
    app = build_app(settings, assistant, stores, client)
    stop = threading.Event()
    stop_on_signals(stop)
    stops = run_startup_hooks(ServeContext(settings=settings, assistant=assistant,
                                           client=client, stores=stores, mode=args.mode))
    try:
        if args.mode == "http":
            HttpServer(create_asgi_app(app), host=args.host, port=args.port).run()
        else:
            run_socket_mode_with_metrics(app, settings, args.host, stop)
    finally:
        stop_all(stops)
        shutdown_listeners(app)
    return 0
