"""Read and validate the knowledge base: every file parses, every cross-reference resolves.

`load_knowledge(directory)` returns a complete `KnowledgeBase` or raises `KnowledgeError` naming
the file, the entry and the field; a half-loaded knowledge base never exists.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import yaml

try:  # libyaml's parser is ten times faster than the pure-Python one
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader
from pydantic import BaseModel, ValidationError

from knowledge.answer import Source
from knowledge.errors import KnowledgeError
from knowledge.languages import check_languages
from knowledge.schema import (
    Area,
    CompaniesFile,
    Company,
    Document,
    Fact,
    FactsFile,
    Family,
    Region,
    RegionsFile,
    Segment,
    SegmentsFile,
    SourceRef,
    SourcesFile,
    TechnologiesFile,
    Technology,
    Topic,
    Zone,
)

DEFAULT_DIRECTORY = Path(__file__).resolve().parent / "data"
FILES: dict[str, type[BaseModel]] = {
    "sources.yaml": SourcesFile,
    "companies.yaml": CompaniesFile,
    "regions.yaml": RegionsFile,
    "technologies.yaml": TechnologiesFile,
    "segments.yaml": SegmentsFile,
    "facts.yaml": FactsFile,
}
GAZETTEER_FILE = "cities.json"

Model = TypeVar("Model", bound=BaseModel)


@dataclass(frozen=True)
class Leadership:
    """Who leads one thing and who follows, with where the article says so."""

    leader: str
    followers: tuple[str, ...]
    sources: tuple[Source, ...]
    as_of: date


@dataclass
class KnowledgeBase:
    """Everything the bot knows, indexed for the resolver and the language pipeline."""

    directory: Path
    version: str
    files: list[Path]
    documents: dict[str, Document]
    companies: dict[str, Company]
    non_members: list[str]
    regions: dict[str, Region]
    areas: dict[str, Area]
    zones: dict[str, Zone]
    country_aliases: dict[str, list[str]]
    country_names: dict[str, list[str]]  # generated: ISO code -> names from the packages
    technologies: dict[str, Technology]
    families: dict[str, Family]
    topics: dict[str, Topic]
    segments: dict[str, Segment]
    facts: dict[str, Fact]
    cities: dict[str, dict[str, int]]
    subdivisions: dict[str, str]  # US states -> "US"
    provinces: dict[str, str]  # generated: first-level divisions elsewhere -> ISO code
    city_aliases: dict[str, str]  # other name -> city key ("bangalore" -> "bengaluru")
    local_country_aliases: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    local_city_aliases: dict[str, dict[str, CityKeys]] = field(default_factory=dict)  # lang -> ...
    # generated: lang -> ISO code -> the everyday name (CLDR: "Biélorussie" beside "Bélarus")
    local_country_names: dict[str, dict[str, str]] = field(default_factory=dict)
    # generated: lang -> local name -> key of a US state or a province ("テキサス": "texas")
    local_subdivision_aliases: dict[str, dict[str, str]] = field(default_factory=dict)
    # English text of a name or note -> its French and Japanese texts (from the data files)
    translations: dict[str, dict[str, str]] = field(default_factory=dict)
    leadership: dict[str, Leadership] = field(default_factory=dict)  # "region:europe" -> ...
    country_home: dict[str, str] = field(default_factory=dict)  # "FR" -> "region:europe"
    segment_technologies: dict[str, list[str]] = field(default_factory=dict)  # "D" -> ["phev"]

    def company_name(self, company_id: str) -> str:
        return self.companies[company_id].name

    def fact_sources(self, fact: Fact) -> list[Source]:
        return [self._source(ref) for ref in fact.sources]

    def _source(self, ref: int | SourceRef) -> Source:
        if isinstance(ref, int):
            return Source(document=self.default_document, paragraph=ref,
                          as_of=self.documents[self.default_document].as_of)
        document = ref.document or self.default_document
        return Source(document=document, paragraph=ref.paragraph,
                      as_of=ref.as_of or self.documents[document].as_of)

    @property
    def default_document(self) -> str:
        return next(iter(self.documents))


def _entry_name(raw: Any, loc: tuple[Any, ...]) -> tuple[str, str]:
    """Turn a pydantic error location into ("entry 'europe'", "leader")."""
    node = raw
    entry = ""
    path: list[str] = []
    for part in loc:
        if isinstance(part, int) and isinstance(node, list) and part < len(node):
            node = node[part]
            if isinstance(node, dict):
                label = node.get("id")
                entry = f"entry {label!r}" if label else f"entry #{part + 1}"
                path = []
            else:
                path.append(f"[{part}]")
            continue
        if isinstance(node, dict) and part in node:
            node = node[part]
        path.append(str(part))
    return entry or "top level", ".".join(path) or "(whole file)"


def _parse(path: Path, model: type[Model]) -> Model:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)
    except FileNotFoundError:
        raise KnowledgeError(f"{path.name}: file is missing from {path.parent}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise KnowledgeError(f"{path.name}: cannot be read ({error})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise KnowledgeError(f"{path.name}: not valid YAML{where}") from None
    if not isinstance(raw, dict):
        raise KnowledgeError(f"{path.name}: top level must be a mapping")
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        entry, field_name = _entry_name(raw, tuple(first["loc"]))
        field_name = field_name.replace(".[", "[")
        message = f"{first['msg']} (got {first['input']!r})" if "input" in first else first["msg"]
        raise KnowledgeError(f"{path.name}: {entry}, field {field_name!r}: {message}") from None


def _check(condition: bool, file: str, entry: str, field_name: str, message: str) -> None:
    if not condition:
        raise KnowledgeError(f"{file}: entry {entry!r}, field {field_name!r}: {message}")


def _unique(items: list[Any], file: str) -> dict[str, Any]:
    by_id: dict[str, Any] = {}
    for item in items:
        _check(item.id not in by_id, file, item.id, "id", "duplicate id")
        by_id[item.id] = item
    return by_id


class Gazetteer(NamedTuple):
    """The generated place names (`cities.json`)."""

    cities: dict[str, dict[str, int]]
    subdivisions: dict[str, str]
    provinces: dict[str, str]
    countries: dict[str, list[str]]
    local_cities: dict[str, dict[str, str]]  # lang -> local name -> city ("Manille": "manila")
    # lang -> local name -> US state or province ("Californie": "california")
    local_subdivisions: dict[str, dict[str, str]]
    # lang -> ISO code -> CLDR's everyday name ("BY": "Biélorussie")
    local_countries: dict[str, dict[str, str]]


def _read_gazetteer(path: Path) -> Gazetteer:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Gazetteer(dict(data["cities"]), dict(data["subdivisions"]),
                         dict(data.get("provinces", {})), dict(data.get("countries", {})),
                         dict(data.get("local_cities", {})),
                         {lang: dict(names)
                          for lang, names in data.get("local_subdivisions", {}).items()},
                         {lang: dict(names)
                          for lang, names in data.get("local_countries", {}).items()})
    except FileNotFoundError:
        return Gazetteer({}, {}, {}, {}, {}, {}, {})
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise KnowledgeError(f"{path.name}: cannot be read ({error})") from None


CityKeys = str | list[str]  # one city's key, or those of the cities sharing a local name


def merge_local_city_aliases(generated: dict[str, dict[str, str]],
                             typed: dict[str, dict[str, CityKeys]],
                             ) -> dict[str, dict[str, CityKeys]]:
    """Language -> local name -> city key (or keys): the generated names, then those the data
    types (the names CLDR lacks, such as "横須賀"; a name two cities share)."""
    return {lang: {**generated.get(lang, {}),
                   **{alias: fold_name(city) if isinstance(city, str)
                      else [fold_name(c) for c in city]
                      for alias, city in typed.get(lang, {}).items()}}
            for lang in sorted({*generated, *typed})}


def load_knowledge(directory: Path | None = None) -> KnowledgeBase:
    """Load and cross-check every file under `directory` (the packaged data by default)."""
    directory = Path(directory) if directory else DEFAULT_DIRECTORY
    if not directory.is_dir():
        raise KnowledgeError(f"knowledge directory {directory} does not exist")
    parsed = {name: _parse(directory / name, model) for name, model in FILES.items()}
    sources: SourcesFile = parsed["sources.yaml"]
    companies: CompaniesFile = parsed["companies.yaml"]
    regions: RegionsFile = parsed["regions.yaml"]
    technologies: TechnologiesFile = parsed["technologies.yaml"]
    segments: SegmentsFile = parsed["segments.yaml"]
    facts: FactsFile = parsed["facts.yaml"]
    gazetteer = _read_gazetteer(directory / GAZETTEER_FILE)

    files = [directory / name for name in FILES] + [directory / GAZETTEER_FILE]
    digest = hashlib.sha256()
    for path in files:
        if path.exists():
            digest.update(path.read_bytes())
    kb = KnowledgeBase(
        directory=directory,
        version=digest.hexdigest()[:12],
        files=[path for path in files if path.exists()],
        documents=_unique(sources.documents, "sources.yaml"),
        companies=_unique(companies.companies, "companies.yaml"),
        non_members=[*companies.non_members,
                     *(n for names in companies.local_non_members.values() for n in names)],
        regions=_unique(regions.regions, "regions.yaml"),
        areas=_unique(regions.areas, "regions.yaml"),
        zones=_unique(regions.unassigned_zones, "regions.yaml"),
        country_aliases=regions.country_aliases,
        country_names=gazetteer.countries,
        technologies=_unique(technologies.technologies, "technologies.yaml"),
        families=_unique(technologies.families, "technologies.yaml"),
        topics=_unique(technologies.unassigned_topics, "technologies.yaml"),
        segments=_unique(segments.segments, "segments.yaml"),
        facts=_unique(facts.facts, "facts.yaml"),
        cities=gazetteer.cities,
        subdivisions=gazetteer.subdivisions,
        provinces=gazetteer.provinces,
        city_aliases={fold_name(k): fold_name(v) for k, v in regions.city_aliases.items()},
        local_country_aliases=regions.local_country_aliases,
        local_city_aliases=merge_local_city_aliases(gazetteer.local_cities,
                                                    regions.local_city_aliases),
        local_subdivision_aliases=gazetteer.local_subdivisions,
        local_country_names=gazetteer.local_countries,
    )
    _cross_check(kb)
    check_languages(kb)
    _index(kb)
    return kb


def _check_source(kb: KnowledgeBase, ref: int | SourceRef, file: str, entry: str) -> None:
    paragraph = ref if isinstance(ref, int) else ref.paragraph
    document_id = kb.default_document
    if not isinstance(ref, int) and ref.document:
        document_id = ref.document
    _check(document_id in kb.documents, file, entry, "source.document",
           f"unknown document {document_id!r}")
    limit = kb.documents[document_id].paragraphs
    _check(paragraph <= limit, file, entry, "source.paragraph",
           f"paragraph {paragraph} is beyond the document's {limit} paragraphs")


def _check_followers(kb: KnowledgeBase, item: Region | Technology, file: str) -> None:
    _check(item.leader in kb.companies, file, item.id, "leader", f"unknown company {item.leader!r}")
    for follower in item.followers or []:
        _check(follower in kb.companies, file, item.id, "followers",
               f"unknown company {follower!r}")
        _check(follower != item.leader, file, item.id, "followers",
               "the leader cannot follow itself")
    _check_source(kb, item.source, file, item.id)


def fold_name(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


def _cross_check(kb: KnowledgeBase) -> None:
    local_cities = [(a, c) for names in kb.local_city_aliases.values()
                    for a, cities in names.items()
                    for c in ([cities] if isinstance(cities, str) else cities)]
    for alias, city in [*kb.city_aliases.items(), *local_cities]:
        _check(city in kb.cities, "regions.yaml", alias, "city_aliases",
               f"{city!r} is not a city of the gazetteer ({GAZETTEER_FILE})")
    for names in kb.local_subdivision_aliases.values():
        for alias, key in names.items():
            _check(key in kb.subdivisions or key in kb.provinces, GAZETTEER_FILE, alias,
                   "local_subdivisions", f"{key!r} is neither a US state nor a province of "
                   "the gazetteer")
    seen_countries: dict[str, str] = {}
    for region in kb.regions.values():
        _check_followers(kb, region, "regions.yaml")
    for owner in [*kb.regions.values(), *kb.zones.values()]:
        for code in owner.countries:
            _check(len(code) == 2 and code.isupper(), "regions.yaml", owner.id, "countries",
                   f"{code!r} is not an ISO 3166 alpha-2 code")
            _check(code not in seen_countries, "regions.yaml", owner.id, "countries",
                   f"{code} is already listed under {seen_countries.get(code)!r}")
            seen_countries[code] = owner.id
    for area in kb.areas.values():
        for part in area.parts:
            _check(part in kb.regions, "regions.yaml", area.id, "parts", f"unknown region {part!r}")
    for tech in kb.technologies.values():
        _check_followers(kb, tech, "technologies.yaml")
        for market in tech.scope.markets:
            _check(market in kb.regions, "technologies.yaml", tech.id, "scope.markets",
                   f"unknown region {market!r}")
        for related in tech.related:
            _check(related in kb.technologies, "technologies.yaml", tech.id, "related",
                   f"unknown technology {related!r}")
        for kind in tech.kinds:
            _check(kind in kb.technologies and kind != tech.id, "technologies.yaml", tech.id,
                   "kinds", f"unknown technology {kind!r}")
    for family in kb.families.values():
        for member in family.members:
            _check(member in kb.technologies, "technologies.yaml", family.id, "members",
                   f"unknown technology {member!r}")
        for member in family.loosely:
            _check(member in family.members, "technologies.yaml", family.id, "loosely",
                   f"{member!r} is not a member of the family")
    for fact in kb.facts.values():
        for ref in fact.sources:
            _check_source(kb, ref, "facts.yaml", fact.id)
        for company in fact.companies:
            _check(company in kb.companies, "facts.yaml", fact.id, "companies",
                   f"unknown company {company!r}")
        _check(fact.leader is None or fact.leader in fact.companies, "facts.yaml", fact.id,
               "leader", f"{fact.leader!r} is not one of the fact's companies")


def _leadership(kb: KnowledgeBase, item: Region | Technology) -> Leadership:
    followers = item.followers
    if followers is None:
        followers = [company for company in kb.companies if company != item.leader]
    document = item.source.document or kb.default_document
    as_of = item.source.as_of or kb.documents[document].as_of
    return Leadership(
        leader=item.leader,
        followers=tuple(sorted(followers)),
        sources=(Source(document=document, paragraph=item.source.paragraph, as_of=as_of),),
        as_of=as_of,
    )


def _index(kb: KnowledgeBase) -> None:
    for region in kb.regions.values():
        kb.leadership[f"region:{region.id}"] = _leadership(kb, region)
        for code in region.countries:
            kb.country_home[code] = f"region:{region.id}"
    for zone in kb.zones.values():
        for code in zone.countries:
            kb.country_home[code] = f"zone:{zone.id}"
    for tech in kb.technologies.values():
        kb.leadership[f"tech:{tech.id}"] = _leadership(kb, tech)
        for letter in tech.scope.segments:
            kb.segment_technologies.setdefault(letter, []).append(tech.id)
