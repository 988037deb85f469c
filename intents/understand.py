"""Decide what one clause asks: intent, targets, companies, facts and a confidence.

Entity extraction is the pipeline's job; this module only reads its annotations, and the
fallback decision (ask back or decline) reads the named thresholds in `intents.thresholds`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span

from intents import thresholds
from intents.components import corrected_words, token_table
from intents.components.asker import ASKER_ONLY, ASKER_PLACES, ASKER_TOKENS
from intents.components.codenames import CODE_NAMES, HYPHENS, is_code
from intents.components.cues import (
    AMOUNT_FACTS,
    COURTESY_SPANS,
    GENERAL_FACTS,
    INSIDE_CORRECTIONS,
    INSIDE_FACT_NAMES,
    SOCIAL,
    SOCIAL_WORDS,
)
from intents.components.fuzzy import SIGNATURE
from intents.components.segments import SEGMENT_RANGES, UNKNOWN_SEGMENT
from intents.focus import (
    ASIDE,
    ASKER,
    DETERMINERS,
    NEGATORS,
    PLAIN,
    REPORTING,
    bracketed_tokens,
    focus_words,
    place_roles,
)
from intents.focus import PLACE_LABELS as PLACE_ENT_LABELS
from intents.languages import LanguageRules, read_language_cues, rules_for
from intents.shared import kinds_said
from intents.vocabulary import common_english_words, read_cues
from intents.words import word_set
from knowledge.query import (
    NARROW_PLACES,
    WIDE_PLACES,
    Intent,
    Target,
    TargetKind,
    Understanding,
)

LOGGER = logging.getLogger(__name__)
TARGET_LABELS = {kind.value.upper(): kind for kind in TargetKind}
YES_NO_OPENERS = frozenset({"is", "are", "does", "do", "did", "will", "would", "can", "could",
                            "has", "have", "was", "were", "should", "isn't", "doesn't", "aren't",
                            "won't", "am", "isnt", "doesnt", "shall", "wasn't", "didn't"})
SMALL_TALK_WORDS = 6  # words besides courtesy a message of small talk may have
REQUEST_VERBS = frozenset({"tell", "explain", "give", "show", "say", "let", "list", "know",
                           "remind", "help", "share", "clarify", "confirm", "describe", "summarise",
                           "summarize", "check", "find", "point", "walk"})
NO_SUBJECT = "leadership asked without a subject"
UNKNOWN_NAME = "leadership of a name the knowledge base doesn't hold"
OWN_PLACE = "asks about the asker's own place"
OTHERS_PLACE = "asks about someone else's place"
OTHER_NAMESAKE = "another place of the name of one we know"
OTHER_NAMESAKES = "other_namesakes"  # doc.user_data: the readings set aside by their country
FOLLOW_UP_UNREAD = "follow-up with nothing recognised"
EACH_OF_THEM = "leaders of each, nothing named"
WHICH_FILLERS = frozenset({"are", "is", "ones", "one", "of", "the", "those", "these", "them"})
OTHER_KIND = {"region": "technology", "technology": "region"}  # what "apart from" one leaves
NEGATION_REACH = 3  # words after a negation that its leadership word or company may stand
VERB_REACH = 2  # words between a verb of leading and the negation closing it ("dirige pas")
# words that may stand between a negation and the place it sets aside ("not asking for the US",
# "pas pour la France"): articles, prepositions of topic, verbs of asking
NEGATION_GAP = DETERMINERS | frozenset({
    "for", "about", "regarding", "re", "in", "on", "asking", "ask", "talking", "interested",
    "meaning", "mean", "looking", "at", "pour", "sur", "de", "du", "la", "le", "les", "l'",
    "concernant", "parle", "demande", "au", "aux", "en", "état", "etat", "pays", "state",
    "country", "one", "ones", "of", "celle", "celui", "d'"})
# ("pas l'état américain", "not the one in australia", "pas celle d'Australie")
WH_OPENERS = frozenset({"why", "how", "when", "where", "what", "which", "who"})
EXPLAINING = WH_OPENERS - {"who"}  # questions that ask for more than a name
# Words that point at the subject in context ("what's Nissan's role there?").
SUBJECT_WORDS = frozenset({"there", "it", "that", "this", "those", "them", "here"})
# Before a place, these make it qualify the previous subject ("and in China?") rather than
# replace it ("and China?").
QUALIFYING = frozenset({"in", "for", "within", "across", "inside", "at"})
HERE_WORDS = word_set("here_words")  # the asker's own place
# the place named last, away from the asker ("based in Paris but sorting out a deal in Hanoi,
# who leads there?")
THERE_WORDS = word_set("there_words")
LEADER_FOR_US = (("for", "us"), ("for", "me"), ("pour", "nous"), ("pour", "moi"))
DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}")
PLACE_LABELS = frozenset({"region", "area", "zone", "country", "city", "subdivision", "shared"})


def _entities(doc: Doc, rules: LanguageRules) -> tuple[list[Target], list[str], list[str],
                                                      list[Target], list[Target]]:
    """Targets, companies, non-member automakers, the places that only locate the asker or
    the message when nothing else is left to answer, and every place that locates the asker
    or the message, answered or set aside (for "my region" later). French and Japanese
    pipelines set the asker's places aside themselves, their `asker_places`, and mark a
    clause's only places when they locate the asker."""
    targets: list[Target] = []
    companies: list[str] = []
    non_members: list[str] = []
    context: list[Target] = []  # places that only locate the asker or the message
    asker_places: list[Target] = []  # places that locate the asker
    # ("mitsubishi, not nissan right?": the company set aside is no claim of its own, unless it
    # is the only one: "c pas Nissan qui gère ... ?" asks about Nissan)
    denied_companies: list[str] = []
    lowers = token_table(doc).lowers
    negated = _negated_starts(doc, lowers, rules)
    signed = range(*doc.user_data.get(SIGNATURE, (0, 0)))  # "thanks, Victoria": nobody asked
    # French and Japanese pipelines set the asker's places aside themselves
    if rules.code == "en":
        roles = place_roles(doc) if _may_have_context(doc) else {}
    else:
        roles = dict.fromkeys(doc.user_data.get(ASKER_ONLY, []), ASKER)
        # "… qui suit ? merci d'avance (équipe achats Rabat)": a place in brackets beside
        # places outside them only says where the message comes from
        # (not "Londres (celle du Canada, pas l'anglaise)": the bracket must name a team, an
        # office or the asker)
        inside = bracketed_tokens(doc)
        places = [ent for ent in doc.ents if ent.label_ in PLACE_ENT_LABELS]
        lowers = token_table(doc).lowers
        cue_at = doc.user_data.get("cue_starts", {})
        someone = rules.unit_words | rules.own_words | focus_words().units
        if inside and any(ent.start not in inside for ent in places) and any(
                lowers[i] in someone or cue_at.get(i, set()) & {"first_person", "asker_people"}
                for i in inside):
            roles.update({ent.start: ASIDE for ent in places
                          if ent.start in inside and ent.start not in roles})
        # "来週横浜で新人研修があり…。…採用した理由は何でしょうか？": the places of the sentences
        # before a last sentence that asks and names none only set the scene
        stops = [i for i, text in enumerate(lowers) if text == "。" and i < len(lowers) - 1]
        if stops and places and all(ent.start < stops[-1] for ent in places) \
                and any(text in ("?", "？") for text in lowers[stops[-1]:]) \
                and own_place(doc, rules) is None and others_place(doc, rules) is None:
            roles.update({ent.start: ASIDE for ent in places if ent.start not in roles})
    for ent in doc.ents:
        kind, ident, country = ent.ent_id_.split("|")
        if ent.start in signed:
            continue
        if kind == "company":
            if ent.start in negated:
                denied_companies.append(ident)
            elif ident not in companies:
                companies.append(ident)
        elif kind == "non_member":
            # "kia ora, who leads New Zealand?": a greeting that holds a carmaker's name
            # ("..., not toyota?": one set aside claims nothing)
            if "greeting" not in doc.user_data.get("cue_starts", {}).get(ent.start, ()) \
                    and ent.start not in negated:
                non_members.append(ident or ent.text)  # as the knowledge base writes it
        elif ent.label_ in PLACE_ENT_LABELS and {ent.start, ent.end - 1} <= doc.user_data.get(
                INSIDE_FACT_NAMES, set()):
            continue  # "c'est bien Jean-Dominique Senard qui l'a dit ?": no Dominica
        elif any(start <= ent.start and ent.end <= end
                 for start, end in doc.user_data.get(COURTESY_SPANS, ())):
            continue  # "ok salamat po!": thanks that is also a place's name ("great britain" not)
        else:
            # a name two places share ("Georgia") is read as both of them
            readings = [r.split(":") for r in ident.split(";")] if kind == "shared" \
                else [(kind, ident, country)]
            role = roles.get(ent.start, PLAIN)
            for place_kind, place_id, place_country in readings:
                target = Target(kind=TargetKind(place_kind), id=place_id, text=ent.text,
                                country=place_country or None, score=ent._.score,
                                alias=ent.text.lower())
                if all((t.key(), t.country) != (target.key(), target.country) for t in targets):
                    targets.append(target)
                if role in (ASKER, ASIDE):
                    context.append(target)
                if role == ASKER:
                    asker_places.append(target)
                if ent.start in negated and target in targets:
                    targets.remove(target)  # "not China, the Android one"
                    doc.user_data.setdefault(SET_ASIDE, []).append(target)
    if not companies and denied_companies:
        companies = list(dict.fromkeys(denied_companies))
        doc.user_data[DENIED_ONLY] = True
    if any(ent.label_.lower() in REMARK_LABELS for ent in doc.ents):
        targets, non_members = _without_bracketed_remarks(doc, targets, non_members)
    if rules.owner_words:
        targets = _without_owners(doc, targets, rules.owner_words)
    targets = _without_remarks_on_it(doc, targets, rules)
    targets = _without_corrected(doc, targets)
    targets = _without_curious_tail(doc, targets)
    # "Perth (the scottish one, not australia)": a city of a country set aside is another city
    # of that name, one the gazetteer may lack
    other_namesakes = [t for t in targets if _namesake_set_aside(doc, [t]) is not None]
    if other_namesakes:
        targets = [t for t in targets if t not in other_namesakes]
        doc.user_data[OTHER_NAMESAKES] = other_namesakes
    for first, last in doc.user_data.get(SEGMENT_RANGES, []):  # "segments A to F"
        targets.extend(Target(kind=TargetKind.SEGMENT, id=letter, text=letter)
                       for letter in map(chr, range(ord(first) + 1, ord(last)))
                       if all((t.kind, t.id) != (TargetKind.SEGMENT, letter) for t in targets))
    located = [*asker_places, *_taken_asker_places(doc)]
    if "each_place" in (doc._.cues or {}) and located:
        # "I'm in Paris and my colleague in Yokohama, the leader for each of us?": the asker's
        # place is asked about too
        every = [*targets, *(t for t in located if t not in targets)]
        return every, companies, non_members, [], located
    others = [t for t in targets if t not in context]
    if context and others and HERE_WORDS & set(token_table(doc).lowers) \
            and all(t.kind not in NARROW_PLACES | WIDE_PLACES | {TargetKind.AREA} for t in others):
        # "im in the shanghai office, who leads connected tech here": the asker's place is
        # where the technology is asked about
        return targets, companies, non_members, [], located
    if context and any(t not in context for t in targets):
        # "I'm in Osaka but asking about Vietnam": answer the focus, not the asker's place
        return [t for t in targets if t not in context], companies, non_members, [], located
    places = [t for t in targets if t.kind in NARROW_PLACES | WIDE_PLACES | {TargetKind.AREA}]
    place_ents = [ent for ent in doc.ents if ent.label_ in PLACE_ENT_LABELS]
    apart = len(place_ents) > 1 and place_ents[-1].start - place_ents[-2].end > 1
    if context and apart and len({t.text for t in places}) > 1 \
            and all(t in context for t in targets) \
            and THERE_WORDS & set(token_table(doc).lowers) \
            and not HERE_WORDS & set(token_table(doc).lowers):
        # (not "tbilisi, georgia": a place and the place that holds it are one)
        # "i'm based in paris but sorting out a dealer thing in hanoi, who leads there?":
        # "there" is the place named last, away from where the asker is
        last = [t for t in targets if t.text == places[-1].text]
        return last, companies, non_members, [t for t in targets if t not in last], located
    aside = [t for t in context if t in targets and t not in located]
    if aside and (others_place(doc, rules) is not None or others_object(doc, rules) is not None):
        # "i am in osaka, my boss is sitting in auckland. which company leads his region?":
        # that person's place, not the asker's
        return aside, companies, non_members, [t for t in targets if t not in aside], located
    cues = set(doc._.cues or {})
    if aside and located and all(t in context for t in targets) and cues & {
            "who", "lead", "follow"} and not cues & {
            "list_weak", "same_leader", "different_leader", "each_place"}:
        # "I'm in Sydney but my client is in Monterrey, who leads?": the asker's own place
        # only says where they are; the other place is what they ask about
        return aside, companies, non_members, [t for t in targets if t not in aside], located
    # a clause naming only such places is context for another clause that asks about one
    return targets, companies, non_members, context, located


def others_place(doc: Doc, rules: LanguageRules) -> tuple[int, int] | None:
    """The characters of a phrase naming someone else's place ("his region", "my boss's
    market", "sa région", "chez lui", "上司の地域"), or None."""
    phrase = _phrase_at(token_table(doc).lowers, rules.others_phrases)
    if phrase is not None:
        return doc[phrase[0]].idx, doc[phrase[1] - 1].idx + len(doc[phrase[1] - 1].text)
    return _possessed_place(doc, rules, rules.others_words | focus_words().other_people,
                            rules.own_links | POSSESSIVE_S | focus_words().place_adjectives)


def others_object(doc: Doc, rules: LanguageRules) -> tuple[int, int] | None:
    """The characters of the person after "for" in "who leads for him/them?", "pour lui ?"
    (the words after the preposition), or None."""
    phrase = _phrase_at(token_table(doc).lowers, rules.others_objects)
    if phrase is None:
        return None
    last = doc[phrase[1] - 1]
    return doc[phrase[0] + 1].idx, last.idx + len(last.text)


POSSESSIVE_S = frozenset({"'s", "’s", "s", "'"})


def _possessed_place(doc: Doc, rules: LanguageRules, possessors: frozenset[str],
                     links: frozenset[str]) -> tuple[int, int] | None:
    """The characters from a possessor to the word for a place it owns ("my own region",
    "my boss's market", "うちの地域"), or None."""
    table = token_table(doc)
    lowers, lemmas = table.lowers, table.lemmas
    for i, lower in enumerate(lowers):
        if lower not in possessors:
            continue
        j = i + 1
        while j < len(doc) and lowers[j] in links:
            j += 1
        if j < len(doc) and (lowers[j] in rules.own_places or lemmas[j] in rules.own_places):
            return doc[i].idx, doc[j].idx + len(doc[j].text)
    return None


def _taken_asker_places(doc: Doc) -> list[Target]:
    """The places a French or Japanese pipeline took out as the asker's ("Je suis à Lyon
    mais ..."): kept for a later "ma région"."""
    taken = []
    for ent_id, text, score in doc.user_data.get(ASKER_PLACES, []):
        kind, ident, country = ent_id.split("|")
        if kind == "shared":  # a name two places share says nothing sure about the asker
            continue
        taken.append(Target(kind=TargetKind(kind), id=ident, text=text, country=country or None,
                            score=score, alias=text.lower()))
    return taken


def _phrase_at(lowers: list[str], phrases: tuple[tuple[str, ...], ...], start: int = 0,
               ) -> tuple[int, int] | None:
    """(first token, end) of the first of `phrases` in `lowers` from `start`, or None."""
    for i in range(start, len(lowers)):
        for phrase in phrases:
            if tuple(lowers[i:i + len(phrase)]) == phrase:
                return i, i + len(phrase)
    return None


def own_place(doc: Doc, rules: LanguageRules) -> tuple[int, int] | None:
    """The characters of a phrase naming the asker's own place ("my region", "our own
    market", "ma région", "chez nous", "うちの地域"), or None."""
    lowers = token_table(doc).lowers
    phrase = _phrase_at(lowers, rules.own_phrases)
    if phrase is None and "lead" in (doc._.cues or {}):
        phrase = _phrase_at(lowers, LEADER_FOR_US)  # "which company is leader for us?"
    if phrase is not None:
        return doc[phrase[0]].idx, doc[phrase[1] - 1].idx + len(doc[phrase[1] - 1].text)
    return _possessed_place(doc, rules, rules.own_words, rules.own_links)


def _without_bracketed_remarks(doc: Doc, targets: list[Target], non_members: list[str]
                              ) -> tuple[list[Target], list[str]]:
    """"who leads Norway (EV heaven lol)", "... in the US (Tesla land)": a technology or
    another automaker in brackets beside a subject outside them is a remark, not part of the
    question."""
    inside = bracketed_tokens(doc)
    # "archi E-body (électrique/électronique)": a bracket after a technology glosses it
    remarks = {name for ent in doc.ents if ent.label_.lower() in REMARK_LABELS
               and ent.start in inside for name in (ent.text, ent.ent_id_.split("|")[1])}
    kept = [t for t in targets if t.text not in remarks]
    if not remarks or not kept:
        return targets, non_members
    return kept, [name for name in non_members if name not in remarks]


def _without_owners(doc: Doc, targets: list[Target], owner_words: frozenset[str]
                    ) -> list[Target]:
    """"who leads guam, its a US territory though", "グアムのリーダーどこ？アメリカ領だけど": a
    place beside a word of ownership owns the place asked about, and is not asked about."""
    lowers = token_table(doc).lowers

    def beside(ent: Span) -> bool:
        after = [w for w in lowers[ent.end:ent.end + 2] if w != "-"][:1]
        return bool(set(after) & owner_words) or bool(
            ent.start and lowers[ent.start - 1] in owner_words)

    owners = {ent.text for ent in doc.ents if ent.label_ in PLACE_ENT_LABELS and beside(ent)}
    kept = [t for t in targets if t.text not in owners]
    return kept if owners and any(t.kind in NARROW_PLACES | WIDE_PLACES for t in kept) else targets


WEAK_CORRECTION_REACH = 4  # words between an apology and the place it corrects to
ALSO_WORDS = word_set("also_words")
COORDINATING = frozenset({"&", "+", "or", "ou"})
NEGATING = word_set("negating")


