"""Teaching in Slack: `/alliance admin teach | forget | taught`, the Teach button, its modal (the
entry search, the preview, the submission, telling the asker) and the admins' App Home."""

from __future__ import annotations

import json
import time
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

import pytest
from slack_sdk import WebClient
from sqlalchemy import Engine, func, select

from bot.extensions import SUBCOMMANDS, CommandContext
from bot.ops.metrics import REGISTRY
from bot.settings import Settings
from bot.storage.memory import QuestionRecord, utcnow
from bot.storage.models import TeachingAuditEntry, ensure_database
from bot.storage.stores import open_stores
from bot.teaching import feature, store, views
from tests.slack.conftest import SlackDriver, load_payload, posts, text_of
from tests.support.fake_slack import FakeSlack
from tests.teaching.conftest import ADMIN, SOMEONE

QUESTION = "who leads Project Wombat?"
THREAD = "1700000000.000900"
# a submission that teaches first checks every labelled question with the phrase taught (a
# new pipeline, ~1,400 questions): seconds on a quiet machine, more on a loaded one
TEACHING_WAIT = 60.0


def admin(args: str, user: str = ADMIN) -> str:
    context = CommandContext(user_id=user, channel_id="C1", team_id="T1", args=args,
                             client=WebClient(token="xoxb-unused", base_url="http://127.0.0.1:9/"))
    return SUBCOMMANDS["admin"](context).text


def audit_rows(engine: Engine) -> int:
    with engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(TeachingAuditEntry)) or 0


def log_unanswered(settings: Settings, question: str = QUESTION, channel: str = "C222") -> str:
    """Log `question` as not understood, answered in THREAD; its Teach reference."""
    open_stores(settings).questions.log_question(QuestionRecord(
        channel_id=channel, user_id="UASKER", question=question, intent="out_of_scope",
        understood=False, confidence=0.0, at=utcnow(), thread_ts=THREAD))
    now = utcnow()
    return store.quotable_refs(ensure_database(settings), now - timedelta(hours=1), now)[question]


def refusals(reason: str) -> float:
    return REGISTRY.get_sample_value("alliance_bot_teach_refusals_total",
                                     {"reason": reason}) or 0.0


# -- /alliance admin ------------------------------------------------------------------------
@pytest.mark.parametrize("args", [
    'teach "Project Wombat" = Oceania',
    "teach “Project Wombat” = Oceania",  # Slack's smart quotes
    "teach Project Wombat=Oceania",
    "TEACH 'Project Wombat' = the region Oceania",
])
def test_an_admin_teaches_a_phrase(serving: feature.TeachingRuntime, engine: Engine,
                                   args: str) -> None:
    text = admin(args)
    assert text.startswith(":white_check_mark:") and "Project Wombat" in text, text
    assert [(r.phrase, r.kind, r.id, r.taught_by) for r in store.taught(engine)] == [
        ("Project Wombat", "region", "oceania", ADMIN)]
    assert serving.assistant.ask(QUESTION).leaders == ["mitsubishi"]
    assert audit_rows(engine) == 1


def test_a_single_word_needs_no_quotes(serving: feature.TeachingRuntime, engine: Engine) -> None:
    assert admin("teach Wombatland = Brazil").startswith(":white_check_mark:")
    assert serving.assistant.ask("who leads Wombatland?").leaders == ["renault"]


def test_teach_without_a_target_shows_the_usage(serving: feature.TeachingRuntime,
                                                engine: Engine) -> None:
    assert admin('teach "Project Wombat"').startswith("Usage:")
    assert store.taught(engine) == []


def test_a_non_admin_is_refused_and_nothing_changes(serving: feature.TeachingRuntime,
                                                    engine: Engine) -> None:
    for args in ('teach "Project Wombat" = Oceania', 'forget "Project Wombat"', "taught"):
        assert admin(args, user=SOMEONE).startswith("Sorry")
    assert store.taught(engine) == [] and audit_rows(engine) == 0
    assert not serving.assistant.ask(QUESTION).understood


def test_refusals_say_why_store_nothing_and_are_counted(serving: feature.TeachingRuntime,
                                                        engine: Engine) -> None:
    before = refusals("already_means")
    text = admin('teach "European Union" = Oceania')
    assert text.startswith(":x:") and "already means Europe" in text
    assert store.taught(engine) == [] and audit_rows(engine) == 0
    assert refusals("already_means") == before + 1


