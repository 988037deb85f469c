"""Classes of questions found by the blind sets of the 2026-11-28 session: a negation inside a
phrase that confirms ("…で間違いないですか"), and the others each test names, with examples
in the languages they were seen in."""

from __future__ import annotations

import pytest

from tests.support.threads import thread

YES_OR_NO = ("Yes", "No", "Oui", "Non", "はい", "いいえ")


@pytest.mark.parametrize(("question", "opener"), [
    ("南米はルノーがリーダーで間違いないでしょうか", "はい"),
    ("北米は日産が主導で間違いないですか？", "はい"),
    ("南米は日産がリーダーで間違いないですか？", "いいえ"),
    ("欧州は三菱で間違いないよね？", "いいえ"),
])
def test_a_negation_inside_a_phrase_that_confirms_negates_nothing(assistant, question, opener):
    """"間違いない" (no mistake) asks whether the claim holds: Yes when it does."""
    answer = thread(assistant, question)[-1]
    assert answer.text.startswith(opener), answer.text


@pytest.mark.parametrize(("question", "opener"), [
    ("ルノーは南米のリーダーではないですよね？", "いいえ"),
    ("日産は欧州をリードしてないですか？", "はい"),
])
def test_a_negated_claim_beside_it_is_still_answered_by_its_truth(assistant, question, opener):
    answer = thread(assistant, question)[-1]
    assert answer.text.startswith(opener), answer.text


@pytest.mark.parametrize("question", [
    "word was they'd break up, no?",
    "drafting a blurb for the intranet page - were folks predicting the alliance would dissolve "
    "before this leader follower setup?",
    "il y avait des bruits de rupture entre eux, non ?",
    "解散するって噂ありましたよね？",
])
def test_a_rumour_of_what_a_fact_denies_gets_the_fact_without_yes_or_no(assistant, question):
    """Whether a split was rumoured is not whether it happened: "No" would deny the rumour."""
    answer = thread(assistant, question)[-1]
    assert answer.intent == "fact" and not answer.text.startswith(YES_OR_NO), answer.text


@pytest.mark.parametrize(("question", "opener"), [
    ("did the alliance break up in the end?", "No"),
    ("l'alliance a éclaté ?", "Non"),
    ("3社は解散したんですか？", "いいえ"),
])
def test_whether_a_denied_thing_happened_is_still_answered_no(assistant, question, opener):
    answer = thread(assistant, question)[-1]
    assert answer.text.startswith(opener), answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("for my quarterly review: peru and vietnam. who leads each?", ["mitsubishi", "renault"]),
    ("deck for tomorrow, slide 3 has japan + egypt. who's the leader for each one?",
     ["nissan", "renault"]),
    ("pour mon comité : Chili et Japon. qui dirige chacun ?", ["nissan", "renault"]),
])
def test_each_after_a_clause_that_names_places_asks_about_those_places(assistant, question,
                                                                        leaders):
    """"who leads each?" after a clause naming places (even one that says only why the asker
    asks) is about those places, not a request for every leader."""
    answer = thread(assistant, question)[-1]
    assert answer.intent == "who_leads" and answer.leaders == leaders, answer.text


def test_each_with_nothing_named_before_is_still_every_leader(assistant):
    answer = thread(assistant, "who leads each?")[-1]
    assert answer.intent == "list", answer.text


@pytest.mark.parametrize(("question", "opener", "leaders"), [
    ("irkutsk is practically mongolia so is it nissan there?", "No", ["renault"]),
    ("our depot is in suva, is that mitsubishi?", "Yes", ["mitsubishi"]),
    ("cairo office told me north africa changed hands - is it renault still?", "Yes",
     ["renault"]),
])
def test_a_yes_no_question_opening_inside_a_clause_is_asked(assistant, question, opener,
                                                             leaders):
    """"…, so is it Nissan there?": the statement before it sets the scene, the question is
    answered (never "I don't know" for the words of the scene)."""
    answer = thread(assistant, question)[-1]
    assert answer.text.startswith(opener) and answer.leaders == leaders, answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("based in Leeds but my distributor is in Quito, who's the lead?", ["renault"]),
    ("we sit in the Nagoya office, the customer is in Perth, who leads?", ["mitsubishi"]),
])
def test_the_asker_s_place_and_another_s_ask_about_the_other(assistant, question, leaders):
    """Where the asker sits only says where they are; another person's place, named beside it
    with no other subject, is what the question is about."""
    answer = thread(assistant, question)[-1]
    assert answer.leaders == leaders, answer.text


