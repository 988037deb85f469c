"""Classes of questions found by the blind sets of the 2026-11-26 third session: the role a
follow-up asks about, roles offered as a choice, clauses that only argue about the subject, where
the asker works in Japanese and French, and facts asked through someone's words. Each test names
a class, with examples in the languages it was seen in."""

from __future__ import annotations

import pytest

from intents.text import clean
from knowledge.answer import Kind
from tests.support.threads import thread


@pytest.mark.parametrize(("questions", "opener"), [
    # a word of leading asks about leading, whatever the question before asked
    (["who follows in oceania?", "is nissan leader there?"], "No"),
    (["Qui sont les suiveurs en Océanie ?", "et nissan est leader ?"], "Non"),
    (["who follows in oceania?", "and is nissan leader or what?"], "No"),
    (["who follows in oceania?", "is mitsubishi the leader there?"], "Yes"),
    # "one of them" after an answer naming one leader: one of its followers
    (["who leads in south east asia?", "is renault one of them?"], "Yes"),
    (["qui est leader en chine", "et renault en fait partie ?"], "Oui"),
    (["中国のリーダーは？", "ルノーもその中に入る？"], "はい"),
    (["who leads in south east asia?", "is mitsubishi one of them?"], "No"),
])
def test_a_follow_up_about_a_company_asks_about_the_role_it_names(assistant, questions, opener):
    answer = thread(assistant, *questions)[-1]
    assert answer.text.startswith(opener), answer.text


@pytest.mark.parametrize(("questions", "opener"), [
    (["who leads vietnam?", "and fiji, same leader?"], "Yes"),
    (["who leads vietnam?", "brazil same company?"], "No"),
    (["qui est leader au maroc", "et l'égypte, même leader ?"], "Oui"),
    (["タイのリーダーは？", "インドネシアも同じ？"], "はい"),
])
def test_same_leader_for_a_new_place_compares_with_the_last_answer(assistant, questions, opener):
    answer = thread(assistant, *questions)[-1]
    assert answer.text.startswith(opener), answer.text


@pytest.mark.parametrize("question", [
    "is nissan leader or follower in china?",
    "nissan est leader ou suiveur en chine ?",
    "日産は中国でリーダーそれともフォロワー？",
    "日産は中国でリーダーですか、フォロワーですか？",
])
def test_roles_offered_as_a_choice_are_answered_with_the_roles(assistant, question):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == ["nissan"] and answer.intent == "who_leads", answer.text
    assert not answer.text.startswith(("Yes", "No", "Oui", "Non", "はい", "いいえ")), answer.text


def test_roles_offered_as_a_choice_in_a_thread(assistant):
    answer = thread(assistant, "who leads oceania?", "is nissan leader or follower there?")[-1]
    assert answer.leaders == ["mitsubishi"] and not answer.text.startswith(("Yes", "No"))


@pytest.mark.parametrize("questions", [
    ["Qui sont les suiveurs en Océanie ?", "et nissan est leader ou alors ?"],
    ["who follows in oceania?", "and where does nissan lead?"],
])
def test_where_a_company_leads_in_a_thread_lists_what_it_leads(assistant, questions):
    answer = thread(assistant, *questions)[-1]
    assert answer.intent == "what_leads" and answer.leaders == ["nissan"], answer.text


def test_ou_right_after_a_word_of_leading_asks_where(assistant):
    # accents dropped, "où": not a Yes or No about Asia, but who leads which part of it
    answer = assistant.ask("nissan il est leader ou en asie ?", guarded=False)
    assert answer.intent == "who_leads" and not answer.text.startswith(("Oui", "Non"))


