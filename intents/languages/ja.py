"""Japanese: spaCy's blank Japanese (SudachiPy with sudachidict-core): the tokenizer gives each
word its dictionary form as its lemma ("し" -> "する"), so no lookup table is needed. Cues in
data/cues_ja.yaml. Names need the tokenizer (no spaces); fuzzy matching is kept to names in
Latin letters and katakana ("autonmous", "ブラジリ"): kanji come whole from the input method."""

from __future__ import annotations

from spacy.lang.ja.stop_words import STOP_WORDS

from intents.languages import DATA, LanguageRules


def _common() -> frozenset[str]:
    """Everyday words fuzzy matching leaves alone: English, Japanese stop words, the cues."""
    from intents.languages import read_language_cues
    from intents.vocabulary import common_english_words

    cues = read_language_cues("ja")
    words = {str(w) for key, values in cues.items() if isinstance(values, list)
             for w in values}
    return common_english_words() | frozenset(STOP_WORDS) | frozenset(words)


RULES = LanguageRules(
    code="ja",
    cue_file=DATA / "cues_ja.yaml",
    lemma_table=None,
    stop_words=frozenset(STOP_WORDS),
    common_words=_common,
    # "…ですか", "…ますか", "…でしょうか": a question ending in か that asks no "who/where"
    yes_no_endings=frozenset({"か", "かな", "かしら", "よね", "ね", "でしょう", "だろう"}),
    yes_no_tails=frozenset({"合う", "正しい", "本当", "ほんと", "確か", "あってる", "合ってる",
                            "間違い", "違う"}),
    request_words=frozenset({"教える", "くださる", "下さる", "知る", "お願い", "説明"}),
    coordinators=frozenset({"と", "や", "、", ",", "および", "及び", "・", "も"}),
    choice_words=frozenset({"or", "または", "それとも"}),
    which_words=frozenset({"どの", "どんな", "何の", "どちらの", "どっちの"}),
    fuzzy_cue_words=(),
    intonation_questions=True,
    spaced=False,
    fuzzy_phonetic_only=True,
    # "Dセグメントって三菱？ルノー？どっちがリード？" and "サンパウロから質問。日本のリードは？"
    # are one question each: only new lines split
    clause_break=r"[;!\n]+",
)
