"""Score the assistant on a labelled question set (`alliance-bot eval FILE`).

A file holds single questions, or conversations (`id`, `voice`, `turns`): each turn is asked
with the context the earlier turns of its conversation left, as a Slack thread would, and
graded like a single question; a conversation is right when every turn is.

A question is right when the answer states exactly the expected leaders (and followers, yes/no
and phrases when labelled), or asks back where asking back is acceptable. A *wrong confident*
answer states a leader that is not the expected one: the worst error this product can make.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

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


class LabelledConversation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    voice: str = ""
    turns: list[LabelledQuestion] = Field(min_length=1)


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
    conversations: list[tuple[str, list[Outcome]]] = field(default_factory=list)

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


    def conversation_accuracy(self) -> float:
        """The share of conversations with every turn right."""
        right = sum(all(o.correct and not o.wrong_confident for o in turns)
                    for _, turns in self.conversations)
        return right / max(len(self.conversations), 1)


# How a yes/no answer opens in each language.
OPENERS = {"en": ("Yes", "No"), "fr": ("Oui", "Non"), "ja": ("はい", "いいえ")}
EXPECTED = ("not a labelled question set (a YAML list of {q, category, understood, ...}) nor a "
            "conversation set (a YAML list of {id, voice, turns})")
ModelT = TypeVar("ModelT", bound=BaseModel)


def load_questions(path: Path) -> list[LabelledQuestion]:
    """The labelled questions in `path`; a ValueError in one line naming the file (and the entry
    and field) when it is not such a set."""
    return _validated(path, _read_list(path), LabelledQuestion)


def load_conversations(path: Path) -> list[LabelledConversation]:
    """The labelled conversations in `path`, with the same one-line errors."""
    return _validated(path, _read_list(path), LabelledConversation)


def load_set(path: Path) -> list[LabelledQuestion] | list[LabelledConversation]:
    """The file's conversations when it holds conversations, else its single questions (the
    file is read and parsed once)."""
    data = _read_list(path)
    holds_conversations = isinstance(data[0], dict) and "turns" in data[0]
    return _validated(path, data, LabelledConversation if holds_conversations
                      else LabelledQuestion)


def labelled_texts(path: Path) -> list[str]:
    """Every question a labelled file holds: its questions, or every turn of its conversations."""
    return [turn.q for item in load_set(path)
            for turn in (item.turns if isinstance(item, LabelledConversation) else [item])]


def _validated(path: Path, data: list[Any], model: type[ModelT]) -> list[ModelT]:
    items = []
    for number, item in enumerate(data, start=1):
        try:
            items.append(model.model_validate(item))
        except ValidationError as error:
            first = error.errors()[0]
            field = ".".join(str(part) for part in first["loc"]) or "entry"
            raise ValueError(f"{path}: {EXPECTED}: entry {number}, field {field!r}: "
                             f"{first['msg'].lower()}") from None
    return items


def _item(raw: Any) -> Any:
    """YAML 1.1 reads an unquoted `yes:` key as the boolean true: read it as "yes"."""
    if isinstance(raw, dict):
        return {("yes" if key is True else key): _item(value) for key, value in raw.items()}
    if isinstance(raw, list):
        return [_item(value) for value in raw]
    return raw


def _read_list(path: Path) -> list[Any]:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f" (YAML error at line {where.line + 1})" if where else ""
        raise ValueError(f"{path}: {EXPECTED}{line}") from None
    if not isinstance(data, list) or not data:
        raise ValueError(f"{path}: {EXPECTED}")
    return _item(data)


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
             items: list[LabelledQuestion] | list[LabelledConversation]) -> Report:
    """Single questions on their own; conversations turn by turn, each turn in the context the
    earlier turns left."""
    report = Report()
    for item in items:
        if isinstance(item, LabelledConversation):
            context: dict[str, Any] | None = None
            turns = []
            for turn in item.turns:
                answer = assistant.ask(turn.q, context)
                context = answer.context
                turns.append(score(turn, answer))
            report.outcomes += turns
            report.conversations.append((item.id, turns))
        else:
            report.outcomes.append(score(item, assistant.ask(item.q)))
    return report


def evaluate_conversations(assistant: Any, conversations: list[LabelledConversation]) -> Report:
    return evaluate(assistant, conversations)


def by_language(report: Report) -> dict[str, tuple[int, int, int]]:
    """lang -> (right, total, wrong confident)."""
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for outcome in report.outcomes:
        row = table[outcome.question.lang or "en"]
        row[0] += outcome.correct
        row[1] += 1
        row[2] += outcome.wrong_confident
    return {lang: (r, t, w) for lang, (r, t, w) in sorted(table.items())}
