"""A PostgreSQL cluster of a test's own, in a temporary directory, that the test can stop and
start: the database outages of tests/storage/test_outage.py and tests/slack/test_outage.py.

Made with `initdb` and run with `pg_ctl` (PostgreSQL's own tools, on PATH here and in CI);
skipped, saying why, where they are missing. initdb refuses to run as root, so as root the
cluster belongs to the `postgres` user (or `nobody`) and the tools run through `runuser`.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

TOOLS = ("initdb", "pg_ctl")
START_SECONDS = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _run_as() -> list[str]:
    if os.geteuid() != 0:
        return []
    for user in ("postgres", "nobody"):
        try:
            pwd.getpwnam(user)
        except KeyError:
            continue
        if shutil.which("runuser"):
            return ["runuser", "-u", user, "--"]
    pytest.skip("running as root with neither a postgres nor a nobody user (or no runuser) to "
                "run initdb as")


class PrivatePostgres:
    """`start()`, `stop()`, `url(database)`; `close()` stops it and removes its files."""

    def __init__(self) -> None:
        missing = [tool for tool in TOOLS if shutil.which(tool) is None]
        if missing:
            pytest.skip(f"PostgreSQL's {' and '.join(missing)} not on PATH, so the database "
                        "outage tests (which stop and start a private cluster) are skipped")
        self.prefix = _run_as()
        self.root = Path(tempfile.mkdtemp(prefix="alliance-pg-"))
        if self.prefix:
            user = self.prefix[2]
            shutil.chown(self.root, user=user)
        self.data = self.root / "data"
        self.log = self.root / "postgres.log"
        self.port = free_port()
        self._tool("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres",
                   "--no-sync", "-E", "UTF8")
        self.start()

    def _tool(self, *arguments: str) -> None:
        result = subprocess.run([*self.prefix, *arguments], capture_output=True, text=True,
                                timeout=START_SECONDS, cwd=self.root)
        if result.returncode != 0:
            raise RuntimeError(f"{arguments[0]} failed: {result.stdout}{result.stderr}\n"
                               f"{self.log.read_text() if self.log.exists() else ''}")

    def start(self) -> None:
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        self._tool("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.log),
                   "-w", "-t", str(START_SECONDS), "start")

    def stop(self) -> None:
        """Stop as an operator or a failover would: connections are cut at once."""
        self._tool("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        """A new empty database; returns its URL."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        admin = create_engine("postgresql+psycopg://" + self.url().split("://", 1)[1],
                              isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        return self.url(name)

    def close(self) -> None:
        with contextlib.suppress(RuntimeError):  # already stopped
            self._tool("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)
