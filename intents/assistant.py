"""The question-answering core behind every surface: text in, `Answer` out.

`Assistant` owns the knowledge base, the spaCy pipelines (one a language) and the resolvers.
It splits compound questions into clauses, reads follow-ups against the previous question's
context, applies the confidence threshold, answers in the language asked, and never raises on
bad input.
"""

from __future__ import annotations

import gc
import logging
import re
import threading
import time
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from intents import thresholds
from intents.components.cues import COURTESY, KANA_TYPED
from intents.components.tokens import token_table
from intents.detect import HIRAGANA, Detector, local_names
from intents.focus import COORDINATORS, focus_words
from intents.languages import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    cue_words,
    read_language_cues,
    rules_for,
)
from intents.pipeline import MemoryBoundTokenizer, build_pipeline
from intents.shared import told_apart
from intents.teaching import TaughtPhrase, teach_vocabulary
from intents.text import clean, fold_accents
from intents.understand import (
    EACH_OF_THEM,
    FOLLOW_UP_UNREAD,
    IN_A_DOCUMENT,
    NO_SUBJECT,
    REQUEST_VERBS,
    WH_OPENERS,
    context_of,
    understand,
)
from intents.vocabulary import build_vocabulary, read_cues
from intents.words import word_set
from knowledge.answer import ERROR_INTENT, Answer, Kind, MatrixRow, apology
from knowledge.languages import local_list
from knowledge.loader import KnowledgeBase, load_knowledge
from knowledge.localise import Phrasing
from knowledge.query import NARROW_PLACES, Intent, Target, TargetKind, Understanding
from knowledge.readings import PLACE_KINDS as PLACE_TARGETS
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
    # a full stop ends a sentence, typed in lower case too, unless it ends an abbreviation
    r"[?;!\n]+|(?<=\w\w\w)(?<!\bincl)(?<!\bexcl)(?<!\bapprox)(?<!\besp)(?<!\betc)"
    r"(?<!\bresp)(?<!\bintl)(?<!\bcorp)\.\s+(?=[A-Z])"
    # ("they also do the PHEVs, right?": after its subject, "also" starts no question)
    r"|(?<!\bthey )(?<!\bit )(?<!\bwe )(?<!\bi )(?<!\byou )(?<!\bhe )(?<!\bshe )"
    r"(?:\b(?:and|also|plus|then)|(?<=\s)[+&])\s+(?=(?:who|what|which|is|does|do|are|how|when|"
    r"why|where)\b)"
    # "but" stays with its clause: "X leads Y, but who leads Z?" asks only the second
    r"|(?=\bbut\s+(?:who|what|which|is|does|do|are|how)\b)",
    re.IGNORECASE,
)

WORD = re.compile(r"[^\W\d_]+")
LOANWORD_KANA = re.compile("[ーァィゥェォャュョッヮ]")  # in katakana readings
KEPT_STOP = "\u2024"  # an abbreviation's full stop while a message is cut into clauses
# names whose readings are not looked up: cities and states are many, and rarely typed in kana
UNREAD_KINDS = frozenset({"city", "subdivision"})


def _has_kanji(word: str) -> bool:
    """Cue words in kanji are everyday words whose kana ("してい") sits inside others."""
    return any("\u4e00" <= ch <= "\u9fff" for ch in word)
# "who leads vietnam - is it nissan?", "i sit in the dubai office — does any alliance company
# lead our region?": a dash before a yes/no question starts another ("north america - is mexico
# included?" is then answered once, its second clause saying the first again)
DASHED_YES_NO = re.compile(r"\s[-\u2013\u2014]+\s+(?=(?:is|isn't|isnt|does|do|are|would|will|"
                           r"could|can|was|should)\b)", re.IGNORECASE)
# French, only after a question ("qui pilote l'Océanie - c'est Mitsubishi ?"; "Amérique du
# Nord - c'est le Mexique inclus ?" asks one thing, about Mexico)
DASHED_OUI_NON = re.compile(r"\s[-\u2013\u2014]+\s+(?=(?:c'est|c|est-ce|est)\b)", re.IGNORECASE)
ASKS_WHO = re.compile(r"\b(?:qui|ki|quel|quelle|quels|quelles)\b", re.IGNORECASE)
DOTTED_TITLES = frozenset({"Mr", "Mrs", "Ms", "Dr", "Prof", "Mme", "Mlle", "Jr", "Sr", "St"})
SENTENCE_END = re.compile(r"(?<=[^\W\d_]{3})\.+$|(?<=[\d\s])\.+$|^\.+")


