"""Language detection on short questions: the detector the bot uses beside langid and langdetect.

    python -m benchmarks.detector

Every question of the labelled sets in tests/data (English, French, Japanese) is detected with
no conversation context; "short" means at most five words (at most 12 characters in Japanese).
langid and langdetect are measured when installed (`pip install langid langdetect`), restricted
to the three languages the bot speaks; they are not dependencies of the bot.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from intents.detect import Detector, local_names
from intents.evaluation import load_questions
from knowledge.loader import load_knowledge

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
SETS = {"en": ["questions.yaml", "holdout.yaml"],
        "fr": ["questions_fr.yaml", "conversations_fr.yaml"],
        "ja": ["questions_ja.yaml", "conversations_ja.yaml"]}
LANGUAGES = ["en", "fr", "ja"]


def _short(text: str, lang: str) -> bool:
    return len(text) <= 12 if lang == "ja" else len(text.split()) <= 5


def _detectors() -> dict[str, Callable[[str], str]]:
    detector = Detector.from_names(local_names(load_knowledge()))
    found: dict[str, Callable[[str], str]] = {"pipelines' scores (bot)": detector.detect}
    try:
        import langid

        identifier = langid.langid.LanguageIdentifier.from_modelstring(
            langid.langid.model, norm_probs=True)
        identifier.set_languages(LANGUAGES)
        found["langid 1.1.6"] = lambda text: identifier.classify(text)[0]
    except ImportError:
        pass
    try:
        from langdetect import DetectorFactory, detect_langs

        DetectorFactory.seed = 0

        def langdetect(text: str) -> str:
            try:
                ranked = [r.lang for r in detect_langs(text) if r.lang in LANGUAGES]
            except Exception:  # noqa: BLE001 - no features in the text ("?")
                return "en"
            return ranked[0] if ranked else "en"

        found["langdetect 1.0.9"] = langdetect
    except ImportError:
        pass
    return found


def main() -> int:
    questions = [(q.q, lang) for lang, files in SETS.items() for name in files
                 if (DATA / name).exists() for q in load_questions(DATA / name)]
    print(f"{len(questions)} labelled questions "
          + ", ".join(f"{lang}: {sum(1 for _, x in questions if x == lang)}" for lang in SETS))
    for name, detect in _detectors().items():
        start = time.perf_counter()
        results = [(detect(text) == lang, lang, _short(text, lang)) for text, lang in questions]
        seconds = time.perf_counter() - start
        per_lang = "  ".join(
            f"{lang} {sum(ok for ok, x, _ in results if x == lang)}/"
            f"{sum(1 for _, x, _ in results if x == lang)}" for lang in SETS)
        short = [ok for ok, _, is_short in results if is_short]
        print(f"{name:26} all {100 * sum(ok for ok, _, _ in results) / len(results):5.1f}%  "
              f"short {100 * sum(short) / max(len(short), 1):5.1f}% ({len(short)})  {per_lang}  "
              f"{1e6 * seconds / len(results):6.0f} µs/question")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
