"""The spaCy pipeline: blank English + lookup lemmatizer + components fed from the knowledge base.

    lemmatizer -> kb_entities -> fuzzy_linker -> segment_finder -> phrase_cues

No trained model is used and nothing is downloaded: the lemmatizer's tables ship in
spacy-lookups-data, every pattern comes from the knowledge base and intents/data/cues.yaml.
"""

from __future__ import annotations

import resource
from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.tokens import Doc

from intents import components  # noqa: F401 - registers the components
from intents.components import entity_id
from intents.components.cues import COURTESY
from intents.components.fuzzy import FACT_WORD
from intents.languages import LanguageRules, rules_for
from intents.languages.cache import large_regexes_cached
from intents.text import fold_accents
from intents.vocabulary import Vocabulary

GAZETTEER_KINDS = frozenset({"country", "city", "subdivision", "shared"})
FACT_WORD_LENGTH = 5  # shorter words of a fact are corrected by nothing: too many near-misses
# while a pipeline is built, the memory its look-ups touch (Sudachi's dictionary pages) is
# given back whenever it grows past HELD_AT_MOST, checked every CHECK_EVERY characters read
# (about 6 questions or names; a long text is checked before it is read): building and
# answering never hold more than a slice of the dictionary (loading alone reads 72 MB of it).
# (Every 400 characters, building once held 78 MB on a machine whose page cache held the whole
# dictionary: each fault then maps 64 KB around it, so 400 characters could touch 30 MB.)
CHECK_EVERY = 100
HELD_AT_MOST = 48 * 2**20
STATM = Path("/proc/self/statm")
PAGE = resource.getpagesize()


def _file_backed() -> int | None:
    """Bytes of memory the process maps from files (and shares), or None where unknown."""
    try:
        return int(STATM.read_text().split()[2]) * PAGE
    except (OSError, IndexError, ValueError):
        return None


def _lemma(lemmas: dict[str, str], word: str,
           stop_words: frozenset[str] | set[str] = STOP_WORDS) -> str:
    """The lemma, unless it would turn a content word into a function word ("dont" -> "do"),
    or a phrase's "being" into any "is" ("being a follower" is not "Mitsubishi is a
    follower")."""
    lemma = lemmas.get(word, word).lower()
    if word in KEPT_FORMS:
        return word
    return word if lemma in stop_words and word not in stop_words else lemma


KEPT_FORMS = frozenset({"being", "been"})


def _blank(rules: LanguageRules) -> Language:
    """spaCy's blank pipeline for the language, with its lookup lemmatizer where it has one
    (Japanese lemmas come from Sudachi's dictionary forms, set by the tokenizer)."""
    with large_regexes_cached():  # French's token_match: compiled once per installation
        nlp = spacy.blank(rules.code)
    if rules.lemma_table is not None:
        lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        lookups = Lookups()
        lookups.add_table("lemma_lookup", rules.lemma_table())  # the table the vocabulary read
        lemmatizer.initialize(lookups=lookups)
    return nlp


class MemoryBoundTokenizer:
    """A tokenizer whose look-ups touch memory it can give back (Sudachi's dictionary pages):
    whenever the process's file-backed memory has grown more than HELD_AT_MOST since it last
    gave back, it gives back again. Building looks thousands of names up, and a long-running
    service answers questions that touch ever more of the dictionary: both hold at most a
    slice of it. Checked every CHECK_EVERY characters (one read of /proc/self/statm); where that
    cannot be read, there is nothing to give back either."""

    def __init__(self, tokenizer: Callable[[str], Doc], release: Callable[[], object]) -> None:
        self.tokenizer = tokenizer
        self._release = release
        self._unchecked = 0  # characters read since the last check
        self._released_at = _file_backed()

    def __call__(self, text: str) -> Doc:
        self._unchecked += len(text)
        if self._unchecked >= CHECK_EVERY:
            self._unchecked = 0
            now = _file_backed()
            if now is not None and self._released_at is not None \
                    and now - self._released_at > HELD_AT_MOST:
                self.release()
        return self.tokenizer(text)

    def release(self) -> None:
        self._release()
        self._released_at = _file_backed()


def build_pipeline(vocabulary: Vocabulary, rules: LanguageRules | None = None) -> Language:
    rules = rules or rules_for("en")
    nlp = _blank(rules)
    if rules.release_memory is not None:
        rules.release_memory()  # what loading touched (Sudachi reads every entry once)
        nlp.tokenizer = MemoryBoundTokenizer(nlp.tokenizer, rules.release_memory)
    _add_components(nlp, vocabulary, rules)
    return nlp


