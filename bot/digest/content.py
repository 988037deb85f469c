"""What a digest says, and its Block Kit: spotlight, knowledge-base changes, yesterday's stats.

Plain data in, blocks out. Sections with nothing to say are left out. Questions asked elsewhere
are quoted through `echo` (escaped, one line, clipped) and every list goes through
`mrkdwn_sections`, so no question can ping the channel or push a section past Slack's limit.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot.slack.blocks import button, company_names, leadership_text, mrkdwn_sections, source_line
from bot.slack.text import echo, escape
from bot.teaching.views import ACTION_OPEN as TEACH_ACTION
from knowledge.answer import MatrixRow
from knowledge.localise import Phrasing, say

MAX_LISTED_QUESTIONS = 5  # per list (unanswered, 👎): enough to act on, short enough to read
TOP_TOPICS = 3
DATE_FORMATS = {"en": "%A %d %B %Y", "fr": "%d/%m/%Y", "ja": "%Y年%m月%d日"}
AREA_LABELS = {"region": "region", "technology": "technology", "segment": "segment"}

Snapshot = dict[str, dict[str, Any]]  # "area:id" -> name, leader, followers, detail


@dataclass(frozen=True)
class DailyStats:
    """The questions of one local day, for the people who keep the knowledge base."""

    day: date
    questions: int
    top_topics: list[tuple[str, int]] = field(default_factory=list)
    unanswered: list[str] = field(default_factory=list)
    disliked: list[str] = field(default_factory=list)
    # Teaching: every unanswered question of the day (not only those listed), how many of
    # them the bot answers by the time of the digest, and question -> Teach button value.
    unanswered_total: int = 0
    answered_now: int = 0
    teach_refs: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Digest:
    local_date: date
    spotlight: MatrixRow | None
    changes: list[str]
    stats: DailyStats | None
    snapshot: Snapshot
    fingerprint: str
    lang: str = "en"  # the language the channel's digest is written in
    companies: dict[str, str] = field(default_factory=dict)  # id -> name in that language
    titles: dict[str, str] = field(default_factory=dict)  # document id -> title, for sources

    @property
    def spotlight_key(self) -> str | None:
        return row_key(self.spotlight) if self.spotlight else None


def row_key(row: MatrixRow) -> str:
    return f"{row.area}:{row.id}"


def snapshot_of(rows: list[MatrixRow]) -> Snapshot:
    return {
        row_key(row): {"name": row.name, "leader": row.leader,
                       "followers": sorted(row.followers), "detail": row.detail}
        for row in rows
    }


def fingerprint_of(snapshot: Snapshot) -> str:
    canonical = json.dumps(snapshot, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def next_spotlight(rows: list[MatrixRow], previous_key: str | None) -> MatrixRow | None:
    """The row after the channel's last spotlight, wrapping round: every row in turn."""
    if not rows:
        return None
    keys = [row_key(row) for row in rows]
    if previous_key not in keys:
        return rows[0]
    return rows[(keys.index(previous_key) + 1) % len(rows)]


def company(name: str | None) -> str:
    return company_names([name]) if name else "nobody"


def _followers(entry: dict[str, Any]) -> str:
    return company_names(entry["followers"])


def _leadership(entry: dict[str, Any]) -> str:
    return escape(leadership_text(entry["leader"], entry["followers"]))


def changes_between(previous: Snapshot | None, current: Snapshot) -> list[str]:
    """One line per difference; nothing for a channel's first digest (no baseline)."""
    if previous is None:
        return []
    lines = []
    for key, entry in current.items():
        before = previous.get(key)
        name = escape(entry["name"])
        if before is None:
            lines.append(f"New in the map: *{name}* — {_leadership(entry)}.")
            continue
        if before["leader"] != entry["leader"]:
            lines.append(f"*{name}*: {company(entry['leader'])} now leads "
                         f"(was {company(before['leader'])}).")
        elif before["followers"] != entry["followers"]:
            lines.append(f"*{name}*: followers are now {_followers(entry) or 'none'}.")
        if before["detail"] != entry["detail"] and entry["detail"]:
            lines.append(f"*{name}*: {escape(entry['detail'])}")
    lines.extend(f"No longer in the map: *{escape(before['name'])}*."
                 for key, before in previous.items() if key not in current)
    return lines


