"""What a language costs to build once is cached per user, and a cached result is the result:
the same compiled pattern, the same French word tables; the pages of Sudachi's dictionary that
loading and building touched are given back."""

from __future__ import annotations

import dataclasses
import re
import sys
from pathlib import Path

import pytest

from intents.evaluation import labelled_texts
from intents.languages import cache, fr, rules_for
from intents.pipeline import _blank, build_pipeline
from intents.vocabulary import build_vocabulary
from knowledge.loader import load_knowledge

DATA = Path(__file__).resolve().parents[1] / "data"

# Case-insensitive classes of every letter, as spaCy's French token_match has (small enough to
# compile in a test, large enough to be cached).
LETTERS = "a-zà-ÿĀ-ſ"
PATTERN = "(?iu)" + "|".join(f"(?:^{word}[-‐][{LETTERS}][-{LETTERS}']*$)"
                             for word in ("anti", "après", "contre", "demi", "ex", "néo",
                                          "semi", "sous", "vice") * 300)
SAMPLES = ["anti-Âge", "ANTI-âge", "Après-midi", "apres-midi", "néo-zélandais", "NÉO-Zélandais",
           "sous-marin'", "ex-", "ex-x", "demi‐finale", "vice-versa-", "l'Europe", "Europe",
           "contre-indiqué", "semi-ſ", "semi-K", "anti-\u212a", "est-ce", ""]


@pytest.fixture
def cache_home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "alliance-bot"


def _matches(pattern: re.Pattern[str]) -> list[bool]:
    return [bool(pattern.match(text)) for text in SAMPLES]


def test_a_cached_pattern_matches_as_the_standard_compiler_s(cache_home, monkeypatch):
    assert len(PATTERN) >= cache.LARGE_PATTERN
    expected = re.compile(PATTERN)
    first = cache.compile_cached(PATTERN)
    assert len(list(cache_home.glob("regex-*.json"))) == 1
    from re import _parser

    def no_compiling(*args, **kwargs):
        raise AssertionError("compiled again instead of read from the cache")

    monkeypatch.setattr(_parser, "parse", no_compiling)
    second = cache.compile_cached(PATTERN)
    assert _matches(first) == _matches(second) == _matches(expected)
    assert (second.pattern, second.flags, second.groups) == (expected.pattern, expected.flags,
                                                             expected.groups)


def test_a_corrupt_or_foreign_cache_file_is_compiled_again(cache_home):
    cache.compile_cached(PATTERN)
    (path,) = cache_home.glob("regex-*.json")
    path.write_text('{"flags": 34, "groups": 0, "groupindex": {}, "indexgroup": [null], '
                    '"code": "AAAA"}')
    assert _matches(cache.compile_cached(PATTERN)) == _matches(re.compile(PATTERN))
    path.write_text("not json")
    assert _matches(cache.compile_cached(PATTERN)) == _matches(re.compile(PATTERN))


def test_an_unwritable_cache_costs_time_not_answers(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file: no directory can be made in it
    assert _matches(cache.compile_cached(PATTERN)) == _matches(re.compile(PATTERN))


def test_only_large_patterns_go_through_the_cache_and_re_compile_is_restored(cache_home):
    standard = re.compile
    with cache.large_regexes_cached():
        assert re.compile is not standard
        small = re.compile("(?i)abc")
        assert not cache_home.exists()
        large = re.compile(PATTERN)
    assert re.compile is standard
    assert small.match("ABC") and _matches(large) == _matches(standard(PATTERN))
    assert len(list(cache_home.glob("regex-*.json"))) == 1


def test_french_tables_read_from_the_cache_are_the_tables_scanned(cache_home):
    scanned_lemmas, scanned_words = fr._tables.__wrapped__()
    assert len(list(cache_home.glob("fr-words-*.json"))) == 1
    cached_lemmas, cached_words = fr._tables.__wrapped__()
    assert cached_lemmas == scanned_lemmas and scanned_lemmas["dirigent"] == "diriger"
    assert cached_words.hashes == scanned_words.hashes
    for word in ("dirigeant", "voiture", "europe", "zorbistan", "mitsubishi"):
        assert (word in cached_words) == (word in scanned_words)


def test_a_damaged_french_cache_is_scanned_again(cache_home):
    scanned_lemmas, scanned_words = fr._tables.__wrapped__()
    (path,) = cache_home.glob("fr-words-*.json")
    path.write_text('{"lemmas": {"dirigent": "diriger"}, "hashes": "not base64!"}')
    lemmas, words = fr._tables.__wrapped__()
    assert lemmas == scanned_lemmas and words.hashes == scanned_words.hashes


def _dictionary_resident_kb() -> int:
    """Resident kB of the mappings of Sudachi's dictionary file, from /proc/self/smaps."""
    total, inside = 0, False
    for line in Path("/proc/self/smaps").read_text().splitlines():
        first = line.split(maxsplit=1)[0]
        if "-" in first and not first.endswith(":"):
            inside = "/sudachidict_" in line and line.rstrip().endswith(".dic")
        elif inside and first == "Rss:":
            total += int(line.split()[1])
    return total


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="madvise and /proc: Linux")
def test_pages_of_the_japanese_dictionary_touched_are_given_back_and_answers_stay():
    rules = rules_for("ja")
    nlp = _blank(rules)
    text = "欧州市場はどの会社が主導していますか？三菱自動車はオセアニアのリーダーですか？"
    before = [(t.text, t.lemma_, t.tag_) for t in nlp(text)]
    # SudachiPy 0.7 reads every entry of its dictionary at load (72 MB); earlier ones, less
    assert _dictionary_resident_kb() > 1_000
    assert rules.release_memory() > 100_000_000
    assert _dictionary_resident_kb() < 1_000
    assert [(t.text, t.lemma_, t.tag_) for t in nlp(text)] == before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="madvise and /proc: Linux")
def test_the_japanese_pipeline_never_holds_more_of_the_dictionary_than_loading_it():
    """The peak memory of a process with Japanese loaded: building looks thousands of names
    and phrases up, and a service answers ever new questions; the pages they touch are given
    back as they go (all at once at the end of the build, they came to more than loading
    itself had read; asked 300 questions, to half the dictionary)."""
    rules = rules_for("ja")
    held: list[int] = []

    def release() -> object:
        held.append(_dictionary_resident_kb())
        return rules.release_memory()

    nlp = build_pipeline(build_vocabulary(load_knowledge(), "ja"),
                         dataclasses.replace(rules, release_memory=release))
    loading, *building = held
    assert building  # given back while building, not only at the end
    assert max(building) <= loading, (loading, building)
    nlp.tokenizer.release()
    answering = []
    for text in labelled_texts(DATA / "questions_ja.yaml"):
        nlp(text)
        answering.append(_dictionary_resident_kb())
    assert len(answering) >= 200
    assert max(answering) <= loading
    assert [t.text for t in nlp("三菱はオセアニアのリーダーですか？")] == \
        ["三菱", "は", "オセアニア", "の", "リーダー", "です", "か", "？"]
