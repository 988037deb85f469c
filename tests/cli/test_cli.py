"""`alliance-bot` as a person at a terminal (and a script piping JSON Lines) uses it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
PUBLIC_KEYS = {"question", "intent", "understood", "leaders", "followers", "answer", "sources",
               "confidence"}


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "bot.cli.main", *args], input=stdin,
                          capture_output=True, cwd=ROOT, env=env, timeout=120)


def test_ask_prints_the_answer_and_its_source(capsys):
    assert main(["ask", "who leads PHEV for D segment?"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Mitsubishi leads plug-in hybrids")
    assert "Source: Alliance leader-follower article, ¶10 — as of May 2020" in out


def test_ask_json_prints_the_documented_object(capsys):
    assert main(["ask", "--json", "is Nissan the leader in Europe?"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert set(answer) >= PUBLIC_KEYS
    assert answer["leaders"] == ["renault"] and answer["answer"].startswith("No")
    assert answer["sources"] == [{"document": "alliance-leader-follower-article", "paragraph": 8,
                                  "as_of": "2020-05-27"}]


def threads(*lines: str) -> list[dict]:
    result = run("ask", "--json", "--threads", stdin="\n".join(lines).encode() + b"\n")
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.decode().splitlines()]


def test_threads_answer_each_question_in_its_own_threads_context():
    replies = threads('{"thread": "a", "question": "who leads plug-in hybrids?"}',
                      '{"thread": "b", "question": "who leads Europe?"}',
                      '{"thread": "a", "question": "ok, and Brazil?"}',
                      '{"thread": "b", "question": "and the followers?"}')
    assert [r["thread"] for r in replies] == ["a", "b", "a", "b"]
    assert replies[2]["leaders"] == ["renault"]  # Brazil, not the plug-in hybrids again
    assert replies[3]["followers"] == ["mitsubishi", "nissan"]  # Europe's, not Brazil's
    assert set(replies[0]) >= PUBLIC_KEYS | {"thread"}


def test_threads_answer_a_line_that_is_not_a_thread_object_with_an_error_and_go_on():
    replies = threads("not json", '["a list"]', '{"thread": "a"}',
                      '{"thread": "a", "question": "who leads Japan?"}')
    assert [r["intent"] for r in replies[:3]] == ["error"] * 3
    assert all(r["reason"] for r in replies[:3])
    assert replies[3]["leaders"] == ["nissan"]


def test_json_lines_from_stdin_keep_one_line_per_question():
    questions = b"who leads Europe?\n\nwho leads \xff Japan?\n\xf0\x9f\x98\x80\nwho leads India?\n"
    result = run("ask", "--json", stdin=questions)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(lines) == 5
    assert [line["leaders"] for line in lines] == [["renault"], [], ["nissan"], [], []]
    assert lines[1]["understood"] is False and lines[4]["understood"] is True


def test_chat_keeps_context_for_follow_ups():
    result = run("chat", stdin=b"who leads Japan?\nand in Europe?\n")
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "Nissan leads Japan" in out and "Renault leads Europe" in out


def test_kb_check_and_show(capsys):
    assert main(["kb", "check"]) == 0
    assert "knowledge base OK" in capsys.readouterr().out
    assert main(["kb", "show"]) == 0
    shown = capsys.readouterr().out
    assert "South East Asia" in shown and "Mitsubishi" in shown


def test_kb_check_on_a_broken_directory_is_one_line(tmp_path, capsys):
    assert main(["kb", "check", "--knowledge-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "sources.yaml" in err


def test_eval_prints_accuracy_per_category(capsys):
    assert main(["eval", str(ROOT / "tests" / "data" / "questions.yaml")]) == 0
    out = capsys.readouterr().out
    assert "overall" in out and "wrong confident answers: 0" in out


@pytest.mark.parametrize("args", [["frobnicate"], ["eval", "/no/such/file.yaml"], ["ask"]])
def test_errors_are_one_line_with_a_non_zero_exit(args):
    result = run(*args)
    assert result.returncode != 0
    assert len(result.stderr.decode().strip().splitlines()) == 1


def test_sources_are_named_by_their_title_in_the_knowledge_base(tmp_path, capsys):
    import shutil

    import knowledge

    copy = tmp_path / "kb"
    shutil.copytree(Path(knowledge.__file__).parent / "data", copy)
    sources = copy / "sources.yaml"
    sources.write_text(sources.read_text().replace(
        'title: "Alliance leader-follower article"', 'title: "Leader-follower scheme, May 2020"'))
    assert main(["ask", "--knowledge-dir", str(copy), "who leads PHEV for D segment?"]) == 0
    out = capsys.readouterr().out
    assert "Source: Leader-follower scheme, May 2020, ¶10" in out
    assert "Alliance leader-follower article" not in out


def test_kb_show_prints_each_row_of_the_knowledge_base_files(capsys):
    from tests.support.kb_map import company_names, expected_rows

    assert main(["kb", "show"]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines()
            if line.startswith("  ")]
    names = company_names()
    expected = expected_rows()
    assert len(rows) == len(expected)
    for words, row in zip(rows, expected, strict=True):
        followers = ", ".join(names[company] for company in row.followers)
        assert " ".join(words) == (f"{row.name} {names[row.leader]} follow: {followers} "
                                   f"¶{row.paragraph}")


def test_ask_json_objects_have_exactly_the_keys_the_readme_documents(capsys):
    import re

    table = (ROOT / "README.md").read_text().split("### JSON Lines interface", 1)[1]
    documented = re.findall(r"^\| `(\w+)` \|", table.split("\n## ", 1)[0], re.M)
    assert main(["ask", "--json", "who leads Austrlia?"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert list(answer) == documented
    assert answer["kind"] == "clarify" and answer["truncated"] is False
    # equally few edits away: the nearer spelling first ("Austrlia" is one letter off Australia)
    assert [s["question"] for s in answer["suggestions"]] == ["who leads Australia?",
                                                             "who leads Austria?"]
    assert answer["confidence"] == round(answer["confidence"], 3)
    assert 0 < answer["confidence"] < 0.6
