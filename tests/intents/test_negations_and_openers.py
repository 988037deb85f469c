"""Classes of questions found by the blind sets of the 2026-11-27 session: what a company does
not lead (in English, French and Japanese word order), the kind of thing asked for after a kind
word in Japanese, courtesy that opens a conversation, a place pointed back at in the next clause,
and a fact's own words beside "followed". Each test names a class, with examples in the
languages it was seen in."""

from __future__ import annotations

import pytest

from tests.support.threads import thread

YES_OR_NO = ("Yes", "No", "Oui", "Non", "はい", "いいえ")


@pytest.mark.parametrize(("question", "company", "others", "not_said"), [
    ("which regions does renault not lead?", "renault", ["mitsubishi", "nissan"], "autonomous"),
    ("Which markets isn't Mitsubishi leading", "mitsubishi", ["nissan", "renault"], "PHEV"),
    ("which technologies does mitsubishi not lead?", "mitsubishi", ["nissan", "renault"],
     "Europe"),
    ("quelles régions nissan ne dirige pas ?", "nissan", ["mitsubishi", "renault"],
     "plateforme"),
    ("ルノーがリードしていない地域は？", "renault", ["mitsubishi", "nissan"], "自動運転"),
    ("日産がリードしてない技術ってどれ？", "nissan", ["mitsubishi", "renault"], "欧州"),
])
def test_what_a_company_does_not_lead_is_what_it_follows(assistant, question, company, others,
                                                         not_said):
    """Not the list of what it leads, and not "Yes": the things of that kind it follows in,
    with who leads each."""
    answer = assistant.ask(question, guarded=False)
    assert answer.intent == "what_follows", answer.text
    assert (answer.followers, answer.leaders) == ([company], others), answer.text
    assert not answer.text.startswith(YES_OR_NO), answer.text
    assert not_said not in answer.text


@pytest.mark.parametrize(("question", "intent", "said", "not_said"), [
    ("what does Mitsubishi lead besides PHEV?", "what_leads", "Oceania", "Renault"),
    ("apart from regions, what does nissan lead?", "what_leads", "autonomous", "China,"),
])
def test_a_negation_that_sets_a_kind_aside_still_asks_what_it_leads(assistant, question, intent,
                                                                     said, not_said):
    answer = assistant.ask(question, guarded=False)
    assert answer.intent == intent and said in answer.text and not_said not in answer.text, \
        answer.text


@pytest.mark.parametrize(("question", "opener"), [
    ("Nissan dirige l'Europe, n'est-ce pas ?", "Non"),
    ("Renault dirige l'Europe, n'est-ce pas ?", "Oui"),
])
def test_n_est_ce_pas_is_still_a_tag_asking_yes_or_no(assistant, question, opener):
    assert assistant.ask(question, guarded=False).text.startswith(opener)


def test_the_segments_a_company_follows_in(assistant):
    answer = assistant.ask("which segments does nissan follow in?", guarded=False)
    assert answer.intent == "what_follows", answer.text
    assert "A and B segments" in answer.text and "C and D segments" in answer.text
    assert "Europe" not in answer.text


@pytest.mark.parametrize("questions", [
    ["what doesn't Mitsubishi lead? and who leads those?"],
    ["which techs does nissan not lead", "ok who leads them then?"],
])
def test_who_leads_those_after_what_a_company_follows_is_that_answer(assistant, questions):
    first, *later = thread(assistant, *questions)
    last = later[-1] if later else first
    assert last.understood and last.intent == "what_follows", last.text
    assert len(last.leaders) == 2


@pytest.mark.parametrize(("question", "intent", "company"), [
    ("三菱がフォロワーの地域はどこ？", "what_follows", "mitsubishi"),
    ("日産がリードしている技術はどれ？", "what_leads", "nissan"),
    ("ルノーのリードしてる地域は？", "what_leads", "renault"),
])
def test_a_kind_word_before_a_question_word_asks_for_things_of_that_kind(assistant, question,
                                                                         intent, company):
    """"地域はどこ？" asks which regions (not which company), "地域は？" too (not Yes/No)."""
    answer = assistant.ask(question, guarded=False)
    assert answer.intent == intent, answer.text
    assert company in (answer.followers if intent == "what_follows" else answer.leaders)
    assert not answer.text.startswith(YES_OR_NO), answer.text


