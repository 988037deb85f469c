"""Teaching and forgetting, the same from Slack and the command line.

`Teacher` checks a phrase with the core (`intents.teaching.review`, including the labelled
question sets), stores it with its audit row, and applies the database's taught phrases to this
process's assistant; `refresh()` is what every replica runs to pick up other replicas' changes.
"""

from __future__ import annotations

import logging
import sys
import threading
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import Engine

from bot.ops.metrics import record_taught_phrases, record_teach_change, record_teach_refusal
from bot.teaching import store
from bot.teaching.store import TaughtRecord
from intents import teaching
from intents.evaluation import labelled_texts
from intents.teaching import Meaning, Review, phrase_key

logger = logging.getLogger(__name__)

# The labelled sets: beside the package in a checkout, or installed as data files by pip.
SOURCE_SETS = Path(__file__).resolve().parents[2] / "tests" / "data"
INSTALLED_SETS = Path(sys.prefix) / "share" / "alliance-bot" / "labelled-sets"
NO_LABELLED_SETS = "no_labelled_sets"
NOT_TAUGHT = "not_taught"


def labelled_set_files(directory: Path | None = None) -> list[Path]:
    for folder in ([directory] if directory else [SOURCE_SETS, INSTALLED_SETS]):
        files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
        if files:
            return files
    return []


@cache
def labelled_questions(directory: Path | None = None) -> tuple[str, ...]:
    """Every question of the project's labelled sets (read once per process)."""
    return tuple(dict.fromkeys(text for path in labelled_set_files(directory)
                               for text in labelled_texts(path)))


@dataclass
class Outcome:
    """What a teach or forget did, in a sentence for the person who asked."""

    ok: bool
    text: str
    reason: str = ""
    record: TaughtRecord | None = None
    review: Review | None = None


def when(record: TaughtRecord) -> str:
    return f"{record.taught_at:%Y-%m-%d %H:%M} UTC"


@dataclass
class Teacher:
    """One process's teaching: the database, the assistant it keeps in step, the labelled sets."""

    engine: Engine
    assistant: object  # intents.assistant.Assistant
    questions: tuple[str, ...] = field(default_factory=labelled_questions)
    applied_version: int = -1
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # -- keeping in step with the database ----------------------------------------------
    def refresh(self, *, force: bool = False) -> bool:
        """Serve the database's taught phrases if they changed; True when they did."""
        with self._lock:
            return self._refresh(force=force)

    def _refresh(self, *, force: bool = False) -> bool:
        current = store.version(self.engine)
        if current == self.applied_version and not force:
            return False
        records = store.taught(self.engine)
        phrases = tuple(record.as_phrase() for record in records)
        if phrases != self.assistant.taught:  # type: ignore[attr-defined]
            self.assistant.set_taught(phrases)  # type: ignore[attr-defined]
        self.applied_version = current
        record_taught_phrases(len(records))
        logger.info("taught phrases in service", extra={"taught": len(records),
                                                        "teaching_version": current})
        return True

    # -- teach and forget ---------------------------------------------------------------
    def teach(self, phrase_text: str, target: str | Meaning, *, actor: str,
              source: str) -> Outcome:
        """Teach `phrase_text` to mean `target`, or refuse with the reason; nothing is stored
        on refusal."""
        with self._lock:
            self._refresh()
            outcome = self._teach(phrase_text, target, actor=actor, source=source)
        if outcome.ok and outcome.record is not None:
            record_teach_change(store.TEACH)
            logger.info("phrase taught", extra={"phrase": outcome.record.phrase,
                                                "target": f"{outcome.record.kind}:"
                                                          f"{outcome.record.id}",
                                                "user": actor, "source": source})
        elif not outcome.ok:
            record_teach_refusal(outcome.reason)
            logger.info("teach refused", extra={"reason": outcome.reason, "user": actor,
                                                "source": source})
        return outcome

    def _teach(self, phrase_text: str, target: str | Meaning, *, actor: str,
               source: str) -> Outcome:
        if not self.questions:
            return Outcome(False, "The labelled question sets are not installed, so no phrase "
                                  "can be checked; nothing was taught.", NO_LABELLED_SETS)
        existing = store.get(self.engine, phrase_key(phrase_text))
        if existing is not None:
            return self._already(existing, target)
        verdict = teaching.review(self.assistant, phrase_text, target,  # type: ignore[arg-type]
                                  self.questions)
        if not verdict.accepted:
            return Outcome(False, verdict.message, verdict.reason, review=verdict)
        assert verdict.target is not None
        record = store.add(self.engine, verdict.taught(), label=verdict.target.label,
                           actor=actor, source=source)
        if record is None:  # another replica taught it a moment ago
            raced = store.get(self.engine, phrase_key(phrase_text))
            if raced is not None:
                return self._already(raced, target)
        self._refresh()
        if record is None:
            return Outcome(False, "The phrase changed while it was being taught; try again.",
                           teaching.TAUGHT_ELSEWHERE)
        return Outcome(True, f"Learned: “{record.phrase}” now means {verdict.target.describe()}."
                             " Every replica uses it within 10 seconds.", record=record,
                       review=verdict)

    def _already(self, existing: TaughtRecord, target: str | Meaning) -> Outcome:
        wanted = (teaching.resolve_target(self.assistant, target).target  # type: ignore[arg-type]
                  if isinstance(target, str) else target)
        said = f"by {existing.taught_by} on {when(existing)}"
        if wanted is not None and wanted.kind == existing.kind and wanted.id == existing.id:
            return Outcome(True, f"“{existing.phrase}” already means {existing.label} "
                                 f"(taught {said}). Nothing changed.", record=None)
        return Outcome(False, f"“{existing.phrase}” already means {existing.label} (taught "
                              f"{said}). Forget it first to teach it something else.",
                       teaching.TAUGHT_ELSEWHERE)

    def forget(self, phrase_text: str, *, actor: str, source: str) -> Outcome:
        with self._lock:
            record = store.remove(self.engine, phrase_key(phrase_text), actor=actor,
                                  source=source)
            self._refresh()
        if record is None:
            return Outcome(False, f"“{teaching.clean_phrase(phrase_text)}” was not taught, so "
                                  "there is nothing to forget.", NOT_TAUGHT)
        record_teach_change(store.FORGET)
        logger.info("phrase forgotten", extra={"phrase": record.phrase, "user": actor,
                                               "source": source})
        return Outcome(True, f"Forgotten: “{record.phrase}” no longer means {record.label}. "
                             "Every replica drops it within 10 seconds.", record=record)

    def taught(self) -> list[TaughtRecord]:
        return store.taught(self.engine)