class _Language:
    """One language's pipeline over the engine's knowledge base (taught phrases are English:
    they go into the English pipeline)."""

    def __init__(self, kb: KnowledgeBase, code: str,
                 taught: Iterable[TaughtPhrase] = ()) -> None:
        self.kb = kb  # the engine's, shared by every language
        self.rules = rules_for(code)
        vocabulary = build_vocabulary(kb, code)
        self.taught = tuple(teach_vocabulary(vocabulary, taught)) if code == "en" else ()
        self.nlp = build_pipeline(vocabulary, self.rules)
        # names typed in hiragana, unconverted ("ろしあ"): their readings, where the language
        # has a dictionary to give them
        self.spellings = self.rules.readings(self.nlp, [
            name for name, entry in vocabulary.names.items()
            if entry.kind not in UNREAD_KINDS] + sorted(
                word for word in cue_words(code) if not _has_kanji(word)) + [
                str(word) for group in read_language_cues(code).get("list_kinds", {}).values()
                for word in group]) \
            if self.rules.readings is not None else {}
        # the cue words among them that are loanwords ("ふぉろわー", "りーだー"): a long-vowel
        # mark or a small kana no native word has, so they are read wherever they are typed
        # (names stay for the reading below: "るのーがりーだーじゃないちいき")
        cues_written = cue_words(code)
        self.loanwords = {reading: word for reading, word in self.spellings.items()
                          if LOANWORD_KANA.search(reading) and word in cues_written}
        # the members' names typed in kana beside other names ("ベトナムってみつびし？")
        companies = {name for name, entry in vocabulary.names.items() if entry.kind == "company"}
        self.company_spellings = {reading: word for reading, word in self.spellings.items()
                                  if word.lower() in companies}
        # the names a word typed in hiragana normalises to ("にほん" -> "日本"; a name may have
        # more readings than the one its spelling above comes from)
        self.normalised_names = frozenset(self.spellings.values())
        self.written_readings = {word: reading for reading, word in self.spellings.items()}
        # the names a look-alike letter may stand in ("ベトナ厶", "へルシンキ"): their readings and
        # the names written in katakana
        self.lookalike_names = {**self.spellings, **{
            name: name for name in vocabulary.names if name and all(
                "\u30a1" <= ch <= "\u30fc" for ch in name)}} \
            if self.rules.unconfused is not None else {}
        # another way of writing a name in katakana ("クイーンズランド" for "クインズランド")
        self.variant_names = self.rules.variant_names(vocabulary.names) \
            if self.rules.variant_names is not None else {}
        self.clause_break = re.compile(self.rules.clause_break, re.IGNORECASE) \
            if code != "en" else CLAUSE_BREAK
        # names that end in a full stop ("Calif.", "Okla."): their stop ends no sentence
        # (and titles before a name: "Mrs. Dubois is moving …", "Dr. Tanaka")
        dotted = sorted({name[:-1] for name in vocabulary.names
                         if name.endswith(".") and name[:-1].isalpha()} | DOTTED_TITLES,
                        key=len, reverse=True)
        self.abbreviations = re.compile(
            r"\b(?:" + "|".join(re.escape(name) for name in dotted) + r")(?=\.)",
            re.IGNORECASE) if dotted else None
        cues = read_cues() if code == "en" else read_language_cues(code)
        words = [w for w in cues.get("domain", [])]
        for key, values in cues.items():
            if key == "programme":  # part of a name ("Project Kiwi"), not a word of the domain
                continue
            if isinstance(values, list):
                words += values
            elif isinstance(values, dict):  # list_kinds: "technos", "segments"
                words += [w for group in values.values() for w in group]
        for fact in kb.facts.values():
            words += [*fact.keywords, *fact.hints, *fact.denies]
            if code != "en":
                for key in ("keywords", "hints", "denies"):
                    words += local_list(fact, key, code)
        self.domain_words = {part for w in words for part in self._parts(str(w))}
        self.domain_words.add("leaderfollower")
        # the kinds of the asker's own place ("うちのリージョン") are words of the domain
        self.domain_words |= {str(word).lower() for word in self.rules.own_places}
        # words around a one-word follow-up ("ok, and south?") that name nothing
        stop = STOP_WORDS if code == "en" else self.rules.stop_words
        self.filler = frozenset(stop) | {str(w).lower() for key in COURTESY
                                         for w in cues.get(key, [])}
        # words that continue a question ("and", "et", "じゃあ"): a clause opening with one is
        # no remark
        self.follow_up_words = frozenset(str(w).lower() for w in cues.get("follow_up", []))
        self.resolver = Resolver(kb, EXAMPLES, lang=code)
        # words that make a clause a request ("give me the full picture"), not a remark
        self.requests = frozenset(REQUEST_VERBS | self.rules.request_words)
        # words by which the asker speaks of themselves ("our team is handling both markets")
        self.asker = frozenset(focus_words().asker | self.rules.own_words)
        # words that give examples ("genre Algérie, Tunisie", "like Peru, Chile")
        self.example_words = tuple(str(w).lower() for w in cues.get("examples", []))
        if isinstance(self.nlp.tokenizer, MemoryBoundTokenizer):
            self.nlp.tokenizer.release()  # what building touched once (Sudachi's dictionary)

    def respelled_loanwords(self, clause: str) -> str:
        """"南米のふぉろわーは？" -> "南米のフォロワーは？"; "ベトナ厶" -> "ベトナム"."""
        if self.rules.unconfused is not None:
            clause = self.rules.unconfused(clause, self.lookalike_names, self.variant_names)
        return self.rules.respelled(clause, self.loanwords, anywhere=True) \
            if self.loanwords else clause

    def respelled(self, clause: str) -> str:
        """The clause with names typed in hiragana written as the names ("ほくべい" -> "北米",
        "にほんのリーダー" -> "日本のリーダー")."""
        if not self.spellings:
            return clause
        return self.normalised(self.rules.respelled(clause, self.spellings))

    def everyday_word(self, clause: str, name: str) -> bool:
        """The hiragana of `name`'s reading stands in `clause` as one word the dictionary
        knows in kanji ("こんごのために": 今後, not コンゴ)."""
        reading = self.written_readings.get(name)
        if reading is None:
            return False
        kana = "".join(chr(ord(ch) - 0x60) if "\u30a1" <= ch <= "\u30f6" else ch
                       for ch in reading)
        return any(token.text == kana and token.norm_ != name and _has_kanji(token.norm_)
                   for token in self.nlp.make_doc(clause))

    def normalised(self, clause: str) -> str:
        """The words typed in hiragana that the dictionary normalises to a name written as the
        name ("じどううんてん" -> "自動運転")."""
        if not self.normalised_names or not HIRAGANA.search(clause):
            return clause
        return "".join(token.norm_ + token.whitespace_
                       if token.norm_ in self.normalised_names and HIRAGANA.fullmatch(token.text)
                       else token.text_with_ws for token in self.nlp.make_doc(clause))

    def _parts(self, phrase: str) -> list[str]:
        if self.rules.spaced:
            return fold_accents(phrase).lower().split()
        return [(t.lemma_ or t.text).lower() for t in self.nlp.make_doc(phrase)]


class _Engine:
    """One loaded knowledge base with its pipelines; replaced whole on reload.

    Each language is built when first needed (`language`): a first Japanese question in `ask`
    builds no English pipeline. `load_all` builds them all (what `serve` does before it reports
    ready). Taught phrases are built in as extra names (English); `kb` reuses a knowledge base
    already loaded.
    """

    def __init__(self, knowledge_dir: Path | None, taught: Iterable[TaughtPhrase] = (),
                 kb: KnowledgeBase | None = None) -> None:
        self.kb: KnowledgeBase = kb or load_knowledge(knowledge_dir)
        self._taught = tuple(taught)
        self._languages: dict[str, _Language] = {}
        self._lock = threading.Lock()
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
                    found = _Language(self.kb, code, self._taught)
                    self._languages[code] = found
                    # it lives as long as the engine: the collector need not walk it again
                    gc.freeze()
        return found

    # English: the taught phrases, the teaching tools' pipeline and words, the matrix
    @property
    def english(self) -> _Language:
        return self.language(DEFAULT_LANGUAGE)

    @property
    def taught(self) -> tuple[TaughtPhrase, ...]:
        return self.english.taught

    @property
    def nlp(self) -> Language:
        return self.english.nlp

    @property
    def domain_words(self) -> set[str]:
        return self.english.domain_words

    @property
    def resolver(self) -> Resolver:
        return self.english.resolver

    def load_all(self) -> None:
        for code in LANGUAGES:
            self.language(code)


