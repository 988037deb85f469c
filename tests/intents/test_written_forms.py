"""How people write what the plan's words mean: a Japanese loanword without its final long vowel
("リーダ"), a word the input method left in kana ("きまってる"), an amount of money the article
never gives."""

from __future__ import annotations

import pytest

from intents.languages.ja import spellings
from tests.support.threads import thread


@pytest.mark.parametrize(("phrase", "other"), [
    ("リーダー", ["リーダ"]), ("フォロワー", ["フォロワ"]), ("メーカー各社", ["メーカ各社"]),
    ("ルノー", []), ("ノー", []),  # short words keep the vowel that makes them
])
def test_a_loanwords_final_long_vowel_may_be_dropped(phrase, other):
    assert spellings(phrase) == other


@pytest.mark.parametrize(("question", "intent", "leaders"), [
    ("中国のコネクテッド技術はどこがリーダ？", "who_leads", ["nissan"]),
    ("欧州のリーダは？", "who_leads", ["renault"]),
    ("日産がフォロワになってる地域は？", "what_follows", ["mitsubishi", "renault"]),
])
def test_japanese_cue_words_without_their_long_vowel(assistant, question, intent, leaders):
    answer = assistant.ask(question, guarded=False)
    assert (answer.intent, answer.leaders) == (intent, leaders), answer.text


@pytest.mark.parametrize(("question", "opener"), [
    ("インド市場のリーダーってきまってる？", "いいえ"),  # 決まってる, left in kana
    ("タイのリーダーってきまってますか？", "はい"),
    ("南米のリーダってもうだれかにきまってる？", "はい"),  # 誰かに決まってる, in kana
])
def test_a_word_left_in_kana_is_read_as_the_word(assistant, question, opener):
    answer = assistant.ask(question, guarded=False)
    assert answer.text.startswith(opener), answer.text


def test_a_kana_word_read_by_its_form_lets_names_in_kana_be_read_too(assistant):
    """"ちいき" is 地域 by Sudachi's normalised form; "るのー" beside it is still Renault."""
    answer = assistant.ask("るのーがりーだーじゃないちいきは？", guarded=False)
    assert answer.intent == "what_follows" and answer.leaders == ["mitsubishi", "nissan"]


@pytest.mark.parametrize("question", [
    "how much money in euros will this model save per year?",
    "what's the budget of the alliance plan?",
    "the leader follower thing saves how many euros a year?",
    "combien d'argent l'alliance va économiser avec ce modèle ?",
    "この計画で年間何億円節約できる？",
])
def test_an_amount_of_money_the_article_never_gives_is_not_known(assistant, question):
    answer = assistant.ask(question, guarded=False)
    assert answer.intent == "out_of_scope", answer.text


def test_what_is_shared_to_save_money_is_still_the_fact(assistant):
    answer = assistant.ask("what do they share to save money?", guarded=False)
    assert answer.intent == "fact" and "platforms" in answer.text, answer.text


@pytest.mark.parametrize(("question", "said"), [
    ("what do followers actually do?", "reuses"),  # "what do followers do", a softener inside
    ("what does the leader do exactly?", "leads where it is strongest"),  # "the" for "a"
    ("que fait vraiment un suiveur ?", "réutilise"),
    ("c'est quoi exactement le rôle du leader ?", "prend la tête"),
    ("リーダーの役割って何？", "最も強い"),
    ("フォロワーって具体的に何するの？", "リーダーが"),  # particles and adverbs left out
])
def test_a_fact_asked_with_a_softener_or_another_article(assistant, question, said):
    answer = assistant.ask(question, guarded=False)
    assert answer.intent == "fact" and said in answer.text, answer.text


@pytest.mark.parametrize(("questions", "leaders"), [
    # "being a follower" is a fact's phrase: without its article it is two words, which "who are
    # the followers" holds too, and a question about followers it stays
    (["who leads vietnam", "thanks!! and who are the followers there?"], ["mitsubishi"]),
    (["which company is leader for Chile?"], ["renault"]),
])
def test_a_short_phrase_is_never_found_without_its_article(assistant, questions, leaders):
    answer = thread(assistant, *questions)[-1]
    assert answer.leaders == leaders, answer.text


@pytest.mark.parametrize("question", [
    "what is the point of this leader follower model, why they didnt just split like everyone "
    "expected",
    "why didn't they split up?",
])
def test_why_they_did_not_split_is_the_reason_fact(assistant, question):
    answer = assistant.ask(question, guarded=False)
    assert answer.intent == "fact" and "splitting up" in answer.text, answer.text