@pytest.mark.parametrize("question", [
    "Velmoria belongs to which region in the plan?",
    "la Syldavie c'est dans quelle zone ?",
    "what region does Kravonia fall under",
])
def test_which_region_an_unknown_name_is_in_is_asked_back(assistant, question):
    """"which region is Elbonia in?" names something the plan doesn't hold: asked back, never
    the list of every region's leader."""
    answer = thread(assistant, question)[-1]
    assert answer.kind.value == "clarify" and answer.leaders == [], answer.text


@pytest.mark.parametrize("question", [
    "who's leading the Renault Quasar programme?",
    "does nissan lead the Helion project?",
    "日産の新型「ミラージュZ」はどこが主導？",
    "c'est Mitsubishi qui porte le projet Altair ?",
    # a name right after a member's is one of its models
    "who leads the new Nissan Velorix?",
    "qui pilote le programme Renault Kestrel-7 ?",
])
def test_a_programme_or_model_the_plan_does_not_name_is_asked_back_beside_a_company(
        assistant, question):
    """A company beside a programme's or a model's name the plan doesn't hold asks about that
    programme: asked back, not what the company leads."""
    answer = thread(assistant, question)[-1]
    assert answer.kind.value == "clarify" and answer.leaders == [], answer.text


@pytest.mark.parametrize("question", [
    "qui gère le marketing en Bordurie ?",
    "ボルドゥリア共和国の営業のリーダーは？",
    "ネオカスカディア州の販売は誰がリード？",
])
def test_a_place_the_plan_does_not_know_beside_a_topic_is_asked_back(assistant, question):
    answer = thread(assistant, question)[-1]
    assert answer.kind.value == "clarify" and answer.leaders == [], answer.text


@pytest.mark.parametrize(("question", "intent"), [
    ("what does Renault lead?", "what_leads"),
    ("qui dirige le marketing en Europe ?", "who_leads"),
    # a place the plan doesn't know, where the asker works, beside a technology asked about
    ("we're at the test track in Aubevoye, who leads autonomous driving?", "who_leads"),
    ("moi je suis au centre de Lardy, qui pilote le PHEV ?", "who_leads"),
])
def test_known_names_beside_those_words_are_still_answered(assistant, question, intent):
    answer = thread(assistant, question)[-1]
    assert answer.intent == intent and answer.kind.value == "answer", answer.text


@pytest.mark.parametrize(("questions", "leaders"), [
    (["who's lead for slovenia, sorry i meant slovakia... no wait, i meant singapore"],
     ["mitsubishi"]),
    (["who leads peru? typo, i meant the country next to it, ecuador"], ["renault"]),
    (["qui pilote le Maroc ? je voulais dire la Malaisie"], ["mitsubishi"]),
    (["カナダのリーダーは？間違えました、ケニアです"], []),
    (["チリは？あ、中国の間違いです"], ["nissan"]),
    (["who leads iran", "sorry i meant iraq"], []),
    # the asker's place beside it stays context
    (["im in the osaka office - who leads austria, i meant australia"], ["mitsubishi"]),
])
def test_a_correction_replaces_the_place_said_before_it(assistant, questions, leaders):
    """"sorry i meant X", "je voulais dire X", "間違えました、Xです": X is asked, the place
    before it is not (in the same clause, the next one, or the next message)."""
    answer = thread(assistant, *questions)[-1]
    assert answer.leaders == leaders and answer.kind.value == "answer", answer.text


@pytest.mark.parametrize(("questions", "leaders"), [
    (["who leads europe?", "あ、すみません北米の間違いでした。北米は日産で合ってますか？"],
     ["nissan"]),
    (["who leads japan, sorry i meant japan and brazil"], ["nissan", "renault"]),
])
def test_a_place_said_again_after_a_correction_is_still_asked(assistant, questions, leaders):
    answer = thread(assistant, *questions)[-1]
    assert answer.leaders == leaders, answer.text


