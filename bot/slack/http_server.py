"""HTTP mode: the Bolt app behind uvicorn, through Bolt's Starlette adapter.

`POST /slack/events` takes Events API deliveries, slash commands and interactivity; Bolt
verifies every signature (401 on a bad signature or a stale timestamp). The dispatch runs in
Starlette's thread pool so one slow request never blocks the event loop. `GET /healthz` says
the process is up, `GET /readyz` runs the registered readiness checks, and `GET /metrics`
exposes the Prometheus registry.

Readiness means "this replica can serve Slack". Answering needs the knowledge base, not the
database, so a database outage leaves `/readyz` at 200 with the database listed under
`degraded` (a 503 on every replica at once would take the whole service out of the load
balancer for a blip that does not stop answering). `/readyz?strict=1` answers 503 while
anything is degraded, for operators who want the database in the verdict.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any

import uvicorn
from slack_bolt import App
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from bot.extensions import DEGRADATION_CHECKS, READINESS_CHECKS
from bot.ops.metrics import CONTENT_TYPE, exposition

SLACK_EVENTS_PATH = "/slack/events"
MAX_BODY_BYTES = 1_000_000  # Slack's payloads are far smaller; anything bigger is not Slack
GRACEFUL_SHUTDOWN_SECONDS = 10
START_TIMEOUT_SECONDS = 10

logger = logging.getLogger(__name__)


def readiness_problems(checks: list | None = None) -> list[str]:
    """The reasons the process is not ready to serve; empty when it is."""
    problems = []
    for check in READINESS_CHECKS if checks is None else checks:
        try:
            problem = check()
        except Exception as error:  # noqa: BLE001 - a crashing check means not ready, not a 500
            problem = f"{getattr(check, '__name__', 'check')} failed: {error}"
        if problem:
            problems.append(problem)
    return problems


async def healthz(request: Request) -> Response:
    return PlainTextResponse("ok")


def strict(request: Request) -> bool:
    return request.query_params.get("strict", "").lower() in {"1", "true", "yes"}


async def readyz(request: Request) -> Response:
    problems = await run_in_threadpool(readiness_problems)
    degraded = await run_in_threadpool(readiness_problems, DEGRADATION_CHECKS)
    body: dict[str, object] = {"ready": not problems}
    if problems:
        body["reasons"] = problems
    if degraded:
        body["degraded"] = degraded
    failed = problems or (degraded and strict(request))
    return JSONResponse(body, status_code=503 if failed else 200)


async def metrics(request: Request) -> Response:
    return Response(await run_in_threadpool(exposition), media_type=CONTENT_TYPE)


def slack_endpoint(bolt_app: App) -> Callable[[Request], Awaitable[Response]]:
    async def slack_events(request: Request) -> Response:
        declared = request.headers.get("content-length", "0")
        if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
            return PlainTextResponse("payload too large", status_code=413)
        body = await request.body()
        if len(body) > MAX_BODY_BYTES:
            return PlainTextResponse("payload too large", status_code=413)
        try:
            bolt_request = to_bolt_request(request, body)
        except ValueError:  # not UTF-8, or a JSON body that does not parse
            return PlainTextResponse("unreadable body", status_code=400)
        bolt_response = await run_in_threadpool(bolt_app.dispatch, bolt_request)
        return to_starlette_response(bolt_response)

    return slack_events


def create_asgi_app(bolt_app: App | None = None, *, lifespan: Any = None) -> Starlette:
    """Health, readiness and metrics; plus the Slack endpoint when given a Bolt app.
    `lifespan` (a Starlette lifespan context) starts and stops a worker's features."""
    routes = [
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readyz, methods=["GET"]),
        Route("/metrics", metrics, methods=["GET"]),
    ]
    if bolt_app is not None:
        routes.append(Route(SLACK_EVENTS_PATH, slack_endpoint(bolt_app), methods=["POST"]))
    return Starlette(routes=routes, lifespan=lifespan)


class HttpServer:
    """uvicorn on a socket bound up front, so port 0 works and the port is known at once."""

    def __init__(self, asgi_app: Starlette, *, host: str = "127.0.0.1", port: int = 0) -> None:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.socket = socket.create_server((host, port), family=family, backlog=1024)
        self.server = uvicorn.Server(uvicorn.Config(
            asgi_app, log_config=None, access_log=False, lifespan="off",
            timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
        ))
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self.socket.getsockname()[1]

    @property
    def url(self) -> str:
        host = self.socket.getsockname()[0]
        return f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{self.port}"

    def run(self) -> None:
        """Serve until SIGINT/SIGTERM (uvicorn handles both in the main thread)."""
        logger.info("Serving HTTP", extra={"port": self.port})
        self.server.run(sockets=[self.socket])

    def start(self) -> HttpServer:
        """Serve from a background thread (tests and benchmarks)."""
        self._thread = threading.Thread(target=self.run, name="http-server", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while not self.server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the HTTP server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        if self._thread is not None:
            self._thread.join(GRACEFUL_SHUTDOWN_SECONDS + 5)
        self.socket.close()
