"""`segment_finder`: the segments a question names, each read once, and nothing else (written
against the survivors of the mutation pass over `intents/components/segments.py`)."""

from __future__ import annotations

import pytest


def _segments(assistant, text: str) -> list[str]:
    doc = assistant.read(text)
    return [ent.text.upper() for ent in doc.ents if ent.ent_id_.startswith("segment|")]


@pytest.mark.parametrize(("text", "letters"), [
    ("who leads the B and C segments?", ["B", "C"]),  # a joiner between letters keeps both
    ("who leads the B and D segments?", ["B", "D"]),  # "and" is no range: no C between
    ("who leads autonomous driving B segment?", ["B"]),  # a name right before the letters
    ("who leads a segment?", []),  # "a" is the article
    ("who leads the a segment?", ["A"]),  # after "the", the letter
])
def test_the_segments_named(assistant, text, letters):
    assert _segments(assistant, text) == letters


def test_the_segments_named_by_a_range(assistant):
    answer = assistant.ask("who leads segments B to D?", guarded=False)
    assert answer.leaders == ["mitsubishi", "renault"] and "C segment" in answer.text


def test_a_letter_no_segment_has_is_asked_back_beside_a_misspelt_word(assistant):
    answer = assistant.ask("who leads the Q segmnt?", guarded=False)
    assert answer.kind == "clarify" and "“Q segment”" in answer.text, answer.text


def test_the_b_and_d_segments_name_no_c(assistant):
    answer = assistant.ask("who leads the B and D segments?", guarded=False)
    assert "C segment" not in answer.text, answer.text


@pytest.mark.parametrize(("question", "letters"), [
    ("qui pilote le segment B et C ?", {"B", "C"}),
    ("segment D ou E, c'est qui le leader ?", {"D", "E"}),
    ("B・Cセグメントのリーダーは？", {"B", "C"}),
    ("AとDセグメントはどこがリード？", {"A", "D"}),
    ("segment B à D ?", {"B", "C", "D"}),
    # a letter with no joiner before it is another word ("c" for "c'est")
    ("le segment B c qui le lead", {"B"}),
])
def test_letters_joined_in_french_and_japanese_are_each_a_segment(assistant, question, letters):
    """"segment A et B", "A・Bセグメント": every letter joined is asked, not the one beside the
    word only."""
    answer = assistant.ask(question, guarded=False)
    asked = {t["id"] for t in answer.context["understanding"]["targets"]
             if t["kind"] == "segment"}
    assert asked == letters, answer.text
