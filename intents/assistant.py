"""The question-answering core behind every surface: text in, `Answer` out.

`Assistant` owns the knowledge base, the spaCy pipeline and the resolver. It splits compound
questions into clauses, reads follow-ups against the previous question's context, applies the
confidence threshold, and never raises on bad input.
"""

from __future__ import annotations

import gc
import logging
import re
import threading
import time
from pathlib import Path
from typing import Any

from intents import thresholds
from intents.pipeline import build_pipeline
from intents.text import clean
from intents.understand import NO_SUBJECT, context_of, understand
from intents.vocabulary import build_vocabulary, read_cues
from knowledge.answer import ERROR_INTENT, Answer, Kind, MatrixRow, apology
from knowledge.loader import KnowledgeBase, load_knowledge
from knowledge.query import Intent, Understanding
from knowledge.resolver import Resolver

LOGGER = logging.getLogger(__name__)
EXAMPLES = [
    "who leads PHEV for the D segment?",
    "what does Nissan lead?",
    "who leads Europe?",
    "is Mitsubishi the leader in Oceania?",
    "who leads connected technology in China?",
    "who follows in North America?",
    "what is the 2025 target?",
    "who leads Brazil?",
]
ANSWER_CACHE_SIZE = 10_000
# Split "who leads Europe and who leads Japan?" into clauses at question marks, semicolons and
# "and"/"also" followed by a question word.
CLAUSE_BREAK = re.compile(
    r"[?;!\n]+|(?<=\w\w\w)\.\s+(?=[A-Z])"
    r"|\b(?:and|also|plus|but|then)\s+(?=(?:who|what|which|is|does|do|are|how)\b)",
    re.IGNORECASE,
)


class _Engine:
    """One loaded knowledge base with its pipeline; replaced whole on reload."""

    def __init__(self, knowledge_dir: Path | None) -> None:
        self.kb: KnowledgeBase = load_knowledge(knowledge_dir)
        vocabulary = build_vocabulary(self.kb)
        self.nlp = build_pipeline(vocabulary)
        cues = read_cues()
        self.domain_words = {w.lower() for w in cues.get("domain", [])}
        for words in cues.values():
            if isinstance(words, list):
                self.domain_words.update(part for w in words for part in w.lower().split())
        for fact in self.kb.facts.values():
            for word in [*fact.keywords, *fact.hints, *fact.denies]:
                self.domain_words.update(word.lower().split())
        self.domain_words.add("leaderfollower")
        self.resolver = Resolver(self.kb, EXAMPLES)
        self.loaded_at = time.time()
        # Answers to questions asked without context, by text: people ask the same things.
        # Dropped with the engine on reload, so an answer never outlives its knowledge base.
        self.answers: dict[str, Answer] = {}