@pytest.mark.parametrize("question", [
    "hey bot good morning ☕ how's it going",
    "hi! quick question",
    "morning! can I ask you something?",
    "salut ca va ? 😊",
    "bonjour, j'ai une petite question",
    "お疲れさまです！ちょっと質問いいですか？",
])
def test_courtesy_that_opens_a_conversation_is_greeted(assistant, question):
    assert assistant.ask(question, guarded=False).intent == "greeting"


@pytest.mark.parametrize(("question", "leaders"), [
    ("hi, quick question: who leads EV?", ["nissan"]),
    ("ちょっと質問いいですか？欧州のリーダーは？", ["renault"]),
    ("salut ça va ? qui lead le Brésil ?", ["renault"]),
])
def test_courtesy_before_a_question_leaves_the_question(assistant, question, leaders):
    assert assistant.ask(question, guarded=False).leaders == leaders


def test_courtesy_beside_a_question_the_bot_cannot_answer_is_not_a_greeting(assistant):
    assert assistant.ask("hi, who is the CEO of Toyota?", guarded=False).intent == "out_of_scope"


@pytest.mark.parametrize(("questions", "leaders"), [
    (["im visiting a supplier in monterrey next month, who leads there?",
      "after that im in sao paulo for a week. and there?"], ["renault"]),
    (["je suis à Lima la semaine prochaine. et là-bas ?"], ["renault"]),
    (["来週はジャカルタに出張です。そこは？"], ["mitsubishi"]),
])
def test_there_alone_points_at_the_place_of_the_clause_before(assistant, questions, leaders):
    answer = thread(assistant, *questions)[-1]
    assert answer.understood and answer.leaders == leaders, answer.text


def test_there_alone_after_a_technology_is_asked_back(assistant):
    answer = thread(assistant, "who leads autonomous driving?", "and there?")[-1]
    assert not answer.understood


@pytest.mark.parametrize("question", [
    "which car did mitsubishi release that was followed by nissan's livina?",
    "who followed mitsubishi's xpander?",
    "Xpanderの次に続いたのってどこのモデル？",
])
def test_a_facts_own_words_beside_followed_point_at_the_fact(assistant, question):
    answer = assistant.ask(question, guarded=False)
    assert answer.intent == "fact" and answer.leaders == [], answer.text
    assert "Livina" in answer.text or "リヴィナ" in answer.text


@pytest.mark.parametrize("questions", [
    ["who leads north africa", "and Kalvoria? we got a dealer enquiry from there"],
    ["who follows in russia", "et le Groland ? :)"],
])
def test_a_clause_saying_more_than_there_is_no_follow_up_about_the_old_place(assistant,
                                                                            questions):
    answer = thread(assistant, *questions)[-1]
    assert not answer.understood and answer.leaders == [], answer.text


@pytest.mark.parametrize(("question", "company", "left_out", "kept"), [
    ("what else does renault lead other than europe?", "renault", "Europe", "Russia"),
    ("what does nissan lead apart from japan", "nissan", "Japan", "China"),
    ("what does Nissan lead besides autonomous driving?", "nissan", "autonomous", "China"),
    ("que dirige renault à part l'europe ?", "renault", "Europe", "Russie"),
    ("日産は日本以外に何をリードしてる？", "nissan", "日本", "中国"),
])
def test_what_a_company_leads_besides_something_leaves_that_out(assistant, question, company,
                                                                left_out, kept):
    """Not who leads the thing set aside, and not what the company follows."""
    answer = assistant.ask(question, guarded=False)
    assert answer.intent == "what_leads" and answer.leaders == [company], answer.text
    assert left_out not in answer.text and kept in answer.text, answer.text


def test_a_country_set_aside_leaves_its_region_in_the_list(assistant):
    """"other than France": the rest of Europe is still Renault's."""
    answer = assistant.ask("what does renault lead other than france?", guarded=False)
    assert answer.intent == "what_leads" and "Europe" in answer.text, answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("おせあにあのりーだーだれ", ["mitsubishi"]),
    ("ほくべいはどこがりーど？", ["nissan"]),
    ("じどううんてんのリーダーは？", ["nissan"]),
    ("ぶらじるはだれがりーだー？", ["renault"]),
    ("みつびしはなにをりーどしてる？", ["mitsubishi"]),
])
def test_names_typed_in_hiragana_are_read_as_the_names(assistant, question, leaders):
    """The input method left unconverted: the names' readings come from Sudachi's dictionary."""
    answer = assistant.ask(question, guarded=False)
    assert answer.understood and answer.leaders == leaders, answer.text


