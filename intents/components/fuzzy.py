"""`fuzzy_linker`: misspelt names ("Mitsubshi", "autonmous", "Eurpoe") linked with rapidfuzz."""

from __future__ import annotations

import logging
from collections.abc import Container
from typing import Any

from rapidfuzz import fuzz, process, utils
from rapidfuzz.distance import OSA
from spacy.language import Language
from spacy.tokens import Doc, Span

from intents import thresholds
from intents.components.tokens import (
    TokenTable,
    add_spans,
    corrected_words,
    entity_id,
    token_table,
)

LOGGER = logging.getLogger(__name__)
MAX_WINDOW = 4  # longest name (in tokens) fuzzy matching tries
WINDOW_PUNCT = frozenset({"-", "/", "."})
SIGNATURE = "signature_tokens"  # [start, end) of a name signing the message off
CACHE_SIZE = 50_000  # fuzzy lookups remembered (cleared when full)
FACT_WORD = "fact_word"  # a choice that corrects a word of a fact ("benifit"): yields to names


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


def squeezed(text: str) -> str:
    """`text` with each run of one letter written once: "morroco" and "morocco" -> "moroco"."""
    return "".join(char for i, char in enumerate(text) if i == 0 or char != text[i - 1])


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
        self.common_words: Container[str] = frozenset()
        self._cache: dict[str, list[tuple[str, float, int]]] = {}
        self._by_length: dict[tuple[int, int], list[str]] = {}
        self._squeezed: dict[tuple[int, str], list[str]] = {}
        self.sign_offs: frozenset[str] = frozenset()  # "thanks", "cheers": a name follows
        # everyday words by length and first letter, built when first needed
        self._common_by_length: dict[tuple[int, str], list[str]] | None = None
        self._nearer: dict[tuple[str, float], bool] = {}

    def set_choices(self, names: dict[str, tuple[str, str, str | None]],
                    common_words: Container[str], tokenizer: Any) -> None:
        """`names`: lower-case name -> (kind, id, country); kind "cue" corrects a cue word.

        Names are grouped by their number of tokens, so a window of the question is only
        compared with names of the same width.
        """
        self.choices = {}
        self._by_length = {}
        self._squeezed = {}
        self._cache = {}
        for name, entry in names.items():
            plain = name.replace(" ", "").isalpha() and name.isascii()
            width = name.count(" ") + 1 if plain else len(tokenizer(name))
            if width <= MAX_WINDOW:
                self.choices.setdefault(width, {})[name] = entry
                self._by_length.setdefault((width, len(name)), []).append(name)
                self._squeezed.setdefault((width, squeezed(name)), []).append(name)
        self.common_words = common_words
        self._common_by_length = None
        self._nearer = {}

    def _nearer_word(self, query: str, distance: float) -> bool:
        """An everyday word is nearer than the name found: "companys" is a slip of "company",
        not of "compacts" (a tie keeps the name: "brazl" is "brazil" as much as "brawl")."""
        key = (query, distance)
        found = self._nearer.get(key)
        if found is None:
            if self._common_by_length is None:
                # by length and first letter: a slip one edit away rarely changes the first
                table: dict[tuple[int, str], list[str]] = {}
                if isinstance(self.common_words, (set, frozenset)):
                    for word in self.common_words:
                        table.setdefault((len(word), word[:1]), []).append(word)
                self._common_by_length = table
            near = [word for length in range(len(query) - 1, len(query) + 2)
                    for word in self._common_by_length.get((length, query[:1]), ())]
            found = distance > 1 and process.extractOne(
                query, near, scorer=OSA.distance, score_cutoff=distance - 1) is not None
            if len(self._nearer) >= CACHE_SIZE:
                self._nearer.clear()
            self._nearer[key] = found
        return found

    def closest(self, word: str, limit: int = 3) -> list[tuple[str, str, str, str | None]]:
        """Names of the knowledge base that look like `word`, to ask back with when it matched
        nothing ("Zorbistan": Uzbekistan?): (name, kind, id, country), closest first."""
        size = len(word)  # a name much longer or shorter is never this similar: skip it cheaply
        names = [name for length in range(size - 2, size + 3)
                 for name in self._by_length.get((1, length), ())
                 if self.choices[1][name][0] != "cue"]
        found = process.extract(word, names, scorer=fuzz.ratio, processor=utils.default_process,
                                score_cutoff=thresholds.ASK_BACK_SIMILARITY, limit=limit * 3)
        out: list[tuple[str, str, str, str | None]] = []
        for name, _score, _index in found:
            kind, ident, country = self.choices[1][name]
            if all((kind, ident) != (k, i) for _, k, i, _ in out):
                out.append((name, kind, ident, country))
        return out[:limit]

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
            # the budget of the shorter of the two: "latveria" is not two edits from "Latvia"
            cached = [(name, distance, index) for name, distance, index in process.extract(
                query, near, scorer=OSA.distance, processor=utils.default_process, limit=3,
                score_cutoff=budget) if distance <= self.max_edits(min(len(query), len(name)))]
            # a letter doubled or not is one slip, however many times it happens
            # ("morroco", "phillipines", "carribean")
            seen = {name for name, _, _ in cached}
            cached += [(name, 1, -1) for name in self._squeezed.get((width, squeezed(query)), ())
                       if name not in seen and name != query
                       and self.max_edits(min(len(query), len(name))) >= 1]
            cached.sort(key=lambda found: found[1])
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
        signature = self._signature(table)
        for i in signature:
            unknown[i] = False
        if signature:  # the intent step leaves a name found there out too ("thx, Victoria")
            doc.user_data[SIGNATURE] = [signature.start, signature.stop]
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
            add_spans(doc, spans)
        return doc

    def _signature(self, table: TokenTable) -> range:
        """The tokens of a name signing the message off: capitalised words at its end after a
        sign-off and a comma or dash ("thanks, Kasia", "merci - Jean-Marc", "cheers, Ana")."""
        end = len(table.texts)
        while end and not table.alpha[end - 1] and table.texts[end - 1] in ".!)":
            end -= 1
        start = end
        while start and (table.alpha[start - 1] or table.texts[start - 1] == "-") \
                and table.texts[start - 1][:1].isupper() and end - start < 3:
            start -= 1
        if start == end or start < 2 or table.texts[start - 1] not in (",", "-", "–", "—"):
            return range(0)
        previous = table.lowers[max(0, start - 3):start - 1]
        said = {previous[-1], " ".join(previous[-2:])} if previous else set()
        return range(start, end) if said & self.sign_offs else range(0)

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
            # a word of a fact gives way to a name as near ("caire": Cairo, not "cadre")
            found = sorted(found, key=lambda item: (item[1], choices[item[0]][0] == FACT_WORD,
                                                    -fuzz.ratio(query, item[0])))
            best_name, best_distance, _ = found[0]
            kind, ident, country = choices[best_name]
            if width == 1 and self._nearer_word(query, best_distance):
                return None, width
            rivals = [name for name, distance, _ in found[1:]
                      if distance == best_distance and choices[name][:2] != (kind, ident)
                      and choices[name][0] != FACT_WORD
                      # "followrs": "followers" or "follows", a cue word either way
                      and not (kind == "cue" and choices[name][0] == "cue")
                      and fuzz.ratio(query, best_name) - fuzz.ratio(query, name)
                      < 100 * thresholds.AMBIGUITY_MARGIN]
            score = 1.0 - best_distance / max(len(best_name), 1)
            if rivals:
                doc._.ambiguous.append(
                    (tokens.text, [(name, *choices[name]) for name in [best_name, *rivals]]))
                return None, width
            doc._.corrections.append((tokens.text, best_name))
            if kind in ("cue", FACT_WORD):
                corrected_words(doc)[start] = ident  # the cue word's lemma
                return None, width
            span = Span(doc, start, start + width, label=kind.upper(),
                        span_id=entity_id(kind, ident, country))
            span._.score = score
            return span, width
        return None
