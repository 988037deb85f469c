"""Asking the core on behalf of a Slack surface: context, metrics, logs and the question log.

Every surface answers through `Answerer.answer`, so each question is timed, counted, logged and
written to the question log the same way, and a failure in the core still gets a polite reply.
With `defer=True` (a slash command answered inside its acknowledgement) the counting, logging
and storing run on the answerer's bookkeeping thread, after the acknowledgement went out.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.ops.metrics import record_answer, record_core_error
from bot.slack.blocks import LeadershipMap, answer_message, document_titles
from bot.slack.listeners.delivery import call_slack
from bot.storage.memory import QuestionRecord, Stores, utcnow
from intents.assistant import Assistant
from knowledge.answer import Answer, apology

logger = logging.getLogger(__name__)


def conversation_key(channel_id: str, thread_ts: str | None) -> str:
    """Where follow-up context lives: a thread, or a whole DM conversation outside threads."""
    return f"{channel_id}:{thread_ts}" if thread_ts else channel_id


def without_mention(text: str, user_id: str | None) -> str:
    """The text of a message with `<@user_id>` mentions (the bot's own) taken out."""
    if not user_id:
        return text.strip()
    return re.sub(rf"<@{re.escape(user_id)}(\|[^>]*)?>", " ", text).strip()


class Bookkeeper:
    """Runs small jobs (count, log, store an answer) after the acknowledgement went out, in the
    order given, on one thread that takes them in batches: a request only appends to a queue,
    and the thread wakes at most every BATCH_SECONDS rather than once per request."""

    BATCH_SECONDS = 0.02

    def __init__(self) -> None:
        self._jobs: deque[Callable[[], None]] = deque()
        self._wake = threading.Event()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="bookkeeping", daemon=True)
        self._thread.start()

    def submit(self, job: Callable[[], None]) -> None:
        if self._stopping:
            raise RuntimeError("the bookkeeper is stopping")
        self._jobs.append(job)
        if not self._wake.is_set():
            self._wake.set()

    def shutdown(self) -> None:
        """Run what is queued, then stop."""
        self._stopping = True
        self._wake.set()
        self._thread.join()

    def drain(self) -> None:
        while self._jobs:
            job = self._jobs.popleft()
            try:
                job()
            except Exception:  # noqa: BLE001 - one failed job must not stop the others
                logger.exception("Bookkeeping failed")

    def _run(self) -> None:
        while True:
            self._wake.wait()
            if not self._stopping:
                time.sleep(self.BATCH_SECONDS)  # let a batch gather
            self._wake.clear()
            self.drain()
            if self._stopping:
                self.drain()
                return


