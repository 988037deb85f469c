"""Which places of a message the question is about, and which only locate the asker.

A message often says where its author sits as well as what they ask ("hi from Lyon! who leads
Brazil?", "our Osaka plant wants the Chile lead", "(nissan NA) who leads Brazil?"). The reading
here is structural, on the spaCy Doc: the message is cut into clauses at punctuation, brackets,
emoji and contrastive conjunctions ("but", "though"); the clause holding a question cue (the cue
tables' lemmas, positions kept by `phrase_cues`) is the question's clause; a place is

- *focus* when a focus word introduces it ("about Vietnam", "for the Jakarta team") or a
  question cue comes between the asker's words and it ("I'd like to know who leads Chile");
- *asker* (strong context) when it only describes the asker: after a first-person word or a
  presence word ("I visit Germany", "sitting in Lyon", "we have dealers in Georgia"), in a
  greeting or sign-off ("hi from Lyon", "cheers, Lyon team"), or written "Lyon here";
- *aside* (weak context) when it only locates the message: in brackets, "from X," before the
  question, a place naming a unit without anyone's word before it ("the Lyon office"), or an
  abbreviation glued to a company ("nissan NA").

Context is dropped only when a focus is left; a message whose every place describes the asker
("I'm in Tokyo, who leads here?") is about the asker's place.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Span

from intents.components import token_table
from intents.languages.en import RULES as EN
from intents.vocabulary import read_cues

FOCUS = "focus"
ASKER = "asker"
ASIDE = "aside"
PLAIN = "plain"  # nothing says either way: part of the question
# Cue entries that carry a question: the clause holding one is the question's clause.
QUESTION_CUES = frozenset({"who", "lead", "follow", "what", "list", "same_question", "inclusion",
                           "correction"})  # ("sorry i meant australia": the place is asked)
BREAK_PUNCT = frozenset({",", ":", ";", "-", "–", "—", "(", ")", "[", "]", "|", "/", "!", ".",
                         "...", "…", "~"})
NOT_BREAKS = frozenset({"&", "'", "'s", "\"", "`", "#", "@", "$", "%", "+", "?", "*", "_"})
COORDINATORS = frozenset({"and", "or", "&", "plus", ",", "vs", "versus", "n"})
# words that set the entity after them aside ("not China", "pas Paris", "米国ではなく")
NEGATORS = frozenset({"not", "no", "except", "besides", "outside", "excluding", "hors", "pas",
                      "sauf", "hormis", "non", "excepté", "excepte",
                      "ではなく", "じゃなく"})
# verbs that report a claim: the place after them is what is claimed, not where anyone is
REPORTING = frozenset({"says", "said", "say", "thinks", "think", "thought", "claims", "told",
                       "reckons", "insists", "believes", "swears", "dit", "pense", "affirme"})
# asker words that are also nouns ("I work in Lyon" / "the work in China"), and the articles
# that make them nouns
NOUN_OR_VERB = frozenset({"work", "works", "stay", "visit", "trip"})
ARTICLES = frozenset({"the", "a", "an", "this", "that", "its", "their"})
# words that open a premise: the place after them is argued about ("since Guam is a US
# territory, ..."), not where the message comes from: English's reason and conclusion words
# (intents/languages/en.py), and "if"
ARGUING = frozenset({phrase[0] for phrase in (*EN.reason_phrases, *EN.conclusion_phrases)
                     if len(phrase) == 1} | {"as", "if"})
DETERMINERS = frozenset({"the", "a", "an", "our", "my", "its", "their", "this", "that", "'s"})
OWN = frozenset({"our", "my"})
# words that join a place to the one before it as its like ("in Tunisia and also in Japan")
ALSO = frozenset({"also", "too", "even", "plus"})
PLACE_LABELS = frozenset({"REGION", "AREA", "ZONE", "COUNTRY", "CITY", "SUBDIVISION", "SHARED"})
# words that may open a bracket saying where the place before it is ("(the one in Ontario")
BRACKET_APPOSITION = frozenset({"the", "one", "in", "of", "that", "which", "is", "located",
                                "city", "i", "mean", "meaning", "ie", "i.e.", "aka"})


@dataclass(frozen=True)
class FocusWords:
    asker: frozenset[str]  # first-person and presence words ("I", "our", "based", "sitting")
    locative: frozenset[str]  # "in", "at", "from", "out of"
    units: frozenset[str]
    markers: frozenset[str]
    with_others: frozenset[str]  # "with", "supporting": the unit after them is others'
    people_units: frozenset[str]  # "colleagues": others' even when "our"
    other_people: frozenset[str]  # "my colleague", "my boss": someone else than the asker
    weak_markers: frozenset[str]
    origin: frozenset[str]
    origin_move: frozenset[str]  # "quitte", "leaving", "de": the place after is left behind
    origin_after: frozenset[str]  # "から": the place before is left behind
    place_adjectives: frozenset[str]  # "her new market": still hers
    breaks: frozenset[str]
    greeting: frozenset[str]
    two_word_places: frozenset[str]  # "out of": the place after them is where someone is
    asking: frozenset[str]
    after_place: frozenset[str]
    openers: frozenset[str]  # "is", "does": a place right after one is the question's subject


def _words(phrases: list[str]) -> frozenset[str]:
    return frozenset(word for phrase in phrases for word in phrase.lower().split())


@cache
def read_focus_data() -> dict:
    return yaml.safe_load((resources.files("intents") / "data" / "focus.yaml")
                          .read_text(encoding="utf-8"))


@cache
def focus_words() -> FocusWords:
    cues = read_cues()
    data = read_focus_data()
    return FocusWords(
        asker=_words(cues["asker"]), locative=_words(cues["asker_place"]),
        units=_words(data["asker_unit"]), markers=_words(data["focus_marker"]),
        with_others=_words(data["with_others"]), people_units=_words(data["people_units"]),
        other_people=_words(data["other_people"]) | _words(data["people_units"]),
        weak_markers=_words(data["focus_weak"]),
        origin=frozenset(p.lower() for p in data["origin"]),  # phrases: "of" alone is none
        origin_move=_words(data["origin_move"]), origin_after=_words(data["origin_after"]),
        place_adjectives=_words(data["place_adjectives"]),
        breaks=_words(data["clause_break"]),
        greeting=_words(cues["greeting"]) | _words(cues["thanks"])
        | {"regards", "best", *(str(w) for w in cues["farewell"] if " " not in str(w))},
        asking=_words(cues["asking"]), after_place=_words(data["after_place"]),
        openers=_words(cues["yes_no_openers"]),
        two_word_places=frozenset(p.lower() for p in [*cues["asker_place"], *data["origin"]]
                                  if len(p.split()) == 2))


def bracketed_tokens(doc: Doc) -> set[int]:
    """The tokens inside brackets: "who leads Norway (EV heaven lol)"."""
    return _clauses(doc, focus_words())[1]


def _clauses(doc: Doc, words: FocusWords) -> tuple[list[int], set[int]]:
    """Each token's clause number, and the tokens inside brackets."""
    lowers = token_table(doc).lowers
    clause, numbers, bracketed, depth = 0, [], set(), 0
    for i, lower in enumerate(lowers):
        # emoji and emoticons (":)", "^^", "\U0001f44b") end a clause as punctuation does
        emoji = not any(ch.isalnum() or ch.isspace() for ch in lower) and \
            lower not in NOT_BREAKS
        if lower in BREAK_PUNCT or lower in words.breaks or emoji:
            clause += 1
        depth += (lower in ("(", "[")) - (lower in (")", "]"))
        depth = max(depth, 0)
        if depth and lower not in ("(", "["):
            bracketed.add(i)
        numbers.append(clause)
    return numbers, bracketed