def _section(markdown: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": markdown}}


def _spotlight_blocks(row: MatrixRow, titles: dict[str, str], lang: str = "en",
                      companies: dict[str, str] | None = None) -> list[dict[str, Any]]:
    entry = snapshot_of([row])[row_key(row)]
    if lang == "en":
        area = AREA_LABELS.get(row.area, row.area)
        text = f"*Spotlight — {escape(row.name)}* ({escape(area)})\n{_leadership(entry)}."
    else:
        names = companies or {}
        followers = [names.get(f, company(f)) for f in entry["followers"]]
        leader = names.get(entry["leader"], company(entry["leader"]))
        what = escape(row.name)
        text = say(lang, "*Spotlight — {name}*", name=what) + "\n" + (
            say(lang, "{leader} leads {what}; {followers} follow.", leader=leader, what=what,
                followers=Phrasing.joiner(lang, followers))
            if followers else say(lang, "{leader} leads {what}.", leader=leader, what=what))
    if row.detail:
        text += f"\n{escape(row.detail)}"
    blocks = mrkdwn_sections(text)
    if row.sources:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn",
                                                        "text": source_line(row.sources, titles,
                                                                            lang=lang)}]})
    return blocks


def _bullets(items: list[str]) -> str:
    return "\n".join(f"• {item}" for item in items)


def _quoted(questions: list[str]) -> str:
    return _bullets([echo(question) for question in questions])


def _stats_blocks(stats: DailyStats) -> list[dict[str, Any]]:
    plural = "" if stats.questions == 1 else "s"
    text = f"*Yesterday ({stats.day:%a %d %b})*: {stats.questions} question{plural}"
    if stats.top_topics:
        topics = ", ".join(f"{escape(topic.replace('_', ' '))} ({count})"
                           for topic, count in stats.top_topics)
        text += f"\nTop topics: {topics}"
    blocks = [_section(text)]
    if stats.unanswered:
        blocks += mrkdwn_sections("*Could not answer*" + _answered_now(stats) + "\n"
                                  + _quoted(stats.unanswered))
        blocks.extend(_teach_buttons(stats, stats.unanswered, "teach_unanswered"))
    if stats.disliked:
        blocks += mrkdwn_sections("*Answers marked 👎*\n" + _quoted(stats.disliked))
        blocks.extend(_teach_buttons(stats, stats.disliked, "teach_disliked"))
    return blocks


def _answered_now(stats: DailyStats) -> str:
    if not stats.unanswered_total:
        return ""
    return f" ({stats.answered_now} of {stats.unanswered_total} answered now)"


def _teach_buttons(stats: DailyStats, questions: list[str], block_id: str) -> list[dict[str, Any]]:
    """A Teach button per listed question (admins only: the click is checked by the bot)."""
    refs = [(question, stats.teach_refs[question]) for question in questions
            if question in stats.teach_refs]
    if not refs:
        return []
    return [{"type": "actions", "block_id": block_id, "elements": [
        button(f"Teach: {question}", f"{TEACH_ACTION}_{index}", ref)
        for index, (question, ref) in enumerate(refs)]}]


def render(digest: Digest) -> tuple[str, list[dict[str, Any]]]:
    """(notification text, blocks) for chat.postMessage, in the digest's language (the
    knowledge-base changes and question statistics are for the maintainers: English)."""
    lang = digest.lang
    day = f"{digest.local_date:{DATE_FORMATS.get(lang, DATE_FORMATS['en'])}}"
    title = say(lang, "Alliance digest — {day}", day=day)
    blocks: list[dict[str, Any]] = [{"type": "header",
                                     "text": {"type": "plain_text", "text": title}}]
    if digest.spotlight:
        blocks.extend(_spotlight_blocks(digest.spotlight, digest.titles, lang, digest.companies))
    if digest.changes:
        blocks.append({"type": "divider"})
        blocks += mrkdwn_sections(say(lang, "*What changed in the knowledge base*") + "\n"
                                  + _bullets(digest.changes))
    if digest.stats and digest.stats.questions:
        blocks.append({"type": "divider"})
        blocks.extend(_stats_blocks(digest.stats))
    return title, blocks
