"""French and Japanese names of US states and provinces are generated (scripts/build_gazetteer.py:
pycountry's ISO 3166-2 catalogues), read as the place, and never stand for anything else; a name
a country of another answer shares ("Géorgie", "ジョージア") is read as both, as "Georgia" is."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from intents.text import fold_accents
from intents.vocabulary import build_vocabulary
from knowledge.answer import Kind
from knowledge.errors import KnowledgeError
from knowledge.loader import DEFAULT_DIRECTORY, GAZETTEER_FILE, load_knowledge

GAZETTEER = json.loads((DEFAULT_DIRECTORY / GAZETTEER_FILE).read_text(encoding="utf-8"))
GENERATED = GAZETTEER["local_subdivisions"]


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


@pytest.mark.parametrize(("lang", "name", "place"), [
    ("fr", "Californie", "california"),
    ("fr", "Caroline du Nord", "north carolina"),
    ("fr", "Géorgie", "georgia"),  # the country's name too: read as both
    ("fr", "Bavière", "bayern"),
    ("fr", "Colombie-Britannique", "british columbia"),
    ("ja", "テキサス", "texas"),
    ("ja", "ハワイ", "hawaii"),
    ("ja", "カリフォルニア", "california"),
    ("ja", "ジョージア", "georgia"),
    ("ja", "オンタリオ", "ontario"),
    ("ja", "佐賀", "saga"),  # Sudachi knows it as a place, though "Saga" is an English word
])
def test_local_names_of_states_and_provinces_are_generated(kb, lang: str, name: str,
                                                          place: str) -> None:
    assert GENERATED[lang][name] == place
    assert kb.local_subdivision_aliases[lang][name] == place


@pytest.mark.parametrize(("lang", "name"), [
    ("fr", "Texas"),  # the English name, read already (left out twice: as the same name, and
    # as one the vocabulary has)
    ("fr", "Kosovo"),  # Serbia's Kosovo-Metohija in the catalogue: the country
    ("fr", "Samdrup Jongkhar"),  # the catalogue's French for Samut Songkhram: Bhutan's district
    ("fr", "Mer Rouge"),  # Egypt's Red Sea governorate: everyday words
    ("fr", "Pays du Nord"),  # New Zealand's Northland: everyday words and a word of many names
    ("ja", "ランパーン"),  # the catalogue's name of Lampang and of Lamphun
    ("ja", "メーン"),  # Maine, and the common noun "main"
    ("ja", "ニューヨーク"),  # already the city
    ("ja", "ドバイ"),  # the emirate: the data reads it as the UAE
    ("ja", "ナン"),  # Nan (Thailand), and a pronoun
    ("ja", "北部州"),  # Zambia's "North": its English name is not read either
])
def test_a_name_that_would_mislead_is_not_generated(lang: str, name: str) -> None:
    assert name not in GENERATED[lang]


def test_a_local_name_of_no_known_place_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DIRECTORY, data)
    broken = {**GAZETTEER, "local_subdivisions": {"fr": {"Atlantide": "atlantis"}}}
    (data / GAZETTEER_FILE).write_text(json.dumps(broken, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="cities.json.*Atlantide.*atlantis"):
        load_knowledge(data)


def test_japanese_names_nearly_every_us_state() -> None:
    states = set(GENERATED["ja"].values()) & set(GAZETTEER["subdivisions"])
    assert len(states) >= 45  # not Maine ("メーン": main) nor New York (the city's name)


@pytest.mark.parametrize("lang", sorted(GENERATED))
def test_every_generated_name_is_read_as_its_place(kb, lang: str) -> None:
    names = build_vocabulary(kb, lang).names
    misread = {}
    for name, place in GENERATED[lang].items():
        entry = names.get(fold_accents(name).replace("\u2019", "'").lower())
        readings = entry.id.split(";") if entry and entry.kind == "shared" else [
            f"{entry.kind}:{entry.id}" if entry else None]
        if not any(reading and reading.startswith(f"subdivision:{place}")
                   for reading in readings):
            misread[name] = entry
    assert not misread


@pytest.mark.parametrize(("question", "lang", "leader"), [
    ("テキサスのリーダーは？", "ja", "nissan"),
    ("テキサス州のリーダーは？", "ja", "nissan"),
    ("ハワイはどこがリードしますか", "ja", "nissan"),
    ("オンタリオのリーダーは？", "ja", "nissan"),
    ("バイエルンのリーダーは？", "ja", "renault"),
    ("qui dirige la Californie ?", "fr", "nissan"),
    ("qui dirige la Floride ?", "fr", "nissan"),
    ("Qui est le leader en Caroline du Nord ?", "fr", "nissan"),
    ("qui dirige la Bavière ?", "fr", "renault"),
    ("qui dirige la Toscane ?", "fr", "renault"),  # "toscane" is an everyday word: capitalised
])
def test_a_state_or_province_named_in_french_or_japanese_is_answered(
        assistant, question: str, lang: str, leader: str) -> None:
    answer = assistant.ask(question, guarded=False)
    assert (answer.lang, answer.kind, answer.leaders) == (lang, Kind.ANSWER, [leader]), answer.text
    assert not answer.scope["corrections"]  # read as written, not corrected into "California"


@pytest.mark.parametrize(("question", "lang", "yes"), [
    ("カリフォルニアは日産？", "ja", "はい"),
    ("テキサスはルノー？", "ja", "いいえ"),
    ("La Floride, c'est Nissan ?", "fr", "Oui"),
    ("Renault dirige-t-il la Californie ?", "fr", "Non"),
])
def test_a_yes_no_question_about_a_state_is_answered(assistant, question: str, lang: str,
                                                     yes: str) -> None:
    answer = assistant.ask(question, guarded=False)
    assert answer.lang == lang and answer.text.startswith(yes), answer.text
    assert not answer.scope["corrections"]


@pytest.mark.parametrize(("question", "country", "state"), [
    ("ジョージアのリーダーは？", "中東", "北米"),
    ("qui dirige la Géorgie ?", "Moyen-Orient", "Amérique du Nord"),
])
def test_georgia_in_french_or_japanese_is_answered_for_both_places_or_asked_back(
        assistant, question: str, country: str, state: str) -> None:
    answer = assistant.ask(question, guarded=False)
    if answer.kind != Kind.CLARIFY:  # never one of the two silently
        assert country in answer.text and state in answer.text, answer.text


@pytest.mark.parametrize("question", ["ジョージアは日産？", "Nissan est-il le leader en Géorgie ?"])
def test_a_yes_no_question_about_georgia_is_asked_back(assistant, question: str) -> None:
    assert assistant.ask(question, guarded=False).kind == Kind.CLARIFY


def test_a_french_province_name_that_is_an_everyday_word_needs_its_capital(assistant) -> None:
    assert assistant.ask("qui dirige la toscane ?", guarded=False).leaders == []
