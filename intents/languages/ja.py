"""Japanese: spaCy's blank Japanese (SudachiPy with sudachidict-core): the tokenizer gives each
word its dictionary form as its lemma ("し" -> "する"), so no lookup table is needed. Cues in
data/cues_ja.yaml. Names need the tokenizer (no spaces); fuzzy matching is kept to names in
Latin letters and katakana ("autonmous", "ブラジリ"): kanji come whole from the input method."""

from __future__ import annotations

import ctypes
import logging
import mmap
import re
from collections.abc import Iterable
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


# a name typed in hiragana, not converted by the input method ("ろしあ", "ほくべい"): a run of
# three or more kana, matched against the readings of the names and cue words people ask about
KANA_RUN = re.compile(r"[\u3041-\u3096ー]{3,}")
SHORTEST_READING = 3  # "タイ", "チリ": two kana are too often part of other words
NAMES_PER_TEXT = 100
PARTICLES = frozenset("はがのをにでともへやわ")
# after a particle or the end of a verb before a noun ("ないちいき": the regions it doesn't)
PRECEDING = PARTICLES | frozenset("いたるだ")
# "りーどしてる", "だれ", "どこ", "りーだーじゃない"
FOLLOWING = PARTICLES | frozenset("っだかしすさどなねよじ")


# a loanword's final long vowel, which technical writing drops ("リーダ", "フォロワ", "メーカ");
# kept on short words, where it is the word ("ルノー", "ノー")
FINAL_LONG_VOWEL = re.compile(r"(?<=[\u30a1-\u30faー]{3})ー(?![\u30a1-\u30faー])")


# the one-kanji names of a territory's owner ("仏領ギアナ") and how people also write them
# ("フランス領ギアナ")
OWNERS = {"仏領": "フランス領", "英領": "イギリス領", "米領": "アメリカ領", "蘭領": "オランダ領",
          "豪領": "オーストラリア領", "丁領": "デンマーク領", "葡領": "ポルトガル領"}


def spellings(phrase: str) -> list[str]:
    """The phrase with its loanwords' final long vowels dropped, when it has any; a
    territory's owner written out ("仏領ギアナ" -> "フランス領ギアナ")."""
    found = []
    dropped = FINAL_LONG_VOWEL.sub("", phrase)
    if dropped != phrase:
        found.append(dropped)
    for short, full in OWNERS.items():
        if phrase.startswith(short):
            found.append(full + phrase[len(short):])
    return found


def _katakana(text: str) -> str:
    return "".join(chr(ord(ch) + 0x60) if "\u3041" <= ch <= "\u3096" else ch for ch in text)


def readings(nlp: object, names: Iterable[str]) -> dict[str, str]:
    """Katakana reading -> the name as written (北米 -> ホクベイ, ロシア -> ロシア), from
    Sudachi's dictionary, for names in kanji or katakana."""
    written = [name for name in dict.fromkeys(names) if "\n" not in name and any(
        "\u30a1" <= ch <= "\u30fa" or "\u4e00" <= ch <= "\u9fff" for ch in name)]
    # a text of NAMES_PER_TEXT names, one a line: far fewer calls of the tokenizer than names
    parts: list[list[str]] = []
    for start in range(0, len(written), NAMES_PER_TEXT):
        parts.append([])
        for token in nlp.make_doc("\n".join(written[start:start + NAMES_PER_TEXT])):  # type: ignore[attr-defined]
            if "\n" in token.text:
                parts.extend([] for _ in range(token.text.count("\n")))
                continue
            parts[-1].append((token.morph.get("Reading") or [token.text])[0])
    found: dict[str, str] = {}
    if len(parts) != len(written):
        LOGGER.warning("readings: %d names read as %d", len(written), len(parts))
        return found
    for name, part in zip(written, parts, strict=True):
        reading = "".join(part)
        if len(reading) >= SHORTEST_READING and all("\u30a1" <= ch <= "\u30fc"
                                                    for ch in reading):
            found.setdefault(reading, name)
    return found


