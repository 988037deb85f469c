"""Follow-ups in a thread keep their subject; single questions say "I don't know" rather than
something else. Each test names a class of questions, with one or two examples of it."""

from __future__ import annotations

import pytest

from knowledge.answer import Kind
from tests.support.threads import thread


@pytest.mark.parametrize(("questions", "leaders"), [
    # a new place replaces the subject; a new segment keeps the technology
    (["who leads plug-in hybrids?", "and for A-segment cars?", "ok, and Brazil?"], ["renault"]),
    (["who leads PHEV?", "and for the D segment?"], ["mitsubishi"]),
    # PHEV is C and D only: the A segment asked alone is answered (Renault), the gap beside it
    (["who leads plug-in hybrids?", "and for A-segment cars?"], ["renault"]),
    (["who leads plug-in hybrids?", "PHEV for the A segment then?"], []),  # asked together
    # a new technology drops the segments that qualified the old one
    (["who leads PHEV for the C segment?", "and autonomous driving?"], ["nissan"]),
    (["which company leads the electrified powertrain for the A/B platform?",
      "and for plug-in hybrids?"], ["mitsubishi"]),
    # after two subjects, a follow-up naming one of them is about that one
    (["who leads oceania and also the C segment ?", "and the followers for C segment ?"],
     ["mitsubishi"]),
    (["who leads autonomous driving?", "cool, what about Thailand"], ["mitsubishi"]),
    (["who leads the C segment?", "and E?"], []),
    # a capital letter right after "and", "for", "about" in a longer follow-up is a segment
    (["C segment who is leading", "what about E segment", "ok and for C, who are the followers?"],
     ["mitsubishi"]),
    (["who leads the E segment?", "and what about B then, who is in charge?"], ["renault"]),
    # a letter alone goes on with the thread, whatever the clause asks ("ok and" split off);
    # "A" when nothing follows it that it would be the article of; before a Japanese particle
    (["who leads PHEV?", "and what about A then, who follows there?"], ["renault"]),
    (["Bセグメントは？", "なるほど、じゃあCだとどこがリーダーになるの？"], ["mitsubishi"]),
    (["who leads PHEV?", "ありがとう！で、Aの場合はどこがリーダーになるの？"], ["renault"]),
    (["who leads the C segment?", "ok et pour le F alors, y a quelqu'un ?"], []),
    (["who leads A segment", "F?", "ok and who follows for D"], ["mitsubishi"]),
    # "X is a follower there": a yes/no about the place, not the fact of "being a follower"
    (["who's lead for mexico?", "and mitsu is a follower there right?"], ["nissan"]),
    # "there" keeps the place of a yes/no asked in a clause after a comma
    (["does nissan lead russia?", "sorry i meant china, does nissan lead china",
      "and connected tech there?"], ["nissan"]),
    (["who leads hybrid cars", "and the D?"], ["mitsubishi"]),
    # "and in China?" narrows the subject instead of replacing it
    (["who leads connected tech?", "the Android one", "thanks, and in China?"], ["nissan"]),
    (["who leads connected tech in China?", "and the Android-based platform?"], ["renault"]),
    # one word in place of the first word of the name in context
    (["who leads north america ?", "and south ?"], ["renault"]),
    (["who leads Western Europe?", "ok, and eastern?"], ["renault"]),
    # a clarify is answered by the next turn
    (["who leads zorbistan", "sorry typo, uzbekistan"], []),
])
def test_a_follow_up_inherits_what_it_does_not_say(assistant, questions, leaders):
    last = thread(assistant, *questions)[-1]
    assert last.understood and last.leaders == leaders, last.text


@pytest.mark.parametrize("follow_up", ["and the followers?", "ok and who's following?",
                                       "who follows there?", "Thank you. Who follow?"])
def test_asking_for_followers_names_the_followers_of_the_subject(assistant, follow_up):
    last = thread(assistant, "who leads Europe?", follow_up)[-1]
    assert last.intent == "who_follows" and last.followers == ["mitsubishi", "nissan"]


