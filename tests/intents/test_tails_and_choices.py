"""Classes of questions found by class check 28 (2026-11-28, ninth session): a last sentence
that asks nothing (a condition for the other answer, a reason, a remark on what the asker mixes
up), a request to confirm, regions offered as a choice, someone moving in French and Japanese,
a made-up place before a technology, electric vehicles spoken of loosely, a family asked for
the segments its members divide, and another place of a name the gazetteer holds once."""

from __future__ import annotations

import pytest

from tests.support.threads import thread

YES_OR_NO = ("Yes", "No", "Oui", "Non", "はい", "いいえ")


@pytest.mark.parametrize(("question", "opener", "leaders"), [
    ("ペルーとチリは同じ会社という理解でよろしいですか。もし異なる場合は各社をご教示ください。",
     "はい", ["renault"]),
    ("ロシアと日本は同じ会社という認識で問題ないでしょうか。違う場合はご指摘ください。",
     "いいえ", ["nissan", "renault"]),
    ("le Pérou et le Chili, c'est la même entreprise ? Sinon, merci de me dire lesquelles.",
     "Oui", ["renault"]),
    ("peru and chile are the same company? otherwise pls tell me each one", "Yes",
     ["renault"]),
])
def test_a_condition_for_the_other_answer_leaves_the_question_yes_or_no(
        assistant, question, opener, leaders):
    """"…でしょうか。もし違う場合は…ご教示ください": the request after it asks only if the
    answer is No; the question is still whether they are the same."""
    answer = thread(assistant, question)[-1]
    assert answer.understood and answer.text.startswith(opener), answer.text
    assert sorted(answer.leaders) == leaders


@pytest.mark.parametrize(("question", "opener"), [
    ("could you confirm peru and chile have the same leader", "Yes"),
    ("pls confirm nissan leads russia", "No"),
    ("Pouvez-vous me confirmer que Renault dirige le Maroc ?", "Oui"),
    ("tu peux me confirmer que le Pérou et le Chili, c'est la même boîte ?", "Oui"),
    ("ロシアは日産で合っているかご確認いただけますか", "いいえ"),
])
def test_a_request_to_confirm_a_claim_is_answered_yes_or_no(assistant, question, opener):
    """The words of the request are words of the question (cue data `confirming`): the claim
    after them asks Yes or No."""
    answer = thread(assistant, question)[-1]
    assert answer.text.startswith(opener), answer.text


@pytest.mark.parametrize("question", ["can you confirm who leads peru",
                                      "pourriez-vous confirmer qui dirige le Pérou ?"])
def test_a_request_to_confirm_who_gets_the_name_without_yes_or_no(assistant, question):
    answer = thread(assistant, question)[-1]
    assert answer.leaders == ["renault"] and not answer.text.startswith(YES_OR_NO), answer.text


@pytest.mark.parametrize(("question", "opener", "leaders"), [
    ("台湾は日産かな？中国に近いし", "いいえ", []),
    ("フィリピンは三菱だよね？タイと同じ地域だから", "はい", ["mitsubishi"]),
    ("モンゴルは日産？ロシアと中国の間だし", "いいえ", []),
])
def test_a_japanese_reason_after_a_guess_names_no_subject(assistant, question, opener, leaders):
    """"日本に近いし": the place in the reason is not asked about (it used to be answered)."""
    answer = thread(assistant, question)[-1]
    assert answer.text.startswith(opener), answer.text
    assert sorted(answer.leaders) == leaders


def test_a_place_before_a_japanese_particle_of_origin_is_still_read(assistant):
    """"…から" ends a place's phrase as well as a reason: "リマから" is where the asker is."""
    answer = thread(assistant, "自分の地域のリーダーは？リマから")[-1]
    assert answer.leaders == ["renault"], answer.text


def test_an_alternative_offered_beside_a_mix_up_is_still_asked(assistant):
    """"or was it e-body, i always mix those two up": the clause offers another subject."""
    answer = thread(assistant,
                    "who leads the F segment? or was it e-body, i always mix them up")[-1]
    assert answer.leaders == ["renault"], answer.text


@pytest.mark.parametrize(("question", "opener", "leaders"), [
    ("is colombia south america? i always confuse it with central america", "Yes", ["renault"]),
    ("モロッコって北アフリカ？中東とごっちゃになる", "はい", ["renault"]),
    ("le Maroc c'est l'Afrique du Nord ? je confonds toujours avec le Moyen-Orient", "Oui",
     ["renault"]),
])
def test_what_the_asker_mixes_up_is_no_subject(assistant, question, opener, leaders):
    answer = thread(assistant, question)[-1]
    assert answer.text.startswith(opener), answer.text
    assert sorted(answer.leaders) == leaders


