"""The question's focus, not the asker's context (issue 11, part 2), as rules.

One table, a rule per group of rows, in several voices (ops shorthand, non-native English,
chatty Slack), and the roles the clause reader gives places.
"""

from __future__ import annotations

import pytest

from intents.focus import ASIDE, ASKER, FOCUS, place_roles
from tests.support.threads import thread


def _case(rule: str, question: str, leaders: list[str]):
    return pytest.param(question, leaders, id=f"{rule}: {question}")


# Each rule with sentences in several voices; the places are chosen so that the asker's place
# and the focus have different leaders: answering the asker's place too adds a leader.
RULES = [
    # first-person presence with any verb locates the asker, not the question
    _case("asker", "I visit Germany a lot, who leads Japan?", ["nissan"]),
    _case("asker", "we moved to Santiago last year, who is leader for Indonesia?",
          ["mitsubishi"]),
    _case("asker", "I'm stationed in Cairo and want to know who heads Mexico", ["nissan"]),
    _case("asker", "my colleagues in Lima keep asking me: who runs the Australian market?",
          ["mitsubishi"]),
    _case("asker", "I'm with Renault Europe in Paris, who leads Malaysia?", ["mitsubishi"]),
    _case("asker", "my manager from Lyon wants the lead for Indonesia", ["mitsubishi"]),
    _case("asker", "our lead engineer from Lyon asks who heads Indonesia", ["mitsubishi"]),
    _case("asker", "we visit Vietnam often but need to know who heads Mexico", ["nissan"]),
    _case("asker", "a Lima-based buyer here, who leads Korea and Japan?", ["nissan"]),
    _case("asker", "I'm based in Lyon but my query concerns Vietnam, which company leads?",
          ["mitsubishi"]),
    _case("asker", "I work out of Osaka but my question is about Vietnam, who leads?",
          ["mitsubishi"]),
    # a greeting or sign-off from somewhere, and "X here", locate the message
    _case("greeting", "hi from Lyon! who leads Thailand?", ["mitsubishi"]),
    _case("greeting", "Greetings from the Cairo office - who is the lead for Mexico?",
          ["nissan"]),
    _case("greeting", "Lyon here, quick q: who leads Indonesia?", ["mitsubishi"]),
    _case("greeting", "cheers from Oslo :) who is in charge of Indonesia?", ["mitsubishi"]),
    _case("greeting", "hello from sunny Madrid \U0001f31e who is responsible for Japan?",
          ["nissan"]),
    # "from X," before the question, a place naming a unit, a parenthetical, an abbreviation
    # glued to a company name: they describe, they don't ask
    _case("aside", "From Madrid, who leads Indonesia?", ["mitsubishi"]),
    _case("aside", "just back in Oslo \u2708 who heads Thailand?", ["mitsubishi"]),
    _case("aside", "the Osaka plant folks want to know who leads Chile", ["renault"]),
    _case("aside", "Jakarta dealer team asking: who is the leader for Mexico?", ["nissan"]),
    _case("aside", "(nissan NA) who leads Brazil?", ["renault"]),
    _case("aside", "Quick one (Lisbon): who leads Indonesia?", ["mitsubishi"]),
    _case("aside", "Renault UK asking: who leads Thailand?", ["mitsubishi"]),
    _case("aside", "quick one (writing from Sydney): lead company for Canada?", ["nissan"]),
    # a cue-less clause with a verb before the place, ahead of the question, locates the message
    _case("aside", "touring Morocco right now, who heads up Japan?", ["nissan"]),
    _case("aside", "stuck at Frankfurt airport lol, lead for Chile pls", ["renault"]),
    # "from X" in a clause without a leadership cue is where the message comes from, wherever
    # that clause stands: nobody leads "from" a place
    _case("origin", "who heads Peru? writing from Bangkok", ["renault"]),
    _case("origin", "lead for thailand?? msg from the Madrid guys", ["mitsubishi"]),
    # "about/for X" and the object of a leadership cue are the focus beside the asker's place
    _case("focus", "based in Lyon, asking for the Jakarta team: lead OEM?", ["mitsubishi"]),
    _case("focus", "my team in Madrid needs the lead for Mexico", ["nissan"]),
    _case("focus", "I'm in Tokyo and I need the leader of Brazil", ["renault"]),
    _case("focus", "we sit in Nashville and want to know who leads Chile", ["renault"]),
    # compounds keep every part; a lone self-located question is about the asker's place
    _case("kept", "who leads Europe, and Japan?", ["nissan", "renault"]),
    _case("kept", "Europe and Japan?", ["nissan", "renault"]),
    _case("kept", "who leads Europe? in Japan?", ["nissan", "renault"]),
    _case("kept", "In Brazil, who leads?", ["renault"]),
    _case("kept", "I'm in Tokyo, who leads here?", ["nissan"]),
    _case("kept", "hi from Jakarta! who leads here?", ["mitsubishi"]),
]