class Assistant:
    """Owns the knowledge base and the language pipeline; thread-safe for reading."""

    def __init__(self, knowledge_dir: Path | None = None,
                 taught: Iterable[TaughtPhrase] = ()) -> None:
        self.knowledge_dir = Path(knowledge_dir) if knowledge_dir else None
        self._taught = tuple(taught)
        self._engine = _Engine(self.knowledge_dir, self._taught)
        self._lock = threading.Lock()
        self._rebuild_lock = threading.Lock()  # a reload and a teach never undo one another
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
        with self._rebuild_lock:
            engine = _Engine(self.knowledge_dir, self._taught)
            for code in list(self._engine._languages):  # the languages in use, before the swap
                engine.language(code)
            self._swap(engine)
        LOGGER.info("knowledge base reloaded", extra={"kb_version": engine.kb.version})

    def _swap(self, engine: _Engine) -> None:
        with self._lock:
            self._engine = engine
        gc.unfreeze()  # let the replaced engine be collected, then freeze the new one
        gc.collect()
        gc.freeze()

    # -- taught phrases (kept by the bot layer, handed over as plain data) -----------------
    @property
    def taught(self) -> tuple[TaughtPhrase, ...]:
        """The taught phrases in service (those the knowledge base does not name itself)."""
        return self._engine.taught

    def set_taught(self, taught: Iterable[TaughtPhrase]) -> None:
        """Serve these taught phrases from now on; the answer cache starts empty."""
        with self._rebuild_lock:
            self._taught = tuple(taught)
            engine = _Engine(self.knowledge_dir, self._taught, kb=self._engine.kb)
            # the pipeline taught phrases live in is built before the swap, so questions keep
            # being answered by the old one meanwhile (the others are built when next asked)
            engine.language(DEFAULT_LANGUAGE)
            self._swap(engine)
        LOGGER.info("taught phrases applied", extra={"taught": len(self._engine.taught)})

    def with_taught(self, taught: Iterable[TaughtPhrase]) -> Assistant:
        """Another assistant over the same knowledge base with other taught phrases: to check
        or preview a phrase before it is taught."""
        other = Assistant.__new__(Assistant)
        other.knowledge_dir = self.knowledge_dir
        other._taught = tuple(taught)
        other._engine = _Engine(self.knowledge_dir, other._taught, kb=self._engine.kb)
        other._lock = threading.Lock()
        other._rebuild_lock = threading.Lock()
        return other

    def read(self, text: str) -> Doc:
        """The pipeline's reading of `text` (entities, cues), for teaching tools."""
        return self._engine.nlp(clean(text).text)

    @property
    def domain_words(self) -> set[str]:
        return self._engine.domain_words

    def country_name(self, code: str) -> str:
        return self._engine.resolver.country_name(code)

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
        # As in __init__: the French and Japanese pipelines (a 68,000-word set among them) live
        # as long as the process, and a full collection walking them pauses every thread.
        gc.collect()  # nothing left over from building them is frozen for good
        gc.freeze()

    def language_of(self, question: str, context: dict[str, Any] | None = None) -> str:
        """The language a question is answered in (ties: the conversation's, else English)."""
        return self._engine.detector.detect(question, (context or {}).get("lang"))

    def ask(self, question: Any, context: dict[str, Any] | None = None,
            lang: str | None = None, *, guarded: bool = True) -> Answer:
        """Answer one question; `context` is the previous answer's `context` in a thread.

        The answer is in the language of the question unless `lang` is given.

        Guarded (the default, for every surface), a bug in the pipeline or resolver becomes an
        apology with intent `error`, logged with its traceback, so a crash is seen and counted
        (`alliance_bot_core_errors_total`) rather than passed off as "out of scope". Tests ask
        with `guarded=False` so the same bug fails them.
        """
        engine = self._engine
        raw = question if isinstance(question, str) else _as_text(question)
        if not context and lang is None:
            cached = engine.answers.get(raw)
            if cached is not None:
                return cached.model_copy()
        code = lang or DEFAULT_LANGUAGE
        try:
            code = lang or engine.detector.detect(raw, (context or {}).get("lang"))
            # a clause this language cannot read may use another's names ("who leads le Japon?")
            others = [other for other in LANGUAGES if other != code]
            answer = self._ask(engine.language(code), raw, context, others)
        except Exception:
            if not guarded:
                raise
            LOGGER.exception("could not answer a question", extra={"intent": ERROR_INTENT})
            return apology(raw[:200], code)
        if not context and lang is None and len(raw) <= thresholds.MAX_QUESTION_CHARS:
            if len(engine.answers) >= ANSWER_CACHE_SIZE:
                engine.answers.clear()
            engine.answers[raw] = answer
            return answer.model_copy()
        return answer

    def _ask(self, engine: _Language, raw: str, context: dict[str, Any] | None,
             others: list[str] | None = None, whole: bool = False) -> Answer:
        """`whole`: read the text as one clause (its clauses were read apart already)."""
        cleaned = clean(raw)
        english = engine.rules.code == "en"
        if whole:
            clauses = [cleaned.text]
        elif english:
            # a full stop goes, an abbreviation's stays ("... Sandwich Is.", "Virgin Islands, U.S.",
            # "Calif. leader?")
            text = cleaned.text if engine.abbreviations is None else engine.abbreviations.sub(
                lambda match: match.group(0) + KEPT_STOP, cleaned.text).replace(
                    KEPT_STOP + ".", KEPT_STOP)
            clauses = [SENTENCE_END.sub("", c.strip(" ,")).strip(" ,").replace(KEPT_STOP, ".")
                       for c in CLAUSE_BREAK.split(text) for c in _dashed(c)]
        else:
            clauses = [c.strip(" ,.") for c in engine.clause_break.split(cleaned.text)
                       for c in _dashed(c)]
        clauses = [c for c in clauses if c and any(ch.isalnum() for ch in c)]
        clauses = clauses[: thresholds.MAX_CLAUSES] or [cleaned.text]
        previous = (context or {}).get("understanding")
        asker = (context or {}).get("asker")  # where the asker said they are, in the thread
        # where someone else was said to be, in the thread ("mon chef est à Montréal" before)
        given_other: str | None = (context or {}).get("other")
        answers: list[Answer] = []
        understood: list[Understanding] = []
        read: list[str] = []
        unresolved_own_place = False
        signed = False  # a sign-off was read: the clauses after it are the signature
        own_asked = 0  # the clause that asked about the asker's own place, and none before it
        for clause in clauses:
            understanding = self._understand(engine, clause, previous)
            if understanding.own_place is not None:
                if asker:  # "and for my own region?": the place the asker gave
                    start, end = understanding.own_place
                    clause = clause[:start] + str(asker["text"]) + clause[end:]
                    understanding = _about_the_place(self._understand(engine, clause, previous),
                                                     str(asker["text"]))
                    own_asked = len(answers)
                else:
                    unresolved_own_place = True
            someone = understanding.others_place or understanding.others_object
            if someone is not None:
                # "my boss is in auckland. which company leads his region?", "my supplier is
                # out of Lyon. who's lead for him": the place the message gave someone else
                other = _others_place(understood) or given_other
                if other is not None:
                    start, end = someone
                    clause = clause[:start] + other + clause[end:]
                    understanding = _about_the_place(
                        self._understand(engine, clause, previous), other)
            signed = signed or bool(read and (SIGN_OFF.match(clause)
                                              or SIGNATURE_DASH.match(clause)))
            if unresolved_own_place and signed and understanding.targets:
                # "which company is the lead for my region? -- Jo Hartley, Dealer Network,
                # Perth": the signature says where the asker is
                places = [t for t in understanding.targets if t.kind in PLACE_TARGETS]
                if places:
                    place = next((t for t in places if t.kind == TargetKind.COUNTRY), places[-1])
                    asker = {"kind": place.kind.value, "id": place.id, "text": place.text}
                    continue
            asker = _asker_place(understanding) or asker
            given_other = _others_place([understanding]) or given_other
            if others and not understanding.targets and not understanding.companies \
                    and understanding.intent in UNREAD:
                understanding = self._understand_mixed(clause, previous, others, understanding)
            if read and understood[-1].compare == "member" and answers[-1].understood \
                    and understanding.intent in (Intent.WHO_LEADS, Intent.CLARIFY) \
                    and not understanding.companies and (
                        understanding.reason == NO_SUBJECT or understanding.from_context) \
                    and {t.id for t in understanding.targets} <= {
                        t.id for t in understood[-1].targets}:
                continue  # "is Taiwan counted as China? who leads?": already answered
            if read and (understanding.reason == NO_SUBJECT or (
                    understanding.intent == Intent.FACT and THERE.search(clause)
                    and any(t.kind in PLACE_TARGETS for t in understood[-1].targets)
                    and not answers[-1].understood) or (
                    understanding.reason == EACH_OF_THEM and understood[-1].targets) or (
                    THAT_PLACE.search(clause)
                    and not any(t.kind in PLACE_TARGETS for t in understanding.targets)
                    and (understanding.intent == Intent.LIST or understood[-1].statement)
                    and any(t.kind in PLACE_TARGETS for t in [
                        *understood[-1].targets, *understood[-1].asker_places]))):
                # ("we ship parts to Guam. which alliance member takes the lead over there?")
                # ("two markets for my review: spain and thailand. who leads each?", "…working
                # w/ a tier1 near detroit. which company leads that market?")
                # "...in Rio; who would lead there?" continues the clause before it
                # (a yes/no question keeps its comma: "… changed hands, is it renault still")
                opener = (WORD.findall(clause) or [""])[0].lower()
                joiner = ", " if opener in engine.rules.yes_no_openers else " "
                clause = f"{read.pop()}{joiner}{clause}"
                answers.pop()
                understood.pop()
                understanding = self._understand(engine, clause, previous)
            match = THAT_PLACE.search(clause)
            if match and (context or {}).get("places") and not any(
                    t.kind in PLACE_TARGETS for t in understanding.targets) and not any(
                    t.kind in PLACE_TARGETS for u in understood for t in u.targets):
                # "ces deux pays, un petit récap ?" two turns after them: the places named last
                # (they are the subject again: what the thread asked since is not carried)
                names = engine.resolver.words.join(list(context["places"]))
                clause = f"{clause[:match.start()]}{names}{clause[match.end():]}"
                understanding = self._understand(engine, clause, None)
            if previous and not understanding.targets and (
                    understanding.intent in UNREAD or understanding.weak_fact):
                # "who leads africa?" then "the southern half i mean": that part of the area
                understanding = _compass_part(self, engine, clause, previous) or understanding
            if english and previous and not understanding.targets and understanding.intent in (
                    Intent.CLARIFY, Intent.OUT_OF_SCOPE, Intent.THANKS, Intent.GREETING):
                understanding = self._completed(engine, clause, previous) or understanding
            if _is_remark(understanding, clause, engine.requests, engine.asker) and any(
                    a.kind != Kind.SMALL_TALK for a in answers):
                continue  # "who follows there? want the full picture on the slide"
            if answers and understanding.intent == Intent.FACT and understanding.weak_fact \
                    and understanding.statement and any(a.understood for a in answers) \
                    and _speaks_of_the_asker(clause, engine.asker, engine.requests):
                continue  # "who leads brazil? we launch there next month": asks no date
            if answers and answers[-1].kind == Kind.CLARIFY and understanding.statement \
                    and understanding.about_asker and understood[-1].unknown_name:
                continue  # "leader for the island of Sodor? our uk team swears it's real"
            if answers and not clause.rstrip().endswith(("?", "？")) and (
                    SIGN_OFF.match(clause) or understanding.statement
                    and IN_A_DOCUMENT.search(clause)):
                # "Best regards, Nour | Executive Assistant | Cairo"; "who leads E and F? I see
                # A/B and C/D in the deck but not E/F"
                continue
            if answers and understanding.statement and understanding.from_context \
                    and (understanding.narrows or understanding.segment_asked
                         or understood[-1].intent == Intent.FACT and not understanding.targets) \
                    and not understanding.corrects and not understanding.companies \
                    and _a_remark_after(clause, engine) and any(
                    a.understood for a in answers):
                # "c'est bien Senard qui l'a dite ? Je dois la citer dans la newsletter de
                # Casablanca": what the asker will do with the answer, no question about the
                # place it names
                continue
            if answers and understanding.curious and not clause.rstrip().endswith(("?", "？")) \
                    and any(
                    a.kind != Kind.SMALL_TALK for a in answers):
                continue  # "who leads norway? lots of EVs there so just curious"
            if answers and understanding.purpose and any(
                    a.kind != Kind.SMALL_TALK for a in answers):
                continue  # "who follows in SEA? trying to figure out who we'd be working with"
            if answers and _gives_a_reason(engine, clause, understanding) and any(
                    a.kind != Kind.SMALL_TALK for a in answers):
                continue  # "nissan also lead the android platform no? because they do connected"
            if understanding.intent == Intent.LIST and not understanding.targets \
                    and not understanding.companies and understood and understood[-1].intent in (
                        Intent.WHAT_LEADS, Intent.WHAT_FOLLOWS) and answers[-1].understood:
                continue  # "what does Nissan lead. full list pls": the list is Nissan's
            if read and understanding.from_context and self._examples_of(
                    engine, clause, understanding, understood[-1]):
                continue  # "c pas Nissan qui gère l'Afrique du Nord ? genre Algérie Tunisie"
            if read and (understanding.corrects and understanding.targets
                         and any(t.kind in PLACE_TARGETS for t in understood[-1].targets)
                         or _picks_a_reading(understood[-1], understanding)
                         or understanding.other_namesake and understanding.from_context):
                # ("who leads in perth? the scottish one not australia": not the Perth answered)
                # ("georgia who's lead? (tbilisi not atlanta)": the clause picks which Georgia)
                # "who leads austria? sorry i meant australia": the place said before is replaced
                answers.pop()
                understood.pop()
                read.pop()
            answer = self._decide(engine, raw, understanding)
            if answer.understood and understanding.compare == "member":
                # "is Taiwan counted as China? is Nissan the leader?": about Taiwan
                previous = context_of(replace(understanding, targets=[
                    t for t in understanding.targets if t.kind in NARROW_PLACES]))
            elif answer.understood:
                previous = context_of(understanding, answer.leaders)
            elif answer.kind == Kind.CLARIFY and _shares_a_name(understanding):
                # "is Renault leader in Georgia?" asked back: "the country" picks the reading
                previous = context_of(understanding)
            elif answer.kind == Kind.CLARIFY and (not previous or understanding.unknown_name):
                # "who leads Zorbistan?" asked back: "sorry, Uzbekistan" answers the question
                # (and "… the Kestrel-X program, who leads it and who follows?" asks nothing
                # more of the subject before it)
                previous = context_of(Understanding(intent=Intent.WHO_LEADS, confidence=1.0,
                                                    companies=understanding.companies))
            answers.append(answer)
            understood.append(understanding)
            read.append(clause)
        if len(answers) == len(understood) > 1:
            # "je suis au Brésil, mon N+1 au Japon. qui lead chez nous ?", "we cover peru now.
            # anyone designated?": a statement that only sets the scene for a later question
            # (about the asker's own place, or about the statement's own subject) is not asked
            later = [{t.key() for t in u.targets} for u in understood]
            # ("who leads argentina? renault? not mitsubishi??": a guess claims, it sets no scene)
            kept = [i for i, u in enumerate(understood) if not u.statement
                    or u.from_context and u.companies or not (
                own_asked > 0 and i < own_asked or any(
                    understood[j].from_context and {t.key() for t in u.targets} <= later[j]
                    for j in range(i + 1, len(understood))))]
            answers, understood, read = ([items[i] for i in kept]
                                         for items in (answers, understood, read))
        if unresolved_own_place and asker and not (context or {}).get("asker"):
            # "who leads my region? I'm in Chile": the place the message gives later
            return self._ask(engine, raw, {**(context or {}), "asker": asker}, others, whole)
        if len(answers) > 1 and (_is_remark(understood[0], read[0], engine.requests,
                                             engine.asker) or _sets_the_scene(
                understood, read, engine.requests)) and any(
                a.kind != Kind.SMALL_TALK for a in answers[1:]):
            # "making a cheat sheet. who leads Chile?": the question is the later clause
            answers, understood, read = answers[1:], understood[1:], read[1:]
        # "hi, i am powertrain engineer in gebze. who leads PHEV?", "Sorry for disturbing. I am
        # new in purchasing team in Chennai …. Who leads India?": an introduction, first or
        # after a polite opening, is no question
        intro = 1 if len(answers) > 2 and understood[0].intent == Intent.OUT_OF_SCOPE else 0
        if len(answers) > intro + 1 and _introduces_the_asker(understood[intro], read[intro]) \
                and not _asks_about_own_place(understood[intro:], read[intro:]) and any(
                a.kind != Kind.SMALL_TALK for a in answers[intro + 1:]):
            answers, understood, read = (answers[intro + 1:], understood[intro + 1:],
                                         read[intro + 1:])
        for index in range(len(read) - 1):
            later = understood[index + 1]
            if understood[index].reason == NO_SUBJECT and later.targets and not later.companies:
                # "who leads and who follows in China?": the subject comes in the later clause
                names = " ".join(t.text for t in later.targets)
                understanding = self._understand(engine, f"{read[index]} {names}", previous)
                if understanding.targets:
                    answers[index] = self._decide(engine, raw, understanding)
                    understood[index] = understanding
        premises = {index - 1 for index in range(1, len(read))
                    if _states_before_a_contrast(engine, understood[index - 1], read[index - 1],
                                                 read[index])}
        if premises:
            # "Renault leads Europe, but who leads Asia?": the statement is the premise
            kept = [i for i in range(len(answers)) if i not in premises]
            answers, understood, read = ([items[i] for i in kept]
                                         for items in (answers, understood, read))
        argued = _arguments(engine, understood, read)
        claims: set[int] = set()
        for index in sorted(argued):
            if understood[index].companies:
                # "who leads New Caledonia? it's France so Renault, no?": the claim is about
                # New Caledonia, and its answer says who leads there
                # (each place once: an earlier claim holds the subject again)
                # ("is Taiwan counted as China? is Nissan the leader?": about Taiwan)
                subject = list({(t.key(), t.country): t for u in understood[:index]
                                for t in u.targets if u.compare != "member"
                                or t.kind in NARROW_PLACES}.values())
                claim = replace(understood[index], intent=Intent.IS_LEADER, targets=subject,
                                yes_no=True, asks_follower=False)
                answers[index], understood[index] = self._decide(engine, raw, claim), claim
                # ("renault? not mitsubishi??": an earlier claim stays, answered too)
                claims.add(index)
                argued = {i for i in argued if i not in claims} | (set(range(index)) - claims)
        if argued and len(argued) < len(answers):
            # "who leads Guam? its US but in the pacific": the later clause argues about Guam
            kept = [i for i in range(len(answers)) if i not in argued]
            answers, understood, read = ([items[i] for i in kept]
                                         for items in (answers, understood, read))
        if len(answers) > 1 and any(u.confirms for u in understood) and not all(
                u.confirms or a.kind == Kind.SMALL_TALK
                for a, u in zip(answers, understood, strict=True)):
            # "are you sure? my boss says NZ is Nissan": the claim is what gets answered
            kept = [i for i, u in enumerate(understood) if not u.confirms]
            answers, understood, read = ([items[i] for i in kept]
                                         for items in (answers, understood, read))
        if len(answers) > 1:
            answers = _focus(answers, understood)
            if _asks_about_own_place(understood, read):
                # "who leads here? we are based in Manila": the asker's place is the subject
                return self._ask(engine, " ".join(read), context, others, whole=True)
        answered = [a for a in answers if a.understood]
        if answered and len(answered) < len(answers):
            # (a name asked back in a clause that asks nothing, "prepping slides for tmrw's
            # townhall", is no question beside the one answered)
            said = {id(a) for a, u in zip(answers, understood, strict=False) if u.statement} \
                if len(answers) == len(understood) else set()
            answers = [a for a in answers
                       if a.understood or a.kind == Kind.CLARIFY and id(a) not in said]
        elif any(a.kind == Kind.CLARIFY for a in answers):
            # "who leads Port Velmora? it is in my shipment list.": asked back about the
            # question; the remark after it, which asks nothing, gets no "I don't know" of its own
            kept = [i for i, (a, u) in enumerate(zip(answers, understood, strict=True))
                    if a.kind == Kind.CLARIFY or u.intent != Intent.OUT_OF_SCOPE
                    or not u.statement]
            answers, understood, read = ([items[i] for i in kept]
                                         for items in (answers, understood, read))
        if len(answers) == len(understood) > 1 and understood[-1].leaving \
                and all(a.kind == Kind.SMALL_TALK for a in answers):
            answers = answers[-1:]  # "thanks! heading off, bye": the goodbye says it all
        answer = _merge(answers, engine.resolver.words) if len(answers) > 1 else answers[0]
        if cleaned.truncated:
            answer.truncated = True
            answer.text += " " + engine.resolver.words.say(
                "(Your message was long, so I read only its first {count} characters.)",
                count=str(thresholds.MAX_QUESTION_CHARS))
        answer.context = {"understanding": previous} if previous else dict(context or {})
        # the places the thread named last, whatever became of its subject since ("we ship to
        # chile and vietnam" … "who leads these two countries?")
        named = [t.text for u in understood for t in u.targets if t.kind in PLACE_TARGETS]
        places = list(dict.fromkeys(named)) or (context or {}).get("places")
        if places:
            answer.context["places"] = places
        if asker:
            answer.context["asker"] = asker
        if given_other:
            answer.context["other"] = given_other
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
            unknown = understanding.unknown_name
            if unknown and not any(unknown in t.text for t in found.targets):
                # "qui est leader sur la plateforme Nova-3 EV ?": the other pipeline must read
                # the name asked about ("who leads 日本?"), not other words ("est", "EV")
                continue
            if found.intent not in UNREAD and (found.targets or found.companies or found.facts):
                found.reason += f" | read with the {other} pipeline"
                return found
        return understanding

    def _completed(self, engine: _Language, clause: str,
                   previous: dict[str, Any]) -> Understanding | None:
        """"who leads North America?" then "and south?": the one word said, put in place of the
        first word of the name in context, when that makes a name the knowledge base holds."""
        words = [w for w in WORD.findall(clause) if w.lower() not in engine.filler]
        if len(words) != 1:
            return None
        for target in previous.get("targets", []):
            parts = str(target.get("text", "")).split()
            if len(parts) < 2 or parts[0].lower() == words[0].lower():
                continue
            name = " ".join([words[0], *parts[1:]])
            doc = engine.nlp(name)
            if len(doc.ents) == 1 and len(doc.ents[0]) == len(doc) and doc.ents[0]._.score == 1:
                return self._understand(engine, f"and {name}", previous)
        return None

    @staticmethod
    def _examples_of(engine: _Language, clause: str, understanding: Understanding,
                     before: Understanding) -> bool:
        """A clause that only gives examples of the region the clause before asked about
        ("... l'Afrique du Nord ? genre Algérie Tunisie"): its places all lie in it."""
        lowered = f" {clause.lower()} "
        if not any(f" {word} " in lowered or not engine.rules.spaced and word in lowered
                   for word in engine.example_words):
            return False
        regions = {t.id for t in before.targets if t.kind == TargetKind.REGION}
        places = understanding.targets
        return bool(regions) and bool(places) and all(
            t.kind in PLACE_TARGETS and engine.resolver.place_region(t)[0] in regions
            for t in places)

    @staticmethod
    def _understand(engine: _Language, clause: str,
                    previous: dict[str, Any] | None) -> Understanding:
        clause = engine.respelled_loanwords(clause)
        doc = engine.nlp(clause)
        understanding = understand(doc, domain_words=engine.domain_words, context=previous,
                                   rules=engine.rules)
        respelled = engine.respelled(clause) if not understanding.targets and (
            understanding.intent in UNREAD or understanding.companies
            or doc.user_data.get(KANA_TYPED)) else clause
        if understanding.targets and not understanding.companies and engine.company_spellings:
            # "ベトナムってみつびし？": a member's name in kana beside a name read already
            respelled = engine.rules.respelled(clause, engine.company_spellings, anywhere=True)
        if understanding.targets and respelled == clause and engine.spellings:
            # "じどううんてんとPHEVのリーダー": another name typed in hiragana beside it (by its
            # reading only: the dictionary's normalised forms cost a second tokenization)
            respelled = engine.rules.respelled(clause, engine.spellings)

        def reread() -> tuple[Understanding, Doc]:
            read = engine.nlp(respelled)
            return understand(read, domain_words=engine.domain_words, context=previous,
                              rules=engine.rules), read

        if respelled != clause:
            again, read = reread()
            if understanding.companies or understanding.targets:
                # "ろしあは日産がリーダーだよね？", "ベトナムってみつびし？": the other name in kana
                # beside one read already, kept only when both are read
                known = {t.key() for t in understanding.targets}
                better = bool(again.targets and again.companies) and set(
                    understanding.companies) <= set(again.companies) or (
                    set(understanding.companies) == set(again.companies)
                    and known < {t.key() for t in again.targets}
                    and not any(engine.everyday_word(clause, t.text) for t in again.targets
                                if t.key() not in known))
            else:
                # "ろしあはだれがりーど": names typed in kana, read only when nothing else was
                # (the kana of everyday words may hold a name's reading: "しりあい")
                better = again.intent not in UNREAD and bool(again.targets or again.companies)
            if better:
                understanding, doc = again, read
        understanding = told_apart(understanding, doc, engine.kb,
                                   COORDINATORS | engine.rules.coordinators)
        if understanding.unknown_name:
            linker = engine.nlp.get_pipe("fuzzy_linker")
            understanding.candidates = [
                Target(kind=TargetKind(kind), id=ident, text=name.title(), country=country)
                for name, kind, ident, country in linker.closest(understanding.unknown_name)
                if kind in {k.value for k in TargetKind}]
        return understanding

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


