"""The digest in Slack: `/alliance digest`, App Home and its actions, the serve hooks."""

from datetime import UTC, datetime
from typing import Any

import pytest
from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.digest import feature, store
from bot.digest.schedule import DAILY, Plan
from bot.extensions import (
    DEGRADATION_CHECKS,
    HOME_SECTIONS,
    STARTUP_HOOKS,
    SUBCOMMANDS,
    CommandContext,
    ServeContext,
)
from bot.settings import Settings
from bot.storage.memory import InMemoryStores, utcnow
from tests.digest.conftest import MapAssistant
from tests.support.fake_slack import FakeSlack

pytestmark = pytest.mark.usefixtures("configured")


def command(args: str, client: WebClient, user_id: str = "U1") -> Any:
    return SUBCOMMANDS["digest"](CommandContext(user_id=user_id, channel_id="C1", team_id="T1",
                                                args=args, client=client))


def test_the_feature_registers_its_hooks() -> None:
    assert SUBCOMMANDS["digest"] is feature.digest_command
    assert feature.digest_home in HOME_SECTIONS
    assert feature.start_digests in STARTUP_HOOKS
    assert feature.database_reachable in DEGRADATION_CHECKS


def test_subscribe_defaults_to_nine_on_weekdays_in_the_users_zone(
        client: WebClient, slack: FakeSlack, engine: Engine) -> None:
    slack.user_timezones["U1"] = "Asia/Tokyo"
    reply = command("subscribe", client)
    assert not reply.ephemeral
    assert "09:00 Asia/Tokyo, on weekdays" in reply.text
    subscription = store.get_subscription(engine, "C1")
    assert (subscription.local_time, subscription.timezone, subscription.schedule,
            subscription.created_by) == ("09:00", "Asia/Tokyo", "weekdays", "U1")


def test_subscribe_takes_time_zone_and_schedule(client: WebClient, slack: FakeSlack,
                                                engine: Engine) -> None:
    slack.user_timezones["U1"] = "Asia/Tokyo"
    reply = command("subscribe 07:45 America/New_York daily", client)
    assert "07:45 America/New_York, every day" in reply.text
    assert store.get_subscription(engine, "C1").timezone == "America/New_York"


def test_subscribe_with_zone_and_language_needs_no_profile(client: WebClient, slack: FakeSlack,
                                                           engine: Engine) -> None:
    command("subscribe 07:45 America/New_York daily en", client)
    assert store.get_subscription(engine, "C1").lang == "en"
    assert not slack.calls_to("users.info")


def test_a_zone_given_without_a_language_keeps_the_users_slack_language(
        client: WebClient, slack: FakeSlack, engine: Engine) -> None:
    slack.user_locales["U1"] = "fr-FR"
    reply = command("subscribe 08:00 Europe/Paris", client)
    assert store.get_subscription(engine, "C1").lang == "fr"
    assert "a abonné ce canal" in reply.text and "08:00" in reply.text


def test_subscribe_refuses_an_unknown_zone(client: WebClient, engine: Engine) -> None:
    reply = command("subscribe 09:00 Europe/Atlantis", client)
    assert reply.ephemeral and "Unknown time zone 'Europe/Atlantis'" in reply.text
    assert store.get_subscription(engine, "C1") is None


@pytest.mark.parametrize("word", ["<!channel>", "<!here>", "<@U999>", "\u202e<!everyone>"])
def test_a_bad_word_is_echoed_without_pinging_anyone(client: WebClient, word: str) -> None:
    reply = command(f"subscribe {word}", client)
    assert "Unknown time zone" in reply.text
    for ping in ("<!channel>", "<!here>", "<!everyone>", "<@U999>", "\u202e"):
        assert ping not in reply.text


def test_status_tells_schedule_and_next_delivery(client: WebClient) -> None:
    assert "no digest" in command("status", client).text
    command("subscribe 10:00 Europe/Paris daily", client)
    text = command("status", client).text
    assert "10:00 Europe/Paris, every day" in text and "Next:" in text


def test_unsubscribe_stops_the_digest(client: WebClient, engine: Engine) -> None:
    command("subscribe", client)
    assert "stopped" in command("unsubscribe", client).text
    assert store.get_subscription(engine, "C1") is None
    assert "no digest subscription" in command("unsubscribe", client).text


