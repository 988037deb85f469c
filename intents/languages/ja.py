"""Japanese: spaCy's blank Japanese (SudachiPy with sudachidict-core): the tokenizer gives each
word its dictionary form as its lemma ("し" -> "する"), so no lookup table is needed. Cues in
data/cues_ja.yaml. Names need the tokenizer (no spaces); fuzzy matching is kept to names in
Latin letters and katakana ("autonmous", "ブラジリ"): kanji come whole from the input method."""

from __future__ import annotations

import ctypes
import logging
import mmap
from functools import cache
from pathlib import Path

from spacy.lang.ja.stop_words import STOP_WORDS

from intents.languages import DATA, LanguageRules

LOGGER = logging.getLogger(__name__)
MAPS = Path("/proc/self/maps")


def release_dictionary_pages() -> int:
    """Give back the pages of Sudachi's dictionary the process has touched; the number of bytes
    of mappings released.

    SudachiPy maps its dictionary read-only and shared (190 MB) and, loading it, reads every
    entry once (72 MB); building the pipeline looks names up (another 70 MB, as each fault maps
    64 KB around the page it needs). Those pages are clean copies of the file, still in the
    page cache: dropping them from the process (MADV_DONTNEED) costs a minor fault when a
    question needs one again, so the process keeps only what answering uses. Linux only; a
    no-op elsewhere or on any error.
    """
    try:
        lines = MAPS.read_text().splitlines()
        libc = ctypes.CDLL(None, use_errno=True)
        madvise = libc.madvise
    except (OSError, AttributeError):
        return 0
    madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
    released = 0
    for line in lines:
        fields = line.split(maxsplit=5)
        path = fields[5] if len(fields) == 6 else ""
        # only a read-only shared map of the dictionary file: its pages can hold no change
        if fields[1] != "r--s" or "/sudachidict_" not in path or not path.endswith(".dic"):
            continue
        start, end = (int(address, 16) for address in fields[0].split("-"))
        if madvise(start, end - start, mmap.MADV_DONTNEED) == 0:
            released += end - start
        else:
            LOGGER.debug("madvise on %s failed: errno %d", path, ctypes.get_errno())
    return released


@cache
def _common() -> frozenset[str]:
    """Everyday words fuzzy matching leaves alone: English, Japanese stop words, the cues
    (built once: the intent step asks for them on every question)."""
    from intents.languages import cue_words
    from intents.vocabulary import common_english_words

    return common_english_words() | frozenset(STOP_WORDS) | cue_words("ja")


RULES = LanguageRules(
    comparison_phrases=(("と", "同じ"), ("みたい",), ("の", "よう"), ("同様",), ("と", "一緒")),
    conclusion_phrases=(("だ", "から"), ("です", "から"), ("な", "の", "で"), ("の", "で"),
                        ("だ", "し"), ("です", "し"), ("なので",), ("だから",), ("よって",)),
    contrast_words=frozenset({"でも", "けど", "けれど", "だけど", "しかし", "ただ"}),
    unit_words=frozenset({"店", "部", "チーム", "部門", "部署", "担当", "会社", "拠点", "課", "室",
                           "センター"}),
    place_pointers=frozenset({"そこ", "あそこ", "そちら", "そっち"}),
    subject_pronouns=frozenset({"それ", "そこ", "あそこ"}),
    own_words=frozenset({"うち", "自分", "私", "わたし", "私たち", "我々", "弊社", "当社", "僕",
                         "俺", "自社", "われわれ", "ウチ"}),
    own_links=frozenset({"の", "ら", "たち", "が", "担当", "いる", "所属"}),
    own_places=frozenset({"地域", "国", "市場", "エリア", "地区", "マーケット", "リージョン",
                          "地元", "拠点", "担当地域"}),
    code="ja",
    cue_file=DATA / "cues_ja.yaml",
    lemma_table=None,
    release_memory=release_dictionary_pages,
    stop_words=frozenset(STOP_WORDS),
    common_words=_common,
    # "…ですか", "…ますか", "…でしょうか": a question ending in か that asks no "who/where";
    # casual "…なの？", "…だっけ？"
    # and a plain verb before the question mark: "リーダーいる？", "決まってる？", "変わった？"
    yes_no_endings=frozenset({"か", "かな", "かしら", "よね", "ね", "でしょう", "だろう", "の",
                              "っけ", "る", "た", "いる", "ある", "てる", "でる"}),
    yes_no_tails=frozenset({"合う", "正しい", "本当", "ほんと", "確か", "あってる", "合ってる",
                            "間違い", "違う"}),
    request_words=frozenset({"教える", "くださる", "下さる", "知る", "お願い", "説明"}),
    coordinators=frozenset({"と", "や", "、", ",", "および", "及び", "・", "も"}),
    choice_words=frozenset({"or", "または", "それとも"}),
    which_words=frozenset({"どの", "どんな", "何の", "どちらの", "どっちの"}),
    # "...地域は？": a kind word and a topic at the question's end asks which ones too
    which_after=frozenset({"どこ", "どれ", "どちら", "どっち", "何", "なに", "?", "？"}),
    which_after_links=frozenset({"は", "って", "が", "とは"}),
    fuzzy_cue_words=(),
    intonation_questions=True,
    spaced=False,
    fuzzy_phonetic_only=True,
    # "Dセグメントって三菱？ルノー？どっちがリード？" and "サンパウロから質問。日本のリードは？"
    # are one question each: only new lines split
    clause_break=r"[;!\n]+",
)
