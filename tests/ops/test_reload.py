"""Knowledge-base hot reload: on file change and SIGHUP; a bad file keeps the last good version."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from slack_sdk import WebClient

from bot.ops.metrics import REGISTRY
from bot.ops.reload import KnowledgeReloader, take_snapshot
from tests.ops.conftest import ADMINS, FileBackedAssistant
from tests.support.fake_slack import FakeSlack

POLL = 0.02


def wait_until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.01)


def metric(name: str) -> float:
    return REGISTRY.get_sample_value(name) or 0.0


def rewrite(path: Path, text: str) -> None:
    """Write and make sure the change is visible even on coarse-mtime filesystems."""
    before = path.stat().st_mtime_ns
    path.write_text(text)
    os.utime(path, ns=(before + 1_000_000_000, before + 1_000_000_000))


@pytest.fixture
def reloader(assistant: FileBackedAssistant, client: WebClient) -> Iterator[KnowledgeReloader]:
    watcher = KnowledgeReloader(assistant=assistant, admins=ADMINS, client=client,
                                poll_interval=POLL, settle=POLL)
    watcher.start()
    yield watcher
    watcher.stop()


def test_a_changed_file_is_reloaded(reloader: KnowledgeReloader,
                                    assistant: FileBackedAssistant, kb_file: Path) -> None:
    rewrite(kb_file, "version: v2\n")
    wait_until(lambda: assistant.kb_version == "v2")


def test_a_successful_reload_is_recorded_in_the_metrics(
    reloader: KnowledgeReloader, assistant: FileBackedAssistant, kb_file: Path,
) -> None:
    rewrite(kb_file, "version: v3\n")
    wait_until(lambda: REGISTRY.get_sample_value("alliance_bot_knowledge_base_info",
                                                 {"version": "v3"}) == 1.0)
    assert metric("alliance_bot_knowledge_base_loaded_timestamp_seconds") > 0


def test_an_unchanged_file_is_not_reloaded(reloader: KnowledgeReloader,
                                           assistant: FileBackedAssistant) -> None:
    time.sleep(POLL * 10)  # nothing to poll for: proving an absence needs some time to pass
    assert assistant.reloads == 0


def test_a_bad_file_keeps_the_last_good_version(
    reloader: KnowledgeReloader, assistant: FileBackedAssistant, kb_file: Path, slack: FakeSlack,
) -> None:
    rewrite(kb_file, "leader: toyota\n")
    slack.wait_for("chat.postMessage", count=len(ADMINS))
    assert assistant.kb_version == "v1"


def test_a_bad_file_is_reported_to_every_admin_with_file_entry_and_field(
    reloader: KnowledgeReloader, kb_file: Path, slack: FakeSlack,
) -> None:
    rewrite(kb_file, "leader: toyota\n")
    calls = slack.wait_for("chat.postMessage", count=len(ADMINS))
    assert {call.params["channel"] for call in calls} == ADMINS
    for call in calls:
        assert "facts.yaml: entry 'kb', field 'version': missing" in call.params["text"]
        assert "`v1`" in call.params["text"]


def test_a_bad_file_is_counted_and_logged(
    reloader: KnowledgeReloader, kb_file: Path, slack: FakeSlack,
    caplog: pytest.LogCaptureFixture,
) -> None:
    errors_before = metric("alliance_bot_knowledge_base_load_errors_total")
    rewrite(kb_file, "leader: toyota\n")
    slack.wait_for("chat.postMessage", count=len(ADMINS))
    assert metric("alliance_bot_knowledge_base_load_errors_total") == errors_before + 1
    (record,) = [r for r in caplog.records if r.levelname == "ERROR"]
    assert "field 'version'" in record.error  # type: ignore[attr-defined]


def test_a_bad_file_is_reported_once_not_at_every_poll(
    reloader: KnowledgeReloader, assistant: FileBackedAssistant, kb_file: Path,
    slack: FakeSlack,
) -> None:
    rewrite(kb_file, "leader: toyota\n")
    slack.wait_for("chat.postMessage", count=len(ADMINS))
    time.sleep(POLL * 10)  # an absence: further polls must not report again
    assert len(slack.calls_to("chat.postMessage")) == len(ADMINS)
    assert assistant.reloads == 1


def test_fixing_the_bad_file_brings_the_new_version(
    reloader: KnowledgeReloader, assistant: FileBackedAssistant, kb_file: Path,
    slack: FakeSlack,
) -> None:
    rewrite(kb_file, "leader: toyota\n")
    slack.wait_for("chat.postMessage", count=len(ADMINS))
    rewrite(kb_file, "version: v4\n")
    wait_until(lambda: assistant.kb_version == "v4")


def test_a_deleted_file_is_refused_like_a_bad_one(
    reloader: KnowledgeReloader, assistant: FileBackedAssistant, kb_file: Path,
    slack: FakeSlack, monkeypatch: pytest.MonkeyPatch,
) -> None:
    def read_missing() -> str:
        from knowledge.errors import KnowledgeError

        raise KnowledgeError(f"{kb_file.name}: missing")

    monkeypatch.setattr(assistant, "_read", read_missing)
    kb_file.unlink()
    slack.wait_for("chat.postMessage", count=len(ADMINS))
    assert assistant.kb_version == "v1"


def test_an_admin_that_cannot_be_reached_does_not_stop_the_others(
    assistant: FileBackedAssistant, client: WebClient, slack: FakeSlack,
) -> None:
    slack.fail_next("chat.postMessage", error="user_not_found")
    reloader = KnowledgeReloader(assistant=assistant, admins=ADMINS, client=client)
    assistant.path.write_text("nonsense: true\n")
    outcome = reloader.reload(trigger="test")
    assert not outcome.ok
    assert len(slack.calls_to("chat.postMessage")) == len(ADMINS)
    assert REGISTRY.get_sample_value("alliance_bot_slack_api_errors_total",
                                     {"method": "chat.postMessage", "error": "user_not_found"})


def test_error_text_cannot_ping_anyone(
    assistant: FileBackedAssistant, client: WebClient, slack: FakeSlack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from knowledge.errors import KnowledgeError

    def refuse() -> None:
        raise KnowledgeError("facts.yaml: entry '<!channel>', field 'name': bad")

    monkeypatch.setattr(assistant, "reload", refuse)
    KnowledgeReloader(assistant=assistant, admins=ADMINS, client=client).reload(trigger="test")
    for call in slack.calls_to("chat.postMessage"):
        assert "<!channel>" not in call.params["text"]
        assert "&lt;!channel&gt;" in call.params["text"]


def test_sighup_reloads_without_a_file_change(reloader: KnowledgeReloader,
                                              assistant: FileBackedAssistant) -> None:
    os.kill(os.getpid(), signal.SIGHUP)
    wait_until(lambda: assistant.reloads == 1)


def test_stopping_restores_the_previous_sighup_handler(
    assistant: FileBackedAssistant, client: WebClient,
) -> None:
    before = signal.getsignal(signal.SIGHUP)
    watcher = KnowledgeReloader(assistant=assistant, admins=ADMINS, client=client)
    watcher.start()
    assert signal.getsignal(signal.SIGHUP) is not before
    watcher.stop()
    assert signal.getsignal(signal.SIGHUP) is before


def test_outside_the_main_thread_the_watcher_starts_without_sighup(
    assistant: FileBackedAssistant, client: WebClient, kb_file: Path,
) -> None:
    before = signal.getsignal(signal.SIGHUP)
    watcher = KnowledgeReloader(assistant=assistant, admins=ADMINS, client=client,
                                poll_interval=POLL, settle=POLL)
    starter = threading.Thread(target=watcher.start)
    starter.start()
    starter.join()
    try:
        assert signal.getsignal(signal.SIGHUP) is before
        rewrite(kb_file, "version: v5\n")
        wait_until(lambda: assistant.kb_version == "v5")
    finally:
        watcher.stop()


def test_snapshot_notices_a_file_added_beside_the_watched_ones(kb_file: Path) -> None:
    before = take_snapshot([kb_file])
    folder = kb_file.parent
    os.utime(folder, ns=(folder.stat().st_mtime_ns - 10**9,) * 2)
    assert take_snapshot([kb_file]) != before