@pytest.mark.parametrize(("question", "leaders"), RULES)
def test_the_focus_is_answered_and_the_askers_place_is_context(assistant, question, leaders):
    answer = assistant.ask(question)
    assert answer.understood and answer.leaders == leaders, answer.text


@pytest.mark.parametrize(("text", "roles"), [
    ("I'm in Tokyo, who leads Brazil", {"Tokyo": ASKER, "Brazil": FOCUS}),
    ("From Madrid, who leads Indonesia", {"Madrid": ASIDE, "Indonesia": FOCUS}),
    ("(nissan NA) who leads Brazil", {"NA": ASIDE, "Brazil": FOCUS}),
    ("our team in Barcelona is planning the Brazil launch", {"Barcelona": ASKER}),
])
def test_the_roles_read_from_the_clauses(assistant, text, roles):
    doc = assistant.read(text)
    found = {ent.text: role for ent in doc.ents if (role := place_roles(doc).get(ent.start))}
    assert {name: found.get(name) for name in roles} == roles


# Issue 11, part 5: a name two places share, told apart by the question itself.
@pytest.mark.parametrize(("question", "leaders"), [
    ("who leads Georgia the country?", []),
    ("who is in charge of Georgia (the country)?", []),
    ("Tbilisi, Georgia: lead OEM?", []),
    ("who leads Georgia in the Caucasus?", []),
    ("who leads Georgia, the US state?", ["nissan"]),
    ("lead for the state of Georgia pls", ["nissan"]),
    ("who leads Atlanta, Georgia?", ["nissan"]),
    ("Georgia, USA - who leads?", ["nissan"]),
    # a kind word after a negation rules that reading out
    ("Georgia, not the state, who leads it?", []),
    ("lead for georgia pls - the US one, not the country", ["nissan"]),
])
def test_a_shared_name_the_question_tells_apart_is_answered_one_way(assistant, question,
                                                                     leaders):
    answer = assistant.ask(question)
    assert answer.understood and answer.leaders == leaders, answer.text
    assert "more than one place" not in answer.text
    assert ("Western Asia" in answer.text) == (not leaders), answer.text


@pytest.mark.parametrize(("question", "city"), [("who leads Atlanta, Georgia?", "Atlanta"),
                                               ("Tbilisi, Georgia: lead OEM?", "Tbilisi")])
def test_a_city_qualified_by_a_shared_name_is_the_subject(assistant, question, city):
    assert city in assistant.ask(question).text


@pytest.mark.parametrize("question", ["who leads Georgia?", "who leads Georgia and the US?",
                                      "Georgia: which one leads, the country or the state?"])
def test_a_shared_name_not_told_apart_is_answered_for_both(assistant, question):
    answer = assistant.ask(question)
    assert "Western Asia" in answer.text and "North America" in answer.text, answer.text


def test_a_yes_no_about_a_shared_name_told_apart_is_answered(assistant):
    answer = assistant.ask("is Nissan the leader in Georgia, the US state?")
    assert answer.text.startswith("Yes") and answer.leaders == ["nissan"], answer.text