def test_preview_is_an_ephemeral_digest_that_claims_nothing(
        client: WebClient, engine: Engine) -> None:
    reply = command("preview", client)
    assert reply.ephemeral and reply.text.startswith("Preview: Alliance digest")
    assert reply.blocks[0]["type"] == "header"
    assert store.last_delivery(engine, "C1") is None


def test_an_unknown_verb_gets_the_usage(client: WebClient) -> None:
    assert "/alliance digest subscribe" in command("sing", client).text


def home_blocks(user_id: str = "U1") -> str:
    return repr(feature.digest_home(user_id, None))


def test_app_home_lists_only_the_users_own_digests(client: WebClient) -> None:
    command("subscribe 08:15 Europe/Paris", client)
    assert "<#C1>" in home_blocks("U1") and "08:15" in home_blocks("U1")
    assert "No digests yet" in home_blocks("U2")


def action(action_id: str, **fields: Any) -> dict[str, Any]:
    return {"action_id": action_id, "block_id": "digest:C1", **fields}


@pytest.mark.parametrize(("payload", "attribute", "expected"), [
    (action(feature.ACTION_TIME, selected_time="07:30"), "local_time", "07:30"),
    (action(feature.ACTION_SCHEDULE, selected_option={"value": DAILY}), "schedule", DAILY),
    (action(feature.ACTION_PAUSE, value="C1"), "status", store.PAUSED),
])
def test_app_home_actions_edit_the_subscription(client: WebClient, engine: Engine,
                                                payload: dict, attribute: str,
                                                expected: str) -> None:
    command("subscribe 09:00 Europe/Paris", client)
    assert feature.handle_home_action("U1", payload) is True
    assert getattr(store.get_subscription(engine, "C1"), attribute) == expected


def test_resume_reactivates_a_paused_digest(client: WebClient, engine: Engine) -> None:
    command("subscribe", client)
    store.pause(engine, "C1", reason="not_in_channel", now=utcnow())
    assert "Invite it back" in home_blocks()
    assert feature.handle_home_action("U1", action(feature.ACTION_RESUME, value="C1"))
    assert store.get_subscription(engine, "C1").status == store.ACTIVE


def test_someone_else_cannot_edit_or_remove_the_digest(client: WebClient,
                                                       engine: Engine) -> None:
    command("subscribe", client)
    assert feature.handle_home_action("U2", action(feature.ACTION_UNSUBSCRIBE)) is False
    assert store.get_subscription(engine, "C1") is not None


def test_a_malformed_time_from_slack_changes_nothing(client: WebClient, engine: Engine) -> None:
    command("subscribe 09:00 Europe/Paris", client)
    assert feature.handle_home_action("U1", action(feature.ACTION_TIME,
                                                   selected_time="25:00")) is False
    assert store.get_subscription(engine, "C1").local_time == "09:00"


class RecordingApp:
    """Just enough of a Bolt App to capture what `register_actions` wires."""

    def __init__(self) -> None:
        self.listeners: list[tuple[Any, Any]] = []

    def action(self, constraint: Any) -> Any:
        def register(listener: Any) -> Any:
            self.listeners.append((constraint, listener))
            return listener
        return register


def test_registered_actions_ack_apply_and_refresh_app_home(client: WebClient,
                                                           engine: Engine) -> None:
    command("subscribe", client)
    app, refreshed, acked = RecordingApp(), [], []
    feature.register_actions(app, refresh_home=lambda user, c: refreshed.append(user))
    [(constraint, listener)] = app.listeners
    assert all(constraint.match(name) for name in (
        feature.ACTION_TIME, feature.ACTION_SCHEDULE, feature.ACTION_PAUSE,
        feature.ACTION_RESUME, feature.ACTION_UNSUBSCRIBE))
    listener(ack=lambda: acked.append(True), body={"user": {"id": "U1"}},
             action=action(feature.ACTION_UNSUBSCRIBE, value="C1"), client=None)
    assert acked == [True] and refreshed == ["U1"]
    assert store.get_subscription(engine, "C1") is None


