"""Teaching without Slack: the database keeps taught phrases with their audit trail, every
process follows changes made elsewhere, and the command line does what Slack does."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import yaml
from sqlalchemy import Engine

from bot.settings import Settings
from bot.teaching import store
from bot.teaching.service import TaughtPhraseSync, Teacher, labelled_questions
from intents.assistant import Assistant
from tests.storage.databases import subprocess_env

QUESTION = "who leads Project Wombat?"


def teacher(engine: Engine, assistant: Assistant) -> Teacher:
    """A process's teaching, over its own copy of the core."""
    own = Teacher(engine, assistant.with_taught([]), questions=labelled_questions())
    own.refresh(force=True)
    return own


def test_another_process_follows_a_teach_and_a_forget_by_polling(
        engine: Engine, real_assistant: Assistant) -> None:
    here, there = teacher(engine, real_assistant), teacher(engine, real_assistant)
    sync = TaughtPhraseSync(there, interval=0.1).start()
    try:
        assert here.teach("Project Wombat", "PHEV", actor="U1", source="slack").ok
        deadline = time.monotonic() + 10
        while there.assistant.ask(QUESTION).leaders != ["mitsubishi"]:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        assert here.forget("project wombat", actor="U1", source="slack").ok
        while there.assistant.ask(QUESTION).understood:
            assert time.monotonic() < deadline + 10
            time.sleep(0.05)
    finally:
        sync.stop()


def test_two_processes_teaching_one_phrase_at_once_store_it_once(
        engine: Engine, real_assistant: Assistant) -> None:
    teachers = [teacher(engine, real_assistant) for _ in range(2)]
    outcomes: list = [None, None]
    start = threading.Barrier(2)

    def teach(index: int, target: str) -> None:
        start.wait()
        outcomes[index] = teachers[index].teach("Project Wombat", target, actor=f"U{index}",
                                                source="slack")

    threads = [threading.Thread(target=teach, args=(0, "Oceania")),
               threading.Thread(target=teach, args=(1, "Europe"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcome.ok for outcome in outcomes) == [False, True]
    (record,) = store.taught(engine)
    winner = next(o for o in outcomes if o.ok)
    assert winner.record is not None and record.id == winner.record.id


def cli(settings: Settings, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot.cli.main", *arguments],
                          env=subprocess_env(settings), capture_output=True, text=True,
                          timeout=120)


def test_the_command_line_teaches_lists_exports_and_forgets(
        settings: Settings, engine: Engine, real_assistant: Assistant) -> None:
    assert cli(settings, "kb", "taught").stdout.strip() == "nothing taught yet"
    taught = cli(settings, "kb", "teach", "Project Wombat", "--means", "the D segment")
    assert taught.returncode == 0, taught.stderr
    assert cli(settings, "ask", QUESTION).stdout.startswith("Mitsubishi leads the D segment")
    listed = cli(settings, "kb", "taught").stdout
    assert "'Project Wombat' means D segment (segment:D), taught by command line" in listed
    exported = yaml.safe_load(cli(settings, "kb", "export-taught").stdout)
    (entry,) = exported["segments.yaml"]["segments"]
    assert entry["id"] == "D" and entry["aliases"][-1] == "Project Wombat"
    assert entry["aliases"][:-1] == [a for s in real_assistant.knowledge.segments.values()
                                     if s.id == "D" for a in s.aliases]
    assert cli(settings, "kb", "forget", "Project Wombat").returncode == 0
    assert "I don't know" in cli(settings, "ask", QUESTION).stdout
    actions = [(a, s) for a, s in store.audit_trail(engine)]
    assert actions == [("teach", "cli"), ("forget", "cli")]


def test_command_line_refusals_are_one_line_with_a_non_zero_exit(settings: Settings) -> None:
    for arguments in (["kb", "teach", "Europe", "--means", "Oceania"],
                      ["kb", "teach", "Project Wombat"], ["kb", "forget"],
                      ["kb", "forget", "never taught"]):
        result = cli(settings, *arguments)
        assert result.returncode != 0 and result.stderr.count("\n") == 1, result.stderr
        assert "Traceback" not in result.stderr
