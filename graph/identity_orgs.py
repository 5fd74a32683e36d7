"""Organisation names for the identity resolver: acronyms, place qualifiers, head names.

An agency is named in many ways across articles: by its full name ("Federal Security
Service"), with the country in front ("Russian Federal Security Service") or behind
("Supreme Court of the Russian Federation"), by a shorter form with a place adjective
("Crimean Mejlis" for the "Mejlis of the Crimean Tatar People"), or by its acronym
("OHCHR"). :func:`parse_org` reads a name into its *head* (the name without place
qualifiers), the *places* that qualify it, and the initials it may be abbreviated to;
:func:`compare_orgs` says whether two names may be one organisation:

- the same head and the same places, written in another order: one organisation;
- an acronym and a name whose initials it is (a national or regional qualifier may be
  left out of the acronym): one organisation (a two-letter acronym only for a two-word name);
- the same head, one name qualified by places or peoples (ethnonyms: "Crimean Tatar
  Mejlis", "the Tatar Mejlis", "Mejlis of the Crimean Tatar People") and the other less or
  not at all: one organisation when the head is distinctive (a word beyond the generic
  vocabulary of institutions, such as Mejlis or Security); a candidate when it is generic
  ("Supreme Court" may be the Russian or the Crimean one), and a candidate when the two
  are qualified apart ("Tatar Mejlis", "Crimean Mejlis"); the resolver's index makes the
  sure case a candidate too where another organisation it knows shares the head
  (:func:`ambiguous_heads`);
- two acronyms spelled almost alike ("OHCHR", "OCHCR"): a candidate, never a merge;
- places that differ ("Russian Ministry of Justice", "Ukrainian Ministry of Justice"), or
  peoples that differ: never one organisation, whatever else is alike; nor a state's
  delegation, mission or embassy and the state ("Delegation of Ukraine", "Ukraine").

Collective actors (``generic``: "law enforcement", "security forces") are read by
:mod:`graph.identity_collectives` (its functions are importable from here too): two of them
may be one actor only when the head noun of one is a word of the other
(:func:`same_collective`): "occupiers" and "occupation authorities" may, "law enforcement
officers" and "security forces" may not. The words of names (places, peoples, how a name is
cut into words) are in :mod:`graph.identity_words`.

>>> compare_orgs(parse_org("Russian Federal Security Service"), parse_org("Federal Security Service"))[0]
0.92
>>> compare_orgs(parse_org("Crimean Tatar Mejlis"), parse_org("Mejlis of the Crimean Tatar People"))[0]
0.93
>>> compare_orgs(parse_org("the Tatar Mejlis"), parse_org("Mejlis of the Crimean Tatar People"))[0]
0.92
>>> compare_orgs(parse_org("OHCHR"), parse_org("Office of the High Commissioner for Human Rights"))[0]
0.92
>>> compare_orgs(parse_org("Supreme Court"), parse_org("Supreme Court of Crimea"))[0]
0.7
>>> compare_orgs(parse_org("Russian Ministry of Justice"), parse_org("Ukrainian Ministry of Justice"))
False
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import product
from typing import Literal

from rapidfuzz import fuzz

# The collective names' functions live in graph.identity_collectives; importable from here too.
from graph.identity_collectives import (
    OCCUPYING_STATES,
    collective_core,
    collective_families,
    collective_relation,
    collective_signature,
    same_collective,
)
from graph.identity_words import PEOPLE_WORDS as _PEOPLE_WORDS
from graph.identity_words import PEOPLES as _PEOPLES
from graph.identity_words import PLACE_FILLERS as _PLACE_FILLERS
from graph.identity_words import STOP as _STOP
from graph.identity_words import place_of as _place
from graph.identity_words import tokens as _tokens

__all__ = ["OrgName", "parse_org", "MENDED", "compare_orgs", "court_words", "swapped", "typo_acronyms", "collective_signature",
           "collective_relation", "OCCUPYING_STATES", "org_block_keys", "ambiguous_heads", "collective_core", "collective_families",
           "same_collective", "same_qualifiers", "SURE_ORG", "SAME_ORDER", "REPRESENTATIONS", "state_of", "forum_of", "forums_named",
           "bare_representation"]

SURE_ORG = 0.92    # an acronym and its expansion; a distinctive head with and without its place
SAME_ORDER = 0.93  # one head, the same places, another order
_CANDIDATE = 0.7

_QUALIFIER_LINKS = frozenset({"of", "in", "for"})
# Words that make an "of the ..." complement a parent organisation ("Committee of Ministers of the
# Council of Europe", "Permanent Council of the OSCE"): a body named with its parent.
_PARENT_WORDS = frozenset({"council", "organisation", "organization", "union", "nations", "assembly", "alliance",
                           "commonwealth", "parliament"})
# One Russian or Ukrainian court word in several translations: okruzhnoy (окружной) is "district",
# "circuit", "regional" or "region" in English, so in a military court's name they are one word
# ("Southern District Military Court", "Southern Regional Military Court"). Elsewhere "regional"
# is oblastnoy (a court of a region) and "district" raionny (of a district): two courts, so only
# "circuit" and "district" are one word in other courts' names (a raion court is never "circuit").
_OKRUG_MILITARY = frozenset({"district", "circuit", "regional", "region", "okrug", "okruzhnoy", "okruzhnoi",
                             "okruzhny", "okruzhnyi", "area"})
_OKRUG_ANY_COURT = frozenset({"district", "circuit", "okruzhnoy", "okruzhnoi", "okruzhny", "okruzhnyi"})
# Adjectives that name a session of a body, not another body: the "Reinforced Permanent Council" is
# the Permanent Council meeting at a higher level; a "Special" or "Extraordinary" session likewise.
# Read only in front of a body that meets in sessions and keeps a name of two words or more.
_SESSION_WORDS = frozenset({"reinforced", "special", "extraordinary", "emergency", "informal", "plenary", "enlarged",
                            "expanded"})
_SESSION_BODIES = frozenset({"council", "assembly"})
# Institution words: a head made only of these names a kind of body, not one body.
GENERIC = frozenset("""
court courts tribunal ministry office committee service services department directorate administration
council police prosecutor prosecutors prosecution procuracy government parliament commission agency
centre center colony prison bureau division unit authority authorities inspectorate board assembly
chamber guard guards army navy forces force troops duma rada embassy mission delegation ombudsman
supreme high higher district city municipal regional oblast republic republican state national central
general main military appeal appeals appellate cassation interior internal affairs justice foreign
defence defense investigative investigation investigations criminal civil constitutional arbitration
public penal penitentiary detention pretrial pre trial emergency emergencies border customs tax
permanent human rights commissioner people peoples de facto occupation occupying
""".split())




def _mended_words() -> dict[str, str]:
    """Institution words of seven letters or more with one letter left out, each -> the word
    ("Distric" is "District", "Comittee" is "Committee"): a slip in a body's name, read as the
    word it slips from; a form that is itself an institution word, or a slip of two, is left as it is."""
    out: dict[str, str] = {}
    clash: set[str] = set()
    for w in sorted(GENERIC):
        for k in range(1, len(w)) if len(w) >= 7 else ():
            v = w[:k] + w[k + 1:]
            if v not in GENERIC:
                if out.get(v, w) != w:
                    clash.add(v)
                out[v] = w
    return {v: w for v, w in out.items() if v not in clash}


MENDED = _mended_words()


@dataclass(frozen=True)
class OrgName:
    """One organisation name, read: its words, head, places and possible initials."""

    text: str
    words: tuple[str, ...]       # content words, lower-case ASCII
    head: tuple[str, ...]        # the name without place qualifiers (empty: a place alone)
    places: frozenset[str]       # the places that qualify it
    peoples: frozenset[str] = frozenset()  # the peoples (ethnonyms) that qualify it
    parents: frozenset[str] = frozenset()  # the parent organisations named with it, as initials ("osce", "ce")
    acronym: str = ""            # the name itself, when it is an acronym (lower-case)
    initials: frozenset[str] = frozenset()  # what it may be abbreviated to
    session: str = ""            # a session adjective read off the head ("reinforced")

    @property
    def qualifiers(self) -> frozenset[str]:
        """Places, peoples and parents together: what a shorter name may leave out."""
        return self.places | self.peoples | self.parents

    @property
    def words_key(self) -> tuple[str, ...]:
        """The head's words in sorted order, each court word in one translation: "Southern District
        Military Court", "Southern Military District Court" and "Southern Regional Military Court"
        are one name (two words swapped; okruzhnoy translated two ways)."""
        return tuple(sorted(court_words(self.head)))

    @property
    def distinctive(self) -> bool:
        """True when the head has a word beyond the generic vocabulary of institutions."""
        return any(w not in GENERIC for w in self.head)


def court_words(head: tuple[str, ...]) -> tuple[str, ...]:
    """A court's head with its okruzhnoy word in one spelling ("okrug"); other heads as they are.

    >>> court_words(("southern", "regional", "military", "court")), court_words(("kyiv", "circuit", "court"))
    (('southern', 'okrug', 'military', 'court'), ('kyiv', 'okrug', 'court'))
    >>> court_words(("kherson", "regional", "court"))
    ('kherson', 'regional', 'court')
    """
    if "court" not in head and "courts" not in head:
        return head
    words = _OKRUG_MILITARY if "military" in head else _OKRUG_ANY_COURT
    return tuple("okrug" if w in words else w for w in head)


# Words that end a place's own name ("the Russian Federation", "the Autonomous Republic of Crimea").
_PLACE_NAME_WORDS = frozenset("""federation republic kingdom states emirates region regions oblast krai raion
district city peninsula autonomous territory territories county province occupied temporarily""".split())


def _adjective(raw: str) -> bool:
    """A place written as an adjective ("Russian", "Crimean"), not as a noun ("Europe", "Crimea")."""
    return raw.endswith(("ian", "ean", "ese", "ish", "ican"))


def _only_places(words: list[tuple[str, str]]) -> bool:
    """Whether the words after a complement's first place, up to the next "of"/"in"/"for", say
    only where: "of the Republic of Crimea" does; "of Europe Commissioner for Human Rights" does
    not (the Council of Europe's Commissioner is a unit of its own, not a council)."""
    for w, raw in words:
        if w in _QUALIFIER_LINKS:
            return True
        if not (w in _STOP or w in _PLACE_FILLERS or w in _PLACE_NAME_WORDS or w in _PEOPLES or w in _PEOPLE_WORDS
                or _place(w, raw)):
            return False
    return True


# "the Delegation of Ukraine to the OSCE", "Ukraine's Permanent Mission at the United Nations": a representation and
# the forum it is sent to, after its first representation word.
_FORUM_TAIL_RE = re.compile(r"(?i)\b(?:delegations?|missions?|embass(?:y|ies)|consulate|representation)\b.*?\s(?:to|at)\s+"
                            r"(?:the\s+)?(?P<forum>\S.*)\Z")
# The forums a delegation is sent to, each as its parent's initials: the UN's councils and assembly are the UN's, the
# Permanent Council the OSCE's.
_FORUMS = (("un", re.compile(r"\b(?:UN|U\.N\.|United\s+Nations|Human\s+Rights\s+Council|Security\s+Council|General\s+Assembly)\b")),
           ("osce", re.compile(r"\b(?:OSCE|Organi[sz]ation\s+for\s+Security\s+and\s+Co-?operation\s+in\s+Europe|"
                               r"Permanent\s+Council)\b")))


_COUNCILS = re.compile(r"\b(?:Council|Assembly)\b")


def forums_named(names: Iterable[str]) -> tuple[set[str], set[str]]:
    """(the forums ``names`` name, the forums whose council or assembly they name): "UN Human Rights Council" is the
    UN's council, "OSCE ODIHR" the OSCE but no council of it.

    >>> [sorted(f) for f in forums_named(["Reinforced Permanent Council", "United Nations"])]
    [['osce', 'un'], ['osce']]
    """
    named: set[str] = set()
    councils: set[str] = set()
    for n in names:
        for key, rx in _FORUMS:
            if rx.search(n):
                named.add(key)
                if _COUNCILS.search(n):
                    councils.add(key)
    return named, councils


def bare_representation(names: Iterable[str]) -> bool:
    """Whether every name is a state's representation named without the forum it is sent to ("the Ukrainian
    delegation", "Delegation of Ukraine"), never a place alone or a name with a forum.

    >>> bare_representation(["Ukrainian Delegation", "Delegation of Ukraine"]), bare_representation(["Delegation of Ukraine to the UN"])
    (True, False)
    """
    got = [parse_org(n) for n in names]
    return bool(got) and all(o.places and not o.parents and not o.acronym and any(w in REPRESENTATIONS for w in o.head)
                             for o in got)


def forum_of(text: str) -> tuple[str, str]:
    """(the name less its forum, the forum's initials) for a representation named with the forum it is sent to, else
    (``text``, ""): a state's delegation to the UN and its delegation to the OSCE are two bodies (decision 5e).

    >>> forum_of("the Delegation of Ukraine to the OSCE"), forum_of("Ukrainian Delegation to the UN Human Rights Council")
    (('the Delegation of Ukraine', 'osce'), ('Ukrainian Delegation', 'un'))
    >>> forum_of("Ukrainian Delegation")
    ('Ukrainian Delegation', '')
    """
    fm = _FORUM_TAIL_RE.search(text)
    if fm is None:
        return text, ""
    tail = fm.group("forum")
    found = next((key for key, rx in _FORUMS if rx.search(tail)), "")
    if not found:  # another forum by its acronym ("to the EU"); a place ("Mission to Ukraine") is no forum
        first = tail.split()[0].strip(".,;:()")
        found = first.lower() if _acronym_word(first) and not _place(first.lower(), first) else ""
        if not found:
            return text, ""
    return text[:fm.start("forum")].rstrip().removesuffix("the").rstrip().rsplit(None, 1)[0], found


@lru_cache(maxsize=131072)
def parse_org(text: str) -> OrgName:
    """Read an organisation name (see the module docstring).

    >>> o = parse_org("Supreme Court of the Republic of Crimea")
    >>> o.head, sorted(o.places)
    (('supreme', 'court'), ['crimea'])
    >>> parse_org("Russian Federal Security Service").head
    ('federal', 'security', 'service')

    A representation sent to a forum is read with the forum as its parent:

    >>> o = parse_org("Delegation of Ukraine to the OSCE")
    >>> o.head, sorted(o.places), sorted(o.parents)
    (('delegation',), ['ukraine'], ['osce'])
    """
    base, forum = forum_of(text)
    if forum and base != text:
        o = _parse_org(base)
        if o.head and not o.acronym:
            return OrgName(text, _parse_org(text).words, o.head, o.places, o.peoples, o.parents | {forum}, "", o.initials, o.session)
    return _parse_org(text)


def _parse_org(text: str) -> OrgName:
    toks = [(MENDED.get(w, w), raw) for w, raw in _tokens(text)]  # "Distric Court": the District Court
    all_words = tuple(w for w, _ in toks if w not in _STOP)
    session = ""
    first = 1 if toks and toks[0][0] == "the" else 0
    if len(all_words) >= 4 and len(toks) > first and toks[first][0] in _SESSION_WORDS and toks[-1][0] in _SESSION_BODIES:
        # "Reinforced OSCE Permanent Council": the session word in front of the parent's acronym.
        session, toks = toks[first][0], toks[:first] + toks[first + 1:]
    compact = text.replace(".", "").strip()
    acronym = compact.lower() if 2 <= len(compact) <= 7 and compact.isalpha() and compact.isupper() else ""
    places: set[str] = set()
    peoples: set[str] = set()
    parents: set[str] = set()
    i = 0
    while i < len(toks) and (toks[i][0] == "the" or _place(*toks[i]) or toks[i][0] in _PEOPLES
                             or i + 1 < len(toks) and _acronym_word(toks[i][1]) and toks[i + 1][0] not in _QUALIFIER_LINKS):
        if toks[i][0] in _PEOPLES:
            peoples.add(_PEOPLES[toks[i][0]])
        elif _place(*toks[i]):
            places.add(_place(*toks[i]) or "")
        elif toks[i][0] != "the":  # "OSCE Permanent Council": an acronym in front names the parent
            parents.add(toks[i][0])
        i += 1
    lead = i
    end = len(toks)
    # The first "of"/"in"/"for" whose complement, fillers aside, starts with a place qualifies the head.
    for k in range(lead + 1, len(toks)):
        if toks[k][0] not in _QUALIFIER_LINKS:
            continue
        m = k + 1
        while m < len(toks) and toks[m][0] in _PLACE_FILLERS:
            m += 1
        rest = toks[m:]
        # A people opens a qualifier only when nothing but qualifiers follows ("of the Crimean
        # Tatar People", not "Delegates of the Tatar Kurultai").
        if rest and (_place(*rest[0]) and (_adjective(rest[0][1]) or _only_places(rest[1:]))
                     or rest[0][0] in _PEOPLES and all(
                w in _PEOPLES or w in _PEOPLE_WORDS or w in _STOP or _place(w, raw) for w, raw in rest)):
            end = k
            places.update(p for w, raw in toks[k + 1:] if (p := _place(w, raw)))
            peoples.update(_PEOPLES[w] for w, _ in toks[k + 1:] if w in _PEOPLES)
            break
        parent = _parent(toks[k + 1:]) if toks[k][0] == "of" else ""
        if parent:
            end = k
            parents.add(parent)
            break
    words = all_words
    head = tuple(w for w, _ in toks[lead:end] if w not in _STOP)
    head, federal = _ministry_words(head)
    if federal:
        places.add(FEDERAL)
    if not session and len(head) >= 3 and head[0] in _SESSION_WORDS and head[-1] in _SESSION_BODIES:
        session, head = head[0], head[1:]  # "Reinforced Permanent Council": a session of the Permanent Council
    if not head:  # a place alone ("Russia", "Russian Federation"): its words are its head
        head, places, peoples, parents = words, set(), set(), set()
    initials = set()
    if not acronym:
        # An acronym inside the name gives all its letters ("UN Secretary-General" is "uns", never
        # "us", the United States); a hyphenated word gives one letter or one per part ("unsg";
        # "Co-operation" is the "c" of OSCE).
        caps = {w for w, raw in toks if raw.isupper() and len(raw) > 1}
        lead_words = [w for w, _ in toks[:lead] if w not in _STOP]
        tail = [w for w, _ in toks[end:] if w not in _STOP]
        for variant in (words, head, (*head, *tail), (*lead_words, *head)):
            if len(variant) >= 2:
                for parts in (False, True):
                    initials.add("".join(w if w in caps else "".join(p[:1] for p in w.split("-")) if parts else w[:1]
                                         for w in variant))
    return OrgName(text, words, head, frozenset(places), frozenset(peoples), frozenset(parents), acronym,
                   frozenset(initials), session)


# A ministry's "federal" form ("the Federal Ministry of the Interior") is the ministry of a federation, whichever the
# text's other names say (the Russian Federation's, Germany's): "federal" is read as a qualifier that a federation's
# name fills (:func:`_federal_fit`), never as a word of the head. "Internal Affairs" and "the Interior" translate one
# ministry's name (MVD, MVS). (Round 16, ident16.)
FEDERAL = "federal"
FEDERATIONS = frozenset({"russia", "germany", "us"})


def _ministry_words(head: tuple[str, ...]) -> tuple[tuple[str, ...], bool]:
    """A ministry's head with "internal affairs" read as "interior", and whether "federal" led it ("federal ministry")."""
    if "ministry" not in head and "ministries" not in head:
        return head, False
    federal = len(head) > 1 and head[0] == FEDERAL and head[1] in ("ministry", "ministries")
    if federal:
        head = head[1:]
    out: list[str] = []
    for w in head:
        if w == "affairs" and out and out[-1] == "internal":
            out[-1] = "interior"
        else:
            out.append(w)
    return tuple(out), federal


def _federal_fit(a: frozenset[str], b: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Two names' places with a "federal" qualifier filled by the one federation the other name names
    ("Federal Ministry of the Interior" and "Ministry of the Interior of Russia"); a federation beside it in one name
    fills it there ("German Federal Ministry"). A "federal" ministry beside another state's is left apart."""
    def fill(x: frozenset[str], y: frozenset[str]) -> frozenset[str]:
        if FEDERAL not in x:
            return x
        own = x - {FEDERAL}
        if own:
            return own if own & FEDERATIONS else x
        other = y - {FEDERAL}
        return other if len(other) == 1 and other <= FEDERATIONS else x
    return fill(a, b), fill(b, a)


def _ministry_note(x: OrgName, y: OrgName) -> str:
    """What a reason must add when two ministries' names meet by :func:`_ministry_words` only."""
    note = ""
    if ("internal" in x.words) != ("internal" in y.words):
        note += "; 'Internal Affairs' and 'the Interior' name one ministry"
    if (FEDERAL in x.words) != (FEDERAL in y.words):
        note += "; a 'federal' ministry is the federation's"
    return note


def same_qualifiers(x: OrgName, y: OrgName) -> bool:
    """Whether two names carry the same places, peoples and parents, a "federal" qualifier filled (:func:`_federal_fit`)."""
    xp, yp = _federal_fit(x.places, y.places)
    return xp | x.peoples | x.parents == yp | y.peoples | y.parents


def _acronym_word(raw: str) -> bool:
    return 2 <= len(raw) <= 7 and raw.isalpha() and raw.isupper()


def _parent(rest: list[tuple[str, str]]) -> str:
    """The initials of a parent organisation named after "of": "the Council of Europe" is "ce",
    "the OSCE" is "osce"; "" when the complement names no organisation."""
    if len(rest) == 1 and _acronym_word(rest[0][1]):
        return rest[0][0]
    if not rest or rest[0][0] != "the":  # "Committee of Ministers of the ...": "of Ministers" is the name
        return ""
    rest = rest[1:]
    if not rest or _place(*rest[0]):
        return ""
    if len(rest) == 1 and _acronym_word(rest[0][1]):
        return rest[0][0]
    content = [w for w, _ in rest if w not in _STOP]
    if not rest[0][1][:1].isupper() or not any(w in _PARENT_WORDS for w in content) or len(content) < 2:
        return ""
    return "".join(w[0] for w in content)


def _near_acronyms(a: str, b: str) -> bool:
    """Two acronyms that differ by a typo: first letters alike, lengths within one, spelled 75% alike."""
    return min(len(a), len(b)) >= 4 and a[0] == b[0] and abs(len(a) - len(b)) <= 1 and fuzz.ratio(a, b) >= 75


def compare_orgs(x: OrgName, y: OrgName) -> tuple[float, str] | Literal[False] | None:
    """Score and reason; ``False`` when the names say two organisations (never a candidate); None: no opinion."""
    if x.acronym and y.acronym:
        if x.acronym != y.acronym and _near_acronyms(x.acronym, y.acronym):
            return _CANDIDATE, f"the acronyms '{x.text}' and '{y.text}' are spelled almost alike (a typo?)"
        return None
    if x.acronym or y.acronym:
        short, long = (x, y) if x.acronym else (y, x)
        if short.acronym in long.initials and (len(short.acronym) > 2 or len(long.words) == 2):
            return SURE_ORG, f"'{short.text}' is the initials of '{long.text}'"
        if len(short.acronym) == 2 and short.acronym in long.initials:
            return _CANDIDATE, f"'{short.text}' may be the initials of '{long.text}'"
        if len(long.words) >= 2 and any(short.acronym.startswith(i) for i in long.initials
                                        if len(i) >= 2 and 2 * len(i) >= len(short.acronym)):
            # "PACE" and "the Parliamentary Assembly": the acronym says more than the name; which body?
            # (At least half of it: "UNHCR" is no candidate for "United Nations".)
            return _CANDIDATE, f"'{short.text}' may abbreviate a longer name beginning '{long.text}'"
        return None
    if _represents(x, y) or _represents(y, x):
        return False  # the Delegation of Ukraine, Ukraine's mission to the UN: a body of its own, not the state
    if FEDERAL in x.places or FEDERAL in y.places:
        xp, yp = _federal_fit(x.places, y.places)
        x, y = replace(x, places=xp), replace(y, places=yp)
    if x.places and y.places and not (x.places <= y.places or y.places <= x.places):
        return False  # Russian and Ukrainian ministries, the courts of two cities
    if x.peoples and y.peoples and not (x.peoples <= y.peoples or y.peoples <= x.peoples):
        return False  # the bodies of two peoples
    if x.parents and y.parents and not (x.parents <= y.parents or y.parents <= x.parents):
        return False  # the bodies of two parent organisations
    if x.words_key != y.words_key or x.words == y.words:
        return None
    if x.qualifiers == y.qualifiers:
        if x.session != y.session:
            return SAME_ORDER, f"'{x.text}' and '{y.text}' are one body{_session_note(x, y)}"
        if sorted(x.head) != sorted(y.head):
            return SURE_ORG, (f"'{x.text}' and '{y.text}' are one court: '{_okrug_word(x)}' and '{_okrug_word(y)}' "
                              "translate one word (okruzhnoy)")
        if x.head != y.head:
            return SAME_ORDER, f"'{x.text}' and '{y.text}' are one name with its words in another order"
        return SAME_ORDER, f"'{x.text}' and '{y.text}' are one name with its place written elsewhere{_ministry_note(x, y)}"
    if not (x.qualifiers <= y.qualifiers or y.qualifiers <= x.qualifiers):
        # "Tatar Mejlis" and "Crimean Mejlis": neither says less than the other.
        if x.distinctive:
            return _CANDIDATE, f"'{x.text}' and '{y.text}' share the name '{' '.join(y.head)}' with other qualifiers"
        return None
    less, more = (x, y) if len(x.qualifiers) < len(y.qualifiers) else (y, x)
    where = "without its place" if not less.qualifiers else "with fewer places"
    if more.peoples - less.peoples:
        where = "without its place or people" if not less.qualifiers else "with fewer qualifiers"
    if more.parents - less.parents and more.places <= less.places and more.peoples <= less.peoples \
            and any(w in REPRESENTATIONS for w in more.head):
        # "the Ukrainian delegation" and "... to the UN": a state sends delegations to many forums; which one?
        return _CANDIDATE, f"'{less.text}' may be '{more.text}' (a delegation named without its forum: which one?)"
    if more.parents - less.parents and more.places <= less.places and more.peoples <= less.peoples:
        # "Committee of Ministers" and "... of the Council of Europe", "Permanent Council" and "OSCE
        # Permanent Council": one body with and without its parent (unless the index knows another).
        return SURE_ORG, f"'{less.text}' is '{more.text}' without its parent organisation{_notes(x, y)}"
    if x.distinctive:
        return SURE_ORG, f"'{less.text}' is '{more.text}' {where}{_notes(x, y)}"
    return _CANDIDATE, f"'{less.text}' may be '{more.text}' {where} (a generic name: which one?)"


# Words that make a body a state's representation abroad or at a forum: "the Delegation of Ukraine", "the Ukrainian
# Delegation to the UN", "the Permanent Mission of Ukraine", "the Embassy of Ukraine" (decision 5e: a delegation or
# mission named as such is an organisation of its own, never the state it represents).
REPRESENTATIONS = frozenset({"delegation", "delegations", "mission", "missions", "embassy", "embassies", "consulate",
                             "representation"})


def state_of(o: OrgName) -> str:
    """The one place a name is nothing but ("Ukraine", "the Russian Federation", "Russia's": "ukraine",
    "russia"), or "" for any other name.

    >>> state_of(parse_org("the Russian Federation")), state_of(parse_org("Ukrainian government"))
    ('russia', '')
    """
    if o.acronym or o.peoples or o.parents:
        return ""
    found = set(o.places) | {p for w in o.head if (p := _place(w, w.capitalize()))}
    rest = [w for w in o.head if not _place(w, w.capitalize()) and w not in _PLACE_NAME_WORDS]
    return found.pop() if len(found) == 1 and not rest else ""


def _represents(x: OrgName, y: OrgName) -> bool:
    """Whether ``x`` names a representation (a delegation, mission, embassy) of the state ``y`` is nothing but:
    "Delegation of Ukraine", "Ukrainian Delegation to the UN" against "Ukraine"; two bodies, whatever an article
    folded into one entity's names."""
    state = state_of(y)
    return bool(state) and state in x.places and any(w in REPRESENTATIONS for w in x.head)


def _session_note(x: OrgName, y: OrgName) -> str:
    """"; 'reinforced' names a session of it, not another body", when one name says a session."""
    if x.session == y.session:
        return ""
    return f"; '{x.session or y.session}' names a session of it, not another body"


def _notes(x: OrgName, y: OrgName) -> str:
    """What else a reason must say: a session adjective, a court word translated two ways."""
    note = _session_note(x, y)
    if sorted(x.head) != sorted(y.head):
        note += f"; '{_okrug_word(x)}' and '{_okrug_word(y)}' translate one word (okruzhnoy)"
    return note


def _okrug_word(o: OrgName) -> str:
    """The word of ``o`` that :func:`court_words` reads as okruzhnoy, as written."""
    folded = court_words(o.head)
    raw = {w: r for w, r in _tokens(o.text)}
    return next((raw.get(w, w) for w, f in zip(o.head, folded, strict=True) if f == "okrug"), "")


def swapped(a: str, b: str) -> bool:
    """Two acronyms of one length (four letters or more, the same first letter) that differ in two
    or three neighbouring letters made of the same letters: a typing slip ("OHCHR" typed "OCHCR",
    "OSCE" typed "OCSE"), not another word's initial.

    >>> swapped("ohchr", "ochcr"), swapped("osce", "ocse"), swapped("osce", "osca"), swapped("ohchr", "ohchr")
    (True, True, False, False)
    """
    if len(a) != len(b) or len(a) < 4 or a[0] != b[0] or a == b:
        return False
    diff = [k for k in range(len(a)) if a[k] != b[k]]
    if diff[-1] - diff[0] + 1 != len(diff) or not 2 <= len(diff) <= 3:
        return False
    return set(a[diff[0]:diff[-1] + 1]) == set(b[diff[0]:diff[-1] + 1])


def typo_acronyms(records: Iterable[Iterable[OrgName]]) -> dict[str, str]:
    """Acronyms that are a typing slip of exactly one acronym the index knows: typo -> acronym.

    ``records``: each organisation's names. An acronym is *spelled out* where a record carries it
    beside a longer name, or where a name's initials are it. "OCHCR" is a slip for "OHCHR" when
    (a) they are :func:`swapped`, (b) the index spells out "OHCHR" (it knows that organisation),
    (c) nothing spells out "OCHCR" (no organisation of that name is known) and (d) no other
    acronym the index knows is :func:`swapped` with "OCHCR" (which one would it be?).

    >>> ohchr = [parse_org("OHCHR"), parse_org("Office of the High Commissioner for Human Rights")]
    >>> typo_acronyms([ohchr, [parse_org("OCHCR")]])
    {'ochcr': 'ohchr'}
    >>> typo_acronyms([[parse_org("OHCHR")], [parse_org("OCHCR")]])  # nothing spells either out
    {}
    """
    spelled: set[str] = set()
    seen: set[str] = set()
    for names in records:
        names = list(names)
        acronyms = {o.acronym for o in names if o.acronym}
        seen |= acronyms
        if any(not o.acronym for o in names):
            spelled |= acronyms
        for o in names:
            spelled |= o.initials
    known = seen | {i for i in spelled if len(i) >= 4}
    out: dict[str, str] = {}
    for t in sorted(seen - spelled):
        near = {v for v in _slips(t) if v in known}
        if len(near) == 1 and (a := near.pop()) in spelled:
            out[t] = a
    return out


def _slips(t: str) -> set[str]:
    """Every acronym :func:`swapped` with ``t``: its letters in two or three neighbouring places
    (after the first) rearranged from the letters there (at most 27 per place)."""
    out: set[str] = set()
    for w in (2, 3) if len(t) >= 4 else ():
        for k in range(1, len(t) - w + 1):
            letters = sorted(set(t[k:k + w]))
            for combo in product(letters, repeat=w):
                v = t[:k] + "".join(combo) + t[k + w:]
                if swapped(t, v):
                    out.add(v)
    return out


def ambiguous_heads(names: Iterable[OrgName]) -> frozenset[tuple[str, ...]]:
    """Heads that name two organisations among ``names``: two of them with that head are
    qualified apart ("Mejlis of Crimea", "Mejlis of Tatarstan"), so a name with that head and
    fewer qualifiers ("the Mejlis") may be either, a candidate and never a merge. A head is
    given as its words in sorted order (:attr:`OrgName.words_key`): word order does not matter.

    >>> sorted(ambiguous_heads([parse_org("Supreme Court of Crimea"), parse_org("Supreme Court of Russia"),
    ...                         parse_org("Mejlis of the Crimean Tatar People"), parse_org("Tatar Mejlis")]))
    [('court', 'supreme')]
    """
    seen: dict[tuple[str, ...], set[tuple[frozenset[str], frozenset[str], frozenset[str]]]] = {}
    for o in names:
        if not o.acronym:
            seen.setdefault(o.words_key, set()).add((o.places, o.peoples, o.parents))
    out = set()
    for head, quals in seen.items():
        apart = [q for q in quals if any(q)]
        if any(_apart(a, b) for n, a in enumerate(apart[:50]) for b in apart[n + 1:50]):
            out.add(head)
    return frozenset(out)


def _apart(a: tuple[frozenset[str], ...], b: tuple[frozenset[str], ...]) -> bool:
    """Two (places, peoples, parents) qualifications that no one organisation carries both of; a
    body with a parent and one qualified otherwise are two ("OSCE Permanent Council", "Permanent
    Council of Ukraine")."""
    if FEDERAL in a[0] or FEDERAL in b[0]:
        a, b = (_federal_fit(a[0], b[0])[0], *a[1:]), (_federal_fit(a[0], b[0])[1], *b[1:])
    if any(x and y and not (x <= y or y <= x) for x, y in zip(a, b, strict=True)):
        return True
    if a[2] or b[2]:
        qa, qb = frozenset().union(*a), frozenset().union(*b)
        return not (qa <= qb or qb <= qa)
    return False


def org_block_keys(o: OrgName) -> set[str]:
    """Blocking keys: the head, each initials form and acronym, and a key that brings near acronyms together."""
    keys = {"h:" + " ".join(o.words_key)}
    if o.acronym:
        keys.add("a:" + o.acronym)
        keys.update("a:" + o.acronym[:k] for k in range(2, len(o.acronym)))  # "PACE" meets "Parliamentary Assembly"
        if len(o.acronym) >= 4:
            keys.add(f"q:{o.acronym[0]}{o.acronym[-1]}")
    keys.update("a:" + i for i in o.initials)
    return keys
