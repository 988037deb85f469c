"""Cross-cutting filters that run before any listener, one small piece each.

Each filter acknowledges what it drops (HTTP 200 / a Socket Mode ack), so Slack neither retries
nor shows an error: the bot ignores bot messages (its own included, so no loops) and message
subtypes that are not someone asking (edits, deletions, joins). Repeated deliveries are dropped
by the answering worker, after the acknowledgement (`Answerer.take`): the shared claim is a
database write, which has no place on the acknowledgement path.
"""

from __future__ import annotations

from collections.abc import Callable

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.middleware import Middleware

# A message event with one of these subtypes is still a person writing to the bot.
ANSWERED_MESSAGE_SUBTYPES = frozenset({None, "thread_broadcast", "file_share"})



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


def register(app: App) -> None:
    app.use(IgnoreBotMessages())
    app.use(IgnoreUnwantedSubtypes())
