"""Block Kit of teaching: the Teach buttons, the Teach modal and its outcome, the taught list.

Plain data in, blocks out. Every question, phrase and answer shown is user text: it goes into
plain_text fields or through `escape`, so it can never ping anyone.
"""

from __future__ import annotations

import json
from typing import Any

from bot.slack.blocks import USER_ID, clip, escape
from bot.teaching.store import AskedQuestion, TaughtRecord
from knowledge.localise import say

ACTION_OPEN = "teach_open"  # Teach buttons: "teach_open" or "teach_open_<n>" in one block
ACTION_PHRASE = "teach_phrase"
ACTION_TARGET = "teach_target"
ACTION_TELL = "teach_tell"
BLOCK_PHRASE = "teach_phrase_block"
BLOCK_TARGET = "teach_target_block"
BLOCK_TELL = "teach_tell_block"
BLOCK_PREVIEW = "teach_preview"
MODAL = "teach_modal"
MAX_TITLE = 24  # Slack's limit for a modal title
MAX_OPTION_TEXT = 75
MAX_PREVIEW = 2900
TELL = "tell"


def plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text, "emoji": True}


def option(label: str, value: str) -> dict[str, Any]:
    return {"text": plain(clip(label, MAX_OPTION_TEXT)), "value": value}


def modal(asked: AskedQuestion, *, phrase: str, preview: str,
          selected: dict[str, Any] | None = None, lang: str = "en") -> dict[str, Any]:
    """The Teach modal for one logged question, in the admin's Slack language `lang`;
    `selected` is the entry option picked so far."""
    phrase_input: dict[str, Any] = {
        "type": "plain_text_input", "action_id": ACTION_PHRASE, "max_length": 60,
        "dispatch_action_config": {"trigger_actions_on": ["on_enter_pressed"]}}
    if phrase:  # Slack refuses an empty initial value
        phrase_input["initial_value"] = phrase
    target: dict[str, Any] = {"type": "external_select", "action_id": ACTION_TARGET,
                              "min_query_length": 0,
                              "placeholder": plain(say(lang, "Search the knowledge base"))}
    if selected:
        target["initial_option"] = selected
    blocks: list[dict[str, Any]] = [
        {"type": "section", "text": plain(say(lang, "Question: {question}",
                                               question=clip(asked.question, 2000)))},
        {"type": "input", "block_id": BLOCK_PHRASE, "dispatch_action": True,
         "label": plain(say(lang, "Phrase to teach")),
         "hint": plain(say(lang, "The words the bot should know from now on (60 characters "
                                 "at most).")),
         "element": phrase_input},
        {"type": "input", "block_id": BLOCK_TARGET, "dispatch_action": True,
         "label": plain(say(lang, "It means")), "element": target},
        {"type": "section", "block_id": BLOCK_PREVIEW,
         "text": {"type": "mrkdwn", "text": clip(preview, MAX_PREVIEW)}},
    ]
    if asked.thread_ts and not asked.channel_id.startswith("D"):
        blocks.append({
            "type": "input", "block_id": BLOCK_TELL, "optional": True,
            "label": plain(say(lang, "Tell the asker")),
            "element": {"type": "checkboxes", "action_id": ACTION_TELL, "options": [
                {"text": plain(say(lang, "Reply “I've learned this” in the question's thread")),
                 "value": TELL}]}})
    return {"type": "modal", "callback_id": MODAL,
            "title": plain(clip(say(lang, "Teach the bot"), MAX_TITLE)),
            "submit": plain(say(lang, "Teach")), "close": plain(say(lang, "Cancel")),
            "private_metadata": json.dumps({"ref": asked.ref}), "blocks": blocks}


def preview_text(answer_text: str | None, *, note: str = "", lang: str = "en") -> str:
    if answer_text is None:
        return note or "_" + say(lang, "Pick what the phrase means to see the answer the "
                                       "question would get.") + "_"
    return "*" + say(lang, "The question would now get:") + f"*\n{escape(answer_text)}"


def message_modal(title: str, text: str, lang: str = "en") -> dict[str, Any]:
    """A modal that only says something (working on it, taught, refused)."""
    return {"type": "modal", "title": plain(clip(title, MAX_TITLE)),
            "close": plain(say(lang, "Close")),
            "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": clip(text, 2900)}}]}


def actor_name(actor: str) -> str:
    return f"<@{actor}>" if USER_ID.match(actor) else escape(actor)


def taught_list(records: list[TaughtRecord]) -> str:
    if not records:
        return ("Nothing has been taught yet. Teach a phrase with "
                "`/alliance admin teach \"PHRASE\" = TARGET`.")
    lines = [f"• “{escape(record.phrase)}” means {escape(record.label)} — taught by "
             f"{actor_name(record.taught_by)} on {record.taught_at:%Y-%m-%d %H:%M} UTC"
             for record in records]
    return f"*Taught phrases ({len(records)})*\n" + "\n".join(lines)
