"""The digest in Slack: `/alliance digest ...`, the App Home section, the serve-time scheduler
and the database check of /readyz, registered through `bot.extensions` on import.

App Home edits arrive as block actions whose ids start with `digest_home_`; the Slack app wires
them with `register_actions(app, refresh_home=...)`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, text

from bot.digest import store
from bot.digest.content import render
from bot.digest.delivery import digest_client, preview
from bot.digest.schedule import (
    DAILY,
    DEFAULT_LOCAL_TIME,
    DEFAULT_SCHEDULE,
    FALLBACK_TIMEZONE,
    WEEKDAYS,
    BadArgument,
    Plan,
    describe,
    next_slot,
    parse_local_time,
    parse_subscribe_args,
    zone,
)
from bot.digest.scheduler import start_digest_scheduler
from bot.extensions import (
    CommandContext,
    CommandReply,
    ServeContext,
    degradation_check,
    home_section,
    on_startup,
    subcommand,
)
from bot.settings import Settings, load_settings
from bot.slack.people import about, language_of
from bot.slack.text import echo, escape
from bot.storage.memory import utcnow
from bot.storage.models import ensure_database, get_engine
from bot.storage.resilient import database_problem, serving_stores_exist
from knowledge.localise import say

log = logging.getLogger(__name__)

ACTION_PREFIX = "digest_home_"
ACTION_TIME = "digest_home_time"  # timepicker: selected_time
ACTION_SCHEDULE = "digest_home_schedule"  # static_select: weekdays / daily
ACTION_PAUSE = "digest_home_pause"  # button
ACTION_RESUME = "digest_home_resume"  # button
ACTION_UNSUBSCRIBE = "digest_home_unsubscribe"  # button with confirmation
BLOCK_PREFIX = "digest:"  # block_id of a subscription's actions: "digest:<channel id>"

SUBSCRIBE_USAGE = "`/alliance digest subscribe [HH:MM] [time zone] [weekdays|daily] [en|fr|ja]`"
USAGE = (f"{SUBSCRIBE_USAGE}, "
         "`/alliance digest unsubscribe`, `/alliance digest status`, `/alliance digest preview`")


@dataclass
class DigestRuntime:
    """What the Slack surfaces of the digest work with; set by `serve`, else from settings."""

    settings: Settings
    assistant: Any

    @property
    def engine(self) -> Engine:
        return ensure_database(self.settings)


_runtime: DigestRuntime | None = None


def configure(settings: Settings, assistant: Any) -> None:
    global _runtime
    _runtime = DigestRuntime(settings=settings, assistant=assistant)


def runtime() -> DigestRuntime:
    if _runtime is None:
        from bot.teaching.load import assistant_for  # only when serve did not hand us its own

        settings = load_settings()
        configure(settings, assistant_for(settings))
    assert _runtime is not None
    return _runtime


# -- /alliance digest (replies in the user's Slack language) ----------------------------------
@subcommand("digest")
def digest_command(context: CommandContext) -> CommandReply:
    words = context.args.split()
    verb = words[0].lower() if words else ""
    handlers = {"subscribe": _subscribe, "unsubscribe": _unsubscribe, "status": _status,
                "preview": _preview}
    handler = handlers.get(verb)
    if handler is None:
        lang = language_of(context.client, context.user_id)
        return CommandReply(text=say(lang, "Daily digest of the Alliance leadership map. "
                                           "Use {usage}.", usage=USAGE))
    try:
        return handler(context, words[1:])
    except BadArgument as error:  # names the word that was wrong: echoed, so it pings nobody
        lang = language_of(context.client, context.user_id)
        return CommandReply(text=_refusal(lang, error) + " " + say(lang, "Use {usage}.",
                                                                   usage=USAGE))


def _refusal(lang: str, error: BadArgument) -> str:
    """Why a word of `subscribe` was refused, in `lang`, the word quoted without pinging."""
    word = echo(repr(error.word))
    match error.kind:
        case "zone":
            return say(lang, "Unknown time zone {word} (use an IANA name like Europe/Paris).",
                       word=word)
        case "time":
            return say(lang, "{word} is not a time: use HH:MM, 24-hour (e.g. 09:00).", word=word)
        case "local_time":
            return say(lang, "{word}: the time is given twice.", word=word)
        case "timezone":
            return say(lang, "{word}: the time zone is given twice.", word=word)
        case "schedule":
            return say(lang, "{word}: the schedule is given twice.", word=word)
        case "lang":
            return say(lang, "{word}: the language is given twice.", word=word)
    return echo(str(error)) + "."


def _about_user(context: CommandContext) -> tuple[str, str]:
    """The user's time zone and language, from their Slack profile (`bot.slack.people`:
    users.info with `include_locale`, the users:read scope the time zone needs, nothing more)."""
    user = about(context.client, context.user_id)
    if user is None or not user.timezone:
        log.warning("no time zone for user %s; using %s", context.user_id, FALLBACK_TIMEZONE)
        return FALLBACK_TIMEZONE, user.language if user else "en"
    try:
        return zone(user.timezone).key, user.language
    except ValueError as error:
        log.warning("no time zone for user %s (%s); using %s", context.user_id, error,
                    FALLBACK_TIMEZONE)
        return FALLBACK_TIMEZONE, user.language


def _user_timezone(context: CommandContext) -> str:
    return _about_user(context)[0]


def _local(moment: datetime, plan: Plan, lang: str = "en") -> str:
    """`moment` in the plan's time zone, as `lang` writes a day and a time ("Thu 26 Nov
    09:00", "jeu. 26 nov. 09:00", "11月26日(木) 09:00")."""
    local = moment.astimezone(zone(plan.timezone))
    if lang == "en":
        return f"{local:%a %d %b %H:%M}"
    return f"{_day(local.date(), lang)} {local:%H:%M}"