def correction_at(doc: Doc, *, first: bool = False) -> int | None:
    """Where the last correction of a name said before opens ("sorry i meant", "je voulais
    dire", "間違えました") with a place after it, else None (`first`: the first such one). An
    apology or a "no" ("argh sorry not colombia, cambodia", "すみません、ブルネイでした") is one
    when a place comes within a few words after it, with no "and"/"also" between, and no
    other place after that one."""
    cue_at: dict[int, set[str]] = doc.user_data.get("cue_starts", {})
    starts = [i for i, cues in cue_at.items() if cues & {"correction", "correction_weak"}]
    if not starts:
        return None  # (most clauses: read on every one, two or three times)
    table = token_table(doc)
    places = [ent for ent in doc.ents if ent.label_ in PLACE_ENT_LABELS]
    # ("pardon non, en Zembla": a name nothing matched may be the place meant, asked back)
    covered = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    places += [doc[i:i + 1] for i in range(len(doc)) if i not in covered and table.title[i]
               and table.alpha[i] and not table.stop[i] and i > 0]
    places.sort(key=lambda span: span.start)

    def weak(i: int) -> bool:
        after = [ent for ent in places if ent.start > i]
        # (words, not punctuation: "あ、失礼しました、パラオです")
        if not after or sum(1 for j in range(i + 1, after[0].start)
                            if not table.punct[j]) > WEAK_CORRECTION_REACH:
            return False
        between = set(table.lowers[i + 1:after[0].start])
        # ("sorry not colombia, cambodia": the last place is the one meant)
        return not between & (ALSO_WORDS | COORDINATING) and (
            len(after) == 1 or bool(between & NEGATING))

    found = [i for i in starts
             if ("correction" in cue_at[i] and any(ent.start > i for ent in places))
             or ("correction_weak" in cue_at[i] and weak(i))]
    return (min if first else max)(found, default=None)


# what the asker already has in a document ("I see A/B and C/D in the deck but not E/F",
# "A/BとC/Dは資料にあるけど"): a remark beside the question, not one
IN_A_DOCUMENT = re.compile(
    r"\b(?:in|on|from)\s+(?:the|my|our|this|that|your)?\s*(?:deck|slides?|file|doc|"
    r"document|sheet|spreadsheet|presentation|ppt|report|table)\b|"
    r"\b(?:dans|sur)\s+(?:le|la|les|l'|mon|ma|mes|notre|nos|ce|cette)?\s*(?:deck|slides?|"
    r"fichier|doc|document|tableau|pr[ée]sentation|rapport|diapos?)\b|"
    r"(?:資料|スライド|デッキ|ファイル|表)(?:に|には|で|上)", re.IGNORECASE)
TAIL_QUESTION_CUES = frozenset({"who", "what", "lead", "follow", "list", "same_question"})
PART_BREAKS = frozenset({"?", "？", "-", "–", "—", ";"})
# cues of a part that says why or in what state the asker asks, and asks nothing: curiosity,
# a mix-up, or a topic already settled ("the EV powertrain bit is done already")
REMARK_CUES = frozenset({"curiosity", "settled"})


def _without_curious_tail(doc: Doc, targets: list[Target]) -> list[Target]:
    """"ノルウェーどこ主導ですか？EV比率高い国なので気になって": after the question mark, a part
    that asks nothing and says why the asker is curious names no subject."""
    texts = token_table(doc).texts
    cue_at: dict[int, set[str]] = doc.user_data.get("cue_starts", {})
    curious = min((i for i, cues in cue_at.items() if cues & REMARK_CUES), default=None)
    asking = TAIL_QUESTION_CUES
    if curious is None:
        # ("E/Fセグメントは誰がリーダー？A/BとC/Dは資料にあるけど…見当たらない": what the asker
        # already has; a word of leading there is about the document)
        marks = [i for i, text in enumerate(texts) if text in ("?", "？")]
        if marks and IN_A_DOCUMENT.search(doc[marks[-1]:].text):
            curious, asking = marks[-1] + 1, TAIL_QUESTION_CUES - {"lead", "follow"}
    # the part the curiosity is said in: after the question mark or dash before it
    marks = [i for i, text in enumerate(texts[:curious]) if text in PART_BREAKS] \
        if curious is not None else []
    if not marks:
        return targets
    tail = marks[-1]
    later = set().union(*(cues for i, cues in cue_at.items() if i > tail))
    if later & asking:
        return targets
    after = {ent.text for ent in doc.ents if ent.start > tail} \
        - {ent.text for ent in doc.ents if ent.start < tail}  # (said again: still asked)
    kept = [t for t in targets if t.text not in after]
    return kept or targets


# the members spoken of ("why did they even set this whole thing up?")
THEY = word_set("they")
WHY = word_set("why")


def _asks_why(content: list[str]) -> bool:
    return any(word.lower() in WHY for word in content)


def _place_after_farewell(doc: Doc, rules: LanguageRules) -> bool:
    """"失礼しました、ニュージーランドのオークランドです": words that may take leave open the clause
    and it ends naming a place: an apology before the place meant, not a goodbye ("bye, brazil
    next week" is one)."""
    table = token_table(doc)
    words = [i for i, punct in enumerate(table.punct) if not punct]
    if not words or "farewell" not in doc.user_data.get("cue_starts", {}).get(words[0], ()):
        return False
    last = words[-1]
    ends = [ent.end for ent in doc.ents if ent.label_ in PLACE_ENT_LABELS]
    return any(end - 1 == last or end - 1 == last - 1 and table.lowers[last] in rules.copulas
               for end in ends)


def _corrects_before(doc: Doc) -> bool:
    """The clause opens a correction of a place said in the clause before it ("sorry i meant
    australia"): no place of its own comes before the correction."""
    at = correction_at(doc, first=True)
    return at is not None and not any(ent.label_ in PLACE_ENT_LABELS and ent.end <= at
                                      for ent in doc.ents)


def _corrected_before(doc: Doc) -> int | None:
    """"オーストリアは？あ、オーストラリアの間違いです": where the place the correction names right
    before it starts, when a place comes before that one, else None."""
    places = [ent for ent in doc.ents if ent.label_ in PLACE_ENT_LABELS]
    for i, cues in doc.user_data.get("cue_starts", {}).items():
        named = [ent for ent in places if ent.end == i]
        if "correction_before" in cues and named and any(
                ent.end <= named[0].start for ent in places):
            return named[0].start
    return None


def _without_corrected(doc: Doc, targets: list[Target]) -> list[Target]:
    """"who leads austria, sorry i meant australia": the places before the last correction are
    replaced by those after it."""
    at = correction_at(doc)
    if at is None:
        at = _corrected_before(doc)
    if at is None:
        return targets
    before = {ent.text for ent in doc.ents if ent.label_ in PLACE_ENT_LABELS and ent.end <= at}
    before -= {ent.text for ent in doc.ents if ent.start > at}  # said again: still asked
    return [t for t in targets if t.text not in before or t.kind not in NARROW_PLACES | WIDE_PLACES
            | {TargetKind.AREA, TargetKind.ZONE}]


def _without_remarks_on_it(doc: Doc, targets: list[Target], rules: LanguageRules
                           ) -> list[Target]:
    """"wait what about guam, thats US no?": after a place, a remark opening with a pronoun
    for it ("that's", "c'est") names the places it argues from, which are not asked about
    (unless the question compares: "Spain, is it the same as Chile?")."""
    lowers = token_table(doc).lowers
    cues = doc._.cues or {}
    if _compared(cues) or "inclusion" in cues:  # ("l'Égypte, elle compte dans l'Afrique ?")
        return targets
    if _names_its_region(doc, targets, _tagged(doc, rules)):
        return targets  # "la Guyane française, c'est l'Amérique du Sud ?"
    places = [ent for ent in doc.ents if ent.label_ in PLACE_ENT_LABELS]
    remark = next((i for i in range(1, len(lowers)) if lowers[i] in rules.subject_pronouns
                   and lowers[i - 1] in (",", "(", "-", "–") and places
                   and places[0].end <= i - 1), None)
    if remark is None:
        return targets
    within = QUALIFYING if rules.code == "en" else rules.qualifying
    # ("Guam, it's in Europe right?": a place after a preposition asks whether it counts there)
    argued = {ent.text for ent in places if ent.start > remark and lowers[ent.start - 1]
              not in within}
    kept = [t for t in targets if t.text not in argued]
    return kept if any(t.kind in NARROW_PLACES | WIDE_PLACES for t in kept) else targets


WHERE = frozenset({"where", "どこ"})


PART_OF = frozenset({("part", "of"), ("fait", "partie"), ("font", "partie"), ("faire", "partie")})


# words that join a qualifier after a name ("le drivetrain à flux capacitor")
QUALIFIER_LINKS = frozenset({"à", "a", "with", "de", "du", "au", "avec"})


def _unknown_qualifier(doc: Doc, unknown: list[str]) -> str | None:
    """A word the bot doesn't know right beside a word covering several technologies
    ("quantum powertrain", "drivetrain à flux capacitor"): the name as typed, or None. (Beside
    one technology an unknown word is too often an everyday adjective: "the famous e-body".)"""
    table = token_table(doc)
    strange = set(unknown)
    for ent in doc.ents:
        if ent.label_ != "FAMILY":
            continue
        start = ent.start
        while start > 0 and table.texts[start - 1] in strange:
            start -= 1
        end = ent.end
        if end + 1 < len(doc) and table.lowers[end] in QUALIFIER_LINKS \
                and table.texts[end + 1] in strange:
            end += 1
            while end < len(doc) and table.texts[end] in strange:
                end += 1
        if start < ent.start or end > ent.end:
            return doc[start:end].text
    return None


def _company_part_of(doc: Doc) -> bool:
    """A company said to be "part of" something ("is Renault part of the PHEV thing?"): taking
    part, where a place "part of" another is counted in it."""
    lowers = token_table(doc).lowers
    return any(tuple(lowers[i:i + 2]) in PART_OF for i in range(len(lowers))) \
        and any(ent.label_ == "COMPANY" for ent in doc.ents)


def _cue_outside_names(doc: Doc, cue: str) -> bool:
    """The cue is said outside the names of the clause (not the "driving" of "autonomous
    driving")."""
    named = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    return any(cue in cues and i not in named
               for i, cues in doc.user_data.get("cue_starts", {}).items())


def _ends_in_courtesy(doc: Doc) -> bool:
    """The clause ends with a thanks or a goodbye ("…、またね"): its ending asks nothing."""
    table = token_table(doc)
    last = max((i for i, punct in enumerate(table.punct) if not punct), default=-1)
    return any(start <= last < end for start, end in doc.user_data.get(COURTESY_SPANS, []))


def _asks_where(doc: Doc, rules: LanguageRules) -> bool:
    """"where does Nissan lead?", "où Renault est-il leader ?" (accents dropped, "où" is "ou"
    only first or last), "日産はどこでリーダー？"."""
    table = token_table(doc)
    words = [w for w, punct in zip(table.lowers, table.punct, strict=True) if not punct]
    return not WHERE.isdisjoint(words) or _wh_at_edges(words, rules) \
        or _where_after_lead(doc, rules)


# how far a word of saying may be from the question word ("who has actually said", "言った
# の は 誰")
SAID_WINDOW = 4
# what may stand between two roles offered as a choice ("leader or a follower", "leader ou
# suiveur", "リーダーですか、フォロワーですか", "リーダーそれともフォロワー")
BETWEEN_ROLES = frozenset({"a", "an", "un", "une", ",", "/", "?", "？", "、", "か", "です", "それ",
                           "と", "も"})
ROLE_CHOICE = frozenset({"?", "？", "か", "/", "と"})


def _role_choice(doc: Doc, rules: LanguageRules) -> bool:
    """A word of leading and one of following offered as a choice: "is Nissan leader or
    follower in China?" asks for the roles, not for a Yes about either."""
    lowers = token_table(doc).lowers
    cue_at: dict[int, set[str]] = doc.user_data.get("cue_starts", {})
    leads = [i for i, cues in cue_at.items() if "lead" in cues]
    follows = [i for i, cues in cue_at.items() if "follow" in cues]
    for i in leads:
        for j in follows:
            between = lowers[min(i, j) + 1:max(i, j)]
            if between and set(between) <= BETWEEN_ROLES | rules.choice_words and (
                    set(between) & (ROLE_CHOICE | rules.choice_words)):
                return True
    return False


def _set_units_aside(doc: Doc, rules: LanguageRules) -> None:
    """"I'm in the marketing team", "ハワイの販売店から": a topic word right before a word
    naming a team, an office or a shop names that unit, not the topic asked about."""
    lowers = token_table(doc).lowers
    units = focus_words().units | rules.unit_words
    unit_topics = [ent for ent in doc.ents if ent.label_ == "TOPIC" and ent.end < len(doc)
                   and lowers[ent.end] in units]
    if unit_topics:
        doc.ents = [ent for ent in doc.ents if ent not in unit_topics]


HELD_LIST_GAP = 3  # words between "in" and the list word: "in my weekly shipment list"


def _set_held_lists_aside(doc: Doc, rules: LanguageRules) -> None:
    """"it is in my shipment list", "c'est sur ma liste": a list word one to HELD_LIST_GAP
    words after a word saying where something is (not "in summary") names a list something is
    in; when every list word of the clause is such, nothing asks for the plan's list."""
    cues = doc._.cues
    if not (rules.holding_words or rules.holding_after) or not cues or "list" not in cues:
        return
    table = token_table(doc)
    starts = [i for i, found in doc.user_data.get("cue_starts", {}).items() if "list" in found]

    def held(i: int) -> bool:
        if any(tuple(table.lemmas[i + 1:i + 1 + len(words)]) == words
               for words in rules.holding_after):
            return True
        for gap in range(1, HELD_LIST_GAP + 1):
            j = i - gap - 1
            if j < 0 or table.punct[j + 1]:
                return False
            if table.lowers[j] in rules.holding_words:
                return True
        return False

    if starts and all(held(i) for i in starts):
        doc._.cues = {key: n for key, n in cues.items() if key != "list"}


SENTENCE_ENDS = frozenset({"。", "?", "？", "!", "！", "."})
ASIDE_TAIL = "aside_tail"
CONDITION_REACH = 6  # words from a sentence's start to its condition ("もし違う場合は", "if not")


def _last_sentence(doc: Doc) -> int | None:
    """Where the last sentence of a clause of several starts (after "。", "?", "!"), if the
    sentences before it hold words."""
    table = token_table(doc)
    starts = [i + 1 for i, text in enumerate(table.texts[:-1]) if text in SENTENCE_ENDS
              and not table.punct[i + 1]]
    if not starts or all(table.punct[:starts[-1]]):
        return None
    return starts[-1]


def _set_tail_aside(doc: Doc, start: int) -> None:
    """The words from `start` on ask nothing: their cues and names leave the clause, and
    `ASIDE_TAIL` keeps where they start (for the Yes/No reading and the unknown words)."""
    cue_at: dict[int, set[str]] = doc.user_data.get("cue_starts", {})
    kept = {i: found for i, found in cue_at.items() if i < start}
    doc.user_data["cue_starts"] = kept
    counts: dict[str, int] = {}
    for found in kept.values():
        for cue in found:
            counts[cue] = counts.get(cue, 0) + 1
    doc._.cues = counts
    doc.ents = [ent for ent in doc.ents if ent.end <= start]
    doc.user_data[ASIDE_TAIL] = start


def _set_fuzzy_kingdoms_aside(doc: Doc, rules: LanguageRules) -> None:
    """"ボルネラ王国", "ゾルバ共和国": a name matched only fuzzily, then a word for a kind of place,
    is a name being introduced, not a typo of one we know (Borneo): it leaves `doc.ents`, so it
    is asked back as a name we don't know. ("タイ王国", matched exactly, stays.)"""
    if not rules.place_kinds:
        return
    texts = token_table(doc).texts
    introduced = [ent for ent in doc.ents if ent.label_ in PLACE_ENT_LABELS
                  and ent._.score < 1.0 and any(
                      "".join(texts[ent.end:ent.end + k]) in rules.place_kinds
                      for k in range(1, 4))]
    if introduced:
        doc.ents = [ent for ent in doc.ents if ent not in introduced]


def _set_conditional_request_aside(doc: Doc) -> None:
    """"タイとインドネシアは同じ会社という認識でよろしいでしょうか。もし違う場合はそれぞれご教示
    ください。", "… la même entreprise ? Sinon, merci de préciser.": a last sentence that opens
    on a condition of the answer being otherwise and names nothing asks only if the answer is
    No: the question is the sentence before it."""
    start = _last_sentence(doc)
    if start is None or any(ent.end > start for ent in doc.ents):
        return
    table = token_table(doc)
    lowers = table.lowers[start:start + CONDITION_REACH]
    cue_at: dict[int, set[str]] = doc.user_data.get("cue_starts", {})
    otherwise = any("different_leader" in cue_at.get(i, ()) or table.lemmas[i] in NEGATIONS
                    for i in range(start, min(len(doc), start + CONDITION_REACH)))
    if lowers[0] in OTHERWISE or bool(CONDITION_BEFORE.intersection(lowers[:2])) \
            and otherwise or bool(CONDITION_AFTER.intersection(lowers)) and otherwise:
        _set_tail_aside(doc, start)


def _set_reason_aside(doc: Doc, rules: LanguageRules) -> None:
    """"韓国は日産かな？日本に近いし", "台湾は日産？中国の隣だから": a last sentence ending on a
    word that gives a reason, or saying what the asker is curious about or mixes up, with no
    question mark, says why the asker asks; the places it names (Japan, China) are no subject
    of the question."""
    start = _last_sentence(doc)
    if start is None:
        return
    table = token_table(doc)
    last = max((i for i in range(start, len(doc)) if not table.punct[i]), default=None)
    if last is None or table.texts[-1] in ("?", "？"):
        return
    cue_at: dict[int, set[str]] = doc.user_data.get("cue_starts", {})
    tail_cues = set().union(*(cues for i, cues in cue_at.items() if i >= start))
    # ("メキシコって北米？いつも南米とごっちゃになる": what the asker mixes up, said after)
    remark = bool(tail_cues & REMARK_CUES) and not tail_cues & TAIL_QUESTION_CUES
    # ("…大阪から" ends in a reason word too: where the asker is, read before this)
    reason = table.lowers[last] in rules.reason_endings
    if (remark or reason) and any(ent.end <= start for ent in doc.ents):
        _set_tail_aside(doc, start)


def _set_premise_aside(doc: Doc, rules: LanguageRules) -> None:
    """"Mitsubishi has PHEV for C and D, but what about the E segment?", "pour la Roumanie
    c'est Renault qui mène, ok, mais pour la Turquie c'est qui ?": a statement naming a
    company, then a contrast word and a question; the question is about what comes after it,
    so the names before it leave `doc.ents`."""
    table = token_table(doc)
    contrast = next((i for i, word in enumerate(table.lowers)
                     if word in rules.contrast_words and i > 0), None)
    if contrast is None:
        return
    cue_at: dict[int, set[str]] = doc.user_data.get("cue_starts", {})
    asking = {"who", "what", "follow_up", "same_question"}
    before = [ent for ent in doc.ents if ent.end <= contrast]
    relative = {ent.end for ent in before if ent.label_ == "COMPANY"}  # "Renault qui mène"
    stated = any(ent.label_ == "COMPANY" for ent in before) and not any(
        cues & asking and i not in relative for i, cues in cue_at.items() if i < contrast) \
        and not any(text in ("?", "？") for text in table.texts[:contrast]) \
        and table.lowers[0] not in rules.yes_no_openers
    asked = any(cues & asking for i, cues in cue_at.items() if i > contrast)
    if stated and asked and any(ent.start > contrast for ent in doc.ents):
        doc.ents = [ent for ent in doc.ents if ent.start > contrast]


