"""App Home: the map at a glance, how to ask, examples, then feature sections."""

from __future__ import annotations

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
