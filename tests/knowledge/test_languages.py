"""Every name, note and fact text shown in an answer exists in French and Japanese; the message
catalogues cover every sentence the resolver says, and the shipped .mo match their .po."""

from __future__ import annotations

import io
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from intents.assistant import EXAMPLES
from knowledge.answer import SORRY, Source, month_and_year, source_text
from knowledge.errors import KnowledgeError
from knowledge.languages import country_name
from knowledge.loader import DEFAULT_DIRECTORY, load_knowledge
from knowledge.localise import LOCALE_DIR, Phrasing, contract_articles

ROOT = Path(__file__).resolve().parents[2]
FIELDS = re.compile(r"\{(\w+)\}")


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_DIRECTORY, target)
    return target


@pytest.mark.parametrize(("file", "entry", "field", "lang"), [
    ("regions.yaml", "europe", "name", "fr"),
    ("technologies.yaml", "phev", "name", "ja"),
    ("facts.yaml", "target_2025", "text", "ja"),
])
def test_kb_check_refuses_an_entry_without_its_french_or_japanese_text(tmp_path, file, entry,
                                                                       field, lang):
    directory = _copy(tmp_path)
    path = directory / file
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = next(v for v in data.values() if isinstance(v, list) and isinstance(v[0], dict))
    item = next(i for i in items if i["id"] == entry)
    del item[field][lang]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=rf"{file}: entry '{entry}', field '{field}.{lang}'"):
        load_knowledge(directory)


def test_notes_need_their_translations_too(tmp_path):
    directory = _copy(tmp_path)
    path = directory / "regions.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'\n +ja: "ここではメキシコを北米に含めます[^\n]*', "", text),
                    encoding="utf-8")
    with pytest.raises(KnowledgeError, match="field 'country_notes.MX.ja'"):
        load_knowledge(directory)


def test_country_names_come_from_pycountrys_catalogues():
    assert (country_name("DE", "fr"), country_name("DE", "ja")) == ("Allemagne", "ドイツ")
    assert country_name("KR", "ja") == "韓国"


def _catalogue(lang: str):
    with open(LOCALE_DIR / lang / "LC_MESSAGES" / "alliance.po", "rb") as file:
        return read_po(file, locale=lang)


@pytest.mark.parametrize("lang", ["fr", "ja"])
def test_shipped_mo_files_are_compiled_from_the_po_files(lang):
    compiled = io.BytesIO()
    write_mo(compiled, _catalogue(lang))
    shipped = (LOCALE_DIR / lang / "LC_MESSAGES" / "alliance.mo").read_bytes()
    assert shipped == compiled.getvalue(), "run: pybabel compile -d knowledge/locale -D alliance"


@pytest.mark.parametrize("lang", ["fr", "ja"])
def test_every_sentence_said_is_translated_with_the_same_fields(lang):
    said = {message for root in ("knowledge", "intents") for _file, _line, message, _comments,
            _context in extract_from_dir(ROOT / root, keywords={"say": None})}
    said |= set(EXAMPLES) | {SORRY}
    # the surfaces call say(lang, message)
    said |= {message for _file, _line, message, _comments, _context
             in extract_from_dir(ROOT / "bot", keywords={"say": (2,)})}
    catalogue = _catalogue(lang)
    missing = sorted(m for m in said if not catalogue.get(m) or not catalogue.get(m).string)
    assert missing == []
    for message in catalogue:
        if message.id:
            assert set(FIELDS.findall(message.string)) == set(FIELDS.findall(message.id)), \
                message.id


def test_japanese_lists_and_sentences_read_without_spaces():
    words = Phrasing(load_knowledge(), "ja")
    assert words.join(["中国", "北米", "日本"]) == "中国、北米と日本"
    said = words.tidy("はい。 欧州のリーダーはルノーです。  ここでは")
    assert said == "はい。欧州のリーダーはルノーです。ここでは"


