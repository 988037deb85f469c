"""How long `send-due` takes to claim and send 1,000 digests against the local Slack stand-in.

    .venv/bin/python -m benchmarks.digest_send_due [--channels 1000] [--database-url URL]

SQLite in a temporary directory unless --database-url names another database (its tables are
created there; use a scratch database). Prints the timings and checks that exactly one message
went to each channel, and that a second pass sends nothing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import delete

from bot.digest import store
from bot.digest.delivery import digest_client, send_due
from bot.digest.schedule import DAILY, Plan
from bot.settings import Settings
from bot.storage.models import DigestDelivery, DigestSubscription, dispose_engines, ensure_database
from intents.assistant import Assistant
from tests.support.fake_slack import FakeSlack

AT = datetime(2024, 1, 15, 9, 30, tzinfo=UTC)
ZONES = ("Europe/Paris", "Asia/Tokyo", "America/New_York", "UTC")


def run(channels: int, database_url: str | None, data_dir: Path) -> int:
    with FakeSlack() as slack:
        settings = Settings(_env_file=None, database_url=database_url, data_dir=data_dir,
                            slack_bot_token="xoxb-bench", slack_api_url=slack.api_url)
        engine = ensure_database(settings)
        with engine.begin() as connection:
            connection.execute(delete(DigestDelivery))
            connection.execute(delete(DigestSubscription))
        names = [f"CBENCH{number:05d}" for number in range(channels)]
        for number, channel in enumerate(names):
            store.subscribe(engine, channel_id=channel, team_id="T1", user_id="U1",
                            plan=Plan("00:00", ZONES[number % len(ZONES)], DAILY),
                            now=datetime(2024, 1, 1, tzinfo=UTC))
        client, assistant = digest_client(settings), Assistant()

        started = time.perf_counter()
        report = send_due(engine, client, assistant, now=AT)
        elapsed = time.perf_counter() - started
        again = send_due(engine, client, assistant, now=AT)
        posted = Counter(call.params["channel"] for call in slack.calls_to("chat.postMessage"))

    dispose_engines()
    exact = posted == Counter(names) and again.sent == 0
    print(f"database: {engine.dialect.name}; channels: {channels}")
    print(f"claim + build + send: {elapsed:.2f} s ({elapsed / channels * 1000:.2f} ms a channel, "
          f"{channels / elapsed:.0f} digests/s)")
    print(f"first pass: {report}; second pass: {again}")
    print(f"messages: {sum(posted.values())} to {len(posted)} channels; "
          f"exactly one each: {'yes' if exact else 'NO'}")
    return 0 if exact else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--channels", type=int, default=1000)
    parser.add_argument("--database-url", help="default: SQLite in a temporary directory")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        return run(args.channels, args.database_url, Path(scratch))


if __name__ == "__main__":
    sys.exit(main())