@pytest.mark.parametrize("question", [
    "しりあいに聞かれたんだけど、誰がリード？",  # "知り合い" holds シリア's reading
    "岡崎で商品企画をしています。東南アジアのリーダーは三菱で合ってますか？",
])
def test_the_kana_of_everyday_words_are_not_read_as_names(assistant, question):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders in ([], ["mitsubishi"]) and "シリア" not in answer.text, answer.text
    assert "日本" not in answer.text and "岡崎" not in answer.text, answer.text


def test_kana_are_read_as_names_only_when_nothing_else_was(assistant):
    """"こんごのために" is "for the future" (今後), though コンゴ is the Congo's reading."""
    answer = assistant.ask("こんごのために聞きたいんですが、ブラジルは誰がリード？", guarded=False)
    assert answer.leaders == ["renault"] and "コンゴ" not in answer.text, answer.text


@pytest.mark.parametrize(("questions", "leaders"), [
    (["flying out to Auckland on monday. and there?"], ["mitsubishi"]),
    (["来週ハノイ出張なんだけど、そこは？"], ["mitsubishi"]),
])
def test_a_trip_before_there_is_the_place_pointed_at(assistant, questions, leaders):
    answer = thread(assistant, *questions)[-1]
    assert answer.understood and answer.leaders == leaders, answer.text


def test_each_one_after_what_a_company_does_not_lead_is_that_answer(assistant):
    answer = thread(assistant, "日産がリーダーじゃない地域ってどこ？",
                    "それぞれどこがリードしてる？")[-1]
    assert answer.intent == "what_follows" and answer.leaders == ["mitsubishi", "renault"], \
        answer.text


@pytest.mark.parametrize(("question", "opener", "leaders"), [
    ("quelles regions Nissan lead pas, tsé ?", "Nissan suit", ["mitsubishi", "renault"]),
    ("Nissan dirige pas l'Europe ?", "Non", ["renault"]),
    ("Renault ne dirige pas la Chine ?", "Non", ["nissan"]),
])
def test_a_french_negation_after_its_verb_negates_leading(assistant, question, opener,
                                                          leaders):
    """Spoken French drops "ne": "lead pas" negates leading, and the place after "pas" is
    what is not led, not a place set aside."""
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener) and answer.leaders == leaders, answer.text


@pytest.mark.parametrize(("question", "said"), [
    ("who engineered teh Leaf EV", "Leaf"),
    ("リーフEVを開発したのはどこ？", "リーフ"),
    ("qui a conçu la Leaf ?", "Leaf"),
])
def test_who_made_a_thing_a_fact_names_is_that_fact(assistant, question, said):
    answer = assistant.ask(question, guarded=False)
    assert answer.intent == "fact" and said in answer.text, answer.text


@pytest.mark.parametrize("question", [
    "who developed the EV powertrain?",
    "EVパワートレインの開発は誰がリード？",
    "who is the lead that engineered the Leaf EV powertrain?",
])
def test_who_develops_a_technology_is_still_who_leads_it(assistant, question):
    answer = assistant.ask(question, guarded=False)
    assert answer.intent == "who_leads" and answer.leaders == ["nissan"], answer.text


@pytest.mark.parametrize(("question", "paragraphs"), [
    ("フォロワーになるメリットって何？なんでわざわざ？", [4, 6]),
    ("c'est quoi l'intérêt d'être suiveur ?", [4, 6]),
    ("アライアンスについて教えて", [2, 3, 4]),
    ("parle-moi de l'Alliance stp", [2, 3, 4]),
    ("est-ce que ça va marcher ?", [12]),
    ("この協業はうまくいくと思いますか", [12]),
])
def test_facts_about_the_model_are_reached_in_french_and_japanese(assistant, question,
                                                                  paragraphs):
    """Why follow, the Alliance, whether it will work: each fact's own paragraphs."""
    answer = assistant.ask(question, guarded=False)
    assert answer.intent == "fact", answer.text
    assert sorted(s.paragraph for s in answer.sources) == paragraphs, answer.text


@pytest.mark.parametrize(("question", "opener"), [
    ("韓国って誰かリーダーいる？", "いいえ"),
    ("タイって誰かリーダーいますか？", "はい"),
])
def test_is_there_anyone_leading_is_a_yes_no(assistant, question, opener):
    """"誰か…いる？" is "is there anyone", not "who"."""
    assert assistant.ask(question, guarded=False).text.startswith(opener)


