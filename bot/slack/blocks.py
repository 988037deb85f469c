"""Block Kit rendering of what the core returns: answers, help, the leadership map, App Home.

Everything that came from a user or from the core is escaped per Slack's formatting rules
(`&`, `<`, `>`), so text such as `<!channel>` or `<@U123>` shows literally and pings nobody.
Messages stay within Slack's limits: 3,000 characters per section, 50 blocks per message,
100 per App Home view, 75 characters per button label and 2,000 per button value.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from bot.slack.text import MAX_ECHOED_QUESTION, clip, echo, escape, plain
from knowledge.answer import Answer, Kind, MatrixRow, Source, source_text
from knowledge.localise import LIST_JOINERS, say

MAX_SECTION_CHARS = 3000
MAX_MESSAGE_BLOCKS = 50
MAX_HOME_BLOCKS = 100
MAX_BUTTON_LABEL = 75
MAX_BUTTON_VALUE = 2000
MAX_FALLBACK_CHARS = 3000
MAX_SUGGESTIONS = 5

ACTION_CLARIFY_PREFIX = "clarify_"
ACTION_FEEDBACK_UP = "feedback_up"
ACTION_FEEDBACK_DOWN = "feedback_down"
ACTION_SHARE = "share_answer"

FEEDBACK_KINDS = frozenset({Kind.ANSWER, Kind.NO_ANSWER})
SOURCE_LINES_KEPT = 1024  # distinct (sources, titles, language): the knowledge base has far fewer
AREA_TITLES = {"region": "Regions", "technology": "Technologies", "segment": "Segments"}
USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
# Built once: json.dumps with options other than its defaults builds a new encoder every call.
COMPACT_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def intro(lang: str = "en") -> str:
    """What the bot is for, in `lang` (the person's Slack language)."""
    return say(lang, "I answer questions about the Renault–Nissan–Mitsubishi Alliance's "
                     "leader-follower model: which company leads each region, technology and "
                     "vehicle segment, and who follows.")


def how_to_ask(lang: str = "en") -> str:
    """The ways to ask, as a mrkdwn list (its `code` and _italics_ kept in every language)."""
    return say(lang, "*How to ask*") + "\n" + say(
        lang, "• `/alliance <question>` — a private answer, with a button to share it in the "
              "channel\n"
              "• @-mention me in a channel — I answer in the thread; mention me again in that "
              "thread for a follow-up such as _and in Europe?_\n"
              "• Send me a direct message — follow-ups in the conversation keep their context\n"
              "• `/alliance matrix` — the whole leadership map; `/alliance help` — this help")


def split_text(text: str, limit: int = MAX_SECTION_CHARS) -> list[str]:
    """Split already-escaped text into chunks of at most `limit` characters.

    Prefers line breaks, then spaces; never cuts inside an `&amp;`-style entity.
    """
    chunks: list[str] = []
    rest = text
    while len(rest) > limit:
        cut = max(rest.rfind("\n", 0, limit), rest.rfind(" ", 0, limit))
        if cut <= 0:
            cut = limit
            entity_start = rest.rfind("&", cut - 5, cut)
            if entity_start != -1 and ";" not in rest[entity_start:cut]:
                cut = entity_start
        chunks.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest or not chunks:
        chunks.append(rest)
    return chunks


def mrkdwn_sections(text: str) -> list[dict[str, Any]]:
    return [
        {"type": "section", "text": {"type": "mrkdwn", "text": chunk or " "}}
        for chunk in split_text(text)
    ]


def context_block(text: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": clip(text, 3000)}]}


def button(label: str, action_id: str, value: str, style: str | None = None) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "button",
        "text": {"type": "plain_text", "text": plain(label, MAX_BUTTON_LABEL), "emoji": True},
        "action_id": action_id,
        "value": value,
    }
    if style:
        element["style"] = style
    return element


def encode_value(fields: dict[str, str]) -> str:
    """A button value carrying `fields` as compact JSON within Slack's 2,000-character limit."""
    budget = MAX_BUTTON_VALUE // max(len(fields), 1)
    while True:
        clipped = {key: text[:budget] for key, text in fields.items()}
        value = COMPACT_JSON.encode(clipped)
        if len(value) <= MAX_BUTTON_VALUE:
            return value
        budget //= 2


def decode_value(value: str) -> dict[str, str]:
    """The fields of a button value made by `encode_value`; {} for anything else."""
    try:
        fields = json.loads(value)
    except (TypeError, json.JSONDecodeError):
        return {}
    if not isinstance(fields, dict):
        return {}
    return {str(key): str(text) for key, text in fields.items()}


def display_name(identifier: str) -> str:
    """A readable name for a company or document id ("alliance-leader-follower-article")."""
    words = identifier.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:]


