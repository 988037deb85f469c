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
from intents.detect import Detector, local_names
from intents.languages import DEFAULT_LANGUAGE, LANGUAGES, read_language_cues, rules_for
from intents.pipeline import build_pipeline
from intents.text import clean, fold_accents
from intents.understand import NO_SUBJECT, context_of, understand
from intents.vocabulary import build_vocabulary, read_cues
from knowledge.answer import Answer, Kind, MatrixRow
from knowledge.languages import local_list
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
# What a pipeline made of a clause it could not read: another language's pipeline may read it.
UNREAD = frozenset({Intent.OUT_OF_SCOPE, Intent.CLARIFY})
# Split "who leads Europe and who leads Japan?" into clauses at question marks, semicolons and
# "and"/"also" followed by a question word.
CLAUSE_BREAK = re.compile(
    r"[?;!\n]+|(?<=\w\w\w)\.\s+(?=[A-Z])"
    r"|\b(?:and|also|plus|but|then)\s+(?=(?:who|what|which|is|does|do|are|how)\b)",
    re.IGNORECASE,
)


class _Language:
    """One language's pipeline over the engine's knowledge base."""

    def __init__(self, kb: KnowledgeBase, code: str) -> None:
        self.rules = rules_for(code)
        self.nlp = build_pipeline(build_vocabulary(kb, code), self.rules)
        self.clause_break = re.compile(self.rules.clause_break, re.IGNORECASE) \
            if code != "en" else CLAUSE_BREAK
        cues = read_cues() if code == "en" else read_language_cues(code)
        words = [w for w in cues.get("domain", [])]
        for values in cues.values():
            if isinstance(values, list):
                words += values
        for fact in kb.facts.values():
            words += [*fact.keywords, *fact.hints, *fact.denies]
            if code != "en":
                for key in ("keywords", "hints", "denies"):
                    words += local_list(fact, key, code)
        self.domain_words = {part for w in words for part in self._parts(str(w))}
        self.domain_words.add("leaderfollower")
        self.resolver = Resolver(kb, EXAMPLES, lang=code)

    def _parts(self, phrase: str) -> list[str]:
        if self.rules.spaced:
            return fold_accents(phrase).lower().split()
        return [(t.lemma_ or t.text).lower() for t in self.nlp.make_doc(phrase)]