def test_i_mean_without_a_place_after_it_corrects_nothing(assistant):
    answer = thread(assistant, "who leads brazil, i mean for our dealers?")[-1]
    assert answer.leaders == ["renault"], answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("London (the Ontario one, not the UK), who leads?", ["nissan"]),
    ("who's lead for Perth (the one in Scotland)?", ["renault"]),
    ("Londres (celle du Canada), qui est leader ?", ["nissan"]),
    ("Paris, Texas... du coup c'est Nissan ?", ["nissan"]),
    # a bracket that says something else is no such place
    ("who's the leader for Chile (our team sits in Manila)?", ["renault"]),
    ("who leads Dakar (I'm in Tokyo)?", []),
    ("who leads Dakar (meeting in Tokyo tomorrow)?", []),
])
def test_a_bracket_or_comma_saying_which_city_picks_that_city(assistant, question, leaders):
    """"London (the Ontario one)": the place the bracket names says which London is meant."""
    answer = thread(assistant, question)[-1]
    assert answer.leaders == leaders, answer.text


def test_the_place_a_correction_names_is_not_where_the_asker_is(assistant):
    """"i meant australia" names the place asked, not the asker's: "my own region" after it
    is asked back."""
    answer = thread(assistant, "who leads austria, sorry i meant australia",
                    "what about my own region?")[-1]
    assert answer.kind.value == "clarify" and answer.leaders == [], answer.text


@pytest.mark.parametrize(("question", "leaders", "not_said"), [
    ("who's lead in denmark? tons of EVs on the road there, just curious", ["renault"],
     "electric"),
    ("qui pilote la Thaïlande ? y a plein de PHEV là-bas, par curiosité", ["mitsubishi"],
     "hybrides"),
    ("カナダはどこがリード？自動運転の実験が多いと聞いたので気になって", ["nissan"], "自動運転"),
])
def test_a_remark_saying_why_one_is_curious_adds_no_subject(assistant, question, leaders,
                                                             not_said):
    """A part after the question saying why the asker wonders ("lots of EVs there, just
    curious") names a technology it asks nothing about."""
    answer = thread(assistant, question)[-1]
    assert answer.leaders == leaders and not_said not in answer.text, answer.text


@pytest.mark.parametrize("question", [
    "who leads brazil? also wondering who leads autonomous driving",
    "ブラジルはどこ？日本のリーダーも気になって",
])
def test_wondering_with_a_question_word_still_asks(assistant, question):
    """A part that says it wonders and asks ("who leads …", "…のリーダー") is a question."""
    answer = thread(assistant, question)[-1]
    assert answer.leaders == ["nissan", "renault"], answer.text


def test_a_curious_part_that_asks_for_the_followers_still_asks(assistant):
    answer = thread(assistant, "ブラジルはどこ？フォロワーも気になって")[-1]
    assert answer.intent == "who_follows" and answer.followers == ["mitsubishi", "nissan"], \
        answer.text


@pytest.mark.parametrize("question", [
    "so who sets the car prices then",
    "c'est qui qui décide des tarifs ?",
    "値段は誰が決めてるの？",
])
def test_who_decides_prices_is_the_pricing_topic(assistant, question):
    """Who is in charge of prices is a topic the plan assigns to nobody (never "I don't know");
    what something costs stays out of scope."""
    answer = thread(assistant, question)[-1]
    assert answer.intent == "who_leads" and answer.leaders == [] and answer.understood, \
        answer.text


@pytest.mark.parametrize("question", ["how much is a Livina?", "combien coûte une Leaf ?"])
def test_what_something_costs_is_still_out_of_scope(assistant, question):
    answer = thread(assistant, question)[-1]
    assert answer.intent == "out_of_scope", answer.text


@pytest.mark.parametrize("question", [
    "why did nissan and mitsubishi sign on to this setup?",
    "why would renault bother with the leader follower thing",
    "pourquoi Nissan a accepté ce modèle ?",
])
def test_why_beside_companies_asks_the_fact(assistant, question):
    """"why did Renault and Nissan adopt this model?": the companies are the fact's, not a
    question about what they lead, and the unknown verb is no reason for "I don't know"."""
    answer = thread(assistant, question)[-1]
    assert answer.intent == "fact" and answer.understood, answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("quality engineer at the Cergy site, supplier audit near rabat next week. who leads that "
     "market?", ["renault"]),
    ("je bosse avec un garage vers Cordoba en Argentine. qui pilote ce marché ?", ["renault"]),
])
def test_that_market_points_at_the_place_of_the_clause_before(assistant, question, leaders):
    """"which company leads that market?" after a clause naming a place (one the bot had no
    question in) is about that place, not the list of every region."""
    answer = thread(assistant, question)[-1]
    assert answer.intent == "who_leads" and answer.leaders == leaders, answer.text