def test_the_same_phrase_for_another_entry_is_refused_and_forget_undoes(
        serving: feature.TeachingRuntime, engine: Engine) -> None:
    admin('teach "Project Wombat" = Oceania')
    refused = admin('teach "project wombat" = Europe')
    assert refused.startswith(":x:") and "already means Oceania" in refused
    listed = admin("taught")
    assert "Project Wombat" in listed and f"<@{ADMIN}>" in listed
    assert admin('forget "Project Wombat"').startswith(":white_check_mark:")
    assert not serving.assistant.ask(QUESTION).understood
    assert admin('forget "Project Wombat"').startswith(":x:")
    assert store.taught(engine) == [] and audit_rows(engine) == 2


def test_a_taught_phrase_never_pings_anyone(serving: feature.TeachingRuntime) -> None:
    assert "<!channel>" not in admin("teach <!channel> = Oceania")
    text = admin('teach "Wombat <@U999>" = Oceania')
    assert "<@U999>" not in text


def test_the_taught_count_is_a_metric(serving: feature.TeachingRuntime) -> None:
    admin('teach "Project Wombat" = Oceania')
    assert REGISTRY.get_sample_value("alliance_bot_taught_phrases") == 1
    admin('forget "Project Wombat"')
    assert REGISTRY.get_sample_value("alliance_bot_taught_phrases") == 0


# -- the Teach button and its modal ---------------------------------------------------------
def click_teach(bot: SlackDriver, ref: str, *, user: str) -> None:
    payload = load_payload("block_actions")
    payload["user"]["id"] = user
    payload["actions"][0].update(action_id=f"{views.ACTION_OPEN}_0", value=ref,
                                 block_id="teach_unanswered")
    payload["response_url"] = bot.slack.response_url()
    bot.post(urlencode({"payload": json.dumps(payload)}).encode(),
             "application/x-www-form-urlencoded")


def view_payload(kind: str, view: dict[str, Any], *, user: str, phrase: str,
                 target: str | None, tell: bool = False, **extra: Any) -> dict[str, Any]:
    """A block_actions / view_submission payload from the modal with these values filled in."""
    selected = ({"text": {"type": "plain_text", "text": target}, "value": target}
                if target else None)
    state = {"values": {
        views.BLOCK_PHRASE: {views.ACTION_PHRASE: {"type": "plain_text_input", "value": phrase}},
        views.BLOCK_TARGET: {views.ACTION_TARGET: {"type": "external_select",
                                                   "selected_option": selected}},
        views.BLOCK_TELL: {views.ACTION_TELL: {"type": "checkboxes", "selected_options": (
            [{"value": views.TELL}] if tell else [])}},
    }}
    return {"type": kind, "user": {"id": user}, "team": {"id": "T0"}, "api_app_id": "A0",
            "token": "t", "trigger_id": "1.2.3",
            "view": {**view, "id": "V1", "hash": "h1", "state": state}, **extra}


def send(bot: SlackDriver, payload: dict[str, Any]) -> Any:
    return bot.post(urlencode({"payload": json.dumps(payload)}).encode(),
                    "application/x-www-form-urlencoded")


def opened_modal(bot: SlackDriver, slack: FakeSlack, settings: Settings) -> dict[str, Any]:
    click_teach(bot, log_unanswered(settings), user=ADMIN)
    (opened,) = slack.wait_for("views.open")
    return opened.params["view"]


def test_a_non_admin_click_on_teach_is_politely_refused(
        bot: SlackDriver, slack: FakeSlack, settings: Settings) -> None:
    click_teach(bot, log_unanswered(settings), user=SOMEONE)
    (reply,) = slack.wait_for("response_url")
    assert "only the bot's administrators" in reply.params["text"]
    time.sleep(0.5)  # a quiet period: no modal may open after the refusal
    assert slack.calls_to("views.open") == []


def test_the_modal_offers_the_unknown_words_and_the_asker_option(
        bot: SlackDriver, slack: FakeSlack, settings: Settings) -> None:
    view = opened_modal(bot, slack, settings)
    phrase_block = next(b for b in view["blocks"] if b.get("block_id") == views.BLOCK_PHRASE)
    assert phrase_block["element"]["initial_value"] == "Project Wombat"
    assert QUESTION in json.dumps(view)
    assert any(b.get("block_id") == views.BLOCK_TELL for b in view["blocks"])


def test_the_entry_search_lists_matching_entries(bot: SlackDriver, slack: FakeSlack,
                                                 settings: Settings) -> None:
    view = opened_modal(bot, slack, settings)
    payload = {"type": "block_suggestion", "user": {"id": ADMIN}, "team": {"id": "T0"},
               "api_app_id": "A0", "token": "t", "action_id": views.ACTION_TARGET,
               "block_id": views.BLOCK_TARGET, "value": "ocean", "view": view}
    labels = [o["text"]["text"] for o in send(bot, payload).json()["options"]]
    assert "Oceania (region)" in labels
    payload["user"]["id"] = SOMEONE
    assert send(bot, payload).json()["options"] == []


