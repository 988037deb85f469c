"""Hot reload with the real assistant on a copy of the shipped knowledge base (KNOWLEDGE_DIR)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from slack_sdk import WebClient

from bot.ops.reload import KnowledgeReloader
from intents.assistant import Assistant
from knowledge.errors import KnowledgeError
from tests.ops.conftest import ADMINS
from tests.ops.test_reload import wait_until
from tests.support.fake_slack import FakeSlack

SHIPPED_KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge" / "data"


@pytest.fixture(scope="module")
def knowledge_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("organisation") / "knowledge"
    shutil.copytree(SHIPPED_KNOWLEDGE, directory)
    return directory


@pytest.fixture(scope="module")
def assistant(knowledge_dir: Path) -> Assistant:
    assistant = Assistant(knowledge_dir)
    # A watcher given no files never reloads: that is a failure, not a reason to skip.
    assert assistant.knowledge_files(), "the assistant names no knowledge files to watch"
    return assistant


@pytest.fixture
def restore_files(knowledge_dir: Path) -> None:
    for path in SHIPPED_KNOWLEDGE.iterdir():
        shutil.copy(path, knowledge_dir / path.name)


def break_first_leader(path: Path) -> None:
    text = path.read_text()
    line = next(line for line in text.splitlines() if line.strip().startswith("leader:"))
    path.write_text(text.replace(line, line.split(":")[0] + ": toyota", 1))


def test_the_watched_files_are_in_knowledge_dir(assistant: Assistant, knowledge_dir: Path) -> None:
    assert {path.parent for path in assistant.knowledge_files()} == {knowledge_dir}


def test_an_invalid_leader_is_refused_naming_file_and_field(
    restore_files: None, assistant: Assistant, knowledge_dir: Path, client: WebClient,
    slack: FakeSlack,
) -> None:
    version = assistant.kb_version
    break_first_leader(knowledge_dir / "technologies.yaml")
    reloader = KnowledgeReloader(assistant=assistant, admins=ADMINS, client=client)
    outcome = reloader.reload(trigger="test")
    assert not outcome.ok
    assert "technologies.yaml" in outcome.error and "leader" in outcome.error
    assert assistant.kb_version == version
    assert "Renault" in assistant.ask("who leads Europe?").text
    assert len(slack.calls_to("chat.postMessage")) == len(ADMINS)


def test_invalid_yaml_is_refused_as_a_knowledge_error(
    restore_files: None, assistant: Assistant, knowledge_dir: Path,
) -> None:
    (knowledge_dir / "companies.yaml").write_text("companies: [unclosed\n")
    with pytest.raises(KnowledgeError, match="companies.yaml"):
        assistant.reload()


def test_a_valid_change_is_served_after_reload(
    restore_files: None, assistant: Assistant, knowledge_dir: Path, client: WebClient,
) -> None:
    version = assistant.kb_version
    facts = knowledge_dir / "facts.yaml"
    facts.write_text(facts.read_text() + "\n# reviewed by the knowledge-base owners\n")
    outcome = KnowledgeReloader(assistant=assistant, admins=ADMINS, client=client).reload(
        trigger="test")
    assert outcome.ok
    assert assistant.kb_version == outcome.version != version


def leaders_of_europe(assistant: Assistant) -> list[str]:
    return assistant.ask("who leads Europe?").leaders


def test_a_real_edit_of_a_knowledge_file_changes_the_next_answer(
    restore_files: None, assistant: Assistant, knowledge_dir: Path, client: WebClient,
) -> None:
    """The running watcher notices the edit and the reload drops every cached answer."""
    assert leaders_of_europe(assistant) == ["renault"]  # asked once, so an answer is cached
    regions = knowledge_dir / "regions.yaml"
    text = regions.read_text()
    europe = ('  - id: europe\n    name:\n      en: "Europe"\n      fr: "Europe"\n'
              '      ja: "欧州"\n    leader: renault\n')
    assert europe in text
    reloader = KnowledgeReloader(assistant=assistant, admins=ADMINS, client=client,
                                 poll_interval=0.05, settle=0.05)
    reloader.start()
    try:
        regions.write_text(text.replace(europe, europe.replace("renault", "nissan")))
        wait_until(lambda: leaders_of_europe(assistant) == ["nissan"], timeout=20)
    finally:
        reloader.stop()
        regions.write_text(text)
        assistant.reload()
    assert leaders_of_europe(assistant) == ["renault"]
