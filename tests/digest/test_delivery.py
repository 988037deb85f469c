"""Delivery on a controlled clock: local times, once per day, catch-up, pause, rate limits,
and what a crash between claim and post means (at most once)."""

from datetime import UTC, date, datetime, timedelta

from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.digest import store
from bot.digest.delivery import digest_client, send_due
from bot.digest.feature import digest_home
from bot.digest.schedule import DAILY, WEEKDAYS, Plan
from bot.settings import Settings
from bot.storage.memory import FeedbackRecord, QuestionRecord
from bot.storage.models import dispose_engines, ensure_database
from bot.storage.stores import open_stores
from tests.digest.conftest import MapAssistant
from tests.support.fake_slack import FakeSlack

MONDAY = date(2024, 1, 15)
SUBSCRIBED = datetime(2024, 1, 14, 12, 0, tzinfo=UTC)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def subscribe(engine: Engine, channel_id: str, timezone: str = "Europe/Paris",
              local_time: str = "09:00", schedule: str = DAILY,
              now: datetime = SUBSCRIBED) -> None:
    store.subscribe(engine, channel_id=channel_id, team_id="T1", user_id="U1",
                    plan=Plan(local_time, timezone, schedule), now=now)


def posted_channels(slack: FakeSlack) -> list[str]:
    return [call.params["channel"] for call in slack.calls_to("chat.postMessage")]


def test_paris_and_tokyo_get_their_digest_at_local_nine(
        engine: Engine, client: WebClient, assistant: MapAssistant, slack: FakeSlack) -> None:
    subscribe(engine, "CPARIS", "Europe/Paris")
    subscribe(engine, "CTOKYO", "Asia/Tokyo")
    send_due(engine, client, assistant, now=utc(2024, 1, 14, 23, 59))  # 08:59 in Tokyo
    assert posted_channels(slack) == []
    send_due(engine, client, assistant, now=utc(2024, 1, 15, 0, 0))  # 09:00 in Tokyo
    assert posted_channels(slack) == ["CTOKYO"]
    send_due(engine, client, assistant, now=utc(2024, 1, 15, 7, 59))  # 08:59 in Paris
    assert posted_channels(slack) == ["CTOKYO"]
    report = send_due(engine, client, assistant, now=utc(2024, 1, 15, 8, 0))
    assert posted_channels(slack) == ["CTOKYO", "CPARIS"]
    assert report.sent == 1


def test_a_second_pass_the_same_day_sends_nothing(
        engine: Engine, client: WebClient, assistant: MapAssistant, slack: FakeSlack) -> None:
    subscribe(engine, "C1")
    send_due(engine, client, assistant, now=utc(2024, 1, 15, 8, 0))
    report = send_due(engine, client, assistant, now=utc(2024, 1, 15, 8, 1))
    assert report.due == 1 and report.sent == 0 and report.taken_elsewhere == 1
    assert posted_channels(slack) == ["C1"]


def test_delivery_follows_local_nine_across_the_dst_change(
        engine: Engine, client: WebClient, assistant: MapAssistant, slack: FakeSlack) -> None:
    subscribe(engine, "C1", now=utc(2024, 3, 28, 12, 0))
    # Paris is UTC+1 until Sunday 31 March 2024, UTC+2 from then on.
    for nine_in_paris in (utc(2024, 3, 29, 8, 0), utc(2024, 3, 30, 8, 0),
                          utc(2024, 3, 31, 7, 0), utc(2024, 4, 1, 7, 0)):
        a_minute_early = nine_in_paris - timedelta(minutes=1)
        assert send_due(engine, client, assistant, now=a_minute_early).sent == 0
        assert send_due(engine, client, assistant, now=nine_in_paris).sent == 1
    assert len(posted_channels(slack)) == 4


def test_a_restart_between_subscribe_and_send_loses_nothing(
        settings: Settings, assistant: MapAssistant, slack: FakeSlack) -> None:
    subscribe(ensure_database(settings), "C1")
    dispose_engines()  # the process ends; a new one starts on the same database
    report = send_due(ensure_database(settings), digest_client(settings), assistant,
                      now=utc(2024, 1, 15, 8, 0))
    assert report.sent == 1 and posted_channels(slack) == ["C1"]


