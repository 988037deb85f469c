"""French: spaCy's blank French, lemmas from spacy-lookups-data's French lookup table (accents
folded, as questions are), cues in data/cues_fr.yaml."""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib import resources

from spacy.lang.fr.stop_words import STOP_WORDS

from intents.languages import DATA, LanguageRules
from intents.text import fold_accents

FOLDED_STOP_WORDS = frozenset(fold_accents(w) for w in STOP_WORDS)


@cache
def lemma_table() -> dict[str, str]:
    """spacy-lookups-data's French lemma table, accents folded ("élue" -> "elu")."""
    data = resources.files("spacy_lookups_data") / "data" / "fr_lemma_lookup.json.gz"
    table = json.loads(gzip.decompress(data.read_bytes()))
    folded: dict[str, str] = {}
    for word, lemma in table.items():
        if isinstance(lemma, list):  # a few words have several lemmas: the first is commonest
            lemma = lemma[0]
        folded.setdefault(fold_accents(word).lower(), fold_accents(lemma).lower())
    return folded


@cache
def common_words() -> frozenset[str]:
    """Everyday French and English words: fuzzy matching never turns them into names."""
    from intents.vocabulary import common_english_words

    table = lemma_table()
    return frozenset(table) | frozenset(table.values()) | FOLDED_STOP_WORDS \
        | common_english_words()


RULES = LanguageRules(
    code="fr",
    cue_file=DATA / "cues_fr.yaml",
    lemma_table=lemma_table,
    stop_words=FOLDED_STOP_WORDS,
    common_words=common_words,
    # "est-ce que Nissan ..." reads "est ce que" once hyphens are spaces
    yes_no_phrases=(("est", "ce", "que"), ("est", "ce", "qu"), ("est", "ce"),
                    ("c", "est", "bien"), ("c", "est", "vrai")),
    # inversion: "Nissan dirige-t-il ...", "Mitsubishi est-il ...", "Renault et Nissan sont-ils"
    inverted_subjects=frozenset({"il", "elle", "ils", "elles"}),
    yes_no_tails=frozenset({"vrai", "exact", "correct", "juste", "non", "pas", "bien",
                            "confirmes", "confirmez", "oui", "hein", "ca", "right"}),
    request_words=frozenset({"dire", "dis", "dites", "expliquer", "explique", "expliquez",
                             "donner", "donne", "donnez", "montrer", "montre", "lister",
                             "rappeler", "rappelle", "indiquer", "indique", "savoir", "sais",
                             "savez", "preciser", "confirmer"}),
    coordinators=frozenset({"et", "&", ",", "plus", "ainsi", "aussi"}),
    choice_words=frozenset({"ou"}),
    which_words=frozenset({"quel", "quels", "quelle", "quelles", "lequel", "lesquels"}),
    fuzzy_cue_words=("dirige", "dirigent", "diriger", "leader", "leaders", "suiveur", "suiveurs",
                     "segment", "segments", "technologie", "technologies", "alliance",
                     "region", "regions", "responsable", "pilote", "quelle", "quelles"),
    intonation_questions=True,
    articles=("l'", "le ", "la ", "les "),
    # French country names sit close together ("Moldavie", "Syldavie"): two edits only from ten
    fuzzy_long_length=10,
    clause_break=(r"[?;!\n]+|(?<=\w\w\w)\.\s+(?=[A-Z])"
                  r"|\b(?:et|puis|aussi)\s+(?=(?:qui|quel|quelle|quels|quelles|est|que|"
                  r"qu|comment)\b)"),
)
