"""An understood question, as the language layer hands it to the resolver: plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Intent(StrEnum):
    WHO_LEADS = "who_leads"
    WHAT_LEADS = "what_leads"
    IS_LEADER = "is_leader"
    WHO_FOLLOWS = "who_follows"
    WHAT_FOLLOWS = "what_follows"
    FACT = "fact"
    LIST = "list"
    HELP = "help"
    GREETING = "greeting"
    THANKS = "thanks"
    OUT_OF_SCOPE = "out_of_scope"
    CLARIFY = "clarify"
    EMPTY = "empty"


class TargetKind(StrEnum):
    REGION = "region"
    AREA = "area"  # a name spanning several regions (Asia, the Americas)
    ZONE = "zone"  # a part of the world with no designated leader
    COUNTRY = "country"  # ISO alpha-2 code
    CITY = "city"  # folded city name; `country` set
    SUBDIVISION = "subdivision"  # a US state; `country` set
    TECH = "tech"
    FAMILY = "family"  # a word covering several technologies (connected, powertrain)
    SEGMENT = "segment"
    TOPIC = "topic"  # a topic the plan assigns to nobody


# a country, city or state is counted in a region or a zone ("is Turkey counted as Europe?")
NARROW_PLACES = frozenset({TargetKind.COUNTRY, TargetKind.CITY, TargetKind.SUBDIVISION})
WIDE_PLACES = frozenset({TargetKind.REGION, TargetKind.ZONE})


@dataclass(frozen=True)
class Target:
    """One thing a question is about, as the knowledge base names it."""

    kind: TargetKind
    id: str
    text: str  # what the user wrote
    country: str | None = None  # for cities and subdivisions
    score: float = 1.0  # 1.0 exact; lower when fuzzy-matched
    alias: str = ""  # the alias matched (lower case), for alias notes

    def key(self) -> str:
        return f"{self.kind}:{self.id}"


@dataclass
class Understanding:
    """What the language layer made of one clause."""

    intent: Intent
    confidence: float
    targets: list[Target] = field(default_factory=list)
    companies: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    list_kind: str | None = None  # "region", "technology", "segment" or None for everything
    corrections: list[tuple[str, str]] = field(default_factory=list)  # (typed, read as)
    candidates: list[Target] = field(default_factory=list)  # for clarification
    reason: str = ""  # why the decision was made (logged, shown in --debug)
    from_context: bool = False
    non_member: str | None = None
    yes_no: bool = False  # the question expects "Yes" or "No"
    leaving: bool = False  # small talk that says goodbye ("perfect, gotta run")
    unled: bool = False  # a list of what has no leader ("which segments have no leader?")
    asks_follower: bool = False  # "is Renault a follower in Japan?"
    statement: bool = False  # no word of a question: "je suis au Brésil, mon N+1 au Japon."
    # "who was the leader on the Xpander?": the company a fact shows leading is asked
    asks_company: bool = False
    asks_part: bool = False  # "is Nissan involved in the PHEV?": leading or following both count
    denied: bool = False  # a yes/no fact question the fact contradicts
    # "Renault doesn't lead Russia, right?": a negated claim; Yes and No say whether it holds
    negated: bool = False
    coordinated: bool = False  # targets joined by "and" / "," rather than "in" / "for"
    apart: list[str] = field(default_factory=list)  # ids of places asked on their own
    about_asker: bool = False  # every place named describes the asker ("I'm in Osaka")
    confirms: bool = False  # "are you sure?": the last answer again
    whole: bool = False  # "all of Asia": a Yes needs every part
    exists: bool = False  # "is there a leader for India?": Yes or No is whether one exists
    claims_none: bool = False  # "there's no leader for India, right?": Yes when none exists
    # the places that locate the asker or the message, answered or set aside
    asker_places: list[Target] = field(default_factory=list)
    # characters of "my region" / "ma région" / "うちの地域" in a clause with no place of its own
    own_place: tuple[int, int] | None = None
    # "and his region?": the characters naming someone else's place, to be given by the thread
    others_place: tuple[int, int] | None = None
    # "... who leads for him?": the characters of "him" in a clause naming no place, which an
    # earlier clause of the message or thread may have placed ("my supplier is out of Lyon")
    others_object: tuple[int, int] | None = None
    unknown_name: str | None = None  # "who leads Zorbistan?": the name nothing matched
    # "who leads perth? the scottish one not australia": the place's one known reading was set
    # aside (it is in `candidates`); another place of that name is meant, one we don't hold
    other_namesake: bool = False
    narrows: bool = False  # a follow-up placing the subject in context ("and in China?")
    # "B segment?" after a technology: the segment is what the follow-up asks about
    segment_asked: bool = False
    asks_leader: bool = False  # a fact reached by "who leads ...?"
    weak_fact: bool = False  # the fact was found by hint words only
    same_as: list[str] | None = None  # "Canada included?": Yes when these companies lead it
    # "is Nissan the leader in NA and Renault a follower?": the companies claimed to follow,
    # beside `companies`, claimed to lead
    followers_claimed: list[str] = field(default_factory=list)
    # "what does Renault lead other than Europe?": the places and things it sets aside
    set_aside: list[Target] = field(default_factory=list)
    # "Spain and Argentina, same leader?": "same" or "different", answered Yes or No
    compare: str | None = None
    # "who is Nissan's executive in charge of China?": a person the article doesn't name
    person_asked: bool = False
    # "who leads SEA? trying to figure out who we'd be working with": a clause that says why
    # the asker asks, naming nothing and asking no role of its own
    purpose: bool = False
    # "who leads austria? sorry i meant australia": the clause corrects the place of the one
    # before it, whose answer it replaces
    corrects: bool = False
    # "lots of EVs there so just curious": the clause says why the asker asks
    curious: bool = False
