"""Scenario fixtures: the real Bolt app over real HTTP, signed like Slack, against a fake Slack.

`bot` is a `SlackDriver` that sends signed requests to the app's `POST /slack/events` (served by
uvicorn on 127.0.0.1, port 0); `slack` is the stand-in Web API the app posts to (its
`response_url`s are served there too). The core is a scripted stand-in so each scenario controls
what the answer is; one test in test_serve.py runs the real core end to end.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlencode

import pytest

from bot.extensions import HOME_SECTIONS, SUBCOMMANDS
from bot.features import load_features
from bot.settings import Settings
from bot.slack.app import build_app, shutdown_listeners
from bot.slack.http_server import SLACK_EVENTS_PATH, HttpServer, create_asgi_app
from bot.storage.memory import InMemoryStores
from knowledge.answer import Answer, Kind, MatrixRow, Source, Suggestion
from tests.support.fake_slack import Call, FakeSlack

SIGNING_SECRET = "test-signing-secret"
BOT_TOKEN = "xoxb-test-bot-token"
PAYLOADS = Path(__file__).parent / "payloads"
POSTING_METHODS = ("chat.postMessage", "chat.update", "chat.postEphemeral", "views.publish",
                   "response_url")
SUGGESTIONS = [
    Suggestion(label="PHEV for the D segment", question="who leads PHEV for the D segment?"),
    Suggestion(label="the D segment in general", question="who leads the D segment?"),
]

# How the real core names the scripted map in French and Japanese.
LOCAL_NAMES = {"fr": {"India": "Inde"}, "ja": {"Europe": "欧州", "India": "インド"}}
LOCAL_COMPANIES = {"en": {"renault": "Renault", "nissan": "Nissan", "mitsubishi": "Mitsubishi"},
                   "ja": {"renault": "ルノー", "nissan": "日産", "mitsubishi": "三菱自動車"}}


def load_payload(name: str) -> dict[str, Any]:
    return json.loads((PAYLOADS / f"{name}.json").read_text())


def signature_headers(body: bytes, *, secret: str = SIGNING_SECRET,
                      timestamp: int | None = None) -> dict[str, str]:
    """Headers exactly as Slack signs a request: v0 HMAC-SHA256 over "v0:{ts}:{body}"."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    base = b"v0:" + stamp.encode() + b":" + body
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={digest}"}


@dataclass
class HttpReply:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    def json(self) -> Any:
        return json.loads(self.body)


def http_request(url: str, *, data: bytes | None = None,
                 headers: dict[str, str] | None = None, timeout: float = 10) -> HttpReply:
    request = urllib.request.Request(url, data=data, headers=headers or {},
                                     method="POST" if data is not None else "GET")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return HttpReply(response.status, response.read(), dict(response.headers))
    except urllib.error.HTTPError as error:
        return HttpReply(error.code, error.read(), dict(error.headers))


