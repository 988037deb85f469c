"""Teaching in Slack: `/alliance admin teach | forget | taught`, the Teach buttons of the digest
and of the admins' App Home, the Teach modal, and the serve-time sync of taught phrases.

Only ALLIANCE_BOT_ADMINS may teach: every click and submission is checked against the clicking
user on the server, whatever the button or modal carries.
"""

from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine

from bot.extensions import (
    CommandContext,
    CommandReply,
    ServeContext,
    admin_verb,
    home_section,
    on_startup,
)
from bot.settings import Settings
from bot.slack.blocks import escape, notice_message
from bot.slack.listeners import acknowledge
from bot.slack.listeners.delivery import call_slack, send_to_response_url
from bot.slack.people import cached_language, language_of
from bot.storage.memory import utcnow
from bot.storage.models import ensure_database
from bot.teaching import store, views
from bot.teaching.service import Outcome, TaughtPhraseSync, Teacher, labelled_questions
from bot.teaching.store import AskedQuestion
from intents import teaching
from intents.teaching import Meaning, TaughtPhrase
from knowledge.localise import say

logger = logging.getLogger(__name__)

TEACH_USAGE = ('`/alliance admin teach "PHRASE" = TARGET` teaches a new name, e.g. '
               '`/alliance admin teach "Project Kiwi" = Oceania`; '
               '`/alliance admin forget "PHRASE"` undoes it; `/alliance admin taught` lists them.')
# `"Project Kiwi" = Oceania`, `“Project Kiwi” = Oceania` (Slack's smart quotes), `Kiwi = Oceania`
TEACH_ARGS = re.compile(r'^\s*(?:["“”](?P<quoted>[^"“”]*)["“”]|(?P<bare>[^=]*?))\s*=\s*'
                        r'(?P<target>.*?)\s*$', re.DOTALL)
NOT_AN_ADMIN = ("Sorry, only the bot's administrators can teach it. If you think you should be "
                "one, ask whoever runs the bot to add you to ALLIANCE_BOT_ADMINS.")
NOT_SERVING = "Teaching is only possible while `alliance-bot serve` is running."
GONE = "That question is no longer in the question log, so there is nothing to teach from it."
HOME_WINDOW = timedelta(hours=24)
MAX_HOME_QUESTIONS = 10
ENTRY_VALUE = re.compile(r"^(?P<kind>[a-z_]+):(?P<id>[^:]+)$")


@dataclass
class TeachingRuntime:
    settings: Settings
    teacher: Teacher

    @property
    def admins(self) -> frozenset[str]:
        return self.settings.admins

    @property
    def engine(self) -> Engine:
        return self.teacher.engine

    @property
    def assistant(self) -> Any:
        return self.teacher.assistant


_runtime: TeachingRuntime | None = None


def runtime() -> TeachingRuntime | None:
    return _runtime


@on_startup
def start_teaching(context: ServeContext) -> Callable[[], None]:
    """Serve the database's taught phrases and poll for changes made anywhere else."""
    global _runtime
    settings = context.settings
    teacher = Teacher(ensure_database(settings), context.assistant,
                      questions=labelled_questions(settings.labelled_sets_dir))
    teacher.refresh(force=True)
    sync = TaughtPhraseSync(teacher, settings.taught_poll_seconds).start()
    current = TeachingRuntime(settings=settings, teacher=teacher)
    _runtime = current

    def stop() -> None:
        global _runtime
        sync.stop()
        if _runtime is current:
            _runtime = None

    return stop


# -- /alliance admin teach | forget | taught ------------------------------------------------
def reply(outcome: Outcome) -> CommandReply:
    mark = ":white_check_mark:" if outcome.ok else ":x:"
    return CommandReply(text=f"{mark} {escape(outcome.text)}")


def while_serving(
        handler: Callable[[TeachingRuntime, CommandContext], CommandReply],
) -> Callable[[CommandContext], CommandReply]:
    """An admin verb that needs the running `serve` (its database and assistant)."""

    def run(context: CommandContext) -> CommandReply:
        current = _runtime
        return handler(current, context) if current else CommandReply(text=NOT_SERVING)

    return run


@admin_verb("teach", TEACH_USAGE)
@while_serving
def teach_command(current: TeachingRuntime, context: CommandContext) -> CommandReply:
    match = TEACH_ARGS.match(html.unescape(context.args))
    if match is None or not match["target"]:
        return CommandReply(text=f"Usage: {TEACH_USAGE}")
    phrase = match["quoted"] if match["quoted"] is not None else match["bare"]
    return reply(current.teacher.teach(phrase, match["target"], actor=context.user_id,
                                       source="slack"))


