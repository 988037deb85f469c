"""Turn an understood question into an `Answer`, stating only what the knowledge base says.

Every leader in an answer comes from a `Leadership` record of the knowledge base; a place or
topic the plan doesn't assign is answered as such, with no leader named.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace

from knowledge.answer import Answer, Kind, MatrixRow, Source, Suggestion
from knowledge.query import NARROW_PLACES, WIDE_PLACES, Intent, Target, TargetKind, Understanding
from knowledge.readings import (
    PLACE_KINDS,
    TECH_KINDS,
    Reading,
    ReadingBuilder,
)

MONTHS = frozenset(m.lower() for m in calendar.month_name if m)
# "may" is a month only after these ("in May", "was it may?"), not as a verb ("may I ask")
MONTH_BEFORE = frozenset({"in", "of", "by", "since", "until", "from", "it", "was", "early",
                          "late", "mid", "before", "after", "last", "this"})


def _dates(text: str) -> dict[str, set[str]]:
    """Months and years a text names, by kind."""
    words = re.findall(r"[a-z]+|\d{4}", text.lower())
    months = {w for i, w in enumerate(words) if w in MONTHS
              and (w != "may" or i == len(words) - 1 or (i and words[i - 1] in MONTH_BEFORE))}
    return {"month": months, "year": {w for w in words if w.isdigit()}}


def unverifiable(question: str, fact_text: str) -> bool:
    """"Was it in 2020?" against a fact that names no year: the bot can't tell."""
    asked, stated = _dates(question), _dates(fact_text)
    return any(asked[kind] and not stated[kind] for kind in asked)


def contradicts(question: str, fact_text: str) -> bool:
    """"Was it first mentioned in May?" against a fact that says January: a different month
    (or year) than the fact names."""
    asked, stated = _dates(question), _dates(fact_text)
    return any(asked[kind] and stated[kind] and not asked[kind] & stated[kind]
               for kind in asked)


def shared_names(understanding: Understanding) -> list[str]:
    """Names read as two places ("Georgia": the country and the US state)."""
    places = [t.text for t in understanding.targets if t.kind in PLACE_KINDS]
    return sorted({name for name in places if places.count(name) > 1})


