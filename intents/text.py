"""Turn raw text (Slack markup, entities, odd bytes) into plain text the pipeline can read."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

from intents.thresholds import MAX_QUESTION_CHARS

_USER_MENTION = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>")
_SPECIAL_MENTION = re.compile(r"<!(?:here|channel|everyone|subteam\^[A-Z0-9]+)(?:\|[^>]*)?>")
_CHANNEL = re.compile(r"<#[CG][A-Z0-9]+(?:\|([^>]*))?>")
_LINK_WITH_LABEL = re.compile(r"<(?:https?|mailto):[^|>]*\|([^>]*)>")
_BARE_LINK = re.compile(r"<(?:https?|mailto):[^>]*>|https?://\S+")
_EMOJI = re.compile(r":[a-z0-9_+\-']+:")
_FORMATTING = re.compile(r"(?<![\w*_~`])[*_~`]+|[*_~`]+(?![\w*_~`])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028-\u202e\ufeff]")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                         "\u2013": "-", "\u2014": "-", "\u00a0": " "})
_SPACES = re.compile(r"\s+")
# "leader-follower" names the model; read as one word so it is neither a lead nor a follow cue.
_MODEL_NAME = re.compile(r"\bleaders?\s*[-/]?\s*(?:and\s+)?followers?\b", re.IGNORECASE)


# a quote mark that doesn't join two letters ("what does 'follower' mean", "\"EV\"") only marks
# a word; "what's" and "l'Europe" keep theirs
_QUOTED = re.compile(r"(?<![^\W\d_])['\"]|['\"](?![^\W\d_])")
# "South-East Asia", "plug-in", "self-driving": read hyphenated words as separate words (names in
# the knowledge base are indexed the same way).
_WORD_HYPHEN = re.compile(r"(?<=[A-Za-z])-(?=[A-Za-z])")
# ... except a name's code ("Aurora-X", "Andes-MK"): one or two capitals glued to a capitalised
# word name a programme, not the place the word alone names
_CODE_SUFFIX = re.compile(r"\b([A-Z][a-z]{2,})-([A-Z]{1,2})\b")
# "ルノ―", "ルノ-": a dash after a katakana letter is its long-vowel mark "ー" (not after "ー"
# itself: "ルノー-日産" keeps its hyphen)
_KANA_DASH = re.compile(r"(?<=[\u30a1-\u30fa])[\u2010-\u2015\u2212\uff0d-](?![A-Za-z])")
# "segments A-F": a hyphen between two single letters is a range, kept as a word of its own
_LETTER_RANGE = re.compile(r"\b([A-Fa-f])-([A-Fa-f])\b")


def join_model_name(text: str) -> str:
    return _MODEL_NAME.sub("leaderfollower", text)


@dataclass(frozen=True)
class CleanText:
    text: str  # what the pipeline reads
    truncated: bool  # the input was longer than MAX_QUESTION_CHARS and was cut


def fold_accents(text: str) -> str:
    """"São Paulo" -> "Sao Paulo", "Türkiye" -> "Turkiye"."""
    if text.isascii():
        return text
    # NFKD also reads full-width "ＥＶ" as "EV" and half-width kana as kana; only the marks
    # of Latin letters are dropped, so Japanese voicing marks ("ガ") survive the recomposition.
    kept: list[str] = []
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(char) and kept and kept[-1].isascii():
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


# a question mark said in words by dictation, where a sentence ends (before a break, the end
# or a capital): "who leads Russia question mark", "point d'interrogation"
_SPOKEN_MARK = re.compile(
    r"\s+(?:question\s+mark|point\s+d'interrogation)(?=\s*(?:$|[\n.!?]|\s(?-i:[A-Z])))",
    re.IGNORECASE)


def clean(raw: str | bytes | None) -> CleanText:
    """Strip Slack markup and noise; cut overly long input."""
    if raw is None:
        return CleanText("", False)
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8", errors="replace")
    text = raw.replace("\ufffd", " ")
    truncated = len(text) > MAX_QUESTION_CHARS * 4
    text = text[: MAX_QUESTION_CHARS * 4]
    text = _CONTROL.sub(" ", text)
    text = _USER_MENTION.sub(" ", text)
    text = _SPECIAL_MENTION.sub(" ", text)
    text = _CHANNEL.sub(lambda m: " " + (m.group(1) or "") + " ", text)
    text = _LINK_WITH_LABEL.sub(lambda m: " " + m.group(1) + " ", text)
    text = _BARE_LINK.sub(" ", text)
    text = html.unescape(text)
    text = _EMOJI.sub(" ", text)
    text = _FORMATTING.sub(" ", text)
    text = _QUOTED.sub(" ", fold_accents(text.translate(_QUOTES)))
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    text = _KANA_DASH.sub("ー", text)
    text = join_model_name(_SPACES.sub(" ", text).strip())
    text = _SPOKEN_MARK.sub("?", text)  # dictated: "… so its nissan right question mark"
    text = _CODE_SUFFIX.sub("\\1\u2011\\2", _LETTER_RANGE.sub(r"\1 - \2", text))
    text = _WORD_HYPHEN.sub(" ", text).replace("\u2011", "-")
    if len(text) > MAX_QUESTION_CHARS:
        cut = text[:MAX_QUESTION_CHARS]
        text = cut.rsplit(" ", 1)[0] if " " in cut[-40:] else cut
        truncated = True
    return CleanText(text, truncated)
