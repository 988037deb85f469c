"""`alliance-bot ask | chat | eval | kb | bench`: the core, with no Slack workspace needed."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from knowledge.answer import Answer, source_text


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the core commands to the `alliance-bot` parser."""
    ask = subparsers.add_parser("ask", help="answer one question (or JSON Lines from stdin)")
    ask.add_argument("question", nargs="*", help="the question; omit with --json to read stdin")
    ask.add_argument("--json", action="store_true", help="print JSON (one object per line)")
    ask.add_argument("--threads", action="store_true",
                     help='with --json: read {"thread": ID, "question": TEXT} lines; each '
                          "question keeps the context of its own thread")
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

    kb = subparsers.add_parser(
        "kb", help="check or show the knowledge base; list, teach, forget or export taught phrases",
        description="check | show | taught | teach PHRASE --means TARGET | forget PHRASE | "
                    "export-taught. Teaching uses the configured database (DATABASE_URL or the "
                    "SQLite file under DATA_DIR), as `/alliance admin teach` does in Slack.")
    kb.add_argument("action", choices=["check", "show", *TEACHING_ACTIONS])
    kb.add_argument("phrase", nargs="?", help="teach, forget: the phrase")
    kb.add_argument("--means", metavar="TARGET",
                    help="teach: what the phrase names, as people ask (Oceania, PHEV, Brazil)")
    kb.add_argument("--knowledge-dir", type=Path)
    kb.set_defaults(handler=run_kb)

    bench = subparsers.add_parser("bench", help="measure cold start, latency, throughput, memory")
    bench.add_argument("--questions", type=int, default=10_000)
    bench.set_defaults(handler=run_bench)


TEACHING_ACTIONS = ("taught", "teach", "forget", "export-taught")


def _assistant(args: argparse.Namespace, *, taught: bool = True) -> Any:
    """The core; with `taught`, serving the configured database's taught phrases (if any)."""
    from bot.settings import load_settings

    settings = load_settings()
    directory = getattr(args, "knowledge_dir", None)
    if not taught:
        from intents.assistant import Assistant

        return Assistant(directory or settings.knowledge_dir)
    from bot.teaching.load import assistant_for

    return assistant_for(settings, directory)


def document_titles(assistant: Any) -> dict[str, str]:
    """Document titles from the knowledge base's sources.yaml, by document id."""
    return {document.id: document.title for document in assistant.knowledge.documents.values()}


def render_text(answer: Answer, titles: Mapping[str, str]) -> str:
    lines = [answer.text]
    if answer.sources:
        lines.append(source_text(answer.sources, titles, answer.lang))
    return "\n".join(lines)


def run_ask(args: argparse.Namespace) -> int:
    assistant = _assistant(args)
    if args.question:
        answer = assistant.ask(" ".join(args.question))
        if args.json:
            print(json.dumps(answer.public_json(), ensure_ascii=False))
        else:
            print(render_text(answer, document_titles(assistant)))
        return 0
    if args.threads and not args.json:
        raise ValueError("--threads goes with --json")
    if not args.json:
        raise ValueError('give a question, e.g. alliance-bot ask "who leads Europe?" '
                         "(or --json to read questions from standard input)")
    stdin = sys.stdin.buffer
    out = sys.stdout
    contexts: dict[str, dict[str, Any]] = {}  # thread id -> the context its last answer left
    for raw in stdin:
        line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        if args.threads:
            reply = _thread_reply(assistant, line, contexts)
        else:
            reply = assistant.ask(line).public_json()
        out.write(json.dumps(reply, ensure_ascii=False) + "\n")
    out.flush()
    return 0