@admin_verb("forget", '`/alliance admin forget "PHRASE"` undoes a taught phrase.')
@while_serving
def forget_command(current: TeachingRuntime, context: CommandContext) -> CommandReply:
    return reply(current.teacher.forget(html.unescape(context.args), actor=context.user_id,
                                        source="slack"))


@admin_verb("taught", "`/alliance admin taught` lists the taught phrases, by whom and when.")
@while_serving
def taught_command(current: TeachingRuntime, context: CommandContext) -> CommandReply:
    return CommandReply(text=views.taught_list(current.teacher.taught()))


# -- the admins' App Home -------------------------------------------------------------------
@home_section
def teach_home(user_id: str, client: Any) -> list[dict[str, Any]]:
    """For admins, in their Slack language: the last day's questions the bot still cannot
    answer, and 👎 answers."""
    current = _runtime
    if current is None or user_id not in current.admins:
        return []
    lang = language_of(client, user_id)  # App Home looked it up a moment ago: cached
    now = utcnow()
    refs = store.quotable_refs(current.engine, now - HOME_WINDOW, now)
    assistant = current.assistant
    open_questions = [(question, ref) for question, ref in refs.items()
                      if ref.startswith("f:") or not assistant.ask(question).understood]
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": views.plain(say(lang, "Teach the bot"))},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": say(
            lang, "{count} phrase(s) taught. Questions of the last 24 hours it still cannot "
                  "answer, and answers marked 👎:", count=str(len(current.teacher.taught())))}]},
    ]
    if not open_questions:
        blocks.append({"type": "section",
                       "text": views.plain(say(lang, "Nothing to teach right now."))})
    for index, (question, ref) in enumerate(open_questions[:MAX_HOME_QUESTIONS]):
        blocks.append({"type": "section", "text": views.plain(question[:2900]),
                       "accessory": {"type": "button", "text": views.plain(say(lang, "Teach")),
                                     "action_id": f"{views.ACTION_OPEN}_{index}",
                                     "value": ref}})
    return blocks


# -- buttons, the modal and its entry search ------------------------------------------------
def _meaning_from_option(assistant: Any, selected: dict[str, Any] | None) -> Meaning | None:
    """The catalogue entry an option names; a value that names no entry is ignored."""
    match = ENTRY_VALUE.match(str((selected or {}).get("value", "")))
    return teaching.entry(assistant, match["kind"], match["id"]) if match else None


def _state(view: dict[str, Any]) -> tuple[str, dict[str, Any] | None, bool]:
    """(phrase, selected entry option, tell the asker) as the modal holds them now."""
    values = (view.get("state") or {}).get("values") or {}
    phrase = (values.get(views.BLOCK_PHRASE, {}).get(views.ACTION_PHRASE) or {}).get("value")
    selected = (values.get(views.BLOCK_TARGET, {}).get(views.ACTION_TARGET) or {}).get(
        "selected_option")
    ticked = (values.get(views.BLOCK_TELL, {}).get(views.ACTION_TELL) or {}).get(
        "selected_options") or []
    return phrase or "", selected, any(o.get("value") == views.TELL for o in ticked)


def _asked(current: TeachingRuntime, view: dict[str, Any]) -> AskedQuestion | None:
    try:
        ref = json.loads(view.get("private_metadata") or "{}").get("ref", "")
    except (json.JSONDecodeError, AttributeError):
        return None
    return store.asked_question(current.engine, str(ref))


def _preview(current: TeachingRuntime, asked: AskedQuestion, phrase: str,
             meaning: Meaning | None, lang: str = "en") -> str:
    if meaning is None:
        return views.preview_text(None, lang=lang)
    problem = teaching.phrase_problem(teaching.clean_phrase(phrase))
    if problem:
        return views.preview_text(None, note=f":warning: {problem[1]}", lang=lang)
    assistant = current.assistant
    candidate = assistant.with_taught([*assistant.taught, TaughtPhrase(
        teaching.clean_phrase(phrase), meaning.kind, meaning.id, meaning.country)])
    return views.preview_text(candidate.ask(asked.question).text, lang=lang)


def search_entries(assistant: Any, query: str) -> list[dict[str, Any]]:
    """Catalogue entries whose name contains every word typed, at most 100 (Slack's limit)."""
    words = query.lower().split()
    found = [meaning for meaning in teaching.catalogue(assistant)
             if all(word in meaning.describe().lower() for word in words)]
    return [views.option(meaning.describe(), f"{meaning.kind}:{meaning.id}")
            for meaning in found[:100]]