@pytest.mark.parametrize("questions", [
    ["Nissan est leader sur quoi ?", "et Renault du coup ?"],
    ["日産は何をリードしているんですか", "ルノーについても教えてください"],
    ["which regions does nissan lead", "and renault then?"],
])
def test_a_new_company_after_what_one_leads_asks_the_same_of_it(assistant, questions):
    answer = thread(assistant, *questions)[-1]
    assert answer.intent == "what_leads" and answer.leaders == ["renault"], answer.text


def test_what_a_follower_gets_is_why_follow(assistant):
    answer = assistant.ask("what does a follower actually get out of this?", guarded=False)
    assert answer.intent == "fact" and sorted(s.paragraph for s in answer.sources) == [4, 6]


@pytest.mark.parametrize("question", [
    "when was the leader-follower model announced?",
    "le modèle leader-suiveur a été annoncé quand ?",
    "リーダー・フォロワー方式はいつ発表された？",
])
def test_when_the_model_was_announced_is_the_timeline_not_the_model(assistant, question):
    """The model's name is a hint of the model fact, "when"/"announced" of the timeline: a
    tie goes to the fact about one thing, and "いつ" asks no yes/no."""
    answer = assistant.ask(question, guarded=False)
    assert sorted(s.paragraph for s in answer.sources) == [7, 8], answer.text
    assert not answer.text.startswith(YES_OR_NO), answer.text


@pytest.mark.parametrize("questions", [
    ["when was the leader-follower model announced?", "and by whom?"],
    ["le modèle leader-suiveur a été annoncé quand ?", "et par qui ?"],
])
def test_by_whom_after_a_fact_is_what_that_fact_says(assistant, questions):
    first, last = thread(assistant, *questions)
    assert last.intent == "fact" and last.text == first.text, last.text


@pytest.mark.parametrize("question", [
    "なぜ日産がEVのリーダーなの？",
    "pourquoi Nissan est leader pour l'EV ?",
])
def test_why_a_company_leads_asks_no_yes_or_no(assistant, question):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == ["nissan"] and not answer.text.startswith(YES_OR_NO), answer.text


@pytest.mark.parametrize(("questions", "others"), [
    (["which regions does renault lead", "and which ones does it not lead?"],
     ["mitsubishi", "nissan"]),
    (["日産がリードしている地域は？", "リードしていないのは？"], ["mitsubishi", "renault"]),
])
def test_what_it_does_not_lead_after_what_it_leads(assistant, questions, others):
    answer = thread(assistant, *questions)[-1]
    assert answer.intent == "what_follows" and answer.leaders == others, answer.text


def test_kind_words_typed_in_hiragana_are_read(assistant):
    answer = assistant.ask("るのーがりーだーじゃないちいきは？", guarded=False)
    assert answer.intent == "what_follows" and answer.leaders == ["mitsubishi", "nissan"]


def test_logistics_words_beside_a_place_are_no_unknown_name(assistant):
    answer = assistant.ask("Logistics planner here, for our inbound parts to Manila, which "
                           "Alliance member is the designated leader for that market?",
                           guarded=False)
    assert answer.leaders == ["mitsubishi"], answer.text


@pytest.mark.parametrize(("question", "opener", "leaders"), [
    ("what about taiwan, is it nissan since nissan leads china?", "No", []),
    ("how about mexico, is that nissan too?", "Yes", ["nissan"]),
])
def test_what_about_a_place_then_a_yes_no_about_it(assistant, question, opener, leaders):
    """The reason after "since" is the asker's premise, not a question of its own."""
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener) and answer.leaders == leaders, answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("quick one from the finance side - which company is the leader for South America?",
     ["renault"]),
    ("hi from the logistics department, who leads Brazil?", ["renault"]),
])
def test_a_topic_naming_the_askers_side_or_department_is_context(assistant, question,
                                                                 leaders):
    assert assistant.ask(question, guarded=False).leaders == leaders


def test_a_topic_asked_alone_still_has_no_leader(assistant):
    answer = assistant.ask("who leads finance?", guarded=False)
    assert answer.understood and answer.leaders == []


