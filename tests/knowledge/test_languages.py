"""Every name, note and fact text shown in an answer exists in French and Japanese; the message
catalogues cover every sentence the resolver says, and the shipped .mo match their .po."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
import yaml
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from intents.assistant import EXAMPLES
from knowledge.answer import SORRY
from knowledge.errors import KnowledgeError
from knowledge.languages import country_name
from knowledge.loader import DEFAULT_DIRECTORY, load_knowledge
from knowledge.localise import LOCALE_DIR, Phrasing

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
