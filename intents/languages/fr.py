"""French: spaCy's blank French, lemmas from spacy-lookups-data's French lookup table (accents
folded, as questions are), cues in data/cues_fr.yaml."""

from __future__ import annotations

from collections.abc import Container
from functools import cache
from importlib.metadata import version

from intents.languages import DATA, LanguageRules, cue_words, read_language_cues
from intents.languages.cache import cache_key, read_json, words_from_text, words_to_text, write_json
from intents.languages.words import AnyOf, HashedWords, lookup_pairs, spacy_stop_words
from intents.text import fold_accents

LOOKUPS_TABLE = "fr_lemma_lookup"
FOLDED_STOP_WORDS = frozenset(fold_accents(w) for w in spacy_stop_words("fr"))


def _needed_lemmas() -> set[str]:
    """The words whose inflected forms matter: those of the cue file and of the facts."""
    from knowledge.languages import local_list
    from knowledge.loader import load_knowledge

    words: set[str] = set()
    for values in read_language_cues("fr").values():
        items = [w for group in values.values() for w in group] if isinstance(values, dict) \
            else values
        for item in items:
            words.update(fold_accents(str(item)).lower().replace("-", " ").split())
    for fact in load_knowledge().facts.values():
        for key in ("keywords", "hints", "denies"):
            for item in local_list(fact, key, "fr"):
                words.update(fold_accents(item).lower().replace("-", " ").split())
    return words


@cache
def _tables() -> tuple[dict[str, str], HashedWords]:
    """One scan of spacy-lookups-data's French table gives both: the lemmas of the words the
    cues and facts use ("dirigent" -> "diriger"), and every French word, hashed. The scan is
    kept in the user's cache, keyed by the table's version and the words needed."""
    needed = _needed_lemmas()
    name = "fr-words-" + cache_key(LOOKUPS_TABLE, version("spacy-lookups-data"),
                                   *sorted(needed)) + ".json"
    cached = read_json(name)
    try:
        if isinstance(cached, dict) and isinstance(cached["lemmas"], dict):
            return cached["lemmas"], HashedWords.from_hashes(
                words_from_text(cached["hashes"], "I"))
    except (KeyError, TypeError, ValueError):  # a file cut short or edited: scan again
        pass
    pairs = lookup_pairs(LOOKUPS_TABLE)
    lemmas = {word: lemma for word, lemma in pairs if lemma in needed and word != lemma}
    words = HashedWords(word for pair in pairs for word in pair)
    write_json(name, {"lemmas": lemmas, "hashes": words_to_text(words.hashes)})
    return lemmas, words


def lemma_table() -> dict[str, str]:
    return _tables()[0]


@cache
def common_words() -> Container[str]:
    """Everyday French and English words: fuzzy matching never turns them into names. The
    cue file's one-word entries count too ("nord", "sud": the lookup table lacks some)."""
    from intents.vocabulary import common_english_words

    cues = frozenset(fold_accents(word) for word in cue_words("fr") if " " not in word)
    return AnyOf(_tables()[1], FOLDED_STOP_WORDS, common_english_words(), cues)