@pytest.mark.parametrize(("question", "leaders", "said", "not_said"), [
    ("Guam, who takes the lead? its US but in the pacific so im confused", ["mitsubishi"],
     "Guam", "North America"),
    ("greenland which brand leads? it belongs to denmark so europe no?", ["nissan"],
     "Greenland", "Europe"),
    ("qui dirige la Guyane ? c'est la France donc l'Europe non ?", ["renault"],
     "Guyane française", "Europe"),
    # the pronoun after a word or three of assent; within one clause after a comma
    ("pr Guam c qui? (oui je sais c americain)", ["mitsubishi"], "Guam", "Amérique du Nord"),
    ("wait what about guam, thats US no?", ["mitsubishi"], "Guam", "North America"),
    # a place beside a word of ownership owns the place asked about
    ("who leads guam, its a US territory though", ["mitsubishi"], "Guam", "North America"),
    ("グアムのリーダーどこ？アメリカ領だけど", ["mitsubishi"], "グアム", "北米"),
])
def test_a_later_clause_that_argues_about_the_subject_is_not_a_question(assistant, question,
                                                                        leaders, said, not_said):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == leaders and said in answer.text, answer.text
    assert not_said not in answer.text, answer.text


def test_a_place_joined_by_and_also_keeps_the_role_of_the_place_before_it(assistant):
    answer = assistant.ask("if we sell in tunisia and also in japan, who do i need to talk to "
                           "as leader", guarded=False)
    assert answer.leaders == ["nissan", "renault"], answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("横浜のグローバル本社勤務です。フィリッピンのリーダーはどこになりますか？", ["mitsubishi"]),
    ("岡崎（三菱）の者ですが、チリはどこがリードしてるか分かりますか", ["renault"]),
    ("パリのルノーに出向中なんですが、インドネシヤ市場の主導はどこ？", ["mitsubishi"]),
    ("ici equipe Montreal, qui lead le Chili svp", ["renault"]),
    # one place only: the asker's place is the subject
    ("横浜のリーダーは誰？", ["nissan"]),
])
def test_where_the_asker_works_is_context_in_japanese_and_french(assistant, question, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == leaders, answer.text


def test_here_in_quebec_french_is_the_asker_place(assistant):
    answer = assistant.ask("chu au bureau de Montreal, c'est qui le lead pour icitte ?",
                           guarded=False)
    assert answer.leaders == ["nissan"], answer.text


@pytest.mark.parametrize(("question", "name"), [
    ("Ｚセグメントのリーダーってどこ？", "Zセグメント"),
    ("Zセグのリーダーは？", "Zセグ"),
    ("who leads the Q-segment?", "Q segment"),
])
def test_a_segment_letter_the_plan_does_not_have_is_asked_back(assistant, question, name):
    answer = assistant.ask(question, guarded=False)
    assert answer.kind == Kind.CLARIFY and not answer.leaders and name in answer.text


def test_a_dash_after_katakana_is_the_long_vowel_mark(assistant):
    assert clean("ルノ―担当").text == "ルノー担当"
    assert clean("ルノー-日産").text == "ルノー-日産"
    answer = assistant.ask("ロシアはルノ―担当であってる？", guarded=False)
    assert answer.text.startswith("はい") and answer.leaders == ["renault"], answer.text


def test_an_abbreviated_electrified_powertrain_is_the_ab_one(assistant):
    answer = assistant.ask("Ａセグ・Ｂセグの電動パワトレはどこ主導なんでしょう", guarded=False)
    assert answer.leaders == ["renault"], answer.text


@pytest.mark.parametrize("question", [
    "who said the quote about covering all segments and geographies",
    "qui a dit que les trois couvriront tous les segments ?",
    "全セグメントをカバーすると言ったのは誰？",
])
def test_who_said_words_asks_for_the_person_not_the_list(assistant, question):
    answer = assistant.ask(question, guarded=False)
    assert answer.intent == "fact" and "Senard" in answer.text, answer.text


@pytest.mark.parametrize(("questions", "said"), [
    (["was it already announced before?"], "January"),
    (["Le modèle avait-il déjà été évoqué avant cette annonce ?"], "janvier"),
    (["when was it announced?", "and who presented it?"], "Senard"),
    (["who presented it?"], "Senard"),
    (["Le modèle avait-il déjà été évoqué avant cette annonce ?", "et qui l'a présenté ?"],
     "Senard"),
])
def test_facts_asked_in_other_words_and_a_new_fact_in_a_thread(assistant, questions, said):
    answer = thread(assistant, *questions)[-1]
    assert answer.intent == "fact" and said in answer.text, answer.text


@pytest.mark.parametrize(("questions", "leaders", "said", "gap"), [
    # issue 11: a new segment keeps the technology; PHEV for the A segment has no leader.
    # Asked together, the gap is the answer and the segment's own leader is said beside it;
    # the segment asked alone in the thread is answered, and the gap said beside it
    (["who leads phev?", "and A/B?"], ["renault"], "Renault", "doesn't cover"),
    (["PHEVのリーダーは？", "Ａセグは？"], ["renault"], "ルノー", "対象外"),
    (["qui dirige les PHEV ?", "et le segment B ?"], ["renault"], "Renault", "n'inclut pas"),
    (["who leads PHEV for the A segment?"], [], "Renault", "doesn't cover"),
])
def test_no_leader_for_a_combination_says_who_leads_the_segment_alone(assistant, questions,
                                                                       leaders, said, gap):
    answer = thread(assistant, *questions)[-1]
    assert answer.leaders == leaders and said in answer.text and gap in answer.text, \
        answer.text


@pytest.mark.parametrize(("question", "said", "not_said"), [
    ("qui est leader pour la coree ?", "Corée", "Korea"),
    ("who leads korea?", "Korea", "korea"),
])
def test_a_zone_is_named_as_its_language_writes_it(assistant, question, said, not_said):
    answer = assistant.ask(question, guarded=False)
    assert said in answer.text and not_said not in answer.text, answer.text


@pytest.mark.parametrize(("question", "opener", "said"), [
    # the model's name holds a word of leading; it asks about no role
    ("このリーダー・フォロワー体制って以前にも発表されてたんですか？", "はい", "1月"),
    ("ce modele leader-suiveur avait deja ete annonce avant ?", "", "janvier"),
])
def test_the_models_name_is_not_a_question_about_a_leader(assistant, question, opener, said):
    answer = assistant.ask(question, guarded=False)
    assert answer.intent == "fact" and answer.text.startswith(opener) and said in answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("パリ（ルノー）の者ですが、オーストラリアで主導している会社を教えてください。",
     ["mitsubishi"]),
    ("日産の横浜本社勤務ですが、タイのリーダーは？", ["mitsubishi"]),
])
def test_the_askers_employer_is_context_like_the_askers_place(assistant, question, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.intent == "who_leads" and answer.leaders == leaders, answer.text


@pytest.mark.parametrize(("question", "opener", "leaders"), [
    ("qui mene en Nouvelle-Caledonie ? c'est la France donc c'est Renault non ?", "Non",
     ["mitsubishi"]),
    ("who leads guam? it's american so nissan right?", "No", ["mitsubishi"]),
    ("who leads mexico? it's in north america so nissan?", "Yes", ["nissan"]),
])
def test_a_later_clause_claiming_a_company_for_the_subject_is_answered_about_it(
        assistant, question, opener, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener) and answer.leaders == leaders, answer.text


@pytest.mark.parametrize("question", ["who leads and who follows in china?",
                                      "qui dirige et qui suit en Chine ?"])
def test_a_clause_without_subject_takes_the_one_the_next_clause_names(assistant, question):
    answer = assistant.ask(question, guarded=False)
    assert answer.understood and answer.leaders == ["nissan"], answer.text


def test_a_reported_claim_is_not_a_question_about_who_said_it(assistant):
    answer = assistant.ask("my manager says we have a lead partner for the Zembla market now, "
                           "which one is it?", guarded=False)
    assert answer.kind == Kind.CLARIFY and "Zembla" in answer.text, answer.text


@pytest.mark.parametrize(("question", "opener"), [
    # a claim that nobody leads, with a tag asking whether it is so: Yes when nobody does
    ("pour l'Inde et le Pakistan y a personne c'est ça ?", "Oui"),
    ("for india and pakistan there's nobody, right?", "Yes"),
    ("there is no leader for japan, correct?", "No"),
    ("日本はリーダーいないよね？", "いいえ"),
    # without a tag a Yes or No could be read either way: the fact alone
    ("nobody leads india?", "The plan"),
    ("il n'y a aucun leader pour l'Inde ?", "Inde"),
    ("is there a leader for india?", "No"),
])
def test_a_claim_that_nobody_leads_is_confirmed_or_denied_as_a_claim(assistant, question,
                                                                     opener):
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener), answer.text