# A city beside a place that does not hold it is another city of that name ("Paris, Texas"):
# the place beside it answers, whatever the gazetteer's city of that name would.
@pytest.mark.parametrize(("question", "leaders", "absent"), [
    ("who leads Paris, Texas?", ["nissan"], "Paris (France)"),
    ("Hyderabad in Pakistan, who's the lead?", [], "India"),
    ("lead OEM for Perth Scotland?", ["renault"], "Oceania"),
    ("Valencia (Spain) who leads", ["renault"], "Venezuela"),
    ("who leads Hyderabad, the one in Pakistan?", [], "India"),
])
def test_a_city_placed_elsewhere_by_the_question_is_answered_by_that_place(
        assistant, question, leaders, absent):
    answer = assistant.ask(question)
    assert answer.understood and answer.leaders == leaders, answer.text
    assert absent not in answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("leaders for Toronto, Mexico, Brazil?", ["nissan", "renault"]),
    ("who leads Lagos and Ghana?", []),
    ("who leads Osaka, Japan?", ["nissan"]),
])
def test_a_list_of_places_or_a_city_in_its_own_country_keeps_the_city(assistant, question,
                                                                       leaders):
    answer = assistant.ask(question)
    assert answer.leaders == leaders, answer.text
    assert any(city in answer.text for city in ("Toronto", "Lagos", "Osaka")), answer.text


@pytest.mark.parametrize("question", ["who leads Birmingham, Alabama (not the UK one)?",
                                      "London, Ontario (Canada, not the UK): who's lead?"])
def test_a_place_set_aside_with_not_is_not_a_question_about_followers(assistant, question):
    answer = assistant.ask(question)
    assert answer.intent == "who_leads" and answer.leaders == ["nissan"], answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("who leads peru? asking from the lisbon office", ["renault"]),
    ("who leads chile? question from Osaka, thx", ["renault"]),
    ("I'm in Nairobi but asking about Fiji, thanks in advance", ["mitsubishi"]),
    ("my coworker in Seoul asked: who leads Peru?", ["renault"]),
    ("in Rabat at the moment but asking about Laos", ["mitsubishi"]),
    ("Je suis à Rabat mais je demande pour le Laos", ["mitsubishi"]),
])
def test_asking_from_a_place_locates_the_message_and_asking_about_one_asks(assistant, question,
                                                                           leaders):
    assert assistant.ask(question).leaders == leaders


@pytest.mark.parametrize(("question", "leaders"), [
    # a negation reaches past words of asking and articles: "not asking for the US"
    ("im in detroit. not asking for the US though, for our kyiv team - lead company?",
     ["renault"]),
    ("who leads in china, not about japan", ["nissan"]),
    ("je ne parle pas de la France mais du Brésil, qui dirige ?", ["renault"]),
    # a focus word before a unit placed by a preposition: that place is the focus
    ("I sit in Bangkok but I ask for colleagues in Lima, who is the leader there?", ["renault"]),
    ("based in Oslo, asking for our people at the Manila plant: lead?", ["mitsubishi"]),
    # Slack shorthand is not an unknown name
    ("in the tokyo office but what abt our ppl in auckland, who leads", ["mitsubishi"]),
])
def test_the_askers_place_is_set_aside_in_every_shape(assistant, question, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.understood and answer.leaders == leaders, answer.text


@pytest.mark.parametrize(("question", "unknown"), [
    ("I'm in Lyon, who leads Wakanda?", "Wakanda"),
    ("sitting in nashville rn, need to know whos lead for zorbistan", "zorbistan"),
    ("im based in osaka but asking about elbonia", "elbonia"),
    ("je suis à Lyon, qui dirige le Wakanda ?", "Wakanda"),
])
def test_an_unknown_place_beside_the_askers_place_is_asked_back_not_answered_for_the_asker(
        assistant, question, unknown):
    answer = assistant.ask(question, guarded=False)
    assert answer.kind == "clarify" and not answer.leaders and unknown in answer.text, answer.text


def test_a_name_inside_the_askers_description_is_not_what_is_asked(assistant):
    answer = assistant.ask("Hiya! Writing from the Rolle office in Switzerland — who leads here?")
    assert answer.leaders == ["renault"], answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("sitting in nashville rn, need to know whos lead for morroco", ["renault"]),
    ("who leads phillipines", ["mitsubishi"]),
    ("qui dirige les phillipines ?", ["mitsubishi"]),
])
def test_a_letter_doubled_or_not_is_one_slip(assistant, question, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.understood and answer.leaders == leaders, answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    # a pronoun alone does not place the asker: being somewhere does
    ("je suis au bureau de Lyon mais je pitch un client au Vietnam, qui lead ?", ["mitsubishi"]),
    ("j'habite à Lyon mais j'ai un client à Santiago, qui dirige ?", ["renault"]),
    ("moi je bosse à Yokohama, qui dirige le Chili ?", ["renault"]),
])
def test_in_french_being_somewhere_places_the_asker(assistant, question, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == leaders, answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("I am working from Yokohama office, but my question is about Chile. Which company is "
     "leader please?", ["renault"]),
    ("in the tokyo office but what abt our ppl in auckland, who leads", ["mitsubishi"]),
])
def test_an_office_named_in_another_clause_is_context(assistant, question, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == leaders, answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    # "work" after an article is a noun, not where someone works
    ("which company leads the connected-tech work in China?", ["nissan"]),
    # a place after "since" is argued about, not where the message comes from
    ("since Guam is a US territory, nissan leads there right?", ["mitsubishi"]),
])
def test_nouns_and_premises_do_not_place_the_asker(assistant, question, leaders):
    assert assistant.ask(question, guarded=False).leaders == leaders


