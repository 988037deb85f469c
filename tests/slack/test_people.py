"""A person's Slack language: read with users.info once, remembered for a while, else English."""

from __future__ import annotations

import pytest
from slack_sdk import WebClient

from bot.slack.people import (
    FAILED_LOOKUP_TTL_SECONDS,
    PROFILE_TTL_SECONDS,
    People,
    language_of_locale,
)
from tests.slack.conftest import BOT_TOKEN


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def client(slack) -> WebClient:
    return WebClient(token=BOT_TOKEN, base_url=slack.api_url)


@pytest.mark.parametrize(("locale", "lang"), [
    ("fr-FR", "fr"), ("fr-CA", "fr"), ("ja-JP", "ja"), ("en-US", "en"), ("de-DE", "en"),
    ("es-LA", "en"), ("", "en"), (None, "en"),
])
def test_a_slack_locale_gives_the_language_the_bot_speaks_else_english(locale, lang):
    assert language_of_locale(locale) == lang


def test_a_person_is_looked_up_once_within_the_ttl_and_again_after(client, slack):
    clock = Clock()
    people = People(clock)
    slack.user_locales["U1"] = "fr-FR"
    assert people.language(client, "U1") == "fr"
    slack.user_locales["U1"] = "ja-JP"
    clock.now += PROFILE_TTL_SECONDS - 1
    assert people.language(client, "U1") == "fr"
    assert len(slack.calls_to("users.info")) == 1
    clock.now += 2
    assert people.language(client, "U1") == "ja"
    assert len(slack.calls_to("users.info")) == 2


def test_each_person_has_their_own_language(client, slack):
    people = People(Clock())
    slack.user_locales.update({"U1": "fr-FR", "U2": "ja-JP"})
    assert (people.language(client, "U1"), people.language(client, "U2")) == ("fr", "ja")


def test_a_failed_lookup_means_english_and_is_tried_again_after_a_short_while(client, slack):
    clock = Clock()
    people = People(clock)
    slack.user_locales["U1"] = "ja-JP"
    slack.fail_next("users.info", status=429, retry_after=30)
    assert people.language(client, "U1") == "en"
    clock.now += FAILED_LOOKUP_TTL_SECONDS - 1
    assert people.language(client, "U1") == "en"
    assert len(slack.calls_to("users.info")) == 1  # not one failing call per click
    clock.now += 2
    assert people.language(client, "U1") == "ja"


def test_the_time_zone_comes_with_the_language(client, slack):
    slack.user_timezones["U1"] = "Asia/Tokyo"
    slack.user_locales["U1"] = "ja-JP"
    user = People(Clock()).about(client, "U1")
    assert (user.timezone, user.locale, user.language) == ("Asia/Tokyo", "ja-JP", "ja")


def test_no_user_id_asks_slack_nothing(client, slack):
    assert People(Clock()).language(client, "") == "en"
    assert slack.calls_to("users.info") == []
