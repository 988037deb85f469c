"""Decide what one clause asks: intent, targets, companies, facts and a confidence.

Entity extraction is the pipeline's job; this module only reads its annotations, and the
fallback decision (ask back or decline) reads the named thresholds in `intents.thresholds`.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import Any

from spacy.tokens import Doc

from intents import thresholds
from intents.components import corrected_words, token_table
from intents.languages import LanguageRules, read_language_cues, rules_for
from intents.vocabulary import read_cues
from knowledge.query import Intent, Target, TargetKind, Understanding

LOGGER = logging.getLogger(__name__)
TARGET_LABELS = {kind.value.upper(): kind for kind in TargetKind}
SOCIAL = ("greeting", "thanks")
NO_SUBJECT = "leadership asked without a subject"


def _entities(doc: Doc) -> tuple[list[Target], list[str], list[str]]:
    targets: list[Target] = []
    companies: list[str] = []
    non_members: list[str] = []
    for ent in doc.ents:
        kind, ident, country = ent.ent_id_.split("|")
        if kind == "company":
            if ident not in companies:
                companies.append(ident)
        elif kind == "non_member":
            non_members.append(ent.text)
        else:
            target = Target(kind=TargetKind(kind), id=ident, text=ent.text,
                            country=country or None, score=ent._.score, alias=ent.text.lower())
            if all(t.key() != target.key() for t in targets):
                targets.append(target)
    return targets, companies, non_members


def _unknown_words(doc: Doc, domain: set[str]) -> list[str]:
    covered = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    corrected = corrected_words(doc)
    table = token_table(doc)
    unknown = []
    for i, text in enumerate(table.texts):
        if i in covered or not table.alpha[i] or table.stop[i] or i in corrected:
            continue
        if table.lemmas[i] in domain or table.lowers[i] in domain:
            continue
        unknown.append(text)
    return unknown


def _coordinated(doc: Doc, rules: LanguageRules) -> bool:
    """True when entities are joined by "and", "&" or a comma ("Europe and hydrogen")."""
    ents = list(doc.ents)
    for left, right in zip(ents, ents[1:], strict=False):
        between = {token.lower_ for token in doc[left.end:right.start]}
        if between & rules.coordinators:
            return True
    return False


@cache
def _kind_words(lang: str = "en") -> frozenset[str]:
    cues = read_cues() if lang == "en" else read_language_cues(lang)
    return frozenset(word for words in cues["list_kinds"].values() for word in words
                     if " " not in word)


def _asks_which_kind(doc: Doc, rules: LanguageRules) -> bool:
    """"In which markets is Mitsubishi a follower?" asks for areas, not for companies."""
    table = token_table(doc)
    kinds = _kind_words(rules.code)
    return any(lower in rules.which_words and i + 1 < len(table.lowers)
               and (table.lemmas[i + 1] in kinds or table.lowers[i + 1] in kinds)
               for i, lower in enumerate(table.lowers))


def _is_yes_no(doc: Doc, rules: LanguageRules) -> bool:
    table = token_table(doc)
    words = [lower for lower, punct in zip(table.lowers, table.punct, strict=True) if not punct]
    if not words:
        return False
    if words[0] in rules.yes_no_openers:
        # "can you tell me who leads Japan?" / "do you know ..." are requests, not yes/no
        request = len(words) > 2 and words[1] == "you" and any(
            word in rules.request_words for word in words[2:4])  # "could you (please) tell me ..."
        return not request
    cues = doc._.cues or {}
    asks_who = "who" in cues
    requested = any(lemma in rules.request_words for lemma in table.lemmas)
    if any(tuple(words[:len(phrase)]) == phrase for phrase in rules.yes_no_phrases):
        return not asks_who and not requested  # "est-ce que Nissan dirige l'Europe ?"
    if any(word in rules.inverted_subjects for word in words[1:5]):
        return not asks_who and "what" not in cues  # "Nissan dirige-t-il l'Europe ?"
    if words[-1] in rules.yes_no_endings:  # "三菱はオセアニアのリーダーですか"
        return not asks_who and "what" not in cues and not requested
    if rules.intonation_questions and table.texts[-1] == "?" and not asks_who \
            and "what" not in cues and not requested:
        # "Nissan suit là-bas ?", "日産は欧州でフォロワー？", "解消したの？" (not "日産の株価？")
        about_company = any(ent.label_ == "COMPANY" for ent in doc.ents)
        claims = any(key in cues for key in ("lead", "follow")) or len(doc.ents) > 1
        if (about_company and claims) or doc._.fact_denials:
            return True
    # "Renault leads Europe, right?" / "Nissan is the leader in China, correct?"
    return words[-1] in rules.yes_no_tails and len(words) > 2


def understand(doc: Doc, *, domain_words: set[str], context: dict[str, Any] | None = None,
               rules: LanguageRules | None = None) -> Understanding:
    """Read one clause; `context` is the previous question's understanding, for follow-ups."""
    rules = rules or rules_for("en")
    targets, companies, non_members = _entities(doc)
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
    base = {"targets": targets, "companies": companies, "corrections": corrections,
            "coordinated": _coordinated(doc, rules)}

    def result(intent: Intent, factor: float = 1.0, reason: str = "",
               **extra: Any) -> Understanding:
        value = max(0.0, min(1.0, confidence * factor))
        return Understanding(intent=intent, confidence=value, reason=reason, **base, **extra)

    tokens = token_table(doc)
    content = [text for text, punct in zip(tokens.texts, tokens.punct, strict=True) if not punct]
    if not content:
        return result(Intent.EMPTY, reason="nothing to read")
    if ambiguous and not targets and not companies:
        candidates = [Target(kind=TargetKind(kind), id=ident, text=name.title(), country=country
                             or None) for _, options in ambiguous
                      for name, kind, ident, country in options
                      if kind not in ("cue", "company", "non_member")]
        return result(Intent.CLARIFY, 0.5, reason=f"fuzzy tie: {ambiguous}",
                      candidates=candidates)
    if non_members and not companies:
        return result(Intent.OUT_OF_SCOPE, reason="about a non-member automaker",
                      non_member=non_members[0])

    yes_no = _is_yes_no(doc, rules)
    asks_who = has("who") and not _asks_which_kind(doc, rules)
    leads = has("lead")
    follows = has("follow") or (has("negation") and (leads or asks_who) and not yes_no)
    strong_fact = _best_fact(facts, hints) if facts else None
    hint_fact = _best_fact(facts, hints) if hints else None
    denied = bool(doc._.fact_denials)
    base.update(yes_no=yes_no, denied=denied)
    unknown_factor = thresholds.UNKNOWN_WORD_FACTOR ** min(len(unknown), 6)

    if not targets and not companies:
        if strong_fact:
            return result(Intent.FACT, reason="fact keyword", facts=[strong_fact])
        if has("help") and not hint_fact:
            return result(Intent.HELP, reason="help cue")
        if has("list") or (kinds and (has("what") or has("who") or leads or has("list_weak"))) \
                or (has("list_weak") and leads):
            kind = kinds[0] if len(kinds) == 1 else None
            return result(Intent.LIST, reason="list cue", list_kind=kind)

        if any(has(cue) for cue in SOCIAL) and len(content) <= 6 and len(unknown) <= 1:
            intent = Intent.THANKS if has("thanks") else Intent.GREETING
            return result(intent, reason="small talk")
        if leads and not unknown or asks_who and len(content) <= 3:
            return result(Intent.CLARIFY, 0.5, reason=NO_SUBJECT)
        if hint_fact:
            return result(Intent.FACT, thresholds.HINT_ONLY_FACTOR * unknown_factor,
                          reason="fact hint only", facts=[hint_fact])
        if context and has("follow_up"):
            return result(Intent.CLARIFY, 0.5, reason="follow-up with nothing recognised")
        return result(Intent.OUT_OF_SCOPE, reason=f"nothing recognised (unknown: {unknown[:5]})")

    if strong_fact and not targets and not follows:
        return result(Intent.FACT, reason="fact keyword beside a company", facts=[strong_fact])
    if strong_fact and not leads and not follows and not yes_no:
        return result(Intent.FACT, reason="fact keyword beside entities", facts=[strong_fact])
    if companies and not targets and hint_fact and yes_no:
        return result(Intent.FACT, thresholds.HINT_ONLY_FACTOR, reason="yes/no about a fact",
                      facts=[hint_fact])
    asked_something = leads or asks_who or follows or yes_no or (context and has("follow_up"))
    if unknown and not asked_something and not strong_fact:
        return result(Intent.OUT_OF_SCOPE, reason=f"entities with unrelated words {unknown[:5]}")
    cue_factor = 1.0 if (leads or asks_who or follows or has("what") or yes_no) \
        else thresholds.NO_CUE_FACTOR
    factor = cue_factor * unknown_factor
    choice = len(companies) > 1 and (
        not yes_no or bool(rules.choice_words.intersection(token_table(doc).lowers)))
    if targets and choice and not follows:
        intent = Intent.WHO_LEADS  # "Nissan or Renault for Brazil?", "is Renault or Nissan ...?"
    elif targets and companies and yes_no:
        intent = Intent.IS_LEADER
        base["asks_follower"] = follows
    elif follows and targets and (asks_who or not companies):
        intent = Intent.WHO_FOLLOWS
    elif follows and companies and asks_who:
        intent = Intent.WHO_FOLLOWS  # "who follows Nissan?": Nissan's followers
    elif follows and companies:
        intent = Intent.WHAT_FOLLOWS
    elif targets and companies and not asks_who:
        intent = Intent.IS_LEADER
        base["asks_follower"] = follows
        base["yes_no"] = True
    elif targets:
        intent = Intent.WHO_LEADS
    elif has("list") or kinds or leads or has("what") or len(content) <= 3 or yes_no:
        intent = Intent.WHAT_LEADS
    else:
        return result(Intent.OUT_OF_SCOPE, reason="a company with no question about leading")
    kind = kinds[0] if len(kinds) == 1 and intent == Intent.WHAT_LEADS else None
    understanding = result(intent, factor, reason=f"cues={sorted(cues)} unknown={unknown[:5]}",
                           list_kind=kind)
    if context:
        understanding = _merge_context(understanding, context, doc, rules)
    return understanding