def test_new_segments_joined_by_and_still_qualify_the_technology_in_the_thread(assistant):
    """"and the A and B segments?" after PHEV: "and" joins the segments, which the technology
    does not cover; the answer names who leads them and says the technology doesn't cover them."""
    answer = thread(assistant, "who leads PHEVs?", "for which segments exactly?",
                    "and the A and B segments?")[-1]
    assert answer.understood and answer.leaders == ["renault"], answer.text
    assert "Mitsubishi leads plug-in hybrids" in answer.text and "doesn't cover" in answer.text


@pytest.mark.parametrize(("questions", "opener", "leaders"), [
    (["who leads autonomous driving?", "and do they also lead the common EV powertrain?"],
     "Yes", ["nissan"]),
    (["what does renault lead?", "does it follow in japan?"], "Yes", ["nissan"]),
    (["qu'est-ce que Renault lead ?", "il lead aussi le Japon ?"], "Non", ["nissan"]),
])
def test_a_pronoun_for_the_company_named_asks_yes_or_no_about_it(assistant, questions,
                                                                opener, leaders):
    answer = thread(assistant, *questions)[-1]
    assert answer.text.startswith(opener) and answer.leaders == leaders, answer.text


def test_there_is_a_leader_is_no_question_about_the_company_named(assistant):
    answer = thread(assistant, "qui est leader en Europe ?", "il y a un leader au Japon ?")[-1]
    assert answer.text.startswith("Oui") and answer.leaders == ["nissan"], answer.text


def test_a_question_pasted_from_an_email_is_read(assistant):
    answer = assistant.ask("-----Original Message-----\nSubject: Egypt\nHi all, quick one, is "
                           "Egypt under Renault or under Nissan in the new leader-follower "
                           "split?", guarded=False)
    assert answer.leaders == ["renault"], answer.text


@pytest.mark.parametrize("question", ["ok salamat po!", "salamat!"])
def test_thanks_that_is_also_a_place_name_is_thanks(assistant, question):
    assert assistant.ask(question, guarded=False).intent == "thanks"


@pytest.mark.parametrize("question", [
    "who lead in india? we have supplier there also po",
    "qui dirige l'Inde ? on a un fournisseur là-bas",
])
def test_a_remark_after_the_question_adds_no_ask_back(assistant, question):
    answer = assistant.ask(question, guarded=False)
    assert answer.understood and answer.leaders == [], answer.text


def test_why_accept_being_a_follower_is_the_follower_benefit(assistant):
    answer = assistant.ask("pourquoi Renault accepterait d'etre follower dans certaines "
                           "regions ?", guarded=False)
    assert answer.intent == "fact" and sorted(s.paragraph for s in answer.sources) == [4, 6]


@pytest.mark.parametrize("question", [
    "who commented on the new business model?",
    "qui a commenté ce nouveau modèle ?",
    "この新しいビジネスモデルについてコメントしていたのはどなたですか？",
    "誰がこの方式について話した？",
])
def test_who_commented_on_the_model_is_the_person_quoted(assistant, question):
    """The article quotes the Alliance's chairman on the model: who spoke about it is him,
    not what the model is (Japanese puts the question word further from the verb)."""
    answer = assistant.ask(question, guarded=False)
    assert answer.intent == "fact" and [s.paragraph for s in answer.sources] == [6], answer.text


@pytest.mark.parametrize(("question", "opener", "leaders"), [
    ("pls confirm: Nissan = leader in North America, Renault and Mitsubishi = followers. yes?",
     "Yes", ["nissan"]),
    ("is Nissan the leader in North America and Renault a follower?", "Yes", ["nissan"]),
    ("is Renault the leader in North America and Nissan a follower?", "No", ["nissan"]),
    ("leader: Renault, followers: Nissan and Mitsubishi, for Brazil, correct?", "Yes",
     ["renault"]),
    ("Nissan est leader en Amérique du Nord et Renault suit, c'est ça ?", "Oui", ["nissan"]),
    ("日産が北米のリーダーでルノーはフォロワー？", "はい", ["nissan"]),
])
def test_a_claim_giving_each_company_its_role_is_checked_role_by_role(assistant, question,
                                                                     opener, leaders):
    """Not "No" because the followers named don't lead: each company has the role said."""
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener) and answer.leaders == leaders, answer.text


@pytest.mark.parametrize(("questions", "intent", "leaders"), [
    (["What all does Renault lead in the alliance?", "Out of those, which are technologies only?"],
     "what_leads", ["renault"]),
    (["What all does Renault lead in the alliance?", "Out of those, which are technologies only?",
      "Mitsubishi also same way please tell"], "what_leads", ["mitsubishi"]),
])
def test_which_ones_are_a_kind_after_what_a_company_leads(assistant, questions, intent,
                                                          leaders):
    answer = thread(assistant, *questions)[-1]
    assert (answer.intent, answer.leaders) == (intent, leaders), answer.text
    assert "Europe" not in answer.text and "Oceania" not in answer.text