def test_an_engineer_is_a_job_not_the_leaf(assistant):
    answer = thread(assistant, "i'm an engineer in yokohama - who leads the connected "
                               "platform outside china?")[-1]
    assert answer.leaders == ["renault"] and "Leaf" not in answer.text, answer.text


def test_the_askers_own_team_after_an_unknown_name_is_no_answer_of_its_own(assistant):
    """"leader for Sodor? our uk team swears it's real": asked back, and the asker's team's
    place is not answered beside it."""
    answer = thread(assistant, "who runs Frobnia? our madrid team says it's a market now")[-1]
    assert answer.kind.value == "clarify" and answer.leaders == [], answer.text


@pytest.mark.parametrize(("questions", "opener"), [
    (["is brazil renault?", "and mongolia?", "nepal same?"], "Yes"),
    (["ロシアはルノーだよね？", "じゃあトルクメンは？", "タジキスタンも同じ感じ？"], "はい"),
    (["is brazil renault?", "and mongolia?", "and chile, same?"], "No"),
])
def test_same_after_a_yes_no_chain_compares_with_the_last_answer(assistant, questions, opener):
    """"uzbekistan same?" after "and kazakhstan?" (no leader) asks whether it is like the last
    place answered: Yes when the same companies (or nobody) lead it."""
    answer = thread(assistant, *questions)[-1]
    assert answer.text.startswith(opener), answer.text


@pytest.mark.parametrize(("question", "opener"), [
    ("is armenia europe?", "No"),
    ("so is morocco north africa?", "Yes"),
    ("la Tunisie c'est l'Afrique du Nord ?", "Oui"),
    ("キプロスってヨーロッパ？", "いいえ"),
])
def test_a_place_and_a_region_joined_by_a_copula_ask_whether_it_is_there(assistant, question,
                                                                          opener):
    """"is turkey europe?": whether the plan puts it there, not the region's leader beside it."""
    answer = thread(assistant, question)[-1]
    assert answer.text.startswith(opener), answer.text


def test_an_apology_before_naming_the_place_meant_is_no_goodbye(assistant):
    answer = thread(assistant, "オークランドのリーダーは？",
                    "失礼しました、米国のオークランドです")[-1]
    assert answer.leaders == ["nissan"], answer.text


def test_a_goodbye_with_news_after_it_is_still_a_goodbye(assistant):
    answer = thread(assistant, "who leads japan?", "bye, off to brazil next week")[-1]
    assert answer.intent == "thanks", answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("フランス領ポリネシアのリーダーは？", ["mitsubishi"]),
    ("ウズベクのリーダーは？", []),
    ("アフガンは誰がリード？", []),
])
def test_japanese_short_and_written_out_names_of_countries(assistant, question, leaders):
    """"カザフ" for Kazakhstan; "フランス領" for pycountry's "仏領"."""
    answer = thread(assistant, question)[-1]
    assert answer.leaders == leaders and answer.understood \
        and answer.kind.value == "answer", answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("who's lead in sweden?? oops sweden was wrong, switzerland", ["renault"]),
    ("which company does peru. ugh sorry, not peru, vietnam", ["mitsubishi"]),
    ("qui dirige l'Inde ? ah non pardon, l'Indonésie", ["mitsubishi"]),
    ("ペルーはどこ？すみません、ベトナムでした", ["mitsubishi"]),
    ("チリのリーダーは？あ、中国の打ち間違いです", ["nissan"]),
    ("qui dirige le Chili ? euh non le Japon", ["nissan"]),
])
def test_an_apology_or_a_no_right_before_a_place_corrects_the_place(assistant, question, leaders):
    """"argh sorry not colombia, cambodia", "euh non le Maroc pardon", "すみません、ブルネイでした":
    the place right after the apology is the one meant."""
    answer = thread(assistant, question)[-1]
    assert answer.leaders == leaders, answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("sorry to bother, who leads japan and brazil?", ["nissan", "renault"]),
    ("who leads japan? oh and brazil", ["nissan", "renault"]),
    ("who leads japan, not china?", ["nissan"]),
])
def test_an_apology_that_corrects_nothing_leaves_the_places(assistant, question, leaders):
    answer = thread(assistant, question)[-1]
    assert answer.leaders == leaders, answer.text


