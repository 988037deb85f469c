"""Classes of questions found by the fresh sets of 2026-11-28 (ninth session, `*_s52`): cities
named "X City" said without "City", a question mark dictated in words, "huh" as a tag, an island
whose countries share one region, and made-up Japanese names one kana from a real one."""

from __future__ import annotations

import pytest

from tests.support.threads import thread


@pytest.mark.parametrize(("question", "leaders"), [
    ("who leads cebu", ["mitsubishi"]),
    ("makati and pasig, who's lead?", ["mitsubishi"]),
    ("ho chi minh leader pls", ["mitsubishi"]),
])
def test_a_city_named_x_city_is_read_without_city(assistant, question, leaders):
    answer = thread(assistant, question)[-1]
    assert sorted(answer.leaders) == leaders, answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("who leads kansas", ["nissan"]),  # the state, not Kansas City's stem
    ("who leads guatemala", []),  # the country, not Guatemala City
])
def test_a_stem_that_names_something_else_keeps_its_meaning(assistant, question, leaders):
    answer = thread(assistant, question)[-1]
    assert answer.understood and sorted(answer.leaders) == leaders, answer.text


@pytest.mark.parametrize(("question", "opener"), [
    ("fiji is near australia so its mitsubishi right question mark", "Yes"),
    ("so renault leads peru question mark", "Yes"),
])
def test_a_question_mark_dictated_in_words_ends_the_question(assistant, question, opener):
    answer = thread(assistant, question)[-1]
    assert answer.text.startswith(opener), answer.text


def test_the_words_question_mark_inside_a_sentence_stay_words(assistant):
    from intents.text import clean
    assert clean("what does question mark mean here").text == \
        "what does question mark mean here"
    assert clean("who leads chile question mark").text == "who leads chile?"


@pytest.mark.parametrize(("question", "opener"), [
    ("so no leader for kenya huh", "Yes"),
    ("renault leads chile eh", "Yes"),
    ("nissan leads chile huh", "No"),
])
def test_huh_and_eh_are_tags_asking_yes_or_no(assistant, question, opener):
    answer = thread(assistant, question)[-1]
    assert answer.text.startswith(opener), answer.text


@pytest.mark.parametrize("question", ["who leads borneo?", "Bornéo, c'est qui ?",
                                      "ボルネオ島はどこがリード？"])
def test_borneo_is_south_east_asia(assistant, question):
    """Its three countries, Brunei, Indonesia and Malaysia, are all in South East Asia."""
    answer = thread(assistant, question)[-1]
    assert answer.leaders == ["mitsubishi"], answer.text


@pytest.mark.parametrize("question", ["ボルネラ王国のリーダーは？", "ボルネラのリーダーは？",
                                      "チリア共和国はどこが主導？", "マレーシオ王国のリーダーは？"])
def test_a_made_up_japanese_name_one_kana_from_a_real_one_is_asked_back(assistant, question):
    """Four kana are one slip from many names: short Japanese names are matched exactly, and a
    name matched only fuzzily before a kind of place (王国, 共和国) is being introduced."""
    answer = thread(assistant, question)[-1]
    assert answer.kind == "clarify" and not answer.leaders, answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("タイ王国のリーダーは？", ["mitsubishi"]),
    ("インドネシヤのリーダーは？", ["mitsubishi"]),  # five kana: one slip still read
])
def test_real_japanese_names_with_a_kind_or_a_slip_are_still_read(assistant, question, leaders):
    answer = thread(assistant, question)[-1]
    assert sorted(answer.leaders) == leaders, answer.text


@pytest.mark.parametrize(("question", "opener"), [
    ("c'est bien Jean-Dominique Senard qui l'a dite ?", "Oui"),
    ("c'est bien Senard qui a dit ça ?", "Oui"),
    ("c'est bien Carlos Ghosn qui l'a dite ?", "Non"),
])
def test_a_cleft_putting_a_person_forward_asks_yes_or_no(assistant, question, opener):
    """"c'est bien X qui l'a dite ?": a name of several words (one of them a place's, "Dominique")
    put forward, and "dire" the verb of the relative clause, not a request to say."""
    answer = thread(assistant, question)[-1]
    assert answer.text.startswith(opener), answer.text