@pytest.mark.parametrize(("question", "leaders", "not_said"), [
    ("ok so mitsubishi has PHEV for C and D segment, but what about E segment, anyone?", [],
     "Mitsubishi leads"),
    ("Renault leads Europe, but who leads Asia?", ["mitsubishi", "nissan"], "Renault leads"),
    ("Pour la Roumanie c'est Renault qui mène, ok, mais pour la Turquie c'est qui ? Merci", [],
     "Roumanie"),
    ("ルノーが欧州をリードするのは知ってるけど、中東はどこ？", [], "欧州"),
])
def test_a_statement_before_but_and_a_question_is_the_premise(assistant, question, leaders,
                                                               not_said):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == leaders and not_said not in answer.text, answer.text


@pytest.mark.parametrize(("questions", "opener"), [
    (["Who is leading India market?", "ok and sri lanka also same?"], "Yes"),
    (["who leads india?", "and japan, same leader?"], "No"),
])
def test_same_after_an_answer_that_named_no_leader(assistant, questions, opener):
    answer = thread(assistant, *questions)[-1]
    assert answer.text.startswith(opener), answer.text


@pytest.mark.parametrize(("question", "said"), [
    # a greeting in another language before a question about a fact is no name to ask about
    ("Bună ziua, qui a annoncé ce modèle leader-suiveur ?", "janvier"),
    ("who announced the leader-follower model?", "January"),
])
def test_who_announced_the_model_is_the_announcement(assistant, question, said):
    answer = assistant.ask(question, guarded=False)
    assert answer.intent == "fact" and said in answer.text, answer.text