def test_a_city_of_a_country_set_aside_is_not_that_countrys(assistant):
    """"Perth (the scottish one, not australia)": never Australia's Perth."""
    for question in ("who's lead for Perth, the one in scotland not australia",
                     "who leads Perth (not the australian one, not australia)"):
        answer = thread(assistant, question)[-1]
        assert "mitsubishi" not in answer.leaders, answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("we need japan + chile for the onboarding deck. leader of each pls", ["nissan", "renault"]),
    ("i'm in madrid but my importer is in Manila, who leads?", ["mitsubishi"]),
])
def test_what_the_asker_needs_or_another_persons_place_is_the_subject(assistant, question,
                                                                       leaders):
    answer = thread(assistant, question)[-1]
    assert answer.leaders == leaders, answer.text


@pytest.mark.parametrize(("question", "opener"), [
    ("la Guyane française, c'est l'Amérique du Sud ?", "Oui"),
    ("guam, that's oceania right?", "Yes"),
    ("ジョージアの国ってヨーロッパですか", "いいえ"),
])
def test_a_place_then_a_remark_naming_its_region_asks_whether_it_is_there(assistant, question,
                                                                          opener):
    answer = thread(assistant, question)[-1]
    assert answer.text.startswith(opener), answer.text


def test_a_signature_after_the_question_asks_nothing(assistant):
    """"Best regards, Nour | Executive Assistant | Cairo": the signature's place is no
    question."""
    answer = thread(assistant, "Hello team,\nCould you please advise who leads Chile for the "
                               "2026 plan?\nKind regards,\nMarta | Sales Ops | Lisbon")[-1]
    assert answer.leaders == ["renault"], answer.text
    assert "Portugal" not in answer.text and "Lisbon" not in answer.text, answer.text


def test_could_you_advise_who_is_a_request_not_yes_or_no(assistant):
    answer = thread(assistant, "could you please advise who the chairman of the alliance "
                               "board is?")[-1]
    assert answer.intent == "fact" and not answer.text.startswith("Yes"), answer.text


def test_a_self_introduction_before_the_question_is_no_question(assistant):
    answer = thread(assistant, "hello, i am a battery engineer in Pune. who leads PHEV for the "
                               "D segment?")[-1]
    assert answer.leaders == ["mitsubishi"] and "India" not in answer.text \
        and "batter" not in answer.text.lower(), answer.text


def test_a_title_before_a_name_makes_it_a_person(assistant):
    answer = thread(assistant, "I write on behalf of Mr. Kowalczyk, who is abroad this week. "
                               "He needs to know who leads Norway.")[-1]
    assert answer.kind.value == "answer" and answer.leaders == ["renault"], answer.text


def test_a_premise_names_the_place_after_the_askers_own(assistant):
    """"hello from Nicosia dealer, Cyprus is EU member so we are under Renault like Europe
    yes?": about Cyprus, which the plan does not put in Europe."""
    answer = thread(assistant, "hi from the Nicosia office, Cyprus is an EU member so Renault "
                               "leads us like Europe, yes?")[-1]
    assert answer.text.startswith("No") and answer.leaders == [], answer.text


@pytest.mark.parametrize(("questions", "leaders"), [
    (["who's in charge of the E-body architecture?", "renault or nissan?"], ["renault"]),
])
def test_two_companies_offered_after_a_question_ask_which_one(assistant, questions, leaders):
    answer = thread(assistant, *questions)[-1]
    assert answer.leaders == leaders and not answer.text.startswith(("Yes", "No")), answer.text


def test_a_reason_inside_a_statement_after_the_question_adds_no_subject(assistant):
    answer = thread(assistant, "who leads the android based platform? we were unsure because "
                               "nissan handles connected stuff in china")[-1]
    assert answer.leaders == ["renault"], answer.text


@pytest.mark.parametrize("question", [
    "who leads the G segment and H? the deck has A-D in it but nothing else",
    "E/Fセグのリーダーは？A/BとC/Dは資料にありますが",
])
def test_what_the_asker_already_has_in_a_document_is_no_question(assistant, question):
    answer = thread(assistant, question)[-1]
    assert "mitsubishi" not in answer.leaders and "renault" not in answer.leaders, answer.text


