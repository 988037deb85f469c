"""How long teaching takes in the core: checking a phrase (including the labelled sets) and
applying taught phrases (rebuilding the pipeline).

    .venv/bin/python -m benchmarks.teaching [--rounds 5] [--taught 50]

Prints the median and worst of each over `rounds`; `--taught` phrases are in service while
checking, as after months of teaching.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable

from bot.teaching.service import labelled_questions
from intents import teaching
from intents.assistant import Assistant
from intents.teaching import TaughtPhrase


def timed(action: Callable[[], object], rounds: int) -> tuple[float, float]:
    seconds = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds), max(seconds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--taught", type=int, default=50)
    args = parser.parse_args(argv)
    questions = labelled_questions()
    taught = [TaughtPhrase(f"Project Wombat {number}", "region", "oceania")
              for number in range(args.taught)]
    assistant = Assistant(taught=taught)
    for question in questions:  # the labelled answers are cached, as in a running bot
        assistant.ask(question)
    rows = {
        "check an accepted phrase": lambda: teaching.review(
            assistant, "Blue Harbour", "Europe", questions),
        "check a phrase the labelled sets refuse": lambda: teaching.review(
            assistant, "setup", "Europe", questions),
        "apply taught phrases (rebuild)": lambda: assistant.set_taught(taught),
    }
    print(f"{len(questions)} labelled questions, {args.taught} phrases taught, "
          f"{args.rounds} rounds")
    for name, action in rows.items():
        median, worst = timed(action, args.rounds)
        print(f"  {name:42} median {median * 1000:7.1f} ms   worst {worst * 1000:7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