class _Engine:
    """One loaded knowledge base with its pipelines; replaced whole on reload.

    English is built at once; French and Japanese when first needed (`language`), or all
    together with `load_all` (what `serve` does before it reports ready).
    """

    def __init__(self, knowledge_dir: Path | None) -> None:
        self.kb: KnowledgeBase = load_knowledge(knowledge_dir)
        self._languages: dict[str, _Language] = {}
        self._lock = threading.Lock()
        english = self.language(DEFAULT_LANGUAGE)
        self.nlp = english.nlp
        self.domain_words = english.domain_words
        self.resolver = english.resolver
        self.detector = Detector.from_names(local_names(self.kb))
        self.loaded_at = time.time()
        # Answers to questions asked without context, by text: people ask the same things.
        # Dropped with the engine on reload, so an answer never outlives its knowledge base.
        self.answers: dict[str, Answer] = {}

    def language(self, code: str) -> _Language:
        found = self._languages.get(code)
        if found is None:
            with self._lock:
                found = self._languages.get(code)
                if found is None:
                    found = _Language(self.kb, code)
                    self._languages[code] = found
        return found

    def load_all(self) -> None:
        for code in LANGUAGES:
            self.language(code)


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
        for code in list(self._engine._languages):  # the languages in use, built before the swap
            engine.language(code)
        with self._lock:
            self._engine = engine
        gc.unfreeze()  # let the replaced engine be collected, then freeze the new one
        gc.collect()
        gc.freeze()
        LOGGER.info("knowledge base reloaded", extra={"kb_version": engine.kb.version})

    def matrix(self, lang: str = DEFAULT_LANGUAGE) -> list[MatrixRow]:
        """The whole leadership map, regions first, then technologies, then segments; its
        names in `lang`."""
        if lang == DEFAULT_LANGUAGE:
            return self._engine.resolver.matrix()
        return self._engine.language(lang).resolver.matrix()

    def company_names(self, lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
        """Company id -> its name in `lang`."""
        resolver = self._engine.language(lang).resolver
        return {company: resolver.company(company) for company in self._engine.kb.companies}

    def examples(self) -> list[str]:
        """Example questions for help texts."""
        return list(EXAMPLES)

    def load_languages(self) -> None:
        """Build every language's pipeline now (`serve` does, before it reports ready)."""
        self._engine.load_all()

    def language_of(self, question: str, context: dict[str, Any] | None = None) -> str:
        """The language a question is answered in (ties: the conversation's, else English)."""
        return self._engine.detector.detect(question, (context or {}).get("lang"))

    def ask(self, question: Any, context: dict[str, Any] | None = None,
            lang: str | None = None) -> Answer:
        """Answer one question; `context` is the previous answer's `context` in a thread.

        The answer is in the language of the question unless `lang` is given.
        """
        engine = self._engine
        raw = question if isinstance(question, str) else _as_text(question)
        if not context and lang is None:
            cached = engine.answers.get(raw)
            if cached is not None:
                return cached.model_copy()
        code = lang or engine.detector.detect(raw, (context or {}).get("lang"))
        # a clause this language cannot read may use another's names ("who leads le Japon?")
        others = [other for other in LANGUAGES if other != code]
        try:
            language = engine.language(code)
            answer = self._ask(language, raw, context, others)
        except Exception:  # noqa: BLE001 - a question must never crash a surface
            LOGGER.exception("could not answer a question")
            understanding = Understanding(intent=Intent.OUT_OF_SCOPE, confidence=0.0,
                                          reason="internal error")
            return engine.language(DEFAULT_LANGUAGE).resolver.non_answer(raw[:200],
                                                                         understanding)
        if not context and lang is None and len(raw) <= thresholds.MAX_QUESTION_CHARS:
            if len(engine.answers) >= ANSWER_CACHE_SIZE:
                engine.answers.clear()
            engine.answers[raw] = answer
            return answer.model_copy()
        return answer

    def _ask(self, engine: _Language, raw: str, context: dict[str, Any] | None,
             others: list[str] | None = None) -> Answer:
        cleaned = clean(raw)
        clauses = [c.strip(" ,.") for c in engine.clause_break.split(cleaned.text)]
        clauses = [c for c in clauses if c and any(ch.isalnum() for ch in c)]
        clauses = clauses[: thresholds.MAX_CLAUSES] or [cleaned.text]
        previous = (context or {}).get("understanding")
        answers: list[Answer] = []
        read: list[str] = []
        for clause in clauses:
            understanding = self._understand(engine, clause, previous)
            if others and not understanding.targets and not understanding.companies \
                    and understanding.intent in UNREAD:
                understanding = self._understand_mixed(clause, previous, others, understanding)
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
            answer.text += " " + engine.resolver.words.say(
                "(Your message was long, so I read only its first {count} characters.)",
                count=str(thresholds.MAX_QUESTION_CHARS))
        answer.context = {"understanding": previous} if previous else dict(context or {})
        answer.context["lang"] = engine.rules.code
        answer.lang = engine.rules.code
        answer.text = engine.resolver.words.tidy(answer.text)
        return answer

    def _understand_mixed(self, clause: str, previous: dict[str, Any] | None,
                          others: list[str], understanding: Understanding) -> Understanding:
        """"who leads le Japon?": English grammar, a French name. The clause is read with the
        pipeline of the language its names are in, and answered in the language of its grammar
        (the understanding is the same whatever language reads it)."""
        named = self._engine.detector.name_languages(clause)
        for other in (other for other in others if other in named):
            found = self._understand(self._engine.language(other), clause, previous)
            if found.intent not in UNREAD and (found.targets or found.companies or found.facts):
                found.reason += f" | read with the {other} pipeline"
                return found
        return understanding

    @staticmethod
    def _understand(engine: _Language, clause: str,
                    previous: dict[str, Any] | None) -> Understanding:
        return understand(engine.nlp(clause), domain_words=engine.domain_words,
                          context=previous, rules=engine.rules)

    def _decide(self, engine: _Language, raw: str, understanding: Understanding) -> Answer:
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