def test_these_two_countries_point_at_the_clause_before(assistant):
    answer = thread(assistant, "nos clients sont au Pérou et en Bolivie. qui pilote ces deux "
                               "pays ?")[-1]
    assert answer.intent == "who_leads" and answer.leaders == ["renault"], answer.text


@pytest.mark.parametrize(("question", "opener"), [
    ("Pour l'Égypte et le Kenya, c'est Renault pour les deux ?", "Non"),
    ("mexico and canada - nissan for both, right?", "Yes"),
])
def test_for_both_asks_about_every_place(assistant, question, opener):
    answer = thread(assistant, question)[-1]
    assert answer.text.startswith(opener), answer.text


def test_a_remark_on_what_the_answer_is_for_names_no_place_asked(assistant):
    answer = thread(assistant, "who was the chairman quoted in the article? I need it for "
                               "the Dakar dealer newsletter")[-1]
    assert answer.intent == "fact" and answer.leaders == [], answer.text


def test_a_difference_said_as_a_condition_asks_nothing(assistant):
    answer = thread(assistant, "マカオは中国と同じ会社がリーダーでよろしいでしょうか。"
                               "もし違う場合はどこがリーダーか教えてください。")[-1]
    assert answer.text.startswith("はい") and answer.leaders == ["nissan"], answer.text


def test_a_titled_name_is_no_place_to_ask_back_about(assistant):
    answer = thread(assistant, "who is Mr. Nowak?")[-1]
    assert "Norway" not in answer.text and answer.leaders == [], answer.text


@pytest.mark.parametrize("question", ["why is the sky blue?", "pourquoi le ciel est bleu ?",
                                      "なぜ空は青い？"])
def test_why_of_nothing_in_the_plan_is_out_of_scope(assistant, question):
    answer = thread(assistant, question)[-1]
    assert answer.intent == "out_of_scope", answer.text


@pytest.mark.parametrize("question", [
    "why did they adopt it?",
    "I'm the EA of our VP in Osaka (brazilian, new here). she wants a line on why the alliance "
    "went for this leader follower model",
    "hey, I am secretary of SVP in Kobe (filipina, working here 4 yrs). SVP needs 3 bullet "
    "sentences for townhall deck: why did the alliance choose this leader-follower model?",
])
def test_why_with_a_word_of_the_plan_is_the_fact(assistant, question):
    answer = thread(assistant, question)[-1]
    assert answer.intent == "fact" and answer.kind.value == "answer", answer.text


def test_a_region_word_after_the_region_still_asks_membership(assistant):
    answer = thread(assistant, "is cyprus europe region or no?")[-1]
    assert answer.text.startswith("No") and answer.leaders == [], answer.text


def test_thanks_with_the_askers_team_in_brackets_asks_nothing(assistant):
    answer = thread(assistant, "qui pilote l'Argentine ? merci d'avance (équipe RH Casablanca)")[-1]
    assert answer.leaders == ["renault"] and "Maroc" not in answer.text, answer.text


def test_a_choice_after_a_question_in_the_same_message_is_no_guess(assistant):
    answer = thread(assistant, "who leads the E-body architecture? renault or nissan?")[-1]
    assert answer.leaders == ["renault"] and not answer.text.startswith(("Yes", "No")), \
        answer.text


def test_could_someone_tell_me_is_a_request(assistant):
    answer = thread(assistant, "could someone tell me which alliance company leads Fiji?")[-1]
    assert answer.leaders == ["mitsubishi"] and not answer.text.startswith("Yes"), answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("qui dirige Dakar (je suis au bureau de Tokyo) ?", []),
    ("ダカールのリーダーは？（東京オフィスより）", []),
    ("qui dirige le Chili (équipe achats Tokyo) ?", ["renault"]),
])
def test_a_french_or_japanese_bracket_saying_where_the_asker_is_is_context(assistant, question,
                                                                           leaders):
    answer = thread(assistant, question)[-1]
    assert answer.leaders == leaders, answer.text


@pytest.mark.parametrize("question", [
    "ok last one: why did they bother setting all this up?",
    "pourquoi ils ont fait ça au fait ?",
])
def test_why_about_the_members_is_the_fact(assistant, question):
    answer = thread(assistant, question)[-1]
    assert answer.intent == "fact", answer.text


