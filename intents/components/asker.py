"""`asker_places`: places that describe the asker, not what is asked.

"Je suis basé à Casablanca mais ma question porte sur le Vietnam", "大阪勤務ですが、ベトナムの
リーダーは？": the asker's own place is context. A place right after a preposition with a
first-person word before it ("je ... à Casablanca"), or right before a marker of where someone
works or lives ("大阪勤務", "上海にいる", "サンパウロから"), is dropped from the entities when
another place remains to answer. The words come from each language's cue file.
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc, Span

from intents.components.tokens import token_table

LOGGER = logging.getLogger(__name__)
ASKER_ONLY = "asker_only_places"  # token starts of places that only locate the asker
ASKER_TOKENS = "asker_place_tokens"  # tokens of the asker's places taken out of doc.ents
# (entity id, text, score) of each place taken out: the asker's own place, for "ma région"
ASKER_PLACES = "asker_places_taken"
PLACE_LABELS = frozenset({"REGION", "AREA", "ZONE", "COUNTRY", "CITY", "SUBDIVISION"})
# particles that may sit between a place and the marker after it ("上海 に いる")
LINKS = frozenset({"に", "で", "の", "へ", "を"})
STATEMENT_ENDS = frozenset({"。", "、"})
QUESTION_ENDS = frozenset({"?", "？", "か"})
OPEN_BRACKETS = frozenset({"(", "（", "[", "「"})
CLOSE_BRACKETS = frozenset({")", "）", "]", "」"})
SUBJECT_PARTICLES = frozenset({"は", "が"})
COPULAS = frozenset({"です", "だ", "でございます"})  # "私はサンパウロです": where I am
# a topic or contrast particle, or "but", ends the phrase that describes a place
PHRASE_ENDS = frozenset({"は", "が", "も", "けど", "けれど", "mais", "but", ","})
# how many words after a place its marker may come ("横浜 の グローバル 本社 勤務")
AFTER_WINDOW = 6
# how far back a first-person word may be from the place ("moi je bosse à Yokohama")
WINDOW = 6


@Language.factory("asker_places")
def make_asker_places(nlp: Language, name: str) -> AskerPlaces:
    return AskerPlaces()


class AskerPlaces:
    """Drop the asker's own places from `doc.ents` when another place is asked about."""

    def __init__(self) -> None:
        self.people: frozenset[str] = frozenset()  # "je", "moi", "nous"
        self.before: frozenset[str] = frozenset()  # "à", "depuis": right before the place
        self.alone: frozenset[str] = frozenset()  # "depuis": no first-person word needed
        self.after: frozenset[str] = frozenset()  # "勤務", "駐在", "いる": right after it
        self.asking: frozenset[str] = frozenset()  # "qui", "lead": the question, not the asker
        self.others: frozenset[str] = frozenset()  # "avec", "aide", "projet": others' place
        self.own: frozenset[str] = frozenset()  # "mon", "notre": one's own after all
        self.colleagues: frozenset[str] = frozenset()  # "collègues": others' even after "nos"

    def set_words(self, *, people: list[str], before: list[str], alone: list[str],
                  after: list[str], asking: list[str], others: list[str] = (),
                  own: list[str] = (), colleagues: list[str] = ()) -> None:
        self.people, self.before = frozenset(people), frozenset(before)
        self.alone, self.after = frozenset(alone), frozenset(after)
        self.asking = frozenset(asking)
        self.others, self.own = frozenset(others), frozenset(own)
        self.colleagues = frozenset(colleagues)

    def __call__(self, doc: Doc) -> Doc:
        places = [ent for ent in doc.ents if ent.label_ in PLACE_LABELS]
        asker = [ent for ent in places if self._describes_asker(doc, ent)]
        if asker and len(asker) < len(places):
            # "パリ（ルノー）の者ですが", "日産の横浜本社勤務": the asker's employer is context too
            employers = [company for ent in asker for company in self._employers(doc, ent)]
            doc.ents = [ent for ent in doc.ents if ent not in asker and ent not in employers]
            doc.user_data[ASKER_TOKENS] = [i for ent in asker for i in range(ent.start, ent.end)]
            doc.user_data[ASKER_PLACES] = [(ent.ent_id_, ent.text, ent._.score) for ent in asker]
        elif asker:
            # "… ? je suis à Québec": a clause that only places the asker is context for
            # another clause that asks about a place (the assistant compares the clauses)
            doc.user_data[ASKER_ONLY] = [ent.start for ent in asker]
        return doc

    def _works_there(self, doc: Doc, ent: Span) -> bool:
        """"岡崎で商品企画をしています。": a place, で, and a statement that someone is doing
        something there (ending in いる, not a question) describes the asker."""
        table = token_table(doc)
        if ent.end >= len(doc) or table.lowers[ent.end] != "で":
            return False
        doing = False
        for index in range(ent.end + 1, min(len(doc), ent.end + 12)):
            if table.lowers[index] in STATEMENT_ENDS:
                return doing
            if table.lowers[index] in QUESTION_ENDS or doc[index].ent_type_ \
                    or table.lowers[index] in self.asking or table.lemmas[index] in self.asking:
                return False  # "オーストラリアで主導している会社を教えてください" asks
            doing = doing or table.lemmas[index] == "いる"
        return False

    def _describes_asker(self, doc: Doc, ent: Span) -> bool:
        lowers = token_table(doc).lowers
        subject = self._subject(lowers, ent.start)
        if subject in self.colleagues:
            return False  # "上司はシドニーにいます": the boss's place, not the asker's
        if any(lowers[i] in self.colleagues for i in range(max(0, ent.start - WINDOW), ent.start)):
            return False  # "mon collègue bosse à Casablanca": the colleague's place
        if subject in self.own and ent.end < len(lowers) and lowers[ent.end] in COPULAS:
            return True  # "私はサンパウロです"
        if ent.start > 0:
            previous = lowers[ent.start - 1]
            if previous in self.alone:
                return True
            people = [i for i in range(max(0, ent.start - WINDOW), ent.start - 1)
                      if lowers[i] in self.people]
            # "je suis basé à Casablanca", not "je me demande qui dirige en Australie" nor
            # "j'aide l'équipe de Hanoï"
            if previous in self.before and people and not any(
                    lowers[i] in self.asking for i in range(people[-1], ent.start)) \
                    and not self._others(lowers, ent.start):
                return True
        if self._works_there(doc, ent):
            return True
        if ent.start > 0 and lowers[ent.start - 1] in self.people and lowers[ent.start - 1] \
                not in self.before and (ent.start < 2 or lowers[ent.start - 2] not in self.asking):
            return True  # "ici équipe Montréal, ..." : a word of where one works, then the place
        return self._marked_after(doc, ent)

    @staticmethod
    def _subject(lowers: list[str], start: int) -> str:
        """The word before the subject particle of the place's phrase ("上司" of
        "上司はシドニーにいます", "私" of "私はサンパウロです"), or ""."""
        for i in range(start - 1, max(-1, start - WINDOW - 1), -1):
            if lowers[i] in SUBJECT_PARTICLES:
                return lowers[i - 1] if i > 0 else ""
            if lowers[i] in PHRASE_ENDS:
                return ""
        return ""

    def _others(self, lowers: list[str], start: int) -> bool:
        """A word of working with others or on a project before the place, in its phrase, and
        no word of one's own after it ("avec l'équipe aux Philippines", not "avec mon équipe")."""
        for i in range(start - 1, max(-1, start - WINDOW - 1), -1):
            if lowers[i] in PHRASE_ENDS:
                return False
            if lowers[i] in self.others:
                between = lowers[i + 1:start]
                return not (self.own.intersection(between)
                            and self.colleagues.isdisjoint(between))
        return False

    def _employers(self, doc: Doc, ent: Span) -> list[Span]:
        """The companies in the phrase that says where the asker works, when a marker after
        the place says so ("パリのルノーに出向中", "日産の横浜本社勤務", "岡崎（三菱）の者")."""
        if not self._marked_after(doc, ent):
            return []
        lowers = token_table(doc).lowers
        start = ent.start
        while start > 0 and lowers[start - 1] not in STATEMENT_ENDS | QUESTION_ENDS | PHRASE_ENDS:
            start -= 1
        end = ent.end
        while end < len(doc) and lowers[end] not in self.after \
                and lowers[end] not in STATEMENT_ENDS | PHRASE_ENDS:
            end += 1
        return [company for company in doc.ents if company.label_ == "COMPANY"
                and start <= company.start and company.end <= end]

    def _marked_after(self, doc: Doc, ent: Span) -> bool:
        """A marker of where someone works or lives after the place, in the same phrase
        ("大阪勤務", "横浜のグローバル本社勤務です", "岡崎（三菱）の者ですが",
        "パリのルノーに出向中"): particles, words in brackets, a company and a few plain words
        may come between; a clause break, a topic particle, another place or a word of the
        question ends the search."""
        table = token_table(doc)
        lowers, lemmas = table.lowers, table.lemmas
        bracket = 0
        for index in range(ent.end, min(len(doc), ent.end + AFTER_WINDOW)):
            word = lowers[index]
            if word in OPEN_BRACKETS:
                bracket += 1
                continue
            if word in CLOSE_BRACKETS:
                bracket = max(0, bracket - 1)
                continue
            if bracket:
                continue
            if word in STATEMENT_ENDS or word in QUESTION_ENDS or word in PHRASE_ENDS \
                    or word in self.asking or lemmas[index] in self.asking:
                return False
            if doc[index].ent_type_ in PLACE_LABELS:
                return False
            # a marker the tokenizer splits ("事業所": 事業 + 所) is read whole
            joined = "".join(lowers[index:index + 2])
            if lemmas[index] in self.after or word in self.after or joined in self.after:
                return True
        return False
