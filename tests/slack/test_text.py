"""The one place echoed text is made safe: escaping, bidi controls, clipping."""

from __future__ import annotations

import pytest

from bot.slack.blocks import answer_message
from bot.slack.text import MAX_ECHOED_QUESTION, echo, escape, plain
from knowledge.answer import Answer, Kind, Suggestion

PINGS = ("<!channel>", "<!here>", "<!everyone>", "<@U999>")
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@pytest.mark.parametrize("control", list(BIDI))
def test_every_bidi_control_is_dropped_from_escaped_text(control: str) -> None:
    assert escape(f"who leads {control}eporuE?") == "who leads eporuE?"


@pytest.mark.parametrize("neighbour", ["\u2029", "\u200f", "\u2065", "\u206a", "\u202f"])
def test_characters_next_to_the_bidi_ranges_are_kept(neighbour: str) -> None:
    assert escape(f"a{neighbour}b") == f"a{neighbour}b"


def test_an_echoed_question_is_escaped_clipped_and_on_one_line() -> None:
    question = "<!channel>\n" + "<@U999> " * 200 + BIDI
    shown = echo(question)
    for ping in PINGS:
        assert ping not in shown
    assert "\n" not in shown and not set(BIDI) & set(shown)
    unescaped = shown.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    assert MAX_ECHOED_QUESTION - 2 <= len(unescaped) <= MAX_ECHOED_QUESTION
    assert unescaped.endswith("…")


def test_a_short_question_is_echoed_whole() -> None:
    assert echo("  who leads R&D?  ") == "who leads R&amp;D?"


def test_clipping_never_cuts_an_entity_in_half() -> None:
    shown = echo("&" * 1000, limit=10)
    assert shown == "&amp;" * 9 + "…"


def test_plain_text_keeps_markup_but_drops_bidi_and_clips() -> None:
    assert plain("<b>\u202e" + "x" * 100, 20) == "<b>" + "x" * 16 + "…"


def test_the_asked_by_line_and_clarification_buttons_carry_no_bidi_controls() -> None:
    answer = Answer(question="who leads \u202eeporuE?", intent="clarify", kind=Kind.CLARIFY,
                    understood=False, text="Did you mean?", confidence=0.4,
                    suggestions=[Suggestion(label="Europe\u2066 (region)", question="q")])
    shown = str(answer_message(answer, asked_by="U111")["blocks"])
    assert not set(BIDI) & set(shown)
    assert "eporuE" in shown and "Europe (region)" in shown
