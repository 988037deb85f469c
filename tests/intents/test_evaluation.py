"""The labelled question sets: >= 98% right, not one wrong confident answer, no question the
bot answers right today answered wrong tomorrow, and never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from intents.evaluation import (
    Report,
    evaluate,
    evaluate_conversations,
    load_conversations,
    load_questions,
)
from knowledge.answer import ERROR_INTENT

DATA = Path(__file__).resolve().parents[1] / "data"
CATEGORIES = {"region", "country", "technology", "segment", "company", "yesno", "followers",
              "fact", "typo", "out_of_scope", "unassigned", "ambiguous", "compound",
              "paraphrase", "slack_markup", "list"}


# What each set misses today. The 98% bar leaves room for a handful of misses, so on its own
# it lets any one answer break unnoticed; this list does not. Shrinking it is welcome.
KNOWN_MISSES = {
    "questions.yaml": {"What are leaders and followers assigned based on?",
                       "How much does a Nissan Leaf cost?"},
    "holdout.yaml": set(),
}


class Unguarded:
    """The assistant with its catch-all off, so a crash fails the evaluation loudly."""

    def __init__(self, assistant) -> None:
        self.assistant = assistant

    def ask(self, question, context=None):
        return self.assistant.ask(question, context, guarded=False)


@pytest.fixture(scope="module", params=list(KNOWN_MISSES))
def labelled(request, assistant) -> tuple[str, Report]:
    return request.param, evaluate(Unguarded(assistant), load_questions(DATA / request.param))


@pytest.fixture(scope="module")
def report(labelled) -> Report:
    return labelled[1]


def test_question_set_is_large_and_covers_every_category():
    questions = load_questions(DATA / "questions.yaml")
    assert len(questions) >= 300
    assert {q.category for q in questions} == CATEGORIES


def test_accuracy_is_at_least_98_percent(report):
    misses = [(o.question.q, o.why) for o in report.outcomes if not o.correct]
    assert report.accuracy >= 0.98, misses


def test_no_wrong_confident_answers(report):
    assert [(o.question.q, o.answer.leaders) for o in report.wrong_confident] == []


def test_no_question_answered_right_today_is_answered_wrong(labelled):
    name, report = labelled
    misses = {o.question.q: o.why for o in report.outcomes if not o.correct}
    new = {q: why for q, why in misses.items() if q not in KNOWN_MISSES[name]}
    assert new == {}


def test_no_labelled_question_gets_the_apology_for_a_crash(report):
    assert [o.question.q for o in report.outcomes if o.answer.intent == ERROR_INTENT] == []


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