@pytest.mark.parametrize(("questions", "opener"), [
    (["who leads autonomous driving?", "is Nissan following there?"], "No"),
    (["who leads South America?", "is mitsubishi following there?"], "Yes"),
    (["who leads Vietnam?", "nissan is also leading there?"], "No"),
    (["is Mitsubishi the leader in Europe?", "and Renault?"], "Yes"),
    (["who leads autonomous driving?", "is it Renault?"], "No"),
    (["who leads North America?", "Canada included?"], "Yes"),
    (["who leads China?", "Taiwan is same?"], "No"),
    # the kind of question carries over: following, inclusion
    (["who's got Japan", "followers?", "renault one of them?"], "Yes"),
    (["Russia lead", "mitsubishi follows there?", "and in Vietnam?"], "No"),
    (["Oceania lead?", "Fiji included?", "and Hawaii?"], "No"),
])
def test_a_yes_no_follow_up_answers_about_the_subject_in_context(assistant, questions, opener):
    last = thread(assistant, *questions)[-1]
    assert last.text.startswith(opener), last.text


def test_what_else_that_company_leads_is_the_company_the_last_answer_named(assistant):
    last = thread(assistant, "who leads autonomous driving?", "what else does that company lead?")
    assert last[-1].intent == "what_leads" and last[-1].leaders == ["nissan"]


def test_who_else_names_the_followers_and_what_else_the_companys_other_leads(assistant):
    who_else = thread(assistant, "who leads plug-in hybrids?", "who else?")[-1]
    assert who_else.intent == "who_follows" and who_else.followers == ["nissan", "renault"]
    what_else = thread(assistant, "who leads autonomous driving?", "is Nissan following there?",
                       "what else")[-1]
    assert what_else.intent == "what_leads" and what_else.leaders == ["nissan"]


def test_what_about_followers_is_about_the_subject_and_a_role_there_is_yes_or_no(assistant):
    followers = thread(assistant, "who leads Europe?", "what about followers?")[-1]
    assert followers.intent == "who_follows" and followers.followers == ["mitsubishi", "nissan"]
    role = thread(assistant, "who leads PHEV?", "what's Nissan's role there?")[-1]
    assert role.text.startswith("No") and role.leaders == ["mitsubishi"]


def test_a_yes_no_follow_up_about_a_fact_is_answered_from_the_fact(assistant):
    nissan = thread(assistant, "who is the chairman?", "is he from Nissan?")[-1]
    assert nissan.intent == "fact" and nissan.text.startswith("No")
    year = thread(assistant, "when was the plan announced?", "was it in 2020?")[-1]
    assert not year.text.startswith(("Yes", "No"))  # the fact names no year: can't tell


def test_who_is_then_after_a_no_names_the_leader(assistant):
    last = thread(assistant, "is mitsubishi the leader for europe?", "who is then")[-1]
    assert last.leaders == ["renault"]


def test_a_yes_no_question_with_no_subject_and_no_context_is_asked_back(assistant):
    for question in ("is it Renault?", "does Nissan lead it?"):
        answer = assistant.ask(question)
        assert answer.kind == Kind.CLARIFY and not answer.leaders, answer.text


def test_the_same_understanding_gets_the_same_answer_alone_or_in_a_thread(assistant):
    alone = assistant.ask("who leads connected tech in Europe?")
    followed = thread(assistant, "who leads connected tech?", "and in Europe?")[-1]
    assert (alone.kind, alone.leaders) == (followed.kind, followed.leaders)


@pytest.mark.parametrize(("question", "leaders"), [
    ("I work out of Osaka but my question is about Vietnam, who leads?", ["mitsubishi"]),
    ("our team in Barcelona is planning the Brazil launch, who's the lead there?", ["renault"]),
    ("I am working in Tokyo. About Indonesia, who is leader company?", ["mitsubishi"]),
    ("Who leads the Caucasus? We have dealers in Georgia and Armenia.", []),
    ("I'm in Tokyo, who leads here?", ["nissan"]),
    ("I work with Renault in France, who leads Brazil?", ["renault"]),
    ("who leads my region? I'm in Chile", ["renault"]),
    ("who leads here? we are based in Manila", ["mitsubishi"]),
])
def test_the_place_asked_about_is_answered_not_the_askers_place(assistant, question, leaders):
    answer = assistant.ask(question)
    assert answer.understood and answer.leaders == leaders, answer.text
    assert "France" not in answer.text


