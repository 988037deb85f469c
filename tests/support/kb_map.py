"""The leadership map as the knowledge-base files state it, read straight from the YAML.

Tests compare what the bot shows (the map, `/alliance matrix`, App Home, the digest, `kb show`)
with this, row by row, so a map whose rows are shifted or whose followers are lost fails.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

import knowledge

DATA = Path(knowledge.__file__).parent / "data"


@dataclass(frozen=True)
class ExpectedRow:
    area: str
    id: str
    name: str
    leader: str
    followers: tuple[str, ...]
    paragraph: int


def read(name: str, directory: Path = DATA) -> dict[str, Any]:
    """A knowledge-base file as English readers see it: a per-language value
    (`name: {en: Europe, fr: Europe, ja: 欧州}`) read as its English text."""
    return _english(yaml.safe_load((directory / name).read_text(encoding="utf-8")))


LANGUAGE_KEYS = frozenset({"en", "fr", "ja"})


def _english(value: Any) -> Any:
    if isinstance(value, dict):
        if value and "en" in value and set(value) <= LANGUAGE_KEYS:
            return _english(value["en"])
        return {key: _english(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_english(item) for item in value]
    return value


def company_names(directory: Path = DATA) -> dict[str, str]:
    companies = read("companies.yaml", directory)["companies"]
    return {company["id"]: company["name"] for company in companies}


def expected_rows(directory: Path = DATA) -> list[ExpectedRow]:
    """Regions, then technologies, then each segment a technology's scope names (its leader)."""
    members = set(company_names(directory))

    def row(area: str, entry: dict[str, Any], leader: str, paragraph: int) -> ExpectedRow:
        return ExpectedRow(area, entry["id"], entry["name"], leader,
                           tuple(sorted(members - {leader})), paragraph)

    rows = [row("region", region, region["leader"], region["source"]["paragraph"])
            for region in read("regions.yaml", directory)["regions"]]
    technologies = read("technologies.yaml", directory)["technologies"]
    rows += [row("technology", tech, tech["leader"], tech["source"]["paragraph"])
             for tech in technologies]
    for segment in read("segments.yaml", directory)["segments"]:
        leading = [tech for tech in technologies
                   if segment["id"] in (tech.get("scope") or {}).get("segments", [])]
        if leading:
            rows.append(row("segment", segment, leading[0]["leader"],
                            leading[0]["source"]["paragraph"]))
    return rows


def expected_leadership(row: ExpectedRow) -> str:
    """How a row reads in English, by the rule: "follows" after one follower, "follow" after
    several (written here from the rule, not copied from the bot's output)."""
    names = company_names()
    followers = [names[company] for company in row.followers]
    verb = "follows" if len(followers) == 1 else "follow"
    return f"{names[row.leader]} leads; {', '.join(followers)} {verb}"
