"""Classes of questions found by the held-out sets of 2026-11-27 (sixth session): a company
guessed inside the question, a negated claim's answer said in words, names typed in hiragana
beside another name, a segment asked after a technology without segments, a role said of a
noun ("a follower company"), a name two cities share in Japanese, and a yes/no after a dash.
Each test names a class, with examples in the languages it was seen in."""

from __future__ import annotations

import pytest

from tests.support.threads import thread


@pytest.mark.parametrize(("question", "opener", "leaders"), [
    # a company set off by a mark after "who leads X": a guess, answered Yes or No
    ("who leads vietnam, nissan?", "No, Nissan doesn't lead that.", ["mitsubishi"]),
    ("which brand leads ecuador, renault like argentina?", "Yes.", ["renault"]),
    ("who leads the ev powertrain, renault i think?", "No, Renault", ["nissan"]),
    ("vietnam: who leads, mitsubishi?", "Yes.", ["mitsubishi"]),
    ("qui est leader en chine, renault ?", "Non, Renault", ["nissan"]),
    ("マレーシアはだれがリーダー？三菱？", "はい。", ["mitsubishi"]),
    ("ロンドンはどこ？ﾙﾉｰ？", "はい。", ["renault"]),
    # a carmaker outside the Alliance guessed: not a member, and the real leader
    ("who leads japan, toyota?", "No: Toyota is not part of the Alliance.", ["nissan"]),
    ("日本のリーダーはどこ？トヨタ？", "いいえ。トヨタはアライアンスに加わっていません。",
     ["nissan"]),
    # after a dash, a yes/no question of its own
    ("who leads vietnam - is it nissan?", "No, Nissan doesn't lead that.", ["mitsubishi"]),
    ("whos the lead for PHEV — is it mitsubishi?", "Yes.", ["mitsubishi"]),
])
def test_a_company_guessed_in_the_question_is_answered_yes_or_no(assistant, question, opener,
                                                                  leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener) and answer.leaders == leaders, answer.text


@pytest.mark.parametrize("question", [
    "who leads vietnam, nissan or mitsubishi?",  # a choice, answered by the name
    "north america - is mexico included?",  # one question about Mexico, not two
    "who leads brazil",
])
def test_a_choice_or_a_plain_question_gets_no_yes_or_no_of_its_own(assistant, question):
    answer = assistant.ask(question, guarded=False)
    assert not answer.text.startswith(("No", "Yes. Nissan leads North America; Mitsubishi and "
                                       "Renault follow. Yes")), answer.text
    assert answer.understood and len(answer.leaders) == 1, answer.text


@pytest.mark.parametrize(("question", "text"), [
    # a company not set off from the question is part of it, no guess
    ("who follows nissan in china?", "Mitsubishi and Renault follow Nissan in China."),
    ("who leads japan alongside nissan?", "Nissan leads Japan; Mitsubishi and Renault follow."),
])
def test_a_company_inside_the_question_is_no_guess(assistant, question, text):
    assert assistant.ask(question, guarded=False).text == text


@pytest.mark.parametrize(("question", "opener"), [
    ("who leads japan? does renault follow there?", "Yes. Nissan leads Japan"),
    ("who leads japan - does renault follow there?", "Yes. Nissan leads Japan"),
])
def test_an_answer_the_next_one_says_again_is_said_once(assistant, question, opener):
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener) and answer.text.count("Nissan leads Japan") == 1, \
        answer.text


@pytest.mark.parametrize(("question", "opener", "leaders"), [
    # names typed in hiragana that the dictionary normalises to the name
    ("にほんのりーだーはどこ", "日本のリーダーは日産", ["nissan"]),
    ("にほんはにっさん？", "はい。", ["nissan"]),
])
def test_a_name_typed_in_hiragana_is_read_by_its_normalised_form(assistant, question, opener,
                                                                  leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener) and answer.leaders == leaders, answer.text


def test_a_name_typed_in_hiragana_beside_a_name_read_is_read_too(assistant):
    answer = assistant.ask("じどううんてんとPHEVのリーダー それぞれおしえて", guarded=False)
    assert answer.leaders == ["mitsubishi", "nissan"], answer.text
    assert "自動運転のリーダーは日産" in answer.text, answer.text


def test_the_kana_of_an_everyday_word_beside_a_name_stay_that_word(assistant):
    answer = assistant.ask("こんごのために聞きたいんですが、ブラジルは誰がリード？", guarded=False)
    assert answer.leaders == ["renault"] and "コンゴ" not in answer.text, answer.text