# "my region", "our market" are read by the intent step (`Understanding.own_place`); "here" is
# the asker's place only beside a clause that gives it
HERE = re.compile(r"\bhere\b", re.IGNORECASE)
# a word pointing back at the place of the clause before ("who leads over there?")
THERE = re.compile(r"\bthere\b|\bl[aà][- ]bas\b|そこ", re.IGNORECASE)
# a kind of place pointed back at ("which company leads that market?", "ce pays", "その市場")
# a sign-off opening a clause after the question ("Best regards, Nour | Executive Assistant |
# Cairo", "Cordialement, …", "以上、よろしくお願いいたします"): the signature asks nothing
# a signature set off by a dash ("-- Jo Hartley, Dealer Network, Perth", "— Akiko, Osaka")
# (a dash typed as one hyphen: before a capitalised name)
SIGNATURE_DASH = re.compile(r"^\s*(?:--+|—|–|-(?=\s*[A-Z]))\s*\S")
SIGN_OFF = re.compile(r"^\s*(?:(?:best|kind|warm|many)\s+(?:regards|thanks|wishes)|best(?=\s*[,!])|"
                      r"regards|cheers|"
                      r"br|thanks\s+(?:and|&)\s+regards|cordialement|bien\s+[àa]\s+vous|"
                      r"bien\s+cordialement|salutations|以上|よろしくお願い|"
                      # thanks, then who is writing in brackets ("merci d'avance (équipe
                      # achats Rabat)")
                      r"(?:merci|thanks|thank\s+you|thx)\b[^()?]*\(|"
                      # or a name, a team and a city between bars ("thanks Marco Bellini |
                      # Procurement | Turin")
                      r"(?:merci|thanks|thank\s+you|thx|cheers)\b[^?]*\|)", re.IGNORECASE)
