"""Operating the running bot: knowledge-base hot reload and `/alliance admin reload`.

The knowledge base is reloaded when one of its files changes (polled in a daemon thread: no
dependency, works on every filesystem including Kubernetes ConfigMap volumes), on SIGHUP, or by
`/alliance admin reload`. A reload the knowledge base refuses leaves the last good version in
service; the error (file, entry, field) is logged, counted, and sent to every admin by DM.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from slack_sdk.errors import SlackApiError

from bot.extensions import (
    ADMIN_VERBS,
    CommandContext,
    CommandReply,
    ServeContext,
    on_startup,
    readiness_check,
    subcommand,
)
from bot.ops.metrics import record_kb_load_error, record_kb_loaded, record_slack_error
from bot.slack.text import echo
from knowledge.errors import KnowledgeError

logger = logging.getLogger(__name__)

POLL_INTERVAL_SECONDS = 2.0
# A file still being written looks changed twice in a row; wait for it to hold still.
SETTLE_SECONDS = 0.3
ADMIN_USAGE = "Admin commands: `/alliance admin reload` re-reads the knowledge base now."
NOT_AN_ADMIN = (
    "Sorry, only the bot's administrators can do that. "
    "If you think you should be one, ask whoever runs the bot to add you to ALLIANCE_BOT_ADMINS."
)
NOT_SERVING = "Reloading is only possible while `alliance-bot serve` is running."
MAX_ERROR_CHARS = 1000  # an error quoting a huge file still fits one DM section

Snapshot = dict[Path, tuple[int, int] | None]


@dataclass(frozen=True)
class ReloadOutcome:
    ok: bool
    version: str
    error: str = ""


def take_snapshot(files: list[Path]) -> Snapshot:
    """Modification time and size of each file and of the folders holding them.

    A folder's mtime changes when a file is added, removed or replaced by rename (how editors
    and ConfigMap volumes update), so those are noticed too.
    """
    paths = set(files) | {path.parent for path in files}
    snapshot: Snapshot = {}
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            snapshot[path] = None
        else:
            snapshot[path] = (stat.st_mtime_ns, stat.st_size)
    return snapshot


class KnowledgeReloader:
    """Reloads the assistant's knowledge base on change, on request, or on SIGHUP."""

    def __init__(self, *, assistant: Any, admins: frozenset[str], client: Any,
                 poll_interval: float = POLL_INTERVAL_SECONDS,
                 settle: float = SETTLE_SECONDS) -> None:
        self.assistant = assistant
        self.admins = admins
        self.client = client
        self.poll_interval = poll_interval
        self.settle = settle
        self._reload_lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._requested: str | None = None
        self._snapshot: Snapshot = {}
        self._thread: threading.Thread | None = None
        self._previous_sighup: Any = None

    # -- reloading -------------------------------------------------------------------------
    def reload(self, *, trigger: str) -> ReloadOutcome:
        """Reload now; on refusal keep the last good version and tell the admins."""
        with self._reload_lock:
            # Taken first: a file that changes during the reload is seen by the next poll.
            self._snapshot = take_snapshot(self.assistant.knowledge_files())
            try:
                self.assistant.reload()
            except KnowledgeError as error:
                return self._refused(str(error), trigger=trigger)
            version = self.assistant.kb_version
            record_kb_loaded(version, time.time())
            logger.info("knowledge base reloaded", extra={"kb_version": version,
                                                          "trigger": trigger})
            return ReloadOutcome(ok=True, version=version)

    def _refused(self, error: str, *, trigger: str) -> ReloadOutcome:
        version = self.assistant.kb_version
        record_kb_load_error()
        logger.error("knowledge base reload refused; still serving the last good version",
                     extra={"error": error, "kb_version": version, "trigger": trigger})
        self.notify_admins(
            f":warning: The knowledge base was *not* reloaded ({trigger}): "
            f"{echo(error, MAX_ERROR_CHARS)}\n"
            f"The bot keeps answering from version `{version}`. Fix the file; the bot reloads "
            "it when it is saved (or run `/alliance admin reload`)."
        )
        return ReloadOutcome(ok=False, version=version, error=error)

    def notify_admins(self, text: str) -> None:
        for admin in sorted(self.admins):
            try:
                self.client.chat_postMessage(channel=admin, text=text)
            except SlackApiError as error:
                self._notify_failed(admin, str(error.response.get("error")))
            except OSError as error:  # the Slack API could not be reached at all
                self._notify_failed(admin, type(error).__name__)

    def _notify_failed(self, admin: str, error: str) -> None:
        record_slack_error(method="chat.postMessage", error=error)
        logger.warning("could not tell an admin about the knowledge base",
                       extra={"user": admin, "error": error})

    # -- watching --------------------------------------------------------------------------
    def start(self) -> None:
        self._snapshot = take_snapshot(self.assistant.knowledge_files())
        self._thread = threading.Thread(target=self._watch, name="kb-reloader", daemon=True)
        self._thread.start()
        self._install_sighup()

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._restore_sighup()

    def request_reload(self, trigger: str) -> None:
        """Ask the watcher thread to reload soon (safe from a signal handler)."""
        self._requested = trigger
        self._wake.set()

    def _watch(self) -> None:
        while not self._stopping.is_set():
            self._wake.wait(self.poll_interval)
            self._wake.clear()
            if self._stopping.is_set():
                return
            try:
                self._poll_once()
            except Exception:  # noqa: BLE001 - the watcher must outlive any one bad reload
                logger.exception("knowledge base watcher failed; it keeps watching")

    def _poll_once(self) -> None:
        trigger, self._requested = self._requested, None
        if trigger is None and not self._changed_and_settled():
            return
        self.reload(trigger=trigger or "file change")

    def _changed_and_settled(self) -> bool:
        current = take_snapshot(self.assistant.knowledge_files())
        if current == self._snapshot:
            return False
        while not self._stopping.wait(self.settle):
            latest = take_snapshot(self.assistant.knowledge_files())
            if latest == current:
                return True
            current = latest
        return False

    # -- SIGHUP ----------------------------------------------------------------------------
    def _install_sighup(self) -> None:
        # Python only lets the main thread set signal handlers; elsewhere file watching remains.
        in_main_thread = threading.current_thread() is threading.main_thread()
        if not hasattr(signal, "SIGHUP") or not in_main_thread:
            return
        self._previous_sighup = signal.signal(
            signal.SIGHUP, lambda _signum, _frame: self.request_reload("SIGHUP")
        )

    def _restore_sighup(self) -> None:
        if self._previous_sighup is None:
            return
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGHUP, self._previous_sighup)
        self._previous_sighup = None