@pytest.mark.parametrize("questions", [
    ["ev powertrain lead?", "and for A/B seg?"],
    ["qui pilote la motorisation EV commune ?", "et pour la plateforme A/B electrifiee ?"],
    ["EVのパワートレインのリーダーは？", "じゃあAセグメントは？"],
])
def test_a_segment_after_the_ev_powertrain_is_the_segment_asked(assistant, questions):
    """The common EV powertrain has no segments; the segment asked next has its own leader,
    said beside the technology's reach."""
    answer = thread(assistant, *questions)[-1]
    assert answer.understood and answer.leaders == ["renault"], answer.text


def test_segments_asked_together_with_the_ev_powertrain_are_still_asked_back(assistant):
    answer = assistant.ask("EVs for the A segment?", guarded=False)
    assert not answer.understood and answer.leaders == [], answer.text


def test_a_yes_about_two_segments_says_each_note_once(assistant):
    answer = thread(assistant, "ev powertrain lead?", "and for A/B seg?",
                    "does renault lead both?")[-1]
    assert answer.text.startswith("Yes.") and answer.text.count(
        "The plan assigns segments through technologies.") == 1, answer.text


@pytest.mark.parametrize(("question", "fact_words"), [
    ("what does a follower company actually do in this setup", "A follower reuses"),
    ("what does a follower brand get out of it", "A follower reuses"),
    ("what do follower members do?", "A follower reuses"),
])
def test_a_role_said_of_a_company_is_the_role(assistant, question, fact_words):
    answer = assistant.ask(question, guarded=False)
    assert answer.understood and answer.text.startswith(fact_words), answer.text


def test_which_company_still_asks_who(assistant):
    answer = assistant.ask("which company leads brazil", guarded=False)
    assert answer.leaders == ["renault"], answer.text


def test_a_name_two_cities_share_in_japanese_is_answered_for_both(assistant):
    answer = assistant.ask("オークランドのリーダーってどこ？", guarded=False)
    assert answer.leaders == ["mitsubishi", "nissan"], answer.text
    assert "ニュージーランド" in answer.text and "米国" in answer.text, answer.text
    told = assistant.ask("オークランド(NZ)のリーダーは？", guarded=False)
    assert told.leaders == ["mitsubishi"], told.text


@pytest.mark.parametrize(("question", "opener", "leaders"), [
    # a carmaker outside the Alliance guessed in a clause of its own, for what was just asked
    ("who's leading new zealand - is it toyota?", "No: Toyota is not part of the Alliance.",
     ["mitsubishi"]),
    ("who leads japan? toyota?", "No: Toyota is not part of the Alliance.", ["nissan"]),
    # a dash before any yes/no word
    ("who drives connected tech in china - would that be renault", "No, Renault",
     ["nissan"]),
])
def test_a_guess_in_a_clause_of_its_own_is_answered_yes_or_no(assistant, question, opener,
                                                              leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener) and answer.leaders == leaders, answer.text


def test_a_remark_on_a_carmaker_outside_the_alliance_is_no_guess(assistant):
    answer = assistant.ask("who leads japan? i heard toyota is really strong over there",
                           guarded=False)
    assert answer.text == "Nissan leads Japan; Mitsubishi and Renault follow.", answer.text


def test_a_carmaker_outside_the_alliance_asked_about_alone_is_still_out_of_scope(assistant):
    answer = assistant.ask("is toyota in the alliance?", guarded=False)
    assert not answer.understood and "Toyota" in answer.text, answer.text


@pytest.mark.parametrize(("question", "opener"), [
    # English question tags after a negated claim ask whether it holds
    ("mitsubishi doesnt handle the phev stuff for C/D segments does it",
     "No: Mitsubishi does lead that."),
    ("nissan doesn't own autonomous driving tech, yeah?", "No: Nissan does lead that."),
    ("renault doesnt lead japan does it", "Yes: Renault doesn't lead that."),
    ("nissan isnt the leader in brazil is it", "Yes: Nissan doesn't lead that."),
    # a negated role keeps its plain Yes or No
    ("Renault is not a follower in Japan right?", "No."),
])
def test_a_negated_claim_with_a_question_tag_is_answered_whether_it_holds(assistant, question,
                                                                          opener):
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener), answer.text