@pytest.mark.parametrize("question", [
    "c'était bien Jean Dominique Senard le président ?",
    "ジャン＝ドミニク・スナールって誰？",
])
def test_a_place_inside_a_persons_name_is_the_name(assistant, question):
    """"Jean-Dominique Senard" holds the French name of Dominica: the chairman, no place."""
    answer = thread(assistant, question)[-1]
    assert answer.intent == "fact" and "Domini" not in answer.text.replace(
        "Jean-Dominique", "").replace("ジャンドミニク", ""), answer.text


@pytest.mark.parametrize(("question", "leaders", "kind"), [
    ("who leads poland... sorry no, in Krakovia, our new territory", [], "clarify"),
    ("チリのリーダーは？あ、失礼しました、フィジーです", ["mitsubishi"], "answer"),
])
def test_a_correction_to_a_name_the_plan_does_not_hold_or_after_an_apology(assistant, question,
                                                                           leaders, kind):
    answer = thread(assistant, question)[-1]
    assert answer.leaders == leaders and answer.kind.value == kind, answer.text


def test_best_comma_opens_a_signature(assistant):
    answer = thread(assistant, "Hello,  quick one - which company leads in Morocco under the "
                               "new model?  Best, Ana Ruiz Regional Finance | Osaka")[-1]
    assert answer.leaders == ["renault"] and "Japan" not in answer.text, answer.text


@pytest.mark.parametrize(("question", "opener"), [
    ("B segment and D segment, renault for both right?", "No"),
    ("フィリピンと韓国は、どちらも三菱ですよね？", "いいえ"),
])
def test_both_asks_about_every_segment_and_every_place(assistant, question, opener):
    answer = thread(assistant, question)[-1]
    assert answer.text.startswith(opener), answer.text


def test_no_difference_said_politely_asks_whether_they_are_the_same(assistant):
    answer = thread(assistant, "ブラジルとメキシコのリーダーは同じ会社と理解しておりますが、"
                               "相違ございませんか。異なる場合はご教示ください。")[-1]
    assert answer.text.startswith("いいえ"), answer.text


def test_a_programme_beside_the_askers_place_is_asked_back(assistant):
    answer = thread(assistant, "greetings from the lisbon office :) who owns the Project Juniper "
                               "telematics initiative?")[-1]
    assert answer.kind.value == "clarify" and answer.leaders == [], answer.text


def test_a_japanese_why_after_sentences_that_set_the_scene_is_the_fact(assistant):
    answer = thread(assistant, "来月名古屋で説明会があります。資料を作っています。アライアンスが"
                               "この方式を選んだ理由は何ですか？")[-1]
    assert answer.intent == "fact" and answer.leaders == [], answer.text


def test_someones_new_market_is_where_they_go(assistant):
    answer = thread(assistant, "Dr. Okafor is moving from Lagos to Jakarta next month, who "
                               "leads her new market?")[-1]
    assert answer.leaders == ["mitsubishi"], answer.text


@pytest.mark.parametrize(("question", "opener"), [
    ("hong kong, nissan i guess since it's china?", "Yes"),
    ("sri lanka, probably nissan?", "No"),
    ("fiji — renault i guess since its french-ish?", "No"),
])
def test_a_guess_beside_a_place_is_a_claim(assistant, question, opener):
    answer = thread(assistant, question)[-1]
    assert answer.text.startswith(opener), answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("who do i talk to for lombok?", ["mitsubishi"]),
    ("バルカン半島のリーダーは？", ["renault"]),
    ("et au sud du Sahara, qui dirige ?", []),
])
def test_islands_and_areas_people_name(assistant, question, leaders):
    answer = thread(assistant, question)[-1]
    assert answer.leaders == leaders and answer.understood, answer.text


def test_a_name_asked_back_in_a_clause_that_asks_nothing_is_dropped(assistant):
    """The sentence of class check 26 that showed it (measured before this rule): "tmrw" in a
    clause that only says what the asker is preparing is no question beside the one asked."""
    answer = thread(assistant, "hey all, prepping slides for tmrw's townhall in guyancourt, my "
                               "boss wants one slide on background, numbers can come later. so "
                               "basically why did renault nissan and mitsubishi go for this "
                               "leader follower setup in the first place?? thx")[-1]
    assert answer.intent == "fact" and "tmrw" not in answer.text, answer.text


