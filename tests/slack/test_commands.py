"""`/alliance`: help, the map, registered subcommands, and private answers with Share."""

from __future__ import annotations

import time
from urllib.parse import urlencode

import pytest
import slack_bolt.app.app as bolt_app_module
from slack_bolt import BoltRequest

from bot.extensions import SUBCOMMANDS, CommandReply
from bot.ops.metrics import CORE_ERRORS
from bot.slack.app import build_app, shutdown_listeners
from bot.slack.blocks import ACTION_FEEDBACK_UP, ACTION_SHARE, MAX_SECTION_CHARS
from tests.slack.conftest import (
    answer_in,
    assert_pings_nobody,
    button_value,
    load_payload,
    posts,
    posts_after_quiet,
    signature_headers,
    text_of,
)
from tests.support.polling import holds_for, wait_until


@pytest.mark.parametrize("text", ["", "help", "  HELP "])
def test_empty_text_and_help_show_help_in_the_acknowledgement(bot, slack, text):
    reply = bot.command(text)
    assert reply.status == 200
    message = reply.json()
    assert message["response_type"] == "ephemeral"
    shown = str(message["blocks"])
    assert "How to ask" in shown
    assert "what does Nissan lead?" in shown
    assert posts_after_quiet(slack) == []


def test_help_lists_registered_subcommands(bot, monkeypatch):
    monkeypatch.setitem(SUBCOMMANDS, "ping",
                        lambda context: CommandReply(text="pong"))
    assert "/alliance ping" in str(bot.command("help").json()["blocks"])


def test_matrix_shows_the_leadership_map(bot, slack):
    message = bot.command("matrix").json()
    shown = str(message["blocks"])
    assert "*Regions*" in shown and "*Technologies*" in shown
    assert "*Europe* — Renault leads; Mitsubishi, Nissan follow" in shown
    assert "*India* — no designated leader" in shown
    assert posts_after_quiet(slack) == []


def test_a_question_is_answered_privately_in_the_acknowledgement(bot, slack):
    answer = answer_in(bot.command("who leads PHEV for the D segment?"))
    assert answer.params["response_type"] == "ephemeral"
    shown = text_of(answer)
    assert "Mitsubishi leads that" in shown
    assert "<@U111> asked: _who leads PHEV for the D segment?_" in shown
    assert "Source: Alliance leader-follower article, ¶10" in shown
    holds_for(lambda: posts(slack) == [], 0.3, "no second round trip")


def test_a_private_answer_has_feedback_and_share_buttons(bot, slack):
    answer = answer_in(bot.command("who leads Europe?"))
    assert button_value(answer, ACTION_SHARE)
    assert button_value(answer, ACTION_FEEDBACK_UP)


def test_a_question_is_written_to_the_question_log(bot, slack, memory):
    answer_in(bot.command("who leads Europe?"))
    (record,) = wait_until(lambda: memory.question_records, what="the question log row")
    assert (record.channel_id, record.user_id, record.question, record.intent,
            record.understood) == ("C111", "U111", "who leads Europe?", "who_leads", True)


def test_a_registered_subcommand_gets_its_arguments_and_replies(bot, slack, monkeypatch):
    seen = []

    def digest(context):
        seen.append((context.args, context.channel_id, context.user_id))
        return CommandReply(text="subscribed", ephemeral=False)

    monkeypatch.setitem(SUBCOMMANDS, "digest", digest)
    bot.command("digest subscribe 09:00")
    (reply,) = slack.wait_for("response_url")
    assert seen == [("subscribe 09:00", "C111", "U111")]
    assert (reply.params["text"], reply.params["response_type"]) == ("subscribed", "in_channel")


def test_a_failing_subcommand_gets_a_polite_reply(bot, slack, monkeypatch):
    def broken(context):
        raise RuntimeError("database down")

    monkeypatch.setitem(SUBCOMMANDS, "digest", broken)
    bot.command("digest status")
    (reply,) = slack.wait_for("response_url")
    assert "Sorry, `/alliance digest` failed" in reply.params["text"]