@pytest.mark.parametrize(("question", "fact_words"), [
    ("what's the job of a leader brand exactly", "Under the leader-follower model"),
    ("what are followers supposed to do", "A follower reuses"),
    # where the message comes from ("from the paris office") is no place asked about
    ("quick q from the paris office: what's expected from the leader company?",
     "Under the leader-follower model"),
    ("quick q from the paris office - when was the plan announced?", "The members first said"),
    ("I'm in the paris office: when was the plan announced?", "The members first said"),
])
def test_a_fact_asked_beside_where_the_asker_sits_is_the_fact(assistant, question, fact_words):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == [] and answer.text.startswith(fact_words), answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("quick q from the paris office: who leads brazil?", ["renault"]),
    ("from the lyon office: who leads my region?", ["renault"]),
    ("I'm in lyon, who leads here?", ["renault"]),
])
def test_the_asker_s_place_is_still_the_subject_when_asked(assistant, question, leaders):
    assert assistant.ask(question, guarded=False).leaders == leaders


@pytest.mark.parametrize("questions", [
    ["who leads PHEV?", "and on C, which company leads?"],
    ["who leads PHEV?", "and for D, which company leads?"],
])
def test_which_company_leads_a_segment_letter_in_a_thread(assistant, questions):
    """"which company" hints at the members fact, but beside a word of leading it asks who
    leads the letter the follow-up names."""
    answer = thread(assistant, *questions)[-1]
    assert answer.understood and answer.leaders == ["mitsubishi"], answer.text


def test_which_companies_are_members_is_still_the_fact_in_a_thread(assistant):
    answer = thread(assistant, "who leads china", "which companies are members?")[-1]
    assert answer.leaders == [] and "three members" in answer.text, answer.text


@pytest.mark.parametrize(("questions", "leaders"), [
    # someone else's place said in one message, asked about in a later one
    (["my boss is in Auckland", "who leads his region?"], ["mitsubishi"]),
    (["mon chef est à Montréal", "c'est qui le leader chez lui ?"], ["nissan"]),
    (["I'm in Osaka, my boss is in Auckland. who leads my region?", "and his region?"],
     ["mitsubishi"]),
    # in one message, a clause only saying where that person is
    (["my boss is in Auckland. who leads his region?"], ["mitsubishi"]),
])
def test_someone_else_s_place_is_kept_in_the_thread(assistant, questions, leaders):
    answer = thread(assistant, *questions)[-1]
    assert answer.understood and answer.leaders == leaders, answer.text


def test_a_possessive_before_a_word_of_leading_is_a_person_not_a_question(assistant):
    """"my boss is in Auckland" says where a person is; "our lead for PHEV is Mitsubishi?"
    still asks."""
    answer = assistant.ask("our lead for PHEV is Mitsubishi?", guarded=False)
    assert answer.text.startswith("Yes.") and answer.leaders == ["mitsubishi"], answer.text


@pytest.mark.parametrize(("questions", "opener", "denied"), [
    # a guess and a company set aside after it: two claims, each answered
    (["who leads argentina? renault? not mitsubishi??"], "Yes. Renault leads South America",
     "Yes: Mitsubishi doesn't lead that."),
    (["who leads brazil", "renault then? not nissan?"], "Yes. Renault leads South America",
     "Yes: Nissan doesn't lead that."),
    (["qui dirige le brésil ? renault ? pas nissan ?"], "Oui. Amérique du Sud",
     "Oui : Nissan n'est pas leader sur ce point."),
    (["who leads PHEV? mitsubishi, not nissan right?"], "Yes. Mitsubishi leads", ""),
])
def test_a_company_claimed_and_another_set_aside_are_both_answered(assistant, questions,
                                                                   opener, denied):
    answer = thread(assistant, *questions)[-1]
    assert answer.text.startswith(opener) and denied in answer.text, answer.text
    # each sentence once: the second claim's answer says no place again
    sentences = [s for s in answer.text.split(". ") if len(s) > 12]
    assert len(sentences) == len(set(sentences)), answer.text


def test_a_company_set_aside_alone_is_still_asked_about(assistant):
    answer = assistant.ask("c pas Nissan qui gère l'afrique du nord ?", guarded=False)
    assert answer.text.startswith("Non, Nissan n'est pas leader"), answer.text


def test_two_argued_claims_are_both_answered_about_the_place_asked(assistant):
    answer = assistant.ask("who leads guam? its US so nissan? or its oceania so mitsubishi?",
                           guarded=False)
    assert answer.understood and answer.leaders == ["mitsubishi"], answer.text
    assert answer.text.startswith("No, Nissan doesn't lead that.") and answer.text.endswith(
        "Yes."), answer.text


