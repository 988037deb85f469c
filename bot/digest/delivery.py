"""One pass of digest delivery: find what is due, claim it, build it, post it.

At most once: the claim is committed before the post, and a claim is never retried. A crash
between the two (or a post whose outcome is unknown) costs that channel its digest for the
day; it never sends two. Only 429s are retried (Slack said the message was not posted), after
the Retry-After the response names.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry import RateLimitErrorRetryHandler
from sqlalchemy import Engine

from bot.digest import store
from bot.digest.content import (
    DailyStats,
    Digest,
    changes_between,
    fingerprint_of,
    next_spotlight,
    render,
    row_key,
    snapshot_of,
)
from bot.digest.schedule import Plan, due_date, local_today
from bot.ops.metrics import record_digest, record_slack_error
from bot.settings import Settings
from bot.slack.blocks import document_titles
from bot.teaching.digest import with_teaching

log = logging.getLogger(__name__)

# Slack errors that mean the bot cannot post there any more: pause, don't retry daily.
PAUSING_ERRORS = frozenset({"channel_not_found", "not_in_channel", "is_archived"})
RATE_LIMIT_RETRIES = 5


def digest_client(settings: Settings) -> WebClient:
    """A Web API client that waits out rate limits and retries nothing else (see module doc)."""
    settings.require("slack_bot_token")
    return WebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES)],
    )


def process_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass
class SendReport:
    due: int = 0
    sent: int = 0
    failed: int = 0
    paused: int = 0
    taken_elsewhere: int = 0

    def __str__(self) -> str:
        return (f"{self.due} due: {self.sent} sent, {self.failed} failed, {self.paused} paused, "
                f"{self.taken_elsewhere} already claimed")


class DigestBuilder:
    """Builds digests for one pass, reading the map once and each day's stats once per zone."""

    def __init__(self, engine: Engine, assistant: Any) -> None:
        self.engine = engine
        self.assistant = assistant
        self.kb_version = str(assistant.kb_version)
        self.rows = assistant.matrix()
        self.snapshot = snapshot_of(self.rows)
        self.fingerprint = fingerprint_of(self.snapshot)
        self.titles = document_titles(assistant)
        self._stats: dict[tuple[date, str], DailyStats] = {}

    def build(self, channel_id: str, plan: Plan, local_date: date) -> Digest:
        previous = store.last_delivery(self.engine, channel_id, status=store.SENT,
                                       before=local_date)
        baseline = store.load_snapshot(self.engine, previous.kb_fingerprint) if previous else None
        spotlight = next_spotlight(self.rows, previous.spotlight if previous else None)
        companies: dict[str, str] = {}
        if plan.lang != "en":  # the same row, named in the channel's language
            local = {row_key(row): row for row in self.assistant.matrix(plan.lang)}
            spotlight = local.get(row_key(spotlight), spotlight) if spotlight else None
            companies = self.assistant.company_names(plan.lang)
        return Digest(
            local_date=local_date,
            spotlight=spotlight,
            lang=plan.lang,
            companies=companies,
            changes=changes_between(baseline, self.snapshot),
            stats=self._stats_for(local_date - timedelta(days=1), plan.timezone),
            snapshot=self.snapshot,
            fingerprint=self.fingerprint,
            titles=self.titles,
        )

    def _stats_for(self, day: date, timezone: str) -> DailyStats:
        key = (day, timezone)
        if key not in self._stats:
            self._stats[key] = with_teaching(store.daily_stats(self.engine, day, timezone),
                                             self.engine, self.assistant, day, timezone)
        return self._stats[key]


def send_due(engine: Engine, client: WebClient, assistant: Any, *, now: datetime,
             should_stop: Callable[[], bool] = lambda: False) -> SendReport:
    """Deliver every digest due at `now` that no process has claimed yet."""
    due = []
    for subscription in store.active_subscriptions(engine):
        local_date = due_date(store.plan_of(subscription), active_since=subscription.active_since,
                              now=now)
        if local_date is not None:
            due.append((subscription, local_date))
    taken = store.claimed_pairs(engine, [(s.channel_id, day) for s, day in due])
    pending = [(s, day) for s, day in due if (s.channel_id, day) not in taken]
    report = SendReport(due=len(due), taken_elsewhere=len(due) - len(pending))
    if not pending:
        return report
    builder = DigestBuilder(engine, assistant)
    claimer = process_name()
    for subscription, local_date in pending:
        if should_stop():
            break
        channel_id = subscription.channel_id
        if not store.claim(engine, channel_id=channel_id, local_date=local_date, now=now,
                           claimer=claimer):
            report.taken_elsewhere += 1
            continue
        outcome = _deliver(engine, client, builder, subscription, local_date, now)
        setattr(report, outcome, getattr(report, outcome) + 1)
        record_digest(outcome)
    return report


def _deliver(engine: Engine, client: WebClient, builder: DigestBuilder, subscription: Any,
             local_date: date, now: datetime) -> str:
    """Post one claimed digest; returns the outcome: "sent", "failed" or "paused"."""
    channel_id = subscription.channel_id
    finish = {"engine": engine, "channel_id": channel_id, "local_date": local_date, "now": now}
    try:
        digest = builder.build(channel_id, store.plan_of(subscription), local_date)
        text, blocks = render(digest)  # in the digest's language
        response = client.chat_postMessage(channel=channel_id, text=text, blocks=blocks,
                                           unfurl_links=False, unfurl_media=False)
    except SlackApiError as error:
        code = str(error.response.get("error", "unknown_error"))
        record_slack_error(method="chat.postMessage", error=code)
        if code in PAUSING_ERRORS:
            store.finish(status=store.PAUSED, error=code, **finish)
            store.pause(engine, channel_id, reason=code, now=now)
            log.warning("digest paused for channel %s: Slack said %s", channel_id, code)
            return "paused"
        store.finish(status=store.FAILED, error=code, **finish)
        log.error("digest for channel %s on %s failed: Slack said %s (not retried)",
                  channel_id, local_date, code)
        return "failed"
    except Exception as error:  # noqa: BLE001 - one channel's failure must not stop the pass
        store.finish(status=store.FAILED, error=type(error).__name__[:64], **finish)
        log.exception("digest for channel %s on %s failed (not retried)", channel_id, local_date)
        return "failed"
    store.finish(status=store.SENT, message_ts=response.get("ts"),
                 snapshot=(digest.fingerprint, builder.kb_version, digest.snapshot),
                 spotlight=digest.spotlight_key, **finish)
    return "sent"


def preview(engine: Engine, assistant: Any, plan: Plan, channel_id: str,
            now: datetime) -> Digest:
    """Today's digest for the channel as it would go out now, without claiming anything."""
    return DigestBuilder(engine, assistant).build(channel_id, plan, local_today(plan, now))

