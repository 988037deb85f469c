"""Everything the pipeline matches, built from the knowledge base and the cue lexicon (data).

`build_vocabulary(kb)` returns the entity patterns (name -> kind and id), the fuzzy-linking
choices and the phrase tables for cues and facts. Nothing here is typed by hand: names come from
the knowledge base files, pycountry and the generated gazetteer.
"""

from __future__ import annotations

import calendar
import gzip
import json
import logging
from collections.abc import Container
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry
import yaml
from rapidfuzz import process
from rapidfuzz.distance import OSA

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader
from spacy.lang.en.stop_words import STOP_WORDS

from intents.languages import LanguageRules, read_language_cues, rules_for
from intents.text import fold_accents, join_model_name
from knowledge.languages import country_names, local_list
from knowledge.loader import CityKeys, KnowledgeBase
from knowledge.localise import contracted_forms

LOGGER = logging.getLogger(__name__)
CUES_FILE = Path(__file__).resolve().parent / "data" / "cues.yaml"
# A lower-case city name that is also a common English word ("nice", "reading") only counts
# when written capitalised, unless the city is this big.
BIG_CITY = 1_000_000
# A city sharing its name with one at least a quarter its size, where the plan answers the two
# apart, is answered for both ("Newcastle": Australia and South Africa); a smaller namesake is
# not ("London" is the UK's, not Ontario's).
RIVAL_CITY_SHARE = 4
# Cities below this size are matched exactly but never fuzzy-matched.
FUZZY_CITY = 1_000_000
# When several entries claim the same name, the first kind here wins.
# Written forms of words in place names: "St. Lucia", "Saint Lucia" and "St Lucia" are one place.
PLACE_WORD_FORMS = {"saint": ("st.", "st"), "sainte": ("ste.", "ste"), "mount": ("mt.", "mt"),
                    "fort": ("ft.",), "islands": ("is.",)}
PLACE_WORD_READINGS = {form: word for word, forms in PLACE_WORD_FORMS.items() for form in forms}
PRIORITY = ("region", "area", "zone", "tech", "family", "segment", "topic", "company",
            "non_member", "shared", "country", "subdivision", "city")


@dataclass(frozen=True)
class Entry:
    kind: str
    id: str
    country: str | None = None


@dataclass
class Vocabulary:
    names: dict[str, Entry] = field(default_factory=dict)  # lower-case name -> entry
    exact_case: dict[str, Entry] = field(default_factory=dict)  # names matched case-sensitively
    title_case_only: set[str] = field(default_factory=set)  # lower-case names needing capitals
    fuzzy: dict[str, Entry] = field(default_factory=dict)  # names fuzzy matching may link to
    cues: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # cue -> phrases
    list_kinds: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    facts: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    fact_hints: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    amount_facts: set[str] = field(default_factory=set)  # facts that give an amount
    general_facts: set[str] = field(default_factory=set)  # hints that yield to another fact's
    fact_denials: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    common_words: Container[str] = frozenset()
    raw_cues: dict = field(default_factory=dict)  # the cue file as read
    function_words: frozenset[str] = frozenset(STOP_WORDS)  # short upper-case names need capitals
    homes: dict[str, str] = field(default_factory=dict)  # ISO code -> "region:x" / "zone:y"

    def add(self, name: str, entry: Entry) -> None:
        name = fold_accents(name).replace("\u2019", "'").strip()
        if not name:
            return
        if entry.kind in PLACE_KINDS:
            for form in _place_forms(name):
                self._add(form, entry)
            return
        self._add(name, entry)

    def _add(self, name: str, entry: Entry) -> None:
        if "-" in name:  # "self-driving" is also typed "self driving" and "selfdriving"
            self._add(name.replace("-", " "), entry)
            self._add(name.replace("-", ""), entry)
        key = name.lower()
        if _is_case_sensitive(name, self.function_words):
            self.exact_case.setdefault(name, entry)
            return
        current = self.names.get(key)
        if current is not None and self.answers_differ(current, entry):
            # "Georgia": a country and a US state with different answers; both are read
            entry = Entry("shared", ";".join(sorted({*_readings(current), *_readings(entry)})))
            self.names[key] = entry
            return
        if current is None or PRIORITY.index(entry.kind) < PRIORITY.index(current.kind):
            if current is not None and current.kind != entry.kind and current.id != entry.id:
                LOGGER.debug("name %r: %s:%s wins over %s:%s", key, entry.kind, entry.id,
                             current.kind, current.id)
            self.names[key] = entry

    def answers_differ(self, current: Entry, entry: Entry) -> bool:
        """Two places of one name (a country and a US state) that the plan answers apart."""
        kinds = {current.kind, entry.kind}
        if not kinds <= {"country", "subdivision", "shared"} or current == entry:
            return False
        homes = {self.homes.get(code, "") for e in (current, entry) for code in _countries(e)}
        return len(homes) > 1