@pytest.mark.parametrize(("question", "leaders"), [
    ("is cyprus europe or middle east?", []),
    ("le Soudan, c'est l'Afrique du Nord ou le Moyen-Orient ?", ["renault"]),
    ("キプロスはヨーロッパですか、それとも中東ですか", []),
    ("スーダンって北アフリカ？中東？", ["renault"]),
])
def test_regions_offered_as_a_choice_get_the_place_s_own(assistant, question, leaders):
    """"is turkey europe or middle east?": the place's region and leader, never the leader of
    a region offered, and no Yes or No (it asks which, not whether)."""
    answer = thread(assistant, question)[-1]
    assert answer.understood and sorted(answer.leaders) == leaders, answer.text
    assert not answer.text.startswith(YES_OR_NO), answer.text


def test_regions_joined_by_and_are_each_answered(assistant):
    answer = thread(assistant, "who leads chile, north america and south america?")[-1]
    assert sorted(answer.leaders) == ["nissan", "renault"], answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("Mon collègue quitte Lisbonne pour Manille, qui est le leader de son nouveau marché ?",
     ["mitsubishi"]),
    ("部下がシドニーからリマに異動します。彼の新しい市場のリーダーはどこ？", ["renault"]),
    ("同僚がシドニーからリマに転勤します。彼女の新しい市場のリーダーは？", ["renault"]),
    ("Ma collègue quitte Sydney pour Lima, qui dirige son nouveau marché ?", ["renault"]),
    ("ma cheffe part de Tokyo pour aller à Lima, qui pilote sa future région ?", ["renault"]),
])
def test_someone_moving_is_asked_about_where_they_go(assistant, question, leaders):
    answer = thread(assistant, question)[-1]
    assert sorted(answer.leaders) == leaders, answer.text


@pytest.mark.parametrize("question", ["グランフェニア共和国の自動運転はどこが主導？",
                                      "ボルスカ連邦のEV市場のリーダーは？"])
def test_a_made_up_place_whose_kind_sudachi_splits_is_asked_back(assistant, question):
    """"ザンブリア共和国": "共和" "国" is still a kind of place after a name we don't know."""
    answer = thread(assistant, question)[-1]
    assert answer.kind == "clarify" and not answer.leaders, answer.text


@pytest.mark.parametrize("question", [
    "battery electric vehicles overall - who is leading?",
    "who runs the electric car side",
    "les véhicules électriques en général, qui pilote ?",
    "電気自動車全般のリーダーは？",
])
def test_electric_vehicles_spoken_of_loosely_are_both_powertrains(assistant, question):
    answer = thread(assistant, question)[-1]
    assert sorted(answer.leaders) == ["nissan", "renault"], answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("who leads the EV powertrain side", ["nissan"]),
    ("who's the lead on plug-in hybrid stuff", ["mitsubishi"]),
    ("who leads EVs", ["nissan"]),
])
def test_a_precise_name_with_a_loose_word_keeps_its_meaning(assistant, question, leaders):
    answer = thread(assistant, question)[-1]
    assert sorted(answer.leaders) == leaders, answer.text


@pytest.mark.parametrize("question", [
    "electrification for the A and D segments - who leads?",
    "électrification des segments B et C, qui est leader ?",
])
def test_a_family_asked_for_segments_its_members_divide_names_each_member(assistant, question):
    """Each member that covers some of the segments, not the family's every reading (Nissan's
    EV powertrain covers none of them by segment)."""
    answer = thread(assistant, question)[-1]
    assert sorted(answer.leaders) == ["mitsubishi", "renault"], answer.text


@pytest.mark.parametrize(("questions", "name"), [
    (["who leads perth (not australia)"], "Perth"),
    (["who leads in perth?", "i mean the other one, not australia"], "Perth"),
    (["qui dirige Perth, pas celle d'Australie ?"], "Perth"),
    (["パースのリーダーは？オーストラリアじゃない方"], "パース"),
])
def test_another_place_of_a_name_held_once_is_asked_back(assistant, questions, name):
    """The gazetteer holds Perth, Australia only: with Australia set aside, the place meant is
    one it lacks, so the bot asks where it is rather than name Oceania's leader."""
    answer = thread(assistant, *questions)[-1]
    assert answer.kind == "clarify" and not answer.leaders, answer.text
    assert name in answer.text


@pytest.mark.parametrize("questions", [
    ["leader for perth?? the one in scotland, not australia"],
    ["who leads perth?", "no, the one in scotland. not australia"],
])
def test_another_place_of_a_name_said_where_it_is_is_answered_there(assistant, questions):
    """"the one in scotland": the place meant is in the UK, whatever our gazetteer holds of
    it; the answer for Perth, Australia, is not given beside it."""
    answer = thread(assistant, *questions)[-1]
    assert answer.leaders == ["renault"] and "Oceania" not in answer.text, answer.text
