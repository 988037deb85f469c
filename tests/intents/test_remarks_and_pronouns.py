"""Classes of questions found by the held-out sets of 2026-11-27 (seventh session): a list
word naming a list something is in, a remark after a question asked back, a purpose clause
after a question, working with someone, someone else's place as "them", a company as "them"
after a copula, and a yes/no narrowing the subject in context. Each test names a class, with
examples in the languages it was seen in."""

from __future__ import annotations

import pytest

from tests.support.threads import thread

ALL_THREE = ["mitsubishi", "nissan", "renault"]


@pytest.mark.parametrize("question", [
    "it is in my shipment list",
    "it's on our supplier list",
    "c'est sur ma liste de fournisseurs",
    "出荷リストに入ってます",
])
def test_a_list_something_is_in_asks_for_no_list(assistant, question):
    answer = assistant.ask(question, guarded=False)
    assert answer.intent != "list" and answer.leaders != ALL_THREE, answer.text


@pytest.mark.parametrize("question", [
    "can you list the regions",
    "in summary, who leads what?",
    "donne-moi la liste des régions",
    "地域の一覧にして",
])
def test_a_list_asked_for_is_still_a_list(assistant, question):
    answer = assistant.ask(question, guarded=False)
    assert answer.intent == "list" and answer.leaders == ALL_THREE, answer.text


@pytest.mark.parametrize(("question", "unknown"), [
    ("Which alliance member is leader in Port Velmora? It is in my shipment list.", "Velmora"),
    ("who leads port velmora? our shipment goes out tomorrow.", "velmora"),
    ("qui dirige port velmora ? c'est dans ma liste d'expédition", "velmora"),
    ("ポートベルモラのリーダーは？出荷リストに入ってます", "ポートベルモラ"),
])
def test_a_remark_after_a_question_asked_back_adds_nothing(assistant, question, unknown):
    answer = assistant.ask(question, guarded=False)
    assert answer.kind == "clarify" and answer.leaders == [], answer.text
    assert unknown in answer.text and answer.text.count(unknown) == 1, answer.text
    assert "I don't know that" not in answer.text and "Je ne sais pas" not in answer.text


def test_a_question_after_a_question_asked_back_is_still_answered(assistant):
    answer = assistant.ask("who leads port velmora? what is a shipment?", guarded=False)
    assert answer.intent == "compound" and "I don't know that" in answer.text, answer.text


@pytest.mark.parametrize(("question", "text"), [
    ("hey, who are the followers in south east asia? trying to figure out who we'd be "
     "working with", "Nissan and Renault follow Mitsubishi in South East Asia."),
    ("who leads brazil? trying to understand who we report to",
     "Renault leads South America; Mitsubishi and Nissan follow. Brazil counts as South "
     "America here."),
    ("qui suit en asie du sud-est ? histoire de savoir avec qui on bosse",
     "Nissan et Renault suivent Mitsubishi pour : Asie du Sud-Est."),
])
def test_a_purpose_after_a_question_is_not_asked_again(assistant, question, text):
    assert assistant.ask(question, guarded=False).text == text


def test_a_purpose_that_asks_a_role_is_answered(assistant):
    answer = assistant.ask("who leads brazil? need to know who follows too", guarded=False)
    assert answer.intent == "compound" and answer.text.count("follow") == 2, answer.text


@pytest.mark.parametrize("question", [
    "who will we work with in brazil?",
    "which partner do we work together with in brazil?",
])
def test_working_with_someone_is_not_whether_the_plan_works(assistant, question):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == ["renault"] and "time will tell" not in answer.text, answer.text


def test_whether_the_plan_works_is_still_the_outlook(assistant):
    assert "time will tell" in assistant.ask("is the plan working?", guarded=False).text


@pytest.mark.parametrize(("question", "leaders"), [
    ("our team's in sydney but the customer is in monterrey mexico, who leads for them?",
     ["nissan"]),
    ("i'm in lyon, my client is in hanoi, who leads for him?", ["mitsubishi"]),
    ("je suis a lyon mais le client est a hanoi, qui pilote pour lui ?", ["mitsubishi"]),
])
def test_the_leader_for_them_is_the_other_persons_place(assistant, question, leaders):
    assert assistant.ask(question, guarded=False).leaders == leaders


def test_the_leader_for_us_is_still_the_askers_place(assistant):
    answer = assistant.ask("we're in sydney and the customer is in mexico, who leads for us?",
                           guarded=False)
    assert answer.leaders != ["nissan"], answer.text


@pytest.mark.parametrize(("questions", "opener", "leaders"), [
    (("what does mitsubishi lead?", "so thailand is them?"), "Yes.", ["mitsubishi"]),
    (("what does mitsubishi lead?", "and brazil, is it them?"), "No, Mitsubishi",
     ["renault"]),
    (("who leads china?", "japan too, that's them?"), "Yes.", ["nissan"]),
    (("c qui le lead sur l'autonomous driving", "ok et Mitsubishi ils leadent quoi alors ?",
      "donc la thailande c'est eux ?"), "Oui.", ["mitsubishi"]),
    (("que dirige renault ?", "et le japon c'est eux ?"), "Non", ["nissan"]),
])
def test_a_place_said_to_be_them_is_a_claim_about_that_company(assistant, questions, opener,
                                                                  leaders):
    answer = thread(assistant, *questions)[-1]
    assert answer.text.startswith(opener) and answer.leaders == leaders, answer.text


