"""Organisations named by one word or by a formula of institutional prose:

- **National sections**: "Amnesty International Ukraine", "Transparency International Russia":
  an international body's name, then a country's, is the body's section there (an
  organisation of its own, speaking for itself).
- **A member's body**: "an AutoMaydan activist", "a Sebat volunteer": one capitalised word
  between an indefinite article and a member's noun is the body the person belongs to, when the
  word is nothing else the extractor knows (a people, a place, a given name) and the article
  never writes it in lower case.
- **A body's office or section**: "Council of Europe Commissioner for Human Rights", "Amnesty
  International Ukraine": a known body's name of several words, then an office's title or a
  country, names the body too (annotators list both, the office ``PART_OF`` the body). An
  acronym ("OSCE Representative") only qualifies the office, and an organ ("United Nations
  General Assembly") is named as one unit: no mention of the body.
- **The Spokesperson**: "Statement by the Spokesperson on ...": the EU's (and other
  institutions') formula names the spokesperson's office as the speaker.

Each finder returns (start, end, entry) outside what is already ``taken``;
:func:`loaders.extract.entries.find_entries` applies them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from loaders.extract.gazetteer import Gazetteer, GazetteerEntry, load_gazetteer, slug
from loaders.extract.mention_types import Mention, Sentence, entry_mention
from loaders.extract.name_guards import lower_words

if TYPE_CHECKING:
    from loaders.extract.claim_model import Extraction

__all__ = ["national_sections", "member_bodies", "spokesperson", "parent_bodies", "un_prefixed", "state_of_bodies",
           "group_assembly"]

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
        first = nxt.group(1).split()[0]
        country = next((c for c in (nxt.group(1), first, re.sub(r"[’']s$", "", first)) if (p := gaz.places.get(c)) is not None
                        and p.attributes.get("kind") == "country"), None)
        if country is None:
            continue  # ("Amnesty International Ukraine’s Executive Director": the section's, its possessive left out)
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


def _office_or_section(rest: list[str], gaz: Gazetteer) -> bool:
    """Whether the words after a body's name name an office of it held by one person ("Commissioner
    for Human Rights", "Secretary General") or its national section (a country): the body is named
    as such. An organ ("General Assembly", "Committee against Torture") is named as one unit."""
    if not rest or not rest[0][:1].isupper():
        return False
    k = 2 if " ".join(rest[:2]) in gaz.titles else 1 if rest[0] in gaz.titles else 0
    if k:  # "General Assembly": a title word before a body's head noun is the organ's name
        return k >= len(rest) or rest[k] not in gaz.cues["org_heads"]
    place = gaz.places.get(" ".join(rest))
    return place is not None and place.attributes.get("kind") == "country"


# A parliament's name ("Ukrainian Parliament", "Verkhovna Rada"): its commissioner for human rights is the country's
# ombudsperson, an office of its own that the title names (dev d12, dev8 e02, dev9 h09 h10 record no parliament).
_PARLIAMENT_WORD = re.compile(r"\b(?:Parliament|Rada|Duma|Sejm|Seimas|Saeima|Riigikogu|Bundestag)\b")


def parent_bodies(mentions: Sequence[Mention], text: str, gaz: Gazetteer) -> list[Mention]:
    """The known bodies whose whole name of several words opens another organisation's mention
    ("Council of Europe" in "Council of Europe Commissioner for Human Rights"): a mention of their
    own inside it, unless the article names the body elsewhere already."""
    named = {m.ref for m in mentions}
    out: list[Mention] = []
    for m in mentions:
        if m.label != "Organisation" or m.entry is None or m.entry.generic:
            continue
        head = re.match(r"(?:[A-Z][\w’'\-]*|of|the|for)(?: (?:[A-Z][\w’'\-]*|of|the|for)){1,4}(?= [A-Z])", m.text)
        while head is not None:
            parent = gaz.lookup(head.group())
            words = head.group().split()
            if parent is not None and parent.label == "Organisation" and not parent.generic and words[-1][:1].isupper() \
                    and f"org:{parent.key}" != m.ref and not parent.name.isupper() \
                    and _office_or_section(m.text[head.end():].split(), gaz):
                if _PARLIAMENT_WORD.search(head.group()) and m.text[head.end():].lstrip().startswith(("Commissioner", "Ombuds")):
                    break  # "Ukrainian Parliament Commissioner for Human Rights": the ombudsperson, no act of the parliament
                ref = f"org:{parent.key}"
                if ref not in named:
                    named.add(ref)
                    out.append(entry_mention(m.start, m.start + head.end(), text, parent))
                break
            head = re.match(r".*(?= \S+$)", head.group()) if len(words) > 2 else None
    return out


_UN_KEY = "org:united-nations"


def un_prefixed(mentions: list[Mention], text: str) -> list[Mention]:
    """"the UN Special Rapporteur on Minority Issues": a UN organ the gazetteer knows without the
    prefix ("Special Rapporteur on minority issues") is named with it, as "UN General Assembly" is,
    and the prefix is no mention of the United Nations of its own."""
    if not any(m.ref == _UN_KEY for m in mentions):
        return mentions
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.ref == _UN_KEY and m.label == "Organisation" and m.entry is not None \
                and m.entry.key.startswith("un-") and text[prev.end:m.start] == " ":
            out[-1] = Mention(prev.start, m.end, text[prev.start:m.end], "Organisation", m.ref, m.entry)
            continue
        out.append(m)
    return out


# "the Criminal Code of the Russian Federation", "the Federal Security Service of the Russian Federation": the
# state whose law or body it is, named inside the name of the law or body.
_STATE_OF_BODY_RE = re.compile(r"\b(?:Code|Constitution|[Ll]aws?|[Ll]egislation|Service|Ministry|Committee|Office|Court|"
                               r"Guard|Council|Government) of (?P<state>the Russian Federation)(?![\w\-])")


def state_of_bodies(mentions: Sequence[Mention], text: str, gaz: Gazetteer) -> list[Mention]:
    """The Russian Federation named only inside the name of its law or body ("the Criminal Code of the
    Russian Federation", "the Federal Security Service of the Russian Federation"): the state, as the
    annotators of eight development splits record it, once, where the article names it no other way."""
    if "Russian Federation" not in text:
        return []
    state = gaz.lookup("Government of the Russian Federation")
    if state is None or any(m.ref == f"org:{state.key}" for m in mentions):
        return []
    for m in _STATE_OF_BODY_RE.finditer(text):
        a, b = m.span("state")
        a += len("the ")
        return [entry_mention(a, b, text, state)]
    return []


def group_assembly(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction) -> str | None:
    """The assembly whose political groups a list of members names ("Mr X, Germany, EPP/CD ;") where the
    article names the assembly no other way (a written declaration lists its signatories only): the
    groups' gazetteer entries say whose they are (``in``); the assembly is added, each group ``PART_OF`` it."""
    from loaders.extract.claim_model import quote_span  # (the claim model imports the mention finders)

    gaz = load_gazetteer()
    by_key = {e.key: e for e in gaz.entries if e.label == "Organisation"}
    assembly = None
    starts = [s.start for s in sentences]
    done: set[str] = set()
    for m in mentions:
        e = m.entry
        body = by_key.get(e.part_of or "") if e is not None and m.label == "Organisation" else None
        if body is None or m.ref in done or m.ref not in ex.entities:
            continue
        assembly = f"org:{body.key}"
        if assembly not in ex.entities:
            ex.entity(assembly, "Organisation", body.name, **body.attributes)
        done.add(m.ref)
        sent = sentences[max(0, bisect.bisect_right(starts, m.start) - 1)]
        ex.claim(m.ref, "PART_OF", assembly, quote_span(text, sent, max(m.start, sent.start), min(m.end, sent.end)),
                 0.55, "group-assembly")
    return assembly