def register_actions(app: Any, *, refresh_home: Callable[[str, Any], None]) -> None:
    """Wire the Teach buttons, the modal, its entry search and its submission into `app`."""

    def allowed(user_id: str) -> TeachingRuntime | None:
        current = _runtime
        if current is None or user_id not in current.admins:
            logger.warning("teach refused: not an admin", extra={"user": user_id})
            return None
        return current

    def open_modal(body: dict[str, Any], action: dict[str, Any], client: Any) -> None:
        user_id = (body.get("user") or {}).get("id", "")
        current = allowed(user_id)
        if current is None:
            send_to_response_url(body.get("response_url"), response_type="ephemeral",
                                 replace_original=False, **notice_message(NOT_AN_ADMIN))
            return
        asked = store.asked_question(current.engine, str(action.get("value", "")))
        if asked is None:
            send_to_response_url(body.get("response_url"), response_type="ephemeral",
                                 replace_original=False, **notice_message(GONE))
            return
        phrase = teaching.unknown_phrase(current.assistant, asked.question)
        lang = language_of(client, user_id)
        call_slack(client, "views.open", trigger_id=body.get("trigger_id"),
                   view=views.modal(asked, phrase=phrase, lang=lang,
                                    preview=views.preview_text(None, lang=lang)))

    def update_preview(body: dict[str, Any], client: Any) -> None:
        view = body.get("view") or {}
        user_id = (body.get("user") or {}).get("id", "")
        current = allowed(user_id)
        asked = _asked(current, view) if current else None
        if current is None or asked is None:
            return
        phrase, selected, _ = _state(view)
        meaning = _meaning_from_option(current.assistant, selected)
        lang = language_of(client, user_id)
        call_slack(client, "views.update", view_id=view.get("id"), hash=view.get("hash"),
                   view=views.modal(asked, phrase=phrase, selected=selected if meaning else None,
                                    preview=_preview(current, asked, phrase, meaning, lang),
                                    lang=lang))

    def entry_options(ack: Any, body: dict[str, Any]) -> None:
        current = allowed((body.get("user") or {}).get("id", ""))
        if current is None:
            ack(options=[])
            return
        ack(options=search_entries(current.assistant, str(body.get("value", ""))))

    def acknowledge_submission(ack: Any, body: dict[str, Any], client: Any) -> None:
        lang = cached_language((body.get("user") or {}).get("id", ""))  # no call before ack
        ack(response_action="update", view=views.message_modal(
            say(lang, "Teaching…"), say(lang, "Checking the phrase against the knowledge base "
                                              "and the labelled questions…"), lang))

    def teach_from_modal(body: dict[str, Any], client: Any) -> None:
        view = body.get("view") or {}
        user_id = (body.get("user") or {}).get("id", "")
        current = allowed(user_id)
        asked = _asked(current, view) if current else None
        lang = language_of(client, user_id)
        if current is None or asked is None:
            text = say(lang, "Sorry, only the bot's administrators can teach it. If you think "
                             "you should be one, ask whoever runs the bot to add you to "
                             "ALLIANCE_BOT_ADMINS.") if current is None else \
                say(lang, "That question is no longer in the question log, so there is "
                          "nothing to teach from it.")
            call_slack(client, "views.update", view_id=view.get("id"),
                       view=views.message_modal(say(lang, "Not taught"), text, lang))
            return
        phrase, selected, tell = _state(view)
        meaning = _meaning_from_option(current.assistant, selected)
        if meaning is None:
            call_slack(client, "views.update", view_id=view.get("id"), view=views.message_modal(
                say(lang, "Not taught"),
                say(lang, "Pick what the phrase means from the knowledge base."), lang))
            return
        outcome = current.teacher.teach(phrase, meaning, actor=user_id, source="slack")
        answer = current.assistant.ask(asked.question)
        text = escape(outcome.text)
        if outcome.ok:
            text += "\n\n" + views.preview_text(answer.text, lang=lang)
        call_slack(client, "views.update", view_id=view.get("id"), view=views.message_modal(
            say(lang, "Taught") if outcome.ok else say(lang, "Not taught"), text, lang))
        if outcome.ok and tell and asked.thread_ts:
            call_slack(client, "chat.postMessage", channel=asked.channel_id,
                       thread_ts=asked.thread_ts,
                       text=f"I've learned this: “{escape(teaching.clean_phrase(phrase))}” "
                            f"means {escape(meaning.label)}. {escape(answer.text)}")
        refresh_home(user_id, client)

    app.action(re.compile(f"^{views.ACTION_OPEN}"))(ack=acknowledge, lazy=[open_modal])
    app.action(re.compile(f"^({views.ACTION_TARGET}|{views.ACTION_PHRASE})$"))(
        ack=acknowledge, lazy=[update_preview])
    app.options(views.ACTION_TARGET)(entry_options)
    app.view(views.MODAL)(ack=acknowledge_submission, lazy=[teach_from_modal])
