"""Issue 11's classes left after the eighth session: a signature's city is the asker's place for
"my region", a remark on what is settled already asks nothing, "which technology exactly?"
asks about the subject, the places named last are remembered when the subject moved on, and a
why-question beside the summary the asker is writing."""

from __future__ import annotations

import pytest

from tests.support.threads import thread

YES_OR_NO = ("Yes", "No", "Oui", "Non", "はい", "いいえ")


@pytest.mark.parametrize(("question", "leaders"), [
    ("who is the leader for my region?\n-- Sam Okafor, Aftersales, Lagos", []),
    ("which company leads my market?\nKind regards,\nAna Lima\nPurchasing | Montevideo",
     ["renault"]),
    ("qui dirige ma région ?\nCordialement,\nKarim B.\nAchats – Tunis", ["renault"]),
    ("qui pilote ma zone ? — Inès, logistique, Oran", ["renault"]),
    ("うちの地域のリーダーはどこですか？\nよろしくお願いします。\n佐藤（シドニー駐在）",
     ["mitsubishi"]),
])
def test_a_signature_s_city_is_the_asker_s_place(assistant, question, leaders):
    answer = thread(assistant, question)[-1]
    assert answer.understood and answer.kind != "clarify", answer.text
    assert sorted(answer.leaders) == leaders, answer.text


def test_without_a_place_in_the_signature_my_region_is_asked_back(assistant):
    answer = thread(assistant, "who leads my region?\n-- Sam")[-1]
    assert answer.kind == "clarify" and not answer.leaders, answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("who leads autonomous driving? the PHEV part is covered already", ["nissan"]),
    ("qui pilote la conduite autonome ? les PHEV c'est déjà réglé", ["nissan"]),
    ("自動運転のリーダーは？PHEVの方は対応済みです", ["nissan"]),
])
def test_what_is_settled_already_is_not_asked_about(assistant, question, leaders):
    answer = thread(assistant, question)[-1]
    assert sorted(answer.leaders) == leaders, answer.text


@pytest.mark.parametrize(("first", "then", "leaders"), [
    ("who does the e-body architecture?", "which technology exactly?", ["renault"]),
    ("qui pilote les technos connectées ?", "c'est quelle techno précisément ?",
     ["nissan", "renault"]),
    ("PHEVのリーダーは？", "正確にはどの技術ですか？", ["mitsubishi"]),
])
def test_which_technology_exactly_is_the_subject_in_context(assistant, first, then, leaders):
    answer = thread(assistant, first, then)[-1]
    assert sorted(answer.leaders) == leaders, answer.text


def test_which_technologies_without_a_subject_still_lists_them(assistant):
    answer = thread(assistant, "which technologies are in the plan exactly?")[-1]
    assert answer.intent == "list", answer.text


@pytest.mark.parametrize("questions", [
    ["our plants are in chile and vietnam", "who leads autonomous driving?",
     "and for those two countries?"],
    ["qui dirige le Pérou et la Thaïlande ?", "et le PHEV ?",
     "ces deux pays, tu me refais le point ?"],
    ["ペルーとタイのリーダーは？", "自動運転は？", "その2か国をまとめて教えて"],
])
def test_the_places_named_last_are_remembered_after_the_subject_moved_on(assistant, questions):
    answer = thread(assistant, *questions)[-1]
    assert sorted(answer.leaders) == (["mitsubishi", "renault"]), answer.text


@pytest.mark.parametrize("question", [
    "putting together a summary for my director: why did the alliance go for this leader "
    "follower model?",
    "je prépare une synthèse pour ma cheffe, pourquoi l'Alliance a choisi ce modèle ?",
])
def test_a_why_question_beside_the_summary_being_written_gets_the_fact(assistant, question):
    answer = thread(assistant, question)[-1]
    assert answer.intent == "fact" and not answer.leaders, answer.text


def test_a_recap_of_named_places_is_asked_for_their_leaders(assistant):
    """"ペルーとタイをもう一度まとめて": a word of listing beside places asks about them."""
    answer = thread(assistant, "チリとタイをもう一度まとめて")[-1]
    assert sorted(answer.leaders) == ["mitsubishi", "renault"], answer.text


@pytest.mark.parametrize(("questions", "leaders"), [
    (["which company leads africa", "i mean the northern part"], ["renault"]),
    (["who leads the americas?", "the southern half"], ["renault"]),
    (["et l'Amérique, c'est qui ?", "la moitié nord"], ["nissan"]),
    (["who leads africa?", "southern part i mean"], []),
])
def test_a_point_of_the_compass_picks_a_part_of_the_area_before(assistant, questions, leaders):
    """"the southern half i mean" after "Africa": that part of it, not the 2025 target's
    "half"."""
    answer = thread(assistant, *questions)[-1]
    assert answer.understood and answer.intent == "who_leads", answer.text
    assert sorted(answer.leaders) == leaders, answer.text
