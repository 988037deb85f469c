"""`/alliance admin reload`: admins reload the knowledge base; everyone else is politely refused."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from slack_sdk import WebClient

from bot.extensions import SUBCOMMANDS, CommandContext, ServeContext
from bot.ops import reload as ops
from bot.settings import Settings
from tests.ops.conftest import ADMINS, FileBackedAssistant
from tests.support.fake_slack import FakeSlack


@pytest.fixture
def serving(assistant: FileBackedAssistant, client: WebClient) -> Iterator[None]:
    """What `alliance-bot serve` does at start-up: run the ops startup hook."""
    settings = Settings(alliance_bot_admins=",".join(sorted(ADMINS)))
    stop = ops.start_knowledge_reloader(ServeContext(
        settings=settings, assistant=assistant, client=client, stores=None, mode="http"))
    yield
    stop()


def run_admin(user_id: str, args: str, client: WebClient) -> str:
    context = CommandContext(user_id=user_id, channel_id="C1", team_id="T1", args=args,
                             client=client)
    reply = SUBCOMMANDS["admin"](context)
    assert reply.ephemeral
    return reply.text


def test_the_admin_subcommand_is_registered() -> None:
    assert SUBCOMMANDS["admin"] is ops.admin_command


def test_an_admin_reloads_the_knowledge_base(
    serving: None, assistant: FileBackedAssistant, client: WebClient,
) -> None:
    assistant.path.write_text("version: v9\n")
    text = run_admin("UADMIN1", "reload", client)
    assert assistant.kb_version == "v9"
    assert "reloaded" in text and "`v9`" in text


def test_a_refused_reload_tells_the_admin_why_and_what_is_served(
    serving: None, assistant: FileBackedAssistant, client: WebClient,
) -> None:
    assistant.path.write_text("oops: true\n")
    text = run_admin("UADMIN2", "reload", client)
    assert "refused" in text
    assert "facts.yaml: entry 'kb', field 'version'" in text
    assert "`v1`" in text
    assert assistant.kb_version == "v1"


def test_a_refused_reload_also_notifies_every_admin_by_dm(
    serving: None, assistant: FileBackedAssistant, client: WebClient, slack: FakeSlack,
) -> None:
    assistant.path.write_text("oops: true\n")
    run_admin("UADMIN2", "reload", client)
    assert {call.params["channel"] for call in slack.calls_to("chat.postMessage")} == ADMINS


def test_a_user_who_is_not_an_admin_is_politely_refused(
    serving: None, assistant: FileBackedAssistant, client: WebClient,
) -> None:
    text = run_admin("USOMEONE", "reload", client)
    assert text.startswith("Sorry")
    assert "ALLIANCE_BOT_ADMINS" in text
    assert assistant.reloads == 0


def test_a_non_admin_learns_nothing_about_the_admin_commands(
    serving: None, client: WebClient,
) -> None:
    assert run_admin("USOMEONE", "", client) == run_admin("USOMEONE", "reload", client)


def test_an_admin_without_a_known_action_gets_the_usage(
    serving: None, assistant: FileBackedAssistant, client: WebClient,
) -> None:
    assert "/alliance admin reload" in run_admin("UADMIN1", "", client)
    assert "/alliance admin reload" in run_admin("UADMIN1", "explode", client)
    assert assistant.reloads == 0


def test_with_no_admins_configured_nobody_may_reload(
    assistant: FileBackedAssistant, client: WebClient,
) -> None:
    stop = ops.start_knowledge_reloader(ServeContext(
        settings=Settings(alliance_bot_admins=""), assistant=assistant, client=client,
        stores=None, mode="socket"))
    try:
        assert run_admin("UADMIN1", "reload", client).startswith("Sorry")
    finally:
        stop()


def test_outside_serve_the_command_says_reloading_needs_a_running_bot(client: WebClient) -> None:
    assert ops.active_reloader() is None
    assert "alliance-bot serve" in run_admin("UADMIN1", "reload", client)


def test_stopping_the_hook_forgets_the_reloader(
    assistant: FileBackedAssistant, client: WebClient,
) -> None:
    stop = ops.start_knowledge_reloader(ServeContext(
        settings=Settings(), assistant=assistant, client=client, stores=None, mode="http"))
    assert ops.active_reloader() is not None
    stop()
    assert ops.active_reloader() is None


def test_loading_the_features_registers_the_reloader_for_serve() -> None:
    from bot.extensions import STARTUP_HOOKS
    from bot.features import load_features

    load_features()
    assert ops.start_knowledge_reloader in STARTUP_HOOKS


def test_readiness_waits_for_the_knowledge_base_to_be_loaded_and_watched(
    assistant: FileBackedAssistant, client: WebClient,
) -> None:
    assert ops.knowledge_base_loaded() == "knowledge base not loaded yet"
    stop = ops.start_knowledge_reloader(ServeContext(
        settings=Settings(), assistant=assistant, client=client, stores=None, mode="socket"))
    try:
        assert ops.knowledge_base_loaded() is None
    finally:
        stop()
