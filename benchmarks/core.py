"""Benchmark of the question-answering core; the same as `alliance-bot bench`.

    .venv/bin/python -m benchmarks.core [N]
"""

import sys

from intents.benchmark import main

if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
