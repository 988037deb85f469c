"""`segment_finder`: "D segment", "C and D segments", "segment B", "A/B" as SEGMENT entities."""

from __future__ import annotations

import unicodedata

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from intents.components.tokens import add_spans, corrected_words, entity_id

SEGMENT_WORDS = frozenset({"segment", "segments", "seg", "segs", "segment-", "セグメント", "セグ"})
SEGMENT_LETTERS = frozenset("abcdef")
# "segments A to F", "A-F", "A à F", "A～F": every segment from one letter to the other
RANGE_WORDS = frozenset({"to", "through", "thru", "till", "until", "-", "–", "—", "à", "au",
                         "~", "～", "〜"})
# ("segment A et B", "A・Bセグメント", "CとDセグメント")
LIST_JOINERS = frozenset({"and", "&", ",", "/", "or", "+", "et", "ou", "・", "と", "、",
                          "や"}) | RANGE_WORDS
SEGMENT_RANGES = "segment_ranges"  # doc.user_data: (first, last) letters of each range
UNKNOWN_SEGMENT = "unknown_segment"  # doc.user_data: "Q segment", a letter no segment has


@Language.component("segment_finder")
def segment_finder(doc: Doc) -> Doc:
    """Mark "D segment", "C and D segments", "segment B", "A/B" as SEGMENT entities."""
    corrected = corrected_words(doc)
    text = doc.text.lower()
    if "seg" not in text and "セグ" not in text and "/" not in text \
            and "segment" not in corrected.values():
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
    for ent in doc.ents:
        # "segment C ou D", "A・Bセグメント": letters joined to a segment already named
        # (a joiner between: "le segment A c qui le lead" names A only)
        if ent.label_ == "SEGMENT":
            joined = (_letters_after(doc, ent.end - 1, covered)
                      if ent.end < len(doc) and _joins(doc[ent.end]) else []) \
                + (_letters_before(doc, ent.start, covered)
                   if ent.start > 0 and _joins(doc[ent.start - 1]) else [])
            spans.extend(_segment_span(doc, index) for index in joined)
    for token in doc[1:-1]:  # "A/B", "C/D" without the word "segment"
        left, right = doc[token.i - 1], doc[token.i + 1]
        pair = token.text == "/" and _is_letter(left) and _is_letter(right)
        if pair and left.i not in covered and right.i not in covered:
            spans.extend(_segment_span(doc, t.i) for t in (left, right))
    if spans:
        named = {token.i for ent in doc.ents if ent.label_ == "SEGMENT" for token in ent
                 if _is_letter(token)}
        add_spans(doc, spans)
        doc.user_data[SEGMENT_RANGES] = _ranges(doc, sorted({span.start for span in spans}
                                                            | named))
    else:
        unknown = _unknown_letter(doc, corrected)
        if unknown:
            doc.user_data[UNKNOWN_SEGMENT] = unknown
    return doc


def _unknown_letter(doc: Doc, corrected: dict[int, str]) -> str:
    """"Q-segment", "segment Z": a letter the classification doesn't have, as typed."""
    for token in doc:
        if (corrected.get(token.i) or token.lower_) not in SEGMENT_WORDS:
            continue
        for index in (token.i - 1, token.i + 1):
            if 0 <= index < len(doc) and len(doc[index].text) == 1 \
                    and doc[index].text.isupper() and doc[index].lower_ not in SEGMENT_LETTERS:
                letter = unicodedata.normalize("NFKC", doc[index].text)
                word = corrected.get(token.i) or token.lower_
                return f"{letter}{word}" if not word.isascii() else f"{letter} segment"
    return ""


def _ranges(doc: Doc, letters: list[int]) -> list[tuple[str, str]]:
    """Letters joined by a range word ("A to F") stand for every letter between."""
    return [(doc[left].text.upper(), doc[right].text.upper())
            for left, right in zip(letters, letters[1:], strict=False)
            if right - left == 2 and (doc[left + 1].lower_ in RANGE_WORDS
                                      or _is_range_a(doc[left + 1]))]


def _joins(token: Token) -> bool:
    return token.lower_ in LIST_JOINERS or _is_range_a(token)


def _is_letter(token: Token) -> bool:
    return len(token.text) == 1 and token.lower_ in SEGMENT_LETTERS and not _is_range_a(token)


def _is_range_a(token: Token) -> bool:
    """"A a F": French "à" with its accent dropped, between two capital letters."""
    doc = token.doc
    return token.text == "a" and 0 < token.i < len(doc) - 1 and all(
        len(t.text) == 1 and t.text.isupper() and t.lower_ in SEGMENT_LETTERS
        for t in (doc[token.i - 1], doc[token.i + 1]))


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
        if token.text == "a" and found and found[-1] == index + 1:
            break  # "for a C segment": the article before a letter
        if _is_letter(token):
            found.append(index)
        elif token.lower_ not in LIST_JOINERS and not _is_range_a(token):
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
        elif token.lower_ not in LIST_JOINERS and not _is_range_a(token):
            break
    return found