def test_the_startup_hook_sends_due_digests_until_stopped(
        settings: Settings, engine: Engine, assistant: MapAssistant, slack: FakeSlack) -> None:
    store.subscribe(engine, channel_id="C1", team_id="T1", user_id="U1",
                    plan=Plan("00:00", "UTC", DAILY), now=datetime(2024, 1, 1, tzinfo=UTC))
    stop = feature.start_digests(ServeContext(settings=settings, assistant=assistant,
                                              client=None, stores=InMemoryStores().as_stores(),
                                              mode="socket"))
    try:
        slack.wait_for("chat.postMessage")
    finally:
        stop()
    assert len(slack.calls_to("chat.postMessage")) == 1


def test_readiness_reports_a_reachable_database(engine: Engine) -> None:
    assert feature.database_reachable() is None


def test_readiness_names_an_unreachable_database(tmp_path) -> None:
    feature.configure(Settings(_env_file=None,
                               database_url="postgresql://nobody@127.0.0.1:1/none"),
                      MapAssistant())
    reason = feature.database_reachable()
    assert reason is not None and reason.startswith("database unreachable:")


def test_subscribe_takes_the_digest_language(client: WebClient, slack: FakeSlack,
                                             engine: Engine) -> None:
    reply = command("subscribe 09:00 Asia/Tokyo ja", client)
    # the language chosen is the one the subscriber reads: the confirmation is in it
    assert "平日 09:00（Asia/Tokyo）" in reply.text and "ダイジェストに登録しました" in reply.text
    assert store.get_subscription(engine, "C1").lang == "ja"
    assert not slack.calls_to("users.info")


@pytest.mark.parametrize(("locale", "said"), [
    ("fr-FR", {"usage": "Utilisez `/alliance digest subscribe", "none": "n'a pas de digest",
               "zone": "Fuseau horaire inconnu : 'Europe/Atlantis'",
               "twice": "l'heure est donnée deux fois", "status": "Prochain envoi : ",
               "stop": "a arrêté le digest", "day": ("lun.", "mar.", "mer.", "jeu.", "ven.")}),
    ("ja-JP", {"usage": "使い方：`/alliance digest subscribe", "none": "ダイジェストがありません",
               "zone": "タイムゾーン 'Europe/Atlantis' が見つかりません",
               "twice": "時刻が2回指定されています", "status": "次回：",
               "stop": "ダイジェストを停止しました",
               "day": ("(月)", "(火)", "(水)", "(木)", "(金)")}),
])
def test_every_digest_reply_is_in_the_users_slack_language(
        client: WebClient, slack: FakeSlack, locale: str, said: dict[str, Any]) -> None:
    slack.user_locales["U1"] = locale
    assert said["usage"] in command("", client).text
    assert said["none"] in command("status", client).text
    assert said["zone"] in command("subscribe 09:00 Europe/Atlantis", client).text
    assert said["twice"] in command("subscribe 09:00 10:00", client).text
    command("subscribe 09:00 Europe/Paris", client)
    status = command("status", client).text
    assert said["status"] in status and any(day in status for day in said["day"])
    assert "Next:" not in status and "weekdays" not in status
    assert said["stop"] in command("unsubscribe", client).text


def test_subscribe_without_a_language_follows_the_users_slack_locale(
        client: WebClient, slack: FakeSlack, engine: Engine) -> None:
    slack.user_locales["U1"] = "fr-FR"
    command("subscribe", client)
    assert store.get_subscription(engine, "C1").lang == "fr"
    assert slack.calls_to("users.info")[0].params.get("include_locale") in (True, "true", "1")


def test_the_app_home_section_is_in_the_users_slack_language(client: WebClient,
                                                             slack: FakeSlack) -> None:
    command("subscribe 08:15 Europe/Paris fr", client)
    slack.user_locales["U1"] = "ja-JP"
    shown = repr(feature.digest_home("U1", client))
    assert "毎日のダイジェスト" in shown and "平日 08:15（Europe/Paris）、フランス語" in shown
    assert "一時停止" in shown and "配信を停止" in shown
    assert "Pause" not in shown and "Daily digests" not in shown