class SlackDriver:
    """Plays Slack's side: signed Events API deliveries, slash commands and button clicks."""

    def __init__(self, base_url: str, slack: FakeSlack) -> None:
        self.base_url = base_url
        self.slack = slack
        self._event_ids = iter(range(1, 1_000_000))
        self._lock = threading.Lock()

    def get(self, path: str) -> HttpReply:
        return http_request(self.base_url + path)

    def post(self, body: bytes, content_type: str, *, signed: bool = True,
             secret: str = SIGNING_SECRET, timestamp: int | None = None,
             headers: dict[str, str] | None = None) -> HttpReply:
        all_headers = {"Content-Type": content_type, **(headers or {})}
        if signed:
            all_headers.update(signature_headers(body, secret=secret, timestamp=timestamp))
        return http_request(self.base_url + SLACK_EVENTS_PATH, data=body, headers=all_headers)

    def event(self, payload: dict[str, Any], **options: Any) -> HttpReply:
        return self.post(json.dumps(payload).encode(), "application/json", **options)

    def next_event_id(self) -> str:
        with self._lock:
            return f"Ev{next(self._event_ids):06d}"

    def mention(self, text: str, *, ts: str = "1700000000.000100", thread_ts: str | None = None,
                channel: str = "C111", **options: Any) -> HttpReply:
        payload = load_payload("app_mention")
        payload["event_id"] = self.next_event_id()
        payload["event"].update(text=f"<@UBOT> {text}", ts=ts, event_ts=ts, channel=channel)
        if thread_ts:
            payload["event"]["thread_ts"] = thread_ts
        return self.event(payload, **options)

    def direct_message(self, text: str, *, ts: str = "1700000000.000200",
                       thread_ts: str | None = None, **event_fields: Any) -> HttpReply:
        payload = load_payload("message_im")
        payload["event_id"] = self.next_event_id()
        payload["event"].update(text=text, ts=ts, event_ts=ts, **event_fields)
        if thread_ts:
            payload["event"]["thread_ts"] = thread_ts
        return self.event(payload)

    def command(self, text: str, *, tag: str = "", **options: Any) -> HttpReply:
        fields = load_payload("slash_command")
        fields.update(text=text, response_url=self.slack.response_url(tag))
        return self.post(urlencode(fields).encode(), "application/x-www-form-urlencoded",
                         **options)

    def click(self, action_id: str, value: str, *, ephemeral: bool = False,
              message: dict[str, Any] | None = None, tag: str = "") -> HttpReply:
        payload = load_payload("block_actions")
        payload["actions"][0].update(action_id=action_id, value=value)
        payload["response_url"] = self.slack.response_url(tag)
        payload["container"]["is_ephemeral"] = ephemeral
        if ephemeral:
            payload.pop("message")
        elif message is not None:
            payload["message"] = message
            payload["container"]["message_ts"] = message["ts"]
        body = urlencode({"payload": json.dumps(payload)}).encode()
        return self.post(body, "application/x-www-form-urlencoded")


class ScriptedAssistant:
    """The core's interface with scripted answers; records every question and its context.

    "clarify" in a question asks back with two readings; "explode" raises; anything else is
    answered, echoing the question (so escaping and size limits are exercised).
    """

    kb_version = "test"
    knowledge = SimpleNamespace(documents={  # the part of the real core's KB that names sources
        "alliance-leader-follower-article": SimpleNamespace(
            title="Alliance leader-follower article"),
    })

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any] | None]] = []
        self._lock = threading.Lock()

    def ask(self, question: str, context: dict[str, Any] | None = None) -> Answer:
        with self._lock:
            self.calls.append((question, context))
            turn = len(self.calls)
        if "explode" in question:
            raise RuntimeError("the core broke")
        if "clarify" in question:
            return Answer(question=question, intent="who_leads", kind=Kind.CLARIFY,
                          understood=False, text="Did you mean one of these?", confidence=0.4,
                          suggestions=SUGGESTIONS, context={"turn": turn})
        return Answer(question=question, intent="who_leads", kind=Kind.ANSWER, understood=True,
                      leaders=["mitsubishi"], text=f"Mitsubishi leads that. You asked: {question}",
                      sources=[Source(document="alliance-leader-follower-article", paragraph=10)],
                      confidence=0.9, context={"turn": turn, "question": question})

    def matrix(self, lang: str = "en") -> list[MatrixRow]:
        names = LOCAL_NAMES.get(lang, {})
        return [
            MatrixRow(area="region", id="europe", name=names.get("Europe", "Europe"),
                      leader="renault", followers=["mitsubishi", "nissan"]),
            MatrixRow(area="technology", id="phev", name="Plug-in hybrids (PHEV)",
                      leader="mitsubishi", followers=["nissan", "renault"]),
            MatrixRow(area="region", id="india", name=names.get("India", "India"), leader=None,
                      followers=[]),
        ]

    def company_names(self, lang: str = "en") -> dict[str, str]:
        return dict(LOCAL_COMPANIES.get(lang, {}))

    def examples(self) -> list[str]:
        return ["who leads PHEV for the D segment?", "what does Nissan lead?"]

    def reload(self) -> None:
        return None

    def knowledge_files(self) -> list[Path]:
        return []


