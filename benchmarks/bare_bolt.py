"""The floor of benchmarks/slack_http.py: a Bolt app that only verifies the signature and acks
with a dict lookup, served exactly as `alliance-bot serve --http` serves the bot (the same
Starlette adapter and uvicorn, the same worker model), so the difference is the bot's own work.

    .venv/bin/python -m benchmarks.bare_bolt --port 3001 [--workers N]

Reads SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET and SLACK_API_URL like the bot.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.cli.serve import available_cpus, run_supervised
from bot.slack.http_server import GRACEFUL_SHUTDOWN_SECONDS, HttpServer, create_asgi_app

CANNED = {"who leads Europe?": "Renault leads Europe.",
          "what does Nissan lead?": "Nissan leads China, North America and Japan."}
FLOOR_APP = f"{__name__}:floor_app"


def floor_app() -> Any:
    app = App(signing_secret=os.environ["SLACK_SIGNING_SECRET"],
              client=WebClient(token=os.environ["SLACK_BOT_TOKEN"],
                               base_url=os.environ["SLACK_API_URL"]),
              process_before_response=True, request_verification_enabled=True)

    @app.command("/alliance")
    def answer(ack: Ack, command: dict[str, Any]) -> None:
        ack(response_type="ephemeral", text=CANNED.get(command.get("text", ""), "I don't know."))

    @app.event("app_mention")
    def mentioned(ack: Ack) -> None:
        ack()

    # The bot freezes its start-up heap (intents.assistant) so that full collections skip it;
    # the floor gets the same treatment, or its tail would carry collections the bot avoids.
    gc.collect()
    gc.freeze()
    return create_asgi_app(app)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    workers = args.workers or available_cpus()
    if workers == 1:
        HttpServer(floor_app(), host=args.host, port=args.port).run()
        return 0
    import uvicorn

    config = uvicorn.Config(FLOOR_APP, factory=True, host=args.host, port=args.port,
                            workers=workers, log_config=None, access_log=False, lifespan="on",
                            timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS)
    run_supervised(config)
    return 0


if __name__ == "__main__":
    sys.exit(main())