# "my region" is where the asker said they are: in an earlier turn, earlier or later in the
# same message, in any language; never the subject of the previous answer
@pytest.mark.parametrize(("questions", "leaders"), [
    (["hello, i am working in lyon. who is leading vietnam?", "thanks. and for my own region?"],
     ["renault"]),
    (["I'm based in Santiago. who leads Japan?", "ok", "and who follows in our market?"],
     ["renault"]),
    (["Hi! I'm in the Nashville office and my team asks which company leads our market"],
     ["nissan"]),
    (["we sit in Casablanca", "who leads Oceania?", "and where we are?"], ["renault"]),
    (["je suis au bureau de Lyon. qui dirige le Vietnam ?", "et pour ma région ?"], ["renault"]),
    (["Je bosse à Santiago", "qui lead chez nous ?"], ["renault"]),
    (["大阪にいますが、ベトナムのリーダーは？", "じゃあうちの地域は？"], ["nissan"]),
    # a marker the tokenizer splits ("事業所": 事業 + 所) still places the asker
    (["名古屋の事業所です。Ｅ／Ｅアーキテクチャのリーダーは？", "うちの地域は？"], ["nissan"]),
])
def test_my_region_is_the_place_the_asker_gave(assistant, questions, leaders):
    answer = thread(assistant, *questions)[-1]
    assert answer.understood and answer.leaders == leaders, answer.text


@pytest.mark.parametrize("question", ["which company leads our market?",
                                      "who follows in my region?", "qui dirige notre marché ?",
                                      "うちの地域のリーダーは？"])
def test_my_region_with_no_place_given_is_asked_back_not_listed(assistant, question):
    after = thread(assistant, "who leads Brazil?", question)[-1]
    for answer in (assistant.ask(question), after):
        assert answer.kind == Kind.CLARIFY and not answer.leaders, answer.text


def test_an_unknown_name_is_asked_back_with_close_names_never_listed_away(assistant):
    answer = assistant.ask("who heads up the Zorbistan market?")
    assert answer.kind == Kind.CLARIFY and not answer.leaders
    assert "Zorbistan" in answer.text and "Uzbekistan" in answer.text


@pytest.mark.parametrize(("question", "opener"), [
    ("Was the framework first mentioned in May?", "No"),
    ("was it first announced in January?", "Yes"),
    ("is the target for 2030?", "No"),
    # whether there is a leader: a topic only a fact mentions has none
    ("is there a leader for logistics trucks?", "No."),
    ("y a un leader pour le Pakistan ?", "Non."),
    ("il y a un leader pour la Chine ?", "Oui."),
])
def test_a_yes_no_about_a_fact_has_the_polarity_of_the_fact(assistant, question, opener):
    answer = assistant.ask(question)
    assert answer.text.startswith(opener), answer.text


@pytest.mark.parametrize("question", ["is the plan working?", "will it succeed?"])
def test_a_yes_no_the_source_leaves_open_gets_no_yes_or_no(assistant, question):
    answer = assistant.ask(question)
    assert answer.understood and not answer.text.startswith(("Yes", "No")), answer.text
    assert "time will tell" in answer.text


def test_why_is_not_a_yes_no_question(assistant):
    answer = assistant.ask("Why does Nissan lead the EV powertrain?")
    assert not answer.text.startswith(("Yes", "No")) and answer.leaders == ["nissan"]


def test_a_word_of_a_fact_is_not_that_facts_topic(assistant):
    trucks = assistant.ask("who leads trucks?")
    assert trucks.text.startswith("The plan designates no leader") and not trucks.leaders
    for question in ("how much does a Nissan Leaf cost?", "whats the pricing of the leaf"):
        assert not assistant.ask(question, guarded=False).understood, question


def test_every_part_of_a_compound_is_answered(assistant):
    answer = assistant.ask("who leads connected tech in China and the C segment?")
    assert answer.leaders == ["mitsubishi", "nissan"]
    assert "C segment" in answer.text


@pytest.mark.parametrize(("question", "fact"), [
    ("what's the point of being a follower?", "follower_benefit"),
    ("tell me about the Alliance", "alliance"),
    ("on what basis were leaders picked?", "model"),
    ("what do the three pool together?", "shared"),
    ("what back-end things do they already share?", "backend"),
])
def test_questions_about_the_model_itself_are_answered_from_the_knowledge_base(
        assistant, question, fact):
    answer = assistant.ask(question)
    assert answer.intent == "fact" and answer.understood
    assert answer.text == assistant.knowledge.facts[fact].text


@pytest.mark.parametrize(("first", "second", "leaders", "absent"), [
    ("who's lead on e/e architecture?", "which segments then?", ["renault"], "Segments:"),
    ("what does mitsubishi lead?", "regions only?", ["mitsubishi"], "technologies"),
])
def test_a_kind_asked_after_a_subject_is_that_subjects_kind(assistant, first, second, leaders,
                                                            absent):
    answer = assistant.ask(second, assistant.ask(first).context)
    assert answer.leaders == leaders and absent not in answer.text, answer.text