class TaughtPhraseSync:
    """Polls the database's teaching version and applies changes: every replica and worker is
    in step within `interval` seconds plus the time to rebuild the pipeline (well under 1 s)."""

    def __init__(self, teacher: Teacher, interval: float) -> None:
        self.teacher = teacher
        self.interval = interval
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="taught-phrases", daemon=True)

    def start(self) -> TaughtPhraseSync:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        while not self._stopping.wait(self.interval):
            try:
                self.teacher.refresh()
            except Exception:  # noqa: BLE001 - a database hiccup must not end the polling
                logger.exception("reading taught phrases failed; trying again")


EXPORT_PLACES: dict[str, tuple[str, str, str]] = {  # kind -> file, section, KB attribute
    "region": ("regions.yaml", "regions", "regions"),
    "area": ("regions.yaml", "areas", "areas"),
    "zone": ("regions.yaml", "unassigned_zones", "zones"),
    "tech": ("technologies.yaml", "technologies", "technologies"),
    "family": ("technologies.yaml", "families", "families"),
    "topic": ("technologies.yaml", "unassigned_topics", "topics"),
    "segment": ("segments.yaml", "segments", "segments"),
    "company": ("companies.yaml", "companies", "companies"),
}
EXPORT_HEADER = """\
# Taught phrases, as knowledge-file YAML: in each file, replace the `aliases` of the entry with
# that id by the list below (its aliases with the taught phrases added); country_aliases and
# city_aliases entries go in as they are. Then run `alliance-bot kb check`, and
# `alliance-bot kb forget PHRASE` once the files carry it.
"""


def export_yaml(records: list[TaughtRecord], kb: Any) -> str:
    """The taught phrases as knowledge-file YAML to paste, each entry's aliases in full."""
    files: dict[str, dict[str, Any]] = {}
    for record in records:
        if record.kind in EXPORT_PLACES:
            file, section, attribute = EXPORT_PLACES[record.kind]
            entries = files.setdefault(file, {}).setdefault(section, {})
            current = getattr(kb, attribute).get(record.id)
            aliases = entries.setdefault(record.id, list(getattr(current, "aliases", [])))
        elif record.kind == "country":
            aliases = files.setdefault("regions.yaml", {}).setdefault(
                "country_aliases", {}).setdefault(record.id,
                                                  list(kb.country_aliases.get(record.id, [])))
        else:  # a city; a state or province has no alias list in the files
            key = "city_aliases" if record.kind == "city" else "taught_only (no alias list)"
            files.setdefault("regions.yaml", {}).setdefault(key, {})[record.phrase] = record.id
            continue
        aliases.append(record.phrase)
    for sections in files.values():
        for section, entries in sections.items():
            if section in {kind_section for _f, kind_section, _a in EXPORT_PLACES.values()}:
                sections[section] = [{"id": ident, "aliases": aliases}
                                     for ident, aliases in entries.items()]
    if not files:
        return EXPORT_HEADER + "# Nothing has been taught.\n"
    return EXPORT_HEADER + yaml.safe_dump(files, sort_keys=False, allow_unicode=True,
                                          default_flow_style=None, width=100)