# The reloader of the running `serve`; `/alliance admin` has no other way to reach it.
_active_reloader: KnowledgeReloader | None = None


def active_reloader() -> KnowledgeReloader | None:
    return _active_reloader


@readiness_check
def knowledge_base_loaded() -> str | None:
    """Ready once `serve` has loaded the knowledge base and watches it for changes."""
    return None if _active_reloader is not None else "knowledge base not loaded yet"


@subcommand("admin")
def admin_command(context: CommandContext) -> CommandReply:
    """`/alliance admin reload`: re-read the knowledge base (admins only)."""
    reloader = _active_reloader
    words = context.args.split()
    if reloader is None:
        return CommandReply(text=NOT_SERVING)
    if context.user_id not in reloader.admins:
        logger.warning("admin command refused", extra={"user": context.user_id,
                                                       "command": context.args})
        return CommandReply(text=NOT_AN_ADMIN)
    verb = words[0].lower() if words else ""
    if verb in ADMIN_VERBS:
        handler, _usage = ADMIN_VERBS[verb]
        return handler(replace(context, args=context.args.strip()[len(verb):].strip()))
    if verb != "reload":
        return CommandReply(text="\n".join([ADMIN_USAGE, *(usage for _, usage in
                                                           ADMIN_VERBS.values())]))
    outcome = reloader.reload(trigger=f"/alliance admin reload by <@{context.user_id}>")
    if outcome.ok:
        return CommandReply(text=f":white_check_mark: Knowledge base reloaded: version "
                                 f"`{outcome.version}`.")
    return CommandReply(
        text=f":x: Reload refused: {echo(outcome.error, MAX_ERROR_CHARS)}\n"
             f"Still serving version `{outcome.version}`."
    )


@on_startup
def start_knowledge_reloader(context: ServeContext) -> Callable[[], None]:
    """Watch the knowledge base (both modes); `/alliance admin reload` uses the same reloader.

    Metrics in Socket Mode are served by `serve` itself on METRICS_PORT, with /healthz and /readyz.
    """
    global _active_reloader
    assistant = context.assistant
    record_kb_loaded(assistant.kb_version, time.time())
    reloader = KnowledgeReloader(assistant=assistant, admins=context.settings.admins,
                                 client=context.client)
    reloader.start()
    _active_reloader = reloader

    def stop() -> None:
        global _active_reloader
        reloader.stop()
        if _active_reloader is reloader:
            _active_reloader = None

    return stop
