"""Cross-cutting filters that run before any listener, one small piece each.

Each filter acknowledges what it drops (HTTP 200 / a Socket Mode ack), so Slack neither retries
nor shows an error: the bot ignores bot messages (its own included, so no loops), message
subtypes that are not someone asking (edits, deletions, joins), and deliveries it has seen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.middleware import Middleware

from bot.storage.memory import EventDeduplicator

# A message event with one of these subtypes is still a person writing to the bot.
ANSWERED_MESSAGE_SUBTYPES = frozenset({None, "thread_broadcast", "file_share"})
RETRY_HEADER = "x-slack-retry-num"

logger = logging.getLogger(__name__)


def acknowledged() -> BoltResponse:
    return BoltResponse(status=200, body="")


# The filters are Middleware classes rather than functions: Bolt builds the keyword arguments
# of a function middleware on every request, which cost more than the whole filter.
class IgnoreBotMessages(Middleware):
    """Drop events written by a bot, this one included."""

    def process(self, *, req: BoltRequest, resp: BoltResponse,
                next: Callable[[], BoltResponse]) -> BoltResponse:
        event = req.body.get("event") or {}
        own_user = req.context.bot_user_id
        if (event.get("bot_id") or event.get("subtype") == "bot_message"
                or (own_user and event.get("user") == own_user)):
            return acknowledged()
        return next()


class IgnoreUnwantedSubtypes(Middleware):
    """Drop message edits, deletions, joins and the like: nobody asked anything."""

    def process(self, *, req: BoltRequest, resp: BoltResponse,
                next: Callable[[], BoltResponse]) -> BoltResponse:
        event = req.body.get("event") or {}
        if (event.get("type") == "message"
                and event.get("subtype") not in ANSWERED_MESSAGE_SUBTYPES):
            return acknowledged()
        return next()


class DropRepeatedDeliveries(Middleware):
    """Answer an Events API delivery once, however often Slack repeats it (same `event_id`).

    The store is shared by replicas, so a retry that lands on another replica is dropped too.
    """

    def __init__(self, events: EventDeduplicator) -> None:
        self.events = events

    def process(self, *, req: BoltRequest, resp: BoltResponse,
                next: Callable[[], BoltResponse]) -> BoltResponse:
        event_id = req.body.get("event_id")
        if not event_id:
            return next()
        try:
            first = self.events.first_delivery(event_id)
        except Exception:  # noqa: BLE001 - better to risk a duplicate answer than to drop one
            logger.exception("Event de-duplication failed", extra={"event_id": event_id})
            return next()
        if first:
            return next()
        retry = (req.headers.get(RETRY_HEADER) or [None])[0]
        logger.info("Dropped a repeated delivery", extra={"event_id": event_id, "retry": retry})
        return acknowledged()


def register(app: App, events: EventDeduplicator) -> None:
    app.use(IgnoreBotMessages())
    app.use(IgnoreUnwantedSubtypes())
    app.use(DropRepeatedDeliveries(events))