@pytest.mark.parametrize(("question", "leaders", "not_said"), [
    ("ハワイの販売店から問い合わせがありました。ハワイのリーダーはどちらになりますか？", ["nissan"],
     "販売"),
    ("I'm in the marketing team, who leads brazil?", ["renault"], "marketing"),
])
def test_a_topic_word_naming_the_askers_unit_is_not_a_topic_asked(assistant, question, leaders,
                                                                  not_said):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == leaders and not_said not in answer.text, answer.text


@pytest.mark.parametrize(("question", "opener"), [
    ("Jamaica and Dominican Republic, any leader assigned?", "No"),
    ("brazil, any leader?", "Yes"),
])
def test_any_leader_after_the_places_asks_whether_there_is_one(assistant, question, opener):
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener), answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    # "over there" points back at the place of a clause that asked nothing itself
    ("we're shipping parts to Guam next month. which alliance member takes the lead over "
     "there?", ["mitsubishi"]),
    ("je pars à Lima demain. quel membre de l'alliance est leader là-bas ?", ["renault"]),
])
def test_over_there_takes_the_place_of_the_clause_before(assistant, question, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.intent == "who_leads" and answer.leaders == leaders, answer.text


def test_a_membership_question_in_a_thread_is_answered_on_its_own(assistant):
    answer = thread(assistant, "Je suis à Dakar. Qui pilote l'Afrique du Nord ?",
                    "Et chez nous au Sénégal ?",
                    "Ok. Et l'Égypte, elle compte dans l'Afrique du Nord ?")[-1]
    assert answer.text.startswith("Oui") and answer.leaders == ["renault"], answer.text


def test_a_tag_after_a_word_of_leading_is_no_where(assistant):
    answer = assistant.ask("pour la Guyane française c'est Renault qui mène ou pas ?",
                           guarded=False)
    assert answer.text.startswith("Oui"), answer.text


@pytest.mark.parametrize("questions", [
    ["who leads brazil?", "which alliance member takes the lead there?"],
    ["qui dirige le brésil ?", "quel membre de l'alliance est leader là-bas ?"],
])
def test_which_member_leads_there_is_about_the_place_in_the_thread(assistant, questions):
    answer = thread(assistant, *questions)[-1]
    assert answer.intent == "who_leads" and answer.leaders == ["renault"], answer.text


def test_several_kinds_after_what_a_company_leads_are_all_it_leads(assistant):
    answer = assistant.ask("what exactly does Mitsubishi lead? regions and tech both pls",
                           guarded=False)
    assert answer.understood and "Leads what" not in answer.text, answer.text
    assert "Oceania" in answer.text and "PHEV" in answer.text, answer.text


def test_one_of_the_followers_after_what_a_company_leads(assistant):
    answer = thread(assistant, "Which technologies is Nissan the lead company for?",
                    "Is Renault one of the followers on those?")[-1]
    assert answer.intent == "who_follows" and "renault" in answer.followers, answer.text


def test_a_yes_no_about_following_a_new_subject_in_japanese(assistant):
    answer = thread(assistant, "ルノーは技術面で何をリードしていますか？",
                    "その中のAndroidのやつ、三菱はフォロワー？")[-1]
    assert answer.text.startswith("はい") and answer.leaders == ["renault"], answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    # the membership answer already says who leads the place: no second answer naming the
    # region's leader beside "no leader" ("Chine : Nissan" after "Taïwan : aucun leader")
    ("taiwan c'est compté avec la chine ou pas ? qui lead", []),
    ("is mexico part of north america? who leads?", ["nissan"]),
])
def test_who_leads_after_a_membership_question_is_answered_once(assistant, question, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == leaders, answer.text
    first = answer.text.split(". ")[1]
    assert answer.text.count(first) == 1, answer.text


def test_followers_of_a_country_and_its_region_are_said_once(assistant):
    answer = assistant.ask("is mexico part of north america? who follows there?", guarded=False)
    assert answer.text.count("follow Nissan in North America") == 1, answer.text


@pytest.mark.parametrize(("questions", "opener"), [
    # taking part is leading or following: a follower is involved, never "No"
    (["which company leads the android based connected platform?",
      "is nissan involved in that one at all?"], "Yes, as a follower."),
    (["does mitsubishi take part in the e-body?"], "Yes, as a follower."),
    # the "driving" of autonomous driving is no word of leading; "any role" asks no leader
    (["does mitsubishi take part in the autonomous driving work at all?"], "Yes, as a follower."),
    (["does nissan play any role in the PHEV stuff for C/D segs?"], "Yes, as a follower."),
    (["is renault part of the phev thing?"], "Yes, as a follower."),  # a place "part of" one: no
    (["is renault involved in europe?"], "Yes, as the leader."),
    (["Nissan participe aux PHEV ?"], "Oui, en tant que suiveur."),
    (["ルノーはPHEVに関わってる？"], "はい、フォロワーとして"),
])
def test_taking_part_counts_leading_and_following(assistant, questions, opener):
    answer = thread(assistant, *questions)[-1]
    assert answer.text.startswith(opener), answer.text


def test_taking_part_where_the_plan_names_no_roles_is_no_yes_or_no(assistant):
    """The plan designates nobody for India: whether Nissan works there it does not say."""
    answer = thread(assistant, "is nissan involved in india?")[-1]
    assert answer.leaders == [] and not answer.text.startswith(("Yes", "No")), answer.text


@pytest.mark.parametrize(("question", "opener"), [
    ("c'est bien Senard qui a annoncé le modele leader-follower ?", "Oui."),
    ("was it Senard who announced the leader-follower model?", "Yes."),
    ("c'est bien Nissan qui dirige la Chine ?", "Oui."),
    ("c'est bien les membres de l'Alliance qui avaient deja annoncé ce modele en janvier ?",
     "Oui."),
    ("c'est bien les membres qui ont annoncé le modèle en mai ?", "Non."),
])
def test_a_cleft_that_puts_a_name_forward_asks_yes_or_no(assistant, question, opener):
    """"c'est bien X qui …": the "qui" links the name put forward to its verb, asking no one."""
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener), answer.text