PLACE_KINDS = frozenset({"country", "subdivision", "city"})


def _readings(entry: Entry) -> list[str]:
    """The places a name stands for, as "kind:id:country" strings."""
    if entry.kind == "shared":
        return entry.id.split(";")
    return [f"{entry.kind}:{entry.id}:{entry.country or ''}"]


def _countries(entry: Entry) -> list[str]:
    return [reading.rsplit(":", 1)[1] for reading in _readings(entry)]


def _place_forms(name: str) -> list[str]:
    """"Saint Kitts" / "St. Kitts" / "St Kitts"; "Xi'an" / "Xian": the ways a place is written."""
    words = name.split(" ")
    forms = [name]
    for i, word in enumerate(words):
        lower = word.lower()
        options = PLACE_WORD_FORMS.get(lower, ())
        if lower in PLACE_WORD_READINGS:
            reading = PLACE_WORD_READINGS[lower]
            options = (reading, *(f for f in PLACE_WORD_FORMS[reading] if f != lower))
        for option in options:
            for form in list(forms):
                parts = form.split(" ")
                if parts[i].lower() == lower:
                    forms.append(" ".join([*parts[:i], option.title(), *parts[i + 1:]]))
    if "'" in name:
        forms += [form.replace("'", "") for form in forms]
    return list(dict.fromkeys(forms))


def _is_case_sensitive(name: str, function_words: frozenset[str] | set[str] = STOP_WORDS) -> bool:
    """Short upper-case names that are also function words ("US", French "AI") need their
    capitals."""
    return name.isupper() and len(name) <= 4 and name.lower().strip(".") in function_words


@cache
def read_cues() -> dict:
    return yaml.load(CUES_FILE.read_text(encoding="utf-8"), Loader=SafeLoader)


@cache
def lemma_lookup_table() -> dict[str, str]:
    """spacy-lookups-data's English lemma table (word -> lemma), read once per process."""
    data = resources.files("spacy_lookups_data") / "data" / "en_lemma_lookup.json.gz"
    return json.loads(gzip.decompress(data.read_bytes()))


@cache
def common_english_words() -> frozenset[str]:
    """Inflected forms and lemmas of everyday English, from spacy-lookups-data, and the words
    the table leaves out because they never inflect: the names of months and days ("june" is
    never a typo of Pune) and the points of the compass ("east trelvania" is no province
    named East)."""
    table = lemma_lookup_table()
    calendar_names = {name.lower() for name in [*calendar.month_name[1:], *calendar.day_name]}
    return frozenset(table) | frozenset(table.values()) | frozenset(STOP_WORDS) | \
        frozenset(calendar_names) | COMPASS_POINTS


COMPASS_POINTS = frozenset({"north", "south", "east", "west", "northeast", "northwest",
                            "southeast", "southwest"})


def _plural_forms(name: str) -> list[str]:
    if not name[-1:].isalpha() or name.isupper() and len(name) <= 3:
        return [name]
    if name.endswith(("s", "x", "ch", "sh")):
        return [name]
    return [name, name + "s"]


def _local_country_names(kb: KnowledgeBase, lang: str) -> dict[str, list[str]]:
    """Country names in `lang`: pycountry's catalogue, then the data's own aliases."""
    names = {country.alpha_2: country_names(country.alpha_2, lang)
             for country in pycountry.countries}
    for code, aliases in kb.local_country_aliases.get(lang, {}).items():
        names.setdefault(code, []).extend(aliases)
    for code, everyday in kb.local_country_names.get(lang, {}).items():  # "Biélorussie"
        names.setdefault(code, []).append(everyday)
    if lang == "fr":
        names = {code: [*forms, *(c for form in forms for c in contracted_forms(form))]
                 for code, forms in names.items()}
    return names