THAT_PLACE = re.compile(r"\b(?:that|this|these|those|the same|both)\s+(?:two\s+|2\s+)?(?:market|"
                        r"region|country|countr(?:y|ies)|place|area|city|state|territory)s?\b|"
                        r"\b(?:ce|cette|ces|le m[eê]me|la m[eê]me|les m[eê]mes)\s+(?:deux\s+|2\s+)?"
                        r"(?:march[eé]|pays|r[eé]gion|zone|ville|territoire)s?\b|"
                        r"(?:その|同じ|これらの|この|両)(?:[2２二]か国|[2２二]カ国|市場|国|地域|エリア|都市)",
                        re.IGNORECASE)


COMPASS = {direction: word_set(f"compass_{direction}")
           for direction in ("north", "south", "east", "west")}
PART_WORDS = word_set("part_words")


def _compass_part(assistant: Assistant, engine: _Language, clause: str,
                  previous: dict[str, Any]) -> Understanding | None:
    """"the southern half i mean", "la partie nord" after an area ("Africa", "America"): the
    area's part named by that point of the compass, read as the language names it ("Southern
    Africa", else "South America", "Afrique du Nord"); None when the clause says no such part
    or the part read is the area again."""
    words = [w.lower() for w in WORD.findall(clause)]
    areas = [t for t in previous.get("targets", []) if t["kind"] == TargetKind.AREA.value]
    if len(areas) != 1 or PART_WORDS.isdisjoint(words) or len(words) > 6:
        return None
    said = next((w for w in words if any(w in found for found in COMPASS.values())), None)
    if said is None:
        return None
    plain = next(d for d, found in COMPASS.items() if said in found)
    kb = engine.resolver.kb
    # a part the plan names by that direction ("north_america" of the Americas), by its name
    parts = [kb.regions.get(p) or kb.zones.get(p) for p in kb.areas[areas[0]["id"]].parts
             if plain in p.split("_")]
    named = [engine.resolver.words.text(part.name) for part in parts if part is not None]
    area = re.sub(r"^(?:the|l'|la|les|le)\s*", "", areas[0]["text"], flags=re.IGNORECASE)
    french = engine.rules.code == "fr"
    for phrase in [*named[:1], *(f"{area} du {word}" if french else f"{word} {area}"
                                 for word in dict.fromkeys([said, plain]))]:
        understanding = assistant._understand(engine, f"{_WHO_LEADS[engine.rules.code]} {phrase}",
                                              None)
        places = [t for t in understanding.targets if t.kind in PLACE_TARGETS]
        if places and all(t.kind != TargetKind.AREA for t in places):
            return replace(understanding, from_context=True)
    return None


