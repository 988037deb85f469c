"""Score the assistant on a labelled question set (`alliance-bot eval FILE`).

A question is right when the answer states exactly the expected leaders (and followers, yes/no
and phrases when labelled), or asks back where asking back is acceptable. A *wrong confident*
answer states a leader that is not the expected one: the worst error this product can make.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from knowledge.answer import Answer, Kind


class LabelledQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid")

    q: str
    category: str
    understood: bool
    leaders: list[str] = Field(default_factory=list)
    followers: list[str] | None = None
    yes: bool | None = None
    accept_clarify: bool = False
    contains: list[str] = Field(default_factory=list)
    lang: str | None = None  # the answer must be in this language ("fr", "ja")


@dataclass
class Outcome:
    question: LabelledQuestion
    answer: Answer
    correct: bool
    wrong_confident: bool
    why: str = ""


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return sum(o.correct for o in self.outcomes) / max(len(self.outcomes), 1)

    @property
    def wrong_confident(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.wrong_confident]

    def by_category(self) -> dict[str, tuple[int, int]]:
        table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for outcome in self.outcomes:
            table[outcome.question.category][0] += outcome.correct
            table[outcome.question.category][1] += 1
        return {category: (right, total) for category, (right, total) in sorted(table.items())}


# How a yes/no answer opens in each language.
OPENERS = {"en": ("Yes", "No"), "fr": ("Oui", "Non"), "ja": ("はい", "いいえ")}


class Conversation(BaseModel):
    """A thread: each turn is answered with the context of the turns before it."""

    model_config = ConfigDict(extra="forbid")

    id: str
    voice: str = ""
    turns: list[LabelledQuestion] = Field(min_length=1)


def _item(raw: Any) -> Any:
    """YAML 1.1 reads an unquoted `yes:` key as the boolean true: read it as "yes"."""
    if isinstance(raw, dict):
        return {("yes" if key is True else key): _item(value) for key, value in raw.items()}
    if isinstance(raw, list):
        return [_item(value) for value in raw]
    return raw


def load_set(path: Path) -> list[LabelledQuestion | Conversation]:
    """Single questions and conversations (items with `turns`) from one file."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of labelled questions")
    return [Conversation.model_validate(item) if isinstance(item, dict) and "turns" in item
            else LabelledQuestion.model_validate(item) for item in _item(data)]


def load_questions(path: Path) -> list[LabelledQuestion]:
    """The single questions of a file, and every conversation's turns in order."""
    out: list[LabelledQuestion] = []
    for item in load_set(path):
        out += item.turns if isinstance(item, Conversation) else [item]
    return out


def score(question: LabelledQuestion, answer: Answer) -> Outcome:
    expected = sorted(question.leaders)
    stated = sorted(answer.leaders)
    clarified = answer.kind == Kind.CLARIFY
    wrong_confident = bool(stated) and stated != expected and not clarified
    if question.accept_clarify and clarified:
        return Outcome(question, answer, True, False)
    problems: list[str] = []
    if stated != expected:
        problems.append(f"leaders {stated} != {expected}")
    if answer.understood != question.understood:
        problems.append(f"understood {answer.understood} != {question.understood}")
    if question.followers is not None and sorted(answer.followers) != sorted(question.followers):
        problems.append(f"followers {sorted(answer.followers)} != {sorted(question.followers)}")
    if question.lang is not None and answer.lang != question.lang:
        problems.append(f"answered in {answer.lang!r}, asked in {question.lang!r}")
    if question.yes is not None:
        yes, no = OPENERS.get(question.lang or "en", OPENERS["en"])
        opener = yes if question.yes else no
        if not answer.text.startswith(opener):
            problems.append(f"answer should begin with {opener}")
    for phrase in question.contains:
        if phrase.lower() not in answer.text.lower():
            problems.append(f"answer lacks {phrase!r}")
    return Outcome(question, answer, not problems, wrong_confident, "; ".join(problems))


def evaluate(assistant: Any,
             items: list[LabelledQuestion] | list[LabelledQuestion | Conversation]) -> Report:
    """Score single questions on their own and conversations turn by turn, in context."""
    outcomes: list[Outcome] = []
    for item in items:
        if isinstance(item, Conversation):
            context: dict[str, Any] | None = None
            for turn in item.turns:
                answer = assistant.ask(turn.q, context)
                context = answer.context
                outcomes.append(score(turn, answer))
        else:
            outcomes.append(score(item, assistant.ask(item.q)))
    return Report(outcomes)


def by_language(report: Report) -> dict[str, tuple[int, int, int]]:
    """lang -> (right, total, wrong confident)."""
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for outcome in report.outcomes:
        row = table[outcome.question.lang or "en"]
        row[0] += outcome.correct
        row[1] += 1
        row[2] += outcome.wrong_confident
    return {lang: (r, t, w) for lang, (r, t, w) in sorted(table.items())}