@pytest.mark.parametrize(("questions", "opener", "leaders"), [
    (("who leads PHEV?", "that's for C and D segments, right?"), "Yes.", ["mitsubishi"]),
    (("who leads PHEV?", "and that's for the E segment too?"), "No.", []),
    (("ＰＨＥＶのリーダーは？", "それはＣとＤセグメント向けですよね？"), "はい。", ["mitsubishi"]),
    (("qui est leader sur les PHEV ?", "c'est pour les segments C et D, c'est ça ?"), "Oui.",
     ["mitsubishi"]),
])
def test_a_yes_no_narrowing_the_subject_is_answered_yes_or_no(assistant, questions, opener,
                                                              leaders):
    answer = thread(assistant, *questions)[-1]
    assert answer.text.startswith(opener) and answer.leaders == leaders, answer.text


@pytest.mark.parametrize(("question", "opener", "leaders"), [
    # working with another member there: both take a part, whichever
    ("is renault working with nissan in brazil?", "Yes.", ["renault"]),
    ("are nissan and renault both involved in brazil?", "Yes.", ["renault"]),
    ("does nissan work with mitsubishi on autonomous driving?", "Yes.", ["nissan"]),
    ("renault travaille avec nissan au brésil ?", "Oui.", ["renault"]),
    ("日産とルノーはブラジルで協力してる？", "はい。", ["renault"]),
    ("日産はブラジルでルノーと組んでますか？", "はい。", ["renault"]),
    # one member: its own role
    ("is nissan involved in brazil?", "Yes, as a follower.", ["renault"]),
])
def test_two_members_working_together_take_a_part_each(assistant, question, opener, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener) and answer.leaders == leaders, answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("中国の協力側は？", ["nissan"]),  # the followers ("協力側"), not cooperation
])
def test_a_word_of_cooperating_inside_a_role_word_is_the_role(assistant, question, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.intent == "who_follows" and answer.leaders == leaders, answer.text


@pytest.mark.parametrize("question", ["すでに協力していることは？", "前から協力してることって何？",
                                      "what did they work together on before the plan?",
                                      "what's different vs how they worked together before?"])
def test_cooperation_before_the_plan_is_still_the_fact(assistant, question):
    answer = assistant.ask(question, guarded=False)
    assert answer.intent == "fact" and [s.paragraph for s in answer.sources] == [5], answer.text


@pytest.mark.parametrize("question", [
    "who will we be working with?",
    "who leads china? we will be working with them a lot",
])
def test_working_with_someone_never_reaches_the_outlook(assistant, question):
    assert "time will tell" not in assistant.ask(question, guarded=False).text


@pytest.mark.parametrize(("question", "text"), [
    ("who leads brazil? we launch there next month",
     "Renault leads South America; Mitsubishi and Nissan follow. Brazil counts as South "
     "America here."),
    ("who leads china? our dealers meet them next week",
     "Nissan leads China; Mitsubishi and Renault follow."),
])
def test_a_remark_on_the_askers_plans_asks_no_date(assistant, question, text):
    assert assistant.ask(question, guarded=False).text == text


@pytest.mark.parametrize("question", [
    "who leads brazil? and when was this announced",
    "who leads brazil? we need to know when it was announced",
])
def test_a_date_asked_after_a_question_is_answered(assistant, question):
    answer = assistant.ask(question, guarded=False)
    assert answer.intent == "compound" and "January" in answer.text, answer.text


@pytest.mark.parametrize(("question", "opener", "leaders"), [
    # cooperating, said with a word that is also a fact's hint
    ("do nissan and mitsubishi actually cooperate in mexico or no", "Yes.", ["nissan"]),
    ("does mitsu work w renault on the e-body architecture thing?", "Yes.", ["renault"]),
    ("renault et mitsubishi bossent ensemble en nouvelle-zélande ?", "Oui.", ["mitsubishi"]),
    ("nissan et renault coopèrent en chine ?", "Oui.", ["nissan"]),
])
def test_members_cooperating_there_take_a_part_each(assistant, question, opener, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener) and answer.leaders == leaders, answer.text


def test_a_choice_between_members_is_still_a_choice(assistant):
    answer = assistant.ask("is it nissan or mitsubishi in mexico?", guarded=False)
    assert answer.text.startswith("Nissan leads North America"), answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("detroit office here, customer is in mumbai - who leads for them?", []),
    ("i'm based in toronto, my supplier is out of lyon. who's lead for him", ["renault"]),
    ("je suis à toronto, mon fournisseur est à lyon. qui pilote pour lui ?", ["renault"]),
])
def test_someone_elses_place_said_before_them_is_theirs(assistant, question, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.understood and answer.leaders == leaders, answer.text


def test_the_leader_for_him_follows_the_thread(assistant):
    answer = thread(assistant, "my boss is in auckland", "who leads for him?")[-1]
    assert answer.leaders == ["mitsubishi"] and "Auckland" in answer.text, answer.text


@pytest.mark.parametrize("question", [
    "which alliance co covers east trelvania?? client meeting there thurs lol",
    "who leads west papua",  # not Cameroon's West province: asked back
])
def test_a_point_of_the_compass_is_no_province(assistant, question):
    answer = assistant.ask(question, guarded=False)
    assert answer.kind == "clarify" and "Cameroon" not in answer.text, answer.text


@pytest.mark.parametrize(("question", "unknown"), [
    ("who's lead on the QuantumCell battery program? boss wants a name", "QuantumCell"),
    ("who leads the Zorbix hydrogen truck", "Zorbix"),
])
def test_an_unknown_name_before_a_topic_is_asked_back(assistant, question, unknown):
    answer = assistant.ask(question, guarded=False)
    assert answer.kind == "clarify" and unknown in answer.text, answer.text


@pytest.mark.parametrize("question", ["who leads batteries?", "who leads solid-state batteries?"])
def test_a_topic_alone_has_no_leader(assistant, question):
    answer = assistant.ask(question, guarded=False)
    assert answer.understood and answer.leaders == [], answer.text


@pytest.mark.parametrize(("questions", "leaders"), [
    (("working from sydney rn. boss is in detroit. who leads for him",), ["nissan"]),
    (("the client is in cairo and i'm in paris, who leads for them?",), ["renault"]),
    (("my client is in cairo", "who leads for them?"), ["renault"]),
])
def test_a_person_named_without_my_is_someone_else(assistant, questions, leaders):
    answer = thread(assistant, *questions)[-1]
    assert answer.leaders == leaders, answer.text


def test_the_asker_said_to_be_the_boss_is_the_asker(assistant):
    answer = assistant.ask("i'm the boss in lyon, who leads here?", guarded=False)
    assert answer.leaders == ["renault"], answer.text


def test_members_teaming_up_take_a_part_each(assistant):
    answer = assistant.ask("quick one - do nissan and mitsu team up in brazil??", guarded=False)
    assert answer.text.startswith("Yes.") and answer.leaders == ["renault"], answer.text


@pytest.mark.parametrize(("question", "opener", "leaders"), [
    # an English cleft: "who" right after the company put forward asks nobody's name
    ("For my customers in French Guiana, it is Renault who leads, no ?", "Yes.", ["renault"]),
    ("it's nissan who leads japan right?", "Yes.", ["nissan"]),
    ("it's not renault who leads japan?", "No, Renault", ["nissan"]),
])
def test_an_english_cleft_is_a_claim(assistant, question, opener, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener) and answer.leaders == leaders, answer.text


@pytest.mark.parametrize("question", ["nissan, who leads japan?",
                                      "renault who leads europe and who follows?"])
def test_a_company_before_who_without_a_cleft_asks_who(assistant, question):
    answer = assistant.ask(question, guarded=False)
    assert not answer.text.startswith(("Yes", "No")), answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("client sits in jakarta but i'm based in lyon... who leads for them?", ["mitsubishi"]),
    ("supplier based in casablanca, me in yokohama. who's the lead for them", ["renault"]),
])
def test_a_person_placed_by_any_verb_is_someone_else(assistant, question, leaders):
    assert assistant.ask(question, guarded=False).leaders == leaders