_WHO_LEADS = {"en": "who leads", "fr": "qui dirige", "ja": ""}


def _dashed(clause: str) -> list[str]:
    """A dash and a yes/no question after it: two clauses."""
    match = DASHED_YES_NO.search(clause)
    if match is None:
        match = DASHED_OUI_NON.search(clause)
        if match is None or not ASKS_WHO.search(clause[:match.start()]):
            return [clause]
    return [clause[:match.start()], clause[match.end():]]


REMARK_WORDS = 5  # words of a statement after a question that make it a remark, not "and X"


def _a_remark_after(clause: str, engine: _Language) -> bool:
    """A statement of several words after a question, opening with no word that continues the
    question ("and Brazil", "et pour le Chili", "じゃあ…"): it says something, it asks nothing."""
    words = [w.lower() for w in WORD.findall(clause)]
    if not words or (not engine.rules.spaced and len(clause) < 2 * REMARK_WORDS):
        return False
    return (len(words) >= REMARK_WORDS or not engine.rules.spaced) \
        and words[0] not in engine.follow_up_words and not WH_OPENERS.intersection(words)


def _gives_a_reason(engine: _Language, clause: str, understanding: Understanding) -> bool:
    """A clause opening with a reason word ("because they do connected already", "vu qu'on
    parle français"), or a statement with one inside it ("our team confused because nissan do
    connected in China"), gives the reason for the claim before it and asks nothing."""
    words = tuple(w.lower() for w in WORD.findall(clause))
    if any(words[:3][:len(phrase)] == phrase for phrase in engine.rules.reason_phrases):
        return True
    at = next((i for i in range(len(words)) for phrase in engine.rules.reason_phrases
               if words[i:i + len(phrase)] == phrase), None)
    # (not "nissan since it's near china": a company claimed before its reason)
    return at is not None and not clause.rstrip().endswith(("?", "？")) \
        and not WH_OPENERS.intersection(words) \
        and not set(understanding.companies) & set(words[:at])


