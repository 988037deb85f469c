"""`phrase_cues`: question cues ("who", "in charge", "follow") and fact keywords, on lemmas."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from intents.components.tokens import corrected_words, token_table

MAX_NGRAM = 5
# phrases read whole: no cue inside them counts ("yes/no", "gotta run", "vu que")
# (taking part, "does Nissan play any role in…": its "role" asks about no leader)
WHOLE = (("cues", "yes_or_no"), ("cues", "farewell"), ("cues", "because"), ("cues", "travel"),
         ("cues", "involved"))
# phrases whose words are no fact's hint ("who we'd be working with" asks nothing about whether
# the plan works), though a fact's keywords and other cues inside them still count
UNHINTED = (("cues", "collaborate"),)
# doc.user_data: the tokens of phrases that confirm or correct ("euh non", "no wait"): a "no"
# among them negates nothing
INSIDE_CORRECTIONS = "inside_corrections"
INSIDE_FACT_NAMES = "inside_fact_names"  # doc.user_data: tokens of a fact's several-word name
GENERAL_FACTS = "general_facts"  # doc.user_data: the facts about the model as a whole
AMOUNT_FACTS = "amount_facts"  # doc.user_data: the facts that give an amount
SOCIAL_WORDS = "social_words"  # doc.user_data: how many words greetings and thanks take
COURTESY_SPANS = "courtesy_spans"  # doc.user_data: (start, end) of each hello, thanks, goodbye
BARE_WORDS = 3  # the fewest words a phrase without its articles and softeners is found by
KANA_TYPED = "kana_typed"  # doc.user_data: a cue was read only by a word's normalised form
# courtesy that asks nothing: hello, thanks, goodbye
COURTESY = ("greeting", "thanks", "farewell")
SOCIAL = frozenset({*COURTESY, "pleasantry"})
# what may join the two halves of the model's name ("leader-suiveur", "リーダー・フォロワー")
MODEL_JOINERS = frozenset({"・", "/", "／", "-", "‐", "=", "＝"})


@Language.factory("phrase_cues")
def make_phrase_cues(nlp: Language, name: str) -> PhraseCues:
    return PhraseCues()


class PhraseCues:
    """Find question cues ("who", "in charge", "follow") and fact keywords on lemmas.

    All tables share one phrase index, so the question is scanned once whatever their number.
    """

    def __init__(self) -> None:
        self.index: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        self.first_words: set[str] = set()
        self.order: dict[str, list[str]] = {}
        # facts about the model as a whole: "who announced this model?" asks another fact
        self.yielding: frozenset[str] = frozenset()
        self.amounts: frozenset[str] = frozenset()  # facts giving an amount ("about half")
        # words are also read by the tokenizer's normalised form (Sudachi: "きまる" -> "決まる",
        # "だれ" -> "誰"; a word left in kana by the input method is the word)
        self.norms = False
        # words a phrase is also found without: articles and softeners
        self.skippable: frozenset[str] = frozenset()
        # nouns a role is said of, skipped right after a role's word ("a follower company")
        self.role_heads: frozenset[str] = frozenset()
        self.role_words: frozenset[str] = frozenset()
        self.role_links: frozenset[str] = frozenset()  # "リーダーの会社": the の between
        self.bare_index: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        self.bare_first: set[str] = set()

    def set_tables(self, tables: dict[str, dict[str, list[tuple[str, ...]]]],
                   skippable: frozenset[str] = frozenset()) -> None:
        """`tables`: table name ("cues", "facts", ...) -> entry name -> phrases. `skippable`:
        articles and softeners, which a phrase is also found without ("what does the leader
        do exactly?" is "what does a leader do")."""
        self.index, self.skippable = {}, skippable
        self.order = {name: list(entries) for name, entries in tables.items()}
        for name, entries in tables.items():
            for entry, phrases in entries.items():
                for phrase in phrases:
                    if phrase:
                        self.index.setdefault(phrase, []).append((name, entry))
        self.first_words = {phrase[0] for phrase in self.index}
        self.bare_index = {}
        for phrase, entries in self.index.items():
            bare = tuple(word for word in phrase if word not in skippable)
            # two words left are too few to stand for the phrase ("being a follower" is not
            # "who are the followers")
            if len(bare) >= BARE_WORDS:
                self.bare_index.setdefault(bare, []).extend(entries)
        self.bare_first = {phrase[0] for phrase in self.bare_index}

    def _role_heads(self, lemmas: list[str]) -> set[int]:
        """The nouns a role is said of right after its word ("a follower company", "リーダーの
        会社"), with the particle between."""
        found: set[int] = set()
        for i, lemma in enumerate(lemmas):
            if lemma not in self.role_heads or not i:
                continue
            if lemmas[i - 1] in self.role_words:
                found.add(i)
            elif i > 1 and lemmas[i - 1] in self.role_links and lemmas[i - 2] in self.role_words:
                found |= {i - 1, i}
        return found

    def __call__(self, doc: Doc) -> Doc:
        corrected = corrected_words(doc)
        tokens = token_table(doc)
        lemmas = [corrected.get(i, lemma) for i, lemma in enumerate(tokens.lemmas)]
        found: set[tuple[str, str, int, int]] = set()
        for sequence in (lemmas, tokens.lowers):
            found.update(_find(sequence, self.index, self.first_words))
        heads = self._role_heads(lemmas)
        kept = [i for i, lemma in enumerate(lemmas) if lemma not in self.skippable
                and i not in heads]
        if len(kept) < len(lemmas):
            # found without articles and softeners ("what do followers actually do?"), placed
            # back where its words stand in the question
            found.update((name, entry, kept[start], kept[start + size - 1] + 1 - kept[start])
                         for name, entry, start, size in _find([lemmas[i] for i in kept],
                                                               self.bare_index, self.bare_first))
        norms = [token.norm_ for token in doc] if self.norms else lemmas
        if norms != lemmas:
            as_typed = len(found)
            found.update(_find(norms, self.index, self.first_words))
            # a word typed in kana: names may be too ("るのーがりーだーじゃないちいきは？")
            doc.user_data[KANA_TYPED] = len(found) > as_typed
        # a tag closing the question ("... or what?", "... ou quoi ?") asks nothing itself:
        # the cues inside it ("what", "or") are not read; nor those of a goodbye ("gotta run")
        last = max((i for i, punct in enumerate(tokens.punct) if not punct), default=-1)
        tagged = {i for name, entry, start, size in found
                  if (name, entry) == ("cues", "tag") and start + size - 1 == last
                  or (name, entry) in WHOLE
                  for i in range(start, start + size)}
        # the model's own name ("leader-suiveur", "リーダー・フォロワー") asks about no role: a
        # word of leading right before one of following, at most a joiner between
        roles = {(entry, start, size) for name, entry, start, size in found
                 if name == "cues" and entry in ("lead", "follow")}
        named = {start for entry, start, size in roles if entry == "lead" and any(
            other == "follow" and (at == start + size or at == start + size + 1
                                   and tokens.lowers[start + size] in MODEL_JOINERS)
            for other, at, _ in roles)}
        named |= {at for entry, start, size in roles if start in named
                  for other, at, _ in roles if other == "follow" and start < at <= start + size + 1}
        unhinted = {i for name, entry, start, size in found if (name, entry) in UNHINTED
                    for i in range(start, start + size)}
        # a negation inside a phrase that confirms ("間違いない": no mistake, so certain) or
        # corrects ("euh non le Maroc") negates nothing
        confirming = {i for name, entry, start, size in found
                      if name == "cues" and entry in ("confirm", "correction", "correction_weak")
                      for i in range(start, start + size)}
        doc.user_data[INSIDE_CORRECTIONS] = confirming
        # the tokens of a fact's own name of several words ("Jean Dominique Senard"): a place's
        # name inside it is the name's, not a place asked about
        doc.user_data[INSIDE_FACT_NAMES] = {i for name, entry, start, size in found
                                            if name == "facts" and size > 1
                                            for i in range(start, start + size)}
        matches = {(name, entry, start) for name, entry, start, _ in found
                   if (start not in tagged or (name, entry) in (("cues", "tag"), *WHOLE))
                   and not (name == "fact_hints" and start in unhinted)
                   and not ((name, entry) == ("cues", "negation") and start in confirming)
                   and not (name == "cues" and entry in ("lead", "follow") and start in named)}
        counts: dict[tuple[str, str], int] = {}
        # where each question cue starts: which clause of a message carries the question
        cue_starts: dict[int, set[str]] = {}
        for name, entry, start in matches:
            counts[name, entry] = counts.get((name, entry), 0) + 1
            if name == "cues":
                cue_starts.setdefault(start, set()).add(entry)
        doc.user_data["cue_starts"] = cue_starts
        # how many words courtesy takes ("hey, good morning, how's it going?"): they ask nothing
        doc.user_data[SOCIAL_WORDS] = len({i for name, entry, start, size in found
                                           if name == "cues" and entry in SOCIAL
                                           for i in range(start, start + size)})
        doc.user_data[COURTESY_SPANS] = sorted({
            (start, start + size) for name, entry, start, size in found
            if name == "cues" and entry in COURTESY and (name, entry, start) in matches})
        doc.user_data[GENERAL_FACTS] = self.yielding
        doc.user_data[AMOUNT_FACTS] = self.amounts
        for name, entries in self.order.items():
            # in the order the data lists them, so ties go to the entry listed first
            setattr(doc._, name, {e: counts[name, e] for e in entries if (name, e) in counts})
        return doc


def _find(words: list[str], index: dict[tuple[str, ...], list[tuple[str, str]]],
          first: set[str]) -> Iterable[tuple[str, str, int, int]]:
    """(table, entry, start, size) for every phrase of `index` found in `words`."""
    for start in range(len(words)):
        if words[start] not in first:
            continue
        for size in range(1, min(MAX_NGRAM, len(words) - start) + 1):
            for name, entry in index.get(tuple(words[start:start + size]), ()):
                yield name, entry, start, size