@pytest.mark.parametrize(("question", "opener"), [
    ("qui pilote l'Océanie - c'est Mitsubishi ?", "Oui. Océanie"),
    ("qui pilote l'Océanie — est-ce Nissan ?", "Non, Nissan n'est pas leader"),
    # a subject, a dash, a question about it: one question
    ("Amérique du Nord - c'est le Mexique inclus ?", "Oui. Amérique du Nord"),
])
def test_a_dash_before_a_french_yes_no_after_a_question(assistant, question, opener):
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener), answer.text


@pytest.mark.parametrize("question", [
    "who is nissan's executive in charge of china?",
    "whats the name of the renault director for europe",
    "who's the contact person at mitsubishi for PHEV?",
    "c'est qui le directeur Renault pour l'Europe ?",
    "日産の中国担当役員の名前わかる？",
])
def test_a_person_the_article_does_not_name_is_not_known(assistant, question):
    answer = assistant.ask(question, guarded=False)
    assert not answer.understood and answer.leaders == [], answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("who is the chairman of the alliance?", []),  # the article names him
    ("who leads europe?", ["renault"]),
])
def test_a_person_the_article_names_and_a_leader_are_still_answered(assistant, question,
                                                                     leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.understood and answer.leaders == leaders, answer.text


@pytest.mark.parametrize(("question", "opener"), [
    # a membership question then a claim: the claim is about the place asked, not the region
    ("is taiwan counted as china? is nissan the leader?", "No."),
    ("Taïwan compte comme la Chine ? Nissan est leader ?", "Non."),
    ("台湾は中国扱い？ニッサンがリーダー？", "いいえ。"),
])
def test_a_claim_after_a_membership_question_is_about_the_place(assistant, question, opener):
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener) and answer.leaders == [], answer.text


@pytest.mark.parametrize(("question", "leaders", "said"), [
    # a shared name beside another city: the reading in that city's region
    ("オークランドとシドニーの拠点、どこがleaderになる？", ["mitsubishi"], "ニュージーランド"),
    ("who leads san jose and los angeles?", ["nissan"], "San Jose (United States)"),
    # beside where the asker is
    ("I'm in Atlanta, who leads georgia?", ["nissan"], "Georgia (United States)"),
])
def test_a_shared_name_is_told_apart_by_a_place_beside_it(assistant, question, leaders, said):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == leaders and said in answer.text, answer.text
    assert "more than one place" not in answer.text and "複数" not in answer.text, answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    # the asker's own VP, and a class of car, are no person asked about
    ("my VP wants to know who's the leader for Southeast Asia, can you help?", ["mitsubishi"]),
    ("Who is leader for E segment cars, like the big executive sedans?", []),
])
def test_people_words_that_ask_for_no_person(assistant, question, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.understood and answer.leaders == leaders, answer.text


@pytest.mark.parametrize(("question", "opener"), [
    # a clause with a verb that sets a company aside asks about it, as French does
    ("la techno connectee en chine c pas renault qui s'en occupe?", "Non, Renault"),
    # a dash before an English yes/no, after a statement too
    ("i sit in the dubai office — does any alliance company lead our region?", "No."),
])
def test_a_set_aside_company_with_a_verb_and_a_dash_after_a_statement(assistant, question,
                                                                       opener):
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener), answer.text


def test_a_claim_in_the_next_message_after_a_membership_question_is_about_the_place(assistant):
    answer = thread(assistant, "is taiwan counted as china?", "and is nissan the leader there?")[-1]
    assert answer.text.startswith("No.") and answer.leaders == [], answer.text


@pytest.mark.parametrize(("questions", "leaders"), [
    # a list said without a question before a question about one of its kind sets the scene
    (["prepping a slide for tmrw, need the regional split. who leads north america?"],
     ["nissan"]),
    # segment letters after a list of segments are the segments asked
    (["slide 4 needs segment owners. A and B?"], ["renault"]),
    (["slide 4 needs segment owners. A and B?", "C and D"], ["mitsubishi"]),
])
def test_a_list_that_sets_the_scene_and_letters_after_it(assistant, questions, leaders):
    answer = thread(assistant, *questions)[-1]
    assert answer.understood and answer.leaders == leaders, answer.text


def test_a_list_asked_for_beside_a_question_is_answered_too(assistant):
    answer = assistant.ask("list all regions? and who leads brazil?", guarded=False)
    assert answer.text.startswith("Regions:") and "Brazil" in answer.text, answer.text


