"""spaCy components that read Alliance questions; patterns come from the knowledge base.

Registered here: `segment_finder` (segment letters next to "segment"), `fuzzy_linker` (rapidfuzz
for typos in names and cue words) and `phrase_cues` (question cues and fact keywords on lemmas).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process, utils
from rapidfuzz.distance import OSA
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from intents import thresholds

LOGGER = logging.getLogger(__name__)
SEGMENT_WORDS = frozenset({"segment", "segments", "seg", "segs", "segment-"})
SEGMENT_LETTERS = frozenset("abcdef")
LIST_JOINERS = frozenset({"and", "&", ",", "/", "or", "-", "+"})
MAX_NGRAM = 5
MAX_WINDOW = 4  # longest name (in tokens) fuzzy matching tries
WINDOW_PUNCT = frozenset({"-", "/", "."})
CACHE_SIZE = 50_000  # fuzzy lookups remembered (cleared when full)

for name in ("cues", "facts", "fact_hints", "fact_denials", "list_kinds", "corrections",
             "ambiguous"):
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=None)
if not Span.has_extension("score"):
    Span.set_extension("score", default=1.0)


def entity_id(kind: str, ident: str, country: str | None = None) -> str:
    """The ent_id a matched span carries: "kind|id|country"."""
    return f"{kind}|{ident}|{country or ''}"


@dataclass(frozen=True)
class TokenTable:
    """The token attributes every step reads, taken from the Doc once (Token objects are
    created on each access, which adds up over a dozen passes)."""

    texts: list[str]
    lowers: list[str]
    lemmas: list[str]
    alpha: list[bool]
    title: list[bool]
    stop: list[bool]
    punct: list[bool]


def token_table(doc: Doc) -> TokenTable:
    table = doc.user_data.get("table")
    if table is None:
        rows = [(t.text, t.lower_, (t.lemma_ or t.text).lower(), t.is_alpha, t.is_title,
                 t.is_stop, t.is_punct or t.is_space) for t in doc]
        columns = list(zip(*rows, strict=True)) if rows else [()] * 7
        table = TokenTable(*(list(column) for column in columns))
        doc.user_data["table"] = table
    return table


def corrected_words(doc: Doc) -> dict[int, str]:
    """Token index -> the cue word a misspelling was read as ("leeds" -> "leads")."""
    return doc.user_data.setdefault("corrected", {})


def token_key(token: Token, corrected: dict[int, str] | None = None) -> str:
    """What cue and fact phrases are matched on: the corrected word, else the lemma."""
    fixed = corrected.get(token.i) if corrected else None
    return (fixed or token.lemma_ or token.text).lower()


def _add_spans(doc: Doc, spans: Iterable[Span]) -> None:
    doc.ents = filter_spans([*doc.ents, *spans])


@Language.factory("kb_entities")
def make_kb_entities(nlp: Language, name: str) -> KbEntities:
    return KbEntities(nlp)


class KbEntities:
    """Mark every knowledge-base name in the text.

    Names of the plan (companies, regions, technologies, topics, segments) go through a
    PhraseMatcher on LOWER; the much larger gazetteer (countries, cities, states) is a dictionary
    lookup over word n-grams, which costs nothing to build. Names that are also English words
    ("US", "Nice") need their exact capitals and go through a token Matcher.
    """

    def __init__(self, nlp: Language) -> None:
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.tokens = Matcher(nlp.vocab)
        self.by_words: dict[str, str] = {}  # lower-case words joined by spaces -> entity id
        self.gazetteer: dict[str, str] = {}
        self.title_only: set[str] = set()
        self.longest = 1
        self.size = 0

    def add_phrases(self, label: str, patterns: list[tuple[Doc, str]]) -> None:
        """Case-insensitive names: (pattern doc, entity id "kind|id|country")."""
        for doc, ident in patterns:
            self.by_words[" ".join(token.lower_ for token in doc)] = ident
        self.phrases.add(label, [doc for doc, _ in patterns])
        self.size += len(patterns)

    def add_exact(self, ident: str, token_patterns: list[list[dict]]) -> None:
        self.tokens.add(ident, token_patterns)
        self.size += len(token_patterns)

    def add_gazetteer(self, names: dict[str, str], title_only: set[str]) -> None:
        """Place names by their words (lower case, single spaces) -> entity id."""
        self.gazetteer.update(names)
        self.title_only |= title_only
        self.longest = max([self.longest, *(len(name.split()) for name in names)])
        self.size += len(names)

    def __call__(self, doc: Doc) -> Doc:
        if not self.size:
            LOGGER.warning("kb_entities has no names to match")
            return doc
        spans = []
        for _label, start, end in self.phrases(doc):
            words = " ".join(token.lower_ for token in doc[start:end])
            ident = self.by_words.get(words)
            if ident:
                spans.append(_entity_span(doc, start, end, ident))
        for match_id, start, end in self.tokens(doc):
            spans.append(_entity_span(doc, start, end, doc.vocab.strings[match_id]))
        spans.extend(self._places(doc))
        doc.ents = filter_spans(spans)
        return doc

    def _places(self, doc: Doc) -> Iterable[Span]:
        table = token_table(doc)
        lowers = table.lowers
        for start, alpha in enumerate(table.alpha):
            if not alpha:
                continue
            for width in range(min(self.longest, len(doc) - start), 0, -1):
                words = " ".join(lowers[start:start + width])
                ident = self.gazetteer.get(words)
                if ident is None:
                    continue
                if words in self.title_only and not table.title[start]:
                    continue
                yield _entity_span(doc, start, start + width, ident)
                break


def _entity_span(doc: Doc, start: int, end: int, ident: str) -> Span:
    return Span(doc, start, end, label=ident.split("|", 1)[0].upper(), span_id=ident)


@Language.component("segment_finder")
def segment_finder(doc: Doc) -> Doc:
    """Mark "D segment", "C and D segments", "segment B", "A/B" as SEGMENT entities."""
    corrected = corrected_words(doc)
    text = doc.text.lower()
    if "seg" not in text and "/" not in text and "segment" not in corrected.values():
        return doc  # nothing that could name a segment
    covered = {token.i for ent in doc.ents for token in ent}
    spans: list[Span] = []
    for token in doc:
        word = corrected.get(token.i) or token.lower_
        if word not in SEGMENT_WORDS:
            continue
        letters = _letters_before(doc, token.i, covered) or _letters_after(doc, token.i, covered)
        for index in letters:
            spans.append(_segment_span(doc, index))
    for token in doc[1:-1]:  # "A/B", "C/D" without the word "segment"
        left, right = doc[token.i - 1], doc[token.i + 1]
        pair = token.text == "/" and _is_letter(left) and _is_letter(right)
        if pair and left.i not in covered and right.i not in covered:
            spans.extend(_segment_span(doc, t.i) for t in (left, right))
    if spans:
        _add_spans(doc, spans)
    return doc


def _is_letter(token: Token) -> bool:
    return len(token.text) == 1 and token.lower_ in SEGMENT_LETTERS


def _segment_span(doc: Doc, index: int) -> Span:
    letter = doc[index].text.upper()
    return Span(doc, index, index + 1, label="SEGMENT", span_id=entity_id("segment", letter))


def _letters_before(doc: Doc, start: int, covered: set[int]) -> list[int]:
    found: list[int] = []
    index = start - 1
    while index >= 0:
        token = doc[index]
        if token.i in covered:
            break
        if _is_letter(token):
            found.append(index)
        elif token.lower_ not in LIST_JOINERS:
            break
        index -= 1
    article = len(found) == 1 and doc[found[0]].text == "a" and found[0] == start - 1
    if article and not (found[0] > 0 and doc[found[0] - 1].lower_ == "the"):
        return []  # "a segment" is the article; "the a segment" is segment A
    return found


def _letters_after(doc: Doc, start: int, covered: set[int]) -> list[int]:
    found: list[int] = []
    for token in doc[start + 1:]:
        if token.i in covered:
            break
        if _is_letter(token):
            found.append(token.i)
        elif token.lower_ not in LIST_JOINERS:
            break
    return found


@Language.factory(
    "fuzzy_linker",
    default_config={
        "min_length": thresholds.FUZZY_MIN_LENGTH,
        "max_edits_short": thresholds.FUZZY_MAX_EDITS_SHORT,
        "max_edits_long": thresholds.FUZZY_MAX_EDITS_LONG,
        "long_length": thresholds.FUZZY_LONG_LENGTH,
    },
)
def make_fuzzy_linker(nlp: Language, name: str, *, min_length: int, max_edits_short: int,
                      max_edits_long: int, long_length: int) -> FuzzyLinker:
    return FuzzyLinker(min_length=min_length, max_edits_short=max_edits_short,
                       max_edits_long=max_edits_long, long_length=long_length)


class FuzzyLinker:
    """Link misspelt names ("Mitsubshi", "autonmous", "Eurpoe") with rapidfuzz.

    Only tokens that are not everyday English words are tried, so "lead" never becomes "Leeds".
    Two candidates equally close to different things are recorded in `doc._.ambiguous`.
    """

    def __init__(self, *, min_length: int, max_edits_short: int, max_edits_long: int,
                 long_length: int) -> None:
        self.min_length = min_length
        self.max_edits_short = max_edits_short
        self.max_edits_long = max_edits_long
        self.long_length = long_length
        self.choices: dict[int, dict[str, tuple[str, str, str | None]]] = {}
        self.common_words: frozenset[str] = frozenset()
        self._cache: dict[str, list[tuple[str, float, int]]] = {}
        self._by_length: dict[tuple[int, int], list[str]] = {}

    def set_choices(self, names: dict[str, tuple[str, str, str | None]],
                    common_words: frozenset[str], tokenizer: Any) -> None:
        """`names`: lower-case name -> (kind, id, country); kind "cue" corrects a cue word.

        Names are grouped by their number of tokens, so a window of the question is only
        compared with names of the same width.
        """
        self.choices = {}
        self._by_length = {}
        self._cache = {}
        for name, entry in names.items():
            plain = name.replace(" ", "").isalpha()
            width = name.count(" ") + 1 if plain else len(tokenizer(name))
            if width <= MAX_WINDOW:
                self.choices.setdefault(width, {})[name] = entry
                self._by_length.setdefault((width, len(name)), []).append(name)
        self.common_words = common_words

    def _split_words(self, doc: Doc, table: TokenTable) -> list[Span]:
        """"ph ev" is "PHEV" typed with a space: two words that are not both everyday English
        and that together make a name are read as that name (an exact match may sit on one of
        them: "ev" alone would name the EV powertrain)."""
        spans = []
        words = self.choices.get(1, {})
        for i in range(len(doc) - 1):
            if not (table.alpha[i] and table.alpha[i + 1]):
                continue
            joined = table.lowers[i] + table.lowers[i + 1]
            entry = words.get(joined)
            everyday = (table.lowers[i] in self.common_words
                        and table.lowers[i + 1] in self.common_words)
            if entry is None or everyday or entry[0] == "cue":
                continue
            kind, ident, country = entry
            doc._.corrections.append((doc[i:i + 2].text, joined))
            span = Span(doc, i, i + 2, label=kind.upper(), span_id=entity_id(kind, ident, country))
            span._.score = 0.9
            spans.append(span)
        return spans

    def _closest(self, query: str, width: int) -> list[tuple[str, float, int]]:
        """The three names nearest to `query` within the edit budget (cached: typos repeat)."""
        cached = self._cache.get(query)
        if cached is None:
            budget = self.max_edits(len(query))
            # only names whose length is within the edit budget can match
            near = [name for length in range(len(query) - budget, len(query) + budget + 1)
                    for name in self._by_length.get((width, length), ())]
            cached = process.extract(query, near, scorer=OSA.distance,
                                     processor=utils.default_process, limit=3,
                                     score_cutoff=budget)
            if len(self._cache) >= CACHE_SIZE:
                self._cache.clear()
            self._cache[query] = cached
        return cached

    def max_edits(self, length: int) -> int:
        return self.max_edits_long if length >= self.long_length else self.max_edits_short

    def __call__(self, doc: Doc) -> Doc:
        if not self.choices:
            LOGGER.warning("fuzzy_linker has no names to link to")
            return doc
        covered = {token.i for ent in doc.ents for token in ent}
        doc._.corrections = []
        doc._.ambiguous = []
        spans: list[Span] = []
        table = token_table(doc)
        unknown = [alpha and len(lower) >= self.min_length and lower not in self.common_words
                   for alpha, lower in zip(table.alpha, table.lowers, strict=True)]
        spans.extend(self._split_words(doc, table))
        covered |= {i for span in spans for i in range(span.start, span.end)}
        index = 0 if any(unknown) else len(doc)
        while index < len(doc):
            linked = self._link_at(doc, index, covered, unknown)
            if linked is None:
                index += 1
                continue
            span, width = linked
            if span is not None:
                spans.append(span)
            index += width
        if spans:
            _add_spans(doc, spans)
        return doc

    def _link_at(self, doc: Doc, start: int, covered: set[int],
                 unknown: list[bool]) -> tuple[Span | None, int] | None:
        table = token_table(doc)
        for width in range(MAX_WINDOW, 0, -1):
            end = start + width
            if end > len(doc) or not (table.alpha[start] and table.alpha[end - 1]):
                continue
            if not any(unknown[i] and i not in covered for i in range(start, end)):
                continue
            if any(not table.alpha[i] and table.texts[i] not in WINDOW_PUNCT
                   for i in range(start, end)):
                continue
            tokens = doc[start:end]
            query = tokens.text.lower()
            choices = self.choices.get(width)
            if not choices:
                continue
            found = self._closest(query, width)
            if not found:
                continue
            best_name, best_distance, _ = found[0]
            kind, ident, country = choices[best_name]
            rivals = [name for name, distance, _ in found[1:]
                      if distance == best_distance and choices[name][:2] != (kind, ident)
                      and fuzz.ratio(query, best_name) - fuzz.ratio(query, name)
                      < 100 * thresholds.AMBIGUITY_MARGIN]
            score = 1.0 - best_distance / max(len(best_name), 1)
            if rivals:
                doc._.ambiguous.append(
                    (tokens.text, [(name, *choices[name]) for name in [best_name, *rivals]]))
                return None, width
            doc._.corrections.append((tokens.text, best_name))
            if kind == "cue":
                corrected_words(doc)[start] = best_name
                return None, width
            span = Span(doc, start, start + width, label=kind.upper(),
                        span_id=entity_id(kind, ident, country))
            span._.score = score
            return span, width
        return None


@Language.factory("phrase_cues")
def make_phrase_cues(nlp: Language, name: str) -> PhraseCues:
    return PhraseCues()


class PhraseCues:
    """Find question cues ("who", "in charge", "follow") and fact keywords on lemmas.

    All tables share one phrase index, so the question is scanned once whatever their number.
    """

    def __init__(self) -> None:
        self.index: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        self.first_words: set[str] = set()
        self.order: dict[str, list[str]] = {}

    def set_tables(self, tables: dict[str, dict[str, list[tuple[str, ...]]]]) -> None:
        """`tables`: table name ("cues", "facts", ...) -> entry name -> phrases."""
        self.index = {}
        self.order = {name: list(entries) for name, entries in tables.items()}
        for name, entries in tables.items():
            for entry, phrases in entries.items():
                for phrase in phrases:
                    if phrase:
                        self.index.setdefault(phrase, []).append((name, entry))
        self.first_words = {phrase[0] for phrase in self.index}

    def __call__(self, doc: Doc) -> Doc:
        corrected = corrected_words(doc)
        tokens = token_table(doc)
        lemmas = [corrected.get(i, lemma) for i, lemma in enumerate(tokens.lemmas)]
        matches: set[tuple[str, str, int]] = set()
        for sequence in (lemmas, tokens.lowers):
            matches.update(_find(sequence, self.index, self.first_words))
        counts: dict[tuple[str, str], int] = {}
        for name, entry, _start in matches:
            counts[name, entry] = counts.get((name, entry), 0) + 1
        for name, entries in self.order.items():
            # in the order the data lists them, so ties go to the entry listed first
            setattr(doc._, name, {e: counts[name, e] for e in entries if (name, e) in counts})
        return doc


def _find(words: list[str], index: dict[tuple[str, ...], list[tuple[str, str]]],
          first: set[str]) -> Iterable[tuple[str, str, int]]:
    """(table, entry, start) for every phrase of `index` found in `words`."""
    for start in range(len(words)):
        if words[start] not in first:
            continue
        for size in range(1, min(MAX_NGRAM, len(words) - start) + 1):
            for name, entry in index.get(tuple(words[start:start + size]), ()):
                yield name, entry, start