def place_roles(doc: Doc) -> dict[int, str]:
    """Entity start -> FOCUS, ASKER, ASIDE or PLAIN, for every place entity of `doc`."""
    words = focus_words()
    table = token_table(doc)
    lowers, lemmas = table.lowers, table.lemmas
    cue_at: dict[int, set[str]] = doc.user_data.get("cue_starts", {})
    ents = list(doc.ents)
    covered = {i for ent in ents for i in range(ent.start, ent.end)}
    question_at = {i for i, entries in cue_at.items() if entries & QUESTION_CUES
                   and i not in covered}
    numbers, bracketed = _clauses(doc, words)
    cue_clauses = {numbers[i] for i in question_at}
    asking_clauses = cue_clauses | {
        numbers[i] for i, lemma in enumerate(lemmas) if lemma in words.asking}
    first_question = min(question_at, default=len(doc))

    def is_asker_word(i: int) -> bool:
        if i in covered or not (lowers[i] in words.asker or lemmas[i] in words.asker):
            return False
        # "the connected-tech work in China": a noun after an article, nobody's whereabouts
        return lowers[i] not in NOUN_OR_VERB or not any(
            lowers[j] in ARTICLES for j in range(max(0, i - 3), i))

    roles: dict[int, str] = {}
    previous_end, previous_role = 0, PLAIN
    for ent in ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        start, clause = ent.start, numbers[ent.start]
        clause_start = next((i for i in range(start, -1, -1) if numbers[i] != clause), -1) + 1
        span = range(max(previous_end, clause_start), start)
        before = [i for i in span if lowers[i] not in DETERMINERS]
        near = lowers[before[-1]] if before else ""
        near2 = " ".join(lowers[i] for i in before[-2:])
        after = lowers[ent.end] if ent.end < len(doc) else ""
        # ("detroit office here": the unit, then "here")
        here = after == "here" or after in words.units and ent.end + 1 < len(doc) \
            and lowers[ent.end + 1] == "here"
        unit = after in words.units or (here and clause not in asking_clauses)
        asks = clause in asking_clauses
        window = set(lowers[previous_end:start])
        person = [i for i in span if is_asker_word(i)]  # "our" too
        # the words naming people, the asker or not ("client sits in Jakarta")
        people = sorted({*person, *(i for i in span if lowers[i] in words.other_people)})
        cue_between = bool(person) and any(person[-1] < i < start for i in question_at)
        greeting = any(lowers[i] in words.greeting for i in range(clause_start, start))
        # "out of Osaka" is where someone is; "of Osaka" alone (the lead of Osaka) is a focus
        located = near2 in words.two_word_places
        weak = near in words.weak_markers and not unit and not located
        origin = near in words.origin or near2 in words.origin
        if origin and people and _someone_elses(lowers, people, words):
            role = ASIDE  # "my supplier is out of Lyon": that person's place, not the asker's
        elif origin and person or origin and unit:
            # "my boss from Osaka wants the lead for France": nobody leads from; "quick q from
            # the paris office: ..." is where the message comes from
            role = ASKER
        elif near in words.markers or weak or cue_between or _for_a_unit_there(lowers, span,
                                                                              words) \
                or (before and before[-1] in question_at):
            role = FOCUS
        elif previous_role in (ASKER, ASIDE) and previous_end and (
                start == previous_end or window and
                window - DETERMINERS <= COORDINATORS | words.locative | ALSO):
            # "we have dealers in Georgia and Armenia", "with Nissan Europe in Amsterdam",
            # "I live in Perth Australia"
            role = previous_role
        elif people and _someone_elses(lowers, people, words) \
                and not REPORTING.intersection(lowers[i] for i in span):
            role = ASIDE  # "my colleague is in Shanghai": someone else's place sets the scene
        elif person and (not asks or near in words.locative or located or unit) \
                and not REPORTING.intersection(lowers[i] for i in span):
            # "I visit Germany a lot", "my team in Madrid needs ..."; not "my manager says
            # Mexico is Renault", where the place is what is claimed
            role = ASKER
        elif _followed_by(lowers, ent.end, words.after_place):
            role = ASKER  # "as a Berlin-based analyst, ..."
        elif greeting and not asks or unit and here:
            role = ASKER  # "hi from Lyon!", "Lyon here, quick q"
        elif start in bracketed and previous_end and lowers[previous_end:start][:1] in (
                ["("], ["["]) and set(lowers[previous_end + 1:start]) <= BRACKET_APPOSITION:
            # "Valencia (Spain)", "London (the Ontario one, not the UK)", "London (the one in
            # Ontario)": the bracket says where that place is
            role = previous_role
        elif start in bracketed or (unit and not asks) or _glued_to_company(doc, ent.start):
            role = ASIDE
        elif origin and (not asks and start < first_question or clause not in cue_clauses):
            role = ASIDE  # "From Madrid, who leads Indonesia?", "... asking from Tokyo"
        elif not asks and start < first_question and before and near not in words.openers \
                and near not in ARGUING | REPORTING and (
                (near in words.locative and any(table.alpha[i] for i in before[:-1]))
                or (table.alpha[before[-1]] and near not in COORDINATORS | words.locative)
                or (near in words.locative and _asked_place_after(ents, start, numbers,
                                                                  asking_clauses))):
            # "just landed in Rome ✈️ who leads Mexico?", "visiting Jakarta this week, who
            # leads Canada?", "in Rabat today but asking about Laos"; not "In Brazil, who" nor
            # "Europe and Japan, who" nor "is Portugal part of ...?"
            role = ASIDE
        elif unit and ent.start < first_question and not before:
            role = ASIDE
        else:
            role = PLAIN
        roles[start] = role
        previous_end, previous_role = ent.end, role
    return roles


