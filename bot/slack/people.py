"""Who a Slack user is, as far as the bot's own words need: their time zone and language.

Answers follow the language of the question; everything else the bot says on its own (help,
the map, App Home, notices, the digest's defaults) follows the person's Slack locale, read with
users.info and `include_locale` — the users:read scope the digest already has for time zones,
nothing more. A person is looked up once per `PROFILE_TTL_SECONDS`, not once per click; a
failed lookup means English (and UTC) for `FAILED_LOOKUP_TTL_SECONDS` before trying again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackClientError

SLACK_LANGUAGES = ("en", "fr", "ja")  # the languages the catalogues speak
DEFAULT_LANGUAGE = "en"
PROFILE_TTL_SECONDS = 3600.0  # a changed Slack language shows within the hour
FAILED_LOOKUP_TTL_SECONDS = 300.0  # English meanwhile, rather than one failing call per click
# The lookup may run inside a 3-second acknowledgement (`/alliance help`): it gets one short try.
LOOKUP_TIMEOUT_SECONDS = 1.5
MAX_REMEMBERED = 10_000  # people; the least recently looked up are forgotten first

logger = logging.getLogger(__name__)


def language_of_locale(locale: str | None) -> str:
    """"ja-JP" -> "ja", "fr-CA" -> "fr"; any other locale -> "en"."""
    code = (locale or "").split("-")[0].lower()
    return code if code in SLACK_LANGUAGES else DEFAULT_LANGUAGE


@dataclass(frozen=True)
class SlackUser:
    """What users.info told about one person."""

    timezone: str | None
    locale: str | None

    @property
    def language(self) -> str:
        return language_of_locale(self.locale)


class People:
    """users.info results per user id, kept for a while; safe to share between threads."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._known: OrderedDict[str, tuple[float, SlackUser | None]] = OrderedDict()
        self._lock = threading.Lock()

    def about(self, client: Any, user_id: str) -> SlackUser | None:
        """The person's time zone and locale; None when Slack could not tell."""
        if not user_id:
            return None
        now = self._clock()
        with self._lock:
            known = self._known.get(user_id)
            if known is not None and known[0] > now:
                self._known.move_to_end(user_id)
                return known[1]
        user = _look_up(client, user_id)
        ttl = PROFILE_TTL_SECONDS if user is not None else FAILED_LOOKUP_TTL_SECONDS
        with self._lock:
            self._known[user_id] = (now + ttl, user)
            self._known.move_to_end(user_id)
            while len(self._known) > MAX_REMEMBERED:
                self._known.popitem(last=False)
        return user

    def language(self, client: Any, user_id: str) -> str:
        """The language of the person's Slack locale, else English."""
        user = self.about(client, user_id)
        return user.language if user is not None else DEFAULT_LANGUAGE

    def known_language(self, user_id: str) -> str:
        """The person's language if it was looked up lately, else English; never calls Slack
        (for acknowledgements, which must not wait)."""
        with self._lock:
            known = self._known.get(user_id)
        fresh = known is not None and known[0] > self._clock() and known[1] is not None
        return known[1].language if fresh else DEFAULT_LANGUAGE  # type: ignore[index,union-attr]

    def forget(self) -> None:
        with self._lock:
            self._known.clear()


def _look_up(client: Any, user_id: str) -> SlackUser | None:
    # A client of its own: one try within LOOKUP_TIMEOUT_SECONDS, none of the app client's
    # retries (which wait out rate limits), so an acknowledgement is never held up for long.
    try:
        quick = WebClient(token=client.token, base_url=client.base_url,
                          timeout=LOOKUP_TIMEOUT_SECONDS, retry_handlers=[])
        user = quick.users_info(user=user_id, include_locale=True)["user"]
        return SlackUser(timezone=user.get("tz") or None, locale=user.get("locale") or None)
    except (SlackClientError, OSError, KeyError, TypeError, AttributeError) as error:
        logger.warning("users.info failed for %s (%s): English until it is asked again",
                       user_id, error)
        return None


PEOPLE = People()  # one per process: every surface and feature reads the same lookups


def language_of(client: Any, user_id: str) -> str:
    """The language the bot's own words are said in to `user_id`."""
    return PEOPLE.language(client, user_id)


def about(client: Any, user_id: str) -> SlackUser | None:
    return PEOPLE.about(client, user_id)


def cached_language(user_id: str) -> str:
    """The language of `user_id` if a surface looked it up lately, else English; no call."""
    return PEOPLE.known_language(user_id)
