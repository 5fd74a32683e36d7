"""Collective actors for the identity resolver: which generic names ("law enforcement", "security
forces", "occupiers") may be one collective.

:func:`collective_core` reads a name's core (its words less places, member words and hedges);
:func:`same_collective` says whether two names may be one collective at all (the head noun of
one is a word of the other); :func:`collective_relation` says how two names of one core relate
(the same qualifiers, one says whose and the other not, two countries'), reading an occupying
state and "occupation" as one qualifier for armed forces (:func:`collective_signature`).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Literal

from graph.identity_words import PLACE_FILLERS, STOP, place_of, tokens

__all__ = ["collective_core", "same_collective", "collective_families", "collective_signature", "collective_relation",
           "OCCUPYING_STATES"]


# Words of a collective's name that say who its members are, not which collective it is
# ("law enforcement officers" is law enforcement), and words that only hedge it.
_MEMBER_WORDS = frozenset("""
officer officers official officials agent agents employee employees personnel staff member members men man
servicemen serviceman operative operatives representative representatives people unnamed unidentified
de so called so-called
""".split())
# Words that say a body was set up by the occupying state, not which state's body it is: "de facto",
# "Russian-installed" authorities are the occupation authorities, not Moscow's ("Russian authorities").
_OCCUPATION_WORDS = frozenset({"facto", "de-facto", "installed", "imposed"})
# Words that say where a collective's members are from or work, not which collective it is: "human rights defenders
# from Crimea" are the "Crimean human rights defenders" (the place after "from" qualifies it as "Crimean" does), and
# "local journalists" are the journalists of the place the text speaks of, no narrower group (round 16, ident16).
_WHERE_WORDS = frozenset({"from", "local"})
_OCCUPATION_SUFFIXES = ("-installed", "-imposed", "-backed")


def _occupation_word(w: str) -> bool:
    return w in _OCCUPATION_WORDS or w.endswith(_OCCUPATION_SUFFIXES)


@lru_cache(maxsize=65536)
def collective_core(text: str) -> tuple[str, ...]:
    """The words that say which collective a generic name is, as 4-letter stems, head noun last:
    places, member words and hedges go ("Russian law enforcement officers" is ``('law', 'enfo')``).

    >>> collective_core("law enforcement officers"), collective_core("Russian security forces")
    (('law', 'enfo'), ('secu', 'forc'))
    >>> collective_core("policemen"), collective_core("de facto authorities"), collective_core("masked men")
    (('poli',), ('occu', 'auth'), ('mask',))
    >>> collective_core("Russian-installed authorities") == collective_core("occupation authorities")
    True
    >>> collective_core("human rights defenders from Crimea") == collective_core("Crimean human right defenders")
    True
    >>> collective_core("local journalists")
    ('jour',)
    """
    words = [("occupation" if _occupation_word(w) else w, raw) for w, raw in tokens(text)
             if w not in STOP and w not in PLACE_FILLERS and w not in _WHERE_WORDS]
    core = [w for w, raw in words if not place_of(w, raw) and w not in _MEMBER_WORDS]
    if not core:  # "men", "the people": the member word is the collective
        core = [w for w, _ in words]
    return tuple(dict.fromkeys(w[:4] for w in core))


def same_collective(a: str, b: str) -> bool:
    """Whether two generic names may be one collective: the head noun of one is a word of the other.

    Each distinct collective noun phrase is its own actor ("security forces" are not "law
    enforcement"); a name and its derived noun stay one ("occupiers", "occupation authorities").

    >>> same_collective("law enforcement officers", "law enforcement"), same_collective("occupiers", "occupation authorities")
    (True, True)
    >>> same_collective("law enforcement", "security forces"), same_collective("security forces", "security services")
    (False, False)
    """
    x, y = collective_core(a), collective_core(b)
    return bool(x and y) and (x[-1] in y or y[-1] in x)


def collective_families(name: str, aliases: Iterable[str]) -> list[tuple[str, list[str]]]:
    """A generic actor's names grouped by :func:`same_collective`, the ``name``'s group first:
    a list that calls two collectives by one key ("law enforcement", "security forces") becomes
    one actor per collective noun phrase (each later group named by its first alias).

    >>> collective_families("law enforcement officers", ["law enforcement", "security forces", "the security forces"])
    [('law enforcement officers', ['law enforcement']), ('security forces', ['the security forces'])]
    """
    groups: list[tuple[str, list[str]]] = [(name, [])]
    for alias in aliases:
        for head, rest in groups:
            if same_collective(head, alias):
                rest.append(alias)
                break
        else:
            groups.append((alias, []))
    return groups


# The occupying state of the territories the corpus covers: its forces there are the occupation
# forces, so for armed forces "Russian" and "occupation" are one qualifier ("Russian forces",
# "occupation forces", "Russian occupation forces"). Not for other collectives: "Russian
# authorities" (Moscow) and the "occupation authorities" (in Crimea) may be two.
OCCUPYING_STATES = frozenset({"russia"})
# Head nouns (as 4-letter stems) of armed collectives.
_ARMED = frozenset({"forc", "troo", "army", "mili", "sold", "figh", "unit"})
_OCCUPATION = "occu"  # occupation, occupying, occupiers, occupational
# Words in front of an armed head that say what it is, not which one ("Russian military forces").
_ARMED_MODIFIERS = frozenset({"mili", "arme"})


@lru_cache(maxsize=65536)
def collective_signature(text: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """A generic name as (core, qualifiers): the core of :func:`collective_core` and the places that
    qualify it; for armed forces an occupying state and "occupation" are one qualifier, "occupier".

    >>> collective_signature("Russian forces") == collective_signature("occupation forces") \\
    ...     == collective_signature("Russian occupation forces") == collective_signature("Russian military forces") \\
    ...     == (("forc",), frozenset({"occupier"}))
    True
    >>> collective_signature("Russian security forces"), collective_signature("security forces")
    ((('secu', 'forc'), frozenset({'occupier'})), (('secu', 'forc'), frozenset()))
    >>> collective_signature("occupation authorities"), collective_signature("Russian authorities")
    ((('occu', 'auth'), frozenset()), (('auth',), frozenset({'russia'})))
    """
    core = collective_core(text)
    places = frozenset(p for w, raw in tokens(text) if (p := place_of(w, raw)))
    armed = bool(core) and (core[-1] in _ARMED or core == (_OCCUPATION,))
    if armed:
        core = tuple(c for c in core[:-1] if c not in _ARMED_MODIFIERS) + core[-1:]
    if armed and (_OCCUPATION in core or places & OCCUPYING_STATES):
        places = (places - OCCUPYING_STATES) | {"occupier"}
        core = tuple(c for c in core if c != _OCCUPATION) or core
    return core, places


def collective_relation(a: str, b: str) -> Literal["same", "maybe", "apart"] | None:
    """How two generic names relate when they name one kind of collective (the same core):
    "same" (the same qualifiers: "law enforcement officers" and "law enforcement", "Russian
    forces" and "occupation forces"), "maybe" (one says where from, the other does not:
    "security forces" and "Russian security forces", which may be another country's), "apart"
    (two countries' forces); None when the cores differ (:func:`same_collective` decides).

    >>> collective_relation("Russian forces", "occupation forces"), collective_relation("security forces", "Russian security forces")
    ('same', 'maybe')
    >>> collective_relation("Russian security forces", "Ukrainian security forces"), collective_relation("police", "forces")
    ('apart', None)
    >>> collective_relation("Russian de facto authorities", "Russian authorities")  # occupation authorities, not Moscow's
    """
    (ca, qa), (cb, qb) = collective_signature(a), collective_signature(b)
    if ca != cb:
        return None
    if qa == qb:
        return "same"
    return "maybe" if qa <= qb or qb <= qa else "apart"