def _add_components(nlp: Language, vocabulary: Vocabulary, rules: LanguageRules) -> None:
    entities = nlp.add_pipe("kb_entities")
    phrases: dict[str, list] = {}
    places: dict[str, str] = {}
    title_only: set[str] = set()
    for name, entry in vocabulary.names.items():
        ident = entity_id(entry.kind, entry.id, entry.country)
        if entry.kind in GAZETTEER_KINDS:
            # plain words tokenize as themselves; only names with punctuation need the tokenizer
            # plain words tokenize as themselves (Latin ones inside Japanese too: no dictionary
            # look-up, which keeps Sudachi's memory-mapped dictionary pages untouched)
            plain = (rules.spaced or name.isascii()) and name.replace(" ", "").isalpha()
            # others tokenized as typed, capitalised ("St. Lucia" keeps "St." whole)
            words = name if plain else " ".join(t.lower_ for t in nlp.tokenizer(name.title()))
            places[words] = ident
            if name in vocabulary.title_case_only:
                title_only.add(words)
        else:
            phrases.setdefault(entry.kind.upper(), []).append((nlp.make_doc(name), ident))
    for label, patterns in phrases.items():
        entities.add_phrases(label, patterns)
    entities.add_gazetteer(places, title_only)
    exact: dict[str, list[list[dict]]] = {}
    for name, entry in vocabulary.exact_case.items():
        ident = entity_id(entry.kind, entry.id, entry.country)
        exact.setdefault(ident, []).append([{"ORTH": t.text} for t in nlp.make_doc(name)])
    for ident, token_patterns in exact.items():
        entities.add_exact(ident, token_patterns)
    config = {"long_length": rules.fuzzy_long_length} if rules.fuzzy_long_length else {}
    if rules.fuzzy_min_length:
        config["min_length"] = rules.fuzzy_min_length
    linker = nlp.add_pipe("fuzzy_linker", config=config)
    choices = {name: (entry.kind, entry.id, entry.country)
               for name, entry in vocabulary.fuzzy.items()}
    # a slip of a cue word is read as the cue's lemma ("folowers" -> "follower")
    lemmas = rules.lemma_table() if rules.lemma_table is not None else {}
    for word in rules.fuzzy_cue_words:
        choices.setdefault(word, ("cue", lemmas.get(word, word).lower(), None))
    # and of a fact's own word ("benifit", "platfroms"), read as the word
    for phrases in (*vocabulary.facts.values(), *vocabulary.fact_hints.values()):
        for phrase in phrases:
            if len(phrase) == 1 and len(phrase[0]) >= FACT_WORD_LENGTH and phrase[0].isalpha():
                choices.setdefault(phrase[0], (FACT_WORD, phrase[0], None))
    linker.set_choices(choices, vocabulary.common_words, nlp.tokenizer)
    # "... thanks, Kasia": a name after a sign-off is the writer's, never a fuzzy place
    linker.sign_offs = frozenset(fold_accents(" ".join(phrase)).lower()
                                 for key in COURTESY
                                 for phrase in vocabulary.cues.get(key, []))
    nlp.add_pipe("segment_finder")
    nlp.add_pipe("code_names").set_words(  # one word each: "de" of "nom de code" is none
        phrase[0] for phrase in vocabulary.cues.get("programme", []) if len(phrase) == 1)
    asker_words = {key: [fold_accents(str(w)).lower() for w in vocabulary.raw_cues.get(key, [])]
                   for key in ("asker_people", "asker_before", "asker_alone", "asker_after",
                               "asker_others", "asker_own", "asker_colleagues")}
    if any(asker_words.values()):  # languages whose cue file says how askers place themselves
        asker = nlp.add_pipe("asker_places")
        asking = [word for key in ("who", "lead") for phrase in vocabulary.cues[key]
                  for word in phrase if word not in rules.stop_words]
        asker.set_words(people=asker_words["asker_people"], before=asker_words["asker_before"],
                        alone=asker_words["asker_alone"], after=asker_words["asker_after"],
                        asking=asking, others=asker_words["asker_others"],
                        own=asker_words["asker_own"],
                        colleagues=asker_words["asker_colleagues"])
    cues = nlp.add_pipe("phrase_cues")
    cues.norms = not rules.spaced  # Japanese: Sudachi's normalised forms

    lemmas = rules.lemma_table() if rules.lemma_table is not None else None
    stop_words = rules.stop_words
    special = {key.lower() for key in getattr(nlp.tokenizer, "rules", None) or {}}  # "gotta"

    def lemmatized(table: dict[str, list[tuple[str, ...]]]) -> dict[str, list[tuple[str, ...]]]:
        """Each phrase as written and as lemmas, so "first announced" finds "first announce"."""
        out: dict[str, list[tuple[str, ...]]] = {}
        for entry, phrases in table.items():
            forms = set(phrases)
            for phrase in phrases:
                if lemmas is None:  # the tokenizer knows the words and their dictionary forms
                    doc = nlp.make_doc(" ".join(phrase))
                    forms.add(tuple(t.lower_ for t in doc if not t.is_space))
                    forms.add(tuple((t.lemma_ or t.text).lower() for t in doc if not t.is_space))
                    continue
                if all(word.isalpha() and word not in special for word in phrase):
                    words = list(phrase)  # plain words tokenize as themselves
                else:
                    words = [token.lower_ for token in nlp.make_doc(" ".join(phrase))]
                forms.add(tuple(words))
                forms.add(tuple(_lemma(lemmas, word, stop_words) for word in words))
            out[entry] = sorted(forms)
        return out

    cues.set_tables({
        "cues": lemmatized(vocabulary.cues),
        "list_kinds": lemmatized(vocabulary.list_kinds),
        "facts": lemmatized(vocabulary.facts),
        "fact_hints": lemmatized(vocabulary.fact_hints),
        "fact_denials": lemmatized(vocabulary.fact_denials),
    }, skippable=frozenset(phrase[0] for phrase in vocabulary.cues.get("softeners", [])
                           if len(phrase) == 1))
    cues.role_words, cues.role_heads, cues.role_links = (
        frozenset(phrase[0] for phrase in vocabulary.cues.get(key, []) if len(phrase) == 1)
        for key in ("role_words", "role_heads", "role_links"))
    cues.yielding = frozenset(vocabulary.general_facts)
    cues.amounts = frozenset(vocabulary.amount_facts)
