"""Which language a message is in: English, French or Japanese, per message.

Short questions ("Qui dirige le Japon ?", "日本のリーダーは？", "who leads Japan?") are scored
with the pipelines' own word lists rather than a character n-gram model: what tells the
languages apart in four words is the grammar (function words and question words, Japanese
particles), and names count only a little, so "who leads le Japon?" stays English and
"Nissan est-il leader en Europe ?" is French. A tie goes to the conversation's language, else
English. `benchmarks/detector.py` measures this on the labelled sets beside langid and langdetect.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import pycountry

from intents.languages import DEFAULT_LANGUAGE, read_language_cues, rules_for
from intents.languages.words import spacy_stop_words
from intents.text import fold_accents
from intents.vocabulary import common_english_words, read_cues
from knowledge.languages import country_names, local_list
from knowledge.loader import KnowledgeBase

SOCIAL = ("greeting", "thanks")
# courtesy both languages' speakers type ("ok thx" in a French thread): it tells no language
SHARED_COURTESY = frozenset({"ok", "okay", "cool", "super", "hello", "hey", "thx", "thanks",
                             "bye"})
FRENCH_STOP_WORDS = frozenset(fold_accents(w) for w in spacy_stop_words("fr"))
NAME_WEIGHT = 0.5  # a word of a name in one language only: weak evidence next to grammar
QUESTION_WEIGHT = 2.0  # a question word ("who", "qui") outweighs a borrowed word ("lead")
ELISION = re.compile(r"\b(?:l|d|qu|n|c|j|s|m|t)'\w", re.IGNORECASE)  # "l'Europe", "qu'est"
LATIN_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
CASED_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
FRENCH_SPACING = re.compile(r"\w[ \u00a0\u202f][?!:;]")
FRENCH_LETTERS = frozenset("éèêàùçâîôûëïœ")


HIRAGANA = re.compile(r"[\u3041-\u309f]+")  # particles and endings: Japanese grammar
KANJI_KANA = re.compile(r"[\u30a0-\u30ff\uff66-\uff9f\u3400-\u4dbf\u4e00-\u9fff]+")  # names


def _cue_words(cues: dict) -> set[str]:
    words: set[str] = set()
    for key, items in cues.items():
        if key == "domain":
            continue
        values = [w for group in items.values() for w in group] if isinstance(items, dict) \
            else items
        for item in values:
            words.update(fold_accents(str(item)).lower().replace("-", " ").split())
    return words


@dataclass
class Detector:
    """Scores a message for each language; `detect` picks one."""

    names: dict[str, set[str]] = field(default_factory=dict)  # lang -> words of its own names
    _grammar: dict[str, frozenset[str]] = field(default_factory=dict)
    _questions: dict[str, frozenset[str]] = field(default_factory=dict)
    # "y/n", "oui ou non": a language's own way of asking for yes or no
    _yes_or_no: dict[str, re.Pattern[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        english_cues, french_cues = read_cues(), read_language_cues("fr")
        self._yes_or_no = {lang: re.compile(r"(?<!\w)(?:" + "|".join(
            re.escape(str(phrase)) for phrase in sorted(cues.get("yes_or_no", []), key=len,
                                                          reverse=True)) + r")(?!\w)",
            re.IGNORECASE) for lang, cues in (("en", english_cues), ("fr", french_cues))}
        english = {w.lower() for w in rules_for("en").stop_words} | _cue_words(english_cues)
        french = set(FRENCH_STOP_WORDS) | _cue_words(french_cues)
        # Courtesy words English speakers borrow ("bonjour", "merci") are French all the same.
        borrowed = _cue_words({k: french_cues[k] for k in SOCIAL}) \
            & _cue_words({k: english_cues[k] for k in SOCIAL})
        # any other word both languages use ("a", "on", "leader", "segment") tells nothing
        questions = {lang: _cue_words({key: cues[key] for key in ("who", "what")})
                     for lang, cues in (("en", english_cues), ("fr", french_cues))}
        self._questions = {"en": frozenset(questions["en"] - french - {"which"}),
                           "fr": frozenset(questions["fr"] - english)}
        # an English word French speakers borrow, inflected the English way, stays English
        french = {w for w in french if not (w.endswith("s") and w[:-1] in english)}
        self._grammar = {"en": frozenset(english - french),
                         "fr": frozenset(french - english) | borrowed - SHARED_COURTESY}

    @classmethod
    def from_names(cls, names_by_lang: dict[str, Iterable[str]]) -> Detector:
        """`names_by_lang`: lang -> names used only in that language (from the knowledge base)."""
        words = {lang: {w for name in names for w in LATIN_WORD.findall(
            fold_accents(name).lower())} for lang, names in names_by_lang.items()}
        shared = set.intersection(*words.values()) if len(words) > 1 else set()
        # a French name's word that is also everyday English or French grammar tells nothing
        everyday = set(common_english_words()) | FRENCH_STOP_WORDS
        return cls(names={lang: found - shared - (everyday if lang != "en" else set())
                          for lang, found in words.items()})

    def scores(self, text: str) -> dict[str, float]:
        scores = {"en": 0.0, "fr": 0.0, "ja": 0.0}
        if not text.isascii():
            scores["ja"] += len(HIRAGANA.findall(text)) + \
                len(KANJI_KANA.findall(text)) * NAME_WEIGHT
        for lang, asking in self._yes_or_no.items():
            if asking.search(text):  # its letters are no words ("y/n" holds French "y")
                scores[lang] += QUESTION_WEIGHT
                text = asking.sub(" ", text)
        lowered = text.lower()
        scores["fr"] += sum(1 for char in lowered if char in FRENCH_LETTERS) * NAME_WEIGHT
        scores["fr"] += len(ELISION.findall(lowered))
        # French typography spaces the high signs: "Japon ?", "leader : Nissan"
        scores["fr"] += len(FRENCH_SPACING.findall(text)) * NAME_WEIGHT
        written_words = CASED_WORD.findall(fold_accents(text))
        # "QUI DIRIGE LE JAPON ?": when everything is shouted, case says nothing
        shouted = len(written_words) > 1 and all(w.isupper() for w in written_words)
        for position, written in enumerate(written_words):
            word = written.lower()
            word = word.split("'")[0] if "'" in word and word.split("'")[0] in ("l", "d", "qu") \
                else word
            # a capitalised word inside the message is a name's ("Bac Tu Liem"), an upper-case
            # one an acronym ("EU?"): not grammar
            proper = not shouted and ((position > 0 and written[:1].isupper())
                                      or (len(written) > 1 and written.isupper()))
            for lang in ("en", "fr"):
                if word in self._questions[lang]:  # "who", "qui": the grammar's core
                    scores[lang] += QUESTION_WEIGHT
                elif proper:
                    if word in self.names.get(lang, ()):
                        scores[lang] += NAME_WEIGHT
                elif word in self._grammar[lang] or (
                        word.endswith("s") and word[:-1] in self._grammar[lang]):  # "leads"
                    scores[lang] += 1.0
                elif word in self.names.get(lang, ()):
                    scores[lang] += NAME_WEIGHT
        return scores

    def name_languages(self, text: str) -> set[str]:
        """The languages whose own names the text uses ("le Japon": French; "日本": Japanese)."""
        found = {"ja"} if KANJI_KANA.search(text) else set()
        for word in LATIN_WORD.findall(fold_accents(text.lower())):
            found |= {lang for lang, names in self.names.items() if word in names}
        return found

    def detect(self, text: str, previous: str | None = None) -> str:
        """The language of `text`; a tie goes to `previous` (the conversation's), else English."""
        scores = self.scores(text)
        best = max(scores.values())
        tied = [lang for lang, score in scores.items() if score == best]
        if len(tied) == 1:
            return tied[0]
        if previous in tied:
            return previous
        return DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in tied else tied[0]


def local_names(kb: KnowledgeBase) -> dict[str, list[str]]:
    """lang -> the knowledge base's names and aliases in English and in French."""
    entries = [*kb.companies.values(), *kb.regions.values(), *kb.areas.values(),
               *kb.zones.values(), *kb.technologies.values(), *kb.families.values(),
               *kb.topics.values(), *kb.segments.values()]
    names: dict[str, list[str]] = {"en": [], "fr": []}
    for entry in entries:
        names["en"] += [entry.name, *entry.aliases]
        names["fr"] += [entry.local("name", "fr") or "", *local_list(entry, "aliases", "fr")]
    for country in pycountry.countries:
        names["en"].append(country.name)
        names["fr"] += country_names(country.alpha_2, "fr")
    for aliases in kb.local_country_aliases.get("fr", {}).values():
        names["fr"] += aliases
    names["fr"] += kb.local_country_names.get("fr", {}).values()
    for aliases in kb.country_aliases.values():
        names["en"] += aliases
    return names