ROLE_CUES = ("lead", "follow", "list", "refer")
# "is Nissan involved in the PHEV?", "is Renault working with Nissan in Brazil?": any role
TAKING_PART = ("involved", "collaborate", "cooperate")


def _says_a_purpose(doc: Doc, targets: list[Target], companies: list[str]) -> bool:
    """"trying to figure out who we'd be working with", "histoire de savoir avec qui on
    bosse": the clause opens with a purpose and names nothing, asks no role, points at nothing
    before it: it says why the question before it was asked."""
    cues = doc._.cues or {}
    first = next((i for i, token in enumerate(doc) if not token.is_punct), None)
    return first is not None and "purpose" in doc.user_data.get("cue_starts", {}).get(first, ()) \
        and not targets and not companies and not doc._.facts \
        and not any(key in cues for key in ROLE_CUES)


def _is_them(lowers: list[str], rules: LanguageRules) -> bool:
    """"… is them?", "c'est eux ?", "is it them?": a copula, at most one word between, then a
    pronoun standing for a company."""
    return any(word in rules.copulas and (
        lowers[i + 1:i + 2] and lowers[i + 1] in rules.company_objects
        or lowers[i + 2:i + 3] and lowers[i + 2] in rules.company_objects)
        for i, word in enumerate(lowers))


def _tagged(doc: Doc, rules: LanguageRules) -> bool:
    """The question ends with a tag asking whether it is so ("..., right?", "c'est ça ?")."""
    table = token_table(doc)
    words = [w for w, punct in zip(table.lowers, table.punct, strict=True) if not punct]
    return bool(words) and words[-1] in rules.yes_no_tails


def _claimed_roles(doc: Doc) -> dict[str, str]:
    """Company -> the role a claim gives it ("lead" or "follow"): the first word of a role
    after it that looks back ("Nissan = leader", "Renault a follower", "Nissan leads"), else the
    last one before it that opens a label ("followers: Renault, Mitsubishi")."""
    table = token_table(doc)
    cue_at: dict[int, set[str]] = doc.user_data.get("cue_starts", {})
    cues = sorted((i, role) for i, entries in cue_at.items()
                  for role in ("lead", "follow") if role in entries)
    starts = {ent.start for ent in doc.ents if ent.label_ == "COMPANY"}
    labels = {i for i, _ in cues if i + 1 < len(table.texts)
              and (table.texts[i + 1] == ":" or i + 1 in starts)}  # "leader renault, …"
    roles: dict[str, str] = {}
    for ent in doc.ents:
        if ent.label_ != "COMPANY":
            continue
        after = [role for i, role in cues if i >= ent.end and i not in labels]
        before = [role for i, role in cues if i < ent.start and i in labels]
        role = after[0] if after else before[-1] if before else None
        if role is not None:
            roles.setdefault(ent.ent_id_.split("|")[1], role)
    return roles


def _asks_who_said(doc: Doc, rules: LanguageRules) -> bool:
    """"who said ...?", "qui a dit ...", "言ったのは誰": a word of saying next to the question word
    (within a few words; twice as many of Japanese's finer ones: "コメントしていたのはどなた"), not
    "my manager says ..., which one is it?"."""
    cue_at: dict[int, set[str]] = doc.user_data.get("cue_starts", {})
    lowers = token_table(doc).lowers
    # ("wants the slide to say which company leads": what a slide is to say, nobody's words)
    said = [i for i, cues in cue_at.items() if "speech" in cues
            and not (i > 0 and lowers[i - 1] == "to")]
    asked = [i for i, cues in cue_at.items() if cues & {"who", "what"}]
    window = SAID_WINDOW if rules.spaced else 2 * SAID_WINDOW
    return any(abs(i - j) <= window for i in said for j in asked)


def _where_after_lead(doc: Doc, rules: LanguageRules) -> bool:
    """"nissan est leader ou en Asie ?", "y sont leader ou eux autres ?": accents dropped, "où"
    right after a word of leading, when no other role ("leader ou suiveur ?") nor company
    ("Renault ou Nissan") comes after it as the other half of a choice."""
    if not rules.wh_edges:
        return False
    table = token_table(doc)
    cue_at: dict[int, set[str]] = doc.user_data.get("cue_starts", {})
    for i in range(1, len(doc) - 1):
        if table.lowers[i] not in rules.wh_edges or "lead" not in cue_at.get(i - 1, set()) \
                or "tag" in cue_at.get(i, set()):  # "c'est Renault qui mène ou pas ?"
            continue
        choice = cue_at.get(i + 1, set()) & {"lead", "follow"} or doc[i + 1].ent_type_ == "COMPANY"
        if not choice:
            return True
    return False


def _wh_at_edges(words: list[str], rules: LanguageRules) -> bool:
    """A question word that, accents dropped, is another word inside a sentence ("où"/"ou"):
    a question word only first or last."""
    return bool(words) and bool(rules.wh_edges & {words[0], words[-1]})


def _negation_claimed(doc: Doc, rules: LanguageRules) -> bool:
    """A negated claim with a tag asking whether it is right ("…, right?", "…, c'est ça ?"):
    Yes and No say whether it holds. Japanese answers every negated question so, but one that
    suggests the plain claim ("…じゃなかったっけ？"). Untagged, "Renault ne dirige pas la
    Chine ?" is answered as French does: "Non", it doesn't."""
    table = token_table(doc)
    words = [w for w, punct in zip(table.lowers, table.punct, strict=True) if not punct]
    if doc.user_data.get(DENIED_ONLY) and len(words) <= DENIAL_WORDS:
        return True  # "who leads argentina? renault? not mitsubishi??": Mitsubishi doesn't
    tagged = bool(words) and (words[-1] in rules.truth_tails
                              or " ".join(words[-2:]) in rules.truth_tails)
    suggests = bool(rules.suggesting) and re.search(rules.suggesting, doc.text) is not None
    return _negated_claim(doc, rules) and (tagged or not rules.spaced) and not suggests


def _negated_claim(doc: Doc, rules: LanguageRules) -> bool:
    """"Renault doesn't lead Russia, right?", "Renault is not a follower in Japan?",
    "ルノーはロシアをリードしてないよね？": a company, then a negation of its leading or following.
    Not a question that opens with the negation ("doesn't Nissan lead Europe?", "c pas Nissan
    qui gère ... ?"), which asks about the plain claim."""
    cue_at: dict[int, set[str]] = doc.user_data.get("cue_starts", {})
    companies = [ent.start for ent in doc.ents if ent.label_ == "COMPANY"]
    # ("… is mitsubishi not nissan yeah?": a negation right before a company sets it aside)
    negations = sorted(i for i, cues in cue_at.items() if "negation" in cues
                       and not _sets_a_company_aside(i, companies))
    if not companies or not negations or negations[0] < companies[0]:
        return False
    roles = [i for i, cues in cue_at.items() if cues & {"lead", "follow"}]
    if not rules.spaced:  # the negation closes its verb: "リードしてない"
        return any(0 < n - r <= NEGATION_REACH + 1 for n in negations for r in roles)
    return any(0 < r - n <= NEGATION_REACH + 1 for n in negations for r in roles) or any(
        _closes_a_verb_of_leading(token_table(doc).lowers, cue_at, n, rules) for n in negations)


def _negates_leading(doc: Doc, rules: LanguageRules | None = None) -> bool:
    """A negation governs leading when a leadership word or a company comes right after it
    ("who doesn't lead China?", "which companies other than Nissan lead Japan?"), not when it
    sets a place aside ("London Ontario, not the UK") or says something else ("no idea, who
    leads Canada?", "what does Mitsubishi lead besides PHEV?")."""
    # a word of leading inside a name is no verb ("besides autonomous driving")
    named = {i for ent in doc.ents if ent.label_ != "COMPANY" for i in range(ent.start, ent.end)}
    cue_at = {i: cues for i, cues in doc.user_data.get("cue_starts", {}).items()
              if i not in named}
    companies = {ent.start for ent in doc.ents if ent.label_ == "COMPANY"}
    if rules is not None and not rules.spaced:
        # the negation comes after its verb: "リードしていない" (lead, then the words of "not")
        return any("negation" in cues and any(
            "lead" in cue_at.get(j, ()) for j in range(max(0, i - NEGATION_REACH - 1), i))
            for i, cues in cue_at.items())
    lowers = token_table(doc).lowers
    return any("negation" in cues and not _sets_a_company_aside(i, companies)
               and not _cleft_tag(lowers, companies, i, rules) and (any(
        "lead" in cue_at.get(j, ()) or j in companies
        for j in range(i + 1, i + 1 + NEGATION_REACH)) or _closes_a_verb_of_leading(
        lowers, cue_at, i, rules)) for i, cues in cue_at.items())


def _sets_a_company_aside(i: int, companies: Collection[int]) -> bool:
    """The negation at `i` comes right before a company, after another ("… is mitsubishi not
    nissan yeah?", "mitsubishi, not nissan, leads it?"): it sets that company aside, it negates
    no leading."""
    return i + 1 in companies and any(c < i for c in companies)


def _cleft_tag(lowers: list[str], companies: set[int], i: int,
               rules: LanguageRules | None) -> bool:
    """"c pas Nissan qui gère l'Afrique du Nord ?", "c'est pas Renault qui ... ?": the negation
    of a cleft asks whether it is that company, and negates no leading."""
    if rules is None or i + 2 >= len(lowers) or i + 1 not in companies \
            or lowers[i + 2] not in rules.relative_pronouns:
        return False
    return any(tuple(lowers[max(0, i - len(opener)):i]) == opener
               for opener in rules.cleft_openers)


def _closes_a_verb_of_leading(lowers: list[str], cue_at: dict[int, set[str]], i: int,
                              rules: LanguageRules | None) -> bool:
    """"Nissan lead pas", "ne dirige pas": the negation at `i` closes a verb of leading just
    before it (French)."""
    return rules is not None and lowers[i] in rules.verb_negations and any(
        "lead" in cue_at.get(j, ()) for j in range(max(0, i - VERB_REACH), i))


def _origin_places(doc: Doc) -> set[str]:
    """The places someone moves away from: right after "from" / "out of" / "quitte" /
    "depuis", right before "から"."""
    table = token_table(doc)
    lowers, lemmas = table.lowers, table.lemmas
    words = focus_words()
    origin = words.origin | words.origin_move
    found = set()
    for ent in doc.ents:
        if ent.label_ not in PLACE_ENT_LABELS:
            continue
        before = [i for i in range(max(0, ent.start - 4), ent.start)
                  if lowers[i] not in DETERMINERS]
        if before and (lowers[before[-1]] in origin or lemmas[before[-1]] in origin
                       or " ".join(lowers[i] for i in before[-2:]) in origin) \
                or ent.end < len(doc) and lowers[ent.end] in words.origin_after:
            found.add(ent.text)
    return found


def _from_origin(doc: Doc) -> bool:
    """A place right after "from" / "out of" / "depuis": where the message comes from."""
    lowers = token_table(doc).lowers
    origin = focus_words().origin

    def after_origin(start: int) -> bool:
        before = [w for w in lowers[max(0, start - 4):start] if w not in DETERMINERS]
        return bool(before) and (before[-1] in origin or " ".join(before[-2:]) in origin)

    return any(after_origin(ent.start) for ent in doc.ents if ent.label_ in PLACE_ENT_LABELS)


def _negated_starts(doc: Doc, lowers: list[str], rules: LanguageRules | None = None) -> set[int]:
    """Entities a negation sets aside: "not China", "not the UK", "pas Paris France" (a place
    right after a negated one describes it, and goes with it); not the object of a negated
    verb ("Renault (ne) dirige pas la Chine ?")."""
    negated: set[int] = set()
    previous_end = -1
    cue_at: dict[int, set[str]] = doc.user_data.get("cue_starts", {})
    # ("euh non le Maroc", "no wait, cambodia": a "no" that corrects sets the place after it up)
    correcting = doc.user_data.get(INSIDE_CORRECTIONS, set())
    for ent in doc.ents:
        i = ent.start - 1
        # "not China", "not the UK", "not asking for the US", "pas pour la France"
        while i >= max(0, ent.start - NEGATION_REACH - 2) and lowers[i] in NEGATION_GAP:
            i -= 1
        if i >= 0 and _closes_a_verb_of_leading(lowers, cue_at, i, rules) or i in correcting:
            continue
        if (i >= 0 and (lowers[i] in NEGATORS or tuple(lowers[max(0, i - 1):i + 1])
                        in NEGATOR_PAIRS)) or ent.start == previous_end \
                or _negated_after(lowers, ent.end):
            negated.add(ent.start)
            previous_end = ent.end
    return negated


# Japanese sets a name aside after it: "米国ではなく", "オーストラリアじゃないです", "日本以外"
NEGATED_AFTER = frozenset({"ではなく", "じゃなく", "ではない", "じゃない", "でなく", "でない",
                           "以外"})
# two words that set the name after them aside ("other than Europe", "à part l'Europe")
NEGATOR_PAIRS = frozenset({("other", "than"), ("apart", "from"), ("aside", "from"),
                           ("outside", "of"), ("except", "for"), ("anywhere", "but"),
                           ("everywhere", "but"),
                           ("à", "part"), ("a", "part"), ("en", "dehors"), ("autre", "que")})
SET_ASIDE = "set_aside"  # doc.user_data: the targets a negation set aside
DENIED_ONLY = "denied_only"  # doc.user_data: every company named was set aside ("not nissan")


def _negated_after(lowers: list[str], end: int) -> bool:
    following = lowers[end:end + 3]
    return any("".join(following[:size]) in NEGATED_AFTER for size in (1, 2, 3))


def _may_have_context(doc: Doc) -> bool:
    """Two places, or one beside words about the asker: worth reading the clauses."""
    places = sum(ent.label_ in PLACE_ENT_LABELS for ent in doc.ents)
    return places > 1 or (places == 1 and not _asker_words().isdisjoint(token_table(doc).lowers))


@cache
def _asker_words() -> frozenset[str]:
    words = focus_words()
    return words.asker | words.greeting | words.origin | words.units | {"here"}


def _is_phonetic(word: str) -> bool:
    """Latin letters or katakana only: how a foreign name is written in Japanese."""
    return word.isascii() or all(char == "ー" or "\u30a0" <= char <= "\u30ff" for char in word)


def _unknown_names(unknown: list[str], rules: LanguageRules,
                   coded: Collection[str] = ()) -> list[str]:
    """A word the language does not know is taken for a name; Japanese words are not spaced,
    so only katakana or Latin words are ("ズルビスタン"), not a hiragana fragment the tokenizer
    leaves ("じどう"). A programme's code name is one however everyday ("project Phoenix")."""
    common = common_english_words() if rules.code == "en" else rules.common_words()
    return [w for w in unknown if w in coded
            or w.lower() not in common and (rules.spaced or _is_phonetic(w))]


def _said_of_the_asker(doc: Doc, word: str, rules: LanguageRules) -> bool:
    """A word of the asker's own comes before `word` in its part of the clause ("I'm in the
    team in Guyancourt", "je bosse au Technocentre")."""
    table = token_table(doc)
    own = focus_words().asker | rules.own_words
    cue_at: dict[int, set[str]] = doc.user_data.get("cue_starts", {})
    for i, text in enumerate(table.texts):
        j = i - 1
        while text == word and j >= 0 and not table.punct[j]:
            if table.lowers[j] in own or table.lemmas[j] in own \
                    or cue_at.get(j, set()) & {"first_person", "asker_people"}:
                return True
            j -= 1
    return False


def _names_a_place(texts: list[str], name: str, rules: LanguageRules,
                   named: Collection[int] = ()) -> bool:
    """"ルリタニア王国", "ゾルバ州": a name we don't know, then a word for a kind of place; or
    "フリードニアの電動化": then "の" and a technology (a name the plan holds starts there)."""
    # (a kind the tokenizer splits: "共和" "国")
    return any(text == name and i + 1 < len(texts) and (
        any("".join(texts[i + 1:i + 1 + k]) in rules.place_kinds for k in range(1, 4))
        or texts[i + 1] == "の" and i + 2 in named)
        for i, text in enumerate(texts))


def _before_a_kind_of_place(texts: list[str], lowers: list[str], name: str,
                            rules: LanguageRules) -> bool:
    """"for the zubrowka market": a word we don't know right before "market", "region"."""
    return any(text == name and i + 1 < len(lowers) and lowers[i + 1] in rules.own_places
               for i, text in enumerate(texts))


def _code_names(doc: Doc) -> list[str]:
    return [doc[start:end].text for start, end in doc.user_data.get(CODE_NAMES, [])]


def _named_technology(doc: Doc, targets: list[Target], unknown: list[str],
                      rules: LanguageRules) -> str:
    """"Zorvex quantum drivetrain", "the QuantumCell battery program": a technology or topic
    word right after a name nothing matched, when the question is about technologies or topics
    only; the whole name, or ""."""
    if not unknown or not targets or any(
            t.kind not in (TargetKind.TECH, TargetKind.FAMILY, TargetKind.TOPIC) for t in targets):
        return ""
    texts = token_table(doc).texts
    # "who leads sales in Ruritania?", "ルリタニア王国の販売": a place we don't know, whatever
    # the plan says of the topic (not where the asker works: "I'm in the team in Guyancourt")
    lowers = token_table(doc).lowers
    placed = [name for name in _unknown_names(unknown, rules) if len(name) > 2 and (
        rules.spaced and (_placed_by(doc, name, rules) or _before_a_kind_of_place(
            texts, lowers, name, rules)) and not _said_of_the_asker(doc, name, rules)
        or not rules.spaced and _names_a_place(texts, name, rules, {
            ent.start for ent in doc.ents if ent.label_.lower() in ("tech", "family", "topic")}))]
    if placed:
        return placed[0]
    names = {name for name in _unknown_names(unknown, rules)
             if len(name) > 2 and name[:1].isupper()}
    for ent in doc.ents:
        if ent.label_.lower() not in ("tech", "family", "topic"):
            continue
        for j in range(max(0, ent.start - 2), ent.start):
            if texts[j] in names:
                return doc[j:ent.end].text
        for start, end in doc.user_data.get(HYPHENED, []):
            if ent.start - 2 < end <= ent.start:  # "the Livina Zeta-X hybrid"
                return doc[start:ent.end].text
    return ""


FOCUS_BEFORE = frozenset({"pour", "sur", "concernant", "de", "du"})


