"""The real leadership map (not the scripted stand-in) in `/alliance matrix` and App Home,
checked row by row against the knowledge-base files."""

from __future__ import annotations

import pytest

from intents.assistant import Assistant
from tests.slack.test_home import open_home
from tests.support.block_kit import assert_valid_blocks
from tests.support.kb_map import expected_leadership, expected_rows


@pytest.fixture(scope="module")
def real_core() -> Assistant:
    return Assistant()


@pytest.fixture
def assistant(real_core: Assistant) -> Assistant:
    return real_core


def shown_lines(blocks: list[dict]) -> list[str]:
    return [line for block in blocks if block["type"] == "section"
            for line in block["text"]["text"].split("\n")]


def expected_lines() -> list[str]:
    return [f"• *{row.name}* — {expected_leadership(row)}" for row in expected_rows()]


def map_lines(blocks: list[dict]) -> list[str]:
    assert_valid_blocks(blocks)
    return [line for line in shown_lines(blocks) if line.startswith("• *")
            and " leads" in line]


def test_the_matrix_command_shows_every_row_of_the_knowledge_base(bot) -> None:
    blocks = bot.command("matrix").json()["blocks"]
    assert map_lines(blocks) == expected_lines()


def test_app_home_shows_every_row_of_the_knowledge_base(bot, slack) -> None:
    open_home(bot)
    (publish,) = slack.wait_for("views.publish")
    assert map_lines(publish.params["view"]["blocks"]) == expected_lines()