def company_names(ids: Iterable[str], names: Mapping[str, str] | None = None,
                  lang: str = "en") -> str:
    """"Mitsubishi, Nissan": companies by their name in `names` (id -> name in `lang`), else
    by their id as words."""
    comma = LIST_JOINERS.get(lang, LIST_JOINERS["en"])[0]
    return comma.join((names or {}).get(company) or display_name(company).title()
                      for company in ids)


def document_titles(assistant: Any) -> dict[str, str]:
    """Source document titles from the core's knowledge base (`sources.yaml`); {} without one."""
    documents = getattr(getattr(assistant, "knowledge", None), "documents", None) or {}
    return {document_id: getattr(document, "title", "") for document_id, document
            in documents.items()}


def source_line(sources: list[Source], titles: Mapping[str, str] | None = None,
                lang: str = "en") -> str:
    """ "Source: Alliance leader-follower article, ¶10 — as of May 2020" (grouped per document).

    `titles` maps document ids to titles; an id without one is shown as readable words.
    """
    titles = titles or {}
    named = {source.document: titles.get(source.document) or display_name(source.document)
             for source in sources}
    return _source_line(tuple(sources), tuple(named.items()), lang)


# Every answer about the same facts carries the same line: said once, then looked up.
@lru_cache(maxsize=SOURCE_LINES_KEPT)
def _source_line(sources: tuple[Source, ...], named: tuple[tuple[str, str], ...],
                 lang: str) -> str:
    return escape(source_text(list(sources), dict(named), lang))


def asked_by_line(user_id: str, question: str, lang: str = "en") -> str:
    asked = f"_{echo(question, MAX_ECHOED_QUESTION)}_"
    if USER_ID.match(user_id):
        return say(lang, "{asker} asked: {question}", asker=f"<@{user_id}>", question=asked)
    return say(lang, "Someone asked: {question}", question=asked)


def answer_message(answer: Answer, *, asked_by: str | None = None, shareable: bool = False,
                   titles: Mapping[str, str] | None = None) -> dict[str, Any]:
    """`text` and `blocks` for one answer.

    `asked_by` (a user id) echoes the question above the answer, for answers that appear away
    from the question (slash commands, shared answers); `shareable` adds "Share in channel".
    """
    blocks: list[dict[str, Any]] = []
    if asked_by:
        blocks.append(context_block(asked_by_line(asked_by, answer.question, answer.lang)))
    text = escape(answer.text)
    blocks.extend(mrkdwn_sections(text))
    if answer.suggestions:
        blocks.append({
            "type": "actions",
            "block_id": "clarify",
            "elements": [
                button(suggestion.label, f"{ACTION_CLARIFY_PREFIX}{index}",
                       clip(suggestion.question, MAX_BUTTON_VALUE))
                for index, suggestion in enumerate(answer.suggestions[:MAX_SUGGESTIONS])
            ],
        })
    if answer.sources:
        blocks.append(context_block(source_line(answer.sources, titles, answer.lang)))
    buttons: list[dict[str, Any]] = []
    if answer.kind in FEEDBACK_KINDS:
        feedback_value = encode_value({"q": answer.question, "a": answer.text})
        buttons += [button("👍", ACTION_FEEDBACK_UP, feedback_value),
                    button("👎", ACTION_FEEDBACK_DOWN, feedback_value)]
    if shareable:
        buttons.append(button(say(answer.lang, "Share in channel"), ACTION_SHARE,
                              encode_value({"q": answer.question}), style="primary"))
    if buttons:
        blocks.append({"type": "actions", "block_id": "answer_actions", "elements": buttons})
    return {"text": clip(text, MAX_FALLBACK_CHARS),
            "blocks": fit_blocks(blocks, MAX_MESSAGE_BLOCKS, answer.lang)}


def fit_blocks(blocks: list[dict[str, Any]], limit: int, lang: str = "en") -> list[dict[str, Any]]:
    """At most `limit` blocks; when cut, the last one says so. Trailing actions are kept."""
    if len(blocks) <= limit:
        return blocks
    tail = [blocks[-1]] if blocks[-1]["type"] == "actions" else []
    head = blocks[: limit - 1 - len(tail)]
    return head + [context_block(say(lang, "…(cut to fit Slack's message size)"))] + tail


@dataclass(frozen=True)
class LeadershipMap:
    """The map as one person reads it: rows named in `lang`, company ids -> names in it."""

    rows: list[MatrixRow]
    lang: str = "en"
    companies: Mapping[str, str] = field(default_factory=dict)


