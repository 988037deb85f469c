"""A follow-up that adds a place or a segment to a technology: no part is dropped, and a place
outside a technology's markets is never read as inside them."""

from __future__ import annotations

import pytest

from tests.support.threads import thread


@pytest.mark.parametrize(("questions", "leaders"), [
    (["who leads connected tech in china", "and in india?"], []),
    (["who leads connected tech in china", "and what about the middle east"], []),
    (["who leads connected tech in china", "and in kenya?"], []),
])
def test_a_place_in_no_led_region_is_outside_a_technology_tied_to_markets(assistant, questions,
                                                                         leaders):
    """India is in no led region: "connected tech in China" does not cover it."""
    answer = thread(assistant, *questions)[-1]
    assert answer.leaders == leaders, answer.text
    assert "nissan" not in answer.leaders


@pytest.mark.parametrize(("questions", "leaders"), [
    (["who leads autonomous driving?", "B segment?"], ["renault"]),
    (["who leads autonomous driving?", "and the C segment?"], ["mitsubishi"]),
    (["自動運転技術を主導するのはどの会社ですか？", "Bセグメントは？"], ["renault"]),
])
def test_a_segment_after_a_technology_not_divided_by_segment_asks_about_the_segment(
        assistant, questions, leaders):
    """The technology cannot narrow a segment: the segment is answered, the technology's
    leader said beside it."""
    answer = thread(assistant, *questions)[-1]
    assert answer.leaders == leaders and ("Nissan" in answer.text or "日産" in answer.text), \
        answer.text


def test_the_followers_after_such_a_segment_are_the_segments(assistant):
    answer = thread(assistant, "who leads autonomous driving?", "B segment?", "followers?")[-1]
    assert (answer.leaders, answer.followers) == (["renault"], ["mitsubishi", "nissan"]), \
        answer.text


def test_a_segment_asked_with_the_technology_keeps_the_technology(assistant):
    """Said in one question, the technology is asked: its leader, the segment's beside it."""
    answer = thread(assistant, "who leads autonomous driving for the B segment?")[-1]
    assert answer.leaders == ["nissan"] and "Renault" in answer.text, answer.text


@pytest.mark.parametrize(("questions", "region", "leader"), [
    (["who leads PHEV for the E segment?", "and in Australia?"], "Oceania", "Mitsubishi"),
    (["who leads connected tech in china", "and in Brazil?"], "South America", "Renault"),
])
def test_a_place_after_a_combination_with_no_leader_gets_its_own_leader(assistant, questions,
                                                                        region, leader):
    answer = thread(assistant, *questions)[-1]
    assert answer.leaders == [] and f"{region} is led by {leader}" in answer.text, answer.text


def test_the_notes_are_said_in_the_language_asked(assistant):
    answer = thread(assistant, "qui mène la conduite autonome pour le segment C ?")[-1]
    assert answer.lang == "fr" and "le segment C a pour leader Mitsubishi" in answer.text, \
        answer.text


def test_a_family_narrowed_by_a_follow_up_stays_the_family(assistant):
    answer = thread(assistant, "who leads connected tech?", "and in china?", "and in japan?")[-1]
    assert answer.leaders == [] and "Android" in answer.text, answer.text