def test_a_claim_someone_reported_about_the_company_named_is_checked(assistant):
    answer = thread(assistant, "My colleague says Nissan leads the common EV powertrain, is "
                    "that right?", "and she also said they lead PHEVs")[-1]
    assert answer.text.startswith("No") and answer.leaders == ["mitsubishi"], answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("what does nissan lead. full list pls", ["nissan"]),
    ("Which company is leading for Brazil and which one for Thailand? Our team is handling "
     "both markets", ["mitsubishi", "renault"]),
])
def test_a_list_word_after_the_question_is_no_question_of_its_own(assistant, question,
                                                                  leaders):
    assert assistant.ask(question, guarded=False).leaders == leaders


def test_meme_affaire_asks_whether_the_leader_is_the_same(assistant):
    answer = thread(assistant, "allo, c'est qui le leader au Canada?",
                    "Pis les Etats-Unis, meme affaire?")[-1]
    assert answer.text.startswith("Oui") and answer.leaders == ["nissan"], answer.text


@pytest.mark.parametrize(("question", "opener"), [
    ("Yes or no: is Nissan the designated leader for China?", "Yes"),
    ("yes/no - does renault lead japan", "No"),
    ("yes or no: Nissan leads China", "Yes"),  # a statement made a question
    ("oui ou non : Renault est leader en Europe ?", "Oui"),
    ("はいかいいえで：日産は中国のリーダー？", "はい"),
    ("yes/no: is there a leader for india", "No"),  # whether there is one at all
    ("y/n anyone leading hydrogen", "No"),
    ("yes or no - is there a lead company for chile", "Yes"),
])
def test_yes_or_no_before_a_question_asks_yes_or_no_and_negates_nothing(assistant, question,
                                                                        opener):
    """Its "no" is no negation: a true claim gets Yes."""
    assert assistant.ask(question, guarded=False).text.startswith(opener)


def test_a_purpose_after_the_question_is_no_request_for_the_whole_list(assistant):
    answer = assistant.ask("who are the followers in north america? trying to explain to my "
                           "dealers who does what", guarded=False)
    assert answer.intent == "who_follows" and answer.leaders == ["nissan"], answer.text


@pytest.mark.parametrize("question", [
    "did analysts expect the alliance to break up?",
    "were analysts predicting a breakup?",
])
def test_a_denied_claim_said_to_be_expected_gets_the_fact_without_no(assistant, question):
    """The article says analysts speculated about a split: not "No" (they did expect it), and
    the fact is stated without a Yes the bot can't vouch for."""
    answer = assistant.ask(question, guarded=False)
    assert answer.intent == "fact" and not answer.text.startswith(YES_OR_NO), answer.text
    assert "analysts" in answer.text


def test_a_denied_claim_asked_plainly_is_still_no(assistant):
    assert assistant.ask("did the alliance split up?", guarded=False).text.startswith("No")


def test_n_between_two_places_is_and(assistant):
    """Chat shorthand: "korea n SEA" asks about both."""
    answer = assistant.ask("korea n SEA?? who leads", guarded=False)
    assert answer.leaders == ["mitsubishi"] and "Korea" in answer.text, answer.text


@pytest.mark.parametrize("questions", [
    ["what does Mitsubishi lead?", "and is renault a follower in all of those?"],
    ["Which technologies is Nissan the lead company for?",
     "Is Renault one of the followers on those?"],
])
def test_is_a_company_among_the_followers_after_what_one_leads_is_yes_or_no(assistant,
                                                                           questions):
    answer = thread(assistant, *questions)[-1]
    assert answer.intent == "who_follows" and answer.text.startswith("Yes"), answer.text
    assert "renault" in answer.followers


@pytest.mark.parametrize(("questions", "opener", "leaders"), [
    (["quelles regions renault lead pas ?"], "Renault suit", ["mitsubishi", "nissan"]),
    (["pour l'amerique du sud : leader renault, followers nissan et mitsubishi, c bien ca ?"],
     "Oui", ["renault"]),
    (["自動運転はどこがリード？", "そこってヨーロッパもリードしてるの？"], "いいえ", ["renault"]),
])
def test_class_check_misses_of_the_last_round(assistant, questions, opener, leaders):
    """A spoken negation closing a what-question, a role word right before its company, "そこ"
    for the company just named."""
    answer = thread(assistant, *questions)[-1]
    assert answer.text.startswith(opener) and answer.leaders == leaders, answer.text