def _others_place(understood: list[Understanding]) -> str | None:
    """The place someone other than the asker was said to be at: named beside the asker's own
    place in an earlier clause of the message, or in a clause that only says it ("my boss is
    in Auckland.")."""
    for understanding in reversed(understood):
        others = [t for t in understanding.targets if t.kind in PLACE_TARGETS
                  and t not in understanding.asker_places]
        if others and (understanding.asker_places or understanding.statement):
            return others[-1].text
    return None


def _picks_a_reading(before: Understanding, now: Understanding) -> bool:
    """The clause before named a place two places share ("Georgia"), and this one names only
    places inside one of its readings ("tbilisi"): it says which one is meant."""
    texts = [t.text.lower() for t in before.targets]
    shared = [t for t in before.targets if texts.count(t.text.lower()) > 1]
    places = [t for t in now.targets if t.kind in NARROW_PLACES]
    if not shared or not places or len(places) != len(now.targets):
        return False
    countries = {t.id if t.kind == TargetKind.COUNTRY else t.country for t in shared}
    return len({t.country for t in places}) == 1 and places[0].country in countries \
        and now.from_context


def _about_the_place(understanding: Understanding, name: str) -> Understanding:
    """"my region" asks about a place: after "who leads autonomous driving?", "and for my
    region?" is about the asker's place (`name`), not the technology there, nor a colleague's
    place named beside it ("ma collègue est à Montréal et moi à Casablanca, qui pilote ma
    région ?")."""
    places = [t for t in understanding.targets if t.kind in PLACE_TARGETS]
    mine = [t for t in places if t.text.lower() == name.lower()]
    if mine and len(mine) < len(places):
        places = mine
    if not places or len(places) == len(understanding.targets):
        return understanding
    return replace(understanding, targets=places, narrows=False)


def _shares_a_name(understanding: Understanding) -> bool:
    """Two readings of one name among the targets ("Georgia": the country and the state)."""
    texts = [t.text for t in understanding.targets]
    return len(set(texts)) < len(texts)


def _is_remark(understanding: Understanding, clause: str, requests: frozenset[str],
               asker: frozenset[str] = frozenset()) -> bool:
    """A clause that says why the asker asks ("want the full picture for the slide", "I'm
    making a cheat sheet") rather than asking: a list word, no question mark, no request verb
    ("give me the full picture" asks), no company or subject. Beside a real question it is not
    one of its own."""
    ordered = [w.lower() for w in WORD.findall(clause)]
    # "trying to explain to my dealers who does what": a verb of asking after "to" is the
    # asker's purpose, not a request
    words = {w for i, w in enumerate(ordered) if not (w in requests and i and ordered[i - 1]
                                                      in ("to", "pour"))}
    if understanding.reason == FOLLOW_UP_UNREAD and not clause.rstrip().endswith(("?", "？")):
        return True  # "who leads India? we have a supplier there also"
    # a kind word ("which geographies have a lead partner, and who?") asks, unless the clause
    # is about the asker ("our team is handling both markets")
    return understanding.intent == Intent.LIST and not clause.rstrip().endswith("?") \
        and not words & requests \
        and not understanding.targets and not understanding.companies \
        and (understanding.list_kind is None or bool(words & asker))


def _speaks_of_the_asker(clause: str, asker: frozenset[str], requests: frozenset[str]) -> bool:
    """The clause says something of the asker ("we launch there next month") and requests
    nothing ("we need to know when it was announced" does)."""
    words = {w.lower() for w in WORD.findall(clause)}
    return bool(words & asker) and not words & requests


LISTED_KINDS = {"region": PLACE_TARGETS, "segment": frozenset({TargetKind.SEGMENT}),
                "technology": frozenset({TargetKind.TECH, TargetKind.FAMILY})}


