"""Taught phrases: extra names for knowledge-base entries, layered over the shipped vocabulary.

The bot layer keeps taught phrases (in the database) and hands them to the core as plain data,
`TaughtPhrase` tuples; `Assistant(taught=...)` and `Assistant.set_taught(...)` build them into the
pipeline as exact names (never fuzzy-matched), so a taught phrase only adds a way to name an
entry: it never changes who leads what.

`review(...)` decides whether a phrase may be taught: the phrase must be a new name (not a
knowledge-base name, place or question word, and hiding no name led by someone else), the target
must name exactly one entry, and no question of the labelled sets may get a different answer.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process, utils
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from intents.text import fold_accents
from intents.vocabulary import Entry, Vocabulary

if TYPE_CHECKING:
    from intents.assistant import Assistant

LOGGER = logging.getLogger(__name__)
MAX_PHRASE_CHARS = 60
CLOSE_ENTRY_SCORE = 75  # "Oceanica" finds Oceania; "Mars" finds nothing
QUOTES = "\"'“”‘’«»`"
# Kinds a phrase may be taught to; a non-member automaker is a name, not an entry of the plan.
TEACHABLE_KINDS = frozenset({"region", "area", "zone", "tech", "family", "topic", "segment",
                             "company", "country", "subdivision", "city"})
KIND_LABELS = {"region": "region", "area": "area", "zone": "region without a leader",
               "tech": "technology", "family": "technology family", "topic": "topic",
               "segment": "segment", "company": "company", "country": "country",
               "subdivision": "state or province", "city": "city"}

# Refusal reasons (also the label of the refusal metric).
EMPTY = "empty"
TOO_LONG = "too_long"
ONLY_STOP_WORDS = "only_stop_words"
ONLY_PUNCTUATION = "only_punctuation"
MARKUP = "markup"
# Slack markup and formatting characters: a name is plain words ("Project Kiwi", "R&D", "C-SUV").
MARKUP_CHARACTERS = re.compile(r"[<>@*_`~|#{}\[\]\\]")
UNKNOWN_TARGET = "unknown_target"
AMBIGUOUS_TARGET = "ambiguous_target"
ALREADY_MEANS = "already_means"
HIDES_A_NAME = "hides_a_name"
CHANGES_LABELLED = "changes_labelled_answers"
TAUGHT_ELSEWHERE = "taught_elsewhere"


@dataclass(frozen=True)
class TaughtPhrase:
    """`phrase` names the entry `kind`/`id` (countries and cities also carry their country)."""

    phrase: str
    kind: str
    id: str
    country: str | None = None

    @property
    def key(self) -> str:
        return phrase_key(self.phrase)

    @property
    def target_key(self) -> str:
        return f"{self.kind}:{self.id}"


@dataclass(frozen=True)
class Meaning:
    """One knowledge-base entry a text names, with the words that named it."""

    kind: str
    id: str
    country: str | None
    text: str
    label: str  # how the bot names the entry ("Oceania", "plug-in hybrids (PHEV)")
    exact: bool = True  # False when the words were read as a near spelling of the name

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.id}"

    def describe(self) -> str:
        return f"{self.label} ({KIND_LABELS.get(self.kind, self.kind)})"


@dataclass
class Review:
    """The verdict on teaching `phrase` to mean `target`; `reason` is empty when accepted."""

    phrase: str
    reason: str = ""
    message: str = ""
    target: Meaning | None = None
    candidates: list[Meaning] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # labelled questions it would change

    @property
    def accepted(self) -> bool:
        return not self.reason

    def taught(self) -> TaughtPhrase:
        assert self.target is not None
        return TaughtPhrase(self.phrase, self.target.kind, self.target.id, self.target.country)


def clean_phrase(text: str) -> str:
    """The phrase as it will be kept: outer quotes and spaces off, inner spaces single."""
    return " ".join(text.strip().strip(QUOTES).split())


def phrase_key(text: str) -> str:
    """What two spellings of one phrase share: accents folded, lower case, single spaces."""
    return " ".join(fold_accents(clean_phrase(text)).lower().split())


def phrase_problem(phrase: str) -> tuple[str, str] | None:
    """(reason, message) when `phrase` cannot be a name at all, else None."""
    if not phrase:
        return EMPTY, "The phrase is empty."
    if len(phrase) > MAX_PHRASE_CHARS:
        return TOO_LONG, (f"The phrase is {len(phrase)} characters long; "
                          f"a name has at most {MAX_PHRASE_CHARS}.")
    if MARKUP_CHARACTERS.search(phrase):
        return MARKUP, ("A phrase is plain words: no Slack formatting, mentions or links "
                        "(none of < > @ * _ ` ~ | # [ ] { }).")
    words = re.findall(r"[^\W_]+", fold_accents(phrase).lower())
    if not words:
        return ONLY_PUNCTUATION, "The phrase is only punctuation."
    if all(word in STOP_WORDS for word in words):
        return ONLY_STOP_WORDS, ("The phrase is only everyday words (like “the”, “of”, “it”), "
                                 "which appear in almost every question.")
    return None


def teach_vocabulary(vocabulary: Vocabulary, taught: Iterable[TaughtPhrase]) -> list[TaughtPhrase]:
    """Add taught phrases as names. Skipped (and logged): a phrase the knowledge base now names
    itself, and one whose entry the knowledge base no longer has (a taught phrase only ever adds
    a name to an entry that has names).

    Returns the phrases applied.
    """
    entries = {(entry.kind, entry.id) for entry in [*vocabulary.names.values(),
                                                     *vocabulary.exact_case.values()]}
    applied = []
    for phrase in taught:
        key = phrase.key
        if not key or key in vocabulary.names or phrase.kind not in TEACHABLE_KINDS:
            LOGGER.info("taught phrase left out: the knowledge base names it",
                        extra={"phrase": phrase.phrase})
            continue
        if (phrase.kind, phrase.id) not in entries:
            LOGGER.warning("taught phrase left out: its entry is not in the knowledge base",
                           extra={"phrase": phrase.phrase, "target": phrase.target_key})
            continue
        vocabulary.add(key, Entry(phrase.kind, phrase.id, phrase.country))
        applied.append(phrase)
    return applied


def meanings(assistant: Assistant, text: str) -> list[Meaning]:
    """Every distinct entry `text` names, in reading order."""
    found: dict[str, Meaning] = {}
    for ent in assistant.read(text).ents:
        kind, ident, country = ent.ent_id_.split("|")
        if kind not in TEACHABLE_KINDS:
            continue
        meaning = Meaning(kind, ident, country or None, ent.text,
                          entry_label(assistant, kind, ident, country or None),
                          exact=ent._.score >= 1.0)
        found.setdefault(meaning.key, meaning)
    return list(found.values())


def covers_whole(assistant: Assistant, text: str) -> Meaning | None:
    """The entry that `text` as a whole already names (every content word inside one name)."""
    doc = assistant.read(text)
    content = [token.i for token in doc if not (token.is_punct or token.is_space or token.is_stop)]
    for ent in doc.ents:
        if content and all(ent.start <= i < ent.end for i in content):
            kind, ident, country = ent.ent_id_.split("|")
            return Meaning(kind, ident, country or None, ent.text,
                           entry_label(assistant, kind, ident, country or None))
    return None


def resolve_target(assistant: Assistant, text: str) -> Review:
    """The one entry `text` names, or a refusal listing what it could be."""
    phrase = clean_phrase(text)
    found = meanings(assistant, phrase) if phrase else []
    if not found:
        near = close_entries(assistant, phrase)
        hint = (f" Did you mean {'; '.join(m.describe() for m in near)}?" if near else "")
        return Review(phrase, UNKNOWN_TARGET,
                      f"“{phrase}” names nothing in the knowledge base.{hint} Name a region, "
                      "country, technology, segment or topic the way people ask (Oceania, PHEV, "
                      "the D segment, hydrogen, Brazil).", candidates=near)
    if len(found) == 1 and not found[0].exact:
        # A target read through a typo ("Southern America") could be the wrong entry: a name
        # is taught only to an entry named exactly.
        return Review(phrase, UNKNOWN_TARGET,
                      f"“{phrase}” is not a name the knowledge base knows exactly. Did you mean "
                      f"{found[0].describe()}? Name it as the knowledge base does.",
                      candidates=found)
    if len(found) > 1:
        listed = "; ".join(m.describe() for m in found)
        return Review(phrase, AMBIGUOUS_TARGET,
                      f"“{phrase}” names more than one entry: {listed}. Name exactly one.",
                      candidates=found)
    return Review(phrase, target=found[0])


def review(assistant: Assistant, phrase_text: str, target: str | Meaning,
           labelled_questions: Sequence[str]) -> Review:
    """May `phrase_text` be taught to mean `target` (as people name it, or an entry picked from
    `catalogue`)? Checks everything but phrases other replicas are teaching at this moment,
    which the store settles under its unique key."""
    phrase = clean_phrase(phrase_text)
    problem = phrase_problem(phrase)
    if problem:
        return Review(phrase, *problem)
    verdict = (resolve_target(assistant, target) if isinstance(target, str)
               else Review(phrase, target=target))
    if not verdict.accepted:
        return verdict
    target = verdict.target
    assert target is not None
    verdict.phrase = phrase
    refusal = _existing_meaning(assistant, phrase, target)
    if refusal:
        verdict.reason, verdict.message = refusal
        return verdict
    candidate = assistant.with_taught([*assistant.taught, verdict.taught()])
    verdict.changed = changed_answers(assistant, candidate,
                                      questions_it_may_change(phrase, labelled_questions))
    if verdict.changed:
        verdict.reason = CHANGES_LABELLED
        verdict.message = (f"Teaching “{phrase}” would change the answer to "
                           f"{len(verdict.changed)} question(s) of the labelled sets, "
                           f"e.g. “{verdict.changed[0]}”.")
    return verdict


# How close a word of a question must be to a word of the phrase for the phrase to possibly
# change its answer: well below what fuzzy matching links ("Wombatt", "Wmobat" are kept)
MAY_CHANGE_SIMILARITY = 60


def questions_it_may_change(phrase: str, questions: Sequence[str]) -> list[str]:
    """The questions whose answer a taught phrase may change: those holding one of its words
    or something like it (a typo, a word inside another). A name the pipeline learns can only
    be found where its words, or words fuzzy matching would take for them, are written; a
    phrase in another script is checked against every question."""
    words = [fold_accents(w).lower() for w in re.findall(r"[^\W_]+", phrase)]
    if not words or not all(w.isascii() for w in words):
        return list(questions)
    return [question for question in questions
            if any(_may_hold(word, fold_accents(question).lower()) for word in words)]


def _may_hold(word: str, text: str) -> bool:
    """Whether text holds the word or something fuzzy matching may take for it; a word of up
    to three letters is too short to be matched with a typo and must be written as it is."""
    if len(word) <= 3:
        return word in text
    return fuzz.partial_ratio(word, text) >= MAY_CHANGE_SIMILARITY


def _existing_meaning(assistant: Assistant, phrase: str,
                      target: Meaning) -> tuple[str, str] | None:
    key = phrase_key(phrase)
    for taught in assistant.taught:
        if taught.key == key and taught.target_key != target.key:
            label = entry_label(assistant, taught.kind, taught.id, taught.country)
            return TAUGHT_ELSEWHERE, f"“{phrase}” was already taught to mean {label}."
    whole = covers_whole(assistant, phrase)
    if whole is not None:
        return ALREADY_MEANS, f"“{phrase}” already means {whole.describe()}."
    if reads_as_question_words(assistant.read(phrase)):
        return ALREADY_MEANS, (f"“{phrase}” is already a word the bot reads questions by "
                               "(a question cue or a fact keyword).")
    target_leaders = leaders_of(assistant, target.text)
    for inner in meanings(assistant, phrase):
        if inner.key == target.key:
            continue
        if inner.kind == "company" or leaders_of(assistant, inner.text) != target_leaders:
            return HIDES_A_NAME, (f"“{phrase}” contains “{inner.text}”, which means "
                                  f"{inner.describe()}: a question using the phrase would "
                                  "read as about that, not only as a name for "
                                  f"{target.label}.")
    return None


def reads_as_question_words(doc: Doc) -> bool:
    """Whether the words carry a question cue ("leader", "boss"), a fact keyword or a list
    word: such words steer how every question around them is read."""
    # "market", "project": only hints at a topic
    cues = {cue for cue in (doc._.cues or {}) if cue not in ("domain", "programme")}
    return bool(cues or doc._.facts or doc._.fact_hints or doc._.list_kinds)


def leaders_of(assistant: Assistant, name: str) -> list[str]:
    """Who the bot says leads what `name` names."""
    return sorted(assistant.ask(f"who leads {name}?").leaders)


def entry_label(assistant: Assistant, kind: str, ident: str, country: str | None) -> str:
    """How the bot names an entry in its answers."""
    kb = assistant.knowledge
    tables: dict[str, Any] = {"region": kb.regions, "area": kb.areas, "zone": kb.zones,
                              "tech": kb.technologies, "family": kb.families,
                              "topic": kb.topics, "segment": kb.segments,
                              "company": kb.companies}
    entry = tables.get(kind, {}).get(ident)
    if entry is not None:
        return str(entry.name)
    if kind == "country":
        return assistant.country_name(ident)
    return ident.title()


def catalogue(assistant: Assistant) -> list[Meaning]:
    """Every entry a phrase can be taught to mean that a picker can list: the plan's entries,
    the companies and every country (cities are taught by name)."""
    kb = assistant.knowledge
    tables: list[tuple[str, dict[str, Any]]] = [
        ("region", kb.regions), ("area", kb.areas), ("zone", kb.zones),
        ("tech", kb.technologies), ("family", kb.families), ("topic", kb.topics),
        ("segment", kb.segments), ("company", kb.companies)]
    entries = [Meaning(kind, ident, None, str(entry.name), str(entry.name))
               for kind, table in tables for ident, entry in table.items()]
    countries = [Meaning("country", code, code, name, name) for code in kb.country_home
                 for name in [assistant.country_name(code)]]
    return entries + sorted(countries, key=lambda meaning: meaning.label)


def close_entries(assistant: Assistant, text: str, limit: int = 5) -> list[Meaning]:
    """Catalogue entries whose name is close to `text` (what an unknown target may have meant)."""
    entries = catalogue(assistant)
    labels = [meaning.label for meaning in entries]
    matches = process.extract(text, labels, scorer=fuzz.ratio, processor=utils.default_process,
                              score_cutoff=CLOSE_ENTRY_SCORE, limit=limit)
    return [entries[index] for _label, _score, index in matches]


def entry(assistant: Assistant, kind: str, ident: str) -> Meaning | None:
    """The catalogue entry `kind`/`ident`, or None when there is no such entry."""
    for meaning in catalogue(assistant):
        if meaning.kind == kind and meaning.id == ident:
            return meaning
    return None


def changed_answers(before: Assistant, after: Assistant,
                    questions: Sequence[str]) -> list[str]:
    """The questions whose answer differs between two assistants (every field a user sees)."""
    changed = []
    for question in questions:
        if _visible(before.ask(question)) != _visible(after.ask(question)):
            changed.append(question)
    return changed


def _visible(answer: Any) -> dict[str, Any]:
    return answer.public_json()


def unknown_phrase(assistant: Assistant, question: str) -> str:
    """The longest run of words in `question` the bot did not know: what to teach, prefilled."""
    doc = assistant.read(question)
    covered = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    known = assistant.domain_words
    runs: list[list[str]] = [[]]
    for token in doc:
        unknown = (token.i not in covered and token.is_alpha and not token.is_stop
                   and token.lower_ not in known and (token.lemma_ or "").lower() not in known)
        if unknown:
            runs[-1].append(token.i)
        elif runs[-1]:
            runs.append([])
    best = max(runs, key=len)
    if not best:
        return ""
    start, end = best[0], best[-1] + 1
    # A name is written capitalised as a whole: "Project Kiwi" even when "Kiwi" alone is known.
    while start > 0 and doc[start - 1].is_title and not doc[start - 1].is_stop:
        start -= 1
    while end < len(doc) and doc[end].is_title and not doc[end].is_stop:
        end += 1
    return doc[start:end].text
