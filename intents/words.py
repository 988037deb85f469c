"""Word lists the clause reader uses by meaning, in the three languages (`data/words.yaml`)."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml


@cache
def _read_words() -> dict[str, list[str]]:
    return yaml.safe_load((resources.files("intents") / "data" / "words.yaml")
                          .read_text(encoding="utf-8"))


def word_set(name: str) -> frozenset[str]:
    """One list of `data/words.yaml`, as strings (a KeyError names a list that is missing)."""
    return frozenset(str(word) for word in _read_words()[name])