def test_where_the_asker_sits_is_no_subject_of_a_kind_asked_of_a_company(assistant):
    answer = assistant.ask("im in yokohama office, what are the regions mitsubishi dont lead pls",
                           guarded=False)
    assert answer.intent == "what_follows" and answer.leaders == ["nissan", "renault"], \
        answer.text


@pytest.mark.parametrize("questions", [
    ["who leads in australia", "ok and they are leading new zealand also?"],
    ["who leads the US?", "they lead canada too"],  # a claim, question mark or not
])
def test_a_claim_about_they_after_one_leader_was_named_is_checked(assistant, questions):
    answer = thread(assistant, *questions)[-1]
    assert answer.intent == "is_leader" and answer.text.startswith("Yes"), answer.text


def test_a_claim_about_they_that_is_false_gets_no(assistant):
    answer = thread(assistant, "who leads the US?", "and they lead europe also")[-1]
    assert answer.text.startswith("No") and answer.leaders == ["renault"], answer.text


def test_it_after_a_yes_no_about_a_company_is_that_company(assistant):
    """"so renault follows there?" then "does it follow in russia too?": "it" is Renault, not
    the leader the last answer named."""
    answer = thread(assistant, "who leads japan?", "so renault follows there?",
                    "and does it follow in russia too?")[-1]
    assert answer.text.startswith("No") and answer.leaders == ["renault"], answer.text


@pytest.mark.parametrize(("question", "words"), [
    # "companys" is one slip from "company", two from the C segment's "compacts"
    ("what exactly gets shared between the 3 companys under this plan", "platforms"),
    ("what do the companys pool?", "platforms"),
    ("whats the benifit for the folowers", "reuses what the leader develops"),
    ("what platfroms do they share", "platforms"),
])
def test_slips_are_read_as_the_everyday_cue_or_fact_words_they_slip_from(assistant, question,
                                                                         words):
    answer = assistant.ask(question, guarded=False)
    assert (answer.intent, answer.leaders) == ("fact", []) and words in answer.text, answer.text


def test_a_slip_of_a_plural_cue_word_is_read_as_its_lemma(assistant):
    answer = assistant.ask("who are the folowers in japan?", guarded=False)
    assert answer.intent == "who_follows" and answer.followers == ["mitsubishi", "renault"], \
        answer.text


def test_they_also_do_is_one_clause_and_a_claim_about_them(assistant):
    """"also" after its subject starts no question of its own; "do" claims like "lead"."""
    answer = thread(assistant, "who leeds autonomous drivng",
                    "they also do the PHEVs for C/D segmnt right")[-1]
    assert answer.text.startswith("No") and answer.leaders == ["mitsubishi"], answer.text


@pytest.mark.parametrize("question", [
    "which company leads the quantum warp drive program?",
    "which company is lead for the alliance teleportation program lol",
    # what is led put first, before the question
    "le moteur a distorsion quantique c'est qui le lead dans l'alliance ?",
])
def test_a_company_leading_something_unknown_is_not_a_fact(assistant, question):
    """"which company" hints at the members' fact; what is led is nothing the plan knows."""
    answer = assistant.ask(question, guarded=False)
    assert not answer.understood and answer.intent == "out_of_scope", answer.text


@pytest.mark.parametrize(("questions", "opener"), [
    (["qui dirige le Japon ?", "c'est bien Nissan qui est leader là-bas ?"], "Oui"),
    (["qui dirige le Japon ?", "c'est donc Renault qui est leader là-dessus ?"], "Non"),
    (["qui est leader en Pologne", "c bien nissan qui est leader la-bas?"], "Non"),  # "c" = c'est
])
def test_a_french_cleft_about_the_subject_in_the_thread_is_yes_or_no(assistant, questions,
                                                                      opener):
    """The cleft's "qui" asks nobody's name: a yes/no about the subject in the thread."""
    assert thread(assistant, *questions)[-1].text.startswith(opener)


def test_which_companies_follow_them_there_is_about_the_subject(assistant):
    answer = thread(assistant, "which company leads for Europe?",
                    "Thank you so much. And which companies would follow them there?")[-1]
    assert answer.intent == "who_follows" and answer.followers == ["mitsubishi", "nissan"], \
        answer.text


