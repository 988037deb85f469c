"""The shape of every knowledge-base file, validated on load with pydantic.

Cross-references (a leader that is not a company, a scope naming an unknown region) are checked
by the loader after each file parses on its own.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SEGMENT_LETTERS = ("A", "B", "C", "D", "E", "F")
# The languages the bot answers in; English is the reference every other one is checked against.
LANGUAGES = ("en", "fr", "ja")
OTHER_LANGUAGES = LANGUAGES[1:]


def _is_localised(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and set(value) <= set(LANGUAGES) \
        and "en" in value


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Localised(Strict):
    """An entry whose texts and word lists may be given per language: `name: {en, fr, ja}`.

    The English value stays in the field itself (what the English pipeline and answers read);
    the others go to `i18n`, keyed by field ("name", "aliases", "country_notes.MX").
    """

    i18n: dict[str, dict[str, Any]] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _split_languages(cls, raw: Any) -> Any:
        if not isinstance(raw, dict):
            return raw
        out = dict(raw)
        i18n: dict[str, dict[str, Any]] = {}
        for key, value in raw.items():
            if _is_localised(value):
                out[key] = value["en"]
                i18n[key] = {lang: v for lang, v in value.items() if lang != "en"}
            elif isinstance(value, dict):
                inner = dict(value)
                for sub, text in value.items():
                    if _is_localised(text):
                        inner[sub] = text["en"]
                        i18n[f"{key}.{sub}"] = {k: v for k, v in text.items() if k != "en"}
                out[key] = inner
        if i18n:
            out["i18n"] = i18n
        return out

    def local(self, key: str, lang: str) -> Any:
        """The value of `key` in `lang` (None when the data gives none)."""
        if lang == "en":
            head, _, sub = key.partition(".")
            value = getattr(self, head)
            return value.get(sub) if sub else value
        return self.i18n.get(key, {}).get(lang)


class SourceRef(Strict):
    """Where a fact is stated; `document` defaults to the only/first document."""

    document: str | None = None
    paragraph: int = Field(ge=1)
    as_of: date | None = None


class Document(Strict):
    id: str
    title: str
    as_of: date
    paragraphs: int = Field(ge=1)


class SourcesFile(Strict):
    documents: list[Document] = Field(min_length=1)


class Company(Localised):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    source: SourceRef


class CompaniesFile(Strict):
    companies: list[Company] = Field(min_length=1)
    non_members: list[str] = Field(default_factory=list)
    local_non_members: dict[str, list[str]] = Field(default_factory=dict)  # per language


class Region(Localised):
    id: str
    name: str
    leader: str
    source: SourceRef
    aliases: list[str] = Field(default_factory=list)
    countries: list[str] = Field(min_length=1)
    mapping_note: str = ""
    alias_notes: dict[str, str] = Field(default_factory=dict)  # lower-case alias -> note
    country_notes: dict[str, str] = Field(default_factory=dict)  # ISO code -> note
    followers: list[str] | None = None  # default: every member that is not the leader


class Area(Localised):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    parts: list[str] = Field(min_length=1)
    rest: str = ""


class Zone(Localised):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list)
    country_notes: dict[str, str] = Field(default_factory=dict)


class RegionsFile(Strict):
    regions: list[Region] = Field(min_length=1)
    areas: list[Area] = Field(default_factory=list)
    unassigned_zones: list[Zone] = Field(default_factory=list)
    country_aliases: dict[str, list[str]] = Field(default_factory=dict)
    city_aliases: dict[str, str] = Field(default_factory=dict)  # other name -> gazetteer name
    # Per language (not English): ISO code -> names, and city name -> gazetteer name.
    local_country_aliases: dict[str, dict[str, list[str]]] = Field(default_factory=dict)
    # (a name two cities share, "オークランド" for Auckland and Oakland, lists both)
    local_city_aliases: dict[str, dict[str, str | list[str]]] = Field(default_factory=dict)


class Scope(Strict):
    markets: list[str] = Field(default_factory=list)
    segments: list[str] = Field(default_factory=list)

    @field_validator("segments")
    @classmethod
    def _known_letters(cls, value: list[str]) -> list[str]:
        for letter in value:
            if letter not in SEGMENT_LETTERS:
                raise ValueError(f"unknown segment {letter!r} (expected one of A-F)")
        return value


class Technology(Localised):
    id: str
    name: str
    leader: str
    source: SourceRef
    aliases: list[str] = Field(default_factory=list)
    scope: Scope = Field(default_factory=Scope)
    note: str = ""
    related: list[str] = Field(default_factory=list)
    # technologies that are kinds of this one (a plug-in hybrid is an electrified powertrain):
    # asked for segments outside this one's scope, the kind that covers them is answered
    kinds: list[str] = Field(default_factory=list)
    followers: list[str] | None = None


class Family(Localised):
    id: str
    name: str
    members: list[str] = Field(min_length=2)
    aliases: list[str] = Field(default_factory=list)
    # members whose names, said loosely ("the EV stuff", "electric car things", "電気自動車
    # まわり": a name and a word of `vague` in the cue files), mean the whole family
    loosely: list[str] = Field(default_factory=list)


class Topic(Localised):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)


class TechnologiesFile(Strict):
    technologies: list[Technology] = Field(min_length=1)
    families: list[Family] = Field(default_factory=list)
    unassigned_topics: list[Topic] = Field(default_factory=list)


class Segment(Localised):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _letter(cls, value: str) -> str:
        if value not in SEGMENT_LETTERS:
            raise ValueError(f"unknown segment {value!r} (expected one of A-F)")
        return value


class SegmentsFile(Strict):
    segments: list[Segment] = Field(min_length=1)


class Fact(Localised):
    id: str
    title: str
    text: str = Field(min_length=1)
    keywords: list[str] = Field(min_length=1)
    hints: list[str] = Field(default_factory=list)
    # Phrases a yes/no question may contain that the fact contradicts ("did they split up?").
    denies: list[str] = Field(default_factory=list)
    # The companies the fact is about; a yes/no question naming another one is answered "No"
    # ("is Senard the chairman of Nissan?"). Empty: the fact is about the Alliance as a whole.
    companies: list[str] = Field(default_factory=list)
    # The one of `companies` the fact shows leading (the Xpander and the Livina: Mitsubishi's
    # model came first, Nissan's followed on it): named as the leader when a question asks
    # for a company ("who made the Xpander?"), not when it asks for a model.
    leader: str | None = None
    sources: list[int | SourceRef] = Field(min_length=1)
    as_of: date | None = None
    # The source leaves the question open ("is the plan working?": time will tell): a yes/no
    # question about it is answered with the fact, never with a Yes or a No.
    open: bool = False
    # The fact about the model as a whole: its hints are the words every question about the
    # plan uses ("the leader-follower model"), so another fact's hints come first.
    general: bool = False
    # The fact gives an amount ("about half of the vehicles"): "how much will be jointly
    # developed?" asks it, where "how much" otherwise asks a price the plan doesn't give.
    amount: bool = False


class FactsFile(Strict):
    facts: list[Fact] = Field(min_length=1)
