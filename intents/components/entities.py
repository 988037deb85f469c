"""`kb_entities`: every knowledge-base name in a question, as entities."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from intents.components.tokens import token_table

LOGGER = logging.getLogger(__name__)


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
        self.widest: dict[str, int] = {}  # first word -> words in the longest name it begins
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
        for name in names:
            words = name.split()
            self.widest[words[0]] = max(self.widest.get(words[0], 0), len(words))
        self.longest = max([self.longest, *self.widest.values()])
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
                spans.append(entity_span(doc, start, end, ident))
        for match_id, start, end in self.tokens(doc):
            spans.append(entity_span(doc, start, end, doc.vocab.strings[match_id]))
        spans.extend(self._places(doc))
        doc.ents = filter_spans(spans)
        return doc

    def _places(self, doc: Doc) -> Iterable[Span]:
        table = token_table(doc)
        lowers = table.lowers
        for start, alpha in enumerate(table.alpha):
            if not alpha and not lowers[start][:1].isalpha():  # "St. Lucia", "Xi'an"
                continue
            widest = self.widest.get(lowers[start])
            if widest is None:
                continue  # no place name begins with this word
            for width in range(min(widest, len(doc) - start), 0, -1):
                words = " ".join(lowers[start:start + width])
                ident = self.gazetteer.get(words)
                if ident is None:
                    continue
                if words in self.title_only and not table.title[start]:
                    continue
                yield entity_span(doc, start, start + width, ident)
                break


def entity_span(doc: Doc, start: int, end: int, ident: str) -> Span:
    return Span(doc, start, end, label=ident.split("|", 1)[0].upper(), span_id=ident)
