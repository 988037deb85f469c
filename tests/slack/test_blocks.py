"""Block Kit rendering: escaping, Slack's size limits, sources, button values."""

from __future__ import annotations

import json
from datetime import date

import pytest

from bot.slack.blocks import (
    MAX_BUTTON_VALUE,
    MAX_MESSAGE_BLOCKS,
    MAX_SECTION_CHARS,
    answer_message,
    decode_value,
    encode_value,
    escape,
    leadership_text,
    source_line,
    split_text,
)
from knowledge.answer import Answer, Kind, Source, Suggestion
from tests.support.block_kit import assert_valid_blocks


def make_answer(text: str = "Renault leads Europe.", **fields) -> Answer:
    defaults = {"question": "who leads Europe?", "intent": "who_leads", "kind": Kind.ANSWER,
                "understood": True, "confidence": 0.9}
    return Answer(text=text, **{**defaults, **fields})


@pytest.mark.parametrize("raw, escaped", [
    ("<!channel>", "&lt;!channel&gt;"),
    ("<@U123|ada>", "&lt;@U123|ada&gt;"),
    ("R&D", "R&amp;D"),
    ("&lt;", "&amp;lt;"),
    ("plain *bold* :car:", "plain *bold* :car:"),
])
def test_escape_neutralises_slack_control_sequences(raw, escaped):
    assert escape(raw) == escaped


def test_split_text_keeps_every_chunk_within_the_section_limit():
    text = escape("word & " * 2000)
    chunks = split_text(text)
    assert all(len(chunk) <= MAX_SECTION_CHARS for chunk in chunks)
    assert " ".join(chunks).split() == text.split()


def test_split_text_never_cuts_inside_an_entity():
    text = "a" * (MAX_SECTION_CHARS - 2) + "&amp;" + "b" * 10
    first, second = split_text(text)
    assert first == "a" * (MAX_SECTION_CHARS - 2)
    assert second.startswith("&amp;")


def test_a_huge_answer_fits_in_fifty_blocks():
    message = answer_message(make_answer("x " * 200_000))
    assert len(message["blocks"]) == MAX_MESSAGE_BLOCKS
    assert message["blocks"][-1]["type"] == "actions"  # feedback buttons survive the cut


def test_button_values_stay_within_the_limit_even_for_escaping_heavy_text():
    value = encode_value({"q": '"\\\x00' * 5000, "a": "é" * 5000})
    assert len(value) <= MAX_BUTTON_VALUE
    assert set(decode_value(value)) == {"q", "a"}


def test_decode_value_ignores_what_it_did_not_encode():
    assert decode_value("not json") == {}
    assert decode_value(json.dumps([1, 2])) == {}


def test_sources_are_grouped_by_document_with_paragraph_signs():
    sources = [Source(document="alliance-leader-follower-article", paragraph=10),
               Source(document="alliance-leader-follower-article", paragraph=8),
               Source(document="press-release", paragraph=2)]
    titles = {"alliance-leader-follower-article": "Alliance leader-follower article"}
    assert source_line(sources, titles) == (
        "Sources: Alliance leader-follower article, ¶8, ¶10; Press release, ¶2")


def test_source_lines_say_how_old_each_document_is():
    sources = [Source(document="alliance-leader-follower-article", paragraph=10,
                      as_of=date(2020, 5, 27))]
    titles = {"alliance-leader-follower-article": "Alliance leader-follower article"}
    assert source_line(sources, titles) == (
        "Source: Alliance leader-follower article, ¶10 — as of May 2020")


def test_a_source_line_follows_the_titles_and_language_it_is_given():
    sources = [Source(document="alliance-leader-follower-article", paragraph=10)]
    lines = {(title, lang): source_line(sources, {"alliance-leader-follower-article": title},
                                        lang=lang)
             for title in ("Old", "New") for lang in ("en", "fr", "ja")}  # a reloaded KB
    assert all(title in line and "¶10" in line for (title, _lang), line in lines.items())
    assert len(set(lines.values())) == len(lines)  # none served from another's cache entry
    assert [lines[("New", lang)].split("New")[0] for lang in ("en", "fr", "ja")] == [
        "Source: ", "Source : ", "出典："]


def test_suggestions_become_buttons_asking_their_question():
    answer = make_answer("Did you mean?", kind=Kind.CLARIFY, understood=False, suggestions=[
        Suggestion(label="PHEV for the D segment " * 5, question="who leads PHEV for D?")])
    actions = answer_message(answer)["blocks"][1]
    (suggestion,) = actions["elements"]
    assert suggestion["action_id"] == "clarify_0"
    assert suggestion["value"] == "who leads PHEV for D?"
    assert len(suggestion["text"]["text"]) <= 75


def test_small_talk_has_no_feedback_buttons():
    message = answer_message(make_answer("Hello!", kind=Kind.SMALL_TALK, intent="greeting"))
    assert [block["type"] for block in message["blocks"]] == ["section"]


def test_the_asker_is_shown_only_when_it_looks_like_a_user_id():
    assert "<@U111>" in str(answer_message(make_answer(), asked_by="U111")["blocks"][0])
    assert "Someone asked" in str(answer_message(make_answer(), asked_by="<!here>")["blocks"][0])


@pytest.mark.parametrize(("lang", "source", "share", "asked"), [
    ("fr", "Source : ", "Partager dans le canal", "<@U111> a demandé : "),
    ("ja", "出典：", "チャンネルで共有", "<@U111>さんの質問："),
])
def test_an_answer_is_framed_in_the_language_of_the_question(lang, source, share, asked):
    answer = make_answer("Europe : le leader est Renault.", lang=lang,
                         sources=[Source(document="alliance-leader-follower-article", paragraph=8)])
    shown = json.dumps(answer_message(answer, asked_by="U111", shareable=True),
                       ensure_ascii=False)
    assert source in shown and share in shown and asked in shown
    assert "Share in channel" not in shown and "Source:" not in shown


@pytest.mark.parametrize("leader, followers, text", [
    (None, [], "no designated leader"),
    ("nissan", [], "Nissan leads"),
    ("nissan", ["renault"], "Nissan leads; Renault follows"),
    ("renault", ["mitsubishi", "nissan"], "Renault leads; Mitsubishi, Nissan follow"),
])
def test_leadership_reads_as_english_for_any_number_of_followers(leader, followers, text):
    assert leadership_text(leader, followers) == text


@pytest.mark.parametrize("message", [
    answer_message(make_answer("x " * 200_000), asked_by="U1", shareable=True),
    answer_message(make_answer("Did you mean?", kind=Kind.CLARIFY, understood=False,
                               suggestions=[Suggestion(label="l" * 200, question="q" * 3000)])),
    answer_message(make_answer("<!channel> & co", sources=[Source(document="d", paragraph=1)])),
], ids=["huge", "clarify", "sourced"])
def test_every_message_is_block_kit_slack_accepts(message):
    assert_valid_blocks(message["blocks"])
