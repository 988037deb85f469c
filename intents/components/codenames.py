"""`code_names`: a place's name used as a programme's code name is no place.

"the Aurora-X programme", "project Phoenix", "le programme Baltica-2": a name glued by a hyphen
to a code (digits, or one or two capitals), or a city's name right beside a word for a
programme, names the programme. Its entity goes; the code name is kept in `doc.user_data` so
the question reads as one about a name the knowledge base doesn't hold.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from intents.components.tokens import token_table

CODE_NAMES = "code_names"  # doc.user_data: (start, end) of programmes' names read as no place
CITY = "CITY"  # a city beside "project" is a code name; a country ("the China program") is not
HYPHENS = frozenset({"-", "‐", "–"})


@Language.factory("code_names")
def make_code_names(nlp: Language, name: str) -> CodeNames:
    return CodeNames()


class CodeNames:
    def __init__(self) -> None:
        self.programmes: frozenset[str] = frozenset()

    def set_words(self, programmes: Iterable[str]) -> None:
        """Words for a programme ("project", "initiative", "projet")."""
        self.programmes = frozenset(word.lower() for word in programmes)

    def __call__(self, doc: Doc) -> Doc:
        if not doc.ents:
            return doc
        table = token_table(doc)
        kept, names = [], []  # names: (start, end) of each code name
        for ent in doc.ents:
            span = _coded(doc, ent.start, ent.end) or (
                self._with_programme(table.lowers, ent.start, ent.end) if ent.label_ == CITY
                else None)
            if span:
                names.append(span)
            else:
                kept.append(ent)
        if names:
            doc.ents = kept
            doc.user_data[CODE_NAMES] = names
        return doc

    def _with_programme(self, lowers: list[str], start: int, end: int) -> tuple[int, int] | None:
        """"project Phoenix", "the Oslo initiative": the name with its word for a programme."""
        if start > 0 and lowers[start - 1] in self.programmes:
            return start - 1, end
        if end < len(lowers) and lowers[end] in self.programmes:
            return start, end + 1
        return None


def _coded(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """"Aurora-X", "Sahara-5": the name with its code, when a hyphen glues one to it."""
    if end + 1 < len(doc) and doc[end].text in HYPHENS and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and _is_code(doc[end + 1].text):
        return start, end + 2
    if start >= 2 and doc[start - 1].text in HYPHENS and not doc[start - 2].whitespace_ \
            and not doc[start - 1].whitespace_ and _is_code(doc[start - 2].text):
        return start - 2, end  # "X-Aurora"
    return None


def _is_code(text: str) -> bool:
    """"7", "X", "2B", "MK": digits, or one or two capitals, as a code is written."""
    return bool(text) and len(text) <= 3 and text.isalnum() and text.isascii() and (
        any(c.isdigit() for c in text) or text.isupper() and len(text) <= 2)
