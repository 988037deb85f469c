"""A follow-up that adds a place or a segment to a technology: no part is dropped, and a place
outside a technology's markets is never read as inside them."""

from __future__ import annotations

import pytest

from tests.support.threads import thread


@pytest.mark.parametrize("questions", [
    ["who leads connected tech in china", "and in the middle east?"],
    ["qui lead la techno connectée en Chine ?", "et en Inde ?"],
    ["中国のコネクテッド技術はどこがリードしてますか？", "じゃあインドでは？"],
])
def test_no_place_outside_china_gets_chinas_connected_leader(assistant, questions):
    answer = thread(assistant, *questions)[-1]
    assert "nissan" not in answer.leaders, answer.text


@pytest.mark.parametrize("questions", [
    ["who leads connected tech in china", "and in india?"],
    ["who leads connected tech in china", "and in kenya?"],
    ["who leads connected tech in china", "and in europe?"],
])
def test_outside_its_markets_a_technology_is_its_familys_other_one(assistant, questions):
    """Connected technology in China does not cover India or Europe (never Nissan there):
    outside China the connected technology is the Android-based platform, which has no
    regional limit; Nissan's is said to be China's only."""
    answer = thread(assistant, *questions)[-1]
    assert answer.leaders == ["renault"], answer.text
    assert "Android" in answer.text and ("only" in answer.text or "限られ" in answer.text), \
        answer.text


@pytest.mark.parametrize(("questions", "leaders"), [
    (["who leads autonomous driving?", "B segment?"], ["renault"]),
    (["who leads autonomous driving?", "and the C segment?"], ["mitsubishi"]),
    (["自動運転技術を主導するのはどの会社ですか？", "Bセグメントは？"], ["renault"]),
])
def test_a_segment_after_a_technology_not_divided_by_segment_asks_about_the_segment(
        assistant, questions, leaders):
    """The technology cannot narrow a segment: the segment is answered, the technology's
    leader said beside it."""
    answer = thread(assistant, *questions)[-1]
    assert answer.leaders == leaders and ("Nissan" in answer.text or "日産" in answer.text), \
        answer.text


def test_the_followers_after_such_a_segment_are_the_segments(assistant):
    answer = thread(assistant, "who leads autonomous driving?", "B segment?", "followers?")[-1]
    assert (answer.leaders, answer.followers) == (["renault"], ["mitsubishi", "nissan"]), \
        answer.text


def test_a_segment_asked_with_the_technology_keeps_the_technology(assistant):
    """Said in one question, the technology is asked: its leader, the segment's beside it."""
    answer = thread(assistant, "who leads autonomous driving for the B segment?")[-1]
    assert answer.leaders == ["nissan"] and "Renault" in answer.text, answer.text


@pytest.mark.parametrize(("questions", "region", "leader"), [
    (["who leads PHEV for the E segment?", "and in Australia?"], "Oceania", "Mitsubishi"),
    (["who leads PHEV for the E segment?", "and in Brazil?"], "South America", "Renault"),
])
def test_a_place_after_a_combination_with_no_leader_gets_its_own_leader(assistant, questions,
                                                                        region, leader):
    answer = thread(assistant, *questions)[-1]
    assert answer.leaders == [] and f"{region} is led by {leader}" in answer.text, answer.text


@pytest.mark.parametrize(("questions", "place"), [
    (["who leads EVs in taiwan?"], "Taiwan"),
    (["who leads autonomous driving?", "and in india?"], "India"),
    (["qui dirige les VE au Kazakhstan ?"], "Kazakhstan"),
    (["上海でのEV開発ってどこ主導？", "台湾は？"], "台湾"),
])
def test_a_place_no_region_holds_is_said_beside_a_technology_without_regional_limit(
        assistant, questions, place):
    """The technology's leader is answered (it has no regional limit), and the place is not
    dropped: it has no designated leader as a market, which the answer says."""
    answer = thread(assistant, *questions)[-1]
    assert answer.leaders == ["nissan"], answer.text
    assert place in answer.text and any(words in answer.text for words in (
        "no designated leader", "aucun leader", "指定されていません")), answer.text


def test_the_notes_are_said_in_the_language_asked(assistant):
    answer = thread(assistant, "qui mène la conduite autonome pour le segment C ?")[-1]
    assert answer.lang == "fr" and "le segment C a pour leader Mitsubishi" in answer.text, \
        answer.text


