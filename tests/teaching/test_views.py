"""Block Kit of teaching: what Slack accepts, and user text that can never ping anyone."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.teaching import views
from bot.teaching.store import AskedQuestion, TaughtRecord

ASKED = AskedQuestion("q:1", "who leads <!channel> Project Wombat?", "C1", "U1", "1.2")


def element(view: dict, block_id: str) -> dict:
    return next(block for block in view["blocks"] if block.get("block_id") == block_id)["element"]


def test_an_empty_phrase_is_left_out_of_the_modal() -> None:
    assert "initial_value" not in element(views.modal(ASKED, phrase="", preview="-"),
                                          views.BLOCK_PHRASE)


def test_a_question_asked_in_a_direct_message_offers_no_thread_reply() -> None:
    private = AskedQuestion("q:2", "who leads it?", "D1", "U1", "1.2")
    blocks = views.modal(private, phrase="it", preview="-")["blocks"]
    assert all(block.get("block_id") != views.BLOCK_TELL for block in blocks)


def test_the_question_is_shown_as_plain_text() -> None:
    shown = views.modal(ASKED, phrase="Project Wombat", preview="-")["blocks"][0]["text"]
    assert shown["type"] == "plain_text"


def test_the_taught_list_escapes_what_was_taught() -> None:
    record = TaughtRecord("a <b>", "A <b>", "region", "oceania", None, "Oceania", "UADMIN1",
                          datetime(2024, 1, 1, tzinfo=UTC))
    text = views.taught_list([record])
    assert "A &lt;b&gt;" in text and "<@UADMIN1>" in text
