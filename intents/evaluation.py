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


def load_questions(path: Path) -> list[LabelledQuestion]:
    """The labelled set in `path`; a ValueError in one line naming the file (and the entry and
    field) when it is not one."""
    expected = "not a labelled question set (a YAML list of {q, category, understood, ...})"
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f" (YAML error at line {where.line + 1})" if where else ""
        raise ValueError(f"{path}: {expected}{line}") from None
    if not isinstance(data, list) or not data:
        raise ValueError(f"{path}: {expected}")
    questions = []
    for number, item in enumerate(data, start=1):
        try:
            questions.append(LabelledQuestion.model_validate(item))
        except ValidationError as error:
            first = error.errors()[0]
            field = ".".join(str(part) for part in first["loc"]) or "entry"
            raise ValueError(f"{path}: {expected}: entry {number}, field {field!r}: "
                             f"{first['msg'].lower()}") from None
    return questions


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
    if question.yes is not None:
        opener = "Yes" if question.yes else "No"
        if not answer.text.startswith(opener):
            problems.append(f"answer should begin with {opener}")
    for phrase in question.contains:
        if phrase.lower() not in answer.text.lower():
            problems.append(f"answer lacks {phrase!r}")
    return Outcome(question, answer, not problems, wrong_confident, "; ".join(problems))


def evaluate(assistant: Any, questions: list[LabelledQuestion]) -> Report:
    return Report([score(q, assistant.ask(q.q)) for q in questions])
