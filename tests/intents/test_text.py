"""Slack markup and noise are stripped before the pipeline reads a question."""

from __future__ import annotations

import pytest

from intents.text import clean
from intents.thresholds import MAX_QUESTION_CHARS


@pytest.mark.parametrize(("raw", "expected"), [
    ("<@U024BE7LH> who leads Japan?", "who leads Japan?"),
    ("<@U024BE7LH|alice> who leads Japan?", "who leads Japan?"),
    ("<!channel> who leads Europe", "who leads Europe"),
    ("<!subteam^S123|team> who leads Europe", "who leads Europe"),
    ("*who* leads _Europe_?", "who leads Europe ?"),
    (":car: who leads EVs? :zap:", "who leads EVs?"),
    ("see <https://example.com|the article> about Japan", "see the article about Japan"),
    ("see <https://example.com> about Japan", "see about Japan"),
    ("Europe &amp; Russia &lt;3", "Europe & Russia <3"),
    ("who leads São Paulo", "who leads Sao Paulo"),
    ("who leads South-East Asia", "who leads South East Asia"),
    ("the leader-follower model", "the leaderfollower model"),
    ("a\x00b\u200bc", "a b c"),
])
def test_markup_is_reduced_to_plain_text(raw, expected):
    assert clean(raw).text == expected


def test_long_input_is_cut_and_flagged():
    cleaned = clean("who leads Europe " * 2000)
    assert cleaned.truncated
    assert len(cleaned.text) <= MAX_QUESTION_CHARS


def test_invalid_utf8_bytes_are_read_not_raised():
    assert clean(b"who leads \xff\xfe Japan").text == "who leads Japan"


@pytest.mark.parametrize(("raw", "read"), [
    ("what is a 'leader' here", "what is a leader here"),
    ('the "EV" thing', "the EV thing"),
    ("what's l'Europe's lead", "what's l'Europe's lead"),
])
def test_quote_marks_around_a_word_go_and_apostrophes_stay(raw, read):
    assert clean(raw).text == read
