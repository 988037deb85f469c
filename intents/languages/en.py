"""English: spaCy's blank English, lemmas from spacy-lookups-data, cues in data/cues.yaml."""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

from intents.languages import DATA, LanguageRules


def _lemmas() -> dict[str, str]:
    from intents.vocabulary import lemma_lookup_table

    return lemma_lookup_table()


def _common() -> frozenset[str]:
    from intents.vocabulary import common_english_words

    return common_english_words()


RULES = LanguageRules(
    comparison_phrases=(("like",), ("same", "as"), ("as", "in"), ("similar", "to"),
                        ("just", "like")),
    conclusion_phrases=(("so",), ("hence",), ("thus",), ("therefore",), ("ergo",), ("=", ">"),
                        ("-", ">"), ("=>",), ("->",), ("→",), ("=",)),
    owner_words=frozenset({"territory", "territories", "owned", "colony", "dependency"}),
    reason_phrases=(("because",), ("bc",), ("b/c",), ("cuz",), ("coz",), ("cause",),
                    ("since",), ("as", "of"), ("given",)),
    contrast_words=frozenset({"but", "however", "though"}),
    # "it is Renault who leads there, no?": "who" right after the company a cleft puts forward
    # links it to its verb and asks nobody's name
    relative_pronouns=frozenset({"who"}),
    cleft_openers=(("it", "is"), ("it", "'s"), ("it", "’s"), ("its",), ("it", "was"),
                   ("is", "it"), ("was", "it")),
    cleft_fillers=frozenset({"really", "actually", "definitely", "indeed", "still", "not"}),
    company_pronouns=frozenset({"they", "it", "he", "she"}),
    copulas=frozenset({"is", "'s", "’s", "are", "was", "thats", "its", "be"}),
    company_objects=frozenset({"them", "em", "'em"}),
    place_pointers=frozenset({"there"}),
    subject_pronouns=frozenset({"it", "its", "it's", "thats", "that's", "that"}),
    own_words=frozenset({"my", "our", "mine", "ours"}),
    others_words=frozenset({"his", "her", "their"}),
    others_objects=(("for", "them"), ("for", "him"), ("for", "her"), ("for", "the", "client"),
                    ("for", "the", "customer"), ("for", "that", "customer"),
                    ("for", "that", "client")),
    holding_words=frozenset({"in", "on", "into", "onto", "to", "from", "off", "inside",
                             "within"}),
    own_links=frozenset({"own", "home", "local", "current", "part", "of", "the", "neck"}),
    own_places=frozenset({"region", "market", "country", "area", "territory", "zone", "city",
                          "place", "location", "continent", "patch", "turf", "world", "woods"}),
    own_phrases=(("where", "i", "am"), ("where", "i'm"), ("where", "we", "are"),
                 ("where", "i", "work"), ("where", "i", "live"), ("where", "we're")),
    code="en",
    cue_file=DATA / "cues.yaml",
    lemma_table=_lemmas,
    stop_words=frozenset(STOP_WORDS),
    common_words=_common,
    yes_no_openers=frozenset({"is", "are", "does", "do", "did", "will", "would", "can", "could",
                              "has", "have", "was", "were", "should", "isn't", "doesn't",
                              "aren't", "won't", "am", "isnt", "doesnt", "shall", "wasn't",
                              "didn't"}),
    yes_no_tails=frozenset({"right", "correct", "true", "yes", "confirm", "yeah", "yea", "yep",
                            "huh", "eh"}),
    # (and the tags of English questions: "… doesn't it?" after a negation is "does it?")
    truth_tails=frozenset({"right", "correct", "true", "confirm", "yeah", "yea", "does it",
                           "do they", "is it", "are they", "did it", "did they"}),
    request_words=frozenset({"tell", "explain", "give", "show", "say", "let", "list", "know",
                             "remind", "help", "share", "clarify", "confirm", "describe",
                             "summarise", "summarize", "check", "find", "point", "walk"}),
    coordinators=frozenset({"and", "&", ",", "plus", "also", "+", "vs", "versus"}),
    choice_words=frozenset({"or"}),
    which_words=frozenset({"which", "what"}),
    fuzzy_cue_words=("lead", "leads", "leader", "leaders", "leading", "follow", "follows",
                     "follower", "followers", "segment", "segments", "technology", "technologies",
                     "which", "alliance", "region", "regions", "country", "responsible",
                     "charge"),
    clause_break=(r"[?;!\n]+|(?<=\w\w\w)\.\s+(?=[A-Z])"
                  r"|\b(?:and|also|plus|but|then)\s+(?=(?:who|what|which|is|does|do|are|how)\b)"),
)
