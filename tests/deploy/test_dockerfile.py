"""deploy/Dockerfile: multi-stage, non-root, lean, and consistent with the project it packages."""

from __future__ import annotations

import fnmatch
import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from dockerfile_parse import DockerfileParser

from tests.deploy.conftest import (
    CONTAINER_VARIABLES,
    DEPLOY_DIR,
    PROJECT_ROOT,
    project_scripts,
    settings_variables,
)

DOCKERFILE = DEPLOY_DIR / "Dockerfile"
DOCKERIGNORE = DEPLOY_DIR / "Dockerfile.dockerignore"
BUILD_TOOLS = ("build-essential", "gcc", "g++", "make", "apt-get install")


def instructions() -> list[dict[str, Any]]:
    return [i for i in DockerfileParser(str(DOCKERFILE)).structure if i["instruction"] != "COMMENT"]


def stages() -> list[list[dict[str, Any]]]:
    found: list[list[dict[str, Any]]] = []
    for instruction in instructions():
        if instruction["instruction"] == "FROM":
            found.append([])
        if found:
            found[-1].append(instruction)
    return found


def final_stage(instruction: str) -> list[str]:
    return [i["value"] for i in stages()[-1] if i["instruction"] == instruction]


def exec_form(instruction: str) -> list[str]:
    (value,) = final_stage(instruction)
    return json.loads(value)


def test_build_has_several_stages_on_a_slim_python_base() -> None:
    bases = [stage[0]["value"].split()[0] for stage in stages()]
    assert len(bases) >= 2
    assert all(base.startswith("python:") and "-slim" in base for base in bases)


def test_final_image_runs_as_a_numeric_non_root_user() -> None:
    (user,) = final_stage("USER")
    uid = user.split(":")[0]
    assert uid.isdigit() and int(uid) != 0


def test_final_image_installs_no_build_tools() -> None:
    for command in final_stage("RUN"):
        assert not any(tool in command for tool in BUILD_TOOLS), command


def test_final_image_takes_only_the_built_environment_from_the_build_stage() -> None:
    copies = final_stage("COPY")
    assert copies and all(copy.startswith("--from=") for copy in copies)


def test_every_copied_path_exists_in_the_project() -> None:
    for instruction in instructions():
        if instruction["instruction"] not in ("COPY", "ADD"):
            continue
        if "--from=" in instruction["value"]:
            continue
        for source in instruction["value"].split()[:-1]:
            assert (PROJECT_ROOT / source).exists(), f"COPY {source}: not in the project"


def test_the_dockerignore_keeps_every_copied_path() -> None:
    patterns = [line.strip() for line in DOCKERIGNORE.read_text().splitlines()
                if line.strip() and not line.startswith("#")]

    def ignored(path: str) -> bool:
        verdict = False
        for pattern in patterns:
            negated = pattern.startswith("!")
            bare = pattern.lstrip("!").rstrip("/")
            if fnmatch.fnmatch(path, bare) or path.startswith(bare + "/"):
                verdict = not negated
        return verdict

    for instruction in instructions():
        if instruction["instruction"] == "COPY" and "--from" not in instruction["value"]:
            for source in instruction["value"].split()[:-1]:
                assert not ignored(source), f"{source} is excluded from the build context"


def test_the_knowledge_base_ships_inside_the_image() -> None:
    copied = {w for i in instructions() if i["instruction"] == "COPY" for w in i["value"].split()}
    assert "knowledge" in copied
    assert list((PROJECT_ROOT / "knowledge" / "data").glob("*.yaml"))


def test_entrypoint_is_the_projects_command(
    assert_cli_accepts: Callable[[list[str]], None],
) -> None:
    entrypoint = exec_form("ENTRYPOINT")
    assert entrypoint == ["alliance-bot"]
    assert "alliance-bot" in project_scripts()
    assert_cli_accepts(exec_form("CMD"))


def test_image_sets_only_variables_the_bot_or_the_healthcheck_read() -> None:
    python_variables = {"PATH", "PYTHONUNBUFFERED", "PYTHONDONTWRITEBYTECODE"}
    names = set(DockerfileParser(str(DOCKERFILE)).envs) - python_variables
    assert names <= settings_variables() | CONTAINER_VARIABLES


def test_exposed_port_is_the_one_http_mode_listens_on() -> None:
    (exposed,) = final_stage("EXPOSE")
    command = exec_form("CMD")
    assert command[command.index("--port") + 1] == exposed


# -- the HEALTHCHECK command itself, run against a local server --------------------------------
class _Health(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.send_response(200 if self.path == "/healthz" else 503)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture(scope="module")
def health_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Health)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def run_healthcheck(url: str) -> int:
    (healthcheck,) = final_stage("HEALTHCHECK")
    command = json.loads(healthcheck[healthcheck.index("CMD") + len("CMD"):].strip())
    assert command[0] == "python"
    env = {**os.environ, "HEALTHCHECK_URL": url}
    return subprocess.run([sys.executable, *command[1:]], env=env, timeout=30,
                          capture_output=True).returncode


def test_healthcheck_passes_when_healthz_answers(health_server: str) -> None:
    assert run_healthcheck(f"{health_server}/healthz") == 0


def test_healthcheck_fails_when_the_bot_is_unhealthy(health_server: str) -> None:
    assert run_healthcheck(f"{health_server}/broken") != 0


def test_healthcheck_fails_when_nothing_listens() -> None:
    assert run_healthcheck("http://127.0.0.1:9/healthz") != 0


def test_healthcheck_default_url_matches_the_exposed_port() -> None:
    env = DockerfileParser(str(DOCKERFILE)).envs
    (exposed,) = final_stage("EXPOSE")
    assert env["HEALTHCHECK_URL"] == f"http://127.0.0.1:{exposed}/healthz"