def _thread_reply(assistant: Any, line: str, contexts: dict[str, dict[str, Any]]) -> dict:
    """One `{"thread", "question"}` line answered in its thread's context, or an error object."""
    try:
        item = json.loads(line)
    except ValueError:
        item = None
    thread = item.get("thread") if isinstance(item, dict) else None
    question = item.get("question") if isinstance(item, dict) else None
    if not isinstance(thread, str | int) or isinstance(thread, bool) \
            or not isinstance(question, str):
        return {"question": line, "thread": thread if isinstance(thread, str) else None,
                "intent": "error", "understood": False,
                "reason": 'expected one JSON object a line: {"thread": "ID", "question": "TEXT"}'}
    thread = str(thread)
    answer = assistant.ask(question, contexts.get(thread))
    contexts[thread] = answer.context
    return answer.public_json() | {"thread": thread}


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
        print("bot> " + render_text(answer, document_titles(assistant)).replace("\n", "\n     "))


def run_eval(args: argparse.Namespace) -> int:
    from intents.evaluation import by_language, evaluate, load_set

    assistant = _assistant(args, taught=False)  # the shipped files alone
    items = [item for path in args.file for item in load_set(path)]
    report = evaluate(assistant, items)
    for category, (right, total) in report.by_category().items():
        print(f"{category:14} {right:4}/{total:<4} {100 * right / total:6.1f}%")
    print(f"{'overall':14} {sum(o.correct for o in report.outcomes):4}/{len(report.outcomes):<4} "
          f"{100 * report.accuracy:6.1f}%")
    if report.conversations:
        whole = round(report.conversation_accuracy() * len(report.conversations))
        print(f"{'conversations':14} {whole:4}/{len(report.conversations):<4} "
              f"{100 * report.conversation_accuracy():6.1f}% with every turn right")
        for conversation_id, turns in report.conversations:
            right = sum(o.correct for o in turns)
            if args.show_errors and right < len(turns):
                print(f"  {conversation_id}: {right}/{len(turns)} turns right")
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

    if args.action in TEACHING_ACTIONS:
        return run_teaching(args)
    kb = load_knowledge(args.knowledge_dir)
    if args.action == "check":
        print(f"knowledge base OK: version {kb.version}, {len(kb.regions)} regions, "
              f"{len(kb.technologies)} technologies, {len(kb.segment_technologies)} segments "
              f"with leaders, {len(kb.facts)} facts, {len(kb.country_home)} countries mapped")
        return 0
    assistant = _assistant(args, taught=False)
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


def run_teaching(args: argparse.Namespace) -> int:
    """`kb taught | teach | forget | export-taught` on the configured database."""
    import getpass

    from bot.settings import load_settings
    from bot.storage.models import ensure_database
    from bot.teaching.service import Teacher, export_yaml, labelled_questions

    settings = load_settings()
    needs_phrase = args.action in {"teach", "forget"}
    if needs_phrase and not args.phrase:
        raise ValueError(f"kb {args.action} needs a phrase, e.g. "
                         "alliance-bot kb teach \"Project Kiwi\" --means Oceania")
    if args.action == "teach" and not args.means:
        raise ValueError("kb teach needs --means TARGET, e.g. --means Oceania")
    from intents.assistant import Assistant

    engine = ensure_database(settings)
    directory = args.knowledge_dir or settings.knowledge_dir
    teacher = Teacher(engine, Assistant(directory) if needs_phrase else None,
                      questions=labelled_questions(settings.labelled_sets_dir))
    if args.action == "taught":
        if not teacher.taught():
            print("nothing taught yet")
        for record in teacher.taught():
            print(f"{record.phrase!r} means {record.label} ({record.kind}:{record.id}), taught by "
                  f"{record.taught_by} on {record.taught_at:%Y-%m-%d %H:%M} UTC")
        return 0
    if args.action == "export-taught":
        from knowledge.loader import load_knowledge

        print(export_yaml(teacher.taught(), load_knowledge(directory)), end="")
        return 0
    teacher.refresh(force=True)
    actor = f"command line ({getpass.getuser()})"
    if args.action == "teach":
        outcome = teacher.teach(args.phrase, args.means, actor=actor, source="cli")
    else:
        outcome = teacher.forget(args.phrase, actor=actor, source="cli")
    print(outcome.text, file=sys.stdout if outcome.ok else sys.stderr)
    return 0 if outcome.ok else 1


def run_bench(args: argparse.Namespace) -> int:
    from intents.benchmark import main as bench_main

    return bench_main(args.questions)
