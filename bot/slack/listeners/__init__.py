"""One module per Slack surface, each with `register(app, answerer)`.

Listeners acknowledge at once and do the work in a Bolt lazy listener, so Slack always gets
its acknowledgement within 3 seconds, in HTTP mode and in Socket Mode alike.
"""

from __future__ import annotations

from slack_bolt import Ack


def acknowledge(ack: Ack) -> None:
    """The acknowledgement of every listener whose work happens lazily."""
    ack()