def respelled(text: str, spellings: dict[str, str], *, anywhere: bool = False) -> str:
    """Hiragana runs holding a name's reading written as the name ("ろしあはだれがりーど" ->
    "ロシアはだれがリード"), longest reading first; the rest as typed. `anywhere`: readings no
    native word holds ("りーだー") need no particle around them ("りーだーおしえて")."""
    if not spellings:
        return text
    longest = max(map(len, spellings))

    def names(match: re.Match[str]) -> str:
        run = match.group(0)
        kana, out, i = _katakana(run), [], 0
        while i < len(run):
            for size in range(min(longest, len(run) - i), SHORTEST_READING - 1, -1):
                name = spellings.get(kana[i:i + size])
                # a word of its own: at the run's edges, or beside a particle ("ろしあは")
                if name is not None and (anywhere or (i == 0 or run[i - 1] in PRECEDING or out
                                                      and out[-1] in spellings.values())
                                         and (i + size == len(run) or run[i + size] in FOLLOWING)):
                    out.append(name)
                    i += size
                    break
            else:
                out.append(run[i])
                i += 1
        return "".join(out)

    return KANA_RUN.sub(names, text)


# kanji and hiragana that look like katakana ("厶" for "ム", "へ" for "ヘ"): an input method's
# or an OCR's slip inside a name in katakana
LOOKALIKES = {"厶": "ム", "口": "ロ", "力": "カ", "工": "エ", "夕": "タ", "卜": "ト", "二": "ニ",
              "八": "ハ", "一": "ー", "へ": "ヘ", "べ": "ベ", "ぺ": "ペ", "り": "リ"}
KATAKANA_RUN = re.compile("[\u30a1-\u30fc" + "".join(LOOKALIKES) + "]{3,}")


# the ways one loanword is written in katakana: long vowels marked or not ("クイーンズランド",
# "クインズランド"), "ヴ" or its older "バ" row ("ヴェネズエラ", "ベネズエラ"), a middle dot
# between words or none ("ニュー・カレドニア")
VARIANT_SPELLINGS = str.maketrans({"ー": "", "・": "", "ヴ": "ブ"})
VU_ROW = re.compile("ブ([ァィェォ])")
VU_VOWELS = {"ァ": "バ", "ィ": "ビ", "ェ": "ベ", "ォ": "ボ"}
SHORTEST_VARIANT = 4  # "ルノ" is no spelling of "ルノー" a person would type by chance


def variant_key(word: str) -> str:
    """What the ways of writing one katakana loanword have in common ("クイーンズランド" and
    "クインズランド" -> "クインズランド"; "ヴェネズエラ" -> "ベネズエラ")."""
    return VU_ROW.sub(lambda m: VU_VOWELS[m.group(1)], word.translate(VARIANT_SPELLINGS))


def variant_names(names: Iterable[str]) -> dict[str, str]:
    """variant key -> the name in katakana, for names whose key no other name shares."""
    found: dict[str, set[str]] = {}
    for name in names:
        if all("\u30a1" <= ch <= "\u30fc" for ch in name):
            key = variant_key(name)
            if len(key) >= SHORTEST_VARIANT:
                found.setdefault(key, set()).add(name)
    return {key: next(iter(group)) for key, group in found.items() if len(group) == 1}


def unconfused(text: str, spellings: dict[str, str],
               variants: dict[str, str] | None = None) -> str:
    """Look-alike letters inside a katakana name written as the name's ("ベトナ厶市場" ->
    "ベトナム市場"): only where the letters around them and the katakana they look like
    together spell a name's reading, so "ルノー工場" keeps its factory. With `variants`
    (`variant_names`), another way of writing a katakana name is the name ("クイーンズランド"
    for "クインズランド")."""
    if not spellings:
        return text
    longest = max(map(len, spellings))

    def names(match: re.Match[str]) -> str:
        run = match.group(0)
        if not any(ch in LOOKALIKES for ch in run):
            return _respelled_variants(run, spellings, variants) if variants else run
        candidate = "".join(LOOKALIKES.get(ch, ch) for ch in run)
        out = list(run)
        for start in range(len(run)):
            for size in range(min(longest, len(run) - start), SHORTEST_READING - 1, -1):
                if candidate[start:start + size] in spellings:
                    out[start:start + size] = candidate[start:start + size]
                    break
        return "".join(out)

    return KATAKANA_RUN.sub(names, text)


def _respelled_variants(run: str, spellings: dict[str, str], variants: dict[str, str]) -> str:
    """The longest stretches of a katakana run that are another way of writing a name, written
    as the name; a stretch that is itself a name or a reading is left as typed."""
    out: list[str] = []
    start = 0
    while start < len(run):
        for end in range(len(run), start + SHORTEST_VARIANT - 1, -1):
            piece = run[start:end]
            if piece in spellings:
                out.append(piece)
                break
            name = variants.get(variant_key(piece))
            if name is not None and (end == len(run) or run[end] not in "ーァィゥェォャュョッ"):
                out.append(name)
                break
        else:
            out.append(run[start])
            end = start + 1
        start = end
    return "".join(out)