def test_mention_injection_in_a_question_is_escaped(bot, slack):
    answer = answer_in(bot.command("who leads <!channel> <!here> <!everyone> <@U999> & co?"))
    shown = assert_pings_nobody(answer)
    assert "&lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt; &lt;@U999&gt; &amp; co?" in shown


def test_a_20_kb_question_is_answered_within_slack_limits(bot, slack):
    answer = answer_in(bot.command("who leads " + "Europe " * 3000))
    blocks = answer.params["blocks"]
    assert len(blocks) <= 50
    for block in blocks:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= MAX_SECTION_CHARS
        for element in block.get("elements", []):
            assert len(element.get("value", "")) <= 2000


@pytest.mark.parametrize("garbage", ["\x00\x01\x02", "💥💥💥", "%%%%&&&<<>>", "\ufffd" * 50])
def test_garbage_is_answered_politely(bot, slack, garbage):
    assert answer_in(bot.command(garbage)).params["blocks"]


def test_a_failure_in_the_core_gets_an_apology_and_is_counted_and_logged(bot, slack, caplog):
    errors = CORE_ERRORS.labels(surface="slash")
    before = errors._value.get()
    answer = answer_in(bot.command("explode please"))
    assert "Sorry, something went wrong" in text_of(answer)
    assert errors._value.get() == before + 1
    (record,) = [r for r in caplog.records if r.exc_info]
    assert "the core broke" in str(record.exc_info[1])


def test_help_is_in_the_users_slack_language(bot, slack):
    slack.user_locales["U111"] = "ja-JP"
    shown = str(bot.command("help").json()["blocks"])
    assert "質問のしかた" in shown and "日産は何をリードしていますか？" in shown
    assert "How to ask" not in shown


def test_the_map_is_in_the_users_slack_language(bot, slack):
    slack.user_locales["U111"] = "fr-FR"
    message = bot.command("matrix").json()
    assert message["text"] == "Carte des leaders de l'Alliance"
    assert "*Inde* — aucun leader désigné" in str(message["blocks"])


def test_help_is_english_when_users_info_does_not_answer_in_time(bot, slack):
    slack.user_locales["U111"] = "fr-FR"
    slack.delay("users.info", 5.0)
    started = time.monotonic()
    reply = bot.command("help")
    assert time.monotonic() - started < 2.9  # inside Slack's 3 seconds
    assert "How to ask" in str(reply.json()["blocks"])
    slack.delay("users.info", 0)


def test_a_question_is_answered_without_asking_slack_who_asked(bot, slack):
    slack.user_locales["U111"] = "fr-FR"
    answer = answer_in(bot.command("who leads Europe?"))
    assert "Share in channel" in text_of(answer)  # the question's language, not the locale
    assert slack.calls_to("users.info") == []


def test_a_failing_subcommand_apologises_in_the_users_language(bot, slack, monkeypatch):
    def broken(context):
        raise RuntimeError("database down")

    slack.user_locales["U111"] = "fr-FR"
    monkeypatch.setitem(SUBCOMMANDS, "digest", broken)
    bot.command("digest status")
    (reply,) = slack.wait_for("response_url")
    assert "Désolé, `/alliance digest` a échoué" in reply.params["text"]


@pytest.mark.parametrize("log_level, debug_lines_built", [("INFO", False), ("DEBUG", True)])
def test_bolt_builds_its_per_request_debug_lines_only_when_debug_is_configured(
        settings, assistant, memory, monkeypatch, log_level, debug_lines_built):
    built: list[str] = []
    monkeypatch.setattr(bolt_app_module, "debug_applying_middleware",
                        lambda name: built.append(name) or name)
    app = build_app(settings.model_copy(update={"log_level": log_level}), assistant,
                    memory.as_stores())
    body = urlencode(load_payload("slash_command")).encode()
    try:
        response = app.dispatch(BoltRequest(body=body.decode(), headers={
            "content-type": "application/x-www-form-urlencoded", **signature_headers(body)}))
    finally:
        shutdown_listeners(app)
    assert response.status == 200 and "PHEV" in response.body
    assert bool(built) is debug_lines_built