def _merge_context(current: Understanding, context: dict[str, Any], doc: Doc,
                   rules: LanguageRules) -> Understanding:
    """Read "and in Europe?" / "what about Mitsubishi?" against the previous question."""
    cues = doc._.cues or {}
    explicit = any(cues.get(cue) for cue in ("who", "lead", "follow")) or _is_yes_no(doc, rules)
    if explicit and not cues.get("follow_up"):
        return current
    previous_intent = context.get("intent")
    if previous_intent not in {i.value for i in (Intent.WHO_LEADS, Intent.IS_LEADER,
                                                 Intent.WHO_FOLLOWS, Intent.WHAT_LEADS,
                                                 Intent.WHAT_FOLLOWS)}:
        return current
    previous_targets = [Target(kind=TargetKind(t["kind"]), id=t["id"], text=t["text"],
                               country=t.get("country"), alias=t.get("alias", ""))
                        for t in context.get("targets", [])]
    previous_companies = list(context.get("companies", []))
    new_kinds = {_group(t.kind) for t in current.targets}
    targets = [t for t in previous_targets if _group(t.kind) not in new_kinds] + current.targets
    companies = current.companies or previous_companies
    intent = Intent(previous_intent)
    if intent in (Intent.WHAT_LEADS, Intent.WHAT_FOLLOWS) and current.targets \
            and not current.companies:
        intent = Intent.WHO_LEADS
        targets = current.targets
    if intent in (Intent.WHO_LEADS, Intent.WHO_FOLLOWS) and current.companies \
            and not current.targets:
        intent = Intent.IS_LEADER
    current.intent = intent
    current.targets = targets
    current.companies = companies
    current.from_context = True
    current.confidence *= thresholds.CONTEXT_FACTOR
    current.reason += " | merged with previous question"
    return current


def _best_fact(facts: dict[str, int], hints: dict[str, int]) -> str:
    """The fact with the most keyword matches, then the most hint words; ties: the first."""
    names = list(dict.fromkeys([*facts, *hints]))
    return max(names, key=lambda name: (facts.get(name, 0), hints.get(name, 0)))


def _group(kind: TargetKind) -> str:
    """Targets that replace each other in a follow-up ("and in Japan?" replaces a country)."""
    if kind in (TargetKind.TECH, TargetKind.FAMILY, TargetKind.TOPIC):
        return "technology"
    if kind == TargetKind.SEGMENT:
        return "segment"
    return "place"


def context_of(understanding: Understanding) -> dict[str, Any]:
    """What a follow-up needs from this understanding, JSON-serialisable."""
    return {
        "intent": understanding.intent.value,
        "companies": understanding.companies,
        "targets": [
            {"kind": t.kind.value, "id": t.id, "text": t.text, "country": t.country,
             "alias": t.alias}
            for t in understanding.targets
        ],
    }
