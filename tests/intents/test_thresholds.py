"""Boundary tables for the named cutoffs: just either side of each one."""

from __future__ import annotations

import pytest

from intents import thresholds
from knowledge.answer import Kind
from knowledge.query import Intent, Target, TargetKind, Understanding

EUROPE = Target(kind=TargetKind.REGION, id="europe", text="Europe")


@pytest.mark.parametrize(("confidence", "kind"), [
    (thresholds.CONFIDENCE_THRESHOLD - 0.01, Kind.CLARIFY),
    (thresholds.CONFIDENCE_THRESHOLD + 0.01, Kind.ANSWER),
])
def test_confidence_threshold_decides_between_answer_and_asking_back(assistant, confidence,
                                                                        kind):
    understanding = Understanding(intent=Intent.WHO_LEADS, confidence=confidence,
                                  targets=[EUROPE])
    answer = assistant._decide(assistant._engine, "who leads Europe?", understanding)
    assert answer.kind == kind
    assert answer.leaders == (["renault"] if kind == Kind.ANSWER else [])


@pytest.mark.parametrize(("length", "edits"), [
    (thresholds.FUZZY_LONG_LENGTH - 1, thresholds.FUZZY_MAX_EDITS_SHORT),
    (thresholds.FUZZY_LONG_LENGTH, thresholds.FUZZY_MAX_EDITS_LONG),
])
def test_edit_budget_grows_with_length(assistant, length, edits):
    linker = assistant._engine.nlp.get_pipe("fuzzy_linker")
    assert linker.max_edits(length) == edits


@pytest.mark.parametrize(("question", "leaders"), [
    ("who leads Eurpoe", ["renault"]),  # 6 letters, one transposition: within budget
    ("who leads Erpoe", []),  # 5 letters, two edits: beyond budget
    ("who leads Mitsubushi", ["mitsubishi"]),  # 10 letters, one edit
    # the budget is the shorter word's: 8 typed letters, two edits, but "Latvia" has 6
    ("who leads latveria", []),
    ("who leads Phillipines", ["mitsubishi"]),  # 11 letters both, two edits
])
def test_fuzzy_edit_budget_boundaries(assistant, question, leaders):
    assert assistant.ask(question).leaders == leaders


def test_short_words_are_never_fuzzy_matched(assistant):
    # "Jpan" is four letters and one edit from "Japan"; "Jpn" is three letters: left alone.
    assert assistant.ask("who leads Jpan").leaders == ["nissan"]
    assert assistant.ask("who leads Jpn").leaders == []


def test_everyday_words_are_not_corrected_into_names(assistant):
    answer = assistant.ask("who leeds Japan")  # "leeds" is a typo of "leads", not the city
    assert answer.leaders == ["nissan"]
