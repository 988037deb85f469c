"""The Slack app manifest: least-privilege scopes, each justified, matching what the app uses."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.slack.listeners.commands import COMMAND

MANIFEST = Path(__file__).parents[2] / "deploy" / "slack-manifest.yml"
EXPECTED_SCOPES = {"app_mentions:read", "chat:write", "commands", "im:history", "users:read"}
EXPECTED_EVENTS = {"app_home_opened", "app_mention", "message.im"}


def manifest() -> dict:
    return yaml.safe_load(MANIFEST.read_text())


def test_the_manifest_asks_for_exactly_the_scopes_the_bot_needs():
    assert set(manifest()["oauth_config"]["scopes"]["bot"]) == EXPECTED_SCOPES


def test_every_scope_is_justified_by_a_comment_above_it():
    lines = MANIFEST.read_text().splitlines()
    for scope in EXPECTED_SCOPES:
        index = next(i for i, line in enumerate(lines) if line.strip() == f"- {scope}")
        assert lines[index - 1].strip().startswith("#"), f"{scope} has no comment"


def test_the_manifest_subscribes_to_the_events_the_listeners_handle():
    settings = manifest()["settings"]
    assert set(settings["event_subscriptions"]["bot_events"]) == EXPECTED_EVENTS
    assert settings["interactivity"]["is_enabled"] is True
    assert settings["socket_mode_enabled"] is True


def test_the_manifest_declares_the_slash_command_and_app_home():
    features = manifest()["features"]
    assert [command["command"] for command in features["slash_commands"]] == [COMMAND]
    assert features["app_home"]["home_tab_enabled"] is True
    assert features["app_home"]["messages_tab_enabled"] is True


def test_the_teach_modal_can_load_its_entry_search_in_http_mode():
    interactivity = manifest()["settings"]["interactivity"]
    assert interactivity["message_menu_options_url"] == interactivity["request_url"]
