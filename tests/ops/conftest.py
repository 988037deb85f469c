"""Fixtures for the operations tests: a fake Slack Web API and a knowledge base on disk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from slack_sdk import WebClient

from knowledge.errors import KnowledgeError
from tests.support.fake_slack import FakeSlack

ADMINS = frozenset({"UADMIN1", "UADMIN2"})


class FileBackedAssistant:
    """The reload contract of `intents.assistant.Assistant`, over one small YAML file.

    The file must hold `version: ...`; anything else is refused with a KnowledgeError naming the
    file, entry and field, and the version already loaded stays in service.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.reloads = 0
        self.kb_version = self._read()

    def _read(self) -> str:
        data = yaml.safe_load(self.path.read_text())
        if not isinstance(data, dict) or "version" not in data:
            raise KnowledgeError(f"{self.path.name}: entry 'kb', field 'version': missing")
        return str(data["version"])

    def reload(self) -> None:
        self.reloads += 1
        self.kb_version = self._read()

    def knowledge_files(self) -> list[Path]:
        return [self.path]


@pytest.fixture(scope="session")
def slack_server() -> Iterator[FakeSlack]:
    # One server for the session: shutting one down takes half a second.
    with FakeSlack() as server:
        yield server


@pytest.fixture
def slack(slack_server: FakeSlack) -> FakeSlack:
    slack_server.reset()
    slack_server.responses.clear()
    return slack_server


@pytest.fixture
def client(slack: FakeSlack) -> WebClient:
    return WebClient(token="xoxb-test-token", base_url=slack.api_url)


@pytest.fixture
def kb_file(tmp_path: Path) -> Path:
    path = tmp_path / "knowledge" / "facts.yaml"
    path.parent.mkdir()
    path.write_text("version: v1\n")
    return path


@pytest.fixture
def assistant(kb_file: Path) -> FileBackedAssistant:
    return FileBackedAssistant(kb_file)