@dataclass
class Answerer:
    assistant: Assistant
    stores: Stores
    bookkeeping: Bookkeeper = field(default_factory=Bookkeeper)

    def answer(self, question: str, *, channel_id: str, user_id: str, surface: str,
               thread_key: str | None = None, event_id: str | None = None,
               record: bool = True, reply_ts: str | None = None,
               defer: bool = False) -> Answer:
        """Ask the core; with `thread_key`, read and keep the conversation's context.

        `record=False` re-asks without counting it as a new question (a shared answer);
        `reply_ts` is the thread the answer goes to, kept in the question log;
        `defer=True` leaves the counting, logging and storing to the bookkeeping thread.
        """
        context = self._context(thread_key)
        started = time.perf_counter()
        try:
            answer = self.assistant.ask(question, context=context)
        except Exception:  # noqa: BLE001 - a bug in the core must not leave the user unanswered
            logger.exception("The core failed to answer", extra={"event_id": event_id,
                                                                 "surface": surface})
            record_core_error(surface)
            return apology(question, self._language_of(question, context))
        seconds = time.perf_counter() - started
        if thread_key and answer.context:
            self._keep_context(thread_key, answer.context)
        if record:
            self._after(defer, lambda: self._record(
                answer, channel_id=channel_id, user_id=user_id, surface=surface,
                seconds=seconds, event_id=event_id, reply_ts=reply_ts))
        return answer

    def _after(self, defer: bool, work: Callable[[], None]) -> None:
        if not defer:
            work()
            return
        try:
            self.bookkeeping.submit(work)
        except RuntimeError:  # shutting down: do it here rather than lose it
            work()

    def shutdown(self) -> None:
        """Finish the bookkeeping already queued."""
        self.bookkeeping.shutdown()

    def render(self, answer: Answer, *, asked_by: str | None = None,
               shareable: bool = False) -> dict[str, Any]:
        """`text` and `blocks` of an answer, sources named by their document titles."""
        return answer_message(answer, asked_by=asked_by, shareable=shareable,
                              titles=document_titles(self.assistant))

    def leadership_map(self, lang: str) -> LeadershipMap:
        """The map with its areas and companies named in `lang`."""
        return LeadershipMap(self.assistant.matrix(lang), lang, self.assistant.company_names(lang))

    def reply_to_message(self, client: Any, *, body: dict[str, Any], event: dict[str, Any],
                         bot_user_id: str | None, surface: str, thread_ts: str | None) -> None:
        """Answer a message event where it was asked: posted to `thread_ts` (None: the
        conversation itself), understood against that conversation's context."""
        if not self.take(body.get("event_id")):
            return
        channel = event.get("channel", "")
        question = without_mention(event.get("text", ""), bot_user_id)
        answer = self.answer(question, channel_id=channel, user_id=event.get("user", ""),
                             surface=surface, thread_key=conversation_key(channel, thread_ts),
                             event_id=body.get("event_id"),
                             reply_ts=thread_ts or event.get("ts"))
        call_slack(client, "chat.postMessage", channel=channel, thread_ts=thread_ts,
                   **self.render(answer))
        self.answered(body.get("event_id"))

    def take(self, event_id: str | None) -> bool:
        """Answer an Events API delivery once, however often Slack repeats it (same
        `event_id`): the claim is shared by replicas, so a retry that lands on another replica
        is dropped too. Taken here, in the worker, off the acknowledgement path."""
        if not event_id:
            return True
        try:
            first = self.stores.events.first_delivery(event_id)
        except Exception:  # noqa: BLE001 - better to risk a duplicate answer than to drop one
            logger.exception("Event de-duplication failed", extra={"event_id": event_id})
            return True
        if not first:
            logger.info("Dropped a repeated delivery", extra={"event_id": event_id})
        return first

    def answered(self, event_id: str | None) -> None:
        """Confirm a delivery was answered (or failed for good), so a later retry of it is
        dropped; until then a retry long after a taker died is answered (see `take`)."""
        if not event_id:
            return
        try:
            self.stores.events.mark_answered(event_id)
        except Exception:  # noqa: BLE001 - at worst a late retry is answered twice
            logger.exception("Confirming an answered delivery failed")

    def _language_of(self, question: str, context: dict[str, Any] | None) -> str:
        try:
            return self.assistant.language_of(question, context)
        except Exception:  # noqa: BLE001 - an apology in English beats none
            return "en"

    def _context(self, thread_key: str | None) -> dict[str, Any] | None:
        if not thread_key:
            return None
        try:
            return self.stores.threads.get_context(thread_key)
        except Exception:  # noqa: BLE001 - without stored context the question is still answered
            logger.exception("Reading thread context failed")
            return None

    def _keep_context(self, thread_key: str, context: dict[str, Any]) -> None:
        try:
            self.stores.threads.put_context(thread_key, context)
        except Exception:  # noqa: BLE001 - the answer matters more than the next follow-up
            logger.exception("Storing thread context failed")

    def _record(self, answer: Answer, *, channel_id: str, user_id: str, surface: str,
                seconds: float, event_id: str | None, reply_ts: str | None = None) -> None:
        record_answer(intent=answer.intent, understood=answer.understood, seconds=seconds,
                      surface=surface)
        logger.info("Answered a question", extra={
            "event_id": event_id, "surface": surface, "intent": answer.intent,
            "understood": answer.understood, "latency_ms": round(seconds * 1000, 3),
        })
        try:
            self.stores.questions.log_question(QuestionRecord(
                channel_id=channel_id, user_id=user_id, question=answer.question,
                intent=answer.intent, understood=answer.understood,
                confidence=answer.confidence, at=utcnow(), thread_ts=reply_ts,
            ))
        except Exception:  # noqa: BLE001 - losing a log line must not lose the answer
            logger.exception("Writing the question log failed")
