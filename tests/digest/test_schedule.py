"""When digests are due: local times, weekdays, DST changes, catch-up, subscription start."""

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.digest.schedule import (
    DAILY,
    WEEKDAYS,
    Plan,
    SubscribeRequest,
    describe,
    due_date,
    next_slot,
    parse_local_time,
    parse_subscribe_args,
    slot_start,
)

LONG_AGO = datetime(2020, 1, 1, tzinfo=UTC)
PARIS = Plan("09:00", "Europe/Paris", WEEKDAYS)
TOKYO = Plan("09:00", "Asia/Tokyo", DAILY)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize(("text", "expected"), [
    ("9:05", "09:05"), ("09:00", "09:00"), ("23:59", "23:59"), ("00:00", "00:00"),
])
def test_local_times_are_normalised(text: str, expected: str) -> None:
    assert parse_local_time(text) == expected


@pytest.mark.parametrize("text", ["24:00", "12:60", "9h", "0900", "-1:00"])
def test_malformed_local_times_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_local_time(text)


def test_subscribe_arguments_come_in_any_order() -> None:
    assert parse_subscribe_args(["daily", "Asia/Tokyo", "7:30"]) == SubscribeRequest(
        local_time="07:30", timezone="Asia/Tokyo", schedule="daily")
    assert parse_subscribe_args([]) == SubscribeRequest()


@pytest.mark.parametrize("words", [["Mars/Olympus"], ["09:00", "10:00"], ["25:00"]])
def test_bad_subscribe_arguments_are_refused(words: list[str]) -> None:
    with pytest.raises(ValueError):
        parse_subscribe_args(words)


def test_paris_and_tokyo_slots_fall_at_their_local_nine() -> None:
    assert slot_start(PARIS, date(2024, 1, 15)) == utc(2024, 1, 15, 8, 0)
    assert slot_start(TOKYO, date(2024, 1, 15)) == utc(2024, 1, 15, 0, 0)


def test_paris_nine_moves_an_hour_in_utc_across_the_spring_change() -> None:
    # Clocks went forward on Sunday 31 March 2024 in Paris.
    assert slot_start(PARIS, date(2024, 3, 29)) == utc(2024, 3, 29, 8, 0)
    assert slot_start(PARIS, date(2024, 4, 1)) == utc(2024, 4, 1, 7, 0)


def test_a_time_skipped_by_the_spring_change_is_sent_an_hour_later() -> None:
    plan = Plan("02:30", "Europe/Paris", DAILY)
    assert slot_start(plan, date(2024, 3, 31)) == utc(2024, 3, 31, 1, 30)  # 03:30 CEST


def test_a_time_repeated_by_the_autumn_change_means_its_first_occurrence() -> None:
    plan = Plan("02:30", "Europe/Paris", DAILY)
    assert slot_start(plan, date(2024, 10, 27)) == utc(2024, 10, 27, 0, 30)  # 02:30 CEST


@pytest.mark.parametrize(("now", "expected"), [
    (utc(2024, 1, 15, 7, 59), None),  # 08:59 in Paris
    (utc(2024, 1, 15, 8, 0), date(2024, 1, 15)),
    (utc(2024, 1, 15, 22, 59), date(2024, 1, 15)),  # 23:59 in Paris: still catching up
    (utc(2024, 1, 15, 23, 0), None),  # midnight in Paris: a new day, before its slot
])
def test_a_digest_is_due_from_its_time_until_local_midnight(now: datetime,
                                                            expected: date | None) -> None:
    assert due_date(PARIS, active_since=LONG_AGO, now=now) == expected


def test_weekday_digests_skip_the_weekend() -> None:
    saturday = utc(2024, 1, 13, 12, 0)
    assert due_date(PARIS, active_since=LONG_AGO, now=saturday) is None
    assert due_date(Plan("09:00", "Europe/Paris", DAILY), active_since=LONG_AGO,
                    now=saturday) == date(2024, 1, 13)


def test_a_slot_before_the_subscription_started_is_not_due() -> None:
    subscribed = utc(2024, 1, 15, 14, 0)
    assert due_date(PARIS, active_since=subscribed, now=subscribed + timedelta(hours=1)) is None
    assert next_slot(PARIS, active_since=subscribed, now=subscribed) == utc(2024, 1, 16, 8, 0)


def test_the_next_weekday_slot_after_friday_is_monday() -> None:
    friday_evening = utc(2024, 1, 19, 18, 0)
    assert next_slot(PARIS, active_since=LONG_AGO, now=friday_evening) == utc(2024, 1, 22, 8, 0)


@pytest.mark.parametrize(("plan", "reader", "said"), [
    (Plan("09:00", "Asia/Tokyo", WEEKDAYS, "ja"), "en",
     "09:00 Asia/Tokyo, on weekdays, in Japanese"),
    (Plan("09:00", "Asia/Tokyo", WEEKDAYS, "ja"), "fr",
     "09:00 (Asia/Tokyo), en semaine, en japonais"),
    (Plan("07:30", "Europe/Paris", DAILY, "fr"), "fr", "07:30 (Europe/Paris), tous les jours"),
    (Plan("07:30", "Europe/Paris", DAILY, "en"), "ja", "毎日 07:30（Europe/Paris）、英語"),
    (Plan("07:30", "Europe/Paris", DAILY, "en"), "en", "07:30 Europe/Paris, every day"),
])
def test_a_schedule_is_described_in_the_readers_language(plan, reader, said):
    assert describe(plan, reader) == said
