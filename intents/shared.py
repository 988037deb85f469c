"""A name two places share ("Georgia": the country and the US state), told apart when the
question itself says which: a kind word beside it ("Georgia the country", "the state of
Georgia"), or another place that holds one reading only ("Atlanta, Georgia", "Tbilisi,
Georgia", "Georgia, USA", "Georgia in the Caucasus"). Otherwise both readings stay (issue 11,
part 5: answered for both, never silently one)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Span

from intents.components import token_table
from intents.focus import COORDINATORS, NEGATORS, read_focus_data
from knowledge.loader import KnowledgeBase
from knowledge.query import NARROW_PLACES, WIDE_PLACES, Target, TargetKind, Understanding

KIND_WORD_REACH = 4  # tokens either side of the name a kind word may stand
# places that say where a city is: a country, a state or province, a region
LOCATORS = WIDE_PLACES | {TargetKind.COUNTRY, TargetKind.SUBDIVISION}
APPOSITION_GAP = 2  # words between a city and the place that locates it ("Tripoli in Lebanon")
APPOSITION_WORDS = frozenset({",", "(", "-", "—", "the", "one", "in", "of", "i", "mean",
                              "that", "which", "is", "located", "city",
                              # "Londres (celle de l'Ontario)", "Paris au Texas"
                              "celle", "celui", "de", "du", "l'", "la", "le", "en", "au", "à",
                              "dans", "ville", "qui", "est", "c'est"})


@cache
def place_kind_words() -> dict[str, str]:
    """Lower-case word or phrase -> reading kind ("state" -> "subdivision")."""
    return {phrase.lower(): kind
            for kind, phrases in read_focus_data()["place_kind_words"].items()
            for phrase in phrases}


def kinds_said(lowers: list[str]) -> tuple[set[str], set[str]]:
    """(kinds of place the words name, kinds they name after a negation): "the country, not
    the US state" -> ({"country"}, {"subdivision"})."""
    said: set[str] = set()
    denied: set[str] = set()
    for word, kind in place_kind_words().items():
        size = len(word.split())
        for i in range(len(lowers) - size + 1):
            if " ".join(lowers[i:i + size]) == word:
                # "Georgia the country? not the US state": a negation rules a kind out
                (denied if NEGATORS & set(lowers[max(0, i - 3):i]) else said).add(kind)
    return said, denied


def told_apart(understanding: Understanding, doc: Doc, kb: KnowledgeBase,
               coordinators: frozenset[str] = COORDINATORS) -> Understanding:
    """`understanding` with each shared name the question tells apart read one way only, and
    without a city the question places elsewhere ("Tripoli, Lebanon": not the Libyan city the
    gazetteer knows, but one in Lebanon, which the named country answers for)."""
    understanding = _without_misplaced_cities(understanding, doc, kb, coordinators)
    texts = [t.text for t in understanding.targets]
    shared = {text for text in texts if texts.count(text) > 1}
    if not shared:
        return understanding
    targets = list(understanding.targets)
    for ent in doc.ents:
        if ent.text not in shared or ent.label_ != "SHARED":
            continue
        readings = [t for t in targets if t.text == ent.text]
        # (a place said with it tells which, the asker's too: "オークランドとシドニーの拠点")
        kept, dropped = _choice(ent, readings, targets, doc, kb, coordinators,
                                understanding.asker_places)
        if kept:
            targets = [t for t in targets if (t not in readings or t in kept)
                       and t not in dropped]
    return replace(understanding, targets=targets) if targets != understanding.targets \
        else understanding


def _choice(ent: Span, readings: list[Target], targets: list[Target], doc: Doc,
            kb: KnowledgeBase, coordinators: frozenset[str] = COORDINATORS,
            asker: list[Target] | None = None) -> tuple[list[Target], list[Target]]:
    """(the readings meant, the targets that only said which) or ([], [])."""
    lowers = token_table(doc).lowers
    near = lowers[max(0, ent.start - KIND_WORD_REACH):ent.start] + \
        lowers[ent.end:ent.end + KIND_WORD_REACH]
    said, denied = kinds_said(near)
    kinds = said | denied
    if kinds - denied:
        kinds -= denied
    elif denied:
        kinds = {r.kind.value for r in readings} - denied
    by_words = [r for r in readings if r.kind.value in kinds]
    spans = [span for span in doc.ents if span.label_ != "SHARED"]
    for other in [*targets, *(asker or [])]:
        if other in readings or other.kind not in WIDE_PLACES | NARROW_PLACES:
            continue
        span = next((s for s in spans if s.text == other.text), None)
        if span is None:
            continue
        if _coordinated(doc, ent, span, coordinators):
            # "オークランドとシドニー", "San Jose and Los Angeles": beside another city, the
            # reading in that city's region
            near = [r for r in readings if other.kind == TargetKind.CITY
                    and _home(r, kb) == _home(other, kb)]
            if len(near) == 1 and len(by_words) != 1:
                return near, []
            continue
        holding = [r for r in readings if _holds(other, r, kb)]
        if other not in targets:
            # "I'm in Atlanta, who leads Georgia?": the state; not "… Georgia the country?"
            if len(holding) == 1 and len(by_words) != 1:
                return holding, []
            continue
        if len(holding) == 1:
            # "Atlanta, Georgia": the city is asked about; "Georgia, USA": the state is
            return (holding, readings) if other.kind == TargetKind.CITY else (holding, [other])
    if len(by_words) == 1:
        return by_words, []
    return [], []