def test_members_allying_in_french_take_a_part_each(assistant):
    answer = assistant.ask("dsl question bête : renault et nissan s'associent pour l'amérique "
                           "du sud ?", guarded=False)
    assert answer.text.startswith("Oui.") and answer.leaders == ["renault"], answer.text


@pytest.mark.parametrize("questions", [
    ("qui dirige la chine ?", "et pour le connected là-bas ?"),
    ("qui dirige la chine ?", "et là-bas pour la techno connectée ?"),
    ("中国のリーダーは？", "そこのコネクテッド技術は？"),
    ("who leads china?", "and connected tech there?"),
])
def test_a_follow_up_narrowing_the_subject_asks_no_yes_or_no(assistant, questions):
    answer = thread(assistant, *questions)[-1]
    assert answer.leaders == ["nissan"], answer.text
    assert not answer.text.startswith(("Yes", "No", "Oui", "Non", "はい", "いいえ")), answer.text


@pytest.mark.parametrize(("questions", "opener"), [
    (("who leads PHEV?", "and thats just for C and D segments, yeah?"), "Yes."),
    (("renault leads japan, yeah?",), "No, Renault"),
])
def test_yeah_as_a_tag_asks_yes_or_no(assistant, questions, opener):
    answer = thread(assistant, *questions)[-1]
    assert answer.text.startswith(opener), answer.text


def test_yeah_after_a_question_word_asks_who(assistant):
    answer = assistant.ask("who leads japan yeah?", guarded=False)
    assert answer.text.startswith("Nissan leads Japan"), answer.text
