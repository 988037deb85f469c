"""The question's focus, not the asker's context (issue 11, part 2), as rules.

Each table is one rule; its sentences are in several voices (ops shorthand, non-native English,
chatty Slack). The places are chosen so that the asker's place and the focus have different
leaders: answering the asker's place too shows as an extra leader.
"""

from __future__ import annotations

import pytest

from intents.focus import ASIDE, ASKER, FOCUS, place_roles


def _leaders(assistant, question):
    answer = assistant.ask(question)
    assert answer.understood, answer.text
    return answer.leaders


# Rule: first-person presence with any verb locates the asker, not the question.
@pytest.mark.parametrize(("question", "leaders"), [
    ("I visit Germany a lot, who leads Japan?", ["nissan"]),
    ("we moved to Santiago last year, who is leader for Indonesia?", ["mitsubishi"]),
    ("I'm stationed in Cairo and want to know who heads Mexico", ["nissan"]),
    ("my colleagues in Lima keep asking me: who runs the Australian market?", ["mitsubishi"]),
    ("I work out of Osaka but my question is about Vietnam, who leads?", ["mitsubishi"]),
])
def test_a_place_after_the_askers_own_words_is_context(assistant, question, leaders):
    assert _leaders(assistant, question) == leaders


# Rule: a greeting or sign-off from somewhere, and "X here", locate the message.
@pytest.mark.parametrize(("question", "leaders"), [
    ("hi from Lyon! who leads Thailand?", ["mitsubishi"]),
    ("Greetings from the Cairo office - who is the lead for Mexico?", ["nissan"]),
    ("Lyon here, quick q: who leads Indonesia?", ["mitsubishi"]),
    ("hello from sunny Madrid 🌞 who is responsible for Japan?", ["nissan"]),
])
def test_a_greeting_from_a_place_is_context(assistant, question, leaders):
    assert _leaders(assistant, question) == leaders


# Rule: "from X," before the question, a place naming a unit (office, plant, HQ, team), a
# parenthetical, and an abbreviation glued to a company name describe, they don't ask.
@pytest.mark.parametrize(("question", "leaders"), [
    ("From Madrid, who leads Indonesia?", ["mitsubishi"]),
    ("the Osaka plant folks want to know who leads Chile", ["renault"]),
    ("Jakarta dealer team asking: who is the leader for Mexico?", ["nissan"]),
    ("(nissan NA) who leads Brazil?", ["renault"]),
    ("quick one (writing from Sydney): lead company for Canada?", ["nissan"]),
])
def test_a_place_that_only_locates_the_message_is_context(assistant, question, leaders):
    assert _leaders(assistant, question) == leaders


# Rule: "about/for X" and the object of a leadership cue are the focus, even beside the
# asker's place in the same clause.
@pytest.mark.parametrize(("question", "leaders"), [
    ("based in Lyon, asking for the Jakarta team: lead OEM?", ["mitsubishi"]),
    ("my team in Madrid needs the lead for Mexico", ["nissan"]),
    ("we sit in Nashville and want to know who leads Chile", ["renault"]),
])
def test_the_place_the_question_is_about_is_the_focus(assistant, question, leaders):
    assert _leaders(assistant, question) == leaders


# Rule: compounds keep every part; a lone self-located question is about the asker's place.
@pytest.mark.parametrize(("question", "leaders"), [
    ("who leads Europe, and Japan?", ["nissan", "renault"]),
    ("Europe and Japan?", ["nissan", "renault"]),
    ("who leads Europe? in Japan?", ["nissan", "renault"]),
    ("In Brazil, who leads?", ["renault"]),
    ("I'm in Tokyo, who leads here?", ["nissan"]),
    ("hi from Jakarta! who leads here?", ["mitsubishi"]),
])
def test_compounds_and_self_located_questions_are_unchanged(assistant, question, leaders):
    assert _leaders(assistant, question) == leaders


@pytest.mark.parametrize(("text", "roles"), [
    ("I'm in Tokyo, who leads Brazil", {"Tokyo": ASKER, "Brazil": FOCUS}),
    ("From Madrid, who leads Indonesia", {"Madrid": ASIDE, "Brazil": None}),
    ("(nissan NA) who leads Brazil", {"NA": ASIDE, "Brazil": FOCUS}),
    ("our team in Barcelona is planning the Brazil launch", {"Barcelona": ASKER}),
])
def test_the_roles_read_from_the_clauses(assistant, text, roles):
    doc = assistant.read(text)
    found = {ent.text: role for ent in doc.ents if (role := place_roles(doc).get(ent.start))}
    for name, role in roles.items():
        if role is not None:
            assert found.get(name) == role, found
