"""French and Japanese names of US states and provinces are generated (scripts/build_gazetteer.py:
pycountry's ISO 3166-2 catalogues) and never stand for anything else."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

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