@pytest.mark.parametrize("questions", [
    ["who leads china?", "who leads zorbistan"],
    ["PRC leader?", "who's the leader for Elbonia then"],
    ["qui dirige la Chine ?", "et qui dirige la Zorbanie ?"],
])
def test_an_unknown_name_asked_in_a_thread_is_asked_back_not_the_subject_before(assistant,
                                                                               questions):
    answer = thread(assistant, *questions)[-1]
    assert answer.kind.value == "clarify" and answer.leaders == [], answer.text


def test_a_word_of_the_askers_own_is_no_unknown_place(assistant):
    answer = assistant.ask("who leads in EU and who are the followers, it is for our RFQ",
                           guarded=False)
    assert answer.understood and "RFQ" not in answer.text, answer.text


@pytest.mark.parametrize(("question", "said"), [
    ("greetings from the Paris HQ! when was the leader-follower model first announced?",
     "January"),
    ("What are the benefits of this model for us? I work in the Barcelona plant.", "reuses"),
    ("im at the Valladolid plant, who leads on truck development?", "designates no leader"),
])
def test_where_the_asker_sits_is_no_question_beside_a_fact(assistant, question, said):
    """The asker's place beside a fact asked is context: no region's leader is named."""
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == [] and said in answer.text, answer.text


def test_where_the_asker_sits_is_no_answer_beside_a_claim(assistant):
    answer = assistant.ask("I'm based in Manila. Is Mitsubishi our regional lead?", guarded=False)
    assert answer.text.startswith("Yes"), answer.text


