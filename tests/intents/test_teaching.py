"""Taught phrases in the core: what they change, what is refused, and that no taught phrase can
change an answer of the labelled sets."""

from __future__ import annotations

from pathlib import Path

import pytest

from intents import teaching
from intents.assistant import Assistant
from intents.evaluation import labelled_texts
from intents.teaching import TaughtPhrase

DATA = Path(__file__).resolve().parents[1] / "data"
LABELLED = tuple(dict.fromkeys(text for path in sorted(DATA.glob("*.yaml"))
                               for text in labelled_texts(path)))
KIWI = TaughtPhrase("Project Kiwi", "region", "oceania")


@pytest.fixture(scope="module")
def assistant() -> Assistant:
    return Assistant()


def test_a_taught_phrase_names_its_entry_in_every_kind_of_question(assistant: Assistant) -> None:
    taught = assistant.with_taught([TaughtPhrase("Project Wombat", "region", "oceania")])
    assert not assistant.ask("who leads Project Wombat?").understood
    assert taught.ask("who leads Project Wombat?").leaders == ["mitsubishi"]
    assert taught.ask("is Nissan the leader of project wombat?").text.startswith("No")
    assert taught.ask("who follows in PROJECT WOMBAT?").followers == ["nissan", "renault"]


def test_a_phrase_hiding_a_known_name_answers_as_its_taught_entry(assistant: Assistant) -> None:
    """"Kiwi" alone is New Zealand; taught, "Project Kiwi" is Oceania itself."""
    assert "New Zealand" in assistant.ask("who leads Project Kiwi?").text
    taught = assistant.with_taught([KIWI])
    assert taught.ask("who leads Project Kiwi?").text == taught.ask("who leads Oceania?").text


@pytest.mark.parametrize("target, kind, ident", [
    ("Oceania", "region", "oceania"), ("PHEV", "tech", "phev"), ("the D segment", "segment", "D"),
    ("hydrogen", "topic", "hydrogen"), ("Brazil", "country", "BR"), ("brazil", "country", "BR"),
])
def test_targets_are_named_the_way_people_ask(assistant: Assistant, target: str, kind: str,
                                              ident: str) -> None:
    verdict = teaching.resolve_target(assistant, target)
    assert verdict.accepted and verdict.target is not None
    assert (verdict.target.kind, verdict.target.id) == (kind, ident)


@pytest.mark.parametrize("phrase, target, reason", [
    ("", "Oceania", teaching.EMPTY),
    ("   ", "Oceania", teaching.EMPTY),
    ("x" * 61, "Oceania", teaching.TOO_LONG),
    ("the of it", "Oceania", teaching.ONLY_STOP_WORDS),
    ("?!…", "Oceania", teaching.ONLY_PUNCTUATION),
    ("<!channel>", "Oceania", teaching.MARKUP),
    ("Wombat <@U999>", "Oceania", teaching.MARKUP),
    ("Europe", "Oceania", teaching.ALREADY_MEANS),  # a knowledge-base name
    ("European Union", "Oceania", teaching.ALREADY_MEANS),  # a knowledge-base alias
    ("Kiwi", "Oceania", teaching.ALREADY_MEANS),  # a country alias
    ("Lyon", "Oceania", teaching.ALREADY_MEANS),  # a city
    ("the leaders", "Oceania", teaching.ALREADY_MEANS),  # a question word
    ("Project Europe", "Oceania", teaching.HIDES_A_NAME),
    ("Nissan plan", "Japan", teaching.HIDES_A_NAME),
    ("Project Wombat", "Atlantis", teaching.UNKNOWN_TARGET),
    ("Project Wombat", "Europe and Japan", teaching.AMBIGUOUS_TARGET),
])
def test_a_phrase_that_cannot_be_a_new_name_is_refused_with_its_reason(
        assistant: Assistant, phrase: str, target: str, reason: str) -> None:
    verdict = teaching.review(assistant, phrase, target, LABELLED)
    assert verdict.reason == reason, verdict.message
    assert verdict.message


def test_the_candidates_of_an_ambiguous_target_are_named(assistant: Assistant) -> None:
    verdict = teaching.review(assistant, "Project Wombat", "Europe and Japan", LABELLED)
    assert "Europe (region)" in verdict.message and "Japan (region)" in verdict.message


@pytest.mark.parametrize("target, candidate", [
    ("Chine", "China (region)"),  # no name is near enough for the reader: the closest entries
    ("Eurpoe", "Europe (region)"),  # read as a typo: never taught without the exact name
])
def test_a_target_not_named_exactly_is_refused_with_candidates(
        assistant: Assistant, target: str, candidate: str) -> None:
    verdict = teaching.review(assistant, "Project Wombat", target, LABELLED)
    assert verdict.reason == teaching.UNKNOWN_TARGET
    assert candidate in [m.describe() for m in verdict.candidates]
    assert candidate in verdict.message


