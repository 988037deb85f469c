"""Text the bot shows in Slack mrkdwn: escaped, stripped of bidi controls, clipped.

Every surface (answers, clarifications, "asked by" lines, App Home, the digest, admin DMs) goes
through `escape`, and text that came from a person (a question asked elsewhere, a file's error)
through `echo`, so `<!channel>`, `<!here>`, `<!everyone>` or `<@U…>` show literally and ping
nobody, and a right-to-left override cannot make an echoed question read as something else.
"""

from __future__ import annotations

import re

MAX_ECHOED_QUESTION = 300  # a question quoted back: long enough to recognise, short enough to fit

# U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates): they reorder what follows,
# so an echoed question could display differently from what was asked.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def escape(text: str) -> str:
    """`text` with Slack's three control characters escaped and bidi controls dropped."""
    text = BIDI_CONTROLS.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def echo(text: str, limit: int = MAX_ECHOED_QUESTION) -> str:
    """Someone's text quoted back: on one line, clipped to `limit` characters, then escaped.

    Clipped before escaping so an entity such as `&amp;` is never cut in half.
    """
    one_line = " ".join(BIDI_CONTROLS.sub("", text).split())
    return escape(clip(one_line, limit))


def plain(text: str, limit: int) -> str:
    """Text for a `plain_text` field (button labels): Slack shows it as is, so it needs no
    escaping, only the bidi controls dropped and the length clipped."""
    return clip(BIDI_CONTROLS.sub("", text), limit)