@pytest.mark.parametrize(("questions", "opener", "leaders"), [
    (["who leads brazil", "are you sure?"], "Yes.", ["renault"]),
    (["is nissan leader in europe?", "really?"], "No", ["renault"]),
    (["what does mitsubishi lead", "u sure?"], "Yes.", ["mitsubishi"]),
    (["qui dirige le brésil", "c est sur ?"], "Oui.", ["renault"]),
    (["ブラジルのリーダーは？", "本当？"], "はい。", ["renault"]),
])
def test_are_you_sure_confirms_the_last_answer(assistant, questions, opener, leaders):
    answer = thread(assistant, *questions)[-1]
    assert answer.text.startswith(opener) and answer.leaders == leaders, answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("hi team! quick one - who's the lead company for vietnam? thanks, Kasia", ["mitsubishi"]),
    ("who leads Chile? cheers, Ana", ["renault"]),
    # a name that is also a place signs off all the same
    ("who's lead for Ukraine? thx, Victoria", ["renault"]),
    ("bonjour, qui est leader en Tunisie ? merci, Adélaïde", ["renault"]),
    ("who leads the us", ["nissan"]),
])
def test_a_signature_is_nobody_and_the_us_is_a_country(assistant, question, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == leaders, answer.text


@pytest.mark.parametrize(("questions", "leaders"), [
    # a clause saying why the asker asks is not a request for every leader
    (["who leads vietnam", "thanks!! and who are the followers there? want the full picture "
      "on the slide"], ["mitsubishi"]),
    (["who leads japan", "what else does that company lead? I'm making a little cheat sheet"],
     ["nissan"]),
    (["making a cheat sheet. who leads Chile?"], ["renault"]),
    # ... but asking for it is
    (["who leads chile? also give me the full picture"], ["mitsubishi", "nissan", "renault"]),
    # the "s" of "whats" is no unknown word
    (["whats the android connected platform thing in the plan", "who's behind it then"],
     ["renault"]),
])
def test_a_remark_beside_a_question_is_not_a_question(assistant, questions, leaders):
    answer = thread(assistant, *questions)[-1]
    assert answer.leaders == leaders, answer.text


@pytest.mark.parametrize(("questions", "opener", "leaders"), [
    # pushback with a claim: the claim is answered, not "Yes" to the last answer
    (["who leads mexico", "are you sure?? my boss says mexico counts as latin america so its "
      "renault"], "No", ["nissan"]),
    (["who leads nz", "are you sure? my boss says nz is nissan bc of all the japanese cars"],
     "No", ["mitsubishi"]),
    # a place after "my manager says" is the claim, not where anyone is
    (["who leads Mexico", "hmm my manager says mexico is Renault bc its latin america"], "No",
     ["nissan"]),
])
def test_pushback_with_a_claim_answers_the_claim(assistant, questions, opener, leaders):
    answer = thread(assistant, *questions)[-1]
    assert answer.text.startswith(opener) and answer.leaders == leaders, answer.text


@pytest.mark.parametrize("questions", [
    ["who leads new zealand", "and papua new guinea?", "is nissan a follower in these two "
     "countries?"],
    ["quelle entreprise est leader pour la Nouvelle-Zélande ?", "Et pour la "
     "Papouasie-Nouvelle-Guinée ?", "Merci. Nissan est-il follower dans ces deux pays ?"],
])
def test_these_countries_point_back_at_the_subject(assistant, questions):
    answer = thread(assistant, *questions)[-1]
    assert answer.text.startswith(("Yes", "Oui")) and answer.leaders == ["mitsubishi"], \
        answer.text


@pytest.mark.parametrize(("questions", "opener"), [
    (["pls share which brand leads south america", "colombia comes under that right?"], "Yes"),
    (["who leads north america", "texas too right"], "Yes"),
    (["who leads north america", "brazil too right"], "No"),
])
def test_a_place_too_in_a_thread_asks_whether_the_same_company_leads_it(assistant, questions,
                                                                        opener):
    answer = thread(assistant, *questions)[-1]
    assert answer.text.startswith(opener), answer.text


@pytest.mark.parametrize(("questions", "opener", "leaders"), [
    # a name two places share asked back: "the country" / "le pays" / "州の方" picks one
    (["is renault the leader in georgia?", "the country, not the state"], "No.", []),
    (["Renault est-il leader en Géorgie ?", "le pays, pas l'état américain"], "Non.", []),
    (["ジョージアは日産？", "州の方"], "はい。", ["nissan"]),
    (["who leads georgia?", "the state"], "Nissan", ["nissan"]),
])
def test_a_reading_asked_back_is_picked_by_its_kind(assistant, questions, opener, leaders):
    asked_back, answer = thread(assistant, *questions)[-2:]
    assert answer.text.startswith(opener) and answer.leaders == leaders, answer.text
    if questions[0].startswith("is renault"):
        assert "Georgia (United States)" in asked_back.text, asked_back.text


@pytest.mark.parametrize(("questions", "opener", "leaders"), [
    (["Is Renault follower in North America?", "And in South America, also follower?"], "No.",
     ["renault"]),
    (["is nissan a follower in europe?", "and in japan, follower too?"], "No.", ["nissan"]),
])
def test_a_follower_question_about_a_company_stays_about_it_in_the_next_place(
        assistant, questions, opener, leaders):
    answer = thread(assistant, *questions)[-1]
    assert answer.text.startswith(opener) and answer.leaders == leaders, answer.text


@pytest.mark.parametrize(("question", "said", "opener"), [
    # a phrase a fact contradicts points at that fact, and the No is about that fact
    ("did carlos ghosn present the plan?", "Senard", "No."),
    ("C'est Carlos Ghosn qui a présenté le modèle leader-follower ?", "Senard", ""),
    ("2025年までに全車種が共同開発になるのでしょうか？", "約半数", "いいえ"),
])
def test_a_contradicted_phrase_answers_its_own_fact(assistant, question, said, opener):
    answer = assistant.ask(question, guarded=False)
    assert said in answer.text and answer.text.startswith(opener), answer.text


def test_a_generic_word_a_fact_contradicts_does_not_take_a_list_question(assistant):
    answer = assistant.ask("地域ごとのリーダーを全部教えてください", guarded=False)
    assert answer.leaders == ["mitsubishi", "nissan", "renault"], answer.text


@pytest.mark.parametrize(("questions", "opener", "leaders"), [
    # "my region" after a technology asks about the place, not the technology there
    (["who leads autonomous driving?", "ok and for my region? im at the Valladolid plant"], "",
     ["renault"]),
    # a claim argued from a place after "since" / "puisque" keeps the subject in the thread
    (["qui dirige la Nouvelle-Calédonie ?", "Mon chef dit que c'est Renault puisque c'est un "
      "territoire français"], "Non", ["mitsubishi"]),
    (["who leads guam", "my boss says its nissan because guam is american"], "No",
     ["mitsubishi"]),
])
def test_my_region_and_argued_places_in_a_thread(assistant, questions, opener, leaders):
    answer = thread(assistant, *questions)[-1]
    assert answer.text.startswith(opener) and answer.leaders == leaders, answer.text


@pytest.mark.parametrize(("question", "opener", "leaders"), [
    ("is this the first time the alliance announced the leader follower thing?", "No.", []),
    ("この枠組みの発表は今回が初めてですか？", "いいえ", []),
    ("on a un leader désigné pour l'Inde ?", "Non.", []),
    ("インドってリーダー決まってる？", "いいえ", []),
    ("オーストリアのリーダーは？（オーストラリアじゃないです）", "", ["renault"]),
])
def test_first_times_existence_and_names_set_aside_in_every_language(assistant, question,
                                                                      opener, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener) and answer.leaders == leaders, answer.text


def test_a_technology_word_after_an_unknown_name_is_asked_back(assistant):
    answer = assistant.ask("who leads development of the Zorvex quantum drivetrain",
                           guarded=False)
    assert answer.kind == Kind.CLARIFY and not answer.leaders and "Zorvex" in answer.text


@pytest.mark.parametrize(("opener", "claim", "said"), [
    # Japanese says no subject: the claim is about the company just named
    ("三菱自動車は何をリードしていますか？", "タイもリードしてますよね？", "はい"),
    ("三菱自動車は何をリードしていますか？", "カナダもリードしてるでしょ？", "いいえ"),
    ("ルノーがリーダーなのはどこ？", "チリもリードしてるよね", "はい"),
    # English with its verb first and "too"/"also"
    ("what does mitsubishi lead?", "leads vietnam too right?", "Yes"),
    ("what does mitsubishi lead?", "also leading canada?", "No"),
])
def test_a_claim_with_no_subject_is_about_the_company_just_named(assistant, opener, claim,
                                                                  said):
    answer = thread(assistant, opener, claim)[-1]
    assert answer.intent == "is_leader" and answer.text.startswith(said), answer.text


def test_a_role_noun_first_is_no_claim(assistant):
    # "leaders for X too?" asks who leads X; nobody is said to lead it
    answer = thread(assistant, "what does mitsubishi lead?", "leaders for canada too?")[-1]
    assert answer.intent == "who_leads" and answer.leaders == ["nissan"], answer.text


@pytest.mark.parametrize(("opener", "request_", "company"), [
    ("how many techs does mitsubishi lead", "can u list those", "Mitsubishi"),
    ("combien de régions Nissan dirige-t-il ?", "liste-les stp", "Nissan"),
])
def test_a_list_of_them_is_the_last_answers_list(assistant, opener, request_, company):
    first, answer = thread(assistant, opener, request_)
    assert answer.intent == first.intent and answer.text == first.text, answer.text
    assert answer.text.startswith(company), answer.text


def test_a_goodbye_after_a_remark_is_a_goodbye(assistant):
    # "heading" is a word of leading, but nothing is asked
    answer = thread(assistant, "who leads peru", "great, heading to lunch now, cya")[-1]
    assert answer.intent == "thanks" and not answer.leaders, answer.text


@pytest.mark.parametrize(("opener", "request_"), [
    ("what does renault lead?", "can u list em all"),
    ("ルノーは何をリードしていますか？", "全部並べてください"),  # no word for "them": none needed
    ("how many techs does nissan lead", "which ones?"),
    ("que dirige Mitsubishi ?", "lesquelles ?"),
])
def test_list_them_all_is_the_last_answers_list(assistant, opener, request_):
    first, answer = thread(assistant, opener, request_)
    assert answer.text == first.text, answer.text


@pytest.mark.parametrize("questions", [
    ["pls who lead in china and europe both", "and the followers?"],
    ["who follows in China and in Europe?"],
])
def test_the_followers_of_several_leaders_are_every_company_named_following(assistant,
                                                                           questions):
    answer = thread(assistant, *questions)[-1]
    assert answer.leaders == ["nissan", "renault"], answer.text
    assert answer.followers == ["mitsubishi", "nissan", "renault"], answer.text


@pytest.mark.parametrize(("message", "bye"), [
    # a place in a goodbye is news ("I'm off there"), not a question about it
    ("thanks! heading to brazil next week, bye", "Bye!"),
    ("ありがとう！来週ブラジルに行くので、またね", "お疲れさまでした"),
    ("merci ! je pars au Brésil la semaine prochaine, a+", "À bientôt"),
])
def test_a_goodbye_that_names_a_place_is_a_goodbye(assistant, message, bye):
    answer = thread(assistant, "who leads peru", message)[-1]
    assert answer.intent == "thanks" and not answer.leaders, answer.text
    assert answer.text.startswith(bye), answer.text  # the goodbye alone, not a thanks before it


@pytest.mark.parametrize("question", ["who is heading to brazil?", "bye, who leads brazil"])
def test_a_question_beside_travel_or_a_goodbye_is_answered(assistant, question):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == ["renault"], answer.text


@pytest.mark.parametrize(("questions", "opener"), [
    # two places compared with each other, not with the last answer's leader (Mitsubishi)
    (["quick q, leader for chile?", "ok and plug-in hybrids?",
      "back to south america - peru same as chile?"], "Yes."),
    (["who leads PHEV?", "and spain and mexico, same leader?"], "No."),
])
def test_two_places_compared_in_a_thread_are_compared_with_each_other(assistant, questions,
                                                                      opener):
    answer = thread(assistant, *questions)[-1]
    assert answer.text.startswith(opener), answer.text


def test_a_companys_role_in_the_model_is_what_it_leads_and_they_is_that_company(assistant):
    first, japan, oceania = thread(
        assistant, "can u explain mitsubishi's role in the leader follower model",
        "do they lead in japan?", "and in oceania?")
    assert first.leaders == ["mitsubishi"] and "Oceania" in first.text, first.text
    assert japan.text.startswith("No") and oceania.text.startswith("Yes"), (japan.text,
                                                                           oceania.text)


def test_a_technology_with_its_segments_compared_with_the_last_answer(assistant):
    """Segments beside a technology are no two places compared with each other."""
    answer = thread(assistant, "ＥＶの共通パワートレインはどこがリード？",
                    "A・Bセグメントの電動パワートレインも同じ会社？")[-1]
    assert answer.text.startswith("いいえ"), answer.text