def posts(slack: FakeSlack) -> list[Call]:
    """Every call through which the bot showed something to someone."""
    with slack._lock:
        return [call for call in slack.calls if call.method in POSTING_METHODS]


QUIET_SECONDS = 1.0  # longer than any scripted answer takes on a busy machine


def posts_after_quiet(slack: FakeSlack, quiet: float = QUIET_SECONDS,
                      timeout: float = 30.0) -> list[Call]:
    """`posts(slack)` once Slack has heard nothing new for `quiet` seconds.

    For "nothing else was posted": lazy listeners answer on their own threads, so a reply the
    bot should not have sent can arrive after the reply a test waited for.
    """
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        with slack._lock:
            last = max([started, *(call.at for call in slack.calls)])
        if time.monotonic() - last >= quiet:
            return posts(slack)
        time.sleep(0.05)
    raise AssertionError(f"Slack never went quiet for {quiet}s within {timeout}s")


def text_of(call: Call) -> str:
    """Everything a call would display, as one string to search (button values are hidden)."""
    def shown(node: Any) -> Any:
        if isinstance(node, dict):
            return {key: shown(value) for key, value in node.items() if key != "value"}
        if isinstance(node, list):
            return [shown(item) for item in node]
        return node

    return json.dumps(shown(call.params), ensure_ascii=False)


def assert_pings_nobody(call: Call) -> str:
    """Fail if a displayed text of `call` could notify anyone; returns that text."""
    shown = text_of(call)
    for ping in ("<!channel>", "<!here>", "<!everyone>", "<@U999>"):
        assert ping not in shown
    return shown


def answer_in(reply: HttpReply) -> Call:
    """The answer a slash command's acknowledgement carries, as a call to search like a post."""
    assert reply.status == 200
    return Call(method="ack", params=reply.json(), headers={})


def button_value(call: Call, action_id: str) -> str:
    for block in call.params.get("blocks", []):
        for element in block.get("elements", []):
            if element.get("action_id") == action_id:
                return element["value"]
    raise AssertionError(f"no {action_id} button in {call.params.get('blocks')}")


@pytest.fixture(autouse=True)
def without_feature_extensions() -> Iterator[None]:
    """Scenarios run without the digest and admin features (their own tests cover them);
    a test that needs a subcommand or App Home section registers a stand-in."""
    load_features()
    saved = (dict(SUBCOMMANDS), list(HOME_SECTIONS))
    SUBCOMMANDS.clear()
    HOME_SECTIONS.clear()
    yield
    SUBCOMMANDS.clear()
    SUBCOMMANDS.update(saved[0])
    HOME_SECTIONS[:] = saved[1]


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


@pytest.fixture
def assistant() -> ScriptedAssistant:
    return ScriptedAssistant()


@pytest.fixture
def memory() -> InMemoryStores:
    return InMemoryStores()


@pytest.fixture
def settings(slack: FakeSlack, tmp_path: Path) -> Settings:
    # (its own data directory: a test never leaves a database in the checkout)
    return Settings(_env_file=None, slack_bot_token=BOT_TOKEN, data_dir=tmp_path / "data",
                    slack_signing_secret=SIGNING_SECRET, slack_api_url=slack.api_url)


@pytest.fixture
def bolt_app(settings: Settings, assistant: ScriptedAssistant, memory: InMemoryStores):
    app = build_app(settings, assistant, memory.as_stores())  # type: ignore[arg-type]
    yield app
    shutdown_listeners(app)


@pytest.fixture
def bot(bolt_app, slack: FakeSlack) -> Iterator[SlackDriver]:
    server = HttpServer(create_asgi_app(bolt_app)).start()
    try:
        yield SlackDriver(server.url, slack)
    finally:
        server.stop()