def _country_names(kb: KnowledgeBase) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    prefixes: dict[str, set[str]] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        own = [country.name]
        for attribute in ("official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                own.append(value)
        names[code] = own
        if "," in country.name:
            prefixes.setdefault(country.name.split(",")[0].strip(), set()).add(code)
    for prefix, codes in prefixes.items():
        if len(codes) == 1:
            names[next(iter(codes))].append(prefix)
    for code, generated in kb.country_names.items():
        names.setdefault(code, []).extend(generated)
    for code, aliases in kb.country_aliases.items():
        names.setdefault(code, []).extend(aliases)
    return names


def _spelt(items: list[str], rules: LanguageRules) -> list[str]:
    """The phrases, and the other ways the language writes them ("リーダ")."""
    if rules.spellings is None:
        return items
    return [*items, *(other for item in items for other in rules.spellings(str(item)))]


def _phrases(items: list[str]) -> list[tuple[str, ...]]:
    return [tuple(join_model_name(fold_accents(str(item)).lower()).replace("-", " ").split())
            for item in items]


def _names(entry: Any, lang: str) -> list[str]:
    """An entry's English names, and in another language its own names and aliases too
    (English technical terms appear inside French and Japanese sentences)."""
    names = [entry.name, *entry.aliases]
    if lang != "en":
        local = entry.local("name", lang)
        names += ([local] if local else []) + local_list(entry, "aliases", lang)
        names = [_without_article(name, rules_for(lang).articles) for name in names]
    return names


def _without_article(name: str, articles: tuple[str, ...]) -> str:
    """"l'Asie du Sud" is matched as "Asie du Sud" (the article is a word of the question)."""
    lowered = name.lower()
    for article in articles:
        if lowered.startswith(article):
            return name[len(article):]
    return name


def build_vocabulary(kb: KnowledgeBase, lang: str = "en") -> Vocabulary:
    rules: LanguageRules = rules_for(lang)
    vocabulary = Vocabulary(common_words=rules.common_words(),
                            function_words=frozenset(STOP_WORDS) | rules.stop_words,
                            homes=kb.country_home)
    for company in kb.companies.values():
        for name in [*_names(company, lang), company.id]:
            vocabulary.add(name, Entry("company", company.id))
    for name in kb.non_members:
        vocabulary.add(name, Entry("non_member", name))
    for region in kb.regions.values():
        for name in _names(region, lang):
            vocabulary.add(name, Entry("region", region.id))
    for area in kb.areas.values():
        for name in _names(area, lang):
            vocabulary.add(name, Entry("area", area.id))
    for zone in kb.zones.values():
        for name in _names(zone, lang):
            vocabulary.add(name, Entry("zone", zone.id))
    for tech in kb.technologies.values():
        for name in _names(tech, lang):
            for form in _plural_forms(name):
                vocabulary.add(form, Entry("tech", tech.id))
    vague = [str(word) for word in read_language_cues(lang).get("vague", [])]
    for family in kb.families.values():
        for name in _names(family, lang):
            for form in _plural_forms(name):
                vocabulary.add(form, Entry("family", family.id))
        own = [name.lower() for name in _names(family, lang)]
        for member in family.loosely:
            # (not a name that says the family's own word: "the EV powertrain side" is the one)
            # (in the language's own names only: "EV関係", not "electric vehicle関係")
            tech = kb.technologies[member]
            loose = [tech.name, *tech.aliases] if lang == "en" \
                else local_list(tech, "aliases", lang)
            for name in loose:
                if any(word in name.lower() for word in own):
                    continue
                for form in _plural_forms(name):
                    for word in vague:  # ("EV stuff", "trucs VE", "EV関係")
                        said = [f"{form} {word}", f"{word} {form}"] if rules.spaced \
                            else [f"{form}{word}"]
                        for phrase in said:
                            vocabulary.add(phrase, Entry("family", family.id))
    for topic in kb.topics.values():
        for name in _names(topic, lang):
            vocabulary.add(name, Entry("topic", topic.id))
    for segment in kb.segments.values():
        local = [] if lang == "en" else [segment.local("name", lang),
                                         *local_list(segment, "aliases", lang)]
        for name in [*segment.aliases, *local]:
            vocabulary.add(name, Entry("segment", segment.id))
    country_tables = [_country_names(kb)]
    if lang != "en":
        country_tables.append(_local_country_names(kb, lang))
    for table in country_tables:
        for code, names in table.items():
            # ("仏領ギアナ" is also written "フランス領ギアナ")
            for name in _spelt(names, rules) if lang != "en" else names:
                vocabulary.add(name, Entry("country", code, country=code))
    for code, names in country_tables[0].items():
        # "the Falklands", "the Caymans", "the Faroes": "X Islands" said as the plural of X
        for name in names:
            head, _, tail = name.partition(" ")
            short = fold_accents(head).lower() + "s"
            if tail == "Islands" and head.isalpha() and short not in vocabulary.names:
                vocabulary.add(head + "s", Entry("country", code, country=code))
                if short in vocabulary.common_words:  # "Cooks": read only capitalised
                    vocabulary.title_case_only.add(short)
    local = kb.local_subdivision_aliases.get(lang, {})  # "Californie", "テキサス"
    for name, country in kb.subdivisions.items():
        vocabulary.add(name, Entry("subdivision", name, country=country))
    for alias, name in local.items():
        if name in kb.subdivisions:  # "Géorgie" is also the country's: read as both
            vocabulary.add(alias, Entry("subdivision", name, country=kb.subdivisions[name]))
    for name, country in kb.provinces.items():
        # "Centre", "Lakes", "Central": provinces named by everyday words are left out
        # ("New South Wales" is a name; "Northern Territory" could be any territory)
        words = name.split()
        everyday = all(w in vocabulary.common_words for w in words) and len(words) < 3
        if not everyday and name not in vocabulary.names:
            vocabulary.add(name, Entry("subdivision", name, country=country))
    for alias, name in local.items():  # the generator left out the local names that mislead
        key = fold_accents(alias).lower()
        if name in kb.provinces and key not in vocabulary.names:
            vocabulary.add(alias, Entry("subdivision", name, country=kb.provinces[name]))
        if key in vocabulary.common_words:  # French "Toscane", "Saxe": read only capitalised
            vocabulary.title_case_only.add(key)
    cues = read_cues() if lang == "en" else read_language_cues(lang)
    vocabulary.raw_cues = cues
    for cue, words in cues.items():
        if cue == "list_kinds":
            vocabulary.list_kinds = {kind: _phrases(_spelt(items, rules))
                                     for kind, items in words.items()}
        else:
            vocabulary.cues[cue] = _phrases(_spelt(words, rules))
    local_cities = kb.local_city_aliases.get(lang, {})
    if lang == "fr":  # "Le Caire": "au Caire", "du Caire"
        local_cities = {**local_cities, **{form: city for name, city in local_cities.items()
                                           for form in contracted_forms(name)}}
    _add_cities(kb, vocabulary, local_cities)
    _build_fuzzy_choices(kb, vocabulary, phonetic_only=rules.fuzzy_phonetic_only)
    for fact in kb.facts.values():
        keywords, hints, denies = fact.keywords, fact.hints, fact.denies
        if lang != "en":
            keywords = [*keywords, *local_list(fact, "keywords", lang)]
            hints = [*hints, *local_list(fact, "hints", lang)]
            denies = [*denies, *local_list(fact, "denies", lang)]
        vocabulary.facts[fact.id] = _phrases(keywords)
        vocabulary.fact_hints[fact.id] = _phrases(hints)
        if fact.general:
            vocabulary.general_facts.add(fact.id)
        if fact.amount:
            vocabulary.amount_facts.add(fact.id)
        vocabulary.fact_denials[fact.id] = _phrases(denies)
    return vocabulary


def _near_cue_words(names: list[str], cue_words: set[str]) -> set[str]:
    """Names one edit from a cue word ("leeds" / "leads"): they need their capital letter."""
    near: set[str] = set()
    for word in cue_words:
        for name, _distance, _index in process.extract(word, names, scorer=OSA.distance,
                                                        score_cutoff=1, limit=None):
            near.add(name)
    return near


def _add_cities(kb: KnowledgeBase, vocabulary: Vocabulary,
                local_aliases: dict[str, CityKeys] | None = None) -> None:
    cue_words = {w for phrases in vocabulary.cues.values() for p in phrases for w in p
                 if len(w) >= 4}
    near_cues = _near_cue_words(list(kb.cities), cue_words)
    for name, populations in kb.cities.items():
        if name in vocabulary.names:
            continue  # a country or region of the same name wins ("Mexico", "Singapore")
        biggest_country, biggest = max(populations.items(), key=lambda item: item[1])
        rivals = _rival_cities(kb, populations)
        if len(rivals) > 1:  # Newcastle (Australia) and Newcastle (South Africa): both
            vocabulary.add(name, Entry("shared", ";".join(f"city:{name}:{c}" for c in rivals)))
        else:
            vocabulary.add(name, Entry("city", name, country=biggest_country))
        common = name in vocabulary.common_words and biggest < BIG_CITY
        if common or name in near_cues:
            vocabulary.title_case_only.add(name)
    for name, populations in kb.cities.items():
        # "Cebu City", "Ho Chi Minh City" said without "City" ("manila cebu davao"), unless
        # the rest names something else ("Kansas", "Guatemala", "Jersey") or is an everyday word
        stem = name.removesuffix(" city")
        if stem != name and len(stem) >= 4 and stem not in vocabulary.names \
                and stem not in vocabulary.common_words and stem not in near_cues \
                and len(_rival_cities(kb, populations)) <= 1:
            country = max(populations.items(), key=lambda item: item[1])[0]
            vocabulary.add(stem, Entry("city", name, country=country))
    for alias, city in [*kb.city_aliases.items(), *(local_aliases or {}).items()]:
        key = fold_accents(alias).lower()
        if not isinstance(city, str):
            # "オークランド": Auckland and Oakland, both read
            if key not in vocabulary.names and all(c in kb.cities for c in city):
                vocabulary.add(alias, Entry("shared", ";".join(
                    f"city:{c}:{max(kb.cities[c].items(), key=lambda item: item[1])[0]}"
                    for c in city)))
            continue
        if key in vocabulary.names or city not in kb.cities:
            continue
        country = max(kb.cities[city].items(), key=lambda item: item[1])[0]
        vocabulary.add(alias, Entry("city", city, country=country))
        if key in vocabulary.common_words:  # French "Manille" (a card game) needs its capital
            vocabulary.title_case_only.add(key)


def _is_phonetic(name: str) -> bool:
    """Latin letters or katakana only ("Brazil", "ブラジル"), not kanji ("欧州")."""
    return name.isascii() or all(
        char == " " or char == "ー" or "\u30a0" <= char <= "\u30ff" for char in name)


def _rival_cities(kb: KnowledgeBase, populations: dict[str, int]) -> list[str]:
    """The countries of cities of one name that the plan answers apart, when none dwarfs the
    others ("London" is the UK's; "San Jose" is the US's and Costa Rica's)."""
    biggest = max(populations.values())
    close = sorted(c for c, size in populations.items() if size * RIVAL_CITY_SHARE >= biggest)

    def leader(code: str) -> str | None:
        home = kb.country_home.get(code, "")
        region = kb.regions.get(home.split(":", 1)[1]) if home.startswith("region:") else None
        return region.leader if region else None

    return close if len({leader(c) for c in close}) > 1 else []


def _build_fuzzy_choices(kb: KnowledgeBase, vocabulary: Vocabulary,
                         phonetic_only: bool = False) -> None:
    for name, entry in vocabulary.names.items():
        if phonetic_only and not _is_phonetic(name):
            continue
        if entry.kind == "city" and (name != entry.id
                                     or max(kb.cities[entry.id].values()) < FUZZY_CITY):
            continue  # other names of cities are matched exactly, never fuzzily
        if entry.kind == "subdivision" and (entry.country != "US" or name != entry.id):
            continue  # so are the provinces of the world, and the states' local names
        if len(name) >= 4:
            vocabulary.fuzzy[name] = entry
    for name, entry in vocabulary.exact_case.items():
        if len(name) >= 4:
            vocabulary.fuzzy.setdefault(name.lower(), entry)