# the asker saying who they are ("hi, i am powertrain engineer in gebze.", "em la engineer in Ho
# Chi Minh", "je suis responsable commercial …", "私は…です")
SELF_INTRODUCTION = re.compile(
    r"^(?:(?:hi|hello|hey|dear\s+\w+|bonjour|salut|hola)\b[\s,!.:-]*(?:\w+[\s,!.:-]+)?)?"
    r"(?:i\s+am|i'm|i’m|im|em\s+la|em|je\s+suis|moi\s+c'est|moi\s+je\s+suis|私は|わたしは|"
    r"こちらは)(?=\s|$)", re.IGNORECASE)


def _introduces_the_asker(understanding: Understanding, clause: str) -> bool:
    """A first clause in which the asker says who or where they are, asking nothing ("hi, i am
    a powertrain engineer in gebze.", "hi all, supplier from Da Nang."): the question is the
    later clause."""
    return understanding.statement and not clause.rstrip().endswith(("?", "？")) \
        and (SELF_INTRODUCTION.match(clause) is not None or understanding.about_asker)


def _sets_the_scene(understood: list[Understanding], read: list[str],
                    requests: frozenset[str]) -> bool:
    """"prepping a slide, need the regional split. who leads north america?": a list of a kind
    said without a question mark or a request ("list all regions"), before a question about one
    thing of that kind, only says what the question is for."""
    first = understood[0]
    kinds = LISTED_KINDS.get(first.list_kind or "", frozenset())
    return first.intent == Intent.LIST and bool(kinds) \
        and not read[0].rstrip().endswith(("?", "？")) \
        and not {w.lower() for w in WORD.findall(read[0])} & requests \
        and any(t.kind in kinds for u in understood[1:] for t in u.targets)


ARGUMENT_OPENING = 4  # the words an argument's pronoun for the place asked about stands in
GUESS = 4  # the most words of a clause that only guesses the company ("renault i guess?")


def _arguments(engine: _Language, understood: list[Understanding], read: list[str]) -> set[int]:
    """The clauses that only argue about a place an earlier clause asked about: opening with a
    pronoun for it ("it's", "c'est", "それは"), naming other places and no word of a question
    about leading ("Greenland, who leads? it belongs to Denmark so Europe no?"), or naming a
    company, which they claim leads it ("c'est la France donc c'est Renault non ?")."""
    argued: set[int] = set()
    pronouns = engine.rules.subject_pronouns
    for index in range(1, len(read)):
        now = understood[index]
        # ("c des DOM donc renault?", "is it Renault?", "who leads autonomous driving?
        # renault?": a company claimed about the subject the clause inherits, whatever it is)
        claimed = now.from_context and bool(now.companies)
        earlier = {t.id for u in understood[:index] for t in u.targets
                   if claimed or t.kind in PLACE_TARGETS}
        places = [t for t in now.targets if t.kind in PLACE_TARGETS]
        if not earlier or not claimed and (not places or len(places) < len(now.targets)
                                           or any(t.id in earlier for t in places)):
            continue
        doc = engine.nlp(read[index])
        lowers = [w for w, punct in zip(token_table(doc).lowers, token_table(doc).punct,
                                        strict=True) if not punct]
        cues = doc._.cues or {}
        # ("oui je sais c americain": the pronoun may follow a word or three of assent)
        # ("who leads Vietnam? nissan?", "... renault i guess?": a short guess at the answer to
        # a question, not "c'est nissan alors ? pas renault ?", two claims)
        # ("renault or nissan?" offers a choice: which one, no Yes or No)
        guess = claimed and len(lowers) <= GUESS \
            and understood[index - 1].intent != Intent.IS_LEADER \
            and not (len(now.companies) > 1 and engine.rules.choice_words & set(lowers))
        opens = pronouns & set(lowers[:ARGUMENT_OPENING]) or guess
        if opens and not {"who", "follow"} & set(cues) and (now.companies or "lead" not in cues):
            argued.add(index)
    return argued


def _states_before_a_contrast(engine: _Language, stated: Understanding, before: str,
                              after: str) -> bool:
    """A clause that states who leads what ("ok so Mitsubishi has PHEV for C and D"), right
    before one that opens with a contrast word and asks ("but what about the E segment?")."""
    words = [w.lower() for w in WORD.findall(before)]
    following = [w.lower() for w in WORD.findall(after)]
    return bool(words and following) and following[0] in engine.rules.contrast_words \
        and len(following) > 1 and bool(stated.companies) and bool(stated.targets) \
        and not before.rstrip().endswith(("?", "？")) \
        and words[0] not in engine.rules.yes_no_openers


def _asker_place(understanding: Understanding) -> dict[str, Any] | None:
    """Where the asker said they are, from one clause ("I'm in the Lyon office, ..."): a
    country before a city it holds ("Perth, Australia"), else the first place named."""
    places = understanding.asker_places
    if not places:
        return None
    place = next((t for t in places if t.kind == TargetKind.COUNTRY), places[0])
    return {"kind": place.kind.value, "id": place.id, "text": place.text}


def _asks_about_own_place(understood: list[Understanding], read: list[str]) -> bool:
    """One clause asks about "here", another only says where the asker is."""
    asker = [u.about_asker for u in understood]
    own = [not u.targets and bool(HERE.search(clause))
           for u, clause in zip(understood, read, strict=True)]
    return len(read) == 2 and any(asker) and any(own) and asker != own


def _focus(answers: list[Answer], understood: list[Understanding]) -> list[Answer]:
    """"I'm in Tokyo. About Indonesia, who leads?": a clause that only places the asker is
    context when another clause asks about a place."""
    # ("greetings from the Paris HQ! when was the model announced?", "I'm based in Manila. Is
    # Mitsubishi our regional lead?": a fact or a claim asked is the question too)
    def locates(u: Understanding) -> bool:
        return u.about_asker and not (u.facts or u.companies or u.yes_no)

    focus = [a for a, u in zip(answers, understood, strict=True)
             if a.understood and not locates(u) and (u.targets or u.facts or u.companies)]
    if not focus or len(focus) == len(answers):
        return answers
    return [a for a, u in zip(answers, understood, strict=True) if not locates(u)]


def _merge(answers: list[Answer], words: Phrasing | None = None) -> Answer:
    """One answer for a compound question: every clause's text, leaders and sources; with the
    language's `words`, a sentence two clauses' answers both say is said once ("who leads
    argentina? renault? not mitsubishi??": Yes, and Mitsubishi doesn't lead it, about one
    answer), but Yes and No, which each answer their own clause."""
    useful = [a for a in answers if a.kind != Kind.SMALL_TALK] or answers
    # "Tripoli, Lebanon. Who leads there?": two clauses with one answer say it once
    useful = [a for i, a in enumerate(useful) if all(b.text != a.text for b in useful[:i])]
    # "who leads japan? does renault follow there?": the Yes says the first answer again
    useful = [a for a in useful if not any(
        a.text in b.text and len(a.text) < len(b.text) for b in useful)] or useful
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
        text=" ".join(a.text for a in useful) if words is None else words.said_once(
            (a.text for a in useful), keep=frozenset({words.say("Yes."), words.say("No.")})),
        sources=sources,
        confidence=min(a.confidence for a in useful),
        suggestions=[s for a in useful for s in a.suggestions][:4],
        scope={"clauses": [a.scope for a in useful]},
    )
