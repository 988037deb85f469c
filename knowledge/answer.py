"""The plain data the core hands to every surface (command line, Slack, digest).

Rendering to text, JSON or Block Kit happens at the edge; nothing here knows about Slack.
"""

from __future__ import annotations

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
    """Where a fact comes from: a document id and a paragraph number in it."""

    document: str
    paragraph: int

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
            "sources": [source.model_dump() for source in self.sources],
            "confidence": round(self.confidence, 3),
            "kind": self.kind.value,
            "suggestions": [s.model_dump() for s in self.suggestions],
            "truncated": self.truncated,
            "lang": self.lang,
        }


class MatrixRow(BaseModel):
    """One line of the leadership map: an area of the plan, its leader and followers."""

    area: str  # "region", "technology" or "segment"
    id: str
    name: str
    leader: str | None
    followers: list[str]
    detail: str = ""
    sources: list[Source] = Field(default_factory=list)