@pytest.mark.parametrize("questions", [
    ["qui est leader au Maroc ?", "et qui est leader en Kravonie ?"],
    ["who leads in peru", "and who leads in Zembrovia?"],
    ["which company is leader for the P.R.Q. market"],  # an abbreviation we don't know
])
def test_an_unknown_name_after_a_word_of_place_is_asked_back(assistant, questions):
    answer = thread(assistant, *questions)[-1]
    assert answer.kind.value == "clarify" and answer.leaders == [], answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    # "here" / "ici": where a technology is asked
    ("im in the shanghai office, who leads connected tech for us here", ["nissan"]),
    ("je suis à Pékin, qui lead le connecté ici ?", ["nissan"]),
    # "leader for us" / "pour nous": the asker's own place
    ("I am in Cairo office. Which company is leader for us?", ["renault"]),
    ("je suis à Casablanca, qui est leader pour nous ?", ["renault"]),
])
def test_here_and_for_us_make_the_askers_place_the_subject(assistant, question, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == leaders, answer.text


@pytest.mark.parametrize(("question", "leaders", "absent"), [
    # the asker's own place, then other people's: the question is about theirs
    ("I sit in Osaka but I work with the folks in Santiago, who leads over there?",
     ["renault"], "Japan"),
    ("Toronto-based, supporting colleagues in Jakarta. which company leads their market?",
     ["mitsubishi"], "North America"),
    ("je suis à Nagoya mais j'aide l'équipe de Lima, qui est le leader chez eux ?",
     ["renault"], "Japon"),
    ("je suis basée à Tokyo et je bosse avec les collègues au Maroc, qui est leader là-bas ?",
     ["renault"], "Japon"),
    ("je suis à Madrid mais je travaille sur un projet en Corée, qui est leader ?", [],
     "Europe"),
])
def test_other_peoples_place_is_the_one_asked_about(assistant, question, leaders, absent):
    answer = assistant.ask(question, guarded=False)
    assert answer.understood and answer.leaders == leaders, answer.text
    assert absent not in answer.text, answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("I'm in Lyon and I work with my team in Manila, who leads here?",
     ["mitsubishi", "renault"]),  # both the asker's own
    ("je bosse avec mon équipe de Lyon, qui est leader chez nous ?", ["renault"]),
    ("je suis à Tokyo et je travaille avec mon équipe de Lyon, qui est leader chez nous ?",
     ["nissan", "renault"]),
    # a word of working with others only reaches the places of its own phrase
    ("je bosse avec Paul, je suis à Lyon mais qui dirige le Japon ?", ["nissan"]),
])
def test_ones_own_team_stays_the_askers_place(assistant, question, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.understood and sorted(answer.leaders) == leaders, answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    # colleagues are other people even when "our"
    ("based in Madrid, working with our colleagues in Hanoi - who leads their market?",
     ["mitsubishi"]),
    ("je suis à Tokyo et je bosse avec nos collègues de Rabat, qui est leader chez eux ?",
     ["renault"]),
    # how much one works with them is no unknown word; the question in the next sentence
    ("I'm in Rome and I talk quite a lot with our colleagues in Lima. Could you tell me which "
     "company is the leader for their market?", ["renault"]),
])
def test_our_colleagues_are_other_people(assistant, question, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == leaders, answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    # the leader "for each of us", "respectifs", "それぞれ": the asker's place is asked too
    ("i'm in paris and my colleague is in yokohama, who's the leader for each of us?",
     ["nissan", "renault"]),
    ("je suis a Valladolid, mon manager a Bangkok, qui est leader chez moi et chez lui ?",
     ["mitsubishi", "renault"]),
    ("on bosse depuis Sao Paulo avec une team a Montreal, leaders respectifs svp ?",
     ["nissan", "renault"]),
    ("私は横浜勤務で、同僚がパリにいます。それぞれのリーダーは？", ["nissan", "renault"]),
    ("je suis a Madrid et mes collegues sont a Bangkok, qui lead pour nous deux?",
     ["mitsubishi", "renault"]),
])
def test_each_of_us_asks_about_the_askers_place_too(assistant, question, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == leaders, answer.text


def test_without_each_the_askers_place_stays_context(assistant):
    answer = assistant.ask("je suis a Valladolid, mon manager a Bangkok, qui est leader chez lui ?",
                           guarded=False)
    assert answer.leaders == ["mitsubishi"], answer.text


@pytest.mark.parametrize("question", [
    "quick q - i'm based in paris but sorting out a dealer thing in hanoi, who leads there?",
    "i'm based in paris but working on a deal in hanoi, who leads there?",
    "je suis basé à Paris mais je gère un dossier à Hanoï, qui dirige là-bas ?",
])
def test_there_is_the_place_named_away_from_the_asker(assistant, question):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == ["mitsubishi"], answer.text


def test_there_after_a_city_and_the_country_holding_it_is_that_place(assistant):
    """"tbilisi, georgia" is one place (the country), not the last name read alone."""
    answer = assistant.ask("our distributor is in tbilisi, georgia — who leads there?",
                           guarded=False)
    assert answer.leaders == [] and "Georgia" in answer.text, answer.text


@pytest.mark.parametrize(("question", "opener"), [
    # the same leader as where the asker is: the asker's place is compared with the one asked
    ("sitting in sydney rn — is singapore the same leader as here?", "Yes."),
    ("i'm in lyon, does the same company lead in são paulo?", "Yes."),
    ("バンコク駐在です。ジャカルタも同じリーダー？", "はい"),
    ("i'm in tokyo, is the leader in paris different?", "Yes."),
    ("i'm in tokyo, does the same company lead in paris?", "No."),
])
def test_the_same_leader_as_the_askers_place(assistant, question, opener):
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener), answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    # the scene set before a question about the asker's own place is not asked about
    ("je suis au Brésil, mon N+1 au Japon. qui lead chez nous ?", ["renault"]),
    ("I'm in Brazil, my manager is in Japan. who leads for us?", ["renault"]),
])
def test_a_question_about_our_own_place_after_setting_the_scene(assistant, question, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == leaders, answer.text


def test_my_colleagues_place_is_not_mine(assistant):
    """"my colleague is in Shanghai and me in Paris": "my region" later is Paris."""
    answer = thread(assistant, "my colleague is in Shanghai and me in Paris, who leads each",
                    "what about the followers for my region")[-1]
    assert answer.leaders == ["renault"], answer.text


@pytest.mark.parametrize(("questions", "opener"), [
    (["im in jakarta, my colleague in manila. same leader for both?"], "Yes."),
    (["who leads japan and brazil?", "same leader?"], "No."),
    (["who leads japan and china?", "different leaders?"], "No."),
])
def test_same_leader_after_two_places_compares_them(assistant, questions, opener):
    answer = thread(assistant, *questions)[-1]
    assert answer.text.startswith(opener), answer.text


def test_my_boss_in_a_place_only_sets_the_scene(assistant):
    answer = assistant.ask("my boss in Osaka wants the lead for France", guarded=False)
    assert answer.leaders == ["renault"], answer.text


def test_jsuis_places_the_asker(assistant):
    answer = assistant.ask("jsuis a valladolid, mais la je dois checker l'oceanie, c qui le lead?",
                           guarded=False)
    assert answer.leaders == ["mitsubishi"], answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    # from class check 14: a colleague's place beside "my region", French "moi à …"
    ("ma collègue est à Montréal et moi à Casablanca, qui pilote ma région ?", ["renault"]),
    ("my colleague is in Shanghai and I'm in Paris, who leads my region?", ["renault"]),
])
def test_my_region_beside_a_colleagues_place_is_mine(assistant, question, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == leaders, answer.text


@pytest.mark.parametrize("question", [
    "we cover peru now. anyone designated?",
    "we just opened in chile. anybody leading there?",
])
def test_a_statement_that_sets_the_scene_for_a_question_about_it_is_said_once(assistant,
                                                                              question):
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith("Yes.") and answer.text.count("South America;") == 1, \
        answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    # someone else's place asked for by a possessive: that person's place, not the asker's
    ("i am in osaka office, my boss is sitting in auckland since april. which company leads "
     "his region please", ["mitsubishi"]),
    ("I'm in Lyon and my boss is in Tokyo, who leads my boss's region?", ["nissan"]),
    ("jsuis a lyon, mon collegue est a lima. qui lead sa région ?", ["renault"]),
    ("私は大阪勤務で、上司はシドニーにいます。上司の地域のリーダーは？", ["mitsubishi"]),
    # and the asker's own, beside a colleague's
    ("上司はシドニーにいて、私はサンパウロです。私の地域は？", ["renault"]),
    ("my boss is sitting in auckland, who leads osaka?", ["nissan"]),
    ("I'm in Paris, my sister works in Jakarta. who leads her region?", ["mitsubishi"]),
])
def test_someone_elses_place_asked_by_a_possessive(assistant, question, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == leaders, answer.text
