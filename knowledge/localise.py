"""Saying an answer in the language of the question.

Every sentence the resolver builds is an English message id looked up in a gettext catalogue:
`knowledge/locale/<lang>/LC_MESSAGES/alliance.po`, compiled with Babel (`pybabel compile -d
knowledge/locale -D alliance`) into the `.mo` files shipped beside them (a test checks they match).
Names, notes and fact texts come from the knowledge base's own translations (`name: {en, fr,
ja}`), country names from pycountry's catalogues. The catalogues translate whole sentences with
named fields, so each language orders them its own way ("{what}のリーダーは{leader}です").
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from knowledge.languages import country_name
from knowledge.loader import KnowledgeBase

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "alliance"
# How lists are joined and sentences end, per language.
LIST_JOINERS = {"en": (", ", " and "), "fr": (", ", " et "), "ja": ("、", "と")}
FULL_STOP = {"en": ".", "fr": ".", "ja": "。"}
SENTENCE_BREAK = {"en": ". ", "fr": ". ", "ja": "。"}
JA_SPACES = re.compile(r"(?<=[。、：？！）)])\s+|\s+(?=[（(])")
# French contracts "de"/"à" with the article a name brings into a sentence: "fait partie de
# {zone}" with "le Moyen-Orient" -> "fait partie du Moyen-Orient". Only where the catalogue
# puts the preposition before a field: inside a text ("au lieu de le refaire") "le" is a pronoun.
FRENCH_CONTRACTIONS = {"de le": "du", "de les": "des", "à le": "au", "à les": "aux"}
FRENCH_FIELD_AFTER = re.compile(r"\b(de|à) \{(\w+)\}", re.IGNORECASE)


def contracted_forms(name: str) -> list[str]:
    """A French name that keeps its article ("les States", "Le Caire") after "à" and "de"
    contracts with it: "aux States", "des States", "au Caire", "du Caire"."""
    forms = []
    for joined, contracted in FRENCH_CONTRACTIONS.items():
        article = joined.split()[1] + " "
        if name.lower().startswith(article):
            forms.append(contracted + " " + name[len(article):])
    return forms


@cache
def catalogue(lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])


def say(lang: str, message: str, **fields: str) -> str:
    """One message of the catalogue in `lang` (for the surfaces: labels, buttons, apologies)."""
    return catalogue(lang if lang in FULL_STOP else "en").gettext(message).format(**fields)


def contract_articles(message: str, fields: dict[str, str]) -> tuple[str, dict[str, str]]:
    """A French message and its fields with "de {zone}" + "le Moyen-Orient..." said as "du
    {zone}" + "Moyen-Orient..." (the preposition's capital kept)."""
    fields = dict(fields)

    def contracted(match: re.Match[str]) -> str:
        preposition, name = match[1], match[2]
        article, _, rest = str(fields.get(name, "")).partition(" ")
        said = FRENCH_CONTRACTIONS.get(f"{preposition.lower()} {article}")
        if said is None or not rest:
            return match[0]
        fields[name] = rest
        return (said.capitalize() if preposition[0].isupper() else said) + f" {{{name}}}"

    return FRENCH_FIELD_AFTER.sub(contracted, message), fields


class Phrasing:
    """The sentences, names and punctuation of one language."""

    def __init__(self, kb: KnowledgeBase, lang: str = "en") -> None:
        self.kb = kb
        self.lang = lang
        self._catalogue = catalogue(lang)

    def say(self, message: str, **fields: str) -> str:
        """The message in this language, its {fields} filled in; a whole sentence starts with
        a capital ("la conduite autonome : ..." -> "La conduite autonome : ...")."""
        message = self._catalogue.gettext(message)
        if self.lang == "fr":
            message, fields = contract_articles(message, fields)
        text = message.format(**fields)
        if self.lang != "en" and text.endswith(FULL_STOP.get(self.lang, ".")):
            text = text[:1].upper() + text[1:]
        return text

    def text(self, english: str) -> str:
        """A name, note or fact text of the knowledge base, in this language."""
        if self.lang == "en" or not english:
            return english
        return self.kb.translations.get(english, {}).get(self.lang, english)

    def country(self, code: str, english: str) -> str:
        if self.lang == "en":
            return english
        aliases = self.kb.local_country_aliases.get(self.lang, {}).get(code)
        return country_name(code, self.lang, aliases)

    @staticmethod
    def joiner(lang: str, names: list[str]) -> str:
        """`names` joined the way `lang` lists them ("A, B et C", "A、BとC")."""
        names = [n for n in names if n]
        if len(names) <= 1:
            return "".join(names)
        comma, last = LIST_JOINERS.get(lang, LIST_JOINERS["en"])
        return comma.join(names[:-1]) + last + names[-1]

    def join(self, names: list[str]) -> str:
        return self.joiner(self.lang, names)

    def sentences(self, text: str) -> list[str]:
        stop = FULL_STOP.get(self.lang, ".")
        parts = text.split(SENTENCE_BREAK.get(self.lang, ". "))
        return [part if part.endswith(stop) else part + stop for part in parts if part]

    def said_once(self, texts: Iterable[str], keep: frozenset[str] = frozenset()) -> str:
        """The texts joined, each sentence once ("the EU and the UK" are both Europe), but the
        sentences in `keep` ("Yes.", each answering its own clause)."""
        said: list[str] = []
        for text in texts:
            said += [s for s in self.sentences(text) if s in keep or s not in said]
        return " ".join(said)

    def tidy(self, text: str) -> str:
        """Japanese sentences are not separated by spaces."""
        if self.lang != "ja":
            return text
        return JA_SPACES.sub("", text).strip()

    def sentence(self, text: str) -> str:
        """Capitalised, with the language's full stop."""
        stop = FULL_STOP.get(self.lang, ".")
        text = text[:1].upper() + text[1:]
        return text if text.endswith(stop) else text + stop
