"""`alliance-bot serve --socket | --http [--port 3000] [--host 0.0.0.0] [--workers N]`.

Socket Mode (the default) needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN; HTTP mode needs
SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET. A missing one stops start-up with one line naming it.
On SIGINT/SIGTERM the server stops taking work, answers in flight are finished, and feature
startup hooks (digest scheduler, reload watcher) are stopped in reverse order, then what the
storage spool still holds is written.

HTTP mode runs `--workers` processes (default: the CPUs this process may use) under uvicorn's
supervisor, all accepting on one socket. Each worker is a whole bot (core, stores, scheduler,
reload watcher); what must be shared is shared through the database (de-duplication, digest
claims), and metrics through prometheus_client's multiprocess mode. SIGHUP is passed on to
every worker (each reloads its knowledge base); a worker that dies is replaced.
"""

from __future__ import annotations

import argparse
import gc
import inspect
import logging
import math
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
    parser.add_argument("--workers", type=positive_int, default=None,
                        help="HTTP mode: worker processes (default: one per CPU available)")
    parser.set_defaults(handler=serve, mode="socket")


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def available_cpus() -> int:
    """CPUs this process may use: its affinity, capped by a cgroup v2 CPU quota (a container's
    CPU limit), since os.cpu_count() counts the whole node."""
    count = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)
    try:
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text().split()[:2]
        if quota != "max":
            count = min(count, math.ceil(int(quota) / int(period)))
    except (OSError, ValueError):
        pass
    return max(1, count)


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


def freeze_start_up_heap() -> None:
    """What start-up built (core, Slack app, stores, feature threads) lives as long as the
    process: collect the garbage, then keep the rest out of every later collection, whose
    pauses stop every request (the floor of benchmarks/slack_http.py gets the same)."""
    gc.collect()
    gc.freeze()


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


@dataclass
class Runtime:
    """One serving bot: its stores, core, Slack app and feature hooks."""

    settings: Settings
    mode: str
    stores: Any  # bot.storage.resilient.ResilientStores
    app: Any  # slack_bolt.App
    context: ServeContext
    stops: list[Callable[[], None]] = field(default_factory=list)

    def start(self) -> None:
        self.stops = run_startup_hooks(self.context)

    def stop(self) -> None:
        from bot.slack.app import shutdown_listeners

        stop_all(self.stops)
        shutdown_listeners(self.app)
        self.stores.close()


def build_runtime(settings: Settings, mode: str) -> Runtime:
    # Slack, the web server and the database are imported here, not at module level, so that
    # `alliance-bot ask` starts without them.
    from bot.slack.app import build_app, build_web_client
    from bot.storage.resilient import open_resilient_stores
    from bot.teaching.load import assistant_for

    stores = open_resilient_stores(settings)
    assistant = assistant_for(settings)  # with the taught phrases: no second build to add them
    assistant.load_languages()  # French and Japanese too, before the bot reports ready
    client = build_web_client(settings)
    app = build_app(settings, assistant, stores.as_stores(), client)
    context = ServeContext(settings=settings, assistant=assistant, client=client,
                           stores=stores.as_stores(), mode=mode)
    return Runtime(settings=settings, mode=mode, stores=stores, app=app, context=context)


def serve(args: argparse.Namespace) -> int:
    from bot.cli.ops import require_slack
    from bot.features import load_features
    from bot.slack.http_server import HttpServer, create_asgi_app

    settings = load_settings()
    configure_logging(settings)
    settings.require(*REQUIRED_SETTINGS[args.mode])
    require_slack(settings)
    load_features()
    workers = args.workers or available_cpus()
    if args.mode == "http" and workers > 1:
        return serve_http_workers(settings, args.host, args.port, workers)

    runtime = build_runtime(settings, args.mode)
    stop = threading.Event()
    stop_on_signals(stop)
    runtime.start()
    freeze_start_up_heap()
    try:
        if args.mode == "http":
            HttpServer(create_asgi_app(runtime.app), host=args.host, port=args.port).run()
        else:
            run_socket_mode_with_metrics(runtime.app, settings, args.host, stop)
    finally:
        runtime.stop()
    return 0


# -- several HTTP workers ------------------------------------------------------------------
WORKER_APP = f"{__name__}:worker_app"


def serve_http_workers(settings: Settings, host: str, port: int, workers: int) -> int:
    """uvicorn's supervisor over `workers` processes sharing one listening socket."""
    import uvicorn

    from bot.slack.http_server import GRACEFUL_SHUTDOWN_SECONDS
    from bot.storage.models import dispose_engines, ensure_database
    from bot.storage.resilient import is_outage

    metrics_dir = prepare_multiprocess_metrics()
    try:  # once here rather than racing in every worker; a worker retries if this fails
        ensure_database(settings)
    except Exception as error:
        if not is_outage(error):
            raise
        logger.warning("Database unreachable at start-up: the workers will retry")
    finally:
        dispose_engines()  # the workers open their own connections
    config = uvicorn.Config(WORKER_APP, factory=True, host=host, port=port, workers=workers,
                            log_config=None, access_log=False, lifespan="on",
                            timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS)
    logger.info("Serving HTTP", extra={"port": port, "workers": workers})
    try:
        run_supervised(config)
    finally:
        if metrics_dir is not None:
            shutil.rmtree(metrics_dir, ignore_errors=True)
    return 0


def prepare_multiprocess_metrics() -> str | None:
    """Point prometheus_client's multiprocess mode at an empty directory before any worker
    starts; returns the directory when this process made it (and removes it at exit)."""
    from bot.ops.metrics import MULTIPROCESS_DIR_VARIABLE

    existing = os.environ.get(MULTIPROCESS_DIR_VARIABLE)
    if existing:
        for stale in Path(existing).glob("*.db"):  # a previous run's values would add up
            stale.unlink()
        return None
    made = tempfile.mkdtemp(prefix="alliance-bot-metrics-")
    os.environ[MULTIPROCESS_DIR_VARIABLE] = made
    return made


def run_supervised(config: Any) -> None:
    """Run `config.workers` uvicorn workers under the supervisor until SIGINT/SIGTERM."""
    import uvicorn

    supervisor = supervisor_class()
    options: dict[str, Any] = {"sockets": [config.bind_socket()]}
    if "target" in inspect.signature(supervisor.__init__).parameters:  # uvicorn < 0.36
        options["target"] = uvicorn.Server(config=config).run
    supervisor(config, **options).run()


def supervisor_class() -> type:
    from uvicorn.supervisors import Multiprocess

    class Supervisor(Multiprocess):
        """uvicorn's supervisor, except that SIGHUP reaches the workers (each reloads its
        knowledge base) instead of restarting them."""

        def handle_hup(self) -> None:
            for process in self.processes:
                if process.pid is not None:
                    os.kill(process.pid, signal.SIGHUP)

    return Supervisor


def worker_app() -> Any:
    """The ASGI app of one HTTP worker (imported by uvicorn in the worker process)."""
    from bot.features import load_features
    from bot.ops.metrics import worker_exited
    from bot.slack.http_server import create_asgi_app

    settings = load_settings()
    configure_logging(settings)
    load_features()
    runtime = build_runtime(settings, "http")

    @asynccontextmanager
    async def lifespan(_app: Any) -> AsyncIterator[None]:
        runtime.start()  # in the worker's main thread, so SIGHUP can be handled
        freeze_start_up_heap()
        try:
            yield
        finally:
            runtime.stop()
            worker_exited(os.getpid())

    return create_asgi_app(runtime.app, lifespan=lifespan)