@pytest.mark.parametrize(("opener", "goodbye", "said"), [
    ("who leads peru", "perfect, gotta run", "Bye!"),
    ("who leads peru", "ok thx, see ya", "Bye!"),
    ("qui est leader en Europe ?", "dacc merci, bonne journée", "À bientôt"),
    ("qui est leader en Europe ?", "je file, à plus", "À bientôt"),
    ("ブラジルは？", "お先に失礼します", "お疲れさまでした"),
])
def test_a_goodbye_in_a_thread_answers_nothing_again(assistant, opener, goodbye, said):
    # the words of a goodbye ask nothing: "run" is no "who runs", "dacc" no place
    answer = thread(assistant, opener, goodbye)[-1]
    assert answer.intent == "thanks" and not answer.leaders and answer.text.startswith(said), \
        answer.text


def test_thanks_is_not_a_goodbye(assistant):
    assert assistant.ask("thanks!", guarded=False).text.startswith("You're welcome")


@pytest.mark.parametrize(("question", "kind"), [
    ("what segments don't have a leader?", "segment"),
    ("any regions w/o a lead company?", "region"),
    ("quels segments n'ont aucun leader ?", "segment"),
    ("リーダーがいない地域は？", "region"),
    ("which technologies have no leader", "technology"),
])
def test_what_has_no_leader_lists_what_the_plan_gives_nobody(assistant, question, kind):
    kb, lang = assistant.knowledge, assistant.language_of(question)
    answer = assistant.ask(question, guarded=False)
    assert answer.intent == "list" and answer.leaders == [], answer.text
    unled = {"segment": [s.name for s in kb.segments.values()
                         if not kb.segment_technologies.get(s.id)],
             "region": [z.name for z in kb.zones.values()],
             "technology": [t.name for t in kb.topics.values()]}
    led = {"segment": [s.name for s in kb.segments.values() if kb.segment_technologies.get(s.id)],
           "region": [r.name for r in kb.regions.values()],
           "technology": [t.name for t in kb.technologies.values()]}
    def said(name: str) -> str:  # as answers name it in the question's language
        return name if lang == "en" else kb.translations.get(name, {}).get(lang, name)

    for name in unled[kind]:
        assert said(name) in answer.text, (name, answer.text)
    for name in led[kind]:
        assert said(name) not in answer.text, (name, answer.text)


@pytest.mark.parametrize(("question", "leader"), [
    # "followrs" is as near "follows" as "followers": a cue word of following either way
    ("pls send the followrs of e-body archtecture", "renault"),
    ("followrs in brasil?", "renault"),
])
def test_a_slip_between_two_cue_words_is_still_a_cue(assistant, question, leader):
    answer = assistant.ask(question, guarded=False)
    assert answer.intent == "who_follows" and answer.leaders == [leader], answer.text


@pytest.mark.parametrize("question", [
    "who leads the flux capacitor drivetrain?",
    "who leads the quantum powertrain?",
    "le drivetrain à flux capacitor, c'est qui le lead ?",
])
def test_an_unknown_word_beside_a_word_for_several_technologies_is_asked_back(assistant,
                                                                             question):
    """Not every powertrain the plan names: a kind of powertrain it doesn't."""
    answer = assistant.ask(question, guarded=False)
    assert answer.kind == "clarify" and not answer.leaders, answer.text


def test_a_known_word_beside_it_keeps_every_reading(assistant):
    answer = assistant.ask("who leads the common powertrain stuff", guarded=False)
    assert answer.leaders == ["nissan", "renault"], answer.text


@pytest.mark.parametrize(("question", "opener"), [
    # "anyone designated?" after the places: whether anyone leads them
    ("dubai & istanbul, anyone designated?", "No."),
    ("india, anyone designated?", "No."),
    ("brazil - anyone in charge?", "Yes."),
    ("sri lanka anyone in charge?", "No."),  # right after the name
    ("hi all 🙏 is nissan part of the south america setup? pls", "Yes, as a follower."),
])
def test_anyone_after_the_places_asks_whether_there_is_a_leader(assistant, question, opener):
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener), answer.text


def test_anyone_who_knows_asks_who(assistant):
    answer = assistant.ask("anyone know who leads brazil?", guarded=False)
    assert answer.text.startswith("Renault"), answer.text
