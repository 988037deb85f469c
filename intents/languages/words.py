"""Large word lists kept small in memory: French has 200,000 inflected forms.

A lemma table is only needed for the words the cue files and facts use (every other word is its
own lemma as far as matching goes), and "is this an everyday word?" only needs a membership test:
`HashedWords` keeps 4-byte CRC32 hashes in a sorted array (a collision makes a rare name count as
everyday, so it is matched exactly but not fuzzily: the safe side). The JSON tables of
spacy-lookups-data are scanned string by string, never built into a dict of the whole language.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Container, Iterable
from importlib import resources
from importlib.util import module_from_spec, spec_from_file_location
from pathlib import Path

from intents.text import fold_accents

# Accented Latin letters (U+00C0-U+024F) -> their folded form, as `fold_accents` gives it.
LATIN_FOLD = {code: fold_accents(chr(code)) for code in range(0xC0, 0x250)
              if fold_accents(chr(code)) != chr(code)}
PAIR = re.compile(r'"([^"\\]*)"\s*:\s*(?:"([^"\\]*)"|\[\s*"([^"\\]*)")')


def lookup_pairs(name: str) -> list[tuple[str, str]]:
    """(word, lemma) from spacy-lookups-data's `name` table, accents folded, lower case (a word
    with several lemmas gives its first, the commonest). The text is folded once, then scanned."""
    data = resources.files("spacy_lookups_data") / "data" / f"{name}.json.gz"
    text = gzip.decompress(data.read_bytes()).decode("utf-8")
    if "\\u" in text:  # escaped letters: let the JSON decoder read them
        text = json.dumps(json.loads(text), ensure_ascii=False)
    text = text.translate(LATIN_FOLD).lower()  # what fold_accents does, at table speed
    if not text.isascii():
        text = fold_accents(text)
    return [(word, lemma or first) for word, lemma, first in PAIR.findall(text)]


class HashedWords(Container[str]):
    """A set of words that answers `in`, at four bytes a word."""

    def __init__(self, words: Iterable[str]) -> None:
        self._hashes = array("I", sorted({zlib.crc32(w.encode("utf-8")) for w in words}))

    @classmethod
    def from_hashes(cls, hashes: array) -> HashedWords:
        """The set `hashes` (sorted, as `hashes` gives them) stands for."""
        words = cls(())
        words._hashes = hashes
        return words

    @property
    def hashes(self) -> array:
        return self._hashes

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        value = zlib.crc32(word.encode("utf-8"))
        index = bisect_left(self._hashes, value)
        return index < len(self._hashes) and self._hashes[index] == value

    def __len__(self) -> int:
        return len(self._hashes)


class AnyOf(Container[str]):
    """Words in any of several lists."""

    def __init__(self, *lists: Container[str]) -> None:
        self._lists = lists

    def __contains__(self, word: object) -> bool:
        return any(word in words for words in self._lists)


def spacy_stop_words(code: str) -> frozenset[str]:
    """spaCy's stop words for `code`, read without importing the language package (importing
    spacy.lang.fr compiles its tokenizer exceptions: seconds an English start-up has no use for).
    """
    import spacy

    path = Path(spacy.__file__).parent / "lang" / code / "stop_words.py"
    spec = spec_from_file_location(f"_alliance_stop_words_{code}", path)
    assert spec is not None and spec.loader is not None
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(module.STOP_WORDS)