def matrix_blocks(leadership: LeadershipMap) -> list[dict[str, Any]]:
    """The leadership map: one titled list per area (regions, technologies, segments)."""
    by_area: dict[str, list[MatrixRow]] = {}
    for row in leadership.rows:
        by_area.setdefault(row.area, []).append(row)
    blocks: list[dict[str, Any]] = []
    for area, area_rows in by_area.items():
        title = say(leadership.lang, AREA_TITLES[area]) if area in AREA_TITLES \
            else display_name(area)
        lines = [f"*{escape(title)}*"]
        lines += [matrix_line(row, leadership) for row in area_rows]
        blocks.extend(mrkdwn_sections("\n".join(lines)))
    return blocks


def leadership_text(leader: str | None, followers: Iterable[str], lang: str = "en",
                    names: Mapping[str, str] | None = None) -> str:
    """ "Renault leads; Mitsubishi, Nissan follow" from company ids, "follows" after a single
    follower; "no designated leader" when the plan names none; in `lang`, the companies named
    as `names` has them. Not escaped."""
    if leader is None:
        return say(lang, "no designated leader")
    following = list(followers)
    leads = company_names([leader], names, lang)
    if not following:
        return say(lang, "{leader} leads", leader=leads)
    others = company_names(following, names, lang)
    if len(following) == 1:
        return say(lang, "{leader} leads; {followers} follows", leader=leads, followers=others)
    return say(lang, "{leader} leads; {followers} follow", leader=leads, followers=others)


def matrix_line(row: MatrixRow, leadership: LeadershipMap) -> str:
    """One row at a glance; the row's notes (`detail`) are left to questions about it."""
    said = leadership_text(row.leader, row.followers, leadership.lang, leadership.companies)
    return f"• *{escape(row.name)}* — {escape(said)}"


def examples_text(examples: list[str], lang: str = "en") -> str:
    """The example questions (English in the catalogues), asked in `lang`."""
    return "\n".join(f"• _{escape(say(lang, example))}_" for example in examples)


def help_message(examples: list[str], subcommands: Iterable[str],
                 lang: str = "en") -> dict[str, Any]:
    """What `/alliance help` (and an empty `/alliance`) shows, in the person's language."""
    blocks = [
        {"type": "section", "text": {"type": "mrkdwn", "text": escape(intro(lang))}},
        {"type": "section", "text": {"type": "mrkdwn", "text": how_to_ask(lang)}},
    ]
    if examples:
        blocks += mrkdwn_sections(say(lang, "*Examples*") + "\n" + examples_text(examples, lang))
    extra = sorted(subcommands)
    if extra:
        listed = ", ".join(f"`/alliance {escape(name)}`" for name in extra)
        blocks.append(context_block(say(lang, "More commands: {commands}", commands=listed)))
    return {"text": escape(intro(lang)), "blocks": fit_blocks(blocks, MAX_MESSAGE_BLOCKS, lang)}


def map_title(lang: str = "en") -> dict[str, Any]:
    return {"type": "header",
            "text": {"type": "plain_text", "text": say(lang, "Alliance leadership map")}}


def matrix_message(leadership: LeadershipMap) -> dict[str, Any]:
    """What `/alliance matrix` shows."""
    blocks = [map_title(leadership.lang), *matrix_blocks(leadership)]
    return {"text": say(leadership.lang, "Alliance leadership map"),
            "blocks": fit_blocks(blocks, MAX_MESSAGE_BLOCKS, leadership.lang)}


def home_view(leadership: LeadershipMap, examples: list[str],
              extra_blocks: list[dict[str, Any]]) -> dict[str, Any]:
    """The App Home tab: the map at a glance, how to ask, examples, then feature sections,
    in the language of the map (the person's)."""
    lang = leadership.lang
    blocks: list[dict[str, Any]] = [
        map_title(lang),
        *matrix_blocks(leadership),
        {"type": "divider"},
        {"type": "section", "text": {"type": "mrkdwn", "text": how_to_ask(lang)}},
    ]
    if examples:
        blocks += mrkdwn_sections(say(lang, "*Example questions*") + "\n"
                                  + examples_text(examples, lang))
    if extra_blocks:
        blocks += [{"type": "divider"}, *extra_blocks]
    return {"type": "home", "blocks": fit_blocks(blocks, MAX_HOME_BLOCKS, lang)}


def notice_message(text: str) -> dict[str, Any]:
    """A one-line message (errors, thanks) as text and a single section."""
    return {"text": text, "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": text}}]}