@cache
def _common() -> frozenset[str]:
    """Everyday words fuzzy matching leaves alone: English, Japanese stop words, the cues
    (built once: the intent step asks for them on every question)."""
    from intents.languages import cue_words
    from intents.vocabulary import common_english_words

    return common_english_words() | frozenset(STOP_WORDS) | cue_words("ja")


RULES = LanguageRules(
    spellings=spellings,
    suggesting=r"っけ\s*[?？]?\s*$|(?:じゃ|では)(?:ない|なかった)(?:です|でした)?か?\s*[?？]?\s*$",
    comparison_phrases=(("と", "同じ"), ("みたい",), ("の", "よう"), ("同様",), ("と", "一緒")),
    conclusion_phrases=(("だ", "から"), ("です", "から"), ("な", "の", "で"), ("の", "で"),
                        ("だ", "し"), ("です", "し"), ("なので",), ("だから",), ("よって",),
                        ("扱い", "で"), ("扱い", "なら"), ("扱い", "だ", "から"), ("＝",), ("=",),
                        ("→",), ("=>",)),
    owner_words=frozenset({"領", "領土", "属領", "自治領"}),
    holding_after=(("に", "入る"), ("に", "ある"), ("に", "載る"), ("に", "含む"),
                   ("に", "含まれる"), ("の", "中")),
    contrast_words=frozenset({"でも", "けど", "けれど", "だけど", "しかし", "ただ"}),
    copulas=frozenset({"です", "だ", "でございます", "っす"}),
    place_kinds=frozenset({"王国", "共和国", "連邦", "州", "県", "省", "島", "諸島", "市", "国",
                           "地方", "公国", "首長国"}),
    unit_words=frozenset({"店", "部", "チーム", "部門", "部署", "担当", "会社", "拠点", "課", "室",
                           "センター"}),
    place_pointers=frozenset({"そこ", "あそこ", "そちら", "そっち"}),
    subject_pronouns=frozenset({"それ", "そこ", "あそこ"}),
    company_pronouns=frozenset({"そこ", "そちら", "同社", "あそこ"}),
    drops_subjects=True,
    own_words=frozenset({"うち", "自分", "私", "わたし", "私たち", "我々", "弊社", "当社", "僕",
                         "俺", "自社", "われわれ", "ウチ"}),
    own_links=frozenset({"の", "ら", "たち", "が", "担当", "いる", "所属"}),
    others_words=frozenset({"彼", "彼女", "上司", "同僚", "部長", "課長", "先輩", "相手", "先方"}),
    own_places=frozenset({"地域", "国", "市場", "エリア", "地区", "マーケット", "リージョン",
                          "地元", "拠点", "担当地域"}),
    code="ja",
    cue_file=DATA / "cues_ja.yaml",
    lemma_table=None,
    release_memory=release_dictionary_pages,
    readings=readings,
    respelled=respelled,
    unconfused=unconfused,
    variant_names=variant_names,
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
    # when, why, how: a question asking them is no yes/no ("いつ発表された？")
    wh_words=frozenset({"いつ", "なぜ", "どうして", "なんで", "何故", "どのように", "どうやって"}),
    which_words=frozenset({"どの", "どんな", "何の", "どちらの", "どっちの"}),
    # "...地域は？": a kind word and a topic at the question's end asks which ones too
    which_after=frozenset({"どこ", "どれ", "どちら", "どっち", "何", "なに", "?", "？"}),
    which_after_links=frozenset({"は", "って", "が", "とは"}),
    fuzzy_cue_words=(),
    intonation_questions=True,
    spaced=False,
    fuzzy_phonetic_only=True,
    # "Dセグメントって三菱？ルノー？どっちがリード？" and "サンパウロから質問。日本のリードは？"
    # are one question each: only new lines split, and a plus after a question mark
    # ("自動運転のリーダーは？＋東南アジアのリーダーは？")
    clause_break=r"[;!\n]+|(?<=[？?])\s*[＋+]\s*",
    # (four kana are one slip from many names: "ボルネラ" is no typo of "ボルネオ")
    fuzzy_min_length=5,
    reason_endings=frozenset({"し", "から", "ので", "ため", "もので", "もん", "んで"}),
)
