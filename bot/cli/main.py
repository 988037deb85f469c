"""The `alliance-bot` command line.

Each command group lives in its own module exposing `register(subparsers)`; the handler a
module sets with `set_defaults(handler=...)` takes the parsed arguments and returns an exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMAND_MODULES = (
    "bot.cli.core",  # ask, chat, eval, kb, bench
    "bot.cli.serve",  # serve --socket / --http
    "bot.cli.db",  # db upgrade, digest send-due
    "bot.cli.ops",  # doctor
)


class OneLineParser(argparse.ArgumentParser):
    """Usage errors are one line (and exit code 2), not a usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="alliance-bot",
        description="Answers questions about the Renault-Nissan-Mitsubishi leader-follower model.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # noqa: BLE001 - the command line prints one line, never a traceback
        print(f"alliance-bot: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
