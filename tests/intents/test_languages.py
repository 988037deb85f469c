"""French and Japanese: understood with the same rules as English, answered in the language
asked; the language of each message detected on its grammar."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from intents.assistant import Assistant
from intents.detect import Detector, local_names
from intents.evaluation import LabelledConversation, evaluate, load_questions, load_set

DATA = Path(__file__).resolve().parents[1] / "data"
QUESTION_SETS = ["questions_fr.yaml", "questions_ja.yaml"]
CONVERSATION_SETS = ["conversations_fr.yaml", "conversations_ja.yaml"]


@pytest.fixture(scope="module", params=QUESTION_SETS)
def report(request, assistant):
    return evaluate(assistant, load_questions(DATA / request.param))


def test_labelled_sets_are_large_and_carry_their_language():
    for name in QUESTION_SETS:
        questions = load_questions(DATA / name)
        assert len(questions) >= 200
        assert {q.lang for q in questions} == {name[-7:-5]}


def test_at_least_95_percent_right_in_the_language_asked(report):
    misses = [(o.question.q, o.why) for o in report.outcomes if not o.correct]
    assert report.accuracy >= 0.95, misses


def test_no_wrong_leader(report):
    assert [(o.question.q, o.answer.leaders) for o in report.wrong_confident] == []


@pytest.mark.parametrize("name", CONVERSATION_SETS)
def test_conversations_keep_their_context(assistant, name):
    items = load_set(DATA / name)
    assert all(isinstance(item, LabelledConversation) for item in items)
    result = evaluate(assistant, items)
    assert result.accuracy >= 0.95 and not result.wrong_confident


@pytest.mark.parametrize(("question", "lang", "opener"), [
    ("Mitsubishi est-il leader en Océanie ?", "fr", "Oui."),
    ("Est-ce que Nissan dirige l'Europe ?", "fr", "Non,"),
    ("三菱はオセアニアのリーダーですか？", "ja", "はい。"),
    ("日産は欧州のリーダーですか", "ja", "いいえ、"),
])
def test_yes_no_answers_open_in_the_language_asked(assistant, question, lang, opener):
    answer = assistant.ask(question)
    assert (answer.lang, answer.text.split(" ")[0][:len(opener)]) == (lang, opener)


@pytest.mark.parametrize(("question", "lang", "leaders"), [
    ("Qui est le leader pour le Japon ?", "fr", ["nissan"]),
    ("欧州市場はどの会社が主導していますか？", "ja", ["renault"]),
    ("Amerique du Nord ?", "fr", ["nissan"]),  # no accents
    ("qui dirige l'Indonesie", "fr", ["mitsubishi"]),
    ("ＥＶはどこが担当？", "ja", ["nissan"]),  # full-width letters
    ("ﾌﾟﾗｸﾞｲﾝﾊｲﾌﾞﾘｯﾄﾞのリーダーは？", "ja", ["mitsubishi"]),  # half-width katakana
    ("Ａセグメントのリーダーは誰", "ja", ["renault"]),
    ("ルノーは何をリードしていますか", "ja", ["renault"]),
    ("三菱自動車が主導しているのはどこ？", "ja", ["mitsubishi"]),
    ("qui drive l'autonomous driving ?", "fr", ["nissan"]),  # English term, French grammar
    ("autonomous drivingのリーダーは？", "ja", ["nissan"]),
    ("who leads le Japon?", "en", ["nissan"]),  # French noun, English grammar
    ("who leads 日本?", "en", ["nissan"]),
    ("Qui dirige l'Allemagne ?", "fr", ["renault"]),  # French country name from pycountry
    ("ドイツのリーダーは？", "ja", ["renault"]),
    ("qui dirige aux States ?", "fr", ["nissan"]),  # "à les States" contracted
    ("le leader des Émirats arabes unis ?", "fr", []),  # pycountry's "les Émirats ..."
])
def test_questions_are_read_and_answered_in_their_grammar(assistant, question, lang, leaders):
    answer = assistant.ask(question)
    assert (answer.lang, answer.leaders) == (lang, leaders), answer.text


@pytest.mark.parametrize(("question", "lang", "words"), [
    ("Qui dirige l'Europe ?", "fr", ["le leader est Renault", "suivent"]),
    ("Qui dirige l'Inde ?", "fr", ["ne désigne aucun leader"]),
    ("インドのリーダーは？", "ja", ["リーダーは指定されていません"]),
    ("アジアのリーダーは？", "ja", ["日産", "三菱自動車"]),
    ("Quel est l'objectif pour 2025 ?", "fr", ["2025", "moitié"]),
    ("2025年の目標は？", "ja", ["2025年", "半数"]),
])
def test_answers_say_the_facts_in_the_language_asked(assistant, question, lang, words):
    answer = assistant.ask(question)
    assert answer.lang == lang
    assert all(word in answer.text for word in words), answer.text
    assert "leads" not in answer.text and "follow" not in answer.text


def test_the_source_line_is_kept_whatever_the_language(assistant):
    english, french = assistant.ask("who leads Japan?"), assistant.ask("Qui dirige le Japon ?")
    assert french.sources == english.sources != []


def test_a_tie_goes_to_the_conversations_language_else_english(assistant):
    first = assistant.ask("Qui dirige l'Europe ?")
    assert assistant.ask("Europe?").lang == "en"  # the same name in both languages
    assert assistant.ask("Europe?", first.context).lang == "fr"


def test_a_follow_up_keeps_the_subject_across_languages(assistant):
    first = assistant.ask("日本のリーダーは？")
    follow_up = assistant.ask("欧州は？", first.context)
    assert (follow_up.lang, follow_up.leaders) == ("ja", ["renault"])


def test_the_askers_own_place_is_not_the_question(assistant):
    answer = assistant.ask("Je suis basé à Casablanca, mais qui dirige le Vietnam ?")
    assert answer.leaders == ["mitsubishi"]
    assert assistant.ask("大阪勤務ですが、ベトナムのリーダーは？").leaders == ["mitsubishi"]


@pytest.mark.parametrize("question", [
    "Installée à Montréal, je voudrais savoir qui dirige l'Égypte",
    "qui est leader pour l'Égypte ? je suis à Montréal",
    "Notre bureau de Toronto demande : qui pilote l'Égypte ?",
])
def test_a_french_asker_placed_by_a_participle_a_noun_or_a_clause_is_context(assistant,
                                                                             question):
    assert assistant.ask(question).leaders == ["renault"]


@pytest.mark.parametrize(("question", "opener"), [
    ("C'est bien Mitsubishi qui dirige l'Océanie ?", "Oui."),
    ("c'est bien Renault ki gère le Japon ?", "Non"),
])
def test_a_french_cleft_yes_no_is_answered_yes_or_no(assistant, question, opener):
    assert assistant.ask(question).text.startswith(opener)


def test_which_member_with_a_place_asks_who_leads_it(assistant):
    answer = assistant.ask("L'Océanie revient à quel membre de l'Alliance ?")
    assert answer.intent == "who_leads" and answer.leaders == ["mitsubishi"], answer.text


def test_a_language_is_loaded_when_first_needed():
    """English too: a first French or Japanese question in `ask` builds no English pipeline
    (it cost the first Japanese answer about a second)."""
    assistant = Assistant()
    engine = assistant._engine
    assert set(engine._languages) == set()
    assistant.ask("Qui dirige l'Europe ?", guarded=False)
    assert set(engine._languages) == {"fr"}
    assistant.ask("who leads Europe?", guarded=False)
    assert set(engine._languages) == {"fr", "en"}
    assistant.load_languages()
    assert set(engine._languages) == {"en", "fr", "ja"}


def test_pipelines_loaded_up_front_are_kept_out_of_garbage_collections():
    """`serve` loads every language before it is ready; a full collection walking those
    pipelines (a 68,000-word set among them) paused every request thread for 10-20 ms."""
    assistant = Assistant()
    assistant.load_languages()
    walked = {id(thing) for thing in gc.get_objects()}  # the frozen heap is not walked
    pipelines = {code: language.nlp for code, language in assistant._engine._languages.items()}
    assert set(pipelines) == {"en", "fr", "ja"}
    assert [code for code, nlp in pipelines.items() if id(nlp) in walked] == []


def test_detection_is_right_on_short_labelled_questions(assistant):
    detector = Detector.from_names(local_names(assistant.knowledge))
    sets = {"en": ["questions.yaml", "holdout.yaml"], "fr": QUESTION_SETS[:1],
            "ja": QUESTION_SETS[1:]}
    short = [(q.q, lang) for lang, names in sets.items() for name in names
             for q in load_questions(DATA / name) if len(q.q.split()) <= 5 or lang == "ja"
             and len(q.q) <= 12]
    wrong = [(text, lang) for text, lang in short if detector.detect(text) != lang]
    assert len(short) > 300
    assert len(wrong) <= len(short) * 0.01, wrong


@pytest.mark.parametrize("question", ["ok, brazil?", "okay peru?", "cool, chile?",
                                      "super, japan?", "hey, fiji?", "hello, india?"])
def test_courtesy_words_both_languages_use_leave_a_short_question_english(assistant, question):
    # "merci" is French all the same; "ok", "cool", "super", "hey" are English's too
    assert assistant.language_of(question) == "en"


@pytest.mark.parametrize(("question", "lang"), [
    # a place's French name alone is French, accents or not
    ("Allemagne ?", "fr"), ("Mexique ?", "fr"), ("Inde ?", "fr"), ("Corée du Sud ?", "fr"),
    # an accented letter in a name weighs little beside English grammar
    ("leader for Curaçao", "en"), ("who leads Réunion?", "en"),
])
def test_names_weigh_little_beside_grammar_but_tell_a_bare_name(assistant, question, lang):
    assert assistant.language_of(question) == lang


def test_every_labelled_question_is_detected_in_its_language(assistant):
    """Every single question of the labelled sets, read with no conversation around it, is
    detected in the language it is labelled with (but keyboard noise: "asdfgh qsdf")."""
    detector = Detector.from_names(local_names(assistant.knowledge))
    names = ["questions.yaml", "holdout.yaml", "focus_and_unknowns.yaml", *QUESTION_SETS]
    questions = [q for name in names for q in load_questions(DATA / name)
                 if not (q.category == "out_of_scope" and len(q.q.split()) <= 2)]
    wrong = [(q.q, q.lang) for q in questions if detector.detect(q.q) != (q.lang or "en")]
    assert len(questions) > 1000 and wrong == []


@pytest.mark.parametrize(("question", "lang"), [
    ("phev C/D = mitsubishi y/n", "en"),  # "y/n" holds French "y"; it is English all the same
    ("nissan = leader chine, oui/non", "fr"),
    ("PHEV C/D = MITSUBISHI Y/N", "en"),  # in capitals too
])
def test_asking_for_yes_or_no_in_words_tells_the_language(assistant, question, lang):
    assert assistant.ask(question, guarded=False).lang == lang


def test_a_reload_builds_the_languages_in_use_before_it_swaps():
    assistant = Assistant()
    assistant.ask("Qui dirige l'Europe ?", guarded=False)
    assistant.reload()
    assert set(assistant._engine._languages) == {"fr"}
    assistant.ask("who leads Europe?", guarded=False)
    assistant.reload()
    assert set(assistant._engine._languages) == {"en", "fr"}


def test_english_questions_never_load_another_language():
    assistant = Assistant()
    for name in ("questions.yaml", "holdout.yaml"):
        for question in load_questions(DATA / name):
            assistant.ask(question.q)
    assert set(assistant._engine._languages) == {"en"}


@pytest.mark.parametrize("question", [
    "Énumère les marchés et leurs leaders",
    "Qui a dit que le modèle allait tirer le meilleur des actifs de chaque entreprise ?",
])
def test_everyday_french_words_are_not_taken_for_unknown_names(assistant, question):
    """Issue 11's "a name nothing matches is asked back" counts a word as a name only when the
    question's language doesn't know it: "allait" and "énumère" are French, not names."""
    answer = assistant.ask(question, guarded=False)
    assert answer.lang == "fr" and answer.understood, answer.text


@pytest.mark.parametrize(("question", "opener"), [
    ("c est nissan qui est leader en europe ?", "Non"),
    ("c'tu Renault qui lead au Japon ?", "Non"),
    ("c'est-tu Nissan qui lead au Japon ?", "Oui"),
    ("c'est donc bien Mitsubishi qui dirige l'Océanie ?", "Oui"),
])
def test_a_french_cleft_in_every_spelling_asks_yes_or_no(assistant, question, opener):
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener), answer.text


@pytest.mark.parametrize(("question", "opener"), [
    # a yes/no ending before a question mark inside the message, casual "の？" and "っけ"
    ("Fセグメントはリーダーがいますか？わかりません", "いいえ"),
    ("Eセグってリーダー決まってるの？高級車のとこ", "いいえ"),
    ("日産は中国のリーダーなの？", "はい"),
    # "誰か知ってる？" opening a phrase asks whether anyone knows, not who
    ("ロシアって日産がリーダーなんだっけ、誰か知ってる？", "いいえ"),
    ("2025年までに全車種が共同開発になるのでしょうか？", "いいえ"),
])
def test_japanese_yes_no_in_casual_and_compound_shapes(assistant, question, opener):
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener), answer.text


def test_japanese_who_before_ka_after_a_topic_still_asks_who(assistant):
    answer = assistant.ask("中国は日産？リーダーは誰か知ってる？", guarded=False)
    assert answer.intent == "who_leads" and answer.leaders == ["nissan"], answer.text


@pytest.mark.parametrize(("question", "written"), [
    ("qui dirige la Baviere ?", "Bavière (Allemagne)"),
    ("qui dirige Teheran ?", "Téhéran (Iran)"),
    ("qui dirige la Georgie ?", "Géorgie est le nom de plusieurs lieux"),
])
def test_french_names_are_written_with_their_accents_however_typed(assistant, question,
                                                                   written):
    assert written in assistant.ask(question, guarded=False).text


@pytest.mark.parametrize(("question", "opener", "leaders"), [
    # "Xで…しています。": where the asker works, in a statement before the question
    ("岡崎で商品企画をしています。東南アジアのリーダーは三菱で合ってますか？", "はい",
     ["mitsubishi"]),
    ("大阪で働いています。タイのリーダーは？", "東南アジア", ["mitsubishi"]),
    # "-ています" is no question of whether there is a leader; "リーダーいる？" is
    ("中国で日産はリーダーをしていますか？", "はい", ["nissan"]),
    ("インドにリーダーはいますか？", "いいえ", []),
    # every word of the asker's own place is known ("リージョン" as well as "地域")
    ("シドニー勤務です。うちのリージョンのリーダーは？", "オセアニア", ["mitsubishi"]),
])
def test_japanese_asker_statements_and_existence(assistant, question, opener, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener) and answer.leaders == leaders, answer.text


def test_a_greeting_that_holds_a_carmakers_name_is_not_about_it(assistant):
    answer = assistant.ask("kia ora, who's the lead for new zealand", guarded=False)
    assert answer.leaders == ["mitsubishi"], answer.text


@pytest.mark.parametrize(("question", "leaders", "asks_followers"), [
    # a loanword cue typed in hiragana beside a name read as written: read all the same
    ("北米のふぉろわーは？", ["nissan"], True),
    ("タイのりーだーはどこ？", ["mitsubishi"], False),
    ("ドイツのりーだーおしえて", ["renault"], False),  # no particle after it
])
def test_a_loanword_typed_in_hiragana_is_read_beside_other_names(assistant, question, leaders,
                                                                   asks_followers):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == leaders and (answer.intent == "who_follows") == asks_followers, \
        answer.text


@pytest.mark.parametrize(("question", "leaders", "name"), [
    # CLDR's everyday names (through Babel) beside ISO's official ones
    ("et en Bielorussie ?", ["renault"], "Bélarus"),
    ("qui dirige la Biélorussie ?", ["renault"], "Bélarus"),
    ("la Tchéquie c'est Renault ?", ["renault"], "Tchéquie"),
])
def test_everyday_french_country_names_are_read(assistant, question, leaders, name):
    answer = assistant.ask(question, guarded=False)
    assert answer.lang == "fr" and answer.leaders == leaders and name in answer.text, answer.text


@pytest.mark.parametrize("question", [
    "question bete mais la Polynesie francaise c'est Mitsubishi aussi vu que c'est l'Océanie ?",
    "le Maroc c'est Renault vu que c'est l'Afrique du Nord ?",
    "la Thaïlande c'est Mitsubishi parce que c'est l'Asie du Sud-Est ?",
])
def test_a_que_that_joins_a_reason_asks_nothing(assistant, question):
    """"vu que", "parce que": the "que" is no "what", the question stays a yes/no."""
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith("Oui."), answer.text


@pytest.mark.parametrize(("first", "lang"), [
    ("qui dirige le Chili ?", "fr"), ("who leads chile?", "en"), (None, "en")])
@pytest.mark.parametrize("thanks", ["ok thx", "ok top, thx", "thx!", "ok bye"])
def test_courtesy_both_languages_type_answers_in_the_threads_language(assistant, first, lang,
                                                                      thanks):
    context = assistant.ask(first, guarded=False).context if first else None
    answer = assistant.ask(thanks, context, guarded=False)
    assert answer.kind == "small_talk" and answer.lang == lang, answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    ("ベトナ厶市場はどこがリード？", ["mitsubishi"]),  # 厶 (a radical) for ム
    ("オ一ストラリアのリーダーは？", ["mitsubishi"]),  # 一 (one) for ー
    ("フランスのリーダ一は？", ["renault"]),
    ("へルシンキってどこがリーダー？", ["renault"]),  # hiragana へ for katakana ヘ
])
def test_look_alike_letters_inside_a_katakana_name_are_the_names(assistant, question, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.lang == "ja" and answer.leaders == leaders, answer.text


@pytest.mark.parametrize(("question", "leaders"), [
    # a long vowel marked that the name's catalogue spelling leaves out, and the reverse
    ("クイーンズランド州のリーダーは？", ["mitsubishi"]),
    ("ゾルビスターンのリーダーは？", []),
    # "ヴ" for the "バ" row, a middle dot between the words of a name
    ("ヴェネズエラは誰がリード？", ["renault"]),
    ("ニュー・カレドニアのリーダーは？", ["mitsubishi"]),
])
def test_another_way_of_writing_a_katakana_name_is_the_name(assistant, question, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.lang == "ja" and answer.leaders == leaders, answer.text
    assert answer.kind.value == ("answer" if leaders else "clarify"), answer.text


def test_a_katakana_variant_is_read_only_as_a_whole_name():
    """Only a stretch whose spelling differs from one name's in its long vowels, "ヴ" or dots is
    read as it: a name typed as written stays, a variant key two names share reads neither,
    and a stretch followed by a long vowel or small kana is part of a longer word."""
    from intents.languages.ja import unconfused, variant_key, variant_names
    assert variant_key("クイーンズランド") == variant_key("クインズランド")
    assert variant_key("ヴィエンチャン") == variant_key("ビエンチャン")
    names = variant_names(["クインズランド", "ベネズエラ", "カーラカスタ", "カラカースタ",
                           "ラカスター", "ルノー"])
    assert set(names.values()) == {"クインズランド", "ベネズエラ", "ラカスター"}
    spellings = {"ルノー": "ルノー", "カーラカスタ": "カーラカスタ"}
    assert unconfused("クイーンズランドのリーダー", spellings, names) == "クインズランドのリーダー"
    assert unconfused("ヴェネズエラ", spellings, names) == "ベネズエラ"
    assert unconfused("クイーンズランドャ", spellings, names) == "クイーンズランドャ"
    assert unconfused("ルノーの工場", spellings, names) == "ルノーの工場"
    # a name as typed is never read as another name's variant inside it
    assert unconfused("カーラカスタ", spellings, names) == "カーラカスタ"


def test_a_look_alike_that_spells_no_name_is_left_as_typed(assistant):
    """"ルノー工場" is Renault's factory (工, not エ): nothing asked about a leader."""
    from intents.languages.ja import unconfused
    spellings = assistant._engine.language("ja").spellings
    assert unconfused("ルノー工場はどこ？", spellings) == "ルノー工場はどこ？"
    assert unconfused("ベトナ厶市場", spellings) == "ベトナム市場"


@pytest.mark.parametrize(("question", "leaders"), [
    # the members' names typed in hiragana, beside another name
    ("ベトナムってみつびし？", ["mitsubishi"]),
    ("るのーは欧州のリーダー？", ["renault"]),
    ("にっさんはどこのリーダー？", ["nissan"]),
    # and a place in kana beside a member's name in kanji
    ("ろしあは日産がリーダーだよね？", ["renault"]),
])
def test_a_members_name_typed_in_hiragana_is_read_beside_other_names(assistant, question,
                                                                     leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == leaders, answer.text


def test_a_japanese_word_beside_a_family_name_is_no_unknown_qualifier(assistant):
    """"中国市場向けコネクテッド": 向け (aimed at) qualifies nothing unknown."""
    answer = assistant.ask("中国市場向けコネクテッドはどこがやるの", guarded=False)
    assert answer.leaders == ["nissan"], answer.text