def _day(day: date, lang: str = "en") -> str:
    if lang == "en":
        return f"{day:%a %d %b}"
    from babel.dates import format_skeleton  # CLDR's day names, only for French and Japanese

    return format_skeleton("MMMEd", day, locale=lang)


def _subscribe(context: CommandContext, words: list[str]) -> CommandReply:
    request = parse_subscribe_args(words)
    if request.timezone and request.lang:  # all said: the profile is not needed
        timezone, lang = request.timezone, request.lang
    else:  # the user's Slack time zone and language fill in what the command leaves out
        profile_zone, lang = _about_user(context)
        timezone = request.timezone or profile_zone
    plan = Plan(local_time=request.local_time or DEFAULT_LOCAL_TIME, timezone=timezone,
                schedule=request.schedule or DEFAULT_SCHEDULE, lang=request.lang or lang)
    now = utcnow()
    store.subscribe(runtime().engine, channel_id=context.channel_id, team_id=context.team_id,
                    user_id=context.user_id, plan=plan, now=now)
    first = next_slot(plan, active_since=now, now=now)
    return CommandReply(
        text=say(lang, "{user} subscribed this channel to the Alliance digest at {plan}. "
                       "First one: {first}.", user=f"<@{context.user_id}>",
                 plan=describe(plan, lang), first=_local(first, plan, lang)),
        ephemeral=False,
    )


def _unsubscribe(context: CommandContext, words: list[str]) -> CommandReply:
    lang = language_of(context.client, context.user_id)
    if store.unsubscribe(runtime().engine, context.channel_id):
        return CommandReply(text=say(lang, "{user} stopped the Alliance digest here.",
                                     user=f"<@{context.user_id}>"), ephemeral=False)
    return CommandReply(text=say(lang, "This channel has no digest subscription."))