# Every kind of reply, asked in French and in Japanese: the reply, its suggestions and its
# source line are all in the language asked.
EVERY_KIND_OF_REPLY = {
    "fr": ["Qui dirige le Japon ?", "Nissan est-il le leader en Europe ?",
           "Mitsubishi est-il leader en Océanie ?", "Quelles sont les régions ?",
           "Montre-moi la matrice", "Qui suit en Chine ?", "Que dirige Renault ?",
           "Qui dirige Zorbistan ?", "Qui dirige Austrlia ?", "Qui dirige la Géorgie ?",
           "Quel temps fait-il ?", "Bonjour", "Merci", "aide", "Qui dirige l'Inde ?",
           "Qui dirige l'Europe et qui dirige le Japon ?", "Quel est l'objectif pour 2025 ?"],
    "ja": ["日本のリーダーは？", "日産は欧州のリーダーですか？",
           "三菱自動車はオセアニアのリーダーですか？", "地域の一覧は？",
           "全体のマトリックスを見せて", "中国のフォロワーは？",
           "ルノーは何をリードしていますか？", "ゾルビスタンのリーダーは？",
           "今日の天気は？", "こんにちは", "ありがとう", "ヘルプ",
           "インドのリーダーは？", "欧州と日本のリーダーは？", "2025年の目標は？"],
}
ENGLISH_IN_FRENCH = re.compile(r"\b(as of|who|leads?|follows?|the|and|Try|Did you|Sources?:)\b")
# Words a Japanese reply keeps in Latin letters: names and terms the article uses.
LATIN_IN_JAPANESE = {"PHEV", "EV", "Android", "E-body", "Leaf", "January", "Alliance",
                     "Operating", "Board", "Livina", "Xpander"}


@pytest.mark.parametrize("lang", ["fr", "ja"])
def test_no_english_is_left_in_any_kind_of_reply(assistant, lang):
    titles = {d.id: d.title for d in assistant.knowledge.documents.values()}
    for question in EVERY_KIND_OF_REPLY[lang]:
        answer = assistant.ask(question)
        assert answer.lang == lang, question
        shown = "\n".join([answer.text, *(s.label for s in answer.suggestions),
                           source_text(answer.sources, titles, lang)])
        if lang == "fr":
            assert not ENGLISH_IN_FRENCH.search(shown), (question, shown)
        else:
            latin = set(re.findall(r"[A-Za-z][A-Za-z-]{2,}", shown)) - LATIN_IN_JAPANESE
            assert not latin, (question, shown)


@pytest.mark.parametrize(("lang", "line"), [
    ("fr", "Source : article sur le modèle leader-suiveur de l'Alliance, ¶8 — à jour en mai 2020"),
    ("ja", "出典：アライアンスのリーダー・フォロワー方式に関する記事、¶8（2020年5月時点）"),
])
def test_the_source_lines_date_is_said_in_the_language_asked(assistant, lang, line):
    answer = assistant.ask({"fr": "Qui dirige le Japon ?", "ja": "日本のリーダーは？"}[lang])
    titles = {d.id: d.title for d in assistant.knowledge.documents.values()}
    assert source_text(answer.sources, titles, lang) == line
    assert answer.public_json()["sources"][0]["as_of"] == "2020-05-27"  # stays machine-readable


def test_the_month_comes_from_babels_locale_data_for_every_month():
    months_fr = [month_and_year(date(2020, month, 1), "fr").split()[0] for month in range(1, 13)]
    assert months_fr[0] == "janvier" and months_fr[7] == "août" and months_fr[11] == "décembre"
    assert month_and_year(date(2020, 12, 31), "ja") == "2020年12月"
    assert month_and_year(date(2020, 5, 27)) == "May 2020"


def test_several_paragraphs_are_listed_the_way_the_language_lists():
    sources = [Source(document="a", paragraph=10, as_of=date(2020, 5, 27)),
               Source(document="a", paragraph=8, as_of=date(2020, 5, 27))]
    assert source_text(sources, {"a": "A"}, "ja") == "出典：A、¶8、¶10（2020年5月時点）"
    assert source_text(sources, {"a": "A"}, "fr") == "Sources : A, ¶8, ¶10 — à jour en mai 2020"


def test_a_near_miss_is_offered_back_by_its_name_in_the_language_asked(assistant):
    answer = assistant.ask("Qui dirige Zorbistan ?")
    assert [s.question for s in answer.suggestions] == ["qui dirige Ouzbékistan ?"]
    assert assistant.ask(answer.suggestions[0].question).lang == "fr"


def test_french_contracts_de_and_a_with_the_article_a_name_brings():
    message, fields = contract_articles("{country} fait partie de {zone}.",
                                        {"country": "Géorgie", "zone": "le Moyen-Orient"})
    assert message.format(**fields) == "Géorgie fait partie du Moyen-Orient."
    message, fields = contract_articles("De {what} à {where}",
                                        {"what": "les PHEV", "where": "les Amériques"})
    assert message.format(**fields) == "Des PHEV aux Amériques"


def test_a_pronoun_inside_a_text_is_not_contracted():
    text = "en réutilisant son travail au lieu de le refaire"
    message, fields = contract_articles("Pourquoi : {text}", {"text": text})
    assert message.format(**fields) == f"Pourquoi : {text}"