def test_a_family_narrowed_by_a_follow_up_stays_the_family(assistant):
    """"and in japan?" after "connected tech" narrowed to China asks about the family there,
    which the plan leaves unclear (asked back, as the question asked directly is)."""
    answer = thread(assistant, "who leads connected tech?", "and in china?", "and in japan?")[-1]
    direct = assistant.ask("who leads connected tech in japan?", guarded=False)
    assert answer.kind == direct.kind and answer.leaders == direct.leaders == [], answer.text


@pytest.mark.parametrize("question", ["who leads connected tech in the middle east?",
                                      "who leads connected tech in india?",
                                      "who leads connected technology in Europe?"])
def test_the_connected_family_with_a_place_outside_china_is_asked_back_however_placed(
        assistant, question):
    """A zone, a country in no led region and a led region alike: the plan does not say which
    connected technology is meant there."""
    answer = assistant.ask(question, guarded=False)
    assert answer.kind.value == "clarify" and answer.leaders == [], answer.text


@pytest.mark.parametrize("questions", [
    ["who leads electrified powertrains for the A/B platform?", "and that one for c/d?"],
    ["who leads electrified powertrains for the D segment?"],
    ["qui pilote les motorisations électrifiées du segment B ?", "et pour le segment C ?"],
    ["Bセグの電動パワトレはどこがリード？", "Ｄセグメントは？"],
])
def test_electrified_powertrains_outside_ab_are_the_plans_plug_in_hybrids(assistant, questions):
    """A plug-in hybrid is an electrified powertrain (`kinds` in technologies.yaml): for the
    C and D segments the kind that covers them is answered, Renault's said to be A/B's only."""
    answer = thread(assistant, *questions)[-1]
    assert answer.leaders == ["mitsubishi"], answer.text
    assert "PHEV" in answer.text and ("only" in answer.text or "限られ" in answer.text
                                      or "uniquement" in answer.text), answer.text


@pytest.mark.parametrize(("questions", "leaders"), [
    (["who leads PHEV for the A segment?"], []),
    (["qui pilote les hybrides rechargeables du segment A ?"], []),
    # the segment asked alone in the thread is answered; the PHEVs' gap beside it
    (["who leads plug-in hybrids?", "and for A-segment cars?"], ["renault"]),
])
def test_a_plug_in_hybrid_is_no_kind_of_the_ab_powertrain(assistant, questions, leaders):
    """The relation goes one way: Renault's A/B powertrains are not said to be PHEVs."""
    answer = thread(assistant, *questions)[-1]
    assert answer.leaders == leaders and "Renault" in answer.text, answer.text
    assert "doesn't cover" in answer.text or "n'inclut pas" in answer.text, answer.text


@pytest.mark.parametrize("questions", [
    ["who leads connected tech outside china?"],
    ["who leads connected tech outside of china?"],
    ["for connected cars anywhere but China, leader is?? 🤔"],
    ["who leads connected cars in china", "and outside china? the android platform"],
    ["who leads connected cars in china", "what about outside china?"],
    ["qui pilote la techno connectée hors Chine ?"],
    ["qui pilote la techno connectée en Chine ?", "et hors Chine ?"],
    ["中国のコネクテッド技術は？", "中国以外では？"],
])
def test_outside_a_place_a_technology_tied_to_it_is_its_familys_other_one(assistant, questions):
    """"outside China" sets China aside: never Nissan's connected technology in China."""
    answer = thread(assistant, *questions)[-1]
    assert answer.leaders == ["renault"] and "Android" in answer.text, answer.text


def test_outside_a_region_after_what_a_company_leads_leaves_the_region_out(assistant):
    answer = thread(assistant, "what does renault lead?", "and outside europe?")[-1]
    assert answer.leaders == ["renault"] and "Europe" not in answer.text \
        and "Russia" in answer.text, answer.text


@pytest.mark.parametrize(("questions", "leaders"), [
    (["who's lead for B-segment drivetrains?", "and the D segment?"], ["mitsubishi"]),
    (["who's lead for B-segment drivetrains?", "what about F?"], []),
    (["qui lead les groupes motopropulseurs du segment A ?", "et pour le segment C ?"],
     ["mitsubishi"]),
])
def test_a_new_segment_after_a_family_narrowed_by_a_segment_asks_about_the_segment(
        assistant, questions, leaders):
    """Powertrains for the A segment are Renault's A/B ones; a segment they don't cover asks
    about that segment (its own leader, or none), the family's members said beside it, never
    the common EV powertrain as if it were the segment's."""
    answer = thread(assistant, *questions)[-1]
    assert answer.leaders == leaders and "Nissan" in answer.text, answer.text