def _status(context: CommandContext, words: list[str]) -> CommandReply:
    lang = language_of(context.client, context.user_id)
    engine = runtime().engine
    subscription = store.get_subscription(engine, context.channel_id)
    if subscription is None:
        return CommandReply(text=say(lang, "This channel has no digest. Subscribe with {usage}.",
                                     usage=SUBSCRIBE_USAGE))
    plan = store.plan_of(subscription)
    lines = [say(lang, "Digest here: {plan}, set up by {user}.", plan=describe(plan, lang),
                 user=f"<@{subscription.created_by}>")]
    if subscription.status == store.PAUSED:
        lines.append(pause_note(subscription.paused_reason, lang))
    else:
        now = utcnow()
        upcoming = next_slot(plan, active_since=subscription.active_since, now=now)
        lines.append(say(lang, "Next: {when}.", when=_local(upcoming, plan, lang)))
    last = store.last_delivery(engine, context.channel_id)
    if last is not None:
        lines.append(say(lang, "Last: {day} ({status}).", day=_day(last.local_date, lang),
                         status=_delivery_status(last.status, lang)))
    return CommandReply(text="\n".join(lines))


def _delivery_status(status: str, lang: str) -> str:
    """A delivery's status in `lang` ("claimed" is one being posted right now)."""
    match status:
        case store.SENT:
            return say(lang, "sent")
        case store.FAILED:
            return say(lang, "failed")
        case store.CLAIMED:
            return say(lang, "being posted")
    return escape(status)


def _preview(context: CommandContext, words: list[str]) -> CommandReply:
    current = runtime()
    subscription = store.get_subscription(current.engine, context.channel_id)
    timezone, lang = _about_user(context)
    plan = (store.plan_of(subscription) if subscription else
            Plan(DEFAULT_LOCAL_TIME, timezone, DEFAULT_SCHEDULE, lang=lang))
    digest = preview(current.engine, current.assistant, plan, context.channel_id, utcnow())
    title, blocks = render(digest)
    return CommandReply(text=say(lang, "Preview: {title}", title=title), blocks=blocks,
                        ephemeral=True)


def pause_note(reason: str | None, lang: str = "en") -> str:
    """Why a digest is paused and what to do about it, in `lang`."""
    match reason:
        case "channel_not_found":
            return say(lang, "Paused: Slack no longer finds this channel for the bot.")
        case "not_in_channel":
            return say(lang, "Paused: the bot was removed from the channel. Invite it back "
                             "(`/invite @alliance-bot`), then press Resume.")
        case "is_archived":
            return say(lang, "Paused: the channel was archived. Unarchive it, then press Resume.")
        case "paused_by_user":
            return say(lang, "Paused by you.")
    return say(lang, "Paused ({reason}).", reason=escape(reason or ""))


# -- App Home (in the user's Slack language) ----------------------------------------------
def _text(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text}


def schedule_options(lang: str = "en") -> dict[str, dict[str, Any]]:
    return {WEEKDAYS: {"text": _text(say(lang, "Weekdays")), "value": WEEKDAYS},
            DAILY: {"text": _text(say(lang, "Every day")), "value": DAILY}}


def _button(action_id: str, label: str, channel_id: str, **extra: Any) -> dict[str, Any]:
    return {"type": "button", "action_id": action_id, "value": channel_id,
            "text": _text(label), **extra}


def _subscription_blocks(subscription: Any, lang: str = "en") -> list[dict[str, Any]]:
    channel_id = subscription.channel_id
    plan = store.plan_of(subscription)
    paused = subscription.status == store.PAUSED
    toggle = (_button(ACTION_RESUME, say(lang, "Resume"), channel_id, style="primary") if paused
              else _button(ACTION_PAUSE, say(lang, "Pause"), channel_id))
    options = schedule_options(lang)
    unsubscribe = say(lang, "Unsubscribe")
    blocks: list[dict[str, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn",
                                     "text": f"<#{channel_id}> — {describe(plan, lang)}"}},
        {"type": "actions", "block_id": f"{BLOCK_PREFIX}{channel_id}", "elements": [
            {"type": "timepicker", "action_id": ACTION_TIME, "initial_time": plan.local_time},
            {"type": "static_select", "action_id": ACTION_SCHEDULE,
             "options": list(options.values()), "initial_option": options[plan.schedule]},
            toggle,
            _button(ACTION_UNSUBSCRIBE, unsubscribe, channel_id, style="danger", confirm={
                "title": _text(say(lang, "Stop this digest?")),
                "text": _text(say(lang, "The channel gets no more digests.")),
                "confirm": _text(unsubscribe),
                "deny": _text(say(lang, "Keep")),
            }),
        ]},
    ]
    if paused:
        blocks.append(_context(pause_note(subscription.paused_reason, lang)))
    return blocks