@pytest.mark.parametrize("question", [
    "who runs the alliance in freedonia lol, apparently it's a new market for us",
    "et au Groland, qui dirige l'alliance ? 😅",
])
def test_an_unknown_place_beside_a_fact_s_words_is_asked_back(assistant, question):
    answer = assistant.ask(question, guarded=False)
    assert not answer.understood and answer.leaders == [], answer.text


def test_the_fact_without_the_place_is_still_the_fact(assistant):
    answer = assistant.ask("who runs the alliance?", guarded=False)
    assert answer.understood and "Senard" in answer.text, answer.text


def test_a_list_of_another_kind_than_the_question_is_answered_too(assistant):
    answer = assistant.ask("prepping a slide, need the regional split. who leads PHEV?",
                           guarded=False)
    assert answer.text.startswith("Regions:") and "PHEV" in answer.text, answer.text


@pytest.mark.parametrize(("questions", "fact_words"), [
    (["リーダーの会社は何をしますか"], "リーダー・フォロワー方式では"),
    (["フォロワー企業は何をするの？"], "フォロワーは、リーダーが"),
    (["ロシア の リーダー は どこ ですか", "リーダー の 会社 は 何 を します か"],
     "リーダー・フォロワー方式では"),
])
def test_a_role_said_of_a_company_in_japanese_is_the_role(assistant, questions, fact_words):
    answer = thread(assistant, *questions)[-1]
    assert answer.leaders == [] and answer.text.startswith(fact_words), answer.text


@pytest.mark.parametrize(("questions", "leaders"), [
    # a colleague's workplace, in French, is that colleague's place, asked about later
    (["mon collegue bosse a casablanca", "et chez lui c qui le leader"], ["renault"]),
    (["ma responsable est à Montréal", "c'est qui le leader pour sa région ?"], ["nissan"]),
])
def test_a_colleague_s_place_in_french_is_someone_else_s(assistant, questions, leaders):
    answer = thread(assistant, *questions)[-1]
    assert answer.understood and answer.leaders == leaders, answer.text


@pytest.mark.parametrize("question", [
    "je bosse avec mes collègues à Lyon, qui dirige ici ?",
    "on bosse avec nos collègues à Lyon, qui dirige ici ?",
])
def test_working_with_colleagues_in_a_place_is_still_the_asker_s_place(assistant, question):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == ["renault"], answer.text


@pytest.mark.parametrize(("question", "opener"), [
    # a company claimed, another set aside with "not": a claim about the first
    ("autonomous driving lead is mitsubishi not nissan yeah? 🤔",
     "No, Mitsubishi doesn't lead that."),
    ("does renault, not nissan, lead china?", "No, Renault doesn't lead that."),
    ("mitsubishi, not nissan, leads autonomous driving, right?",
     "No, Mitsubishi doesn't lead that."),
    ("which companies other than Nissan lead Japan?", "Mitsubishi and Renault follow"),
])
def test_a_company_set_aside_beside_another_is_no_negated_claim(assistant, question, opener):
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener), answer.text


def test_who_do_i_write_to_asks_for_a_person(assistant):
    answer = assistant.ask("need the alliance spokesperson for brazil, who do i email??",
                           guarded=False)
    assert not answer.understood and answer.leaders == [], answer.text


@pytest.mark.parametrize(("question", "leaders", "said"), [
    # the kind said beside the name wins over where the asker sits
    ("I'm in Atlanta, who leads georgia the country?", [], "Middle East"),
    ("based in atlanta, asking about Georgia (the country)", [], "Middle East"),
    ("I'm in Tbilisi, who leads the US state of georgia?", ["nissan"], "North America"),
])
def test_a_kind_said_beside_a_shared_name_wins_over_the_asker_s_place(assistant, question,
                                                                      leaders, said):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == leaders and said in answer.text, answer.text


def test_a_kind_said_beside_a_shared_name_wins_over_a_city_beside_it(assistant):
    answer = assistant.ask("who leads georgia the country and atlanta?", guarded=False)
    assert "Georgia (United States)" not in answer.text and "Middle East" in answer.text, \
        answer.text


def test_a_people_word_inside_another_word_asks_for_no_person(assistant):
    """"役員会" is a board meeting: the slide is for it, the question asks who leads."""
    question = "来週の役員会用のスライドを作っています。北米のリーダー企業はどこですか？"
    answer = assistant.ask(question, guarded=False)
    assert answer.understood and answer.leaders == ["nissan"], answer.text
