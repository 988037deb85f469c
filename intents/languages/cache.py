"""What a language costs to build once, kept in the user's cache directory for the next start.

French pays twice on its first question: spaCy's French tokenizer exceptions compile one
regular expression of 1.4 million characters (case-insensitive classes of every letter: about
1.7 s of CPU and 25 MB of transient memory), and the French word list (0.5 s) is scanned out of
spacy-lookups-data. Both results depend only on the installed packages and our own data, so
they are written to `$XDG_CACHE_HOME/alliance-bot` (else `~/.cache/alliance-bot`) under a key
made of what they depend on, and read back on the next start. Nothing is downloaded; a cache
that cannot be read or written (a read-only home, a corrupt file) only costs the time it saves.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import re
import sys
import threading
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

LOGGER = logging.getLogger(__name__)
# Only patterns this long are worth a file: spaCy's French token_match (1.4 million
# characters); its prefix, suffix and infix patterns compile in milliseconds.
LARGE_PATTERN = 100_000
_PATCH_LOCK = threading.Lock()
_COMPILE = re.compile  # the standard one, whatever `large_regexes_cached` does meanwhile


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "alliance-bot"


def cache_key(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def read_json(name: str) -> Any | None:
    """The cached document `name`, or None when there is none or it cannot be read."""
    try:
        return json.loads((cache_dir() / name).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        if not isinstance(error, FileNotFoundError):
            LOGGER.debug("cache %s unreadable: %s", name, error)
        return None


def write_json(name: str, document: Any) -> None:
    """Write atomically (a concurrent reader sees the old file or the new one, never half)."""
    path = cache_dir() / name
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        partial.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        partial.replace(path)
    except OSError as error:
        LOGGER.debug("cache %s not written: %s", name, error)


def words_to_text(values: array) -> str:
    return base64.b64encode(values.tobytes()).decode("ascii")


def words_from_text(text: str, typecode: str) -> array:
    values = array(typecode)
    values.frombytes(base64.b64decode(text))
    return values


def _regex_key(pattern: str, flags: int) -> str:
    from re import _constants  # type: ignore[attr-defined]

    return cache_key("regex", sys.version, str(_constants.MAGIC), str(flags), pattern)


def compile_cached(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, the compiled program read from the cache when this Python
    compiled it before. The program is the standard library's own compiler output, keyed by the
    exact Python version and the pattern, so the pattern matches exactly as `re.compile`'s."""
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    name = f"regex-{_regex_key(pattern, flags)}.json"
    cached = read_json(name)
    if isinstance(cached, dict):
        try:
            code = words_from_text(cached["code"], "I" if _sre.CODESIZE == 4 else "H")
            return _sre.compile(pattern, cached["flags"], code.tolist(), cached["groups"],
                                cached["groupindex"], tuple(cached["indexgroup"]))
        except (KeyError, TypeError, ValueError, RuntimeError) as error:
            LOGGER.debug("cached regex %s unusable (%s): compiling", name, error)
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for group, index in groupindex.items():
            indexgroup[index] = group
        compiled = _sre.compile(pattern, flags | parsed.state.flags, code,
                                parsed.state.groups - 1, groupindex, tuple(indexgroup))
    except (AttributeError, TypeError) as error:  # another Python's internals: the plain way
        LOGGER.debug("regex not cacheable here (%s)", error)
        return _COMPILE(pattern, flags)
    write_json(name, {"flags": compiled.flags, "groups": parsed.state.groups - 1,
                      "groupindex": groupindex, "indexgroup": indexgroup,
                      "code": words_to_text(array("I" if _sre.CODESIZE == 4 else "H", code))})
    return compiled


@contextmanager
def large_regexes_cached() -> Iterator[None]:
    """While a language module is imported and its tokenizer built, very long patterns go
    through `compile_cached`; every other pattern compiles as usual."""
    def compile(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, str) and len(pattern) >= LARGE_PATTERN:
            return compile_cached(pattern, int(flags))
        return _COMPILE(pattern, flags)

    with _PATCH_LOCK:
        re.compile = compile  # type: ignore[assignment]
        try:
            yield
        finally:
            re.compile = _COMPILE
