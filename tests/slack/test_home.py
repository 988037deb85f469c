"""App Home: the map at a glance, how to ask, examples, then feature sections."""

from __future__ import annotations

import pytest

from bot import extensions
from tests.slack.conftest import load_payload, posts_after_quiet


def open_home(bot, tab: str = "home"):
    payload = load_payload("app_home_opened")
    payload["event"]["tab"] = tab
    payload["event_id"] = bot.next_event_id()
    return bot.event(payload)


def test_opening_app_home_publishes_the_home_view(bot, slack):
    assert open_home(bot).status == 200
    (publish,) = slack.wait_for("views.publish")
    assert publish.params["user_id"] == "U111"
    view = publish.params["view"]
    assert view["type"] == "home"
    shown = str(view["blocks"])
    assert "*Europe* — Renault leads" in shown
    assert "How to ask" in shown
    assert "what does Nissan lead?" in shown


def test_feature_sections_come_after_the_built_in_ones(bot, slack):
    digest_block = {"type": "section", "text": {"type": "mrkdwn", "text": "*Digest settings*"}}
    extensions.HOME_SECTIONS.append(lambda user, client: [digest_block])
    open_home(bot)
    (publish,) = slack.wait_for("views.publish")
    assert publish.params["view"]["blocks"][-1] == digest_block


def test_a_failing_feature_section_is_left_out(bot, slack):
    def broken(user, client):
        raise RuntimeError("database down")

    extensions.HOME_SECTIONS.append(broken)
    open_home(bot)
    (publish,) = slack.wait_for("views.publish")
    assert "How to ask" in str(publish.params["view"]["blocks"])


def test_the_messages_tab_does_not_publish(bot, slack):
    open_home(bot, tab="messages")
    open_home(bot)
    slack.wait_for("views.publish")
    assert len(posts_after_quiet(slack)) == 1


@pytest.mark.parametrize(("locale", "shown_lines"), [
    ("fr-FR", ["Carte des leaders de l'Alliance", "*Inde* — aucun leader désigné",
               "*Europe* — leader : Renault ; suiveurs : Mitsubishi, Nissan",
               "Comment poser une question", "que dirige Nissan ?"]),
    ("ja-JP", ["アライアンスのリーダー一覧",
               "*欧州* — リーダー：ルノー、フォロワー：三菱自動車、日産", "質問のしかた",
               "日産は何をリードしていますか？"]),
])
def test_app_home_is_in_the_users_slack_language(bot, slack, locale, shown_lines):
    slack.user_locales["U111"] = locale
    open_home(bot)
    (publish,) = slack.wait_for("views.publish")
    shown = str(publish.params["view"]["blocks"])
    assert all(line in shown for line in shown_lines), shown
    assert "How to ask" not in shown and "leads" not in shown
    (lookup,) = slack.calls_to("users.info")
    assert lookup.params["user"] == "U111"
    assert lookup.params.get("include_locale") in (True, "true", "1")


@pytest.mark.parametrize("locale", ["de-DE", "en-GB", ""])
def test_app_home_is_english_for_a_locale_the_bot_does_not_speak(bot, slack, locale):
    slack.user_locales["U111"] = locale
    open_home(bot)
    (publish,) = slack.wait_for("views.publish")
    assert "*Europe* — Renault leads" in str(publish.params["view"]["blocks"])


@pytest.mark.parametrize("failure", [{"error": "user_not_found"}, {"status": 500},
                                     {"status": 429, "retry_after": 30}])
def test_app_home_is_english_when_users_info_fails(bot, slack, failure):
    slack.user_locales["U111"] = "fr-FR"
    slack.fail_next("users.info", **failure)
    open_home(bot)
    (publish,) = slack.wait_for("views.publish")
    assert "*Europe* — Renault leads" in str(publish.params["view"]["blocks"])


def test_the_users_language_is_looked_up_once_not_at_every_opening(bot, slack):
    slack.user_locales["U111"] = "fr-FR"
    for count in (1, 2, 3):
        open_home(bot)
        publishes = slack.wait_for("views.publish", count=count)
    assert all("Carte des leaders" in str(call.params["view"]) for call in publishes)
    assert len(slack.calls_to("users.info")) == 1