def test_a_phrase_taught_to_one_entry_is_refused_for_another(assistant: Assistant) -> None:
    taught = assistant.with_taught([KIWI])
    assert teaching.review(taught, "project kiwi", "Europe", LABELLED).reason == (
        teaching.TAUGHT_ELSEWHERE)


def test_a_new_name_is_accepted(assistant: Assistant) -> None:
    verdict = teaching.review(assistant, "“Project Kiwi”", "Oceania", LABELLED)
    assert verdict.accepted, verdict.message
    assert verdict.taught() == KIWI


def unknown_phrases(assistant: Assistant) -> list[str]:
    """The words of the labelled questions the bot does not know, one phrase per question."""
    return list(dict.fromkeys(
        phrase for q in LABELLED if (phrase := teaching.unknown_phrase(assistant, q))))


def test_a_phrase_that_would_change_a_labelled_answer_is_refused(assistant: Assistant) -> None:
    """Words the labelled questions carry but the bot does not know ("setup", "asap"), taught as
    a name, would change what those questions get: each is refused."""
    phrases = unknown_phrases(assistant)[:8]
    assert len(phrases) >= 5
    for phrase in phrases:
        verdict = teaching.review(assistant, phrase, "Europe", LABELLED)
        assert not verdict.accepted, phrase
        if verdict.reason == teaching.CHANGES_LABELLED:
            assert all(phrase.lower() in q.lower() for q in verdict.changed)


@pytest.mark.parametrize("phrase", ["Project Wombat", "Blue Harbour", "Tiger Team Zeta"])
def test_an_accepted_phrase_changes_no_labelled_answer(assistant: Assistant, phrase: str) -> None:
    """Checked independently: a fresh assistant built with the phrase answers every labelled
    question as the shipped one does."""
    verdict = teaching.review(assistant, phrase, "Europe", LABELLED)
    assert verdict.accepted, verdict.message
    fresh = Assistant(taught=[verdict.taught()])
    assert teaching.changed_answers(assistant, fresh, LABELLED) == []


@pytest.mark.parametrize("phrase", ["Kangaroo Islands", "Ile Verte", "NORTHSTAR", "Zed"])
def test_the_questions_a_phrase_may_change_hold_every_one_it_changes(assistant: Assistant,
                                                                   phrase: str) -> None:
    """The review compares only the questions a phrase may change: every question whose answer
    the phrase does change is among them, whatever the case, hyphens or accents it is written
    with."""
    questions = [*LABELLED[:150], f"who leads {phrase.upper()}?", f"{phrase.lower()} leader?",
                 f"is Nissan the lead for the {phrase.replace(' ', '-')} region",
                 f"qui dirige {phrase.replace('I', 'Î')} ?"]
    candidate = assistant.with_taught([TaughtPhrase(phrase, "region", "oceania")])
    changed = teaching.changed_answers(assistant, candidate, questions)
    assert len(changed) >= 3
    may_change = teaching.questions_it_may_change(phrase, questions)
    assert set(changed) <= set(may_change)
    assert len(may_change) < len(questions) / 2


def test_set_taught_drops_the_answer_cache(assistant: Assistant) -> None:
    own = assistant.with_taught([])
    assert not own.ask("who leads Project Wombat?").understood  # now cached
    own.set_taught([TaughtPhrase("Project Wombat", "tech", "phev")])
    assert own.ask("who leads Project Wombat?").leaders == ["mitsubishi"]
    own.set_taught([])
    assert not own.ask("who leads Project Wombat?").understood


def test_a_knowledge_base_reload_keeps_the_taught_phrases() -> None:
    own = Assistant(taught=[KIWI])
    own.reload()
    assert own.taught == (KIWI,)


def test_a_phrase_the_knowledge_base_now_names_itself_is_left_out(assistant: Assistant) -> None:
    assert assistant.with_taught([TaughtPhrase("Europe", "region", "oceania")]).taught == ()


def test_a_phrase_whose_entry_left_the_knowledge_base_is_left_out(assistant: Assistant) -> None:
    gone = assistant.with_taught([TaughtPhrase("Project Wombat", "region", "atlantis"), KIWI])
    assert gone.taught == (KIWI,)
    assert not gone.ask("who leads Project Wombat?").understood


