"""Placeholder command group: registers nothing yet."""

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add this group's commands to the `alliance-bot` parser."""
