"""A place's name used as a programme's code name is no place; names that only look like
courtesy are still places."""

from __future__ import annotations

import pytest

from intents.text import clean
from tests.support.threads import thread


@pytest.mark.parametrize(("question", "name"), [
    ("who is in charge of project Denver?", "project Denver"),
    ("which company runs the Nairobi initiative", "Nairobi initiative"),
    ("who owns the Kyoto-7 programme", "Kyoto-7"),
    ("which company leads the Lisbon-B program?", "Lisbon-B"),
    ("qui pilote le projet Marseille ?", "projet Marseille"),
    ("is the Osaka-3 initiative under nissan?", "Osaka-3"),
    ("which company leads the Nebulon-7 programme?", "Nebulon-7"),  # named after no place
    ("project Lyon, who leads it?", "project Lyon"),  # the programme word first
    ("who leads the Chicago 2030 plan?", "Chicago 2030"),
    ("who runs the Osaka Bridge programme in the alliance?", "Osaka Bridge programme"),
])
def test_a_code_name_is_asked_back_not_answered_as_its_place(assistant, question, name):
    answer = assistant.ask(question, guarded=False)
    assert answer.intent == "clarify" and not answer.leaders, answer.text
    # the name exactly, no word more or less
    assert f"“{name}”" in answer.text or f"« {name} »" in answer.text, answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("who leads the china program?", ["nissan"]),  # a country's programme is its market's
    ("who leads the A-B segments?", ["renault"]),
    ("who leads Timor-Leste?", ["mitsubishi"]),
    ("who leads Denver?", ["nissan"]),
])
def test_names_beside_codes_or_programmes_are_still_places(assistant, question, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.understood and answer.leaders == leaders, answer.text


def test_a_code_keeps_its_hyphen_other_hyphens_part_words():
    assert clean("the Aurora-X and South-East Asia, e-body, segments A-F").text \
        == "the Aurora-X and South East Asia, e body, segments A - F"


@pytest.mark.parametrize(("question", "leaders"), [
    ("who leads great britain?", ["renault"]),  # "great" is also thanks
    ("cheers, who leads bosnia?", ["renault"]),  # one half of "Bosnia and Herzegovina"
    ("herzegovina leader pls", ["renault"]),
    ("trinidad?", []),  # the Caribbean: nobody
])
def test_names_that_look_like_courtesy_or_are_half_a_name_are_places(assistant, question,
                                                                      leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.understood and answer.leaders == leaders, answer.text


def test_a_code_name_outweighs_the_fact_which_company_hints_at(assistant):
    # "quelle entreprise" alone would be the members' fact
    answer = assistant.ask("quelle entreprise pilote le programme Rabat-4 ?", guarded=False)
    assert answer.intent == "clarify" and "Rabat-4" in answer.text, answer.text


def test_only_a_word_for_a_programme_makes_a_code_name(assistant):
    # "nom de code" is a word for one; its "de" is not ("au bureau de Lyon")
    answer = assistant.ask("je suis au bureau de Lyon, qui dirige ma région ?", guarded=False)
    assert answer.leaders == ["renault"], answer.text


@pytest.mark.parametrize(("question", "name"), [
    ("which company runs the Lyon Harbour project?", "Lyon Harbour project"),  # words between
    ("who owns the Denver 2035 plan", "Denver 2035"),  # a city and a number
    ("シカゴ2035計画のリーダーは？", "シカゴ2035"),  # written together
    ("who heads project Hambrug", "Hambrug"),  # a word after "project" nothing else names
])
def test_a_code_name_may_hold_more_words_a_number_or_a_typo(assistant, question, name):
    answer = assistant.ask(question, guarded=False)
    assert answer.intent == "clarify" and name in answer.text, answer.text


@pytest.mark.parametrize(("opener", "follow_up", "name"), [
    ("who leads fiji", "and initiative bluegum, who leads that?", "bluegum"),
    ("qui dirige le segment E ?", "et le programme Kestrel-4, c'est qui ?", "Kestrel-4"),
])
def test_a_code_name_in_a_thread_is_asked_back(assistant, opener, follow_up, name):
    answer = thread(assistant, opener, follow_up)[-1]
    assert answer.intent == "clarify" and name in answer.text, answer.text


@pytest.mark.parametrize(("text", "code"), [
    ("7", True), ("X", True), ("2B", True), ("MK", True), ("B12", True),
    ("MKX", False), ("ok", False), ("Ab", False), ("1234", False), ("", False), ("É", False),
    ("X!", False),
])
def test_a_code_is_digits_or_one_or_two_capitals(text, code):
    from intents.components.codenames import is_code
    assert is_code(text) is code


@pytest.mark.parametrize(("question", "name"), [
    # a code glued by a hyphen to a word that is no place, right before a technology word
    ("who is lead for the Nissan Livina Zeta-X hybrid development, need contact person",
     "Zeta-X hybrid"),
    ("who leads the Orion-7 EV powertrain?", "Orion-7 EV"),
    # asked back in the question's language, never read again in another
    ("qui est leader sur la plateforme Nova-3 EV ?", "Nova-3 EV"),
    ("Hayate-5 PHEVのリーダーはどこ？", "Hayate-5 PHEV"),
])
def test_a_code_named_technology_is_asked_back(assistant, question, name):
    answer = assistant.ask(question, guarded=False)
    assert answer.kind == "clarify" and not answer.leaders and name in answer.text, answer.text