def test_picking_an_entry_previews_the_answer(bot: SlackDriver, slack: FakeSlack,
                                              settings: Settings, engine: Engine) -> None:
    view = opened_modal(bot, slack, settings)
    send(bot, view_payload("block_actions", view, user=ADMIN, phrase="Project Wombat",
                           target="region:oceania",
                           actions=[{"type": "external_select", "action_id": views.ACTION_TARGET,
                                     "block_id": views.BLOCK_TARGET,
                                     "selected_option": {"value": "region:oceania"}}]))
    (update,) = slack.wait_for("views.update")
    assert "Mitsubishi leads Oceania" in text_of(update)
    assert store.taught(engine) == []  # a preview teaches nothing


def test_submitting_teaches_and_tells_the_asker_in_the_thread(
        bot: SlackDriver, slack: FakeSlack, settings: Settings,
        serving: feature.TeachingRuntime) -> None:
    view = opened_modal(bot, slack, settings)
    ack = send(bot, view_payload("view_submission", view, user=ADMIN, phrase="Project Wombat",
                                 target="region:oceania", tell=True))
    assert ack.json()["response_action"] == "update"
    (update,) = slack.wait_for("views.update", timeout=TEACHING_WAIT)
    assert "Learned" in text_of(update)
    (told,) = slack.wait_for("chat.postMessage", timeout=TEACHING_WAIT)
    assert (told.params["channel"], told.params["thread_ts"]) == ("C222", THREAD)
    assert "I've learned this" in told.params["text"] and "Mitsubishi" in told.params["text"]
    assert serving.assistant.ask(QUESTION).leaders == ["mitsubishi"]


def test_a_submission_by_a_non_admin_teaches_nothing(
        bot: SlackDriver, slack: FakeSlack, settings: Settings, engine: Engine) -> None:
    view = opened_modal(bot, slack, settings)
    send(bot, view_payload("view_submission", view, user=SOMEONE, phrase="Project Wombat",
                           target="region:oceania", tell=True))
    (update,) = slack.wait_for("views.update")
    assert "Not taught" in text_of(update)
    assert store.taught(engine) == [] and audit_rows(engine) == 0
    assert slack.calls_to("chat.postMessage") == []


def test_a_refused_submission_says_why_and_tells_nobody(
        bot: SlackDriver, slack: FakeSlack, settings: Settings, engine: Engine) -> None:
    view = opened_modal(bot, slack, settings)
    send(bot, view_payload("view_submission", view, user=ADMIN, phrase="Europe",
                           target="region:oceania", tell=True))
    (update,) = slack.wait_for("views.update")
    assert "Not taught" in text_of(update) and "already means Europe" in text_of(update)
    assert slack.calls_to("chat.postMessage") == [] and store.taught(engine) == []


# -- App Home -------------------------------------------------------------------------------
def open_home(bot: SlackDriver, user: str) -> None:
    payload = load_payload("app_home_opened")
    payload["event"]["user"] = user
    payload["event_id"] = bot.next_event_id()
    bot.event(payload)


def test_admins_see_what_to_teach_on_app_home(bot: SlackDriver, slack: FakeSlack,
                                              settings: Settings) -> None:
    ref = log_unanswered(settings)
    open_home(bot, ADMIN)
    (publish,) = slack.wait_for("views.publish")
    blocks = publish.params["view"]["blocks"]
    teach = [b for b in blocks if (b.get("accessory") or {}).get("value") == ref]
    assert teach and teach[0]["text"]["text"] == QUESTION


def test_others_see_no_teaching_on_app_home(bot: SlackDriver, slack: FakeSlack,
                                            settings: Settings) -> None:
    log_unanswered(settings)
    open_home(bot, SOMEONE)
    (publish,) = slack.wait_for("views.publish")
    assert "Teach" not in json.dumps(publish.params["view"])
    assert all(call.method != "views.open" for call in posts(slack))


def test_an_admin_whose_slack_speaks_japanese_teaches_in_japanese(
        bot: SlackDriver, slack: FakeSlack, settings: Settings) -> None:
    slack.user_locales[ADMIN] = "ja-JP"
    log_unanswered(settings)
    open_home(bot, ADMIN)
    (publish,) = slack.wait_for("views.publish")
    home = json.dumps(publish.params["view"], ensure_ascii=False)
    assert "ボットに教える" in home and "教えた表現" in home and "Teach the bot" not in home
    view = opened_modal(bot, slack, settings)
    shown = json.dumps(view, ensure_ascii=False)
    assert "教える表現" in shown and "質問者に知らせる" in shown and "Phrase to teach" not in shown
    assert QUESTION in shown  # the question itself is the asker's words