def test_a_coded_word_beside_the_askers_place_is_no_programme(assistant):
    """"working w/ a tier1 near detroit": a code-like word is not a programme to ask back."""
    answer = thread(assistant, "qa engineer here, working w/ a tier2 near cleveland, ohio. "
                               "which company leads that market?")[-1]
    assert answer.leaders == ["nissan"], answer.text


def test_a_long_message_whose_answers_were_refocused_does_not_crash(assistant):
    """The filter of names asked back once zipped answers with clauses after `_focus` had
    dropped some: four long emails of the blind sets got the apology for a crash."""
    answer = assistant.ask("Sorry for disturbing. I am new in purchasing team in Chennai and I "
                           "try to understand the alliance organisation. My manager told me "
                           "that each company is leading some regions and the others are "
                           "following. Who is the leader for India please?", guarded=False)
    assert answer.intent != "error" and answer.leaders == [], answer.text
    answer = assistant.ask("Good morning, I hope this finds you well. I work in HR at our "
                           "Sapporo head office and I am preparing an onboarding deck. Could you "
                           "kindly confirm which company leads for Japan?", guarded=False)
    assert answer.intent != "error" and answer.leaders == ["nissan"], answer.text


def test_an_introduction_after_a_polite_opening_is_no_question(assistant):
    answer = thread(assistant, "Sorry for disturbing. I am new in the logistics team in Pune. "
                               "Who is the leader for Vietnam please?")[-1]
    assert answer.leaders == ["mitsubishi"] and "logistics" not in answer.text, answer.text


@pytest.mark.parametrize("question", [
    "who handles the EV stuff in the alliance?",
    "c'est qui pour les trucs électriques ?",
    "EV関係はどこが担当？",
])
def test_electric_vehicles_spoken_of_loosely_are_both_powertrains(assistant, question):
    """"the EV stuff": Nissan's common EV powertrain and Renault's A/B electrified ones (not
    "who leads EVs?", the common EV powertrain)."""
    answer = thread(assistant, question)[-1]
    assert answer.leaders == ["nissan", "renault"], answer.text


def test_evs_named_plainly_are_the_common_ev_powertrain(assistant):
    answer = thread(assistant, "who leads EVs?")[-1]
    assert answer.leaders == ["nissan"], answer.text


@pytest.mark.parametrize("question", [
    "qui pilote le projet Renault Solenne pour l'afrique du nord ?",
    "who's lead on PHEV for the vorlandia market",
    "ボルドニアの自動運転はどこ？",
])
def test_a_name_the_plan_does_not_hold_beside_what_it_knows_is_asked_back_final(assistant,
                                                                               question):
    """Class check 27 (final): a programme after a member's name for a known place; a
    lowercase unknown name before "market"; a katakana name then "の" and a technology."""
    answer = thread(assistant, question)[-1]
    assert answer.kind.value == "clarify" and answer.leaders == [], answer.text


@pytest.mark.parametrize(("question", "opener"), [
    ("is egypt north africa for this plan?", "Yes"),
    ("is cyprus europe in the alliance map", "No"),
])
def test_membership_with_the_plan_named_after_the_region(assistant, question, opener):
    answer = thread(assistant, question)[-1]
    assert answer.text.startswith(opener), answer.text


def test_thanks_then_a_signature_between_bars_asks_nothing(assistant):
    answer = thread(assistant, "who leads autonomous driving?  thanks Ana Lima | Sales | Porto")[-1]
    assert answer.leaders == ["nissan"] and "Portugal" not in answer.text, answer.text


def test_the_electric_car_side_of_things_is_both_powertrains(assistant):
    answer = thread(assistant, "electric vehicle side of things, who's lead?")[-1]
    assert answer.leaders == ["nissan", "renault"], answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("georgia, who leads? (tbilisi, not atlanta)", []),
    ("who's lead for georgia? the one with atlanta", ["nissan"]),
])
def test_a_later_clause_naming_a_place_inside_one_reading_picks_it(assistant, question, leaders):
    """"georgia who's lead? (tbilisi not atlanta)": the clause after says which Georgia; the
    other reading is not answered beside it."""
    answer = thread(assistant, question)[-1]
    assert answer.leaders == leaders, answer.text


def test_another_place_after_a_shared_name_is_a_second_question(assistant):
    answer = thread(assistant, "who leads georgia? and france?")[-1]
    assert answer.leaders == ["nissan", "renault"], answer.text
