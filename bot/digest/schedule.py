"""When a digest is due: local times in IANA zones, weekdays or daily, across DST changes.

Pure functions over aware datetimes; the caller supplies `now`, so tests (and `send-due --at`)
control the clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from knowledge.localise import say

WEEKDAYS = "weekdays"
DAILY = "daily"
SCHEDULES = (WEEKDAYS, DAILY)
DIGEST_LANGUAGES = ("en", "fr", "ja")  # `subscribe ... ja`: the digest is written in it
DEFAULT_LOCAL_TIME = "09:00"
DEFAULT_SCHEDULE = WEEKDAYS
FALLBACK_TIMEZONE = "UTC"  # when Slack cannot tell the subscriber's zone

_TIME_PATTERN = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class Plan:
    """What a subscription asks for: a local time, a zone and the days."""

    local_time: str  # "HH:MM"
    timezone: str
    schedule: str
    lang: str = "en"  # the language the digest is written in


@dataclass(frozen=True)
class SubscribeRequest:
    """`subscribe [HH:MM] [zone] [weekdays|daily]`; None where the user gave nothing."""

    local_time: str | None = None
    timezone: str | None = None
    schedule: str | None = None
    lang: str | None = None


class BadArgument(ValueError):
    """A word of `/alliance digest subscribe` that is not a time, zone, schedule or language:
    `kind` says which check refused `word` (the Slack surface says it in the reader's
    language), `str()` says it in English."""

    def __init__(self, kind: str, word: str, english: str) -> None:
        super().__init__(english)
        self.kind = kind
        self.word = word


def zone(name: str) -> ZoneInfo:
    """The IANA zone `name`; ValueError (BadArgument "zone") for names zoneinfo does not know."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise BadArgument("zone", name, f"unknown time zone {name!r} "
                                        "(use an IANA name like Europe/Paris)") from None


def parse_local_time(text: str) -> str:
    match = _TIME_PATTERN.match(text)
    if not match:
        raise BadArgument("time", text,
                          f"{text!r} is not a time: use HH:MM, 24-hour (e.g. 09:00)")
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def parse_subscribe_args(words: list[str]) -> SubscribeRequest:
    """Read the optional time, zone and schedule, in any order; ValueError names the bad word."""
    found: dict[str, str] = {}
    for word in words:
        if ":" in word and word[0].isdigit():
            key, value = "local_time", parse_local_time(word)
        elif word.lower() in SCHEDULES:
            key, value = "schedule", word.lower()
        elif word.lower() in DIGEST_LANGUAGES:
            key, value = "lang", word.lower()
        else:
            key, value = "timezone", zone(word).key
        if key in found:
            raise BadArgument(key, word, f"{word!r}: {key.replace('_', ' ')} given twice")
        found[key] = value
    return SubscribeRequest(**found)


def runs_on(schedule: str, day: date) -> bool:
    return schedule == DAILY or day.weekday() < 5


def slot_start(plan: Plan, day: date) -> datetime:
    """The UTC instant of `plan`'s local time on `day`.

    A time skipped by a spring-forward change (02:30 in Paris) falls an hour later in local
    terms; a time repeated in autumn means its first occurrence.
    """
    hour, minute = (int(part) for part in plan.local_time.split(":"))
    local = datetime.combine(day, time(hour, minute), tzinfo=zone(plan.timezone))
    return local.astimezone(UTC)


def local_today(plan: Plan, now: datetime) -> date:
    return now.astimezone(zone(plan.timezone)).date()


def due_date(plan: Plan, *, active_since: datetime, now: datetime) -> date | None:
    """The local date whose digest is due at `now`, or None.

    Due from the local time until local midnight, so a bot that was down catches up later the
    same day; a slot from before the subscription started is never due.
    """
    today = local_today(plan, now)
    if not runs_on(plan.schedule, today):
        return None
    start = slot_start(plan, today)
    return today if active_since <= start <= now else None


def next_slot(plan: Plan, *, active_since: datetime, now: datetime) -> datetime:
    """The next instant (UTC) a digest will be due, counting from `now`."""
    today = local_today(plan, now)
    for offset in range(8):
        day = today + timedelta(days=offset)
        start = slot_start(plan, day)
        if runs_on(plan.schedule, day) and start > now and start >= active_since:
            return start
    raise AssertionError("every schedule runs at least once a week")


def describe(plan: Plan, lang: str = "en") -> str:
    """"09:00 Asia/Tokyo, on weekdays, in Japanese", said in `lang` (the reader's language);
    the digest's language is named (from Babel's locale data) when it is not the reader's."""
    fields = {"time": plan.local_time, "zone": plan.timezone}
    when = (say(lang, "{time} {zone}, every day", **fields) if plan.schedule == DAILY
            else say(lang, "{time} {zone}, on weekdays", **fields))
    if plan.lang == lang:
        return when
    from babel import Locale  # only here: the rest of the schedule needs no locale data

    return when + say(lang, ", in {language}",
                      language=Locale.parse(plan.lang).get_language_name(lang))
