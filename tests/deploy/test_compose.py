"""deploy/docker-compose.yml: the bot in HTTP mode or Socket Mode, with PostgreSQL on a volume."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.settings import Settings
from tests.deploy.conftest import CONTAINER_VARIABLES, DEPLOY_DIR, PROJECT_ROOT, settings_variables

COMPOSE_FILE = DEPLOY_DIR / "docker-compose.yml"
BOT_SERVICES = {"bot": "--http", "bot-socket": "--socket"}
INTERPOLATION = re.compile(r"\$\{([A-Z0-9_]+)(?::?[-?][^}]*)?\}")


def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE_FILE.read_text())


def service(name: str) -> dict[str, Any]:
    return compose()["services"][name]


@pytest.mark.parametrize("path", sorted(DEPLOY_DIR.rglob("*.y*ml")), ids=lambda p: p.name)
def test_every_yaml_file_in_deploy_parses(path: Path) -> None:
    assert list(yaml.safe_load_all(path.read_text()))


@pytest.mark.parametrize(("name", "mode"), BOT_SERVICES.items())
def test_each_bot_service_serves_in_its_mode(
    name: str, mode: str, assert_cli_accepts: Callable[[list[str]], None],
) -> None:
    bot = service(name)
    assert bot["command"][:2] == ["serve", mode]
    assert_cli_accepts(bot["command"])


def test_the_two_modes_are_separate_profiles() -> None:
    profiles = [tuple(service(name)["profiles"]) for name in BOT_SERVICES]
    assert sorted(profiles) == [("http",), ("socket",)]


@pytest.mark.parametrize("name", BOT_SERVICES)
def test_bot_services_set_only_variables_the_bot_reads(name: str) -> None:
    names = set(service(name)["environment"])
    assert names <= settings_variables() | CONTAINER_VARIABLES, names - settings_variables()


@pytest.mark.parametrize("name", BOT_SERVICES)
def test_bot_services_build_the_projects_image(name: str) -> None:
    build = service(name)["build"]
    context = (COMPOSE_FILE.parent / build["context"]).resolve()
    assert context == PROJECT_ROOT
    assert (context / build["dockerfile"]).is_file()


def test_http_mode_has_its_signing_secret_and_socket_mode_its_app_token() -> None:
    assert "SLACK_SIGNING_SECRET" in service("bot")["environment"]
    assert "SLACK_APP_TOKEN" in service("bot-socket")["environment"]
    assert "METRICS_PORT" in service("bot-socket")["environment"]


def test_socket_mode_healthcheck_asks_the_metrics_port() -> None:
    environment = service("bot-socket")["environment"]
    assert f":{environment['METRICS_PORT']}/" in environment["HEALTHCHECK_URL"]


@pytest.mark.parametrize("name", BOT_SERVICES)
def test_bot_waits_for_a_healthy_database_it_can_reach(name: str) -> None:
    bot = service(name)
    assert bot["depends_on"]["db"]["condition"] == "service_healthy"
    url = INTERPOLATION.sub("pw", bot["environment"]["DATABASE_URL"])
    sqlalchemy_url = Settings(database_url=url).sqlalchemy_url
    assert sqlalchemy_url.startswith("postgresql+psycopg://") and "@db:5432/" in sqlalchemy_url


def test_database_keeps_its_data_on_a_named_volume() -> None:
    db = service("db")
    assert db["image"].startswith("postgres:")
    assert "healthcheck" in db
    volume_names = {mount.split(":")[0] for mount in db["volumes"]}
    assert volume_names <= set(compose()["volumes"])
    assert any(mount.endswith(":/var/lib/postgresql/data") for mount in db["volumes"])


def test_no_secret_is_written_into_the_file() -> None:
    text = COMPOSE_FILE.read_text()
    assert "xoxb-" not in text and "xapp-" not in text
    for name in BOT_SERVICES:
        environment = service(name)["environment"]
        for variable in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN"):
            if variable in environment:
                assert INTERPOLATION.fullmatch(environment[variable]), variable