@pytest.mark.parametrize("question, phrase", [
    ("who leads Project Kiwi?", "Project Kiwi"),
    ("which company heads Operation Blue Harbour?", "Operation Blue Harbour"),
    ("who leads Europe?", ""),
])
def test_the_words_the_bot_did_not_know_are_offered_as_the_phrase(
        assistant: Assistant, question: str, phrase: str) -> None:
    assert teaching.unknown_phrase(assistant, question) == phrase


def test_a_phrase_taught_to_an_entry_of_every_kind_answers_as_that_entry(assistant: Assistant,
                                                                         ) -> None:
    """The catalogue a picker lists: one entry of every kind, each taught to a new name, is
    answered as the entry's own name is; and it is described by its kind."""
    first: dict[str, teaching.Meaning] = {}
    for meaning in teaching.catalogue(assistant):
        first.setdefault(meaning.kind, meaning)
    assert set(first) == {"region", "area", "zone", "tech", "family", "topic", "segment",
                          "company", "country"}
    for kind, meaning in first.items():
        taught = assistant.with_taught([TaughtPhrase("Project Quokka", kind, meaning.id,
                                                     meaning.country)])
        template = "what does {} lead?" if kind == "company" else "who leads {}?"
        own = taught.ask(template.format(meaning.text), guarded=False)
        new = taught.ask(template.format("Project Quokka"), guarded=False)
        assert (new.intent, new.leaders, new.understood) == (own.intent, own.leaders,
                                                             own.understood), (kind, new.text)
        assert meaning.describe() == f"{meaning.label} ({teaching.KIND_LABELS[kind]})"
        assert teaching.KIND_LABELS[kind] in meaning.describe()


@pytest.mark.parametrize(("target", "country", "leaders"), [
    ("Lyon", "FR", ["renault"]),
    ("Texas", "US", ["nissan"]),
])
def test_a_city_or_state_taught_keeps_its_country(assistant: Assistant, target: str,
                                                  country: str, leaders: list[str]) -> None:
    verdict = teaching.review(assistant, "Project Quokka", target, [])
    assert verdict.accepted, verdict.message
    assert verdict.taught().country == country
    taught = assistant.with_taught([verdict.taught()])
    assert taught.ask("who leads Project Quokka?", guarded=False).leaders == leaders


@pytest.mark.parametrize(("phrase", "said"), [
    ("Lyon", "“Lyon” already means Lyon (city)."),
    ("Texas", "“Texas” already means Texas (state or province)."),
    ("Brazil", "“Brazil” already means Brazil (country)."),
])
def test_a_name_the_bot_knows_is_refused_naming_what_it_means(assistant: Assistant,
                                                              phrase: str, said: str) -> None:
    verdict = teaching.review(assistant, phrase, "Europe", [])
    assert (verdict.reason, verdict.message) == (teaching.ALREADY_MEANS, said)


@pytest.mark.parametrize("phrase", ["legacies", "cultures", "Senard", "regions"])
def test_a_word_a_fact_or_a_kind_is_read_by_is_refused(assistant: Assistant,
                                                       phrase: str) -> None:
    """A fact's hint ("legacies"), its keyword ("Senard") or a kind ("regions") already steers
    questions: taught as a name it would change what they get."""
    verdict = teaching.review(assistant, phrase, "Europe", [])
    assert verdict.reason == teaching.ALREADY_MEANS, verdict.message


@pytest.mark.parametrize(("text", "labels"), [
    ("Oceana", ["Oceania"]),
    ("OCEANA", ["Oceania"]),  # case is no difference
    ("Braz", ["Brazil"]),
    ("zzzzqqq", []),  # nothing close: nothing offered
])
def test_close_entries_offer_the_names_a_target_may_have_meant(assistant: Assistant, text: str,
                                                               labels: list[str]) -> None:
    assert [m.label for m in teaching.close_entries(assistant, text)] == labels


def test_close_entries_offer_at_most_the_limit(assistant: Assistant) -> None:
    assert len(teaching.close_entries(assistant, "Congo")) == 2  # both Congos
    assert len(teaching.close_entries(assistant, "Congo", limit=1)) == 1


@pytest.mark.parametrize(("question", "phrase"), [
    ("Project Zorbistan: who leads it?", "Project Zorbistan"),
    ("Market Zorbistan, who leads?", "Market Zorbistan"),  # a known word capitalised with it
    ("what about The Zorbistan?", "Zorbistan"),  # not a capitalised small word
    ("who leads Operation Blue Harbour for the quarterly review?", "Operation Blue Harbour"),
])
def test_the_longest_run_of_unknown_words_is_offered(assistant: Assistant, question: str,
                                                      phrase: str) -> None:
    assert teaching.unknown_phrase(assistant, question) == phrase