@pytest.mark.parametrize(("question", "opener"), [
    # the place the asker treats the subject as is a premise, not a second subject
    ("台湾は中国扱いで日産リード？", "いいえ"),
    ("香港は中国扱いで日産リード？", "はい"),
    ("taiwan is treated as china, so nissan?", "No."),
    ("is turkey considered europe?", "No."),
])
def test_a_place_treated_as_another_is_answered_about_the_first(assistant, question, opener):
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener), answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    # the leader asked for: the company the fact shows leading
    ("xpander then livina — who was the leader on that one?", ["mitsubishi"]),
    ("dans l'exemple Xpander/Livina, qui était le leader ?", ["mitsubishi"]),
    ("エクスパンダーとリヴィナの例でリーダーだったのは？", ["mitsubishi"]),  # no "who" said
    # its maker, a model, or the example itself: no leader named ("Le Livina, c'est de quel
    # constructeur ?" is Nissan's model, not Mitsubishi's lead)
    ("which brand makes the Xpander", []),
    ("Le Livina, c'est de quel constructeur déjà ?", []),
    ("Which Mitsubishi model was the Nissan Livina built on?", []),
    ("What is the Xpander example?", []),
])
def test_a_fact_names_its_leading_company_when_its_leader_is_asked(assistant, question, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.intent == "fact" and answer.leaders == leaders, answer.text


def test_c_est_qui_asks_who(assistant):
    answer = assistant.ask("c'est qui le lead en Chine ?", guarded=False)
    assert answer.leaders == ["nissan"] and not answer.text.startswith("Oui"), answer.text


@pytest.mark.parametrize("question", [
    # "qui" right after a preposition, last, or after a choice asks who
    ("Hong Kong c'est rattaché a qui"),
    ("yo, l'Amérique du Sud c'est sous qui ?"),
    ("le connected car en Chine c'est Nissan ou Renault qui drive ?"),
])
def test_a_cleft_whose_qui_asks_who_is_answered_with_the_leader(assistant, question):
    answer = assistant.ask(question, guarded=False)
    assert answer.understood and answer.leaders, answer.text


def test_what_a_slide_is_to_say_is_nobodys_words(assistant):
    """"wants the slide to say which company is the leader": asks the leader, not who said."""
    answer = assistant.ask(
        "Hi everyone, I'm in the Singapore office and we are preparing a regional supplier day "
        "with one supplier in Kuala Lumpur and another one in Sydney. My boss wants the slide to "
        "say which Alliance company is the leader for these markets. Who is it?", guarded=False)
    assert answer.leaders == ["mitsubishi"] and "Senard" not in answer.text, answer.text


@pytest.mark.parametrize(("question", "opener", "leaders"), [
    # the claim argues through a place to the last conclusion word, an arrow among them
    ("le Groenland c danois donc europe => renault, on est d'accord?", "Non", ["nissan"]),
    ("グリーンランドってデンマーク領だから欧州扱い＝ルノー？", "いいえ", ["nissan"]),
    ("greenland is danish so europe, so renault right?", "No", ["nissan"]),
    ("Hong Kong was a UK colony, so that's Europe = Renault right", "No", ["nissan"]),
    # a company guessed beside "who leads" is answered as a claim, about the place it
    # argues for, not the one it compares with
    ("my team is in taipei and i am in yokohama HQ, who leads taiwan market, nissan like japan?",
     "No. The plan designates no leader for Taiwan", []),
    # "vu qu'on": the reason word elided
    ("c'est-tu renault le leader au Quebec vu qu'on parle francais icitte?", "Non", ["nissan"]),
])
def test_a_claim_argued_through_other_places_is_about_its_first(assistant, question, opener,
                                                               leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener) and answer.leaders == leaders, answer.text


@pytest.mark.parametrize(("question", "opener", "leaders"), [
    # a carmaker outside the Alliance claimed to lead or follow: No, and the place's answer
    ("so toyota will lead japan in this alliance model, correct? just confirm pls", "No: Toyota",
     ["nissan"]),
    ("hyundai is the follower in south east asia right, together with nissan", "No: Hyundai",
     ["mitsubishi"]),
    ("Toyota est leader au Japon, non ?", "Non : Toyota", ["nissan"]),
    ("トヨタが日本のリーダーですよね？", "いいえ。トヨタ", ["nissan"]),
    # one set aside claims nothing, nor one in a bracketed remark
    ("is nissan a follower in europe, not toyota?", "Yes", ["renault"]),
    ("poland who leads (toyota would be faster haha)", "Renault leads Europe", ["renault"]),
    # a claim without a question word, whatever ends it
    ("VW is the leader for europe yeah?", "No: VW", ["renault"]),
    ("c'est BYD qui lead en Chine c'est ça ?", "Non : BYD", ["nissan"]),
])
def test_a_claim_about_a_carmaker_outside_the_alliance_is_answered_no(assistant, question,
                                                                      opener, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener) and answer.leaders == leaders, answer.text


@pytest.mark.parametrize(("question", "opener"), [
    # a negated claim with a tag asking whether it is right: Yes when it holds
    # (the No says in words which way it goes: "No: Renault does lead that.")
    ("Renault doesn't lead Russia, right?", "No: Renault does lead that."),
    ("Nissan doesn't lead Europe, correct?", "Yes: Nissan doesn't lead that."),
    ("Renault is not a follower in Japan right? they dont have nothing to do there", "No."),
    ("Renault doesn't lead India, right?", "Yes."),
    ("Renault ne dirige pas la Russie, c'est ça ?", "Non : Renault est bien leader"),
    ("Nissan dirige pas l'Europe, c'est ça ?", "Oui : Nissan n'est pas leader"),
    # an intonation tag: French answers "Non" when it doesn't
    ("renault dirige pas le japon hein ?", "Non, Renault n'est pas leader"),
    ("ルノーはロシアをリードしてないよね？", "いいえ。ルノーがそのリーダーです。"),
    ("日産は欧州のリーダーじゃないよね？", "はい。"),
    # "…じゃなかったっけ？", "…じゃない？" suggest the plain claim: answered as it
    ("中国のコネクテッド技術ってルノー担当じゃなかったでしたっけ？", "いいえ、ルノー"),
    ("ロシアはルノーじゃない？", "はい。"),
    # a question opening with the negation asks about the plain claim
    ("doesn't Nissan lead Europe?", "No, Nissan doesn't lead that."),
    ("c pas nissan qui gere l'afrique du nord?", "Non, Nissan n'est pas leader"),
    # French answers it "Non" when it doesn't
    ("Renault ne dirige pas la Chine ?", "Non, Renault n'est pas leader"),
])
def test_a_negated_claim_is_answered_whether_it_holds(assistant, question, opener):
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener), answer.text


