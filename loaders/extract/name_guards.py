"""Guards that keep words from being read as the wrong kind of name: a town's name that is a
person's (Josef Stalin, Kurman Seitov), a headline's verb after a title ("Activist Sentenced"),
a place inside a document's title ("the Criminal Code of the Russian Federation")."""

from __future__ import annotations

import re
from functools import cache

from loaders.extract.gazetteer import Gazetteer, GazetteerEntry

__all__ = ["document_spans", "headline_verb", "surname_after_name", "member_noun"]


@cache
def _document_re(heads: tuple[str, ...]) -> re.Pattern[str]:
    head = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    return re.compile(rf"\b(?:{head})(?: (?:of|on|for|against) (?:the )?[A-Z][\w’'\-]*(?: (?:and )?[A-Z][\w’'\-]*)*)+")


def document_spans(text: str, gaz: Gazetteer) -> list[tuple[int, int]]:
    """"Article 205.5 of the Criminal Code of the Russian Federation", "the Constitution of
    Ukraine": the spans of documents' titles (a place in one names the document, not a place the
    article speaks of)."""
    return [(m.start(), m.end()) for m in _document_re(tuple(gaz.cues.get("document_heads", ()))).finditer(text)]


def headline_verb(word: str, gaz: Gazetteer) -> bool:
    """"Detained", "Released", "Sentenced": a capitalised verb of a headline, never a surname."""
    low = word.lower()
    verbs = gaz.cues["headline_verbs"]
    return low.endswith("ed") and (low[:-2] in verbs or low[:-1] in verbs or low[:-3] in verbs)


def surname_after_name(before: str, name: str, entry: GazetteerEntry, gaz: Gazetteer) -> bool:
    """Whether a GeoNames town's name right after another capitalised word is a surname: the word
    before is no function word (a title is evidence), no nationality, no place, and the town is
    not a curated place."""
    if entry.attributes.get("kind") == "country" or before in gaz.not_names and before not in gaz.title_words \
            or before in gaz.demonyms.values() or before in gaz.places:
        return False
    curated = gaz.lookup(name)
    return curated is None or curated.label != "Location"


# "a", "another", "one" before a capitalised run: a member of a group is meant, never one named.
_DETERMINER_BEFORE = re.compile(r"(?<![\w\-])(?i:a|an|another|one|each|every|any|no)\s+\Z")
_DETERMINERS = frozenset({"a", "an", "another", "one", "each", "every", "any", "no"})


def member_noun(text: str, start: int, words: list[str], gaz: Gazetteer) -> bool:
    """Whether the run of ``words`` at ``start`` names a kind of person, not a person: "another
    Jehovah’s Witness", "a Crimean Tatar", "One Jehovah’s Witness said". An indefinite
    determiner comes before it (or begins it), or a word inside it is a possessive ("Jehovah’s
    Witness", one word after it); a known given name first is a person all the same ("an Ivan Petrov")."""
    if not words:
        return False
    if len(words) >= 2 and words[-2].endswith(("’s", "'s")) and words[-1] not in gaz.given_names:
        return True  # "Jehovah’s Witness" ("Foo’s Oleg Orlov" is left to the name's own words)
    lead = words[0] if words[0].lower() not in _DETERMINERS else (words[1] if len(words) > 1 else "")
    if lead in gaz.given_names:
        return False
    return words[0].lower() in _DETERMINERS or _DETERMINER_BEFORE.search(text, max(0, start - 10), start) is not None