def _coordinated(doc: Doc, left: Span, right: Span,
                 coordinators: frozenset[str] = COORDINATORS) -> bool:
    """"Georgia and the US" asks about both; "Georgia, the US state" qualifies."""
    first, second = sorted((left, right), key=lambda span: span.start)
    between = {t.lower_ for t in doc[first.end:second.start]} - {","}
    return bool(between & coordinators)


def _home(target: Target, kb: KnowledgeBase) -> str:
    """The plan's entry a place is answered by ("region:oceania")."""
    code = target.id if target.kind == TargetKind.COUNTRY else target.country
    return kb.country_home.get(code or "", "")


def _holds(other: Target, reading: Target, kb: KnowledgeBase) -> bool:
    """True when `other` places `reading`: its country, a city of its country, its region."""
    code = reading.id if reading.kind == TargetKind.COUNTRY else reading.country
    if other.kind == TargetKind.COUNTRY:
        return other.id == code and reading.kind != TargetKind.COUNTRY
    if other.kind in (TargetKind.CITY, TargetKind.SUBDIVISION):
        return other.country == code
    return kb.country_home.get(code or "") == f"{other.kind.value}:{other.id}"


def _without_misplaced_cities(understanding: Understanding, doc: Doc, kb: KnowledgeBase,
                              coordinators: frozenset[str]) -> Understanding:
    """Drop a city right beside a place that does not hold it ("Tripoli, Lebanon",
    "London Ontario", "Paris, Texas", "Birmingham in Alabama"): the question names another
    city of that name, one the gazetteer lacks, and the place beside it answers for it. Drop a
    continent said beside a country or city ("Guinea, the African one"): it only describes.
    A list of places ("Toronto, Mexico, Brazil") is not read that way."""
    texts = [t.text for t in understanding.targets]
    # a name with two readings ("Georgia") is told apart by `_choice`, not here
    places = {t.text: t for t in understanding.targets if texts.count(t.text) == 1}
    spans = [span for span in doc.ents if span.text in places]
    lowers = token_table(doc).lowers
    dropped: list[Target] = []
    for city_span, other_span in zip(spans, spans[1:], strict=False):
        between = lowers[city_span.end:other_span.start]
        listed = _in_list(doc, other_span, spans, coordinators)
        # "Tripoli in Lebanon", "Tripoli (Lebanon)", "Tripoli, the one in Lebanon"
        said_again = len(between) <= APPOSITION_GAP or set(between) <= APPOSITION_WORDS
        if not said_again or set(between) & (coordinators - {","}) \
                or (listed and "," in between):
            continue  # not one place said twice ("Tripoli, Lebanon"), but two places
        for city, locator in ((places[city_span.text], places[other_span.text]),
                              (places[other_span.text], places[city_span.text])):
            if locator.kind == TargetKind.AREA and city.kind in NARROW_PLACES:
                dropped.append(locator)  # "Guinea, the African one": the area only describes
            elif city.kind == TargetKind.CITY and locator.kind in LOCATORS \
                    and not _holds(locator, city, kb):
                dropped.append(city)
    if not dropped or len(dropped) == len(understanding.targets):
        return understanding
    return replace(understanding, targets=[t for t in understanding.targets if t not in dropped])


def _in_list(doc: Doc, span: Span, spans: list[Span], coordinators: frozenset[str]) -> bool:
    """"Toronto, Mexico, Brazil": the place is joined to a further place by a coordinator."""
    lowers = token_table(doc).lowers
    later = [s for s in spans if s.start >= span.end]
    return bool(later) and bool(set(lowers[span.end:later[0].start]) & coordinators)