def test_a_clause_giving_examples_of_the_region_asked_is_not_answered_again(assistant):
    answer = assistant.ask("c pas nissan qui gere l'afrique du nord? genre Algerie Tunisie",
                           guarded=False)
    assert answer.text.count("Afrique du Nord : le leader est Renault") == 1, answer.text


@pytest.mark.parametrize(("question", "opener", "leaders"), [
    # a later clause claiming a company for the subject asked is that claim, answered once
    ("qui lead en Martinique et en Guadeloupe? c des DOM donc renault?", "Non.", []),
    ("who leads Brazil? is it Renault?", "Yes. Renault leads South America", ["renault"]),
    ("who leads Japan? it's Renault right?", "No, Renault doesn't lead that.", ["nissan"]),
    # a short guess at the company
    ("who leads Vietnam? nissan?", "No, Nissan doesn't lead that.", ["mitsubishi"]),
    ("c qui le leader pour la conduite autonome ? renault ?", "Non, Renault n'est pas leader",
     ["nissan"]),  # about a technology too
    # a later clause giving a reason asks nothing
    ("nissan also lead the android based connected platform no? because they do connected "
     "already", "No, Nissan doesn't lead that.", ["renault"]),
])
def test_a_later_clause_claiming_a_company_is_the_claim_answered_once(assistant, question,
                                                                      opener, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener) and answer.leaders == leaders, answer.text
    assert answer.text.count(opener.split(".")[0]) == 1, answer.text


@pytest.mark.parametrize(("question", "intent"), [
    # "how much" asks the amount a fact gives; a price stays unknown
    ("and how much will be jointly developed by 2025", "fact"),
    ("how much does the 2025 plan cost?", "out_of_scope"),
])
def test_how_much_of_an_amount_the_article_gives(assistant, question, intent):
    answer = assistant.ask(question, guarded=False)
    assert answer.intent == intent, answer.text


def test_two_claims_in_a_row_are_both_answered(assistant):
    answer = thread(assistant, "je suis a montreal, c'est qui le leader chez nous?",
                    "c'est nissan alors ? pas renault ?")[-1]
    assert answer.text.startswith("Oui."), answer.text


def test_a_negated_claim_in_a_thread_is_answered_whether_it_holds(assistant):
    answer = thread(assistant, "who leads north africa?",
                    "wait so nissan doesn't lead there, right?")[-1]
    assert answer.text.startswith("Yes: Nissan doesn't lead that."), answer.text
