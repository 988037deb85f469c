"""The labelled question sets: >= 98% right and not one wrong confident answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from intents.evaluation import evaluate, load_questions

DATA = Path(__file__).resolve().parents[1] / "data"
CATEGORIES = {"region", "country", "technology", "segment", "company", "yesno", "followers",
              "fact", "typo", "out_of_scope", "unassigned", "ambiguous", "compound",
              "paraphrase", "slack_markup", "list"}


@pytest.fixture(scope="module", params=["questions.yaml", "holdout.yaml"])
def report(request, assistant):
    return evaluate(assistant, load_questions(DATA / request.param))


def test_question_set_is_large_and_covers_every_category():
    questions = load_questions(DATA / "questions.yaml")
    assert len(questions) >= 300
    assert {q.category for q in questions} == CATEGORIES


def test_accuracy_is_at_least_98_percent(report):
    misses = [(o.question.q, o.why) for o in report.outcomes if not o.correct]
    assert report.accuracy >= 0.98, misses


def test_no_wrong_confident_answers(report):
    assert [(o.question.q, o.answer.leaders) for o in report.wrong_confident] == []
