"""What each thing a question names resolves to in the knowledge base: its leader and
followers, several readings, or no designated leader. The resolver builds answers from these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import pycountry

from knowledge.answer import Source
from knowledge.loader import KnowledgeBase, Leadership, fold_name
from knowledge.localise import Phrasing, contracted_forms
from knowledge.query import Intent, Target, TargetKind, Understanding
from knowledge.schema import Technology

PLACE_KINDS = (TargetKind.REGION, TargetKind.AREA, TargetKind.ZONE, TargetKind.COUNTRY,
               TargetKind.CITY, TargetKind.SUBDIVISION)
TECH_KINDS = (TargetKind.TECH, TargetKind.FAMILY, TargetKind.TOPIC)
UNPLACED = "place:"  # a place in no led region, among region ids


@dataclass
class Lead:
    """One thing with a leader: what it is called, who leads, who follows, the source."""

    key: str
    name: str
    leadership: Leadership
    notes: list[str] = field(default_factory=list)


@dataclass
class Reading:
    """What one target resolves to: leads (one, or several readings) or no designated leader."""

    subject: str  # how the answer names what was asked
    leads: list[Lead] = field(default_factory=list)
    split: bool = False  # several readings (Asia, connected technology)
    none_note: str = ""  # set when the plan designates no leader
    leaderless_rest: bool = False  # part of it has no leader ("the rest of Africa")
    notes: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)


def join_names(names: list[str]) -> str:
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def split_sentences(text: str) -> list[str]:
    return [part if part.endswith(".") else part + "." for part in text.split(". ") if part]


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


class ReadingBuilder:
    """Resolves targets against one knowledge base; the resolver adds the answers."""

    def __init__(self, kb: KnowledgeBase, examples: list[str], lang: str = "en") -> None:
        self.kb = kb
        self.examples = examples
        self.lang = lang
        self.words = Phrasing(kb, lang)  # sentences and names in the answer's language

    def company(self, company_id: str) -> str:
        return self.words.text(self.kb.company_name(company_id))

    def companies(self, ids: list[str] | tuple[str, ...]) -> str:
        return self.words.join([self.company(i) for i in ids])

    def country_name(self, code: str) -> str:
        country = pycountry.countries.get(alpha_2=code)
        generated = self.kb.country_names.get(code) or [code]  # Kosovo is not in ISO 3166
        name = (getattr(country, "common_name", None) or country.name) if country else \
            min(generated, key=len)
        if "," in name or "(" in name:
            aliases = [a for a in self.kb.country_aliases.get(code, []) if len(a) > 4]
            name = aliases[0] if aliases else name.split(",")[0].split("(")[0].strip()
        return self.words.country(code, name)

    # -- one target -> reading ----------------------------------------------------------
    def region_lead(self, region_id: str, notes: list[str] | None = None) -> Lead:
        region = self.kb.regions[region_id]
        return Lead(f"region:{region_id}", self.words.text(region.name),
                    self.kb.leadership[f"region:{region_id}"], list(notes or []))

    def tech_lead(self, tech_id: str) -> Lead:
        tech = self.kb.technologies[tech_id]
        notes = [self.words.text(tech.note)] if tech.note else []
        return Lead(f"tech:{tech_id}", self.words.text(tech.name),
                    self.kb.leadership[f"tech:{tech_id}"], notes)

    def written_name(self, text: str) -> str:
        """A city's or state's name as this language writes it: the question's words may have
        lost their accents ("baviere" -> "Bavière"); English title-cases what was typed."""
        if self.lang != "en":
            written = self._local_names.get(fold_name(text))
            if written:
                return written
        if text.isupper() and len(text) <= 4:
            return text  # "KL", "NYC": an abbreviation as typed
        return text.title()

    @cached_property
    def _local_names(self) -> dict[str, str]:
        """Folded local name -> the name as written, for this language's cities and states."""
        zones = [name for zone in self.kb.zones.values()
                 for name in zone.i18n.get("aliases", {}).get(self.lang, [])]
        names = {fold_name(name): name
                 for names in (*(table.get(self.lang, {}) for table in (
                     self.kb.local_city_aliases, self.kb.local_subdivision_aliases)), zones)
                 for name in names}
        if self.lang == "fr":  # "au Caire", "du Havre": the name keeps its article ("Le Caire")
            names.update({fold_name(form): name for name in list(names.values())
                          for form in contracted_forms(name)})
        return names

    def place_region(self, target: Target) -> tuple[str | None, str, list[str]]:
        """(region id or None, subject, notes) for a place target."""
        if target.kind == TargetKind.REGION:
            region = self.kb.regions[target.id]
            note = self.words.text(region.alias_notes.get(target.alias, ""))
            return target.id, self.words.text(region.name), [note] if note else []
        code = target.id if target.kind == TargetKind.COUNTRY else target.country
        home = self.kb.country_home.get(code or "", "")
        country = self.country_name(code) if code else target.text
        subject = country
        if target.kind == TargetKind.SUBDIVISION and target.text.endswith("."):
            # "Ky.": an abbreviation is written out ("Kentucky (United States)")
            subject = f"{self.written_name(target.id)} ({country})"
        elif target.kind != TargetKind.COUNTRY:
            subject = f"{self.written_name(target.text)} ({country})"
        if home.startswith("region:"):
            region = self.kb.regions[home.split(":", 1)[1]]
            note = self.words.text(region.country_notes.get(code or "", ""))
            region_name = self.words.text(region.name)
            if region_name.lower() == country.lower():
                return region.id, subject, [note] if note else []
            # the subject as asked ("Texas (United States) counts as North America here.")
            notes = [note] if note else [self.words.say("{country} counts as {region} here.",
                                                        country=subject, region=region_name)]
            return region.id, subject, notes
        zone = self.kb.zones.get(home.split(":", 1)[1]) if home else None
        zone_note = self.words.text(zone.country_notes.get(code or "", "")) if zone else ""
        where = " " + self.words.say("({country} is in {zone}, which has no designated leader)",
                                     country=country, zone=self.words.text(zone.name)) \
            if zone else ""
        return None, subject, [zone_note + where if zone_note else where.strip(" ()")]

    def reading(self, target: Target, places: list[Target], segments: list[Target]) -> Reading:
        kind = target.kind
        if kind in PLACE_KINDS:
            return self.place_reading(target)
        if kind == TargetKind.SEGMENT:
            return self.segment_reading(target.id)
        if kind == TargetKind.TOPIC:
            name = self.words.text(self.kb.topics[target.id].name)
            return Reading(name, none_note=self.words.say(
                "The plan designates no leader for {subject}.", subject=name))
        return self.tech_reading(target, places, segments)

    def place_reading(self, target: Target) -> Reading:
        if target.kind == TargetKind.AREA:
            area = self.kb.areas[target.id]
            leads = [self.region_lead(part) for part in area.parts]
            notes = [self.words.sentence(self.words.text(area.rest))] if area.rest else []
            return Reading(self.words.text(area.name), leads, split=True, notes=notes,
                           leaderless_rest=bool(area.rest))
        if target.kind == TargetKind.ZONE:
            zone = self.kb.zones[target.id]
            named = target.text.strip()
            zone_name = self.words.text(zone.name)
            if named and self.lang != "en":
                # "coree" -> "Corée"; a name in another language ("korea") is not repeated
                named = self._local_names.get(fold_name(named), zone_name)
            elif named:
                named = self.written_name(named)
                named = "the " + named[4:] if named.startswith("The ") else named
            subject = zone_name if named.lower() in (zone.name.lower(), zone_name.lower(), "") \
                else self.words.say("{name} (part of {zone})", name=named, zone=zone_name)
            return Reading(subject, none_note=self.words.say(
                "The plan designates no leader for {subject}.", subject=subject))
        region_id, subject, notes = self.place_region(target)
        if region_id is None:
            detail = notes[0] if notes and notes[0] else ""
            return Reading(subject, none_note=self.words.say(
                "The plan designates no leader for {subject}{detail}.", subject=subject,
                detail=" — " + detail if detail else ""))
        return Reading(subject, [self.region_lead(region_id)], notes=notes)

    def segment_reading(self, letter: str) -> Reading:
        subject = self.words.say("the {letter} segment", letter=letter)
        tech_ids = self.kb.segment_technologies.get(letter, [])
        if not tech_ids:
            return Reading(subject, none_note=self.words.say(
                "The plan designates no leader for {subject}: it names segment leaders only for "
                "A and B (Renault) and C and D (Mitsubishi).", subject=subject))
        leads = [Lead(f"segment:{letter}",
                      f"{subject} ({self.words.text(self.kb.technologies[t].name)})",
                      self.kb.leadership[f"tech:{t}"]) for t in tech_ids]
        return Reading(subject, leads, notes=[
            self.words.say("The plan assigns segments through technologies.")])

    def tech_reading(self, target: Target, places: list[Target],
                     segments: list[Target]) -> Reading:
        # a place in no led region ("connected tech in China" then "and in India?") is outside
        # every technology tied to markets: named by itself, never read as "anywhere"
        regions: set[str] = set()
        unplaced = {f"{UNPLACED}{p.id}": self.words.text(self.kb.zones[p.id].name)
                    for p in places if p.kind == TargetKind.ZONE}
        for place in places:
            if place.kind not in (TargetKind.AREA, TargetKind.ZONE):
                region, subject, _ = self.place_region(place)
                if region is None:
                    unplaced[f"{UNPLACED}{place.id}"] = subject
                else:
                    regions.add(region)
        regions |= set(unplaced)
        letters = {s.id for s in segments}
        if target.kind == TargetKind.FAMILY:
            family = self.kb.families[target.id]
            members = [self.kb.technologies[m] for m in family.members]
            fitting = [m for m in members if self._fits(m.id, regions, letters)]
            qualified = [m for m in fitting if (regions and m.scope.markets) or
                         (letters and m.scope.segments)]
            if len(qualified) == 1:
                return self._tech_in_scope(qualified[0].id, regions, letters, unplaced)
            chosen = fitting if (regions or letters) and fitting else members
            if len(chosen) == 1 < len(members):
                # "le connecté" then "et au Moyen-Orient ?": the one member that fits, by its
                # own name, and the others said to be tied elsewhere
                reading = self._tech_in_scope(chosen[0].id, regions, letters, unplaced)
                reading.notes[:0] = [self._only(m) for m in members if m not in chosen]
                return reading
            leads = [self.tech_lead(m.id) for m in chosen]
            return Reading(self.words.text(family.name), leads, split=len(leads) > 1)
        return self._tech_in_scope(target.id, regions, letters, unplaced)

    def _region_notes(self, tech: Technology, regions: set[str], unplaced: dict[str, str],
                      every: bool = False) -> list[str]:
        """"PHEV" then "and in Brazil?": the place is not dropped; as a region it has a leader
        of its own, said when it differs from the technology's (`every`: always, when the
        technology has no leader there)."""
        notes = []
        if not tech.scope.markets:
            # "EVs in Taiwan": a place in no led region is not dropped either
            notes += [self.words.say(
                "The plan gives {tech} no regional limit; as a market, {place} has no "
                "designated leader.", tech=self.words.text(tech.name),
                place=unplaced[region]) for region in sorted(regions) if region in unplaced]
        for region_id in sorted(region for region in regions if region in self.kb.regions):
            region = self.kb.regions[region_id]
            region_leader = self.kb.leadership[f"region:{region_id}"].leader
            if tech.scope.markets and region_id not in tech.scope.markets:
                # "connected tech in China" then "and in Australia?": outside its markets
                notes.append(self._as_region(region_id))
            elif not tech.scope.markets and (every or region_leader != tech.leader):
                notes.append(self.words.say(
                    "The plan gives {tech} no regional limit; as a region, {region} is led "
                    "by {leader}.", tech=self.words.text(tech.name),
                    region=self.words.text(region.name), leader=self.company(region_leader)))
        return notes

    def _as_region(self, region_id: str) -> str:
        """The sentence "As a region, South America is led by Renault."."""
        return self.words.say(
            "As a region, {region} is led by {leader}.",
            region=self.words.text(self.kb.regions[region_id].name),
            leader=self.company(self.kb.leadership[f"region:{region_id}"].leader))

    def _only(self, tech: Technology) -> str:
        """"Nissan leads connected technology in China only.": a member tied elsewhere."""
        return self.words.say("{leader} leads {tech} only.", leader=self.company(tech.leader),
                              tech=self.words.text(tech.name))

    def _sibling_outside_markets(self, tech_id: str, regions: set[str],
                                 letters: set[str]) -> str | None:
        """The one technology of the same family that fits places outside `tech_id`'s markets."""
        tech = self.kb.technologies[tech_id]
        if not tech.scope.markets or not regions or regions <= set(tech.scope.markets) \
                or not self._fits(tech_id, set(), letters):
            return None
        siblings = {m for family in self.kb.families.values() if tech_id in family.members
                    for m in family.members if m != tech_id and self._fits(m, regions, letters)}
        return next(iter(siblings)) if len(siblings) == 1 else None

    def _kind_for_segments(self, tech_id: str, regions: set[str],
                           letters: set[str]) -> str | None:
        """The one kind of `tech_id` that covers segments outside its scope: "electrified
        powertrains for the C/D segments" are the plan's plug-in hybrids."""
        tech = self.kb.technologies[tech_id]
        if not letters or self._fits(tech_id, regions, letters):
            return None
        kinds = [k for k in tech.kinds if self._fits(k, regions, letters)]
        return kinds[0] if len(kinds) == 1 else None

    def _segmented_elsewhere(self, tech_id: str, letters: set[str]) -> bool:
        """`tech_id` is divided by segment, covers none of `letters`, and has no kind that
        does ("PHEV" then "and for A?"; not "the A/B powertrains" then "and D?")."""
        segmented = self.kb.technologies[tech_id].scope.segments
        return bool(segmented) and letters.isdisjoint(segmented) \
            and self._kind_for_segments(tech_id, set(), letters) is None

    def _fits(self, tech_id: str, regions: set[str], letters: set[str]) -> bool:
        scope = self.kb.technologies[tech_id].scope
        if scope.markets and regions and not regions <= set(scope.markets):
            return False
        return not (scope.segments and letters and not letters <= set(scope.segments))

    def _tech_in_scope(self, tech_id: str, regions: set[str], letters: set[str],
                       unplaced: dict[str, str]) -> Reading:
        tech = self.kb.technologies[tech_id]
        lead = self.tech_lead(tech_id)
        tech_name = self.words.text(tech.name)
        # "connected tech in China" then "and in Europe?": outside China, connected technology
        # is the family's other one, which has no regional limit; "electrified powertrains for
        # the D segment" are the plan's plug-in hybrids, a kind of them
        instead = self._sibling_outside_markets(tech_id, regions, letters) \
            or self._kind_for_segments(tech_id, regions, letters)
        if instead is not None:
            reading = self._tech_in_scope(instead, regions, letters, unplaced)
            reading.notes.insert(0, self._only(tech))
            return reading
        if not self._fits(tech_id, regions, letters):
            outside = [unplaced.get(r) or self.words.text(self.kb.regions[r].name)
                       for r in sorted(regions)
                       if tech.scope.markets and r not in tech.scope.markets]
            outside += [self.words.say("the {letter} segment", letter=x) for x in sorted(letters)
                        if tech.scope.segments and x not in tech.scope.segments]
            leader = self.company(tech.leader)
            # "PHEV" then "and A/B?": the segment on its own has a leader, said beside the gap
            alone: dict[str, list[str]] = {}
            for x in sorted(letters):
                if tech.scope.segments and x not in tech.scope.segments:
                    for other in self.kb.segment_technologies.get(x, []):
                        alone.setdefault(other, []).append(x)
            beside = [self.words.say(
                "For {segments} alone, the leader is {leader} ({tech}).",
                segments=self.words.join([self.words.say("the {letter} segment", letter=x)
                                          for x in xs]),
                leader=self.company(self.kb.technologies[other].leader),
                tech=self.words.text(self.kb.technologies[other].name))
                for other, xs in alone.items()]
            return Reading(tech_name, none_note=self.words.say(
                "The plan designates no leader for that combination: {leader} leads {tech}, "
                "which doesn't cover {outside}.", leader=leader, tech=tech_name,
                outside=self.words.join(outside)),
                notes=beside + self._region_notes(tech, regions, unplaced, every=True),
                sources=list(lead.leadership.sources))
        notes = self._region_notes(tech, regions, unplaced)
        if letters and not tech.scope.segments:
            # "autonomous driving" then "B segment?": the segment is not dropped; it has a
            # leader of its own, through the technology that is divided by segment
            alone: dict[str, list[str]] = {}
            for x in sorted(letters):
                for other in self.kb.segment_technologies.get(x, []):
                    alone.setdefault(other, []).append(x)
            notes += [self.words.say(
                "The plan gives {tech} no segment limit; as a segment, {segments} is led by "
                "{leader} ({other}).", tech=tech_name,
                segments=self.words.join([self.words.say("the {letter} segment", letter=x)
                                          for x in xs]),
                leader=self.company(self.kb.technologies[other].leader),
                other=self.words.text(self.kb.technologies[other].name))
                for other, xs in alone.items() if self.kb.technologies[other].leader
                != tech.leader]
        return Reading(tech_name, [lead], notes=notes)

    # -- understanding -> answer --------------------------------------------------------
    def readings(self, understanding: Understanding) -> list[Reading]:
        targets = self._without_redundant_families(understanding.targets)
        aside = {self.place_region(t)[0] for t in understanding.set_aside
                 if t.kind in PLACE_KINDS} - {None}
        targets = [self._outside(t, aside) or t for t in targets] if aside else targets
        if understanding.narrows:
            targets = self._narrowed_to_places(targets)
        places = [t for t in targets if t.kind in PLACE_KINDS]
        segments = [t for t in targets if t.kind == TargetKind.SEGMENT]
        techs = [t for t in targets if t.kind in (TargetKind.TECH, TargetKind.FAMILY)]
        topics = [t for t in targets if t.kind == TargetKind.TOPIC]
        if topics and not techs and not understanding.coordinated:
            # "batteries in Japan": the plan assigns the topic to nobody, wherever it is; a
            # segment beside it ("a C-segment SUV") is led all the same
            readings = [self.reading(t, [], []) for t in topics] + \
                [self.reading(s, [], []) for s in segments]
            # "marketing in Brazil": nobody leads the topic; the place's region has its leader
            regions = sorted({self.place_region(p)[0] for p in places} - {None})
            readings[len(topics) - 1].notes += [self._as_region(region) for region in regions
                                                if region in self.kb.regions]
            return readings
        letters = {s.id for s in segments}
        unsegmented = [t for t in techs if t.kind == TargetKind.TECH
                       and not self.kb.technologies[t.id].scope.segments]
        elsewhere = [t for t in techs if t.kind == TargetKind.TECH and not places
                     and self._segmented_elsewhere(t.id, letters)]
        # "A segment powertrains" then "same for C?": a family with a member divided by segment
        # that covers none of the segments asked (the A/B powertrains) asks about the segment
        families = [t for t in techs if t.kind == TargetKind.FAMILY and not places and any(
            self.kb.technologies[m].scope.segments for m in self.kb.families[t.id].members)
            and not any(letters <= set(self.kb.technologies[m].scope.segments)
                        for m in self.kb.families[t.id].members)]
        members = [Target(kind=TargetKind.TECH, id=m, text=m) for t in families
                   for m in self.kb.families[t.id].members]
        unsegmented += [m for m in members if not self.kb.technologies[m.id].scope.segments]
        elsewhere += [m for m in members if self.kb.technologies[m.id].scope.segments]
        if understanding.segment_asked and segments and techs and all(
                t in unsegmented + elsewhere or t in families for t in techs):
            # "who leads autonomous driving?" then "B segment?": the plan doesn't divide the
            # technology by segment, so the segment is what is asked; "PHEV" then "and for
            # A?": the plug-in hybrids' segments are C and D, so the A segment is what is asked
            # (its own leader), the technology's gap beside it
            readings = [self.reading(s, [], []) for s in segments]
            readings[-1].notes += [self.words.say(
                "The plan does not divide {tech} by segment: {leader} leads it for every "
                "segment.", tech=self.words.text(self.kb.technologies[t.id].name),
                leader=self.company(self.kb.technologies[t.id].leader)) for t in unsegmented]
            readings[-1].notes += [self.words.say(
                "{leader} leads {tech}, which doesn't cover {outside}: the plan designates no "
                "leader for that combination.",
                leader=self.company(self.kb.technologies[t.id].leader),
                tech=self.words.text(self.kb.technologies[t.id].name),
                outside=self.words.join([self.words.say("the {letter} segment", letter=x)
                                         for x in sorted(letters)])) for t in elsewhere]
            return readings
        if techs:
            # places and segments qualify the technologies ("PHEV for the D segment"), but
            # "connected tech in China and the C segment" asks about the segment on its own
            apart = [s for s in segments if understanding.coordinated and not any(
                s.id in self.kb.technologies[m].scope.segments for t in techs
                for m in ([t.id] if t.kind == TargetKind.TECH else
                          self.kb.families[t.id].members))]
            segments = [s for s in segments if s not in apart]
            # (a technology tied to markets keeps its places: "connected in China and Japan")
            if not any(t.kind == TargetKind.TECH and self.kb.technologies[t.id].scope.markets
                       for t in techs):
                apart += [p for p in places if p.id in understanding.apart]
                places = [p for p in places if p.id not in understanding.apart]
            others = [t for t in targets if t.kind == TargetKind.TOPIC] + apart
            techs = [m for t in techs for m in self._members_for(t, places, segments)]
            return [self.reading(t, places, self._fitting(t, segments)) for t in techs] + \
                [self.reading(t, [], []) for t in others]
        readings = [self.reading(t, places, segments) for t in targets]
        if understanding.intent == Intent.WHO_LEADS and understanding.companies:
            readings = [self._companys_part(r, understanding.companies) for r in readings]
        return readings

    def _outside(self, target: Target, aside: set[str]) -> Target | None:
        """The one technology of `target`'s family (or of the family `target` is) left when
        the places set aside hold all of another's markets: "connected tech outside China" is
        the Android-based platform. None when the places set aside leave it as it was."""
        if target.kind == TargetKind.FAMILY:
            members = list(self.kb.families[target.id].members)
        elif target.kind == TargetKind.TECH and self._tied_to(target.id, aside):
            members = [m for family in self.kb.families.values()
                       if target.id in family.members for m in family.members]
        else:
            return None
        left = list(dict.fromkeys(m for m in members if not self._tied_to(m, aside)))
        if len(left) != 1:
            return None
        tech = self.kb.technologies[left[0]]
        return Target(kind=TargetKind.TECH, id=tech.id, text=self.words.text(tech.name))

    def _tied_to(self, tech_id: str, regions: set[str]) -> bool:
        markets = set(self.kb.technologies[tech_id].scope.markets)
        return bool(markets) and markets <= regions

    def _companys_part(self, reading: Reading, companies: list[str]) -> Reading:
        """"what does Mitsubishi lead in Asia?": of a name with several readings, the ones the
        company asked about leads, when it leads any (else every reading, who leads them)."""
        if not reading.split:
            return reading
        leads = [lead for lead in reading.leads if lead.leadership.leader in companies]
        if not leads:
            return reading
        named = self.companies(sorted({lead.leadership.leader for lead in leads}))
        return Reading(subject=leads[0].name, leads=leads, sources=reading.sources, notes=[
            self.words.say("That is what {company} leads in {area}.", company=named,
                           area=reading.subject)])

    def _narrowed_to_places(self, targets: list[Target]) -> list[Target]:
        """"The Android one" then "and in China?": the technology of the same family the plan
        ties to that place (connected technology in China), when the one in context has no
        regional scope."""
        regions = {self.place_region(t)[0] for t in targets if t.kind in PLACE_KINDS
                   and t.kind not in (TargetKind.AREA, TargetKind.ZONE)} - {None}
        if not regions:
            return targets
        out = []
        for target in targets:
            tech = self.kb.technologies.get(target.id) if target.kind == TargetKind.TECH else None
            siblings = [m for family in self.kb.families.values() if tech and tech.id in
                        family.members for m in family.members
                        if regions <= set(self.kb.technologies[m].scope.markets)]
            if tech and not tech.scope.markets and len(set(siblings)) == 1:
                sibling = self.kb.technologies[siblings[0]]
                target = Target(kind=TargetKind.TECH, id=sibling.id, text=sibling.name)
            out.append(target)
        return out

    def _without_redundant_families(self, targets: list[Target]) -> list[Target]:
        """"the BEV powertrain": the technology named makes the family word redundant."""
        techs = {t.id for t in targets if t.kind == TargetKind.TECH}
        return [t for t in targets if not (
            t.kind == TargetKind.FAMILY and techs & set(self.kb.families[t.id].members))]

    def _members_for(self, target: Target, places: list[Target],
                     segments: list[Target]) -> list[Target]:
        """"電動化 for the A/B and the C/D segments": a family asked for segments its members
        divide between them is each member that covers some of them (the A/B powertrains and
        the C/D plug-in hybrids); anything else is the target itself."""
        letters = {s.id for s in segments}
        if target.kind != TargetKind.FAMILY or places or len(letters) < 2:
            return [target]
        members = [self.kb.technologies[m] for m in self.kb.families[target.id].members]
        covering = [m for m in members if letters & set(m.scope.segments)]
        if len(covering) < 2 or not letters <= {x for m in covering for x in m.scope.segments}:
            return [target]
        return [Target(kind=TargetKind.TECH, id=m.id, text=self.words.text(m.name))
                for m in covering]

    def _fitting(self, target: Target, segments: list[Target]) -> list[Target]:
        """The segments that qualify this technology, when several technologies share them."""
        if target.kind != TargetKind.TECH:
            return segments
        scope = self.kb.technologies[target.id].scope.segments
        fitting = [s for s in segments if s.id in scope]
        return fitting or segments

    def _lead_sentence(self, lead: Lead, with_followers: bool = True) -> str:
        leader = self.company(lead.leadership.leader)
        if with_followers and lead.leadership.followers:
            return self.words.say("{leader} leads {what}; {followers} follow.", leader=leader,
                                  what=lead.name,
                                  followers=self.companies(lead.leadership.followers))
        return self.words.say("{leader} leads {what}.", leader=leader, what=lead.name)

    def _reading_text(self, reading: Reading) -> str:
        if reading.none_note:
            return " ".join([reading.none_note, *reading.notes])
        if reading.split:
            by_leader: dict[str, list[str]] = {}
            for lead in reading.leads:
                by_leader.setdefault(lead.leadership.leader, []).append(lead.name)
            parts = self.words.say("; ").join(
                self.words.say("{leader} leads {names}", leader=self.company(leader),
                               names=self.words.join(names))
                for leader, names in by_leader.items())
            intro = self.words.say("{subject} has more than one reading in the plan: {parts}.",
                                   subject=capitalise(reading.subject), parts=parts)
            return " ".join([intro, *reading.notes])
        sentences = [self._lead_sentence(lead) for lead in reading.leads]
        notes = [n for lead in reading.leads for n in lead.notes] + reading.notes
        if reading.leads and reading.leads[0].name != reading.subject and not \
                reading.leads[0].key.startswith("segment:"):
            place_notes = [n for n in reading.notes if n]
            if not place_notes:
                # a language that opens the sentence with the region's name ("Japon : le
                # leader est Nissan") says it once: "Osaka (Japon) : le leader est Nissan"
                label = self.words.say("{subject}: {sentence}", subject=reading.leads[0].name,
                                       sentence="")
                sentence = sentences[0].removeprefix(label) if label.strip() else sentences[0]
                sentences[0] = self.words.say("{subject}: {sentence}", subject=reading.subject,
                                              sentence=sentence)
        return " ".join(sentences + [n for n in notes if n and n not in sentences])

    @staticmethod
    def _distinct(readings: list[Reading]) -> list[Reading]:
        """"Tokyo ... Japan": two names for one region are answered once, each one's note kept
        ("who leads texas and ohio": both are said to count as North America)."""
        seen: dict[str, Reading] = {}
        kept = []
        for reading in readings:
            keys = {lead.key for lead in reading.leads}
            if keys and keys <= set(seen) and not reading.none_note:
                first = seen[next(iter(keys))]
                first.notes += [note for note in reading.notes if note not in first.notes]
                continue
            seen.update(dict.fromkeys(keys - set(seen), reading))
            kept.append(reading)
        return kept

    @staticmethod
    def _sources(readings: list[Reading]) -> list[Source]:
        seen: list[Source] = []
        for reading in readings:
            for source in [*reading.sources,
                           *(s for lead in reading.leads for s in lead.leadership.sources)]:
                if source not in seen:
                    seen.append(source)
        return seen