def _asked_about(doc: Doc, word: str, rules: LanguageRules) -> bool:
    """The unknown `word` is what the clause asks about: right after a leadership or question
    word or a word of focus ("who leads Wakanda", "asking about Elbonia", "qui dirige le
    Wakanda"), not a name inside the asker's description ("the Rolle office")."""
    if not rules.spaced:
        return True
    table = token_table(doc)
    cue_at: dict[int, set[str]] = doc.user_data.get("cue_starts", {})
    words = focus_words()
    at = [i for i, text in enumerate(table.texts) if text == word] + [
        start for start, end in doc.user_data.get(HYPHENED, []) if doc[start:end].text == word]
    for i in at:
        j = i - 1
        while j >= 0 and table.lowers[j] in DETERMINERS | {"le", "la", "les", "l'"}:
            j -= 1
        if j >= 0 and (cue_at.get(j, set()) & {"lead", "who", "follow"}
                       or table.lowers[j] in words.markers | FOCUS_BEFORE):
            return True
    return False


POSSESSIVES = word_set("possessives")


def _led_thing_unknown(doc: Doc, unknown: list[str], domain: set[str]) -> bool:
    """The first word after the verb of leading, past little words and words of the domain, is
    one the bot doesn't know ("leads the alliance teleportation program"); or the clause's
    first such word, put before it ("le moteur à distorsion, c'est qui le lead ?")."""
    table = token_table(doc)
    cue_at: dict[int, set[str]] = doc.user_data.get("cue_starts", {})
    strange = set(unknown)
    coded = {j for start, end in doc.user_data.get(CODE_NAMES, []) for j in range(start, end)}
    leading = [i for i in range(len(table.texts)) if "lead" in cue_at.get(i, set())]
    for i in [-1, *leading] if leading else []:
        j = i + 1
        while j < len(table.texts) and (table.punct[j] or table.stop[j] or table.lowers[j]
                                        in domain or table.lemmas[j] in domain) \
                and table.texts[j] not in strange and j not in coded:
            j += 1
        if j < len(table.texts) and (table.texts[j] in strange or j in coded
                                     or _odd_name(doc, j)):
            return True
    return False


# letters with digits, or words joined by single hyphens ("Nebulon-7", "X12"; not "Message-----")
CODED_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def _opens_with_what(doc: Doc, rules: LanguageRules) -> bool:
    """"what"/"que" opens the clause or a part of it ("que dirige Mitsubishi en Asie ?",
    "mitsubishi in asia - what r they leading there"); in Japanese "何" is "what" anywhere."""
    cue_at: dict[int, set[str]] = doc.user_data.get("cue_starts", {})
    table = token_table(doc)
    return any("what" in entries and (not rules.spaced or i == 0 or table.punct[i - 1])
               for i, entries in cue_at.items())


def _programme_names(doc: Doc) -> list[str]:
    """Names only a programme has: code names ("project Phoenix") and coded words
    ("Nebulon-7")."""
    return _code_names(doc) + [token.text for token in doc if _odd_name(doc, token.i)]


HYPHENED = "hyphened"  # doc.user_data: (start, end) of the codes `_hyphened_codes` found


def _hyphened_codes(doc: Doc, covered: set[int]) -> list[tuple[int, int]]:
    """(start, end) of words the tokenizer split at a hyphen, one part of them a code ("F-body",
    "Zeta-X": one or two capitals or digits), that no entity covers."""
    found = []
    for i in range(1, len(doc) - 1):
        left, hyphen, right = doc[i - 1], doc[i], doc[i + 1]
        if hyphen.text in HYPHENS and not left.whitespace_ and not hyphen.whitespace_ \
                and left.is_alpha and (right.is_alpha or right.is_digit) \
                and not {i - 1, i + 1} & covered \
                and (is_code(left.text) or is_code(right.text)):
            found.append((i - 1, i + 2))
    return found


def _odd_name(doc: Doc, i: int) -> bool:
    """"Nebulon-7": letters with digits or hyphens in one token that no entity covers."""
    text = doc[i].text
    return any(c.isalpha() for c in text) and not text.isalpha() \
        and CODED_WORD.fullmatch(text) is not None \
        and not any(ent.start <= i < ent.end for ent in doc.ents)


def _after_programme_word(doc: Doc, word: str) -> bool:
    """"and project tidewater, who leads that one?": a word after "project" names it."""
    table = token_table(doc)
    cue_at: dict[int, set[str]] = doc.user_data.get("cue_starts", {})
    return any(text == word and i > 0 and "programme" in cue_at.get(i - 1, set())
               for i, text in enumerate(table.texts))


OPENING_QUOTES = frozenset({"『", "「", "“", "«", "\"", "'", "‘"})
CLOSING_QUOTES = frozenset({"』", "」", "”", "»", "\"", "'", "’"})
QUOTE_REACH = 3  # words of a quoted name ("『ゼフィラスX』", "the “Zephyrion X” model")


def _named_programmes(doc: Doc, unknown: list[str], rules: LanguageRules) -> list[str]:
    """Words nothing matched that name a programme or a model: before a word for a programme
    ("the Zephyrion program") or after one ("le programme Zephyrion"), or quoted
    ("三菱の新型『ゼフィラスX』")."""
    table = token_table(doc)
    cue_at: dict[int, set[str]] = doc.user_data.get("cue_starts", {})
    # ("the Quasar programme": a code name however everyday, when capitalised)
    names = set(_unknown_names(unknown, rules)) | {w for w in unknown if w[:1].isupper()}
    found = []
    for i, text in enumerate(table.texts):
        if text not in names or doc[i].ent_type_:
            continue
        beside = "programme" in cue_at.get(i - 1, set()) or "programme" in cue_at.get(i + 1, set())
        # ("la nouvelle Renault Zéphyra": a name right after a member's is one of its models)
        beside = beside or i > 0 and doc[i - 1].ent_type_ == "COMPANY" and text[:1].isupper()
        opened = any(table.texts[j] in OPENING_QUOTES for j in range(max(0, i - QUOTE_REACH), i))
        closed = any(table.texts[j] in CLOSING_QUOTES
                     for j in range(i + 1, min(len(doc), i + 1 + QUOTE_REACH)))
        if beside or opened and closed:
            found.append(text)
    for start, end in doc.user_data.get(HYPHENED, []):  # "le programme Nissan Altaïr-X"
        text = doc[start:end].text
        # ("the 'Kestrel-X module program'": a word may stand before the programme's)
        if text in names and ("programme" in cue_at.get(start - 1, set())
                              or start > 0 and doc[start - 1].ent_type_ == "COMPANY"
                              or any("programme" in cue_at.get(j, set())
                                     for j in range(end, min(len(doc), end + 2)))):
            found.append(text)
    return found


def _placed_by(doc: Doc, word: str, rules: LanguageRules, *, capital: bool = True) -> bool:
    """A capitalised unknown word right after a preposition of place ("who leads in Zembrovia",
    "qui est leader en Kravonie"): a name asked about (`capital`: in any case)."""
    table = token_table(doc)
    places = QUALIFYING if rules.code == "en" else rules.qualifying
    return any(text == word and (text[:1].isupper() or not capital) and i > 0
               and table.lowers[i - 1] in places for i, text in enumerate(table.texts))


def _owned(doc: Doc, word: str) -> bool:
    """"it is for our RFQ": a word of the asker's own, not a place asked about."""
    table = token_table(doc)
    return any(text == word and i > 0 and table.lowers[i - 1] in POSSESSIVES
               for i, text in enumerate(table.texts))


def _unknown_kind(doc: Doc, rules: LanguageRules, unknown: list[str]) -> list[str]:
    """"who leads flux capacitor tech?", "qui lead la techno téléportation ?": a kind word
    ("tech", "segment") named by words the plan doesn't know is not every technology."""
    table = token_table(doc)
    kinds = _kind_words(rules.code)
    strange = set(unknown)
    for i, lower in enumerate(table.lowers):
        if lower not in kinds and table.lemmas[i] not in kinds:
            continue
        # the words right before or after it, up to two, not little words
        for run in (_run(table, range(i - 1, max(-1, i - 3), -1)),
                    _run(table, range(i + 1, min(len(doc), i + 3)))):
            if any(table.texts[j] in strange for j in run):
                return [" ".join(table.texts[min(*run, i):max(*run, i) + 1])]
    return []


def _run(table: Any, indexes: range) -> list[int]:
    """The words at `indexes`, in order, up to the first that is not a content word."""
    run = []
    for j in indexes:
        if not table.alpha[j] or table.stop[j]:
            break
        run.append(j)
    return run


def _unknown_words(doc: Doc, domain: set[str]) -> list[str]:
    covered = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    covered.update(doc.user_data.get(ASKER_TOKENS, []))  # "Je suis au Maroc mais ..."
    covered.update(range(doc.user_data.get(ASIDE_TAIL, len(doc)), len(doc)))
    corrected = corrected_words(doc)
    table = token_table(doc)
    # "the Aurora-X programme", "project Phoenix": a programme's code name, never a place
    unknown = _code_names(doc)
    covered.update(i for start, end in doc.user_data.get(CODE_NAMES, [])
                   for i in range(start, end))
    hyphened = _hyphened_codes(doc, covered)
    doc.user_data[HYPHENED] = hyphened
    for start, end in hyphened:
        # "the F-body architecture", "the Livina Zeta-X hybrid": glued by hyphens
        unknown.append(doc[start:end].text)
        covered.update(range(start, end))
    for i, text in enumerate(table.texts):
        if i not in covered and (DOTTED.fullmatch(text) or _odd_name(doc, i)):
            unknown.append(text)  # "P.R.Q.", "Sahara-5": a code we don't know is a name too
            continue
        if i in covered or not table.alpha[i] or table.stop[i] or i in corrected:
            continue
        if table.lemmas[i] in domain or table.lowers[i] in domain:
            continue
        if len(text) == 1 and text.isascii():
            continue  # the "s" of "whats", a stray letter: no word, no name
        if i and table.lowers[i - 1].rstrip(".") in TITLES \
                or i > 1 and table.texts[i - 1] == "." and table.lowers[i - 2] in TITLES:
            continue  # "on behalf of Mr. Nowak": a person's name, never a place asked about
        unknown.append(text)
    return unknown


def _only_about_a_person(doc: Doc) -> bool:
    """Every "who" of the clause follows a titled name and a comma ("on behalf of Mr. Nowak,
    who is abroad"): it describes that person, it asks nobody's name."""
    table = token_table(doc)
    at = [i for i, cues in doc.user_data.get("cue_starts", {}).items() if "who" in cues]
    return bool(at) and all(
        i > 2 and table.texts[i - 1] == "," and any(
            table.lowers[j].rstrip(".") in TITLES for j in range(max(0, i - 4), i - 1))
        for i in at)


TITLES = word_set("titles")


def _coordinated(doc: Doc, rules: LanguageRules) -> bool:
    """True when entities are joined by "and", "&" or a comma ("Europe and hydrogen")."""
    ents = list(doc.ents)
    for left, right in zip(ents, ents[1:], strict=False):
        between = {token.lower_ for token in doc[left.end:right.start]}
        if between & rules.coordinators:
            return True
    return False


TECH_LABELS = frozenset({"tech", "family", "topic"})
REMARK_LABELS = TECH_LABELS | {"non_member"}
EACH = word_set("each")


def _places_apart(doc: Doc) -> list[str]:
    """"autonomous driving and also Oceania": a place joined to a technology by "and" is a
    question of its own, not where the technology is asked about. Their ids."""
    ents = list(doc.ents)
    lowers = token_table(doc).lowers
    # "PHEV and for Japan, who leads each?": asked one by one, whatever joins them
    each = not EACH.isdisjoint(lowers)
    apart = []
    for left, right in zip(ents, ents[1:], strict=False):
        between = set(lowers[left.end:right.start])
        joined = between & {"and", "&", ",", "plus", "also", "+"} and (
            each or not between & QUALIFYING)
        if joined and left.label_.lower() in TECH_LABELS and right.label_.lower() in PLACE_LABELS:
            apart.append(right.ent_id_.split("|")[1])
    return apart


@cache
def _kind_words(lang: str = "en") -> frozenset[str]:
    cues = read_cues() if lang == "en" else read_language_cues(lang)
    return frozenset(word for words in cues["list_kinds"].values() for word in words
                     if " " not in word)


def _asks_which_kind(doc: Doc, rules: LanguageRules) -> bool:
    """"In which markets is Mitsubishi a follower?", "三菱がフォロワーの地域はどこ？" ask for
    areas, not for companies."""
    table = token_table(doc)
    kinds = _kind_words(rules.code)

    def kind_at(i: int) -> bool:
        return 0 <= i < len(table.lowers) and (table.lemmas[i] in kinds
                                               or table.lowers[i] in kinds)

    def kind_after(i: int) -> bool:  # "which markets", "which ones are technologies"
        j = i + 1
        while j < len(table.lowers) and table.lowers[j] in WHICH_FILLERS:
            j += 1
        return kind_at(j)

    return any(lower in rules.which_words and kind_after(i)
               or lower in rules.which_after and i > 1 and kind_at(i - 2)
               and table.lowers[i - 1] in rules.which_after_links
               for i, lower in enumerate(table.lowers))


# a preposition right before "qui" makes it the question's ("c'est sous qui ?", "le bébé de qui")
CLEFT_ASKING_BEFORE = frozenset({"à", "a", "de", "d'", "sous", "pour", "par", "avec", "chez",
                                 "en", "vers"})


INTERROGATIVES = word_set("interrogatives")


def _cleft_relative(doc: Doc, rules: LanguageRules) -> bool:
    """"c'est bien Nissan qui est leader là-bas ?": the only "qui" links the company the cleft
    puts forward to its verb; it asks nobody's name."""
    if not rules.relative_pronouns:
        return False
    table = token_table(doc)
    relative = {end for start, end in _put_forward(doc) if end < len(doc)
                and _after_cleft(table.lowers, start, rules)
                and table.lowers[end] in rules.relative_pronouns}
    asking = [i for i, lower in enumerate(table.lowers) if lower in rules.relative_pronouns]
    q = asking[0] if len(asking) == 1 else -1
    if q > 0 and not INTERROGATIVES.isdisjoint(table.lowers[:q]):
        return False  # "c'est quel constructeur qui fixe les prix ?" asks which one
    if q > 0 and q + 1 < len(doc) and not table.punct[q + 1] \
            and table.lowers[q - 1] not in CLEFT_ASKING_BEFORE and any(
                _after_cleft(table.lowers, i, rules) and table.alpha[i]
                and not any(table.punct[i:q])
                and rules.choice_words.isdisjoint(table.lowers[i:q]) for i in range(q)):
        # "c'est bien les membres de l'Alliance qui l'ont annoncé ?": what the cleft puts
        # forward comes before its "qui", and a verb after it ("c'est qui le lead ?", "c'est
        # rattaché à qui ?", "c'est Nissan ou Renault qui drive ?" ask who)
        return True
    return bool(relative) and set(asking) <= relative


