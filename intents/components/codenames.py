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
# a city's or state's name beside "project" is a code name; a country's ("the China program") is
# not
LOCAL = frozenset({"CITY", "SUBDIVISION"})
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
            # a city's name beside a word for a programme, or with a number
            local = ent.label_ in LOCAL
            span = _coded(doc, ent.start, ent.end) or (
                self._with_programme(doc, table.lowers, ent.start, ent.end)
                or _numbered(doc, ent.start, ent.end) if local else None)
            if span:
                names.append(span)
            else:
                kept.append(ent)
        if names:
            doc.ents = kept
            doc.user_data[CODE_NAMES] = names
        return doc

    def _with_programme(self, doc: Doc, lowers: list[str], start: int,
                        end: int) -> tuple[int, int] | None:
        """"project Phoenix", "the Oslo initiative", "the Osaka Bridge programme": the name
        with its word for a programme (up to two capitalised words or a number between)."""
        if start > 0 and lowers[start - 1] in self.programmes:
            return start - 1, end
        after = end
        while after < len(doc) and after - end < 2 and not doc[after].ent_type_ and (
                doc[after].is_title or doc[after].is_digit):
            after += 1
        if after < len(lowers) and lowers[after] in self.programmes:
            return start, after + 1
        return None


def _coded(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """"Aurora-X", "Sahara-5": the name with its code, when a hyphen glues one to it."""
    if end + 1 < len(doc) and doc[end].text in HYPHENS and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and is_code(doc[end + 1].text):
        return start, end + 2
    if start >= 2 and doc[start - 1].text in HYPHENS and not doc[start - 2].whitespace_ \
            and not doc[start - 1].whitespace_ and is_code(doc[start - 2].text):
        return start - 2, end  # "X-Aurora"
    return None


def _numbered(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """"the Chicago 2030 plan": a city's name and a number name an event or a programme."""
    if end < len(doc) and doc[end].is_digit:
        return start, end + 1
    return None


def is_code(text: str) -> bool:
    """"7", "X", "2B", "MK": digits, or one or two capitals, as a code is written."""
    return bool(text) and len(text) <= 3 and text.isalnum() and text.isascii() and (
        any(c.isdigit() for c in text) or text.isupper() and len(text) <= 2)