def _someone_elses(lowers: list[str], person: list[int], words: FocusWords) -> bool:
    """The person a place is given to is someone else: the last word naming a person ("my
    boss is sitting in Auckland": "my boss", not "sitting") is "my colleague", "our boss"."""
    named = [i for i in person if lowers[i] in OWN | words.other_people | SELF]
    return bool(named) and _someone_else(lowers, named[-1], words)


SELF = frozenset({"i", "i'm", "im", "we", "we're", "me", "us", "i've", "we've"})


def _someone_else(lowers: list[str], last: int, words: FocusWords) -> bool:
    """The last first-person word before a place is "my colleague", "our boss": someone else."""
    if lowers[last] in words.other_people:
        # "my boss", and a person said with no word before ("boss is in Detroit")
        before = lowers[last - 1] if last else ""
        return before in OWN or not before or not before.isalpha()
    return lowers[last] in OWN and last + 1 < len(lowers) \
        and lowers[last + 1] in words.other_people


def _asked_place_after(ents: list[Span], start: int, numbers: list[int],
                       asking_clauses: set[int]) -> bool:
    """Another place comes later, in a clause that asks the question."""
    return any(ent.label_ in PLACE_LABELS and ent.start > start
               and numbers[ent.start] in asking_clauses for ent in ents)


