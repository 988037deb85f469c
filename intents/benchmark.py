"""Benchmark of the question-answering core: `alliance-bot bench` or `python -m benchmarks.core`.

Lives in the package so the installed command can run it; the labelled question sets of a
checkout (tests/data) are mixed in when they are there.

Measures, in one run: cold start (process start to first answer) beside the floor
`python -c "import spacy; spacy.blank('en')"`, per-question latency p50/p99 and throughput over
N varied questions in one process, and peak memory (RSS).
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
LABELLED = [ROOT / "tests" / "data", Path.cwd() / "tests" / "data"]
TEMPLATES = [
    "who leads {place}?", "who's in charge of {place}", "{place}?", "leader for {place} pls",
    "who leads {tech}?", "which company owns {tech}", "is {company} the leader for {place}?",
    "does {company} lead {tech}?", "what does {company} lead?", "who follows in {place}?",
    "who doesn't lead {tech}?", "who leads {tech} for the {segment} segment?",
    "who leads {place} and who leads {place2}?", "<@U123> *who* leads _{place}_? :car:",
    "WHO LEADS {place}", "what is the 2025 target?", "who chairs the board?", "hi", "thanks!",
    "what's the weather in {place}?", "who leads {place} in {tech}",
]


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 6 or rng.random() > 0.15:
        return word
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def varied_questions(count: int, seed: int = 7) -> list[str]:
    """Questions from templates filled with knowledge-base names (with some typos), plus the
    labelled question sets."""
    from knowledge.loader import load_knowledge

    kb = load_knowledge()
    rng = random.Random(seed)
    places = [r.name for r in kb.regions.values()] + [a for r in kb.regions.values()
                                                      for a in r.aliases]
    places += [name.title() for name in list(kb.cities)[:400]] + ["France", "Brazil", "India"]
    techs = [a for t in kb.technologies.values() for a in t.aliases] + ["hydrogen", "batteries"]
    companies = [c.name for c in kb.companies.values()]
    labelled = []
    folder = next((f for f in LABELLED if f.is_dir()), None)
    for name in ("questions.yaml", "holdout.yaml"):
        if folder and (folder / name).exists():
            labelled += [item["q"] for item in yaml.safe_load((folder / name).read_text())]
    out = []
    while len(out) < count:
        if labelled and rng.random() < 0.3:
            out.append(rng.choice(labelled))
            continue
        template = rng.choice(TEMPLATES)
        out.append(template.format(
            place=_typo(rng.choice(places), rng), place2=rng.choice(places),
            tech=_typo(rng.choice(techs), rng), company=rng.choice(companies),
            segment=rng.choice("ABCDEF")))
    return out


def _seconds(command: list[str]) -> float:
    # Bytecode is cached as on any installed copy (pip compiles site-packages; an editable
    # checkout with PYTHONDONTWRITEBYTECODE set would recompile the project on every start).
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=environment)
    return time.perf_counter() - start


# The first question of a process in each language: `ask` loads French or Japanese only then.
FIRST_QUESTIONS = {"en": "who leads Europe?", "fr": "Qui dirige l'Europe ?",
                   "ja": "欧州のリーダーは？"}
# A first French or Japanese answer comes within the English floor + this (issue 13).
FIRST_ANSWER_BAR = 1.5
MEMORY_BAR = 300  # MB of peak RSS with the three languages loaded (issue 13)
LANGUAGE_SETS = {"fr": ["questions_fr.yaml", "conversations_fr.yaml"],
                 "ja": ["questions_ja.yaml", "conversations_ja.yaml"]}


def cold_start(runs: int = 5, question: str = FIRST_QUESTIONS["en"],
               lang: str = "en") -> tuple[float, float]:
    """Medians of the floor (spaCy's blank pipeline for `lang`) and of `alliance-bot ask`, run
    alternately so that a busy moment of the machine weighs on both alike."""
    cli = shutil.which("alliance-bot") or str(Path(sys.executable).parent / "alliance-bot")
    floor_command = [sys.executable, "-c", f"import spacy; spacy.blank({lang!r})('a')"]
    ask_command = [cli, "ask", question]
    floors, firsts = [], []
    _seconds(ask_command)  # writes the bytecode cache once
    for _ in range(runs):
        floors.append(_seconds(floor_command))
        firsts.append(_seconds(ask_command))
    return statistics.median(floors), statistics.median(firsts)


def _rss_split() -> str:
    """Resident memory now: private (anonymous) and file-backed (Sudachi's dictionary is a
    read-only memory map, shared between processes and given back under pressure)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return "no /proc"
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    anon, file = (int(fields.get(k, "0 kB").split()[0]) // 1024 for k in ("RssAnon", "RssFile"))
    return f"now {anon} MB anonymous + {file} MB file-backed"


def _percentiles(latencies: list[float]) -> str:
    ordered = sorted(latencies)
    p50 = ordered[len(ordered) // 2] * 1000
    p99 = ordered[int(len(ordered) * 0.99)] * 1000
    return f"p50 {p50:.2f} ms, p99 {p99:.2f} ms, max {ordered[-1] * 1000:.2f} ms"


def _language_questions(lang: str) -> list[str]:
    from intents.evaluation import labelled_texts

    folder = next((f for f in LABELLED if f.is_dir()), None)
    if folder is None:
        return [FIRST_QUESTIONS[lang]]
    return [text for name in LANGUAGE_SETS[lang] if (folder / name).exists()
            for text in labelled_texts(folder / name)] or [FIRST_QUESTIONS[lang]]


def main(count: int = 10_000) -> int:
    english_floor = 0.0
    for lang, question in FIRST_QUESTIONS.items():
        floor, first = cold_start(question=question, lang=lang)
        english_floor = english_floor or floor
        print(f"cold start ({lang}): {first:.2f} s to first answer; floor (import spacy + blank "
              f"{lang} + one word) {floor:.2f} s; overhead {first - floor:+.2f} s; "
              f"{first - english_floor:+.2f} s over the English floor (bar: +{FIRST_ANSWER_BAR} s)")
    from intents.assistant import Assistant

    start = time.perf_counter()
    assistant = Assistant()
    print(f"assistant built in-process in {time.perf_counter() - start:.2f} s")
    questions = varied_questions(count)
    for question in varied_questions(200, seed=99):
        assistant.ask(question)  # warm up the way a running service is
    latencies: list[float] = []
    misses: list[float] = []
    seen: set[str] = set()
    began = time.perf_counter()
    for question in questions:
        t0 = time.perf_counter()
        assistant.ask(question)
        spent = time.perf_counter() - t0
        latencies.append(spent)
        if question not in seen:
            seen.add(question)
            misses.append(spent)
    elapsed = time.perf_counter() - began
    print(f"{len(questions)} questions ({len(seen)} distinct, so {len(questions) - len(seen)} "
          f"repeats answered from the answer cache): {_percentiles(latencies)}, "
          f"{len(questions) / elapsed:.0f} questions/s")
    print(f"first time a question is seen (no cache): {_percentiles(misses)}, "
          f"{len(misses) / sum(misses):.0f} questions/s")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {rss:.0f} MB")
    for lang in LANGUAGE_SETS:
        start = time.perf_counter()
        assistant.ask(FIRST_QUESTIONS[lang])
        print(f"{lang}: pipeline loaded on first use in {time.perf_counter() - start:.2f} s")
        asked = _language_questions(lang)
        spent = []
        for question in asked:
            t0 = time.perf_counter()
            assistant.ask(question + " ")  # a fresh text: no answer cache
            spent.append(time.perf_counter() - t0)
        print(f"{lang}: {len(asked)} labelled questions: {_percentiles(spent)}, "
              f"{len(asked) / sum(spent):.0f} questions/s")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS with English, French and Japanese loaded: {rss:.0f} MB (bar: "
          f"{MEMORY_BAR} MB; {_rss_split()})")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