class Resolver(ReadingBuilder):
    """Answers from one loaded knowledge base; cheap to call, safe to share between threads."""

    def answer(self, question: str, understanding: Understanding) -> Answer:
        handler = {
            Intent.WHO_LEADS: self.who_leads,
            Intent.WHO_FOLLOWS: self.who_follows,
            Intent.IS_LEADER: self.is_leader,
            Intent.WHAT_LEADS: self.what_leads,
            Intent.WHAT_FOLLOWS: self.what_follows,
            Intent.FACT: self.fact,
            Intent.LIST: self.listing,
        }.get(understanding.intent)
        if handler is None:
            return self.non_answer(question, understanding)
        shared = shared_names(understanding)
        if self.needs_clarifying(understanding) or (shared and understanding.yes_no):
            return self.clarify(question, understanding)
        answer = handler(question, understanding)
        if shared and answer.understood:
            answer.text = " ".join(self.words.say(
                "{name} is the name of more than one place; here is each.",
                name=self.written_name(name))
                for name in shared) + " " + answer.text
        return answer

    def needs_clarifying(self, understanding: Understanding) -> bool:
        targets = understanding.targets
        has_tech = any(t.kind in TECH_KINDS for t in targets)
        has_place = any(t.kind in PLACE_KINDS for t in targets)
        has_segment = any(t.kind == TargetKind.SEGMENT for t in targets)
        # "Oceania for the C segment" is unclear; "Oceania and the C segment" asks two things
        mixed = has_place and has_segment and not has_tech and not understanding.coordinated
        # ("EVs for the A segment?" asks back; "EV powertrain?" then "and for A/B?" asks the
        # segments on their own, answered beside the technology's reach)
        if has_segment and not understanding.segment_asked \
                and self._segment_belongs_elsewhere(targets):
            return True
        family_elsewhere = any(
            t.kind == TargetKind.FAMILY and any(
                self.kb.technologies[m].scope.markets for m in self.kb.families[t.id].members)
            for t in targets) and has_place and not self._family_place_resolves(targets)
        return mixed or family_elsewhere

    def _segment_belongs_elsewhere(self, targets: list[Target]) -> bool:
        """"EVs for the A segment": the EV powertrain has no segment, but a related technology
        (electrified powertrains for A/B) is the one the plan ties to that segment."""
        techs = [self.kb.technologies[t.id] for t in targets if t.kind == TargetKind.TECH]
        letters = {t.id for t in targets if t.kind == TargetKind.SEGMENT}
        for tech in techs:
            if tech.scope.segments:
                continue
            for letter in letters:
                if set(self.kb.segment_technologies.get(letter, [])) & set(tech.related):
                    return True
        return False

    def _family_place_resolves(self, targets: list[Target]) -> bool:
        places = [t for t in targets if t.kind in PLACE_KINDS]
        regions = {self.place_region(p)[0] for p in places if p.kind != TargetKind.AREA
                   and p.kind != TargetKind.ZONE} | {p.id for p in places
                                                     if p.kind == TargetKind.ZONE}
        for target in targets:
            if target.kind != TargetKind.FAMILY:
                continue
            members = [self.kb.technologies[m] for m in self.kb.families[target.id].members]
            if not any(set(m.scope.markets) >= regions for m in members if m.scope.markets):
                return False
        return True

    def _base(self, question: str, understanding: Understanding, **fields) -> Answer:
        fields.setdefault("kind", Kind.ANSWER)
        fields.setdefault("understood", True)
        fields.setdefault("confidence", understanding.confidence)
        fields.setdefault("scope", {
            "targets": [t.key() for t in understanding.targets],
            "companies": understanding.companies,
            "corrections": [list(c) for c in understanding.corrections],
            "from_context": understanding.from_context,
        })
        for name in ("leaders", "followers", "sources", "suggestions"):
            fields.setdefault(name, [])
        fields.setdefault("truncated", False)
        fields.setdefault("context", {})
        # built from the knowledge base's own typed data: no need to validate again (every field
        # given, so pydantic needn't inspect default factories either)
        return Answer.model_construct(question=question, intent=understanding.intent.value,
                                      **fields)

    def who_leads(self, question: str, understanding: Understanding) -> Answer:
        member = self._membership(understanding) if understanding.compare == "member" else None
        if member is not None:  # "is Turkey counted as Europe?" is about Turkey
            understanding = replace(understanding, targets=[
                t for t in understanding.targets if t.kind not in WIDE_PLACES])
        every = self.readings(understanding)
        readings = self._distinct(every)
        leaders = sorted({lead.leadership.leader for r in readings for lead in r.leads})
        followers: list[str] = []
        if all(len(r.leads) == 1 for r in readings) and len(leaders) == 1:
            followers = sorted({f for r in readings for f in r.leads[0].leadership.followers})
        text = self._said_once(readings)
        if member is not None:
            text = (self.words.say("Yes.") if member else self.words.say("No.")) + " " + text
        elif understanding.compare in ("same", "different") and len(every) > 1:
            same = len({frozenset(lead.leadership.leader for lead in r.leads)
                        for r in every}) == 1
            yes = same if understanding.compare == "same" else not same
            text = (self.words.say("Yes.") if yes else self.words.say("No.")) + " " + text
        elif understanding.same_as is not None:  # "Canada included?" after North America
            same = leaders == sorted(understanding.same_as)  # "and Sri Lanka?": none either
            text = (self.words.say("Yes.") if same else self.words.say("No.")) + " " + text
        elif understanding.yes_no and understanding.exists:
            # "is there a leader for India?" / "does anyone lead Japan?"; not "did the leader
            # change?", which the plan can't answer Yes or No
            opener = self.words.say("Yes.") if bool(leaders) != understanding.claims_none \
                else self.words.say("No.")
            text = opener + " " + text
        return self._base(question, understanding, leaders=leaders, followers=followers,
                          text=text, sources=self._sources(readings))

    def _membership(self, understanding: Understanding) -> bool | None:
        """Whether the plan counts the country, city or state asked about in the region or
        zone asked about; None when the question names no such pair."""
        narrow = [t for t in understanding.targets if t.kind in NARROW_PLACES]
        wide = [t for t in understanding.targets if t.kind in WIDE_PLACES]
        if len(narrow) != 1 or len(wide) != 1:
            return None
        code = narrow[0].id if narrow[0].kind == TargetKind.COUNTRY else narrow[0].country
        return self.kb.country_home.get(code or "") == f"{wide[0].kind.value}:{wide[0].id}"

    def who_follows(self, question: str, understanding: Understanding) -> Answer:
        if not understanding.targets:
            return self.followers_of(question, understanding)
        readings = self.readings(understanding)
        parts: list[str] = []
        leaders: set[str] = set()
        followers: set[str] = set()
        for reading in readings:
            if reading.none_note or not reading.leads:
                parts.append(self._reading_text(reading))
                continue
            for lead in reading.leads:
                leaders.add(lead.leadership.leader)
                followers.update(lead.leadership.followers)
                parts.append(self.words.say(
                    "{followers} follow {leader} in {what}.", what=lead.name,
                    followers=self.companies(lead.leadership.followers),
                    leader=self.company(lead.leadership.leader)))
        # several leaders ("who follows in China and Europe?"): every company named following
        return self._base(question, understanding, leaders=sorted(leaders),
                          followers=sorted(followers),
                          text=" ".join(dict.fromkeys(parts)),  # Mexico and North America: once
                          sources=self._sources(readings))

    def is_leader(self, question: str, understanding: Understanding) -> Answer:
        readings = self.readings(understanding)
        asked = understanding.companies
        leads = [lead for r in readings for lead in r.leads]
        leaders = sorted({lead.leadership.leader for lead in leads})
        asked_names = self.companies(asked)
        details = self._said_once(readings)
        if understanding.non_member:
            # "so Toyota will lead Japan, correct?": it has no role in the Alliance's plan
            text = self.words.say("No: {company} is not part of the Alliance.",
                                  company=understanding.non_member) + " " + details
        elif understanding.followers_claimed and leads:
            # "Nissan = leader in NA, Renault and Mitsubishi = followers?": every role as said
            holds = all(lead.leadership.leader in asked and all(
                c in lead.leadership.followers for c in understanding.followers_claimed)
                for lead in leads)
            opener = self.words.say("Yes.") if holds else self.words.say("No.")
            text = f"{opener} {details}"
        elif understanding.asks_part and leads:
            # "is Nissan involved in the PHEV?": leading and following are both taking part
            if len(asked) > 1:
                # "is Renault working with Nissan in Brazil?": each takes a part, whichever
                roles = {"part" if all(c == lead.leadership.leader
                                       or c in lead.leadership.followers for c in asked)
                         else "none" for lead in leads}
            else:
                roles = {"lead" if lead.leadership.leader in asked else
                         "follow" if any(c in lead.leadership.followers for c in asked)
                         else "none" for lead in leads}
            opener = self.words.say("Yes, as the leader.") if roles == {"lead"} else \
                self.words.say("Yes, as a follower.") if roles == {"follow"} else \
                self.words.say("Yes.") if "none" not in roles else self.words.say("No.")
            text = f"{opener} {details}"
        elif understanding.asks_part:
            text = details  # "is Nissan involved in India?": the plan names no roles there
        elif understanding.asks_follower and leads:
            subject = asked[:1]  # "does Renault follow Nissan in Japan?" is about Renault
            follows = all(any(c in lead.leadership.followers for c in subject) for lead in leads)
            opener = self.words.say("Yes.") if follows else self.words.say("No.")
            text = f"{opener} {details}"
        elif not leads:
            text = self.words.say("No.") + " " + details
        elif len(asked) > 1 and not all(c in leaders for c in asked):
            text = self.words.say("No.") + " " + details  # "do Renault and Nissan both lead ...?"
        elif all(lead.leadership.leader in asked for lead in leads) and not any(
                r.leaderless_rest or not r.leads for r in readings):
            text = self.words.say("Yes.") + " " + details
        # part of what was asked has another leader or none ("Morocco and Turkey, both
        # Renault?", "does Renault lead Africa?"): not all of it, or only in part
        elif any(lead.leadership.leader in asked for lead in leads) and understanding.whole:
            text = self.words.say("No, not all of it.") + " " + details  # "all of Asia?"
        elif any(lead.leadership.leader in asked for lead in leads):
            text = self.words.say("Yes, in part.") + " " + details
        else:
            text = f"{self._denial(asked_names, len(asked))} {details}"
        if understanding.negated:
            # (a role asked about, "Nissan doesn't follow there, right?", keeps a plain No)
            text = self._negated(text, asked_names, len(asked), leading=not (
                understanding.asks_follower or understanding.asks_part))
        followers = sorted({f for lead in leads for f in lead.leadership.followers}) \
            if len(leaders) == 1 else []
        return self._base(question, understanding, leaders=leaders, followers=followers,
                          text=text, sources=self._sources(readings))

    def _said_once(self, readings: list[Reading]) -> str:
        """The readings' texts, each sentence once ("the EU and the UK" are both Europe; the A
        and B segments both go through a technology)."""
        return self.words.said_once(self._reading_text(r) for r in readings)

    def _denial(self, asked_names: str, count: int) -> str:
        """"No, Renault doesn't lead that.": the companies asked about lead none of it."""
        return self.words.say("No, {companies} doesn't lead that.", companies=asked_names) \
            if count == 1 else \
            self.words.say("No, {companies} don't lead that.", companies=asked_names)

    def _negated(self, text: str, asked_names: str, count: int, leading: bool = True) -> str:
        """The answer to a negated claim ("Renault doesn't lead Russia, right?"): its Yes and
        No turned round, as they say whether the claim holds, and said in words ("No: Renault
        does lead that."), so a reader who answers such questions the other way round still
        reads it right; "in part" stays as it is."""
        yes, no = self.words.say("Yes."), self.words.say("No.")
        denial = self._denial(asked_names, count)
        if text.startswith(denial):
            agreed = self.words.say("Yes: {companies} doesn't lead that.",
                                    companies=asked_names) if count == 1 else \
                self.words.say("Yes: {companies} don't lead that.", companies=asked_names)
            return agreed + text[len(denial):]
        if text.startswith(yes):
            if not leading:
                return no + text[len(yes):]
            held = self.words.say("No: {companies} does lead that.", companies=asked_names) \
                if count == 1 else \
                self.words.say("No: {companies} do lead that.", companies=asked_names)
            return held + text[len(yes):]
        if text.startswith(no):
            return yes + text[len(no):]
        return text

    def led_by(self, company_id: str, leave_out: frozenset[str] = frozenset(),
               ) -> tuple[list[str], list[str], list[Source]]:
        """The names of the regions and technologies a company leads (but those whose
        leadership key, "region:europe", is in `leave_out`), with the sources."""
        regions = [self.words.text(r.name) for r in self.kb.regions.values()
                   if r.leader == company_id and f"region:{r.id}" not in leave_out]
        techs = [self.words.text(t.name) for t in self.kb.technologies.values()
                 if t.leader == company_id and f"tech:{t.id}" not in leave_out]
        sources = [s for key, lead in self.kb.leadership.items() if lead.leader == company_id
                   for s in lead.sources]
        return regions, techs, list(dict.fromkeys(sources))

    def followers_of(self, question: str, understanding: Understanding) -> Answer:
        """"who follows Nissan?": the others follow it wherever it leads."""
        parts: list[str] = []
        sources: list[Source] = []
        followers: set[str] = set()
        for company_id in understanding.companies:
            regions, techs, found = self.led_by(company_id)
            others = [c for c in self.kb.companies if c != company_id]
            followers.update(others)
            sources += [s for s in found if s not in sources]
            parts.append(self.words.say(
                "{followers} follow {leader} in {what}.", followers=self.companies(others),
                leader=self.company(company_id), what=self.words.join(regions + techs)))
        text = " ".join(parts)
        if understanding.yes_no and understanding.followers_claimed:
            # "what does Nissan lead?" then "is Renault one of the followers on those?"
            opener = "Yes." if set(understanding.followers_claimed) <= followers else "No."
            text = self.words.say(opener) + " " + text
        return self._base(question, understanding, leaders=sorted(understanding.companies),
                          followers=sorted(followers) if len(understanding.companies) == 1
                          else [], text=text, sources=sources)

    def what_leads(self, question: str, understanding: Understanding) -> Answer:
        parts: list[str] = []
        sources: list[Source] = []
        kind = understanding.list_kind
        leave_out = self._set_aside(understanding)
        for company_id in understanding.companies:
            regions, techs, found = self.led_by(company_id, leave_out)
            sources += [s for s in found if s not in sources]
            pieces = []
            if kind in (None, "region") and regions:
                pieces.append(self.words.say("the regions {names}",
                                             names=self.words.join(regions)))
            if kind in (None, "technology") and techs:
                pieces.append(self.words.say("the technologies {names}",
                                             names=self.words.join(techs)))
            if kind == "segment":
                pieces += self._segments_led(company_id) or [self.words.say("no segment")]
            parts.append(self.words.say("{company} leads {things}.",
                                        company=self.company(company_id),
                                        things=self.words.say("; and ").join(pieces)))
        text = " ".join(parts)
        if understanding.yes_no:
            text = self.words.say("Yes.") + " " + text
        return self._base(question, understanding, leaders=sorted(understanding.companies),
                          text=text, sources=sources)

    def _set_aside(self, understanding: Understanding) -> frozenset[str]:
        """"other than Europe", "日本以外": the leadership keys of the regions and
        technologies the question sets aside (a country inside a region leaves the region in:
        the rest of it is still led)."""
        kinds = {TargetKind.REGION: "region", TargetKind.TECH: "tech"}
        return frozenset(f"{kinds[t.kind]}:{t.id}" for t in understanding.set_aside
                         if t.kind in kinds)

    def _segments_led(self, company_id: str) -> list[str]:
        """"the C and D segments (through plug-in hybrids …)", or nothing."""
        segments = [letter for letter, tech_ids in sorted(self.kb.segment_technologies.items())
                    if any(self.kb.technologies[t].leader == company_id for t in tech_ids)]
        through = [self.words.text(t.name) for t in self.kb.technologies.values()
                   if t.leader == company_id and t.scope.segments]
        if not segments:
            return []
        return [self.words.say("the {letters} segments (through {techs})",
                               letters=self.words.join(segments),
                               techs=self.words.join(through))]

    def what_follows(self, question: str, understanding: Understanding) -> Answer:
        parts: list[str] = []
        leaders: set[str] = set()
        sources: list[Source] = []
        kind = understanding.list_kind  # "which regions does Renault follow in?"
        for company_id in understanding.companies:
            others = [c for c in self.kb.companies if c != company_id]
            pieces = []
            for other in others:
                regions, techs, found = self.led_by(other)
                named = (regions if kind in (None, "region") else []) \
                    + (techs if kind in (None, "technology") else [])
                if kind == "segment":
                    named = self._segments_led(other)
                if not named:
                    continue
                leaders.add(other)
                sources += [s for s in found if s not in sources]
                pieces.append(self.words.say("{leader} in {what}", leader=self.company(other),
                                             what=self.words.join(named)))
            parts.append(self.words.say("{follower} follows {what}.",
                                        follower=self.company(company_id),
                                        what=self.words.say("; and ").join(pieces)))
        return self._base(question, understanding, leaders=sorted(leaders),
                          followers=sorted(understanding.companies), text=" ".join(parts),
                          sources=sources)

    def fact(self, question: str, understanding: Understanding) -> Answer:
        facts = [self.kb.facts[f] for f in understanding.facts]
        sources = [s for fact in facts for s in self.kb.fact_sources(fact)]
        text = " ".join(self.words.text(f.text) for f in facts)
        if understanding.yes_no and understanding.asks_leader \
                and not any(f.companies for f in facts):
            # "is there a leader for trucks?": trucks come up in a fact, but nobody leads them
            text = self.words.say("No.") + " " + self.words.say(
                "The plan designates no leader for that. What the article says: {text}",
                text=text)
        elif understanding.yes_no:
            others = [c for f in facts if f.companies for c in understanding.companies
                      if c not in f.companies]
            # an open question (time will tell), or a fact reached by weak hints alone: state
            # the fact, without a Yes or No the bot can't vouch for
            if not any(f.open for f in facts):
                if understanding.denied or others or contradicts(question, text):
                    text = self.words.say("No.") + " " + text
                elif not understanding.weak_fact and not unverifiable(question, text):
                    text = self.words.say("Yes.") + " " + text
        elif understanding.asks_leader and not any(f.companies for f in facts):
            # "who leads trucks?": trucks come up in a fact, but nobody leads them
            text = self.words.say("The plan designates no leader for that. "
                                  "What the article says: {text}", text=text)
        # "who made the Xpander?": the company the fact shows leading, the others following
        leading = [f for f in facts if f.leader] if understanding.asks_company else []
        leaders = sorted({f.leader for f in leading if f.leader})
        followers = sorted({c for f in leading for c in f.companies if c != f.leader})
        return self._base(question, understanding, text=text, leaders=leaders,
                          followers=followers if len(leaders) == 1 else [],
                          sources=list(dict.fromkeys(sources)))

    def listing(self, question: str, understanding: Understanding) -> Answer:
        rows = self.matrix()
        kind = understanding.list_kind
        if understanding.unled:
            return self._unled(question, understanding, rows)
        lines = []
        for area, title in (("region", self.words.say("Regions")),
                            ("technology", self.words.say("Technologies")),
                            ("segment", self.words.say("Segments"))):
            if kind not in (None, area):
                continue
            chosen = [r for r in rows if r.area == area]
            items = [self.words.say("{name}: {leader}", name=r.name, leader=self.company(r.leader))
                     if r.leader else self.words.say("{name}: none", name=r.name)
                     for r in chosen]
            lines.append(self.words.say("{title}: {items}.", title=title,
                                        items=self.words.say("; ").join(items)))
        listed = [r for r in rows if kind in (None, r.area)]
        sources = list(dict.fromkeys(s for r in listed for s in r.sources))
        leaders = sorted({r.leader for r in listed if r.leader})
        return self._base(question, understanding, text=" ".join(lines), sources=sources,
                          leaders=leaders)

    def _unled(self, question: str, understanding: Understanding,
               rows: list[MatrixRow]) -> Answer:
        """"which segments have no leader?": the parts of the world, segments and topics the
        plan gives nobody; the sources are those of the plan's list they are missing from."""
        kind, kb, say = understanding.list_kind, self.kb, self.words.say
        unled = {
            "region": [self.words.text(zone.name) for zone in kb.zones.values()],
            "technology": [self.words.text(topic.name) for topic in kb.topics.values()],
            "segment": [self.words.text(segment.name) for segment in kb.segments.values()
                        if not kb.segment_technologies.get(segment.id)],
        }
        said = {"region": say("The plan designates no leader for these parts of the world: "
                              "{items}.", items=self.words.join(unled["region"])),
                "technology": say("The plan designates no leader for these topics: {items}.",
                                  items=self.words.join(unled["technology"])),
                "segment": say("The plan designates no leader for these segments: {items}.",
                               items=self.words.join(unled["segment"]))}
        lines = [text for area, text in said.items() if kind in (None, area)]
        sources = list(dict.fromkeys(s for r in rows if kind in (None, r.area) for s in r.sources))
        return self._base(question, understanding, text=" ".join(lines), sources=sources,
                          leaders=[])

    def matrix(self) -> list[MatrixRow]:
        rows: list[MatrixRow] = []
        for region in self.kb.regions.values():
            lead = self.kb.leadership[f"region:{region.id}"]
            rows.append(MatrixRow(area="region", id=region.id, name=self.words.text(region.name),
                                  leader=lead.leader, followers=list(lead.followers),
                                  detail=self.words.text(region.mapping_note),
                                  sources=list(lead.sources)))
        for tech in self.kb.technologies.values():
            lead = self.kb.leadership[f"tech:{tech.id}"]
            rows.append(MatrixRow(area="technology", id=tech.id, name=self.words.text(tech.name),
                                  leader=lead.leader, followers=list(lead.followers),
                                  sources=list(lead.sources)))
        for segment in self.kb.segments.values():
            techs = self.kb.segment_technologies.get(segment.id, [])
            if not techs:
                continue
            lead = self.kb.leadership[f"tech:{techs[0]}"]
            rows.append(MatrixRow(area="segment", id=segment.id,
                                  name=self.words.text(segment.name),
                                  leader=lead.leader, followers=list(lead.followers),
                                  detail=self.words.say("through {tech}", tech=self.words.text(
                                      self.kb.technologies[techs[0]].name)),
                                  sources=list(lead.sources)))
        return rows

    def suggestions(self) -> list[Suggestion]:
        return [Suggestion(label=e, question=e) for e in self.local_examples()[:4]]

    def local_examples(self) -> list[str]:
        """The example questions, asked in the answer's language."""
        return [self.words.say(example) for example in self.examples]

    def clarify(self, question: str, understanding: Understanding,
                text: str | None = None) -> Answer:
        options = [Suggestion(label=s.question, question=s.question)
                   for s in self.candidate_questions(understanding)] or self.suggestions()
        body = text or self.words.say("I'm not sure what you mean. Did you mean one of these?")
        return Answer(question=question, intent=Intent.CLARIFY.value, kind=Kind.CLARIFY,
                      understood=False, confidence=min(understanding.confidence, 0.59),
                      text=body + " " + " / ".join(s.label for s in options[:4]),
                      suggestions=options[:4], scope={"reason": understanding.reason})

    def candidate_questions(self, understanding: Understanding) -> list[Suggestion]:
        out: list[Suggestion] = []
        shared = set(shared_names(understanding))
        for target in understanding.targets or understanding.candidates:
            name = self.candidate_name(target)
            if target.text in shared and target.kind in (TargetKind.SUBDIVISION,
                                                         TargetKind.CITY) and target.country:
                # "Georgia": "who leads Georgia?" / "who leads Georgia (United States)?"
                name = f"{self.written_name(target.text)} ({self.country_name(target.country)})"
            if target.kind == TargetKind.FAMILY:
                for member in self.kb.families[target.id].members:
                    tech = self.words.text(self.kb.technologies[member].name)
                    question = self.words.say("who leads {what}?", what=tech)
                    out.append(Suggestion(label=question, question=question))
                continue
            if target.kind == TargetKind.SEGMENT:
                for tech_id in self.kb.segment_technologies.get(target.id, []):
                    technology = self.kb.technologies[tech_id]
                    tech = technology.aliases[0] if self.lang == "en" else \
                        self.words.text(technology.name)
                    q = self.words.say("who leads {tech} for {what}?", tech=tech, what=name)
                    out.append(Suggestion(label=q, question=q))
            q = self.words.say("who leads {what}?", what=name)
            out.append(Suggestion(label=q, question=q))
        return list({s.question: s for s in out}.values())  # "Georgia" twice is asked once

    def candidate_name(self, target: Target) -> str:
        """How a question asked back names a reading: as asked in English; in French or
        Japanese by its name in that language (a near miss is matched by its English name:
        "Zorbistan" -> "qui dirige Ouzbékistan ?", not "Uzbekistan")."""
        if target.kind == TargetKind.SEGMENT:
            return self.words.say("the {letter} segment", letter=target.id)
        if self.lang == "en":
            return target.text
        if target.kind == TargetKind.COUNTRY:
            return self.country_name(target.id)
        entries = {TargetKind.REGION: self.kb.regions, TargetKind.AREA: self.kb.areas,
                   TargetKind.ZONE: self.kb.zones, TargetKind.TECH: self.kb.technologies,
                   TargetKind.FAMILY: self.kb.families, TargetKind.TOPIC: self.kb.topics}
        entry = entries.get(target.kind, {}).get(target.id)
        return self.words.text(entry.name) if entry is not None else target.text

    def non_answer(self, question: str, understanding: Understanding) -> Answer:
        intent = understanding.intent
        examples = " / ".join(self.local_examples()[:3])
        say = self.words.say
        if intent == Intent.CLARIFY:
            unknown = understanding.unknown_name
            if understanding.other_namesake and understanding.candidates:
                known = understanding.candidates[0]
                return Answer(question=question, intent=intent.value, kind=Kind.CLARIFY,
                              understood=False, confidence=understanding.confidence,
                              text=say("The only {place} I know is in {country}. Which country "
                                       "or region is the one you mean in?",
                                       place=self.written_name(known.text),
                                       country=self.country_name(known.country or "")),
                              suggestions=self.suggestions())
            if unknown and understanding.candidates:
                return self.clarify(question, understanding, text=say(
                    "I don't know anything called \u201c{unknown}\u201d in the plan. "
                    "Did you mean one of these?", unknown=unknown))
            if unknown:
                return Answer(question=question, intent=intent.value, kind=Kind.CLARIFY,
                              understood=False, confidence=understanding.confidence,
                              text=say("I don't know anything called \u201c{unknown}\u201d in "
                                       "the plan. Name a region, country, technology or "
                                       "segment, for example: {examples}", unknown=unknown,
                                       examples=examples), suggestions=self.suggestions())
            if understanding.targets or understanding.candidates:
                return self.clarify(question, understanding)
            if understanding.own_place is not None:  # "who leads our market?" from nowhere said
                return Answer(question=question, intent=intent.value, kind=Kind.CLARIFY,
                              understood=False, confidence=understanding.confidence,
                              text=say("Which place is yours? Say the country or city, for "
                                       "example: I'm in Lyon, who leads my region?"),
                              suggestions=self.suggestions())
            return Answer(question=question, intent=intent.value, kind=Kind.CLARIFY,
                          understood=False, confidence=understanding.confidence,
                          text=say("Leads what? Name a region, country, technology or segment, "
                                   "for example: {examples}", examples=examples),
                          suggestions=self.suggestions())
        if intent == Intent.HELP:
            text = say("I answer questions about the Renault–Nissan–Mitsubishi Alliance's "
                       "leader-follower plan: who leads a region, country, technology or vehicle "
                       "segment, who follows, what a company leads, and facts such as the 2025 "
                       "target. Try: {examples}", examples=examples)
            return Answer(question=question, intent=intent.value, kind=Kind.SMALL_TALK,
                          understood=False, confidence=understanding.confidence, text=text,
                          suggestions=self.suggestions())
        if intent in (Intent.GREETING, Intent.THANKS):
            if intent == Intent.GREETING:
                text = say("Hello! Ask me who leads a region, technology or segment. Try: "
                           "{examples}", examples=examples)
            elif understanding.leaving:
                text = say("Bye! Ask me again any time about the leader-follower plan.")
            else:
                text = say("You're welcome! Ask me anything else about the leader-follower plan.")
            return Answer(question=question, intent=intent.value, kind=Kind.SMALL_TALK,
                          understood=False, confidence=understanding.confidence, text=text,
                          suggestions=self.suggestions())
        if intent == Intent.EMPTY:
            text = say("Ask me a question about the Alliance's leader-follower plan. "
                       "Try: {examples}", examples=examples)
        elif understanding.person_asked:
            text = say("I don't know: the article names no executives, managers or contacts "
                       "for the regions, technologies or segments, only which company leads "
                       "them. Try: {examples}", examples=examples)
        elif understanding.non_member:
            text = say("I only know the Renault–Nissan–Mitsubishi Alliance's leader-follower "
                       "plan, not {company}. Try: {examples}", company=understanding.non_member,
                       examples=examples)
        else:
            text = say("I don't know that: I only answer questions about the Renault–Nissan–"
                       "Mitsubishi Alliance's leader-follower plan (who leads which region, "
                       "technology or segment, and facts around it). Try: {examples}",
                       examples=examples)
        return Answer(question=question, intent=Intent.OUT_OF_SCOPE.value
                      if intent != Intent.EMPTY else intent.value, kind=Kind.NO_ANSWER,
                      understood=False, confidence=understanding.confidence, text=text,
                      suggestions=self.suggestions())
