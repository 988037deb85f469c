"""What the answers say about places, read as a person reads them."""

from __future__ import annotations

import pycountry
import pytest

from tests.support.kb_map import read

# ISO 3166 names these countries formally ("Bolivia, Plurinational State of", "Korea,
# Republic of"); a person calls them by the short name.
SHORT_NAMES = {"BO": "Bolivia", "VE": "Venezuela", "MD": "Moldova", "TZ": "Tanzania",
               "IR": "Iran", "KR": "South Korea"}


@pytest.mark.parametrize("code, short", sorted(SHORT_NAMES.items()))
def test_a_country_is_named_as_people_call_it(assistant, code: str, short: str) -> None:
    formal = pycountry.countries.get(alpha_2=code).name
    assert formal != short
    text = assistant.ask(f"who leads {short}?", guarded=False).text
    assert short in text and formal not in text


@pytest.mark.parametrize("alias", ["LatAm", "Latin America", "Mercosur"])
def test_an_alias_with_a_note_says_how_it_was_read(assistant, alias: str) -> None:
    (south_america,) = [r for r in read("regions.yaml")["regions"] if r["id"] == "south_america"]
    note = south_america["alias_notes"][alias.lower()]
    answer = assistant.ask(f"who leads {alias}?", guarded=False)
    assert answer.leaders == ["renault"]
    assert note in answer.text


def test_every_answer_to_a_place_begins_with_a_capital(assistant) -> None:
    for country in pycountry.countries:
        text = assistant.ask(f"who leads {getattr(country, 'common_name', country.name)}?",
                             guarded=False).text
        assert text[:1].isupper() or text[:1].isdigit(), text


def europe() -> str:
    """Europe's leadership as an answer states it (followers joined with "and")."""
    from tests.support.kb_map import company_names, expected_rows

    names = company_names()
    (row,) = [row for row in expected_rows() if row.id == "europe"]
    followers = " and ".join(names[company] for company in row.followers)
    return f"{names[row.leader]} leads {row.name}; {followers} follow."


@pytest.mark.parametrize("question, opening", [
    ("is Nissan the leader in Europe?", "No, Nissan doesn't lead that. "),  # one company: named
    ("do Nissan and Mitsubishi lead Europe?", "No. "),  # several asked, not all lead
    ("is Renault the leader in Europe?", "Yes. "),
])
def test_a_yes_no_answer_opens_by_its_rule_then_states_the_leadership(assistant, question: str,
                                                                      opening: str) -> None:
    text = assistant.ask(question, guarded=False).text
    assert text == opening + europe()


def test_a_yes_for_one_reading_of_two_is_a_yes_in_part(assistant) -> None:
    answer = assistant.ask("does Nissan lead connected technology?", guarded=False)
    assert answer.text.startswith("Yes, in part. ")
    assert answer.leaders == ["nissan", "renault"]