def test_a_bot_that_was_down_catches_up_later_the_same_day_only(
        engine: Engine, client: WebClient, assistant: MapAssistant, slack: FakeSlack) -> None:
    subscribe(engine, "C1")
    assert send_due(engine, client, assistant, now=utc(2024, 1, 15, 17, 30)).sent == 1
    subscribe(engine, "C2", now=utc(2024, 1, 15, 6, 0))
    # C2 missed the whole of Monday: Tuesday 00:30 in Paris is before its 09:00.
    assert send_due(engine, client, assistant, now=utc(2024, 1, 15, 23, 30)).sent == 0
    assert posted_channels(slack) == ["C1"]


def test_weekday_subscriptions_stay_quiet_at_the_weekend(
        engine: Engine, client: WebClient, assistant: MapAssistant, slack: FakeSlack) -> None:
    subscribe(engine, "C1", schedule=WEEKDAYS, now=utc(2024, 1, 12, 12, 0))
    assert send_due(engine, client, assistant, now=utc(2024, 1, 13, 9, 0)).due == 0
    assert send_due(engine, client, assistant, now=utc(2024, 1, 15, 9, 0)).sent == 1


def test_an_archived_channel_pauses_its_subscription_without_retrying(
        engine: Engine, client: WebClient, assistant: MapAssistant, slack: FakeSlack,
        configured: None, caplog) -> None:
    subscribe(engine, "C1")
    slack.fail_next("chat.postMessage", error="is_archived")
    report = send_due(engine, client, assistant, now=utc(2024, 1, 15, 8, 0))
    assert report.paused == 1
    assert "digest paused for channel C1: Slack said is_archived" in caplog.text
    subscription = store.get_subscription(engine, "C1")
    assert (subscription.status, subscription.paused_reason) == ("paused", "is_archived")
    assert "archived" in repr(digest_home("U1", None))
    assert send_due(engine, client, assistant, now=utc(2024, 1, 16, 8, 0)).due == 0
    assert len(slack.calls_to("chat.postMessage")) == 1


def test_a_channel_that_removed_the_bot_pauses_and_others_still_get_theirs(
        engine: Engine, client: WebClient, assistant: MapAssistant, slack: FakeSlack) -> None:
    subscribe(engine, "C1")
    subscribe(engine, "C2")
    slack.fail_next("chat.postMessage", error="not_in_channel")
    report = send_due(engine, client, assistant, now=utc(2024, 1, 15, 8, 0))
    assert (report.paused, report.sent) == (1, 1)


def test_another_slack_error_fails_that_day_without_pausing_or_resending(
        engine: Engine, client: WebClient, assistant: MapAssistant, slack: FakeSlack) -> None:
    subscribe(engine, "C1")
    slack.fail_next("chat.postMessage", error="internal_error")
    assert send_due(engine, client, assistant, now=utc(2024, 1, 15, 8, 0)).failed == 1
    assert send_due(engine, client, assistant, now=utc(2024, 1, 15, 9, 0)).sent == 0
    assert store.get_subscription(engine, "C1").status == "active"
    assert send_due(engine, client, assistant, now=utc(2024, 1, 16, 8, 0)).sent == 1


def test_a_rate_limited_post_waits_and_goes_out_once(
        engine: Engine, client: WebClient, assistant: MapAssistant, slack: FakeSlack) -> None:
    subscribe(engine, "C1")
    slack.fail_next("chat.postMessage", status=429, retry_after=1)
    assert send_due(engine, client, assistant, now=utc(2024, 1, 15, 8, 0)).sent == 1
    refused, sent = slack.calls_to("chat.postMessage")  # the 429, then the message
    assert sent.at - refused.at >= 1  # after the Retry-After Slack gave, not at once


def test_a_claim_left_by_a_crash_is_never_sent_again(
        engine: Engine, client: WebClient, assistant: MapAssistant, slack: FakeSlack) -> None:
    subscribe(engine, "C1")
    # A process claimed Monday, then died before (or while) posting.
    assert store.claim(engine, channel_id="C1", local_date=MONDAY,
                       now=utc(2024, 1, 15, 8, 0), claimer="crashed:1")
    report = send_due(engine, client, assistant, now=utc(2024, 1, 15, 8, 5))
    assert (report.sent, report.taken_elsewhere) == (0, 1)
    assert store.last_delivery(engine, "C1").status == "claimed"
    assert posted_channels(slack) == []


