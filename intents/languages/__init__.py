"""Per-language resources for the pipeline and the intent step: one module per language.

Each module gives a `LanguageRules`: the spaCy language, its cue file, its lemma table, and the
few grammar words the intent step reads (how a yes/no question opens or ends, how names are
joined). The understanding logic itself is shared: it reads these, never a language's words.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader

LANGUAGES = ("en", "fr", "ja")
DEFAULT_LANGUAGE = "en"
DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class LanguageRules:
    code: str
    cue_file: Path
    # word -> lemma (lower case, accents folded); None: the tokenizer sets lemmas (Japanese)
    lemma_table: Callable[[], dict[str, str]] | None
    stop_words: frozenset[str]
    common_words: Callable[[], Container[str]]  # everyday words fuzzy matching never corrects
    yes_no_openers: frozenset[str] = frozenset()  # first word of a yes/no question
    yes_no_tails: frozenset[str] = frozenset()  # last word of one ("..., right?")
    # a word that opens a negation a tail may close ("ne dirige pas": not the tail "pas")
    negation_openers: frozenset[str] = frozenset()
    # negations that close the verb before them ("Nissan (ne) lead pas", spoken French)
    verb_negations: frozenset[str] = frozenset()
    yes_no_phrases: tuple[tuple[str, ...], ...] = ()  # ("est", "ce", "que") anywhere at start
    yes_no_endings: frozenset[str] = frozenset()  # final particles ("か"): yes/no unless asking who
    inverted_subjects: frozenset[str] = frozenset()  # "Nissan dirige-t-il ...": pronoun after verb
    # question words other than "who" and "what": a question that has one asks no yes/no
    # ("où Renault est-il leader ?")
    wh_words: frozenset[str] = frozenset()
    # question words that, accents dropped, are other words inside a sentence ("où"/"ou"):
    # question words only first or last
    wh_edges: frozenset[str] = frozenset()
    # the words that open a cleft before a company ("c'est Renault qui ..."), and those that may
    # stand between ("bien")
    cleft_openers: tuple[tuple[str, ...], ...] = ()
    cleft_fillers: frozenset[str] = frozenset()
    # relative pronouns: right after a company they ask nothing ("c'est bien Renault qui ...")
    relative_pronouns: frozenset[str] = frozenset()
    # a statement about a company with a question mark asks yes or no ("Nissan suit là-bas ?")
    intonation_questions: bool = False
    request_words: frozenset[str] = frozenset()  # "can you tell me ..." is not a yes/no question
    coordinators: frozenset[str] = frozenset()  # "Europe and hydrogen"
    choice_words: frozenset[str] = frozenset()  # "Nissan or Renault"
    which_words: frozenset[str] = frozenset()  # "which" before a kind word ("which markets")
    # a question word after a kind word and one of the links ("地域ってどこ", "地域はどれ")
    which_after: frozenset[str] = frozenset()
    which_after_links: frozenset[str] = frozenset()
    fuzzy_cue_words: tuple[str, ...] = ()  # cue words a typo is corrected to
    spaced: bool = True  # words are separated by spaces (names need no tokenizer)
    # fuzzy matching only for names in Latin letters or katakana (typed by sound; kanji names
    # come whole from the input method)
    fuzzy_phonetic_only: bool = False
    clause_break: str = ""  # regular expression splitting compound questions
    articles: tuple[str, ...] = ()  # leading articles names are also matched without
    # prepositions before a new subject in a follow-up that narrow the one in context ("et pour
    # le connected ?" keeps the place); English keeps its own list in intents/understand.py
    qualifying: frozenset[str] = frozenset()
    # names this long and longer may be two edits away from a typo (None: the shared threshold)
    fuzzy_long_length: int | None = None
    fuzzy_min_length: int | None = None  # shorter names are matched exactly only
    # the asker's own place: a possessive ("our"), words that may follow it ("own"), then a
    # kind of place ("market"); or a whole phrase ("chez nous")
    own_words: frozenset[str] = frozenset()
    own_links: frozenset[str] = frozenset()
    own_places: frozenset[str] = frozenset()
    own_phrases: tuple[tuple[str, ...], ...] = ()
    # someone else's place, read like the asker's: "his region", "sa région", "chez lui",
    # "上司の地域" (the people words of intents/data/focus.yaml are possessors too)
    others_words: frozenset[str] = frozenset()
    others_phrases: tuple[tuple[str, ...], ...] = ()
    # the same person as the object of the question ("... who leads for them?", "pour eux"):
    # someone else's place only where the message placed someone else
    others_objects: tuple[tuple[str, ...], ...] = ()
    # "it's in my shipment list", "sur ma liste": a list word after one of these names a list
    # something is in, not a request for the plan's list
    holding_words: frozenset[str] = frozenset()
    # or, after the list word, words saying something is in it ("出荷リストに入ってます"), as lemmas
    holding_after: tuple[tuple[str, ...], ...] = ()
    # "Turkey is in Europe, so Renault?": after a conclusion word the claim before it is a
    # premise; "NZ is Nissan because of the Japanese cars": after a reason word, a reason
    conclusion_phrases: tuple[tuple[str, ...], ...] = ()
    reason_phrases: tuple[tuple[str, ...], ...] = ()
    # a last sentence ending on one of these gives a reason ("日本に近いし", "隣だから")
    reason_endings: frozenset[str] = frozenset()
    # "Kazakhstan, Renault like in Russia?": a place after a comparison word is the yardstick
    comparison_phrases: tuple[tuple[str, ...], ...] = ()
    # gives back memory the build touched once and answering may not need (Sudachi's pages)
    # a later clause opening with one of these is about the subject asked before it: "who
    # leads Guam? it's US but in the Pacific" argues about Guam rather than asking about the US
    subject_pronouns: frozenset[str] = frozenset()
    # pronouns standing for the company the last answer named ("do they also lead X?")
    company_pronouns: frozenset[str] = frozenset()
    # "so Thailand is them?", "c'est eux ?": a copula, at most one filler, then a pronoun
    # standing for that company: a claim that it leads the subject
    copulas: frozenset[str] = frozenset()
    company_objects: frozenset[str] = frozenset()
    # a claim needs no word for its subject: "メキシコもリードしてるよね？" after a company
    drops_subjects: bool = False
    # words that point back at a place ("there", "là-bas"): "and there?" asks about it
    place_pointers: frozenset[str] = frozenset()
    # the last words of a tag asking whether a statement is true ("…, right?", "…, c'est ça ?"),
    # not an intonation tag ("…, hein ?"): a negated claim tagged so is answered by its truth
    truth_tails: frozenset[str] = frozenset()
    # a negated question that suggests the plain claim ("ルノー担当じゃなかったっけ？", "ルノーじゃ
    # ない？"): answered as the plain question, not as a negated claim (regular expression)
    suggesting: str = ""
    # "Guam, a US territory", "アメリカ領": a place beside one of these words owns the place asked
    owner_words: frozenset[str] = frozenset()
    # "X leads Y, but what about Z?": what follows the contrast word is what is asked
    contrast_words: frozenset[str] = frozenset()
    # words naming a team, an office or a shop, beside English's (intents/data/focus.yaml):
    # "l'équipe marketing", "販売店"
    unit_words: frozenset[str] = frozenset()
    # words for a kind of place after its name ("ルリタニア王国", "ゾルバ州")
    place_kinds: frozenset[str] = frozenset()
    release_memory: Callable[[], object] | None = None
    # names typed by their reading ("ほくべい"): the readings of names, and the text respelled
    readings: Callable[[Any, list[str]], dict[str, str]] | None = None
    respelled: Callable[..., str] | None = None
    # letters typed for the look-alike letters of a name ("ベトナ厶" for "ベトナム"), put right
    # where the name they complete is known (its readings)
    unconfused: Callable[..., str] | None = None
    # the names in katakana by what their ways of writing share ("クイーンズランド" and
    # "クインズランド"), for `unconfused`
    variant_names: Callable[[Iterable[str]], dict[str, str]] | None = None
    # other ways the language writes a cue phrase (Japanese may drop a loanword's final long
    # vowel: "リーダ" for "リーダー"), read as the phrase
    spellings: Callable[[str], list[str]] | None = None


@cache
def rules_for(code: str) -> LanguageRules:
    """The rules of one language (`en`, `fr`, `ja`), its module imported on first use."""
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r} (expected one of {', '.join(LANGUAGES)})")
    return import_module(f"intents.languages.{code}").RULES


@cache
def cue_words(code: str) -> frozenset[str]:
    """The entries of a language's cue lists, lower case: everyday words of the questions,
    which fuzzy matching never turns into names ("nord", "sud")."""
    return frozenset(str(word).lower() for values in read_language_cues(code).values()
                     if isinstance(values, list) for word in values)


@cache
def read_language_cues(code: str) -> dict:
    return yaml.load(rules_for(code).cue_file.read_text(encoding="utf-8"), Loader=SafeLoader)
