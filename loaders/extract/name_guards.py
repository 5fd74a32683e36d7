"""Guards that keep words from being read as the wrong kind of name: a town's name that is a
person's (Josef Stalin, Kurman Seitov), a headline's verb after a title ("Activist Sentenced"),
a place inside a document's title ("the Criminal Code of the Russian Federation")."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import cache

from loaders.extract.gazetteer import Gazetteer, GazetteerEntry

__all__ = ["document_spans", "headline_verb", "surname_after_name", "member_noun", "common_edges", "common_word", "lower_words",
           "headline_lines", "named_after"]


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


_LOWER_WORD = re.compile(r"(?<![\w\-’'])[a-z][a-z\-]+(?![\w\-])")


def lower_words(text: str) -> frozenset[str]:
    """The words ``text`` writes in lower case: the article's own common vocabulary."""
    return frozenset(_LOWER_WORD.findall(text))


def _common(word: str, lower: frozenset[str], gaz: Gazetteer) -> bool:
    """Whether a capitalised ``word`` is a common noun, verb or participle of English, not a name:
    the article writes it (or its singular or plural) in lower case elsewhere, or it is a
    headline's verb; a known given name or a surname-like ending is a name all the same."""
    if word in gaz.given_names or not word[1:].islower():
        return False
    low = word.lower()
    if headline_verb(word, gaz):
        return True
    if low.endswith(gaz.surname_endings) and not low.endswith(gaz.not_surname_endings):
        return False
    return low in lower or (low.endswith("s") and low[:-1] in lower) or f"{low}s" in lower


def common_word(word: str, lower: frozenset[str], gaz: Gazetteer) -> bool:
    """Whether a capitalised ``word`` is a common word of English in this article (see ``_common``)."""
    return _common(word, lower, gaz)


def common_edges(words: list[str], lower: frozenset[str], headline: bool, gaz: Gazetteer) -> tuple[int, int]:
    """How many words to drop from the front and the back of a run of capitalised ``words`` that
    a headline or a title before it capitalised ("Journalists Osman Arifmemetov", "Rustem
    Sheikhaliev Detained", "...of the Media Dunja Mijatović"): a common word at the edge of a run
    of three or more, while two words stay. At the back only a headline's words (or its verbs
    anywhere): a person's name may end in a word English also has ("Ulysses S. Grant")."""
    lead = trail = 0
    while len(words) - lead - trail > 2 and _common(words[lead], lower, gaz) and words[lead + 1][:1].isupper() \
            and not words[lead + 1].endswith("."):
        lead += 1
    while len(words) - lead - trail > 2 and (headline_verb(words[-1 - trail], gaz)
                                             or headline and _common(words[-1 - trail], lower, gaz)) \
            and not words[-2 - trail].endswith("."):
        trail += 1
    return lead, trail


def headline_lines(text: str, is_headline: Callable[[str, int], bool]) -> Callable[[int], bool]:
    """``is_headline(text, pos)`` for many positions of one article, each line read once (a line
    is found by bisection over the article's line breaks, so a long paragraph is not rescanned
    for every name in it)."""
    breaks = [m.start() for m in re.finditer("\n", text)]
    seen: dict[int, bool] = {}

    def at(pos: int) -> bool:
        i = bisect.bisect_left(breaks, pos)
        line = breaks[i - 1] + 1 if i else 0
        if line not in seen:
            seen[line] = is_headline(text, line)
        return seen[line]
    return at


# "the Ivan Petrenko battalion", "the Anna Kowalska Foundation": a person's name between "the" and
# the head noun of a body, a prize, a place or an event names that thing after the person.
_THE_BEFORE = re.compile(r"(?<![\w\-])(?:[Tt]he|named after|named for)[^\S\n]+\Z")
_NAMED_HEAD = re.compile(r"(?:[^\S\n]+[a-z]+)?[^\S\n]+(?i:battalion|brigade|regiment|division|unit|squadron|foundation|fund|prize|award|"
                         r"medal|scholarship|street|avenue|square|park|library|museum|school|university|institute|"
                         r"centre|center|memorial|monument)(?![\w\-])")


def named_after(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is part of the name of a thing called after a person:
    "the" before it and a head noun right after it ("the Ivan Petrenko (volunteer) battalion"), or
    "named after" before it."""
    before = _THE_BEFORE.search(text, max(0, start - 16), start)
    if before is not None and not before.group().lower().startswith("the"):
        return True  # "a battalion named after Ivan Petrenko"
    return before is not None and _NAMED_HEAD.match(text, end) is not None
