"""Signed slash commands against `alliance-bot serve --http`, beside a bare-Bolt floor.

Starts, in subprocesses on loopback, the real command (real core, SQLite storage in a
temporary directory, the local fake Slack) and `benchmarks/bare_bolt.py` (a Bolt app that
only verifies the signature and acks with a dict lookup), served the same way with the same
number of workers. Then runs the same load against each, alternating floor, bot, floor, bot...
(`--runs` each, 3 by default): CONCURRENCY clients, each on its own keep-alive connection,
sending signed `/alliance <question>` requests as fast as acknowledgements come back.
Reports p50/p99 of Slack's view (request sent -> acknowledgement received) and requests per
second for each run, the medians, and the ratio of the bot's median p99 to the floor's; checks
that every acknowledgement of the bot carries the answer and that no second round trip
(response_url) happened. `--mentions` measures signed app_mention events the same way (the
answer is then posted with chat.postMessage, off the acknowledgement path).

    .venv/bin/python benchmarks/slack_http.py [--requests 3000] [--concurrency 50] [--runs 3]
        [--workers N] [--mentions] [--rate R] [--bot-root OLD_CHECKOUT]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.cli.serve import available_cpus  # noqa: E402 - after the path is set
from tests.support.fake_slack import FakeSlack  # noqa: E402

SIGNING_SECRET = "benchmark-signing-secret"
BOT_TOKEN = "xoxb-benchmark"
QUESTIONS = ["who leads PHEV for the D segment?", "what does Nissan lead?", "who leads Europe?",
             "who leads Brazil?", "who follows in North America?", "is Mitsubishi the leader "
             "in Oceania?", "who leads connected technology in China?", "and in Japan?"]
BAR_RATIO = 1.5  # the bot's ack p99 within 1.5x the floor's


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def signed(body: bytes, content_type: str) -> dict[str, str]:
    stamp = str(int(time.time()))
    digest = hmac.new(SIGNING_SECRET.encode(), b"v0:" + stamp.encode() + b":" + body,
                      hashlib.sha256).hexdigest()
    return {"Content-Type": content_type, "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": f"v0={digest}"}


def command_body(index: int, response_url: str) -> tuple[bytes, str]:
    return urlencode({
        "token": "x", "team_id": "T0", "channel_id": "C111", "user_id": "U111",
        "command": "/alliance", "text": QUESTIONS[index % len(QUESTIONS)],
        "response_url": response_url, "trigger_id": "1.2.3",
    }).encode(), "application/x-www-form-urlencoded"


def mention_body(index: int, response_url: str) -> tuple[bytes, str]:
    ts = f"{1700000000 + index}.000100"
    return json.dumps({
        "token": "x", "team_id": "T0", "api_app_id": "A0", "type": "event_callback",
        "event_id": f"EvBench{time.time_ns()}{index}", "event_time": 1700000000,
        "authorizations": [{"team_id": "T0", "user_id": "UBOT", "is_bot": True}],
        "event": {"type": "app_mention", "user": "U111", "channel": "C111", "ts": ts,
                  "event_ts": ts, "text": f"<@UBOT> {QUESTIONS[index % len(QUESTIONS)]}"},
    }).encode(), "application/json"


@dataclass
class Run:
    target: str
    latencies: list[float]
    elapsed: float
    failures: int  # non-200, or (bot, slash) an acknowledgement without the answer

    def p(self, fraction: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.elapsed


async def run_clients(target: str, url: str, response_url: str, total: int, concurrency: int,
                      body_of, expect_answer: bool, rate: float | None = None) -> Run:
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
                body, content_type = body_of(index, response_url)
                started = time.perf_counter()
                async with session.post(url, data=body,
                                        headers=signed(body, content_type)) as response:
                    payload = await response.read()
                latencies.append(time.perf_counter() - started)
                if response.status != 200 or (expect_answer and b"asked" not in payload):
                    failures += 1

        started = begun = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return Run(target, latencies, elapsed, failures)


def wait_until_healthy(base_url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"a server exited early:\n{process.communicate()[0]}")
        try:
            with urllib.request.urlopen(base_url + "/healthz", timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    sys.exit("a server did not become healthy within 90 s")


def start(command: list[str], environment: dict[str, str], cwd: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, *command], cwd=cwd, env=environment,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def stop(process: subprocess.Popen) -> str:
    """Stop a server; returns what it printed."""
    process.send_signal(signal.SIGINT)
    try:
        return process.communicate(timeout=30)[0]
    except subprocess.TimeoutExpired:
        process.kill()
        return process.communicate()[0]


def measure(surface: str, urls: dict[str, str], slack: FakeSlack, args) -> list[Run]:
    in_ack = surface == "slash" and not args.bot_root
    body_of = command_body if surface == "slash" else mention_body
    runs = []
    for target, url in urls.items():  # warm-up, not counted
        asyncio.run(run_clients(target, url, slack.response_url(), args.warmup,
                                args.concurrency, body_of, False))
    for _ in range(args.runs):
        for target in ("floor", "bot"):  # alternating, so drift on a shared machine hits both
            runs.append(asyncio.run(run_clients(
                target, urls[target], slack.response_url(), args.requests, args.concurrency,
                body_of, expect_answer=in_ack and target == "bot", rate=args.rate)))
    return runs


def report(surface: str, runs: list[Run], args, slack: FakeSlack) -> bool:
    print(f"\n{surface}: {args.requests} signed requests per run, {args.concurrency} clients, "
          f"{f'open loop at {args.rate:g}/s' if args.rate else 'closed loop'}, "
          f"{args.runs} alternating runs each, {args.workers} worker(s) each "
          f"({os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f} at the end)")
    print(f"  {'run':<8}{'p50 ms':>9}{'p99 ms':>9}{'req/s':>8}{'failed':>8}")
    for run in runs:
        print(f"  {run.target:<8}{run.p(0.5):>9.1f}{run.p(0.99):>9.1f}{run.throughput:>8.0f}"
              f"{run.failures:>8}")
    medians = {}
    for target in ("floor", "bot"):
        mine = [run for run in runs if run.target == target]
        medians[target] = (statistics.median(run.p(0.5) for run in mine),
                           statistics.median(run.p(0.99) for run in mine),
                           statistics.median(run.throughput for run in mine))
        p50, p99, rps = medians[target]
        print(f"  median {target:<6} p50 {p50:.1f} ms   p99 {p99:.1f} ms   {rps:.0f} req/s")
    ratio = medians["bot"][1] / medians["floor"][1]
    failed = sum(run.failures for run in runs)
    p50_ratio = medians["bot"][0] / medians["floor"][0]
    print(f"  ratio bot/floor  p99 {ratio:.2f}x   p50 {p50_ratio:.2f}x"
          f"   throughput {medians['bot'][2] / medians['floor'][2]:.2f}x")
    ok = failed == 0
    if surface == "slash" and args.bot_root:
        print(f"  bot from {args.bot_root}: answered through response_url "
              f"{len(slack.calls_to('response_url'))} times")
    elif surface == "slash":
        second_trips = len(slack.calls_to("response_url"))
        print(f"  answer in the acknowledgement: {'every one' if failed == 0 else 'NOT always'}; "
              f"response_url calls: {second_trips}")
        print(f"  bar p99 <= {BAR_RATIO}x floor: {'met' if ratio <= BAR_RATIO else 'NOT met'}")
        ok = ok and second_trips == 0
    else:
        print(f"  answers posted with chat.postMessage: {len(slack.calls_to('chat.postMessage'))}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=300)
    parser.add_argument("--workers", type=int, default=available_cpus())
    parser.add_argument("--mentions", action="store_true",
                        help="also measure signed app_mention events")
    parser.add_argument("--rate", type=float, default=None,
                        help="offer this many requests/s in total (open loop) instead of "
                             "sending as fast as acknowledgements come back")
    parser.add_argument("--bot-root", type=Path, default=None,
                        help="serve the bot from another checkout (e.g. the previous release, "
                             "single-process, answering through response_url) against the "
                             "same floor")
    args = parser.parse_args()

    ports = {"bot": free_port(), "floor": free_port()}
    urls = {target: f"http://127.0.0.1:{port}/slack/events" for target, port in ports.items()}
    with FakeSlack() as slack, tempfile.TemporaryDirectory() as data_dir:
        environment = {**os.environ, "SLACK_BOT_TOKEN": BOT_TOKEN,
                       "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_URL": slack.api_url,
                       "DATA_DIR": data_dir, "LOG_LEVEL": "WARNING", "PYTHONPATH": os.pathsep.join(
                           filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        environment.pop("DATABASE_URL", None)
        environment.pop("PROMETHEUS_MULTIPROC_DIR", None)
        workers = ["--workers", str(args.workers)]
        bot_environment = environment
        if args.bot_root:
            bot_environment = {**environment, "PYTHONPATH": str(args.bot_root.resolve())}
        processes = {
            "bot": start(["-c", "import sys; from bot.cli.main import main; sys.exit(main())",
                          "serve", "--http", "--host", "127.0.0.1", "--port", str(ports["bot"]),
                          *([] if args.bot_root else workers)], bot_environment, data_dir),
            "floor": start(["-m", "benchmarks.bare_bolt", "--port", str(ports["floor"]),
                            *workers], environment, data_dir),
        }
        try:
            for target, process in processes.items():
                wait_until_healthy(urls[target].rsplit("/slack", 1)[0], process)
            slack.reset()
            ok = report("slash", measure("slash", urls, slack, args), args, slack)
            if args.mentions:
                slack.reset()
                ok = report("mention", measure("mention", urls, slack, args), args, slack) and ok
        finally:
            outputs = {target: stop(process) for target, process in processes.items()}
    outages = outputs["bot"].count("Database unreachable")
    print(f"\nthe bot declared {outages} database outage(s) during the run"
          + (" (requests waited on the database past the 1 s budget)" if outages else ""))
    return 0 if ok and not outages else 1


if __name__ == "__main__":
    sys.exit(main())
