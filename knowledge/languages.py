"""The languages the knowledge base speaks: every name, note and fact text shown in an answer
exists in English, French and Japanese (`name: {en, fr, ja}` in the data files).

`check_languages` refuses a knowledge base with a missing translation, naming file, entry and
field; `translations` indexes the English texts so an answer can be said in another language.
Country names come from pycountry's own ISO 3166 gettext catalogues, not from the data files
(the everyday names of the Unicode CLDR, "Biélorussie", are generated into `cities.json`).
"""

from __future__ import annotations

import gettext
from functools import cache
from typing import TYPE_CHECKING, Any

import pycountry

from knowledge.errors import KnowledgeError
from knowledge.schema import OTHER_LANGUAGES, Localised

if TYPE_CHECKING:
    from knowledge.loader import KnowledgeBase

LANGUAGE_NAMES = {"fr": "French", "ja": "Japanese"}
# Fields whose text an answer shows: each needs every language. Aliases and keywords may be
# empty in a language (the English ones are read everywhere).
SHOWN_TEXT = ("name", "text", "note", "mapping_note", "rest")
SHOWN_NOTES = ("country_notes", "alias_notes")


def _entries(kb: KnowledgeBase) -> list[tuple[str, Localised]]:
    return [
        *(("companies.yaml", e) for e in kb.companies.values()),
        *(("regions.yaml", e) for e in kb.regions.values()),
        *(("regions.yaml", e) for e in kb.areas.values()),
        *(("regions.yaml", e) for e in kb.zones.values()),
        *(("technologies.yaml", e) for e in kb.technologies.values()),
        *(("technologies.yaml", e) for e in kb.families.values()),
        *(("technologies.yaml", e) for e in kb.topics.values()),
        *(("segments.yaml", e) for e in kb.segments.values()),
        *(("facts.yaml", e) for e in kb.facts.values()),
    ]


def _shown_fields(entry: Localised) -> list[str]:
    keys = [key for key in SHOWN_TEXT if getattr(entry, key, "")]
    for group in SHOWN_NOTES:
        keys += [f"{group}.{sub}" for sub, text in (getattr(entry, group, None) or {}).items()
                 if text]
    return keys


def check_languages(kb: KnowledgeBase) -> None:
    """Raise `KnowledgeError` when a shown text lacks its French or Japanese version."""
    for file, entry in _entries(kb):
        for key in _shown_fields(entry):
            for lang in OTHER_LANGUAGES:
                value = entry.local(key, lang)
                if not isinstance(value, str) or not value.strip():
                    raise KnowledgeError(
                        f"{file}: entry {entry.id!r}, field '{key}.{lang}': missing "
                        f"{LANGUAGE_NAMES[lang]} text (give {key.split('.')[0]}: "
                        "{en: ..., fr: ..., ja: ...})")
    kb.translations = translations(kb)


def translations(kb: KnowledgeBase) -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for _file, entry in _entries(kb):
        for key in [*_shown_fields(entry), "title"]:
            english = entry.local(key, "en") if hasattr(entry, key.split(".")[0]) else None
            if isinstance(english, str) and english:
                local = {lang: entry.local(key, lang) for lang in OTHER_LANGUAGES}
                table.setdefault(english, {}).update(
                    {lang: text for lang, text in local.items() if isinstance(text, str)})
    return table


def local_list(entry: Localised, key: str, lang: str) -> list[Any]:
    """A per-language word list ("aliases", "keywords"): English, or that language's own."""
    value = entry.local(key, lang)
    return list(value or [])


@cache
def country_catalogue(lang: str) -> gettext.NullTranslations:
    """pycountry's ISO 3166-1 catalogue for `lang` (English: the names themselves)."""
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])


def country_names(code: str, lang: str) -> list[str]:
    """The names of one country in `lang`, from pycountry's catalogue ("Corée, République de",
    "大韓民国 (韓国)" give both their parts)."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return []
    catalogue = country_catalogue(lang)
    names: list[str] = []
    for attribute in ("name", "common_name", "official_name"):
        english = getattr(country, attribute, None)
        if not english:
            continue
        local = catalogue.gettext(english)
        names.append(local)
        if "(" in local:  # "大韓民国 (韓国)": the short name in brackets
            head, _, rest = local.partition("(")
            names += [head.strip(), rest.rstrip(")").strip()]
        if "," in local:  # "Corée, République de" -> "Corée"
            names.append(local.split(",")[0].strip())
    return list(dict.fromkeys(n for n in names if n))


def country_name(code: str, lang: str, aliases: list[str] | None = None) -> str:
    """How an answer in `lang` names a country: its common (or short) name; a catalogue name
    with a comma ("Corée, République de") gives way to the data's first alias."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    english = getattr(country, "common_name", None) or country.name
    local = country_catalogue(lang).gettext(english)
    if "(" in local:  # "大韓民国 (韓国)"
        return local.partition("(")[2].rstrip(")").strip()
    if "," in local:
        return aliases[0] if aliases else local.split(",")[0].strip()
    return local
