"""Organisations named by one word or by a formula of institutional prose:

- **National sections**: "Amnesty International Ukraine", "Transparency International Russia":
  an international body's name, then a country's, is the body's section there (an
  organisation of its own, speaking for itself).
- **A member's body**: "an AutoMaydan activist", "a Sebat volunteer": one capitalised word
  between an indefinite article and a member's noun is the body the person belongs to, when the
  word is nothing else the extractor knows (a people, a place, a given name) and the article
  never writes it in lower case.
- **The Spokesperson**: "Statement by the Spokesperson on ...": the EU's (and other
  institutions') formula names the spokesperson's office as the speaker.

Each finder returns (start, end, entry) outside what is already ``taken``;
:func:`loaders.extract.entries.find_entries` applies them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from loaders.extract.gazetteer import Gazetteer, GazetteerEntry, slug
from loaders.extract.mention_types import Mention
from loaders.extract.name_guards import lower_words

__all__ = ["national_sections", "member_bodies", "spokesperson"]

Found = tuple[int, int, GazetteerEntry]


def national_sections(mentions: Sequence[Mention], text: str, gaz: Gazetteer) -> list[Found]:
    """"Amnesty International Ukraine": a body named "... International" and a country after it."""
    out: list[Found] = []
    for m in mentions:
        e = m.entry
        if m.label != "Organisation" or e is None or not e.name.endswith("International"):
            continue
        nxt = re.match(r" ([A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+)?)", text[m.end:m.end + 40])
        if nxt is None:
            continue
        country = next((c for c in (nxt.group(1), nxt.group(1).split()[0]) if (p := gaz.places.get(c)) is not None
                        and p.attributes.get("kind") == "country"), None)
        if country is None or text.startswith(("’s", "'s"), m.end + 1 + len(country)):
            continue  # "Amnesty International Ukraine’s ..." is still the section; "... Russia's" a country's possessive
        b = m.end + 1 + len(country)
        name = text[m.start:b]
        out.append((m.start, b, GazetteerEntry(slug(f"{e.name} {country}"), "Organisation", name, (),
                                               dict(e.attributes))))
    return out


_MEMBER_NOUNS = ("activist", "activists", "member", "members", "volunteer", "volunteers", "coordinator", "supporter",
                 "supporters")
_MEMBER_RE = re.compile(rf"(?<![\w\-])(?:an?|An?) (?P<name>[A-Z][\w\-]*[A-Za-z]) (?:{'|'.join(_MEMBER_NOUNS)})\b")


def member_bodies(text: str, taken: bytearray, gaz: Gazetteer) -> list[Found]:
    """"an AutoMaydan activist": the body one member belongs to, named by one word no people,
    place, given name or common word of the article is."""
    out: list[Found] = []
    lower: frozenset[str] | None = None
    peoples = set(gaz.demonyms.values())
    for m in _MEMBER_RE.finditer(text):
        a, b = m.span("name")
        word = m.group("name")
        if any(taken[a:b]) or word in peoples or word in gaz.places or word in gaz.given_names \
                or word in gaz.not_names or word in gaz.title_words or word.isupper():
            continue
        lower = lower if lower is not None else lower_words(text)
        if word.lower() in lower or re.sub(r"(?:an|ian|ish|i)$", "", word) != word and word[1:].islower():
            continue  # "a Stalinist activist", "an Uzbek volunteer": a word for a kind, not a body
        out.append((a, b, GazetteerEntry(slug(word), "Organisation", word, (), {"kind": "ngo"})))
    return out


_SPOKESPERSON_RE = re.compile(r"\b(?:[Ss]tatement|[Dd]eclaration|[Rr]emarks|[Cc]omments?) by the (?P<title>Spokesperson)"
                              r"(?= on | of the | following |\s*$| ?[:.,])", re.M)


def spokesperson(text: str, taken: bytearray, mentions: Sequence[Mention]) -> list[Found]:
    """"Statement by the Spokesperson on the sentencing of ...": the office that speaks (the EU's
    when the article names the Union or its External Action Service)."""
    eu = any(m.ref in ("org:european-union", "org:eeas") for m in mentions)
    out: list[Found] = []
    for m in _SPOKESPERSON_RE.finditer(text):
        a, b = m.span("title")
        if any(taken[a:b]):
            continue
        key = "eeas-spokesperson" if eu else "spokesperson"
        out.append((a, b, GazetteerEntry(key, "Organisation", "Spokesperson", (), {"kind": "other"})))
    return out