RULES = LanguageRules(
    comparison_phrases=(("comme",), ("pareil", "que"), ("même", "chose", "que"),
                        ("meme", "chose", "que"), ("à", "l'instar")),
    conclusion_phrases=(("donc",), ("alors",), ("du", "coup"), ("par", "conséquent"), ("=", ">"),
                        ("-", ">"), ("=>",), ("->",), ("→",), ("=",)),
    reason_phrases=(("car",), ("puisque",), ("puisqu'",), ("parce",), ("vu", "que"),
                    ("vu", "qu'"), ("étant", "donné")),
    owner_words=frozenset({"territoire", "territoires", "colonie", "possession", "dom", "tom",
                           "drom"}),
    contrast_words=frozenset({"mais", "cependant", "pourtant"}),
    unit_words=frozenset({"equipe", "équipe", "service", "bureau", "agence", "concession",
                           "direction", "departement", "département"}),
    company_pronouns=frozenset({"il", "elle", "ils", "elles"}),
    copulas=frozenset({"est", "sont", "c'est", "cest", "ce"}),
    company_objects=frozenset({"eux", "lui", "elle", "elles"}),
    place_pointers=frozenset({"là", "la", "bas", "labas", "là-bas", "la-bas"}),
    subject_pronouns=frozenset({"c", "c'", "ca", "ça", "cela", "il", "elle"}),
    own_words=frozenset({"mon", "ma", "mes", "notre", "nos"}),
    others_words=frozenset({"sa", "son", "ses", "leur", "leurs"}),
    others_phrases=(("chez", "lui"), ("chez", "elle"), ("chez", "eux"), ("chez", "elles")),
    others_objects=(("pour", "eux"), ("pour", "lui"), ("pour", "elle"), ("pour", "elles"),
                    ("pour", "le", "client"), ("pour", "ce", "client")),
    holding_words=frozenset({"dans", "sur"}),
    own_links=frozenset({"propre", "propres", "petit", "petite"}),
    own_places=frozenset({"région", "region", "régions", "regions", "pays", "marché", "marche",
                          "marchés", "marches", "zone", "territoire", "ville", "coin",
                          "secteur", "continent"}),
    own_phrases=(("chez", "nous"), ("chez", "moi"), ("de", "chez", "nous"),
                 ("là", "où", "je", "suis"), ("la", "ou", "je", "suis")),
    code="fr",
    cue_file=DATA / "cues_fr.yaml",
    lemma_table=lemma_table,
    stop_words=FOLDED_STOP_WORDS,
    common_words=common_words,
    # "est-ce que Nissan ..." reads "est ce que" once hyphens are spaces
    yes_no_phrases=(("est", "ce"), ("c'", "est", "bien"), ("c'", "est", "vrai"), ("y", "a"),
                    ("il", "y", "a")),
    # inversion: "Nissan dirige-t-il ...", "Mitsubishi est-il ...", "Renault et Nissan sont-ils"
    inverted_subjects=frozenset({"il", "elle", "ils", "elles"}),
    relative_pronouns=frozenset({"qui", "ki"}),
    # ("c bien nissan qui ...": "c" typed for "c'est")
    cleft_openers=(("c'", "est"), ("c", "est"), ("c",), ("c'", "tu"), ("est", "-", "tu"),
                   ("est", "tu"), ("cest",), ("c'est",), ("ce", "serait"), ("c'", "serait"),
                   ("ce", "sont"), ("c'", "était"), ("c'", "etait")),
    cleft_fillers=frozenset({"bien", "vraiment", "toujours", "encore", "donc", "-", "alors"}),
    wh_words=frozenset({"où", "quand", "comment", "pourquoi", "combien"}),
    wh_edges=frozenset({"ou"}),
    yes_no_tails=frozenset({"vrai", "exact", "correct", "juste", "non", "pas", "bien",
                            "confirmes", "confirmez", "oui", "hein", "ca", "right"}),
    # ("Renault dirige pas le Japon, hein ?" is answered "Non" as French does: it doesn't)
    truth_tails=frozenset({"vrai", "exact", "correct", "juste", "confirmes", "confirmez", "ca",
                           "ça", "right"}),
    negation_openers=frozenset({"ne", "n'", "n"}),
    verb_negations=frozenset({"pas", "jamais"}),
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
    qualifying=frozenset({"en", "au", "aux", "pour", "dans", "à", "a", "sur", "chez"}),
    # French country names sit close together ("Moldavie", "Syldavie"): two edits only from ten
    fuzzy_long_length=10,
    # a question mark stays with its clause: "Nissan suit là-bas ?" asks yes or no by it
    clause_break=(r"(?<=[?!])[?!\s]*|[;\n]+|(?<=\w\w\w)\.\s+(?=[A-Z])"
                  r"|(?:\b(?:et|puis|aussi)|(?<=\s)[+&])\s+(?=(?:qui|quel|quelle|quels|quelles|"
                  r"est|que|qu|comment|combien|quand|pourquoi|où)\b)"),
)
