"""`alliance-bot ask | chat | eval | kb | bench`: the core, with no Slack workspace needed."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from knowledge.answer import Answer
from knowledge.localise import say


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the core commands to the `alliance-bot` parser."""
    ask = subparsers.add_parser("ask", help="answer one question (or JSON Lines from stdin)")
    ask.add_argument("question", nargs="*", help="the question; omit with --json to read stdin")
    ask.add_argument("--json", action="store_true", help="print JSON (one object per line)")
    ask.add_argument("--knowledge-dir", type=Path, help="knowledge base directory")
    ask.set_defaults(handler=run_ask)

    chat = subparsers.add_parser("chat", help="interactive session that keeps context")
    chat.add_argument("--knowledge-dir", type=Path)
    chat.set_defaults(handler=run_chat)

    evaluate = subparsers.add_parser("eval", help="accuracy on labelled question files")
    evaluate.add_argument("file", type=Path, nargs="+",
                          help="labelled sets (questions and conversations); per language")
    evaluate.add_argument("--show-errors", action="store_true", help="list every miss")
    evaluate.add_argument("--knowledge-dir", type=Path)
    evaluate.set_defaults(handler=run_eval)

    kb = subparsers.add_parser("kb", help="check or show the knowledge base")
    kb.add_argument("action", choices=["check", "show"])
    kb.add_argument("--knowledge-dir", type=Path)
    kb.set_defaults(handler=run_kb)

    bench = subparsers.add_parser("bench", help="measure cold start, latency, throughput, memory")
    bench.add_argument("--questions", type=int, default=10_000)
    bench.set_defaults(handler=run_bench)


def _assistant(args: argparse.Namespace) -> Any:
    from bot.settings import load_settings
    from intents.assistant import Assistant

    directory = getattr(args, "knowledge_dir", None) or load_settings().knowledge_dir
    return Assistant(directory)


def render_text(answer: Answer) -> str:
    lines = [answer.text]
    if answer.sources:
        where = ", ".join(f"¶{s.paragraph}" for s in answer.sources)
        lines.append(say(answer.lang, "Source: {sources}",
                         sources=say(answer.lang, "Alliance leader-follower article") + ", "
                         + where))
    return "\n".join(lines)


def run_ask(args: argparse.Namespace) -> int:
    assistant = _assistant(args)
    if args.question:
        answer = assistant.ask(" ".join(args.question))
        if args.json:
            print(json.dumps(answer.public_json(), ensure_ascii=False))
        else:
            print(render_text(answer))
        return 0
    if not args.json:
        raise ValueError('give a question, e.g. alliance-bot ask "who leads Europe?" '
                         "(or --json to read questions from standard input)")
    stdin = sys.stdin.buffer
    out = sys.stdout
    for raw in stdin:
        line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        out.write(json.dumps(assistant.ask(line).public_json(), ensure_ascii=False) + "\n")
    out.flush()
    return 0


def run_chat(args: argparse.Namespace) -> int:
    assistant = _assistant(args)
    print("Ask about the Alliance's leader-follower plan (empty line or Ctrl-D to quit).")
    context: dict[str, Any] | None = None
    while True:
        try:
            line = input("you> ")
        except EOFError:
            print()
            return 0
        if not line.strip():
            return 0
        answer = assistant.ask(line, context)
        context = answer.context
        print("bot> " + render_text(answer).replace("\n", "\n     "))


def run_eval(args: argparse.Namespace) -> int:
    from intents.evaluation import by_language, evaluate, load_set

    items = [item for path in args.file for item in load_set(path)]
    report = evaluate(_assistant(args), items)
    for category, (right, total) in report.by_category().items():
        print(f"{category:14} {right:4}/{total:<4} {100 * right / total:6.1f}%")
    print(f"{'overall':14} {sum(o.correct for o in report.outcomes):4}/{len(report.outcomes):<4} "
          f"{100 * report.accuracy:6.1f}%")
    print(f"wrong confident answers: {len(report.wrong_confident)}")
    languages = by_language(report)
    if len(languages) > 1 or "en" not in languages:
        for lang, (right, total, wrong) in languages.items():
            print(f"language {lang:5} {right:4}/{total:<4} {100 * right / total:6.1f}%  "
                  f"wrong confident: {wrong}")
    misses = [o for o in report.outcomes if not o.correct or o.wrong_confident]
    for outcome in misses if args.show_errors else report.wrong_confident:
        flag = "WRONG" if outcome.wrong_confident else "miss"
        print(f"  {flag}: {outcome.question.q!r}: {outcome.why} -> {outcome.answer.text[:140]}")
    return 0 if not report.wrong_confident else 1


def run_kb(args: argparse.Namespace) -> int:
    from knowledge.loader import load_knowledge

    kb = load_knowledge(args.knowledge_dir)
    if args.action == "check":
        print(f"knowledge base OK: version {kb.version}, {len(kb.regions)} regions, "
              f"{len(kb.technologies)} technologies, {len(kb.segment_technologies)} segments "
              f"with leaders, {len(kb.facts)} facts, {len(kb.country_home)} countries mapped")
        return 0
    assistant = _assistant(args)
    rows = assistant.matrix()
    width = max(len(r.name) for r in rows)
    for area in ("region", "technology", "segment"):
        print(area.upper() + ("IES" if area == "technology" else "S") if area != "technology"
              else "TECHNOLOGIES")
        for row in (r for r in rows if r.area == area):
            leader = kb.company_name(row.leader) if row.leader else "-"
            followers = ", ".join(kb.company_name(f) for f in row.followers)
            where = ", ".join(f"¶{s.paragraph}" for s in row.sources)
            print(f"  {row.name:<{width}}  {leader:<10}  follow: {followers:<20} {where}")
    return 0


def run_bench(args: argparse.Namespace) -> int:
    from intents.benchmark import main as bench_main

    return bench_main(args.questions)
