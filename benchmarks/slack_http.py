"""Signed slash commands against `alliance-bot serve --http` on loopback.

Starts the real command in a subprocess (real core, SQLite storage in a temporary directory)
pointed at the local fake Slack, then sends signed `/alliance <question>` requests from
CONCURRENCY clients, each on its own keep-alive connection. Reports p50/p99 latency of Slack's
view (request sent -> acknowledgement received) and requests per second, and checks that every
command was answered through its response_url.

    .venv/bin/python benchmarks/slack_http.py [--requests 5000] [--concurrency 50]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.fake_slack import FakeSlack  # noqa: E402 - after the path is set

SIGNING_SECRET = "benchmark-signing-secret"
BOT_TOKEN = "xoxb-benchmark"
QUESTIONS = ["who leads PHEV for the D segment?", "what does Nissan lead?", "who leads Europe?",
             "who leads Brazil?", "who follows in North America?", "is Mitsubishi the leader "
             "in Oceania?", "who leads connected technology in China?", "and in Japan?"]
TARGET_P99_MS = 50


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def signed(body: bytes) -> dict[str, str]:
    stamp = str(int(time.time()))
    digest = hmac.new(SIGNING_SECRET.encode(), b"v0:" + stamp.encode() + b":" + body,
                      hashlib.sha256).hexdigest()
    return {"Content-Type": "application/x-www-form-urlencoded",
            "X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={digest}"}


def command_body(index: int, response_url: str) -> bytes:
    return urlencode({
        "token": "x", "team_id": "T0", "channel_id": "C111", "user_id": "U111",
        "command": "/alliance", "text": QUESTIONS[index % len(QUESTIONS)],
        "response_url": response_url, "trigger_id": "1.2.3",
    }).encode()


async def run_clients(url: str, response_url: str, total: int, concurrency: int,
                      rate: float | None = None) -> tuple[list[float], float, int]:
    """Closed loop (each client sends as soon as its last request was acknowledged), or, with
    `rate`, open loop: the clients together offer `rate` requests per second."""
    latencies: list[float] = []
    failures = 0
    counter = iter(range(total))
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:
        async def client() -> None:
            nonlocal failures
            for index in counter:
                if rate:
                    await asyncio.sleep(max(0.0, begun + index / rate - time.perf_counter()))
                body = command_body(index, response_url)
                started = time.perf_counter()
                async with session.post(url, data=body, headers=signed(body)) as response:
                    await response.read()
                    if response.status != 200:
                        failures += 1
                latencies.append(time.perf_counter() - started)

        started = begun = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return latencies, elapsed, failures


def wait_until_healthy(base_url: str, process: subprocess.Popen) -> None:
    import urllib.request

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"serve exited early:\n{process.communicate()[0]}")
        try:
            with urllib.request.urlopen(base_url + "/healthz", timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    sys.exit("serve --http did not become healthy within 60 s")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--rate", type=float, default=None,
                        help="offer this many requests/s in total (open loop) instead of "
                             "sending as fast as acknowledgements come back")
    args = parser.parse_args()

    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    with FakeSlack() as slack, tempfile.TemporaryDirectory() as data_dir:
        environment = {**os.environ, "SLACK_BOT_TOKEN": BOT_TOKEN,
                       "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_URL": slack.api_url,
                       "DATA_DIR": data_dir, "LOG_LEVEL": "WARNING", "PYTHONPATH": os.pathsep.join(
                           filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        environment.pop("DATABASE_URL", None)
        process = subprocess.Popen(
            [sys.executable, "-c", "import sys; from bot.cli.main import main; sys.exit(main())",
             "serve", "--http", "--host", "127.0.0.1", "--port", str(port)],
            cwd=data_dir, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True)
        try:
            wait_until_healthy(base_url, process)
            url = base_url + "/slack/events"
            asyncio.run(run_clients(url, slack.response_url(), args.warmup, args.concurrency))
            slack.wait_for("response_url", args.warmup, timeout=120)
            slack.reset()
            latencies, elapsed, failures = asyncio.run(run_clients(
                url, slack.response_url(), args.requests, args.concurrency, args.rate))
            answer_started = time.perf_counter()
            slack.wait_for("response_url", args.requests, timeout=300)
            drain = time.perf_counter() - answer_started
        finally:
            process.send_signal(signal.SIGINT)
            process.communicate(timeout=30)

    p50, p99 = percentile(latencies, 0.50) * 1000, percentile(latencies, 0.99) * 1000
    load = f"open loop at {args.rate:g} requests/s offered" if args.rate else "closed loop"
    print(f"serve --http, {args.requests} signed slash commands, {args.concurrency} clients, "
          f"{load} ({os.cpu_count()} CPUs)")
    print(f"  acknowledgement latency  p50 {p50:.1f} ms   p99 {p99:.1f} ms   "
          f"mean {statistics.mean(latencies) * 1000:.1f} ms   max {max(latencies) * 1000:.1f} ms")
    print(f"  throughput               {args.requests / elapsed:.0f} requests/s "
          f"({elapsed:.2f} s)")
    print(f"  answered                 {args.requests}/{args.requests} through response_url "
          f"(last one {drain:.2f} s after the last acknowledgement); non-200: {failures}")
    print(f"  target p99 <= {TARGET_P99_MS} ms: {'met' if p99 <= TARGET_P99_MS else 'NOT met'}")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
