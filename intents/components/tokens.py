"""Token-level data every component shares: the entity id format, a table of token attributes
read once per question, and the corrections fuzzy matching made."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

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


def add_spans(doc: Doc, spans: Iterable[Span]) -> None:
    doc.ents = filter_spans([*doc.ents, *spans])
