"""The judgement model of the identity resolver: whether two records may be one actor, with a
score from 0 to 1 and a sentence saying why.

Given names and surnames are read apart (:mod:`graph.identity_names`); organisation names by
:mod:`graph.identity_orgs`. The rules: a shared first name is never evidence; the same
surname with another given name is another person (brothers); a surname alone, or a close
spelling, is a *candidate* for a person to decide, never a merge; collective (``generic``)
actors never match specific ones, nor each other across different head nouns; labels must
agree. Pairs at or above :data:`SURE` are one actor; pairs from :data:`DOUBT` up are candidates.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal, NamedTuple

from rapidfuzz import fuzz

from graph.identity_collectives import collective_relation, collective_signature, same_collective
from graph.identity_names import (
    STOP,
    ParsedName,
    fold,
    givens_relate,
    parse_name,
    surnames_relate,
    typing_slip,
    written_word,
)
from graph.identity_orgs import compare_orgs, same_qualifiers

__all__ = ["SURE", "DOUBT", "LONE_CLOSE", "LONE_SURE", "SLIP", "SLIP_SURE", "Record", "Match", "compare", "compatible",
           "lone_pair", "name_slip"]

SURE = 0.9    # at or above: one actor (merged in a batch; still shown by xref until judged)
DOUBT = 0.6   # at or above: a candidate for a person to decide
LONE_CLOSE = 0.5  # a surname alone beside a close spelling of it: the most a pair met only by swapped letters gets
LONE_SURE = 0.91  # a surname alone beside the only person the index knows by that surname
TYPO_SURE = 0.91  # an acronym typed with neighbouring letters swapped beside the only one the index knows like it
SLIP = 0.8        # one name typed with a slip, the other name the same: a candidate the index may make sure
SLIP_SURE = 0.9   # ... when nothing the index knows contradicts it (graph.identity.IdentityIndex)
# How long a word must be for a typing slip in it to be read as one: a long surname, a given name.
SLIP_SURNAME, SLIP_GIVEN = 7, 5


@dataclass
class Record:
    """An entity as the resolver sees it: key, label, names, and where it comes from.

    ``origin`` tells records of one key apart when the same key appears in several drafts
    (a batch) or in the corpus; ``sources`` are shown next to a candidate; ``context`` is a
    short line about it (an occupation, a quote).
    """

    key: str
    label: str
    name: str
    aliases: Sequence[str] = ()
    sources: Sequence[str] = ()
    sensitive: bool = False
    generic: bool = False
    origin: str = ""
    context: str = ""
    names: list[ParsedName] = field(default_factory=list, repr=False)
    full_name: bool = field(default=False, init=False, repr=False)

    def __post_init__(self) -> None:
        person = self.label == "Person"
        org = self.label == "Organisation"
        seen: set[tuple[str, str]] = set()
        for text in [self.name, *self.aliases]:
            parsed = parse_name(str(text), person, org)
            if parsed is not None and (parsed.given, parsed.full) not in seen:
                seen.add((parsed.given, parsed.full))
                self.names.append(parsed)
        # True when some name of it has a given name and a surname (read on every comparison).
        self.full_name = any(n.given for n in self.names)


class Match(NamedTuple):
    """Two entities that may be one actor: ``score`` 0-1, ``sure`` from :data:`SURE`, and why.

    A named tuple, not a dataclass: a big index makes hundreds of thousands of them.
    """

    left: str
    right: str
    score: float
    reason: str
    left_name: str = ""
    right_name: str = ""
    i: int = -1     # positions in the index's records
    j: int = -1
    close: bool = False  # full names, one given name, surnames spelled close: context may settle it

    @property
    def sure(self) -> bool:
        return self.score >= SURE


# Words that make a place name an administrative area around it ("Kherson region", "Simferopol
# district"), folded as names are: a region and a district of one name are one kind each.
_TERRITORY = {fold(w): kind for kind, words in (("region", "region oblast krai kray province governorate"),
                                                  ("district", "district raion rayon municipality county"))
              for w in words.split()}


# Words that say a place is a town, written in lower case around its name ("Kherson city", "the
# city of Kherson"): the town itself, as its bare name is. Capitalised, "City" is part of a name
# ("Mexico City" is not Mexico), so it stays.
_TOWN_WORDS = frozenset({"city", "town", "village", "settlement"})


def _territory(x: ParsedName) -> tuple[str, str]:
    """A place name read as (its folded name less the territorial and town words, "region" |
    "district" | "" for a town or a bare name)."""
    # Town words and articles as written ("the" folds to "te", so it is matched before folding).
    drop = {fold(w) for w in x.text.split() if w in _TOWN_WORDS or w.casefold() in STOP}
    words = [w for w in x.full.split() if w not in drop]
    kinds = [_TERRITORY[w] for w in words if w in _TERRITORY]
    return " ".join(w for w in words if w not in _TERRITORY), kinds[-1] if kinds else ""


def _compare_places(a: Record, b: Record) -> tuple[float, str, str, str] | Literal[False] | None:
    """A city and its region or district are two places, never one key ("Kherson", "Kherson
    region"); a region under two words ("Kherson Oblast", "Kherson region") is one, and so is a
    town with and without the word that says so ("Kherson city", "the city of Kherson", "Kherson")."""
    for x in a.names:
        for y in b.names:
            (bx, kx), (by, ky) = _territory(x), _territory(y)
            if bx == by and kx != ky:
                return False
    for x in a.names:
        for y in b.names:
            (bx, kx), (by, ky) = _territory(x), _territory(y)
            if bx and bx == by and kx == ky and x.full != y.full:
                return 0.95, f"'{x.text}' and '{y.text}' name one {kx or 'place'}", x.text, y.text
    return None


@lru_cache(maxsize=262144)
def _compare_lone(lone: str, xs: str, ys: str, xl: str, yl: str) -> tuple[float, str, bool] | None:
    """:func:`_compare_names` when one name (``lone``) is a surname alone: it depends only on the
    surnames, so the many pairs of one surname alone with everyone of that surname share one answer."""
    rel = surnames_relate(xs, ys)
    if rel is None:
        return None
    kind, how = rel
    s_words = f"surnames '{xl}' and '{yl}' are {how}" if how else f"the same surname '{yl}'"
    # A surname alone on one side: a candidate, never a merge.
    return (0.65 if kind != "close" else LONE_CLOSE), f"'{lone}' is a surname alone; {s_words}", False


@lru_cache(maxsize=262144)
def lone_pair(lone: str, xs: str, ys: str, xl: str, yl: str, shared: int) -> tuple[float, str] | None:
    """What :func:`compare` says of two one-name people, one a surname alone (``shared``: how
    many people of the index have that surname with a given name)."""
    got = _compare_lone(lone, xs, ys, xl, yl)
    if got is None:
        return None
    score, reason = min(got[0], 0.65), got[1]
    if shared > 1:
        score = min(score, DOUBT)
        reason += f"; {shared} people have that surname"
    return round(score, 3), reason


def name_slip(x: ParsedName, y: ParsedName) -> str:
    """Why two full names may be one typed with a slip, or "": the same whole given name and a long
    surname mistyped once ("Emil Kuberdinov", "Emil Kurbedinov"), or the same long surname and a
    given name mistyped once ("Sever Karametov", "Server Karametov"); see
    :func:`graph.identity_names.typing_slip`. Two real people may be named so: the index makes
    such a pair sure only when nothing it knows contradicts it."""
    if len(x.given) < 2 or len(y.given) < 2:
        return ""
    if x.given == y.given and len(x.given) >= 3:
        a, b = written_word(x.last), written_word(y.last)
        kind = _surname_slip(a, b, x.surname, y.surname) if max(len(a), len(b)) >= SLIP_SURNAME else ""
        return f"the same given name '{y.first}'; '{x.last}' and '{y.last}' differ by a typing slip ({kind})" \
            if kind else ""
    if x.surname == y.surname and len(written_word(y.last)) >= SLIP_SURNAME:
        a, b = written_word(x.first), written_word(y.first)
        kind = typing_slip(a, b) if min(len(a), len(b)) >= SLIP_GIVEN else ""
        return f"the same surname '{y.last}'; given names '{x.first}' and '{y.first}' differ by a typing slip ({kind})" \
            if kind else ""
    return ""


@lru_cache(maxsize=65536)
def _surname_slip(a: str, b: str, fa: str, fb: str) -> str:
    """:func:`typing_slip` of two written surnames, or of one with an "h" swapped with its neighbour
    back into a spelling of the other in another romanisation (a slip that breaks a digraph:
    "Dhzemilev" is "Dzhemilev", which is "Jemilev"); ``fa``, ``fb``: their folded forms."""
    kind = typing_slip(a, b)
    if kind or abs(len(a) - len(b)) > 2:
        return kind
    for w, other in ((a, fb), (b, fa)):
        for k in range(1, len(w) - 1):
            if w[k] != w[k + 1] and "h" in (w[k], w[k + 1]) and (surnames_relate(fold(w[:k] + w[k + 1] + w[k] + w[k + 2:]), other)
                                     or ("",))[0] in ("same", "variant"):
                return "letters rearranged"
    return ""


def _compare_names(x: ParsedName, y: ParsedName) -> tuple[float, str, bool] | None:
    """Score and reason for two person names, or None when they name different people; a typing
    slip (:func:`name_slip`) where the names say no more."""
    got = _compare_spelled(x, y)
    if (got is None or got[0] < SLIP) and x.given and y.given:
        why = name_slip(x, y)
        if why:
            return SLIP, why, True
    return got


def _compare_spelled(x: ParsedName, y: ParsedName) -> tuple[float, str, bool] | None:
    if not x.given or not y.given:
        return _compare_lone((y if x.given else x).text, x.surname, y.surname, x.last, y.last)
    if x.full == y.full and len(x.given) > 1:
        return 0.99, f"the same name after transliteration ('{x.text}', '{y.text}')", False
    rel = surnames_relate(x.surname, y.surname)
    given = givens_relate(x.given, y.given)
    if given == "different" and min(len(x.given), len(y.given)) == 1 and x.initial == y.initial:
        given = "initial"  # "D. Urbazade" for Dzhamila, whose folded name starts with j
    if rel is None:
        # Surname-first order in one source ("Dzhelyal Nariman"); a shared first name alone is no evidence.
        if x.given and y.given and x.given == y.surname and x.surname == y.given:
            return 0.85, f"'{x.text}' and '{y.text}' are the same two names in another order", False
        return None
    kind, how = rel
    if given == "different":
        return None  # the same surname with another given name: another person (brothers, spouses)
    s_words = f"surnames '{x.last}' and '{y.last}' are {how}" if how else f"the same surname '{y.last}'"
    if given in ("same", "variant"):
        g_words = f"the same given name '{y.first}'" if given == "same" else \
            f"given names '{x.first}' and '{y.first}' are one name"
        score = {"same": 0.97, "variant": 0.93, "close": 0.75}[kind] - (0.02 if given == "variant" else 0)
        return score, f"{g_words}; {s_words}", kind == "close"
    return (0.7 if kind != "close" else 0.5), f"an initial matches; {s_words}", False  # given == "initial"


def _compare_collectives(a: Record, b: Record) -> tuple[float, str, str, str] | Literal[False] | None:
    """Two generic actors of one core (:func:`graph.identity_collectives.collective_relation`): one
    collective when some names of theirs carry the same qualifiers ("Russian forces", "occupation
    forces"); a candidate when one says where from and the other does not ("security forces",
    "Russian security forces"); ``False`` for two countries' forces; None: the cores differ."""
    best: tuple[float, str, str, str] | None = None
    for x in a.names:
        for y in b.names:
            rel = collective_relation(x.text, y.text)
            if rel == "apart":
                return False
            if rel == "same":
                why = f"'{x.text}' and '{y.text}' name one collective"
                if x.full != y.full and "occupier" in collective_signature(x.text)[1]:
                    why += " (for armed forces an occupying state and 'occupation' are one qualifier)"
                found = (0.92 if x.full != y.full else 0.95, why, x.text, y.text)
            elif rel == "maybe":
                found = (0.65, f"'{x.text}' may be '{y.text}': one says whose, the other does not", x.text, y.text)
            else:
                continue
            if best is None or found[0] > best[0]:
                best = found
    return best


def _compare_other(a: Record, b: Record, ambiguous: Collection[tuple[str, ...]] = (),
                   typos: Mapping[str, str] | None = None) -> tuple[float, str, str, str] | None:
    best: tuple[float, str, str, str] | None = None
    # A two-letter acronym its own record spells out ("SG" beside "UN Secretary-General") abbreviates
    # that name: it is not the initials of another record's name ("Soviet government").
    spelled = [any(n.org is not None and not n.org.acronym for n in r.names) for r in (a, b)]
    for x in a.names:
        for y in b.names:
            if _numbers(x.full) != _numbers(y.full):
                continue
            found: tuple[float, str, str, str] | None = None
            if x.org is not None and y.org is not None:
                said = compare_orgs(x.org, y.org)
                if said is False:
                    return None  # the names say two organisations (another country, another city)
                if said and (len(x.org.acronym) == 2 and spelled[0] and not y.org.acronym
                             or len(y.org.acronym) == 2 and spelled[1] and not x.org.acronym):
                    continue
                if said:
                    found = (said[0], said[1], x.text, y.text)
                    if said[0] >= SURE and x.org.words_key == y.org.words_key and not same_qualifiers(x.org, y.org) \
                            and x.org.words_key in ambiguous:
                        # "the Mejlis" where two Mejlises are known: which one is for a person to say.
                        found = (0.7, f"{said[1]}; other organisations known by that name", x.text, y.text)
                # Two acronyms that differ are never the same name, whatever the folds make of them,
                # unless one is a typing slip of the only acronym the index knows like it.
                if x.org.acronym and y.org.acronym and x.org.acronym != y.org.acronym:
                    slip = _slip(x.org.acronym, y.org.acronym, typos or {})
                    if slip is not None:
                        t, k = (x.text, y.text) if slip == x.org.acronym else (y.text, x.text)
                        found = (TYPO_SURE, f"'{t}' is '{k}' with neighbouring letters swapped: the only organisation "
                                 f"known by an acronym so close, and no name spells out '{t}'", x.text, y.text)
                    if found is not None and (best is None or found[0] > best[0]):
                        best = found
                    continue
            if x.full == y.full:
                found = (0.95, f"the same name after transliteration ('{x.text}')", x.text, y.text)
            elif found is None:
                ratio = fuzz.token_sort_ratio(x.full, y.full)
                acro = None if x.org is not None else (_acronym(x, y) or _acronym(y, x))
                if ratio >= 90 and (x.org is None or y.org is None or _words_close(x.full, y.full)):
                    found = (0.75, f"names {ratio:.0f}% alike ('{x.text}', '{y.text}')", x.text, y.text)
                elif acro:
                    found = (0.7, f"'{acro[0]}' is the initials of '{acro[1]}'", x.text, y.text)
            if found is not None and (best is None or found[0] > best[0]):
                best = found
    return best


def _slip(a: str, b: str, typos: Mapping[str, str]) -> str | None:
    """The acronym of ``a`` and ``b`` that is a typing slip of the other (per the index), or None."""
    if typos.get(a) == b:
        return a
    if typos.get(b) == a:
        return b
    return None


def _words_close(a: str, b: str) -> bool:
    """True when each word of one name is spelled close to a word of the other: Zheleznodorozhny and
    Zheleznodorozhnyi, but not Southern and Northern (another word, another court)."""
    wa, wb = sorted(set(a.split()) - set(b.split())), sorted(set(b.split()) - set(a.split()))
    return len(wa) == len(wb) and all(fuzz.ratio(x, y) >= 80 for x, y in zip(wa, wb, strict=True))


def compatible(a: Record, b: Record) -> bool:
    """Whether ``a`` and ``b`` may stand in one group of a batch beside a third record.

    People must each match every other member (a surname alone must not chain two
    brothers); an organisation only must not be said to be another one (another place,
    another number): "FSB" and "Russian Federal Security Service" meet through "Federal
    Security Service (FSB)".
    """
    if a.label != "Organisation" or b.label != "Organisation":
        return compare(a, b) is not None
    if a.generic != b.generic or a.generic and not _one_collective(a, b):
        return False
    if a.generic:
        # Another country's forces, or a name that says whose beside one that does not, never
        # joins a group through a third name.
        rels = {collective_relation(x.text, y.text) for x in a.names for y in b.names}
        if "apart" in rels or "maybe" in rels and "same" not in rels:
            return False
    for x in a.names:
        for y in b.names:
            if _numbers(x.full) != _numbers(y.full):
                return False
            if x.org is not None and y.org is not None and compare_orgs(x.org, y.org) is False:
                return False
    return True


def _one_collective(a: Record, b: Record) -> bool:
    """Two generic actors may be one only where some name of each is the same collective noun phrase."""
    return any(same_collective(x.text, y.text) for x in a.names for y in b.names)


def _numbers(full: str) -> list[str]:
    return [w for w in full.split() if w.isdigit()]


def _acronym(x: ParsedName, y: ParsedName) -> tuple[str, str] | None:
    short = x.text.replace(".", "")
    if not (2 <= len(short) <= 6 and short.isupper() and " " not in short):
        return None
    initials = "".join(w[0] for w in re.findall(r"[^\W\d_]+", y.text) if w.casefold() not in STOP).upper()
    return (x.text, y.text) if initials == short.upper() else None


def _other_given(a: Record, b: Record) -> bool:
    """True when the two name one surname with two different whole given names (not initials):
    "R. Darkarev" in both alias lists does not make Rinat and Rustem Darkarev one man."""
    for x in a.names:
        for y in b.names:
            if len(x.given) > 1 and len(y.given) > 1 and surnames_relate(x.surname, y.surname) is not None \
                    and givens_relate(x.given, y.given) == "different" and not name_slip(x, y):
                return True
    return False


def compare(a: Record, b: Record, shared_surnames: dict[str, int] | None = None, i: int = -1, j: int = -1,
            ambiguous: Collection[tuple[str, ...]] = (), typos: Mapping[str, str] | None = None) -> Match | None:
    """Whether ``a`` and ``b`` may be one actor: a :class:`Match` with score and reason, or None.

    ``shared_surnames`` (how many people have each surname) and ``ambiguous`` (organisation
    heads that name two known organisations) come from the index: what it knows lowers a
    merge to a candidate; ``typos`` (acronyms that are a slip of the one acronym the index
    knows like them, :func:`graph.identity_orgs.typo_acronyms`) raises such a pair to one."""
    if a.label != b.label or a.key == b.key and a.origin == b.origin:
        return None
    if a.generic != b.generic:
        return None  # a collective actor is never a specific agency
    if a.generic and b.generic:
        if not _one_collective(a, b):
            return None  # "law enforcement" and "security forces": two collectives, whatever else is alike
        said_c = _compare_collectives(a, b)
        if said_c is False:
            return None  # Russian and Ukrainian forces
        if said_c is None:  # other cores ("occupiers", "occupation authorities"): by name, never more than a candidate
            found_c = _compare_other(a, b, ambiguous)
            said_c = (min(found_c[0], 0.65), *found_c[1:]) if found_c else None
        return Match(a.key, b.key, said_c[0], said_c[1], said_c[2], said_c[3], i, j) if said_c else None
    if a.label == "Location":
        said = _compare_places(a, b)
        if said is False:
            return None  # a city and its region: two places, whatever else is alike
        if said:
            return Match(a.key, b.key, said[0], said[1], said[2], said[3], i, j)
    if a.label != "Person":
        found = _compare_other(a, b, ambiguous, typos)
        return Match(a.key, b.key, found[0], found[1], found[2], found[3], i, j) if found else None
    best: tuple[float, str, str, str, bool] | None = None
    for x in a.names:
        for y in b.names:
            scored = _compare_names(x, y)
            if scored is not None and (best is None or scored[0] > best[0]):
                best = (scored[0], scored[1], x.text, y.text, scored[2])
    if best is None or (len(a.names) > 1 or len(b.names) > 1) and _other_given(a, b):
        return None
    score, reason, ln, rn, close = best
    if not (a.full_name and b.full_name):
        score = min(score, 0.65)  # a surname alone is a candidate, never a merge
        surname = (a if not a.full_name else b).names[0].surname
        n = (shared_surnames or {}).get(surname, 0)
        if n > 1:
            score = min(score, DOUBT)
            reason += f"; {n} people have that surname"
    return Match(a.key, b.key, round(score, 3), reason, ln, rn, i, j, close and a.full_name and b.full_name)

