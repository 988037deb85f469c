"""Asking a thread of questions the way Slack threads and `chat` do."""

from __future__ import annotations

from typing import Any


def thread(assistant: Any, *questions: str, guarded: bool = False) -> list[Any]:
    """Ask the questions in one thread, each with the context of the answer before; the
    answers, in order. Unguarded by default, so a crash fails the test that made it."""
    context, answers = None, []
    for question in questions:
        answer = assistant.ask(question, context, guarded=guarded)
        context = answer.context
        answers.append(answer)
    return answers