class Assistant:
    """Owns the knowledge base and the language pipeline; thread-safe for reading."""

    def __init__(self, knowledge_dir: Path | None = None) -> None:
        self.knowledge_dir = Path(knowledge_dir) if knowledge_dir else None
        self._engine = _Engine(self.knowledge_dir)
        self._lock = threading.Lock()
        # The knowledge base, vocabulary and pipeline live as long as the process: keep the
        # garbage collector from walking them again and again (pauses of 100 ms otherwise).
        gc.freeze()

    @property
    def kb_version(self) -> str:
        return self._engine.kb.version

    @property
    def loaded_at(self) -> float:
        return self._engine.loaded_at

    @property
    def knowledge(self) -> KnowledgeBase:
        return self._engine.kb

    def knowledge_files(self) -> list[Path]:
        """The files the knowledge base is read from (what a reload watcher should watch)."""
        return list(self._engine.kb.files)

    def reload(self) -> None:
        """Re-read the knowledge base; on a validation error keep serving the last good one.

        Raises `knowledge.errors.KnowledgeError` (naming file, entry and field) when refused.
        """
        engine = _Engine(self.knowledge_dir)
        with self._lock:
            self._engine = engine
        gc.unfreeze()  # let the replaced engine be collected, then freeze the new one
        gc.collect()
        gc.freeze()
        LOGGER.info("knowledge base reloaded", extra={"kb_version": engine.kb.version})

    def matrix(self) -> list[MatrixRow]:
        """The whole leadership map, regions first, then technologies, then segments."""
        return self._engine.resolver.matrix()

    def examples(self) -> list[str]:
        """Example questions for help texts."""
        return list(EXAMPLES)

    def ask(self, question: Any, context: dict[str, Any] | None = None, *,
            guarded: bool = True) -> Answer:
        """Answer one question; `context` is the previous answer's `context` in a thread.

        Guarded (the default, for every surface), a bug in the pipeline or resolver becomes an
        apology with intent `error`, logged with its traceback, so a crash is seen and counted
        (`alliance_bot_core_errors_total`) rather than passed off as "out of scope". Tests ask
        with `guarded=False` so the same bug fails them.
        """
        engine = self._engine
        raw = question if isinstance(question, str) else _as_text(question)
        if not context:
            cached = engine.answers.get(raw)
            if cached is not None:
                return cached.model_copy()
        try:
            answer = self._ask(engine, raw, context)
        except Exception:
            if not guarded:
                raise
            LOGGER.exception("could not answer a question", extra={"intent": ERROR_INTENT})
            return apology(raw[:200])
        if not context and len(raw) <= thresholds.MAX_QUESTION_CHARS:
            if len(engine.answers) >= ANSWER_CACHE_SIZE:
                engine.answers.clear()
            engine.answers[raw] = answer
            return answer.model_copy()
        return answer

    def _ask(self, engine: _Engine, raw: str, context: dict[str, Any] | None) -> Answer:
        cleaned = clean(raw)
        clauses = [c.strip(" ,.") for c in CLAUSE_BREAK.split(cleaned.text)]
        clauses = [c for c in clauses if c and any(ch.isalnum() for ch in c)]
        clauses = clauses[: thresholds.MAX_CLAUSES] or [cleaned.text]
        previous = (context or {}).get("understanding")
        answers: list[Answer] = []
        read: list[str] = []
        for clause in clauses:
            understanding = self._understand(engine, clause, previous)
            if understanding.reason == NO_SUBJECT and read:
                # "...in Rio; who would lead there?" continues the clause before it
                clause = f"{read.pop()} {clause}"
                answers.pop()
                understanding = self._understand(engine, clause, previous)
            answer = self._decide(engine, raw, understanding)
            if answer.understood:
                previous = context_of(understanding)
            answers.append(answer)
            read.append(clause)
        answered = [a for a in answers if a.understood]
        if answered and len(answered) < len(answers):
            answers = [a for a in answers if a.understood or a.kind == Kind.CLARIFY]
        answer = _merge(answers) if len(answers) > 1 else answers[0]
        if cleaned.truncated:
            answer.truncated = True
            answer.text += (f" (Your message was long, so I read only its first "
                            f"{thresholds.MAX_QUESTION_CHARS} characters.)")
        answer.context = {"understanding": previous} if previous else dict(context or {})
        return answer

    @staticmethod
    def _understand(engine: _Engine, clause: str,
                    previous: dict[str, Any] | None) -> Understanding:
        return understand(engine.nlp(clause),
                          domain_words=engine.domain_words, context=previous)

    def _decide(self, engine: _Engine, raw: str, understanding: Understanding) -> Answer:
        resolver = engine.resolver
        answering = understanding.intent in {
            Intent.WHO_LEADS, Intent.WHAT_LEADS, Intent.IS_LEADER, Intent.WHO_FOLLOWS,
            Intent.WHAT_FOLLOWS, Intent.FACT, Intent.LIST}
        if answering and understanding.confidence < thresholds.CONFIDENCE_THRESHOLD:
            LOGGER.info("asking back: confidence %.2f below %.2f (%s)", understanding.confidence,
                        thresholds.CONFIDENCE_THRESHOLD, understanding.reason)
            return resolver.clarify(raw, understanding)
        return resolver.answer(raw, understanding)


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def _merge(answers: list[Answer]) -> Answer:
    """One answer for a compound question: every clause's text, leaders and sources."""
    useful = [a for a in answers if a.kind != Kind.SMALL_TALK] or answers
    first = useful[0]
    understood = all(a.understood for a in useful)
    kinds = {a.kind for a in useful}
    kind = Kind.ANSWER if understood else (Kind.CLARIFY if Kind.CLARIFY in kinds
                                           else first.kind)
    sources = list(dict.fromkeys(s for a in useful for s in a.sources))
    return Answer(
        question=first.question,
        intent=first.intent if len({a.intent for a in useful}) == 1 else "compound",
        kind=kind,
        understood=understood,
        leaders=sorted({c for a in useful for c in a.leaders}),
        followers=sorted({c for a in useful for c in a.followers})
        if len({tuple(a.leaders) for a in useful}) == 1 else [],
        text=" ".join(a.text for a in useful),
        sources=sources,
        confidence=min(a.confidence for a in useful),
        suggestions=[s for a in useful for s in a.suggestions][:4],
        scope={"clauses": [a.scope for a in useful]},
    )