@home_section
def digest_home(user_id: str, client: Any) -> list[dict[str, Any]]:
    """The digests `user_id` set up, each with its controls; a note for paused ones."""
    lang = language_of(client, user_id)  # App Home looked it up a moment ago: cached
    header = {"type": "header", "text": _text(say(lang, "Daily digests"))}
    try:
        subscriptions = store.subscriptions_created_by(runtime().engine, user_id)
    except Exception:  # noqa: BLE001 - the rest of App Home must still render
        log.exception("digest subscriptions unavailable for App Home")
        return [header, _context(say(lang, "Digest settings are unavailable right now."))]
    if not subscriptions:
        return [header, _context(say(lang, "No digests yet. In a channel, type "
                                           "`/alliance digest subscribe 09:00` to get one "
                                           "every weekday."))]
    blocks = [header]
    for subscription in subscriptions:
        blocks.extend(_subscription_blocks(subscription, lang))
    return blocks


def _context(markdown: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": markdown}]}


def handle_home_action(user_id: str, action: dict[str, Any]) -> bool:
    """Apply one App Home edit by its owner; True when App Home should be re-published."""
    channel_id = str(action.get("block_id", "")).removeprefix(BLOCK_PREFIX)
    engine = runtime().engine
    subscription = store.get_subscription(engine, channel_id)
    if subscription is None or subscription.created_by != user_id:
        log.warning("user %s may not edit the digest of %r", user_id, channel_id)
        return False
    action_id = action.get("action_id")
    now = utcnow()
    if action_id == ACTION_UNSUBSCRIBE:
        return store.unsubscribe(engine, channel_id)
    changes: dict[str, Any] = {
        ACTION_TIME: lambda: {"local_time": parse_local_time(action.get("selected_time", ""))},
        ACTION_SCHEDULE: lambda: {"schedule": _selected_schedule(action)},
        ACTION_PAUSE: lambda: {"active": False},
        ACTION_RESUME: lambda: {"active": True},
    }
    if action_id not in changes:
        return False
    try:
        change = changes[action_id]()
    except ValueError as error:
        log.warning("ignored digest edit %s: %s", action_id, error)
        return False
    return store.change_subscription(engine, channel_id, now=now, **change) is not None


def _selected_schedule(action: dict[str, Any]) -> str:
    value = (action.get("selected_option") or {}).get("value")
    if value not in (WEEKDAYS, DAILY):
        raise ValueError(f"unknown schedule {value!r}")
    return value


def register_actions(app: Any, *, refresh_home: Callable[[str, Any], None]) -> None:
    """Wire the App Home controls into a Bolt `app`; `refresh_home(user_id, client)` re-publishes
    the user's App Home after a change."""

    def on_digest_action(ack: Callable[[], None], body: dict[str, Any],
                         action: dict[str, Any], client: Any) -> None:
        ack()
        user_id = body["user"]["id"]
        if handle_home_action(user_id, action):
            refresh_home(user_id, client)

    app.action(re.compile(f"^{ACTION_PREFIX}"))(on_digest_action)


# -- serve ---------------------------------------------------------------------------------
@on_startup
def start_digests(context: ServeContext) -> Callable[[], None]:
    configure(context.settings, context.assistant)
    return start_digest_scheduler(context.settings, digest_client(context.settings),
                                  context.assistant)


@degradation_check
def database_reachable() -> str | None:
    """Why the database is unreachable, or None. A degradation, not a readiness failure:
    answering needs the knowledge base, not the database (see bot.slack.http_server).

    While `serve` runs, its stores know (without waiting on a dead database); elsewhere
    the database is asked."""
    if serving_stores_exist():
        return database_problem()
    settings = _runtime.settings if _runtime else load_settings()
    try:
        with get_engine(settings).connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:  # noqa: BLE001 - any failure means "not ready", with its reason
        return f"database unreachable: {str(error).splitlines()[0][:200]}"
    return None
