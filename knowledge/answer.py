"""The plain data the core hands to every surface (command line, Slack, digest).

Rendering to text, JSON or Block Kit happens at the edge; nothing here knows about Slack.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field


class Kind(StrEnum):
    """What sort of reply an answer is."""

    ANSWER = "answer"  # stated from the knowledge base
    CLARIFY = "clarify"  # unsure: asks back with candidates
    NO_ANSWER = "no_answer"  # out of scope, unreadable, or nothing to go on
    SMALL_TALK = "small_talk"  # greeting, thanks, help


class Source(BaseModel):
    """Where a fact comes from: a document id, a paragraph number in it, and how old it is."""

    document: str
    paragraph: int
    as_of: date | None = None  # the date the document (or the fact) states things as of

    model_config = {"frozen": True}


class Suggestion(BaseModel):
    """A candidate reading offered back to the user; `question` is what to ask if picked."""

    label: str
    question: str


class Answer(BaseModel):
    """One reply to one question."""

    question: str
    intent: str
    kind: Kind
    understood: bool
    leaders: list[str] = Field(default_factory=list)
    followers: list[str] = Field(default_factory=list)
    text: str
    sources: list[Source] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)
    suggestions: list[Suggestion] = Field(default_factory=list)
    scope: dict[str, Any] = Field(default_factory=dict)
    truncated: bool = False
    lang: str = "en"  # the language the text is in: "en", "fr" or "ja"
    # What a follow-up in the same conversation needs; JSON-serialisable, opaque to surfaces.
    context: dict[str, Any] = Field(default_factory=dict)

    def public_json(self) -> dict[str, Any]:
        """The documented JSON Lines object of `alliance-bot ask --json`."""
        return {
            "question": self.question,
            "intent": self.intent,
            "understood": self.understood,
            "leaders": sorted(self.leaders),
            "followers": sorted(self.followers),
            "answer": self.text,
            "sources": [source.model_dump(mode="json") for source in self.sources],
            "confidence": round(self.confidence, 3),
            "kind": self.kind.value,
            "suggestions": [s.model_dump() for s in self.suggestions],
            "truncated": self.truncated,
            "lang": self.lang,
        }


def as_of_text(sources: list[Source], lang: str = "en") -> str:
    """"May 2020" ("mai 2020", "2020年5月"): the month of the oldest date among the sources, or
    "" when none is known."""
    dates = [s.as_of for s in sources if s.as_of]
    return month_and_year(min(dates), lang) if dates else ""


def month_and_year(day: date, lang: str = "en") -> str:
    """The month and year of `day` as `lang` writes them, from Babel's CLDR locale data (its
    "yMMMM" pattern). English, the catalogues' own language, needs no locale data: Babel is
    imported only when a French or Japanese date is said."""
    if lang == "en":
        return f"{day:%B %Y}"
    from babel.dates import format_skeleton

    return format_skeleton("yMMMM", day, locale=lang)


class MatrixRow(BaseModel):
    """One line of the leadership map: an area of the plan, its leader and followers."""

    area: str  # "region", "technology" or "segment"
    id: str
    name: str
    leader: str | None
    followers: list[str]
    detail: str = ""
    sources: list[Source] = Field(default_factory=list)


ERROR_INTENT = "error"  # the core failed on a question (a bug), as opposed to not knowing
SORRY = "Sorry, something went wrong while answering that. Please try again in a moment."


def apology(question: str, lang: str = "en") -> Answer:
    """What a person is told when answering failed, in the language asked: the truth, never a
    guess."""
    from knowledge.localise import say  # the catalogues read the knowledge base: no import loop

    return Answer(question=question, intent=ERROR_INTENT, kind=Kind.NO_ANSWER, understood=False,
                  text=say(lang, SORRY), confidence=0.0, lang=lang)


def source_text(sources: list[Source], titles: Mapping[str, str], lang: str = "en") -> str:
    """ "Source: Alliance leader-follower article, ¶10 — as of May 2020": paragraphs grouped
    per document, each named by its title in `titles` (from sources.yaml), or by its id without
    one, with the document's as-of month; the words, titles and month said in `lang` ("— à jour
    en mai 2020", "（2020年5月時点）")."""
    from knowledge.localise import LIST_JOINERS, say  # the catalogues read the knowledge base

    comma = LIST_JOINERS.get(lang, LIST_JOINERS["en"])[0]
    paragraphs: dict[str, list[int]] = {}
    for source in sources:
        numbers = paragraphs.setdefault(source.document, [])
        if source.paragraph not in numbers:
            numbers.append(source.paragraph)
    parts = []
    for document, numbers in paragraphs.items():
        fields = {"document": say(lang, titles.get(document) or document),
                  "paragraphs": comma.join(f"¶{n}" for n in sorted(numbers))}
        when = as_of_text([s for s in sources if s.document == document], lang)
        parts.append(say(lang, "{document}, {paragraphs} — as of {date}", date=when, **fields)
                     if when else say(lang, "{document}, {paragraphs}", **fields))
    return say(lang, "Source: {sources}" if len(sources) == 1 else "Sources: {sources}",
               sources="; ".join(parts))
