"""The question-answering core behind every surface: text in, `Answer` out.

Temporary stand-in while the real pipeline is built; the public interface is final.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from knowledge.answer import Answer, Kind, MatrixRow, Source


class Assistant:
    """Owns the knowledge base and the language pipeline; thread-safe for reading."""

    def __init__(self, knowledge_dir: Path | None = None) -> None:
        self.knowledge_dir = knowledge_dir
        self.kb_version = "stub"

    def ask(self, question: str, context: dict[str, Any] | None = None) -> Answer:
        """Answer one question; `context` is the previous answer's `context` in a thread."""
        return Answer(
            question=question,
            intent="who_leads",
            kind=Kind.ANSWER,
            understood=True,
            leaders=["mitsubishi"],
            followers=["nissan", "renault"],
            text="Mitsubishi leads plug-in hybrids for the C and D segments; Renault and Nissan follow.",
            sources=[Source(document="alliance-leader-follower-article", paragraph=10)],
            confidence=0.95,
            context={"last": question},
        )

    def matrix(self) -> list[MatrixRow]:
        """The whole leadership map, regions first, then technologies, then segments."""
        return [
            MatrixRow(area="region", id="europe", name="Europe", leader="renault",
                      followers=["mitsubishi", "nissan"]),
        ]

    def examples(self) -> list[str]:
        """Example questions for help texts."""
        return ["who leads PHEV for D segment?", "what does Nissan lead?", "who leads Europe?"]

    def reload(self) -> None:
        """Re-read the knowledge base; on a validation error keep serving the last good one.

        Raises `knowledge.errors.KnowledgeError` (naming file, entry and field) when refused.
        """

    def knowledge_files(self) -> list[Path]:
        """The files the knowledge base is read from (what a reload watcher should watch)."""
        return []