def _put_forward(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of what a cleft may put forward: a company, or a person's name
    ("c'est bien Senard qui l'a annoncé ?")."""
    table = token_table(doc)
    spans = [(ent.start, ent.end) for ent in doc.ents if ent.label_ == "COMPANY"]
    # (a place inside a fact's name is the name's: "Jean Dominique Senard")
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)} \
        - doc.user_data.get(INSIDE_FACT_NAMES, set())
    named = [i for i in range(1, len(doc)) if i not in taken and table.title[i]
             and table.texts[i].replace("-", "").isalpha()]
    # (a name of several words is one: "Jean-Dominique Senard")
    starts = [i for i in named if i - 1 not in named]
    return spans + [(i, next(j for j in range(i, len(doc) + 1) if j not in named))
                    for i in starts]


def _after_cleft(lowers: list[str], start: int, rules: LanguageRules) -> bool:
    """The words before `start` open a cleft ("c'est", "c est", "c'est-tu", "c'tu", past
    "bien" or "vraiment")."""
    end = start
    while end and lowers[end - 1] in rules.cleft_fillers:
        end -= 1
    return any(tuple(lowers[max(0, end - len(opener)):end]) == opener
               for opener in rules.cleft_openers)


SOMEONE = word_set("someone")
DISCOURSE_OPENERS = word_set("discourse_openers")
# "…, so is it Nissan there?": a yes/no question opening inside a clause that said something
# "could you / someone tell me who …": whom a request is made of
REQUESTED = word_set("requested")
INNER_OPENERS = word_set("inner_openers")
INNER_SUBJECTS = frozenset({"it", "that", "this", "they", "nissan", "renault", "mitsubishi"})
ANYONE = ("誰", "か")  # "誰か知ってる？": does anyone know, not who
DECIDED = word_set("decided")  # "誰かに決まってる？": has anyone been chosen
EXISTING = word_set("existing")
KNOWING = word_set("knowing")
# "どちらも" / "どっちも" / "いずれも": both, not which
BOTH = frozenset({("どちら", "も"), ("どっち", "も"), ("いずれ", "も"), ("どれ", "も")})


def _asks_anyone(doc: Doc) -> bool:
    """Every "who" of the clause is an indefinite pronoun: "誰か" opening a phrase before a
    verb of knowing ("ロシアって日産がリーダーなんだっけ、誰か知ってる？" asks yes or no, and
    whether anyone knows), or "どちらも" (both: "日本と中国はどちらも日産？")."""
    table = token_table(doc)
    cue_at: dict[int, set[str]] = doc.user_data.get("cue_starts", {})
    who = [i for i, entries in cue_at.items() if "who" in entries]

    def indefinite(i: int) -> bool:
        pair = tuple(table.lowers[i:i + 2])
        if pair in BOTH:
            return True
        # ("だれかにきまってる？": by Sudachi's normalised forms, 誰か and 決まる)
        pair = pair if pair == ANYONE else tuple(token.norm_ for token in doc[i:i + 2])
        # "リーダーは誰か知ってる？" (do you know who the leader is?) asks who: 誰 after は
        knowing = pair == ANYONE and (i == 0 or table.punct[i - 1]) and any(
            table.lemmas[j] in KNOWING or table.lowers[j] in KNOWING
            for j in range(i + 2, min(len(doc), i + 4)))
        # "韓国って誰かリーダーいる？": is there anyone, a leader; "誰かに決まってる？"
        return knowing or pair == ANYONE and any(
            table.lemmas[j] in EXISTING or doc[j].norm_ in DECIDED
            for j in range(i + 2, min(len(doc), i + 5)))

    return bool(who) and all(indefinite(i) for i in who)


COMPANY_LABELS = frozenset({"COMPANY", "NON_MEMBER"})
DENIAL_WORDS = 3  # the most words of a clause that only sets a company aside ("not nissan then")
NON_MEMBER_GUESS = 4  # the most words of a clause that only guesses a carmaker ("is it toyota")


def _guessed_company(doc: Doc) -> bool:
    """"who leads vietnam, nissan?", "qui est leader en chine, renault ?", "日本のリーダーはどこ？
    トヨタ？": one carmaker set off by a mark after a question about something named, a guess
    at its answer (not "Renault or Nissan?", a choice)."""
    named = [ent for ent in doc.ents if ent.label_ in COMPANY_LABELS]
    if len(named) != 1 or not named[0].start:
        return False
    company = named[0]
    asked = any(ent.end <= company.start and ent.label_ not in COMPANY_LABELS
                for ent in doc.ents)
    return asked and doc[company.start - 1].is_punct


def _a_persons_title(doc: Doc, rules: LanguageRules, cue: str = "lead") -> bool:
    """Every word of leading (of `cue`) comes right after a possessive: a person ("my boss",
    "mon chef", "my VP"), not a question about leading (nor about that person)."""
    lowers = token_table(doc).lowers
    starts = [i for i, cues in doc.user_data.get("cue_starts", {}).items() if cue in cues]
    owners = rules.own_words | rules.others_words
    return bool(starts) and all(i and lowers[i - 1] in owners for i in starts)


def _is_yes_no(doc: Doc, rules: LanguageRules) -> bool:
    table = token_table(doc)
    limit = doc.user_data.get(ASIDE_TAIL, len(doc))  # ("…でしょうか。もし違う場合は…")
    words = [lower for lower, punct in zip(table.lowers[:limit], table.punct[:limit],
                                           strict=True) if not punct]
    if not words:
        return False
    lead = 0  # "so is the alliance splitting up?", "ok and does Nissan lead Japan?"
    while lead < len(words) - 1 and (words[lead] in DISCOURSE_OPENERS  # ("hi all 🙏 is …?")
                                     or not any(ch.isalnum() for ch in words[lead])):
        lead += 1
    if any(words[i:i + 2] in (["any", "leader"], ["any", "lead"], ["any", "leaders"])
           for i in range(lead, len(words) - 1)) and "who" not in (doc._.cues or {}):
        # "any leader for the Caribbean?", "Jamaica and Haiti, any leader assigned?" (not
        # "any idea if it'll rain in Lyon?")
        return True
    ends = {ent.end for ent in doc.ents}
    if "who" not in (doc._.cues or {}) and any(
            lower in SOMEONE and (i == 0 or i in ends or table.texts[i - 1] in (",", ":", "-", "—"))
            and len(doc) - i <= 4 for i, lower in enumerate(table.lowers)):
        return True  # "dubai & istanbul, anyone designated?": whether there is one
    if words[lead:lead + 2] in (["what", "about"], ["how", "about"]):
        # "what about Taiwan, is it Nissan since Nissan leads China?": the subject, then a
        # yes/no about it
        comma = next((i for i, text in enumerate(table.texts) if text == ","), None)
        if comma is not None and comma + 1 < len(table.lowers) \
                and table.lowers[comma + 1] in rules.yes_no_openers:
            return True
    lowers = table.lowers
    if "who" not in (doc._.cues or {}) and any(
            lowers[i - 1] in INNER_OPENERS and lowers[i] in rules.yes_no_openers
            and lowers[i + 1] in INNER_SUBJECTS for i in range(2, len(lowers) - 1)):
        return True  # "vladivostok is next door to japan so is it nissan there?"
    if words[lead] in rules.yes_no_openers:
        # "can you tell me who leads Japan?" / "do you know ..." are requests, not yes/no;
        # so is "could you please advise who is the Chairman …?" (a question word after "you")
        request = len(words) > lead + 2 and words[lead + 1] in REQUESTED and (any(
            word in rules.request_words for word in words[lead + 2:lead + 4])
            or not WH_OPENERS.isdisjoint(words[lead + 2:lead + 6]))
        # "could you (please) tell me ..."
        return not request
    cues = doc._.cues or {}
    if not rules.wh_words.isdisjoint(words) or _wh_at_edges(words, rules) \
            or _where_after_lead(doc, rules):
        return False  # "où Renault est-il leader ?", "comment Nissan suit-il ?"
    asks_who = "who" in cues and not _asks_anyone(doc)
    if "yes_or_no" in cues and not asks_who and "what" not in cues:
        return True  # said in words: "yes/no: is there a leader for India", "oui ou non, ..."
    requested = any(lemma in rules.request_words for lemma in table.lemmas[:limit])
    cleft = next((start for start, end in _put_forward(doc) if end < len(doc)
                  and _after_cleft(table.lowers, start, rules)
                  and table.lowers[end] in rules.relative_pronouns), None) \
        if rules.relative_pronouns else None
    if cleft is not None:
        # "le PHEV, c'est Renault qui lead ?", "c est nissan qui ...", "c'tu Renault qui ...";
        # a request is made before the cleft ("tu peux me dire si c'est…"): "c'est bien Senard
        # qui l'a dite ?" says, it asks nobody to say
        return not any(lemma in rules.request_words for lemma in table.lemmas[:cleft])
    if any(tuple(words[:len(phrase)]) == phrase for phrase in rules.yes_no_phrases):
        # "est-ce que Nissan dirige l'Europe ?"; "c'est bien Renault qui dirige la Russie ?":
        # a "qui" right after the company only links it to its verb
        relative = any(ent.label_ == "COMPANY" and ent.end < len(doc)
                       and table.lowers[ent.end] in rules.relative_pronouns for ent in doc.ents)
        return (not asks_who or relative or _cleft_relative(doc, rules)) and not requested
    if any(word in rules.inverted_subjects for word in words[1:5]):
        return not asks_who and "what" not in cues  # "Nissan dirige-t-il l'Europe ?"
    # "三菱はオセアニアのリーダーですか", and before a question mark inside the message
    # ("Fセグメントはリーダーがいますか？わかりません")
    endings = [words[-1], *(table.lowers[i - 1] for i in range(1, limit)
                            if table.texts[i] in ("?", "？") and not table.punct[i - 1])]
    if any(ending in rules.yes_no_endings for ending in endings):
        return not asks_who and "what" not in cues and not requested
    plain_claim = not asks_who and "what" not in cues and not requested
    if plain_claim and "inclusion" in cues and sum(
            ent.label_ in PLACE_ENT_LABELS for ent in doc.ents) > 1:
        return True  # "Hong Kong fait partie de la Chine ?", "taiwan counted as china?"
    if rules.intonation_questions and table.texts[limit - 1] in ("?", "？") and plain_claim \
            and "existence" in cues and "lead" in cues:
        return True  # "on a un leader désigné pour l'Inde ?": whether there is one
    if rules.intonation_questions and table.texts[limit - 1] in ("?", "？") and plain_claim \
            and not _asks_which_kind(doc, rules):
        # "Nissan suit là-bas ?", "日産は欧州でフォロワー？", "解消したの？" (not "日産の株価？")
        about_company = any(ent.label_ == "COMPANY" for ent in doc.ents)
        claims = any(key in cues for key in ("lead", "follow")) or len(doc.ents) > 1
        if (about_company and claims) or doc._.fact_denials:
            return True
    # "Renault leads Europe, right?" / "Nissan is the leader in China, correct?"
    return words[-1] in rules.yes_no_tails and len(words) > 2 \
        and not _closes_negation(words, rules) \
        and not (words[-1] in rules.verb_negations and "what" in cues)  # "quelles … lead pas ?"


def _closes_negation(words: list[str], rules: LanguageRules) -> bool:
    """The last word closes a negation the clause opened ("quelles régions Renault ne dirige
    pas ?"), so it is no tag asking Yes or No ("..., n'est-ce pas ?" is one)."""
    before = words[-4:-1]
    return any(word in rules.negation_openers and (i + 1 == len(before)
                                                    or before[i + 1] != "est")
               for i, word in enumerate(before))


def understand(doc: Doc, *, domain_words: set[str], context: dict[str, Any] | None = None,
               rules: LanguageRules | None = None) -> Understanding:
    """Read one clause; `context` is the previous question's understanding, for follow-ups."""
    rules = rules or rules_for("en")
    _set_fuzzy_kingdoms_aside(doc, rules)
    _set_conditional_request_aside(doc)
    _set_reason_aside(doc, rules)
    _set_premise_aside(doc, rules)
    _set_units_aside(doc, rules)
    _set_held_lists_aside(doc, rules)
    targets, companies, non_members, asker, located = _entities(doc, rules)
    cues: dict[str, int] = doc._.cues or {}
    facts: dict[str, int] = doc._.facts or {}
    hints: dict[str, int] = doc._.fact_hints or {}
    kinds = list((doc._.list_kinds or {}).keys())
    corrections = list(doc._.corrections or [])
    ambiguous = list(doc._.ambiguous or [])
    has = cues.__contains__
    unknown = _unknown_words(doc, domain_words)
    confidence = thresholds.BASE_CONFIDENCE
    for target in targets:
        confidence *= target.score
    coordinated = _coordinated(doc, rules)
    base = {"targets": targets, "companies": companies, "corrections": corrections,
            "set_aside": [t for t in doc.user_data.get(SET_ASIDE, []) if t not in targets],
            "coordinated": coordinated, "apart": _places_apart(doc) if coordinated else [],
            "about_asker": bool(asker) and len(asker) == len(targets),
            "asker_places": located,
            "purpose": _says_a_purpose(doc, targets, companies),
            # (not "or was it e-body, i always mix those two up": an alternative offered)
            "corrects": _corrects_before(doc), "curious": bool(REMARK_CUES & set(cues)) and not (
                has("who") or has("what") or has("list")
                or token_table(doc).lowers[0] in rules.choice_words)}

    def result(intent: Intent, factor: float = 1.0, reason: str = "",
               **extra: Any) -> Understanding:
        value = max(0.0, min(1.0, confidence * factor))
        fields = {**base, **extra}  # a follow-up replaces what it inherits
        if intent == Intent.FACT and (has("who") or not rules.spaced) \
                and _cue_outside_names(doc, "lead"):
            # "who was the leader on the Xpander/Livina?"; not "which brand makes the
            # Xpander?" (its maker), "who followed it?" (the labelled sets name no leader
            # there) nor "which model…?"
            fields["asks_company"] = True
        if intent == Intent.IS_LEADER and (any(has(cue) for cue in TAKING_PART)
                                           or _company_part_of(doc)) \
                and not (_cue_outside_names(doc, "lead") or has("follow")):
            # "is Nissan involved in that one at all?", "is Renault working with Nissan in
            # Brazil?": any role
            fields["asks_part"] = True
        return Understanding(intent=intent, confidence=value, reason=reason, **fields)

    tokens = token_table(doc)
    content = [text for text, punct in zip(tokens.texts, tokens.punct, strict=True) if not punct]
    if not content:
        return result(Intent.EMPTY, reason="nothing to read")
    if targets and located and not doc._.facts and not has("each_place") \
            and own_place(doc, rules) is not None:
        # "ma collègue est à Montréal et moi à Casablanca, qui pilote ma région ?": the asker's
        # place, not the colleague's named beside it
        base["targets"] = targets = list(located)
    if len(targets) > 1 and not doc._.facts and others_place(doc, rules) is not None:
        # "Mrs. Dubois is moving from Paris to Toronto, who leads her new market?": the place
        # she goes to, not the one she comes from
        origins = _origin_places(doc)
        if origins and any(t.text not in origins for t in targets):
            base["targets"] = targets = [t for t in targets if t.text not in origins]
    namesakes = doc.user_data.get(OTHER_NAMESAKES)
    if namesakes and not targets and not doc._.facts:
        # "who leads perth (not australia)": the one Perth we know is set aside
        return result(Intent.CLARIFY, 0.5, reason=OTHER_NAMESAKE, candidates=namesakes[:1],
                      other_namesake=True)
    others = None if targets or doc._.facts else others_place(doc, rules)
    if others is not None:
        # "which company leads his region?": the place the thread gave that person
        return result(Intent.CLARIFY, 0.5, reason=OTHERS_PLACE, others_place=others)
    if not targets and not doc._.facts:
        base["others_object"] = others_object(doc, rules)
    own = None if targets or doc._.facts else own_place(doc, rules)
    if own is not None:
        # "and for my own region?": the asker's place, from this message or the thread (the
        # assistant puts it in); without one, ask back rather than list every region
        return result(Intent.CLARIFY, 0.5, reason=OWN_PLACE, own_place=own)
    if ambiguous and not targets and not companies:
        candidates = [Target(kind=TargetKind(kind), id=ident, text=name.title(), country=country
                             or None) for _, options in ambiguous
                      for name, kind, ident, country in options
                      if kind not in ("cue", "company", "non_member")]
        return result(Intent.CLARIFY, 0.5, reason=f"fuzzy tie: {ambiguous}",
                      candidates=candidates)
    unknown_segment = doc.user_data.get(UNKNOWN_SEGMENT)
    if unknown_segment and not any(t.kind == TargetKind.SEGMENT for t in targets):
        # "Q-segment cars: Renault or Mitsubishi?": not every segment, but one we don't know
        return result(Intent.CLARIFY, 0.5, reason=UNKNOWN_NAME, unknown_name=unknown_segment)
    if non_members and targets and (has("lead") or has("follow")) and (
            not has("who") or _is_yes_no(doc, rules)  # ("c'est BYD qui lead en Chine ?")
            or _guessed_company(doc)):  # ("who leads japan, toyota?")
        # "so toyota will lead japan, correct?", "hyundai follows in south east asia, right?":
        # a carmaker outside the Alliance has no role in its plan
        return result(Intent.IS_LEADER, reason="a claim about a non-member automaker",
                      yes_no=True, non_member=non_members[0])
    if non_members and not companies and not targets and context and targets_of(context) \
            and len(content) <= NON_MEMBER_GUESS:
        # "who's leading new zealand - is it toyota?", "who leads japan? toyota?": a carmaker
        # outside the Alliance guessed for what was just asked
        return result(Intent.IS_LEADER, reason="a non-member guessed for the subject",
                      targets=targets_of(context), yes_no=True, from_context=True,
                      non_member=non_members[0])
    if non_members and not companies:
        return result(Intent.OUT_OF_SCOPE, reason="about a non-member automaker",
                      non_member=non_members[0])

    yes_no = _is_yes_no(doc, rules)
    # "why does Nissan lead the EV powertrain?" asks for an explanation, not a Yes
    # "why does Nissan lead EV?", "pourquoi Nissan…", "なぜ日産が…": asks for more than Yes
    explains = content[0].lower() in EXPLAINING or not rules.wh_words.isdisjoint(
        w.lower() for w in content)
    asks_who = has("who") and not _asks_which_kind(doc, rules) and not _asks_anyone(doc) \
        and not _cleft_relative(doc, rules) and not _only_about_a_person(doc)
    leads = has("lead")
    if companies and kinds and has("what") and targets and all(t in located for t in targets):
        # "im in the Yokohama office, what are the regions Mitsubishi doesn't lead?": a kind
        # asked of a company; the place is only where the asker sits
        base["targets"] = targets = []
    # "who doesn't lead China?" asks for followers; "what ... apart from regions" excludes a kind;
    # "London Ontario (not UK), who leads?" sets a place aside
    negates_leading = has("negation") and _negates_leading(doc, rules)
    # "which regions does Renault not lead?" asks for the regions it follows in
    # "which segments have no leader?": the kind's entries nobody leads
    unled = has("negation") and bool(kinds) and leads and not companies and not targets \
        and not has("follow")
    excludes_kind = has("negation") and bool(kinds) and not asks_who and not unled and not (
        negates_leading and companies and not targets)
    follows = has("follow") or (negates_leading and (leads or asks_who) and not yes_no
                                and not excludes_kind and not unled)
    if excludes_kind:
        # "apart from regions, what does Nissan lead?": its technologies
        kinds = [OTHER_KIND[kinds[0]]] if len(kinds) == 1 and kinds[0] in OTHER_KIND else []
    if companies and not targets and not kinds and (leads or follows) and _asks_where(doc, rules):
        kinds = ["region"]  # "where does Nissan lead?": its regions
    # a phrase a fact contradicts ("Carlos Ghosn presented it?") points at that fact as a hint
    # does, and makes the answer No only about that fact
    denials: dict[str, int] = doc._.fact_denials or {}
    general = doc.user_data.get(GENERAL_FACTS, frozenset())
    strong_fact = _best_fact(facts, hints, denials, general) if facts else None
    hint_fact = _best_fact(facts, hints, denials, general) if hints or denials else None
    if hint_fact and asker and len(asker) == len(targets) and _asks_why(content):
        # "I am assistant of VP in Yokohama (korean …). why did the alliance choose this
        # model?": the places only say who asks; the question is the fact
        base["targets"] = targets = []
    # "did analysts expect them to break up?" asks about the expectation, not whether they
    # did: a claim the fact denies, said to be expected, gets the fact without a No
    expected = has("expecting")
    denied = any(name in denials for name in (strong_fact, hint_fact) if name) and not expected
    base.update(yes_no=yes_no, denied=denied, exists=has("existence"))
    # "je suis au Brésil, mon N+1 au Japon.": no word of a question, it only says something
    # ("my boss is in Auckland", "mon chef est à Montréal": a word of leading after a
    # possessive is a person)
    base["statement"] = not (asks_who or leads and not _a_persons_title(doc, rules)
                             or follows or yes_no or has("what")
                             or has("list") or any(
                                 text in ("?", "？") for text in tokens.texts))
    if expected and any(name in denials for name in (strong_fact, hint_fact) if name):
        base["weak_fact"] = True  # the fact, without a Yes or No the bot can't vouch for
    if yes_no and not companies and (has("none_claim") or rules.spaced and has("negation")
                                     and has("existence")):
        # "there's no leader for India, right?", "y a personne c'est ça ?": a claim that none
        # exists, confirmed by Yes when none does; asked without a tag ("nobody leads
        # India?") its Yes or No could be read either way, so the answer only says the fact
        if _tagged(doc, rules) or not rules.spaced:
            base.update(exists=True, claims_none=True)
        else:
            base["yes_no"] = False
    unknown_factor = thresholds.UNKNOWN_WORD_FACTOR ** min(len(unknown), 6)
    # ("I'm in the paris office: when was the plan announced?": a fact's hint, nothing led)
    # (not "we're shipping parts to Guam next month", which asks nothing)
    asks_a_fact = not base["statement"] or not (EXPLAINING | rules.wh_words).isdisjoint(
        w.lower() for w in content)
    if (strong_fact or hint_fact and asks_a_fact and not (leads or follows or asks_who)) \
            and not companies and targets and all(t in located for t in targets) \
            and base["about_asker"] and not has("refer"):  # ("... leader for that market?")
        # "im at the Valladolid plant, who leads on truck development?": the fact's words are
        # what is asked; the place is only where the asker sits
        base["targets"] = targets = []

    named_tech = _named_technology(doc, targets, unknown, rules)
    if named_tech:
        # "the Zorvex quantum drivetrain": a name we don't know makes it another thing than the
        # plan's powertrains
        return result(Intent.CLARIFY, 0.5, reason=UNKNOWN_NAME, unknown_name=named_tech,
                      targets=[])
    if targets and base["about_asker"] and (leads or asks_who or has("asking")):
        strange = [name for name in _unknown_names(unknown, rules)
                   if len(name) > 2 and _asked_about(doc, name, rules)]
        if strange:
            # "I'm in Lyon, who leads Wakanda?": the place asked about is one we don't know,
            # and the asker's own place is not the answer
            return result(Intent.CLARIFY, 0.5, reason=UNKNOWN_NAME, unknown_name=strange[-1],
                          targets=[])
    # ("who leads pricing?" names a topic nobody leads: its word asks no price)
    priced = {i for i, found in doc.user_data.get("cue_starts", {}).items() if "amount" in found}
    topics = {i for ent in doc.ents if ent.label_ == "TOPIC" for i in range(ent.start, ent.end)}
    # ("how much will be jointly developed by 2025": the fact that gives that amount; not
    # "how much does the 2025 plan cost?", money)
    amount_fact = strong_fact in doc.user_data.get(AMOUNT_FACTS, ()) and not has("money")
    if has("people") and has("person_names") and not strong_fact \
            and not _a_persons_title(doc, rules, "people"):
        # "who is Nissan's executive in charge of China?", "日産の中国担当役員の名前わかる？":
        # a person the article doesn't name, not the company that leads there
        return result(Intent.OUT_OF_SCOPE, reason="asks for a person the plan doesn't name",
                      person_asked=True, targets=[])
    if (priced - topics or priced and not (leads or follows or has("who"))) and not amount_fact:
        # "how much does a Leaf cost?": the Leaf is a fact, its price is not ("who decides
        # prices?" asks who is in charge of pricing)
        return result(Intent.OUT_OF_SCOPE, reason="asks for a price the plan doesn't give")
    if context and targets:
        # "my boss says it's Renault since it's French territory": the place after "since" is
        # the argument; the subject is the one in the thread
        argued = _argued_places(doc, rules)
        targets = [t for t in targets if t.text not in argued]
    if has("farewell") and not (asks_who or has("what") or (yes_no and not _ends_in_courtesy(doc))
                                or companies) \
            and "?" not in tokens.texts and not (targets and (
                leads or has("follow") or has("follow_up") or has("list"))) \
            and not (targets and context and _place_after_farewell(doc, rules)):
        # "cool, heading into a meeting, cya": a goodbye, whatever words of leading come before;
        # "thanks! heading to brazil next week, bye": a place in a goodbye is news, not a question
        return result(Intent.THANKS, reason="goodbye", leaving=True)
    qualified = _unknown_qualifier(doc, unknown) if rules.spaced else None
    if qualified and (leads or asks_who) and not companies:
        # "who leads the flux capacitor drivetrain?": a kind of powertrain the plan doesn't
        # name, not every powertrain it does
        return result(Intent.CLARIFY, 0.5, reason=UNKNOWN_NAME, unknown_name=qualified)
    # ("hello from the monterrey office :) who owns the Project Saffron initiative?": the
    # asker's place is no subject beside a programme)
    only_context = not targets or bool(asker) and len(asker) == len(targets)
    # (with the asker's place beside it, only a name said to be a programme: not "tier1")
    programmes = (_programme_names(doc) if not targets else _code_names(doc)) \
        + _named_programmes(doc, unknown, rules) \
        if only_context and not companies and (leads or asks_who) else []
    if not programmes and (leads or asks_who):
        # ("qui pilote le projet Mitsubishi Aurélio pour l'europe ?": a programme the plan
        # doesn't name, whatever place it is for)
        programmes = _named_programmes(doc, unknown, rules)
    if (context or targets) and programmes:
        # "supplier from Da Nang. who is leader of the 'Kestrel-X module program'?": a
        # programme the plan doesn't name, never the subject in the thread
        return result(Intent.CLARIFY, 0.5, reason=UNKNOWN_NAME, unknown_name=programmes[0])
    unheard = _programme_names(doc) + _named_programmes(doc, unknown, rules) + [
        name for name in _unknown_names(unknown, rules)
        if (_asked_about(doc, name, rules) or _placed_by(doc, name, rules)
            or _after_programme_word(doc, name))
        and not _owned(doc, name)] \
        if not targets and not companies and (leads or asks_who) and not has("list") else []
    if context and unheard and not strong_fact and not hint_fact:
        # "who leads china?" then "who leads Zorbistan?": a name we don't know is asked back,
        # never read as the subject in the thread
        return result(Intent.CLARIFY, 0.5, reason=UNKNOWN_NAME, unknown_name=unheard[0])
    if context:
        # "which alliance member leads over there?" points back at the place in the thread,
        # whatever fact its words also name
        points_back = asks_who and leads and has("refer") and bool(context.get("targets"))
        # a fact of its own: a keyword, a list, "and who presented it?" after another fact, a
        # kind word ("in these two countries" names no new kind)
        # (not "which companies would follow them there?": a hint beside words pointing back
        # at the subject, about leading or following it)
        # (nor "and on C, which company leads?": a hint in the words asking who leads)
        own_question = bool(strong_fact or (
            hint_fact and (asks_who or has("what") or denials) and not (asks_who and leads)
            and hint_fact not in context.get("facts", [hint_fact])
            and not (has("refer") and (leads or follows) and context.get("targets"))))
        follow_up = _follow_up(result, context, doc, targets=targets, companies=companies,
                               asks=Asks(who=asks_who, lead=leads, follow=follows,
                                         what=has("what"), yes_no=yes_no,
                                         other=bool(own_question and not points_back
                                                    or has("list")
                                                    or (kinds and not targets
                                                        and not has("refer")))),
                               rules=rules)
        if follow_up is not None:
            if follow_up.intent == Intent.IS_LEADER:  # "my boss says X is Y so Z?" in a thread
                follow_up.targets = _without_premises(doc, follow_up.targets, rules)
                # "wait so nissan doesn't lead there, right?"
                follow_up.negated = _negation_claimed(doc, rules)
            return follow_up
    refers = has("refer")
    if companies and not targets and yes_no and refers and not has("what") \
            and not strong_fact and not (hint_fact and _asks_why(content)):
        # "is it Renault?" with nothing asked before: Renault leads what?
        return result(Intent.CLARIFY, 0.5, reason=NO_SUBJECT)

    if not targets:
        coded = _programme_names(doc) + _named_programmes(doc, unknown, rules)
        if coded and (leads or asks_who or yes_no):
            # "quelle entreprise pilote le programme Aurora-X ?": a programme the plan doesn't
            # name, whatever fact "quelle entreprise" hints at
            return result(Intent.CLARIFY, 0.5, reason=UNKNOWN_NAME, unknown_name=coded[0])
    if not targets and not companies:
        placed = [name for name in _unknown_names(unknown, rules)
                  if _placed_by(doc, name, rules, capital=False)]
        if strong_fact and placed and (leads or asks_who):
            # "who runs the alliance in freedonia?": the place is one we don't know, not a
            # question about the model's chairman
            return result(Intent.CLARIFY, 0.5, reason=UNKNOWN_NAME, unknown_name=placed[0])
        if strong_fact:
            # "who leads trucks?", "is there a leader for trucks?": nobody, and the fact
            return result(Intent.FACT, reason="fact keyword", facts=[strong_fact],
                          asks_leader=leads and (asks_who or yes_no and not companies))
        if has("help") and not hint_fact:
            return result(Intent.HELP, reason="help cue")
        if hint_fact and _asks_who_said(doc, rules) and (asks_who or not has("list")):
            # "who said the quote about covering all segments and geographies?": a person's
            # words, not the list of segments nor a name to ask back about; "who announced
            # this model?" asks about the announcement, not what the model is
            said = _best_fact({}, {k: n for k, n in hints.items() if k not in general}) \
                if set(hints) - general else hint_fact
            return result(Intent.FACT, reason="words someone said", facts=[said])
        names = _unknown_names(unknown, rules, _code_names(doc)) \
            or _unknown_kind(doc, rules, unknown)
        if names and (leads or asks_who or kinds and has("what")) and not has("list"):
            # "who heads up the Zorbistan market?": a name we don't know is not "every region";
            # nor is "which region is Elbonia in?"
            return result(Intent.CLARIFY, 0.5, reason=UNKNOWN_NAME, unknown_name=names[0])
        if hint_fact and _asks_why(content) and not kinds and sum(hints.values()) > 1:
            # "je fais une synthèse pour mon manager … pourquoi l'Alliance a adopté ce modèle,
            # tu peux m'expliquer ?": why the model, not the summary the asker is writing
            return result(Intent.FACT, thresholds.HINT_ONLY_FACTOR, reason="why, beside a list",
                          facts=[hint_fact], weak_fact=True)
        subject = [t for t in targets_of(context or {})
                   if t.kind in (TargetKind.TECH, TargetKind.FAMILY)]
        if has("exactly") and kinds == ["technology"] and subject and not companies:
            # "who leads connected tech?" then "c'est sur quelle techno exactement ?": the
            # technology in context, said exactly, not every technology
            return result(Intent.WHO_LEADS, thresholds.CONTEXT_FACTOR, targets=subject,
                          reason="which one, exactly, of the subject", from_context=True)
        if has("list") or (kinds and (has("what") or has("who") or leads or has("list_weak"))):
            kind = kinds[0] if len(kinds) == 1 else None
            return result(Intent.LIST, reason="list cue", list_kind=kind, unled=unled)
        if has("list_weak") and leads:
            # "who leads each?": every leader, unless a clause before named what "each" is
            return result(Intent.LIST, reason=EACH_OF_THEM, unled=unled)

        if any(has(cue) for cue in SOCIAL) and len(unknown) <= 1 and not hint_fact \
                and len(content) - doc.user_data.get(SOCIAL_WORDS, 0) <= SMALL_TALK_WORDS:
            if has("farewell"):  # "perfect, gotta run": said goodbye, asked nothing
                return result(Intent.THANKS, reason="goodbye", leaving=True)
            intent = Intent.THANKS if has("thanks") and not has("pleasantry") \
                else Intent.GREETING
            return result(intent, reason="small talk")
        if (leads and not unknown or asks_who and len(content) <= 3) and not (
                hint_fact and {w.lower() for w in content[:3]} & EXPLAINING):
            # "who leads?" has no subject; "on what basis are leaders assigned?" asks a fact
            return result(Intent.CLARIFY, 0.5, reason=NO_SUBJECT)
        if hint_fact and leads and asks_who and _led_thing_unknown(doc, unknown, domain_words):
            # "which company leads the quantum warp drive program?": what is led is nothing the
            # plan knows, whatever fact "which company" hints at
            return result(Intent.OUT_OF_SCOPE, reason=f"leads something unknown {unknown[:3]}")
        if hint_fact and _asks_why(content) and sum(hints.values()) <= 1 and unknown \
                and not (has("lead") or has("follow")) \
                and THEY.isdisjoint(token_table(doc).lowers):
            # "why is the sky blue?": "why" alone hints at why the plan was adopted; nothing
            # else of the plan is asked
            return result(Intent.OUT_OF_SCOPE, reason=f"why, of nothing in the plan {unknown[:3]}")
        if hint_fact:
            # ("were people predicting the alliance would dissolve?": a rumour of what the fact
            # denies names that fact, whatever else the message says)
            # (nor "VP want 2-3 sentences: why did the alliance choose this model?": why)
            rumoured = expected and hint_fact in denials or _asks_why(content) \
                and sum(hints.values()) > 1  # (a word of the plan besides "why")
            return result(Intent.FACT, thresholds.HINT_ONLY_FACTOR * (
                1.0 if rumoured else unknown_factor),
                          reason="fact hint only", facts=[hint_fact], weak_fact=True)
        if context and has("follow_up"):
            return result(Intent.CLARIFY, 0.5, reason=FOLLOW_UP_UNREAD)
        return result(Intent.OUT_OF_SCOPE, reason=f"nothing recognised (unknown: {unknown[:5]})")

    if strong_fact and has("made") and not leads and not follows:
        # "who engineered the Leaf EV?": the fact that says so, not who leads its technology
        return result(Intent.FACT, reason="who made what a fact names", facts=[strong_fact])
    # "can u explain mitsubishi's role in the leader follower model": what the company leads
    # in the model, not the model
    role_in_model = strong_fact in general and bool(companies) and not yes_no \
        and _cue_outside_names(doc, "lead")
    if strong_fact and not targets and not role_in_model:
        # "which car did Mitsubishi release that Nissan's Livina followed?": a fact's own
        # words and a company, with nothing else led, point at the fact
        return result(Intent.FACT, reason="fact keyword beside a company", facts=[strong_fact])
    offers_choice = bool(rules.choice_words.intersection(tokens.lowers))  # "Renault or Nissan"
    names = _unknown_names(unknown, rules) if len(companies) > 1 and offers_choice \
        and not targets else []
    if names:
        # "New Kalvoria, Renault or Nissan?": the choice is about a name we don't know
        return result(Intent.CLARIFY, 0.5, reason=UNKNOWN_NAME, unknown_name=names[0])
    if strong_fact and not leads and not follows and (not yes_no or not companies) \
            and not (asks_who and targets and not companies):
        # "do they buy batteries together?": a yes/no about a fact that names a topic is about
        # the fact; with a company named it may ask whether that company leads (IS_LEADER);
        # "North Africa goes to which member?" asks who leads a place the fact words sit beside
        return result(Intent.FACT, reason="fact keyword beside entities", facts=[strong_fact])
    if companies and not targets and hint_fact and yes_no:
        return result(Intent.FACT, thresholds.HINT_ONLY_FACTOR, reason="yes/no about a fact",
                      facts=[hint_fact], weak_fact=True)
    # "I'm in Morocco but asking about New Zealand": the asking word carries the question
    # ("question about the weather in Osaka" asks nothing of the plan)
    # nor does "asking from Paris", which says where the message comes from
    asks_about = has("asking") and bool(targets) and not unknown and not _from_origin(doc)
    asked_something = leads or asks_who or follows or yes_no or asks_about or (
        context and has("follow_up")) or (hint_fact and _asks_why(content)) \
        or (has("guess") and bool(targets) and bool(companies)) \
        or (has("list") and bool(targets))  # ("ペルーとタイをもう一度まとめて": a recap of them)
    if unknown and not asked_something and not strong_fact:
        return result(Intent.OUT_OF_SCOPE, reason=f"entities with unrelated words {unknown[:5]}")
    cue_factor = 1.0 if (leads or asks_who or follows or has("what") or yes_no or asks_about) \
        else thresholds.NO_CUE_FACTOR
    factor = cue_factor * unknown_factor
    # ("do nissan and mitsubishi cooperate in mexico or no": both take part, no choice)
    choice = len(companies) > 1 and (not yes_no or offers_choice) \
        and not any(has(cue) for cue in TAKING_PART)
    if targets and companies and _role_choice(doc, rules):
        # "is Nissan leader or follower in China?": the roles, not a Yes about one of them
        intent = Intent.WHO_LEADS
        base["yes_no"] = False
    elif targets and choice and not follows:
        intent = Intent.WHO_LEADS  # "Nissan or Renault for Brazil?", "is Renault or Nissan ...?"
        base["yes_no"] = False  # a choice is answered by a name, not by Yes
    elif targets and companies and yes_no:
        intent = Intent.IS_LEADER
        base["asks_follower"] = follows
    elif follows and targets and (asks_who or not companies):
        intent = Intent.WHO_FOLLOWS
    elif follows and companies and asks_who:
        intent = Intent.WHO_FOLLOWS  # "who follows Nissan?": Nissan's followers
    elif follows and companies and targets and not has("what") and not explains:
        intent = Intent.IS_LEADER  # "nissan follows in argentina?": Yes or No
        base.update(asks_follower=True, yes_no=True)
    elif follows and companies:
        intent = Intent.WHAT_FOLLOWS
    elif targets and companies and not asks_who and not explains \
            and not _asks_where(doc, rules) and not (leads and _opens_with_what(doc, rules)):
        # ("que dirige Mitsubishi en Asie ?" asks what it leads there, not whether it does;
        # "vous confirmez que Nissan lead l'E-body ?" does)
        intent = Intent.IS_LEADER
        base["asks_follower"] = follows
        base["yes_no"] = True
    elif targets:
        intent = Intent.WHO_LEADS
    elif coded := _programme_names(doc):
        # "is the Cairo-2 initiative Nissan's?": about a programme the plan doesn't name
        return result(Intent.CLARIFY, 0.5, reason=UNKNOWN_NAME, unknown_name=coded[0])
    elif hint_fact and _asks_why(content) and not leads and not kinds:
        # "why did renault and nissan adopt this model?", "what's the reason nissan agreed to
        # it": the companies are the fact's (not "how are Nissan shares doing?", a hint's word
        # used otherwise)
        return result(Intent.FACT, thresholds.HINT_ONLY_FACTOR, reason="why beside companies",
                      facts=[hint_fact], weak_fact=True)
    elif has("list") or kinds or leads or has("what") or len(content) <= 3 or yes_no:
        intent = Intent.WHAT_LEADS
    else:
        return result(Intent.OUT_OF_SCOPE, reason="a company with no question about leading")
    if intent in (Intent.WHO_LEADS, Intent.WHO_FOLLOWS) and companies \
            and _guessed_company(doc):
        # "who leads vietnam, nissan?": a guess at the answer, answered Yes or No; "who leads
        # taiwan market, nissan like japan?": the company guessed argues from Japan
        base["asks_follower"] = intent == Intent.WHO_FOLLOWS
        base.update(yes_no=True, targets=_without_premises(doc, targets, rules))
        intent, targets = Intent.IS_LEADER, base["targets"]
    elif intent == Intent.WHO_LEADS and companies:
        base["targets"] = targets = _without_premises(doc, targets, rules)
    if intent == Intent.IS_LEADER:
        if non_members:  # "hyundai is the follower in south east asia right, with nissan"
            base["non_member"] = non_members[0]
        base["negated"] = _negation_claimed(doc, rules)
        if base["negated"] and not has("follow"):
            # "renault doesnt lead japan does it": the negation is the claim's, not a question
            # about following
            base["asks_follower"] = False
        # "Turkey is in Europe so Renault?": about Turkey; Europe is the asker's premise
        base["targets"] = targets = _without_premises(doc, targets, rules)
        if _asks_membership(doc, targets, rules):
            # "台湾は中国扱い？ニッサンがリーダー？": the claim is about Taiwan, not China
            base["targets"] = targets = [t for t in targets if t.kind in NARROW_PLACES]
        base["whole"] = _asks_whole(doc)
        roles = _claimed_roles(doc) if len(companies) > 1 and leads and has("follow") else {}
        if set(roles.values()) == {"lead", "follow"} and set(roles) == set(companies):
            # "Nissan = leader in NA, Renault and Mitsubishi = followers. yes?"
            base["companies"] = [c for c in companies if roles[c] == "lead"]
            base["followers_claimed"] = [c for c in companies if roles[c] == "follow"]
            base["asks_follower"] = False
    kind = kinds[0] if len(kinds) == 1 and intent in (Intent.WHAT_LEADS, Intent.WHAT_FOLLOWS) \
        else None
    compare = _compared(_without_conditional_difference(doc, cues)) \
        if intent == Intent.WHO_LEADS and targets else None
    if compare and len(targets) == 1 and located and located[0] not in targets:
        # "sitting in sydney rn — is singapore the same leader as here?": against the asker's
        base["targets"] = targets = [located[0], *targets]
    compare = compare if len(targets) > 1 else None
    if intent == Intent.WHO_LEADS and not compare and (
            yes_no and _asks_membership(doc, targets, rules)
            or _names_its_region(doc, targets, yes_no)):
        # "is Turkey counted as Europe?", "is turkey europe?", "トルコってヨーロッパ？": Yes when
        # the plan puts it there
        compare = "member"
    if intent == Intent.WHO_LEADS and not compare and _regions_to_choose(doc, targets, rules):
        # "is turkey europe or middle east?", "トルコってヨーロッパ？中東？": which region the
        # place is in, answered with the place's own (never the leader of the ones offered)
        base.update(yes_no=False, targets=[t for t in targets if t.kind in NARROW_PLACES])
    if compare:
        base.update(yes_no=True, compare=compare)
    return result(intent, factor, reason=f"cues={sorted(cues)} unknown={unknown[:5]}",
                  list_kind=kind)


AND_WORDS = word_set("and_words")


def _regions_to_choose(doc: Doc, targets: list[Target], rules: LanguageRules) -> bool:
    """One country, city or state, then two regions or zones offered as a choice ("or", "ou",
    "それとも", a question mark between them), nothing else named."""
    narrow = [t for t in targets if t.kind in NARROW_PLACES]
    wide = [ent for ent in doc.ents if ent.label_ in ("REGION", "ZONE")]
    if len(narrow) != 1 or len(wide) < 2 or len(targets) != 1 + len(wide):
        return False
    table = token_table(doc)
    between = [table.lowers[i] for a, b in zip(wide, wide[1:], strict=False)
               for i in range(a.end, b.start)]
    if not rules.spaced and any(word in "".join(between) for word in rules.choice_words):
        return True  # ("それとも", which Sudachi may cut in three)
    return AND_WORDS.isdisjoint(between) and bool(
        rules.choice_words.intersection(between) or {"?", "？"}.intersection(between))


WHOLE = word_set("whole")


def _asks_whole(doc: Doc) -> bool:
    """"Does Nissan lead all of Asia?", "toute l'Asie", "アジア全体", "Morocco and Turkey, both
    Renault?": a quantifier within two words of a place asks about every part of it."""
    lowers = token_table(doc).lowers
    places = [ent for ent in doc.ents if ent.label_ in PLACE_ENT_LABELS]
    for ent in places:
        near = lowers[max(0, ent.start - 3):ent.start] + lowers[ent.end:ent.end + 2]
        if WHOLE.intersection(near):
            return True
    # "Pour la Russie et la Turquie, le leader c'est Renault pour les deux, c'est ça ?", "A
    # segment and C segment electrified stuff, renault leads both right?", "…どちらも三菱？"
    named = [ent for ent in doc.ents if ent.label_ in PLACE_ENT_LABELS | {"SEGMENT", "TECH"}]
    if len(named) < 2:
        return False
    rest = lowers[named[-1].end:]
    pairs = {"".join(rest[i:i + 2]) for i in range(len(rest))}
    return not BOTH_WORDS.isdisjoint(rest) or not BOTH_WORDS.isdisjoint(pairs)


BOTH_WORDS = word_set("both_words")


def _argued_places(doc: Doc, rules: LanguageRules) -> set[str]:
    """The places named only after a reason word, when none comes before it."""
    reason = _phrase_at(token_table(doc).lowers, rules.reason_phrases)
    places = [ent for ent in doc.ents if ent.label_ in PLACE_ENT_LABELS]
    if reason is None or any(ent.end <= reason[0] for ent in places):
        return set()
    return {ent.text for ent in places}


def _without_premises(doc: Doc, targets: list[Target], rules: LanguageRules) -> list[Target]:
    """The places a yes/no question asks about, without those it only argues from: a claim
    before a conclusion word ("Taïwan c'est la Chine donc Nissan ?", "グアムはアメリカだから
    日産？") is about its first place; a reason after a reason word ("NZ is Nissan because of
    all the Japanese cars") names no subject when a place came before it."""
    lowers = token_table(doc).lowers
    # (the places still asked: "hello from Nicosia dealer, Cyprus is EU member so …" argues
    # about Cyprus, the asker's Nicosia set aside already)
    texts = {t.text for t in targets}
    places = [ent for ent in doc.ents if ent.label_ in PLACE_ENT_LABELS and ent.text in texts]

    def found(phrases: tuple[tuple[str, ...], ...]) -> int | None:
        at = _phrase_at(lowers, phrases, start=1)
        return at[0] if at else None

    dropped: set[str] = set()
    # the last conclusion word: "c danois donc europe => renault ?" argues through Europe
    conclusion = max((i for i in range(1, len(lowers)) if any(
        tuple(lowers[i:i + len(phrase)]) == phrase for phrase in rules.conclusion_phrases)),
        default=None)
    before = [ent for ent in places if conclusion is not None and ent.end <= conclusion]
    if len(before) >= 2:
        # (not "Paris, Texas... c'est Nissan du coup ?": a place right after a comma says where
        # the one before it is)
        dropped |= {ent.text for previous, ent in zip(before, before[1:], strict=False)
                    if not set(lowers[previous.end:ent.start]) <= {",", "("}}
    opens = (_phrase_at(lowers[:3], rules.reason_phrases) or (1,))[0] == 0
    if opens and len(places) >= 2:
        # "vu que le Mexique est en Amérique latine, c'est Renault ?": a premise first, the
        # question about its first place after it
        dropped |= {ent.text for ent in places[1:]}
    reason = found(rules.reason_phrases) or (found(rules.comparison_phrases)
                                             if rules.spaced else None)
    if reason is not None and any(ent.end <= reason for ent in places):
        # "NZ is Nissan because of the Japanese cars", "Kazakhstan, Renault like Russia?"
        dropped |= {ent.text for ent in places if ent.start > reason}
    yardstick = None if rules.spaced else found(rules.comparison_phrases)
    if yardstick is not None:
        # Japanese names the yardstick before the word: "カザフスタンもロシアと同じで…"
        named = [ent for ent in places if ent.end <= yardstick]
        if len(named) >= 2:
            dropped.add(named[-1].text)
    kept = [t for t in targets if t.text not in dropped]
    return kept or targets


def _asks_membership(doc: Doc, targets: list[Target], rules: LanguageRules) -> bool:
    """"Is Hong Kong part of China?", "does Mexico count as North America?", "is Turkey in
    Europe?": a country, city or state and a region, with a word of inclusion or a preposition
    of place before the region."""
    narrow = [t for t in targets if t.kind in NARROW_PLACES]
    wide = [t for t in targets if t.kind in WIDE_PLACES]
    if len(narrow) != 1 or len(wide) != 1 or len(targets) != 2:
        return False
    if "inclusion" in (doc._.cues or {}):
        return True
    lowers = token_table(doc).lowers
    places = QUALIFYING if rules.code == "en" else rules.qualifying
    spans = {ent.text: ent for ent in doc.ents}
    first, second = spans.get(narrow[0].text), spans.get(wide[0].text)
    # "Istanbul in Europe", not "a leader for Japan and Brazil"
    return first is not None and second is not None and first.end < second.start \
        and lowers[second.start - 1] in places \
        and not set(lowers[first.end:second.start]) & rules.coordinators


# words that may join a place to the region it is said to be ("is turkey europe?", "la Turquie
# c'est l'Europe ?", "トルコってヨーロッパ？")
REGION_LINKS = word_set("region_links")


def _names_its_region(doc: Doc, targets: list[Target], yes_no: bool) -> bool:
    """A question that only puts a country or city beside a region with a copula or a topic
    particle between them ("is turkey europe?", "トルコってヨーロッパ？") asks whether it is
    there."""
    # (a name two places share, "ジョージア", is one name)
    narrow = list({t.text: t for t in targets if t.kind in NARROW_PLACES}.values())
    wide = list({t.text: t for t in targets if t.kind in WIDE_PLACES}.values())
    if len(narrow) != 1 or len(wide) != 1 or len({t.text for t in targets}) != 2:
        return False
    spans = {ent.text: ent for ent in doc.ents}
    first, second = spans.get(narrow[0].text), spans.get(wide[0].text)
    table = token_table(doc)
    if first is None or second is None or first.end > second.start:
        return False
    limit = doc.user_data.get(ASIDE_TAIL, len(doc))  # ("…？いつも南米とごっちゃになる")
    words = [(i, w) for i, (w, punct) in enumerate(zip(table.lowers, table.punct, strict=True))
             if not punct and not first.start <= i < first.end
             and not second.start <= i < second.end and i < limit]
    # nothing but the links and a word opening the message ("so is turkey europe?")
    return (yes_no or "?" in table.texts or "？" in table.texts) and all(
        w in REGION_LINKS or i < first.start and w in DISCOURSE_OPENERS for i, w in words)


# words that make the difference after them a condition ("もし違う場合は…", "if not, which one?")
CONDITION_AFTER = word_set("condition_after")
CONDITION_BEFORE = word_set("condition_before")
# a sentence opening on one of these is said only for the other answer ("Sinon, merci …")
OTHERWISE = word_set("otherwise")
NEGATIONS = word_set("negations")


def _without_conditional_difference(doc: Doc, cues: dict[str, int]) -> dict[str, int]:
    """"リーダーは同じ会社という認識でよろしいでしょうか。もし違う場合はどの会社か…": a difference
    said as a condition asks nothing; the question is whether it is the same."""
    if "different_leader" not in cues or "same_leader" not in cues:
        return cues
    lowers = token_table(doc).lowers
    at = [i for i, found in doc.user_data.get("cue_starts", {}).items()
          if "different_leader" in found]
    if all(CONDITION_AFTER.intersection(lowers[i + 1:i + 4])
           or CONDITION_BEFORE.intersection(lowers[max(0, i - 3):i]) for i in at):
        return {key: n for key, n in cues.items() if key != "different_leader"}
    return cues


def _compared(cues: dict[str, int]) -> str | None:
    """"Spain and Argentina, same leader?" compares its subjects; "not the same" or
    "different" asks the opposite."""
    if "different_leader" in cues:
        return "different"
    return "same" if "same_leader" in cues else None


@dataclass(frozen=True)
class Asks:
    """What a clause asks, as its cue words say."""

    who: bool
    lead: bool
    follow: bool
    what: bool
    yes_no: bool
    other: bool  # a fact, a list: a question of its own


LEADERSHIP_INTENTS = frozenset({Intent.WHO_LEADS, Intent.IS_LEADER, Intent.WHO_FOLLOWS,
                                Intent.WHAT_LEADS, Intent.WHAT_FOLLOWS})


@dataclass
class _Turn:
    """A clause read against the previous question: what each reading step needs."""

    result: Callable[..., Understanding]
    context: dict[str, Any]
    doc: Doc
    asks: Asks
    previous: Intent
    old_targets: list[Target]
    old_companies: list[str]
    named: list[str]  # the leaders the previous answer named
    rules: LanguageRules | None = None  # the clause's language (None: English)

    @property
    def english(self) -> bool:
        return self.rules is None or self.rules.code == "en"

    def refers(self) -> bool:
        """The clause points back at the subject in context: English by its subject words
        ("there", "it"), other languages by their cue file's `refer` words ("là-bas", "そこ")."""
        if not SUBJECT_WORDS.isdisjoint(token_table(self.doc).lowers):
            return True
        return not self.english and self.has("refer")

    def has(self, cue: str) -> bool:
        return cue in (self.doc._.cues or {})

    def inherit(self, intent: Intent, **fields: Any) -> Understanding:
        gone = _namesake_set_aside(self.doc, fields.get("targets") or [])
        if gone is not None:
            # "who leads perth? the scottish one not australia"
            return self.result(Intent.CLARIFY, 0.5, reason=OTHER_NAMESAKE, targets=[],
                               candidates=[gone], other_namesake=True, from_context=True)
        if _namesake_set_aside(self.doc, self.old_targets) is not None and any(
                t.kind in NARROW_PLACES | WIDE_PLACES for t in fields.get("targets") or []):
            # "leader for perth?? the one in scotland, not australia": where the place meant
            # is replaces the reading answered before
            fields["corrects"] = True
        if self.context.get("segment_asked") and "segment_asked" not in fields \
                and fields.get("targets") == self.old_targets:
            fields["segment_asked"] = True  # "B segment?" then "followers?": still the segment
        return self.result(intent, thresholds.CONTEXT_FACTOR,
                           reason="follow-up of the previous question", from_context=True,
                           **fields)


def _namesake_set_aside(doc: Doc, targets: list[Target]) -> Target | None:
    """A city or state whose country the clause sets aside ("perth … not australia", "perth
    (pas l'Australie)"): its one known reading is not the place meant."""
    aside = {t.id for t in doc.user_data.get(SET_ASIDE, []) if t.kind == TargetKind.COUNTRY}
    return next((t for t in targets if t.kind in (TargetKind.CITY, TargetKind.SUBDIVISION)
                 and t.country in aside), None) if aside else None


def _follow_up(result: Callable[..., Understanding], context: dict[str, Any], doc: Doc, *,
               targets: list[Target], companies: list[str], asks: Asks,
               rules: LanguageRules | None = None) -> Understanding | None:
    """Read a clause against the previous question: it inherits what it does not say and
    replaces what it does. None when the clause is a question of its own."""
    old_targets = targets_of(context)
    turn = _Turn(result, context, doc, asks, Intent(context.get("intent", "out_of_scope")),
                 old_targets, list(context.get("companies", [])), list(context.get("named", [])),
                 rules)
    if not targets and not companies:
        reading = _reading_picked(turn)
        if reading is not None:
            return reading
    kinds = list(doc._.list_kinds or {})
    if len(kinds) == 1 and not targets and not companies and not asks.who:
        kinds_follow_up = _kind_of_the_subject(turn, kinds[0])
        if kinds_follow_up is not None:
            return kinds_follow_up
    if len(kinds) > 1 and not targets and not companies and not asks.who and turn.old_companies \
            and not turn.old_targets and turn.previous in (Intent.WHAT_LEADS, Intent.WHAT_FOLLOWS):
        # "what does Mitsubishi lead? regions and tech both pls": all it leads
        return turn.inherit(turn.previous, companies=turn.old_companies)
    if not kinds and not targets and not companies and not asks.follow \
            and (turn.has("list") or asks.who and turn.has("refer")) \
            and (turn.has("refer") or (turn.rules or rules_for("en")).drops_subjects) \
            and turn.old_companies and not turn.old_targets \
            and turn.previous in (Intent.WHAT_LEADS, Intent.WHAT_FOLLOWS):
        # "how many regions does Renault lead?" then "list them pls": those, not the whole plan
        return turn.inherit(turn.previous, companies=turn.old_companies,
                            list_kind=context.get("list_kind"), yes_no=False)  # "can u list"
    if asks.other:
        return None
    bare = False
    letters = _bare_letters(doc) if not targets and not companies \
        and turn.previous == Intent.LIST and context.get("list_kind") == "segment" else []
    if letters:
        # "slide 4 needs segment owners. A and B?": the letters are the segments asked
        return turn.inherit(Intent.WHO_LEADS, targets=letters)
    if not targets and not companies and any(
            t.kind in (TargetKind.SEGMENT, TargetKind.TECH) for t in old_targets):
        targets = _bare_letters(doc)  # "and the D?" after a segment or technology question
        bare = bool(targets)
    compared = _compared(doc._.cues or {})
    if compared and not targets and not companies and len(
            {t.text for t in old_targets if t.kind in NARROW_PLACES | WIDE_PLACES}) > 1:
        # "im in jakarta, my colleague in manila. same leader for both?": the places named
        return turn.inherit(Intent.WHO_LEADS, targets=old_targets, compare=compared,
                            yes_no=True)
    aside = {t.key() for t in doc.user_data.get(SET_ASIDE, [])}
    kept = [t for t in old_targets if t.key() not in aside]
    if aside and (kept or turn.old_companies) and not targets and not companies \
            and turn.previous in LEADERSHIP_INTENTS:
        # "connected tech in China" then "and outside China?", "what does Renault lead?" then
        # "and outside Europe?": the subject, with the place set aside
        return turn.inherit(turn.previous, targets=kept, companies=turn.old_companies)
    if not targets and not companies:
        return _about_the_subject(turn)
    if not targets:
        return _about_companies(turn, companies)
    return _with_new_targets(turn, targets, companies, bare=bare)


def _reading_picked(turn: _Turn) -> Understanding | None:
    """After a name two places share was asked back ("Georgia?"), "the country, not the state"
    / "le pays" / "州の方" picks one reading and asks the question again about it."""
    texts = [t.text for t in turn.old_targets]
    shared = {text for text in texts if texts.count(text) > 1}
    if not shared:
        return None
    said, denied = kinds_said(token_table(turn.doc).lowers)
    kinds = said - denied
    if len(kinds) != 1:
        return None
    kept = [t for t in turn.old_targets if t.text not in shared or t.kind.value in kinds]
    if len(kept) == len(turn.old_targets):
        return None
    extra: dict[str, Any] = {"companies": turn.old_companies}
    if turn.previous == Intent.IS_LEADER:
        extra.update(yes_no=True, asks_follower=bool(turn.context.get("asks_follower")))
    return turn.inherit(turn.previous, targets=kept, **extra)


def _kind_of_the_subject(turn: _Turn, kind: str) -> Understanding | None:
    """"which segments exactly?" after a technology: the segments its answer names; "which
    regions?" after what a company leads: that company's regions."""
    techs = [t for t in turn.old_targets if _group(t.kind) == "technology"]
    if kind == "segment" and techs and turn.previous in LEADERSHIP_INTENTS:
        return turn.inherit(Intent.WHO_LEADS, targets=techs)
    if turn.old_companies and not turn.old_targets \
            and turn.previous in (Intent.WHAT_LEADS, Intent.WHAT_FOLLOWS):
        return turn.inherit(turn.previous, companies=turn.old_companies, list_kind=kind)
    return None


def _about_the_subject(turn: _Turn) -> Understanding | None:
    """Nothing named: "and the followers?", "who's behind it then?", "what else?"."""
    asks, lowers = turn.asks, token_table(turn.doc).lowers
    other = "else" in lowers  # "what else?", "who else?"
    # "what about followers?" asks about the subject; "what does it lead?" about a company
    about = any(w in ("what", "how") and i + 1 < len(lowers) and lowers[i + 1] == "about"
                for i, w in enumerate(lowers))
    if turn.previous == Intent.FACT and turn.context.get("facts") \
            and (asks.yes_no or turn.has("refer")
                 or asks.who and not (asks.lead or asks.follow)):
        # "and by whom?", "et par qui ?" after when it was announced: the same fact says
        return turn.inherit(Intent.FACT, facts=list(turn.context["facts"]))
    if turn.has("confirm") and not (asks.who or asks.lead or asks.follow or asks.what):
        # "are you sure?", "c'est sûr ?", "本当？": the last answer again, confirmed
        if turn.previous == Intent.FACT and turn.context.get("facts"):
            return turn.inherit(Intent.FACT, facts=list(turn.context["facts"]), confirms=True)
        if turn.previous in LEADERSHIP_INTENTS and (turn.old_targets or turn.old_companies):
            extra: dict[str, Any] = {"yes_no": True, "confirms": True}
            if turn.previous == Intent.WHO_LEADS and turn.named:
                extra["same_as"] = turn.named
            return turn.inherit(turn.previous, targets=turn.old_targets,
                                companies=turn.old_companies, **extra)
    if turn.previous not in LEADERSHIP_INTENTS or not (turn.old_targets or turn.old_companies):
        return None
    if turn.previous in (Intent.WHAT_LEADS, Intent.WHAT_FOLLOWS) and not turn.old_targets \
            and turn.old_companies and (asks.what or not asks.who) and asks.lead \
            and turn.has("negation"):
        # "which regions does Renault lead?" then "and which ones does it not lead?": the
        # ones it follows in
        return turn.inherit(Intent.WHAT_FOLLOWS, companies=turn.old_companies,
                            list_kind=turn.context.get("list_kind"))
    if turn.previous == Intent.WHAT_FOLLOWS and not turn.old_targets and asks.who \
            and asks.lead and not asks.follow and not other and turn.refers():
        # "what doesn't Mitsubishi lead? and who leads those?": the answer names them
        return turn.inherit(Intent.WHAT_FOLLOWS, companies=turn.old_companies,
                            list_kind=turn.context.get("list_kind"))
    if asks.what and (asks.lead or asks.follow or other) and not asks.who and not about:
        # "what else does that company lead?": the company the last answer named
        if len(turn.named) != 1:
            return None
        intent = Intent.WHAT_FOLLOWS if asks.follow else Intent.WHAT_LEADS
        return turn.inherit(intent, companies=turn.named, targets=[])
    explicit = asks.who or asks.lead or asks.follow or asks.yes_no
    if not (explicit or turn.has("refer") or turn.has("follow_up")):
        return None
    if asks.follow or (asks.who and other and not asks.lead):
        # "who else?": the others, that is the followers of the subject
        if turn.old_targets:
            return turn.inherit(Intent.WHO_FOLLOWS, targets=turn.old_targets)
        return turn.inherit(Intent.WHO_FOLLOWS, companies=turn.old_companies)
    if turn.old_targets and (asks.who or asks.lead):
        return turn.inherit(Intent.WHO_LEADS, targets=turn.old_targets)
    if turn.old_targets and turn.previous in (Intent.WHO_LEADS, Intent.WHO_FOLLOWS) \
            and not explicit and _only_points_at_a_place(turn) \
            and all(t.kind.value in PLACE_LABELS for t in turn.old_targets):
        # "I'm in São Paulo next week. and there?": the same question, about that place
        return turn.inherit(turn.previous, targets=turn.old_targets)
    return None


def _only_points_at_a_place(turn: _Turn) -> bool:
    """"and there?", "et là-bas ?", "そこは？": a word pointing back at a place, and nothing
    but small words around it ("we got a request from there" says more)."""
    rules = turn.rules or rules_for("en")
    table = token_table(turn.doc)
    cue_at: dict[int, set[str]] = turn.doc.user_data.get("cue_starts", {})
    words = [(i, lower) for i, (lower, punct) in enumerate(zip(table.lowers, table.punct,
                                                                strict=True)) if not punct]
    return any(word in rules.place_pointers for _, word in words) and all(
        word in rules.place_pointers or word in rules.stop_words
        or cue_at.get(i, set()) & {"follow_up", "thanks"} for i, word in words)


def _subject_left_out(turn: _Turn, asks: Asks, rules: LanguageRules) -> bool:
    """A claim that says no subject at all, so its subject is the company just named: a
    language that drops subjects ("メキシコもリードしてるよね？"), or a verb of leading that
    opens the clause with "too"/"also" after it ("leads mexico too, right?", "also following
    in Chile?")."""
    if asks.who or asks.what or not (asks.lead or asks.follow):
        return False
    if rules.drops_subjects:
        return True
    cue_at: dict[int, set[str]] = turn.doc.user_data.get("cue_starts", {})
    table = token_table(turn.doc)
    verb = next((i for i in sorted(cue_at) if cue_at[i] & {"lead", "follow"}), None)
    if verb is None or not turn.has("inclusion") or not turn.english:
        return False
    word = table.lowers[verb]  # "leads", "following"; not "leaders"
    if not (word.endswith("ing") or word.endswith("s") and not word.endswith(("ers", "ss"))):
        return False
    return all(table.punct[i] or cue_at.get(i, set()) & {"follow_up", "thanks", "inclusion"}
               for i in range(verb))


def _about_companies(turn: _Turn, companies: list[str]) -> Understanding | None:
    """Companies and no subject: "is Nissan following there?", "and Mitsubishi?"."""
    asks = turn.asks
    if turn.previous == Intent.FACT and turn.context.get("facts") and asks.yes_no:
        # "who is the chairman?" then "is he from Nissan?"
        return turn.inherit(Intent.FACT, facts=list(turn.context["facts"]))
    if turn.old_targets and turn.previous in LEADERSHIP_INTENTS \
            and _role_choice(turn.doc, turn.rules or rules_for("en")):
        # "is Nissan leader or follower there?": the roles there
        return turn.inherit(Intent.WHO_LEADS, targets=turn.old_targets, yes_no=False)
    if asks.follow and not turn.old_targets and turn.previous == Intent.WHAT_LEADS \
            and turn.old_companies and set(companies) - set(turn.old_companies):
        # "what does Nissan lead?" then "is Renault one of the followers on those?": who
        # follows Nissan, and where
        # ("Yes" when the companies asked about are among them)
        return turn.inherit(Intent.WHO_FOLLOWS, companies=turn.old_companies,
                            yes_no=asks.yes_no, followers_claimed=[
                                c for c in companies if c not in turn.old_companies])
    if not turn.old_targets and turn.previous in (Intent.WHAT_LEADS, Intent.WHAT_FOLLOWS) \
            and turn.old_companies and not set(companies) & set(turn.old_companies) \
            and not (asks.who or asks.yes_no or asks.follow and turn.previous == Intent.WHAT_LEADS):
        # "what does Nissan lead?" then "et Renault du coup ?", "ルノーについても教えて": the
        # same question about the new company
        return turn.inherit(turn.previous, companies=companies,
                            list_kind=turn.context.get("list_kind"))
    subject = turn.refers()  # "there", "it", "là-bas"
    if not turn.old_targets or (asks.what and not subject) or asks.who \
            or turn.previous not in LEADERSHIP_INTENTS:
        return None
    if len(companies) > 1 and not asks.follow and (turn.rules or rules_for("en")).choice_words \
            .intersection(token_table(turn.doc).lowers):
        # "who leads the android platform?" then "renault or nissan?": which one, no Yes/No
        return turn.inherit(Intent.WHO_LEADS, targets=turn.old_targets, yes_no=False)
    # after a question about followers, "Renault one of them?" asks whether Renault follows
    # ("is Nissan leader there?" asks about leading whatever the question before)
    # ("is Renault one of them?" after an answer naming one leader: one of its followers)
    follower = asks.follow or (not asks.lead and (
        turn.previous == Intent.WHO_FOLLOWS or bool(turn.context.get("asks_follower"))
        or (turn.has("among") and len(turn.named) == 1)))
    return turn.inherit(Intent.IS_LEADER, targets=turn.old_targets, companies=companies,
                        asks_follower=bool(follower), yes_no=True)


def _with_new_targets(turn: _Turn, targets: list[Target], companies: list[str],
                      bare: bool = False) -> Understanding | None:
    """A new place, technology or segment: "ok and Brazil?", "and for the D segment?".
    `bare`: segment letters written alone, which only the thread makes segments ("who
    follows for D"): the clause goes on with the thread whatever it asks."""
    asks, context = turn.asks, turn.context
    explicit = asks.who or asks.lead or asks.follow or asks.yes_no
    if turn.previous not in LEADERSHIP_INTENTS and turn.previous != Intent.FACT:
        return None
    if turn.has("inclusion") and any(t.kind in WIDE_PLACES for t in targets) \
            and any(t.kind in NARROW_PLACES for t in targets):
        return None  # "and Egypt, does it count in North Africa?": a membership of its own
    if len([t for t in targets if t.kind in NARROW_PLACES | WIDE_PLACES]) > 1 \
            and _compared(turn.doc._.cues or {}) is not None:
        return None  # "back to south america - peru same as chile?": compares its own subjects
    # the leaders the last answer named, or none when it said nobody leads its subject
    compared = turn.named if turn.named or (
        turn.previous in (Intent.WHO_LEADS, Intent.IS_LEADER) and turn.old_targets) else None
    if turn.has("same_leader") and compared is not None and len(targets) == 1 and not companies \
            and not (asks.who or asks.follow or turn.has("different_leader")):
        # "and fiji, same leader?": Yes when the companies the last answer named lead it too
        return turn.inherit(Intent.WHO_LEADS, targets=targets, yes_no=True,
                            same_as=compared)
    # "who leads North Africa?" is a question of its own; "texas too, right?" is not
    rules = turn.rules or rules_for("en")
    left_out = _subject_left_out(turn, asks, rules)  # "leads mexico too, right?"
    joins = turn.has("follow_up") or turn.has("refer") or turn.has("inclusion") and (
        not (asks.who or asks.lead or asks.follow) or left_out)
    if explicit and not joins and not bare:
        return None
    # ("il lead aussi le Japon ?": a yes/no by its question mark alone)
    yes_no = asks.yes_no or not (asks.who or asks.what) \
        and token_table(turn.doc).texts[-1] == "?"
    # "she also said they lead PHEVs": a claim someone reported, checked like a yes/no
    reported = not REPORTING.isdisjoint(token_table(turn.doc).lowers)
    # (English clauses lose their question mark: "they lead NZ too" is a claim to check as well)
    claim = yes_no or reported or turn.english and not (asks.who or asks.what)
    # the company the last question asked about ("so renault follows there?"), else the one
    # its answer named
    meant = turn.old_companies if turn.previous == Intent.IS_LEADER \
        and len(turn.old_companies) == 1 else turn.named
    # ("so thailand is them?", "donc la thaïlande c'est eux ?": it is that company's)
    is_them = _is_them(token_table(turn.doc).lowers, rules)
    # ("they also do the PHEVs, right?": a yes/no about them needs no verb of leading)
    if claim and (asks.lead or asks.follow or asks.yes_no or is_them) and not companies \
            and len(meant) == 1 \
            and not turn.has("existence") \
            and (not rules.company_pronouns.isdisjoint(token_table(turn.doc).lowers)
                 or left_out or is_them):
        # "who leads autonomous driving?" then "and do they also lead the EV powertrain?":
        # a yes/no about that company
        return turn.inherit(Intent.IS_LEADER, targets=targets, companies=list(meant),
                            yes_no=True, asks_follower=asks.follow)
    # "and connected tech there?" / "et pour le connected là-bas ?" narrow the subject too
    qualifies = turn.refers() or (_qualifies(turn.doc) if turn.english else _qualifies_in(turn))
    # after "Oceania and the C segment" (two subjects), "and the followers for C?" picks one
    merged = targets if context.get("coordinated") and len(turn.old_targets) > 1 else \
        _merged_targets(turn.old_targets, targets, qualifies=qualifies)
    intent = turn.previous if turn.previous in LEADERSHIP_INTENTS else Intent.WHO_LEADS
    if asks.follow and turn.previous == Intent.IS_LEADER and turn.old_companies \
            and not asks.who:
        intent = Intent.IS_LEADER  # "is Renault a follower in X?" then "and in Y, also follower?"
    elif asks.follow:
        intent = Intent.WHO_FOLLOWS
    elif asks.who or asks.lead or intent in (Intent.WHAT_LEADS, Intent.WHAT_FOLLOWS):
        intent = Intent.WHO_LEADS
    extra: dict[str, Any] = {}
    if compared is not None and not (asks.who or asks.lead or asks.follow) and (
            turn.has("inclusion") and not turn.has("same_question")
            or asks.yes_no and targets and not companies and turn.refers() and not asks.what):
        # "Canada included?", "Taiwan is same?", and "who leads PHEV?" then "that's for C and
        # D, right?" ("それはＣとＤセグメント向けですよね？"): Yes when the companies the last
        # answer named lead the subject so named or narrowed
        intent = Intent.WHO_LEADS
        extra = {"yes_no": True, "same_as": compared}
    elif context.get("same_as") and not explicit:
        # "Fiji included?" then "and Hawaii?": the same question about another place
        intent = Intent.WHO_LEADS
        extra = {"yes_no": True, "same_as": list(context["same_as"])}
    if companies and not asks.who and (not asks.follow or asks.yes_no):
        # "for autonomous driving in Europe also Nissan?",
        # "その中のAndroidのやつ、三菱はフォロワー？"
        intent = Intent.IS_LEADER
        extra = {}
    if intent == Intent.IS_LEADER:
        extra["companies"] = companies or turn.old_companies
        extra["yes_no"] = True
        # "mitsubishi follows there?" then "and in Vietnam?": still about following
        extra["asks_follower"] = asks.follow or (not companies and context.get("asks_follower"))
    narrows = qualifies and {_group(t.kind) for t in targets} == {"place"}
    if {_group(t.kind) for t in targets} == {"segment"} \
            and any(_group(t.kind) == "technology" for t in merged):
        extra["segment_asked"] = True  # the resolver knows whether the technology has segments
    if len(merged) > len(targets) and not context.get("coordinated"):
        # "and the A and B segments?" after PHEV: "and" joins the new segments, which qualify
        # the technology kept from the thread
        extra["coordinated"] = False
    return turn.inherit(intent, targets=merged, narrows=narrows, **extra)


LETTER_LEADS = frozenset({"and", "for", "about", "on", "as", "like", "et", "pour", "du", "le",
                          "comme"})
LETTER_ENDS = frozenset({"then", "too", "also", "alors", "aussi"})  # "what about A then?"
LETTER_PARTICLES = frozenset({"は", "だ", "の", "で", "って", "も", "と", "なら"})  # "Cだと"


def _bare_letters(doc: Doc) -> list[Target]:
    """Segment letters written alone ("D ?", "and E"), read only after a segment question."""
    table = token_table(doc)
    words = [w for w, punct in zip(table.texts, table.punct, strict=True) if not punct]
    if len(words) > 4:
        # "ok and for C, who are the followers?": in a longer clause, a capital letter right
        # after a word that leads to a new subject ("about A then": A too, with nothing after
        # it that it would be the article of); "じゃあCだと…": before a particle
        texts = table.texts
        found = []
        for i, word in enumerate(texts):
            if len(word) != 1 or word not in "ABCDEF":
                continue
            before = texts[i - 1].lower() if i else ""
            after = texts[i + 1] if i + 1 < len(texts) else ""
            if word == "A" and not (table.punct[i + 1] if after else True) \
                    and after.lower() not in LETTER_ENDS and after not in LETTER_PARTICLES:
                continue  # "for A segment" is read by the segment finder; "for a" is no letter
            if before in LETTER_LEADS or after in LETTER_PARTICLES:
                found.append(Target(kind=TargetKind.SEGMENT, id=word, text=word))
        return found
    return [Target(kind=TargetKind.SEGMENT, id=word.upper(), text=word) for word in words
            if len(word) == 1 and word.lower() in "abcdef" and word != "a"]


def _qualifies_in(turn: _Turn) -> bool:
    """"et pour le connected ?": a preposition of the language before the new subject
    (articles skipped) narrows it."""
    lowers = token_table(turn.doc).lowers
    qualifying = turn.rules.qualifying if turn.rules else frozenset()
    articles = {a.strip() for a in (turn.rules.articles if turn.rules else ())}
    for ent in turn.doc.ents:
        before = [w for w in lowers[:ent.start] if w not in articles]
        if before and before[-1] in qualifying:
            return True
    return False


def _qualifies(doc: Doc) -> bool:
    """"and in China?" narrows the previous subject; "and China?" replaces it."""
    lowers = token_table(doc).lowers
    return any(ent.start and lowers[ent.start - 1] in QUALIFYING for ent in doc.ents)


def _merged_targets(old: list[Target], new: list[Target], *, qualifies: bool) -> list[Target]:
    """A new place replaces the old place, a new technology the technology; a new segment keeps
    the technology. A new kind of subject ("and Brazil?" after a technology) replaces the
    subject, unless the clause qualifies it ("and in China?")."""
    new_groups = {_group(t.kind) for t in new}
    old_groups = {_group(t.kind) for t in old}
    kept = [t for t in old if _group(t.kind) not in new_groups]
    if "technology" in new_groups & old_groups:
        # "PHEV for the C segment" then "and autonomous driving?": the segments qualified the
        # technology replaced, and go with it
        kept = [t for t in kept if _group(t.kind) != "segment"]
    if new_groups <= old_groups or qualifies:
        return kept + new
    if new_groups == {"segment"} and "technology" in old_groups:
        return [t for t in kept if _group(t.kind) == "technology"] + new
    return new


def targets_of(context: dict[str, Any]) -> list[Target]:
    return [Target(kind=TargetKind(t["kind"]), id=t["id"], text=t["text"],
                   country=t.get("country"), alias=t.get("alias", ""))
            for t in context.get("targets", [])]


def _best_fact(facts: dict[str, int], hints: dict[str, int],
               denials: dict[str, int] | None = None,
               general: frozenset[str] = frozenset()) -> str:
    """The fact with the most keyword matches, then the most hint words and phrases it
    contradicts; ties: a fact about one thing before one about the model as a whole ("when was
    the leader-follower model announced?" asks when), then the first."""
    denials = denials or {}
    names = list(dict.fromkeys([*facts, *denials, *hints]))
    return max(names, key=lambda name: (facts.get(name, 0),
                                         hints.get(name, 0) + denials.get(name, 0),
                                         name not in general))


def _group(kind: TargetKind) -> str:
    """Targets that replace each other in a follow-up ("and in Japan?" replaces a country)."""
    if kind in (TargetKind.TECH, TargetKind.FAMILY, TargetKind.TOPIC):
        return "technology"
    if kind == TargetKind.SEGMENT:
        return "segment"
    return "place"


def context_of(understanding: Understanding, named: list[str] | None = None) -> dict[str, Any]:
    """What a follow-up needs from this understanding (and the companies its answer named as
    leaders), JSON-serialisable."""
    return {
        "intent": understanding.intent.value,
        "companies": understanding.companies,
        "facts": understanding.facts,
        "named": list(named or []),
        "asks_follower": understanding.asks_follower,
        "coordinated": understanding.coordinated,
        "same_as": understanding.same_as,
        "list_kind": understanding.list_kind,
        "segment_asked": understanding.segment_asked,
        "targets": [
            {"kind": t.kind.value, "id": t.id, "text": t.text, "country": t.country,
             "alias": t.alias}
            for t in understanding.targets
        ],
    }
