from collections.abc import Iterator
from pathlib import Path

import pytest
from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.digest import feature
from bot.digest.delivery import digest_client
from bot.settings import Settings
from bot.storage.models import ensure_database
from knowledge.answer import Answer, Kind, MatrixRow, Source
from tests.storage.databases import BACKENDS, make_settings
from tests.support.fake_slack import FakeSlack

JAPANESE_NAMES = {"Europe": "欧州", "Plug-in hybrids": "プラグインハイブリッド"}
JAPANESE_COMPANIES = {"renault": "ルノー", "nissan": "日産", "mitsubishi": "三菱自動車"}


class MapAssistant:
    """The part of `intents.assistant.Assistant` a digest reads, with a map tests can change."""

    def __init__(self) -> None:
        self.kb_version = "test-1"
        self.rows = [
            MatrixRow(area="region", id="europe", name="Europe", leader="renault",
                      followers=["nissan", "mitsubishi"],
                      sources=[Source(document="alliance-article", paragraph=4)]),
            MatrixRow(area="technology", id="phev", name="Plug-in hybrids", leader="mitsubishi",
                      followers=["renault", "nissan"]),
            MatrixRow(area="segment", id="c-suv", name="C-SUV", leader="nissan",
                      followers=["renault"]),
        ]

        self.answered: set[str] = set()  # the questions `ask` answers (as if taught since)

    def matrix(self, lang: str = "en") -> list[MatrixRow]:
        if lang == "ja":  # the map as the Japanese resolver names it
            return [row.model_copy(update={"name": JAPANESE_NAMES.get(row.name, row.name)})
                    for row in self.rows]
        return list(self.rows)

    def company_names(self, lang: str = "en") -> dict[str, str]:
        return JAPANESE_COMPANIES if lang == "ja" else {}

    def ask(self, question: str) -> Answer:
        understood = question in self.answered
        return Answer(question=question, intent="who_leads" if understood else "out_of_scope",
                      kind=Kind.ANSWER if understood else Kind.NO_ANSWER, understood=understood,
                      text="Renault leads that." if understood else "I don't know that.",
                      confidence=0.9 if understood else 0.0)


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack() as server:
        yield server


@pytest.fixture(params=BACKENDS)
def settings(request: pytest.FixtureRequest, tmp_path: Path,
             slack: FakeSlack) -> Iterator[Settings]:
    yield from make_settings(request.param, tmp_path, slack_api_url=slack.api_url)


@pytest.fixture
def engine(settings: Settings) -> Engine:
    return ensure_database(settings)


@pytest.fixture
def client(settings: Settings) -> WebClient:
    return digest_client(settings)


@pytest.fixture
def assistant() -> MapAssistant:
    return MapAssistant()


@pytest.fixture
def configured(settings: Settings, assistant: MapAssistant) -> Iterator[None]:
    """Point the Slack surfaces of the digest at the test database and map."""
    feature.configure(settings, assistant)
    yield
    feature._runtime = None
