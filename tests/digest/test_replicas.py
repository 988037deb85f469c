"""Real processes: two replicas on one database send one digest per channel, and a process
killed between claim and post leaves a claim that nobody sends again (at most once)."""

import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime

from sqlalchemy import Engine

from bot.digest import store
from bot.digest.schedule import DAILY, Plan
from bot.settings import Settings
from tests.storage.databases import subprocess_env
from tests.support.fake_slack import FakeSlack

CHANNELS = [f"C{number:03d}" for number in range(40)]
AT = "2024-01-15T08:30:00+00:00"


def send_due_process(settings: Settings) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli.main", "digest", "send-due", "--at", AT],
        env=subprocess_env(settings), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def subscribe_all(engine: Engine, channels: list[str]) -> None:
    for channel in channels:
        store.subscribe(engine, channel_id=channel, team_id="T1", user_id="U1",
                        plan=Plan("09:00", "Europe/Paris", DAILY),
                        now=datetime(2024, 1, 1, tzinfo=UTC))


def test_two_replicas_send_exactly_one_digest_per_channel(
        settings: Settings, engine: Engine, slack: FakeSlack) -> None:
    subscribe_all(engine, CHANNELS)
    replicas = [send_due_process(settings) for _ in range(2)]
    outputs = [replica.communicate(timeout=90) for replica in replicas]
    assert [replica.returncode for replica in replicas] == [0, 0], outputs
    posted = Counter(call.params["channel"] for call in slack.calls_to("chat.postMessage"))
    assert posted == Counter(CHANNELS)


def test_a_process_killed_mid_send_leaves_no_second_digest(
        settings: Settings, engine: Engine, slack: FakeSlack) -> None:
    subscribe_all(engine, CHANNELS[:1])
    slack.delay("chat.postMessage", 3.0)
    doomed = send_due_process(settings)
    slack.wait_for("chat.postMessage", timeout=60)  # claimed, and the post is in flight
    doomed.kill()
    doomed.wait(timeout=10)
    slack.delay("chat.postMessage", 0)

    survivor = send_due_process(settings)
    stdout, stderr = survivor.communicate(timeout=60)
    assert survivor.returncode == 0, stderr
    assert "1 already claimed" in stdout
    assert len(slack.calls_to("chat.postMessage")) == 1
    assert store.last_delivery(engine, CHANNELS[0]).status == store.CLAIMED