def _for_a_unit_there(lowers: list[str], span: range, words: FocusWords) -> bool:
    """"I ask for colleagues in Mumbai", "for our people at the Kyiv plant": a focus word
    before a unit placed by a preposition makes the place the focus; so does a word of working
    with others before one that is nobody's own ("I work with the team in Manila", not "with my
    team in Madrid")."""
    i, units = span.stop - 1, 0
    while i >= span.start and (lowers[i] in DETERMINERS or lowers[i] in words.locative
                               or lowers[i] in words.units):
        units += lowers[i] in words.units
        i -= 1
    if not (units > 0 and i >= span.start and lowers[span.stop - 1] in words.locative
            | DETERMINERS):
        return False
    own = any(lowers[j] in OWN for j in range(i + 1, span.stop)) and not any(
        lowers[j] in words.people_units for j in range(i + 1, span.stop))
    return lowers[i] in words.markers or lowers[i] in words.with_others and not own


def _followed_by(lowers: list[str], end: int, following: frozenset[str]) -> bool:
    """The word after a place, past one hyphen, is one of `following`."""
    rest = lowers[end:end + 2]
    if rest[:1] == ["-"]:
        rest = rest[1:]
    return bool(rest) and rest[0] in following


def _glued_to_company(doc: Doc, start: int) -> bool:
    """"nissan NA": a short capitalised abbreviation right after a company names its unit."""
    if not start or doc[start - 1].ent_type_ != "COMPANY":
        return False
    text = doc[start].text
    return text.isupper() and len(text) <= 3
