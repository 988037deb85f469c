"""Every place people name, asked "who leads X?": graded by an oracle independent of the bot
(UN M49 via country_converter plus the documented decisions, tests/support/places.py)."""

from __future__ import annotations

import pytest

from intents.evaluation import evaluate
from knowledge.answer import Kind
from tests.support.places import build, expected_leaders


@pytest.fixture(scope="module")
def report(assistant):
    return evaluate(assistant, build())


def test_the_set_covers_every_country_state_and_big_city():
    questions = build()
    assert len(questions) >= 800
    assert {q.category for q in questions} == {"country", "subdivision", "city"}


def test_at_least_99_5_percent_of_places_are_answered_right(report):
    misses = [(o.question.q, o.why) for o in report.outcomes if not o.correct]
    assert report.accuracy >= 0.995, misses


def test_no_place_gets_a_wrong_answer_not_even_a_wrong_no_leader(report):
    wrong = [(o.question.q, o.answer.leaders) for o in report.outcomes
             if o.answer.kind == Kind.ANSWER
             and sorted(o.answer.leaders) != sorted(o.question.leaders)]
    assert wrong == []


def test_a_name_two_places_share_is_answered_for_both_or_asked_back(assistant):
    answer = assistant.ask("who leads Georgia?")
    assert answer.kind == Kind.CLARIFY or "more than one place" in answer.text
    assert "Western Asia" in answer.text and "North America" in answer.text
    assert assistant.ask("is Nissan the leader in Georgia?").kind == Kind.CLARIFY


def test_cities_of_one_name_answered_apart_are_both_answered_unless_one_dwarfs_the_other(
        assistant):
    newcastle = assistant.ask("who leads Newcastle?")
    assert "Australia" in newcastle.text and "South Africa" in newcastle.text
    london = assistant.ask("who leads London?")
    assert london.leaders == ["renault"] and "Canada" not in london.text


@pytest.mark.parametrize("name", ["St. Lucia", "St Lucia", "Saint Lucia", "St. Kitts and Nevis",
                                  "Xi'an", "Xi\u2019an", "Xian", "Saint-Martin", "Kosovo",
                                  "Virgin Islands, U.S.", "Falkland Islands"])
def test_abbreviated_apostrophed_and_hyphenated_names_are_places(assistant, name):
    answer = assistant.ask(f"who leads {name}")
    assert answer.understood, answer.text


def test_the_oracle_follows_the_written_decisions():
    assert expected_leaders("MX") == ["nissan"]
    assert expected_leaders("TW") == []
    assert expected_leaders("UA") == ["renault"]
    assert expected_leaders("TR") == []


@pytest.mark.parametrize(("name", "leaders"), [
    ("PNG", ["mitsubishi"]), ("RSA", []), ("DRC", []), ("P.N.G.", ["mitsubishi"]),
    ("the P.R.C.", ["nissan"]),
])
def test_the_abbreviations_country_converter_knows_are_places(assistant, name, leaders):
    """Generated from country_converter's patterns ("^p\\.?n\\.?g\\.?$"), not typed by hand."""
    answer = assistant.ask(f"who leads {name}?", guarded=False)
    assert answer.understood and answer.leaders == leaders, answer.text


@pytest.mark.parametrize(("name", "written"), [
    ("Calif.", "California"), ("N.Y.", "New York"), ("Ga.", "Georgia (United States)"),
])
def test_the_states_press_abbreviations_are_read_and_written_out(assistant, name, written):
    answer = assistant.ask(f"{name} leader?", guarded=False)
    assert answer.leaders == ["nissan"] and written in answer.text, answer.text


@pytest.mark.parametrize("question", ["we need more Mass.", "who leads Wash. and Dry tech"])
def test_an_abbreviation_that_is_an_everyday_word_is_not_a_state(assistant, question):
    assert assistant.ask(question, guarded=False).leaders != ["nissan"]


@pytest.mark.parametrize(("question", "names"), [
    ("who leads texas and ohio", ["Texas", "Ohio"]),
    ("qui dirige la France et l'Allemagne ?", ["France", "Allemagne"]),
])
def test_every_place_of_one_region_is_said_to_count_as_it(assistant, question, names):
    """Answered once for the region, each place asked is still named (none dropped)."""
    answer = assistant.ask(question, guarded=False)
    assert all(name in answer.text for name in names), answer.text


@pytest.mark.parametrize(("question", "leaders", "said"), [
    ("je suis a Casa, qui est leader ici ?", ["renault"], "Maroc"),  # Casablanca
    ("who leads KL", ["mitsubishi"], "KL (Malaysia)"),  # an abbreviation shown as typed
    ("who leads Joburg?", [], "South Africa"),
])
def test_everyday_short_names_of_big_cities(assistant, question, leaders, said):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == leaders and said in answer.text, answer.text


@pytest.mark.parametrize(("question", "leaders", "said"), [
    ("who leads the Falklands?", ["renault"], "Falkland Islands"),
    ("who leads the Faroes", ["renault"], "Faroe Islands"),
    ("who leads the Solomons?", ["mitsubishi"], "Solomon Islands"),
    ("who leads the Caymans", [], "Cayman Islands"),
])
def test_islands_said_as_the_plural_of_their_name(assistant, question, leaders, said):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == leaders and said in answer.text, answer.text


def test_an_everyday_word_among_them_is_read_only_capitalised(assistant):
    """"Cooks" is the Cook Islands; "who cooks" asks nothing about them."""
    answer = assistant.ask("who cooks here?", guarded=False)
    assert "Cook Islands" not in answer.text and not answer.leaders, answer.text


@pytest.mark.parametrize("question", [
    "who is leading the truck business in Australia?",
    "qui pilote les camions en Australie ?",
])
def test_trucks_in_a_place_have_no_leader_whoever_leads_the_place(assistant, question):
    """Trucks come up in the article only as shared logistics: nobody leads them anywhere."""
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == [] and "Mitsubishi" in answer.text, answer.text


@pytest.mark.parametrize(("question", "leaders", "said"), [
    # every country's capital, whatever its size
    ("on ouvre un bureau a Nouméa, qui est leader la-bas ?", ["mitsubishi"], "Calédonie"),
    ("who leads papeete?", ["mitsubishi"], "French Polynesia"),
    ("who leads valletta?", ["renault"], "Malta"),
])
def test_every_capital_is_known(assistant, question, leaders, said):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == leaders and said in answer.text, answer.text


def test_a_capital_named_by_everyday_words_or_shared_by_a_bigger_city_is_left_out():
    from scripts.build_gazetteer import build
    cities = build()["cities"]
    assert "noumea" in cities and "valletta" in cities
    # "Male" and "The Valley" are everyday English; Saint-Denis is also a town near Paris
    assert "male" not in cities and "the valley" not in cities
    assert "saint-denis" not in cities