def test_the_digest_reports_yesterdays_questions_and_feedback(
        settings: Settings, engine: Engine, client: WebClient, assistant: MapAssistant,
        slack: FakeSlack) -> None:
    stores = open_stores(settings)
    sunday_noon = utc(2024, 1, 14, 11, 0)
    for text, understood in (("who leads Europe?", True), ("who leads Mars?", False),
                             ("secret plans?", False)):
        stores.questions.log_question(QuestionRecord(
            channel_id="D1" if text == "secret plans?" else "C9", user_id="U1", question=text,
            intent="who_leads" if understood else "unknown", understood=understood,
            confidence=0.5, at=sunday_noon))
    stores.feedback.record_feedback(FeedbackRecord(
        user_id="U1", channel_id="C9", question="what does Nissan lead?", answer="...",
        vote="down", at=sunday_noon))
    subscribe(engine, "C1")
    send_due(engine, client, assistant, now=utc(2024, 1, 15, 8, 0))
    blocks = repr(slack.calls_to("chat.postMessage")[0].params["blocks"])
    assert "3 questions" in blocks and "who leads (1)" in blocks
    assert "who leads Mars?" in blocks and "what does Nissan lead?" in blocks
    assert "secret plans?" not in blocks  # asked in a DM: counted, never quoted


def test_the_next_digest_reports_what_changed_and_moves_the_spotlight(
        engine: Engine, client: WebClient, assistant: MapAssistant, slack: FakeSlack) -> None:
    subscribe(engine, "C1")
    send_due(engine, client, assistant, now=utc(2024, 1, 15, 8, 0))
    assistant.rows[2] = assistant.rows[2].model_copy(update={"leader": "renault",
                                                             "followers": ["nissan"]})
    send_due(engine, client, assistant, now=utc(2024, 1, 16, 8, 0))
    first, second = (repr(call.params["blocks"]) for call in slack.calls_to("chat.postMessage"))
    assert "What changed" not in first and "Spotlight — Europe" in first
    assert "*C-SUV*: Renault now leads (was Nissan)." in second
    assert "Spotlight — Plug-in hybrids" in second


def test_a_pass_stops_between_channels_when_asked(
        engine: Engine, client: WebClient, assistant: MapAssistant, slack: FakeSlack) -> None:
    for channel in ("C1", "C2", "C3"):
        subscribe(engine, channel)
    calls = iter([False, True])
    report = send_due(engine, client, assistant, now=utc(2024, 1, 15, 8, 0),
                      should_stop=lambda: next(calls, True))
    assert report.sent == 1
    assert send_due(engine, client, assistant, now=utc(2024, 1, 15, 8, 1)).sent == 2


def test_deliveries_are_kept_apart_per_local_date(
        engine: Engine, client: WebClient, assistant: MapAssistant, slack: FakeSlack) -> None:
    subscribe(engine, "C1")
    for day in range(15, 18):
        send_due(engine, client, assistant, now=utc(2024, 1, day, 8, 0) + timedelta(hours=3))
    assert len(posted_channels(slack)) == 3


def test_a_channel_gets_its_digest_in_the_language_chosen_at_subscribe(
        engine: Engine, client: WebClient, assistant: MapAssistant, slack: FakeSlack) -> None:
    store.subscribe(engine, channel_id="CTOKYO", team_id="T1", user_id="U1",
                    plan=Plan("09:00", "Asia/Tokyo", DAILY, lang="ja"), now=SUBSCRIBED)
    subscribe(engine, "CPARIS", "Europe/Paris")
    send_due(engine, client, assistant, now=utc(2024, 1, 15, 8, 0))
    posted = {call.params["channel"]: str(call.params["blocks"])
              for call in slack.calls_to("chat.postMessage")}
    assert "アライアンス・ダイジェスト" in posted["CTOKYO"]
    assert "欧州のリーダーはルノー" in posted["CTOKYO"] and "出典" in posted["CTOKYO"]
    assert "Alliance digest" in posted["CPARIS"] and "Spotlight — Europe" in posted["CPARIS"]


def test_a_channel_and_local_day_is_claimed_exactly_once_in_one_process(engine: Engine) -> None:
    """Deterministic beside the two-process race in test_replicas.py."""
    def claim(channel_id: str, day: date, claimer: str) -> bool:
        return store.claim(engine, channel_id=channel_id, local_date=day,
                           now=utc(2024, 1, 15, 8, 0), claimer=claimer)

    assert claim("C1", MONDAY, "first:1") is True
    assert claim("C1", MONDAY, "second:2") is False
    assert claim("C1", MONDAY, "first:1") is False  # not even the same claimer twice
    assert claim("C1", MONDAY + timedelta(days=1), "second:2") is True
    assert claim("C2", MONDAY, "second:2") is True
    assert store.last_delivery(engine, "C1", before=MONDAY + timedelta(days=1)).claimed_by == (
        "first:1")
