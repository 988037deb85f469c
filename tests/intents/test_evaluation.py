"""The labelled question sets: >= 98% right and not one wrong confident answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from intents.evaluation import (
    evaluate,
    evaluate_conversations,
    load_conversations,
    load_questions,
)

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


@pytest.fixture(scope="module")
def conversations(assistant):
    return evaluate_conversations(assistant, load_conversations(DATA / "conversations.yaml"))


def test_the_conversation_set_has_60_threads_of_2_to_5_turns_in_several_voices():
    threads = load_conversations(DATA / "conversations.yaml")
    assert len(threads) >= 60
    assert all(2 <= len(t.turns) <= 5 for t in threads)
    assert len({t.voice for t in threads}) >= 5


def test_at_least_95_percent_of_conversation_turns_are_right(conversations):
    misses = [(o.question.q, o.why) for o in conversations.outcomes if not o.correct]
    assert conversations.accuracy >= 0.95, misses


def test_no_conversation_turn_names_a_wrong_leader(conversations):
    assert [(o.question.q, o.answer.leaders) for o in conversations.wrong_confident] == []


@pytest.mark.parametrize("name", ["focus_and_unknowns.yaml", "threads_ops.yaml"])
def test_the_issue_11_sets_get_no_wrong_leader(assistant, name):
    """Written for issue 11 in a terse ops voice (focus, asking back, names of places, threads)."""
    path = DATA / name
    if name.startswith("threads"):
        report = evaluate_conversations(assistant, load_conversations(path))
    else:
        report = evaluate(assistant, load_questions(path))
    assert [(o.question.q, o.answer.leaders) for o in report.wrong_confident] == []
    assert report.accuracy >= 0.95, [(o.question.q, o.why) for o in report.outcomes
                                     if not o.correct]
