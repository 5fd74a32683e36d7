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
- the same head, one name qualified by places and the other less or not at all: one
  organisation when the head is distinctive (a word beyond the generic vocabulary of
  institutions, such as Mejlis or Security); a candidate when it is generic ("Supreme
  Court" may be the Russian or the Crimean one);
- two acronyms spelled almost alike ("OHCHR", "OCHCR"): a candidate, never a merge;
- places that differ ("Russian Ministry of Justice", "Ukrainian Ministry of Justice"):
  never one organisation, whatever else is alike.

>>> compare_orgs(parse_org("Russian Federal Security Service"), parse_org("Federal Security Service"))[0]
0.92
>>> compare_orgs(parse_org("Crimean Mejlis"), parse_org("Mejlis of the Crimean Tatar People"))[0]
0.93
>>> compare_orgs(parse_org("OHCHR"), parse_org("Office of the High Commissioner for Human Rights"))[0]
0.92
>>> compare_orgs(parse_org("Supreme Court"), parse_org("Supreme Court of Crimea"))[0]
0.7
>>> compare_orgs(parse_org("Russian Ministry of Justice"), parse_org("Ukrainian Ministry of Justice"))
False
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from anyascii import anyascii
from rapidfuzz import fuzz

__all__ = ["OrgName", "parse_org", "compare_orgs", "org_block_keys", "SURE_ORG", "SAME_ORDER"]

SURE_ORG = 0.92    # an acronym and its expansion; a distinctive head with and without its place
SAME_ORDER = 0.93  # one head, the same places, another order
_CANDIDATE = 0.7

# Places and their adjectives, one canonical form each; any other capitalised word ending in
# -ian or -ean is read as a place adjective too (Georgian, Korean), its place the word less its "n".
_PLACES = {
    "russia": "russia", "russian": "russia", "rf": "russia", "ukraine": "ukraine", "ukrainian": "ukraine",
    "crimea": "crimea", "crimean": "crimea", "krym": "crimea", "sevastopol": "sevastopol", "simferopol": "simferopol",
    "kyiv": "kyiv", "kiev": "kyiv", "moscow": "moscow", "europe": "europe", "european": "europe",
    "belarus": "belarus", "belarusian": "belarus", "kazakh": "kazakhstan", "kazakhstan": "kazakhstan",
    "chechen": "chechnya", "chechnya": "chechnya", "dagestan": "dagestan", "tatarstan": "tatarstan",
    "donetsk": "donetsk", "luhansk": "luhansk", "lugansk": "luhansk", "kherson": "kherson",
    "zaporizhzhia": "zaporizhzhia", "krasnodar": "krasnodar", "rostov": "rostov", "british": "uk", "uk": "uk",
    "us": "us", "american": "us", "soviet": "ussr", "turkish": "turkey", "turkey": "turkey", "polish": "poland",
    "poland": "poland", "german": "germany", "germany": "germany", "french": "france", "france": "france",
}
_NOT_PLACES = frozenset({"civilian", "guardian", "median", "meridian", "christian", "librarian", "veterinarian"})
# Words between "of" and a place that leave the place a qualifier ("of the Republic of Crimea").
_PLACE_FILLERS = frozenset({"the", "republic", "autonomous", "federation", "city", "region", "oblast", "krai",
                            "of", "occupied", "annexed"})
_QUALIFIER_LINKS = frozenset({"of", "in", "for"})
_STOP = frozenset({"the", "of", "and", "for", "in", "on", "at", "a", "an", "to", "s"})
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


@dataclass(frozen=True)
class OrgName:
    """One organisation name, read: its words, head, places and possible initials."""

    text: str
    words: tuple[str, ...]       # content words, lower-case ASCII
    head: tuple[str, ...]        # the name without place qualifiers (empty: a place alone)
    places: frozenset[str]       # the places that qualify it
    acronym: str = ""            # the name itself, when it is an acronym (lower-case)
    initials: frozenset[str] = frozenset()  # what it may be abbreviated to

    @property
    def distinctive(self) -> bool:
        """True when the head has a word beyond the generic vocabulary of institutions."""
        return any(w not in GENERIC for w in self.head)


def _place(word: str, raw: str) -> str | None:
    if word in _PLACES:
        return _PLACES[word]
    if raw[:1].isupper() and len(word) > 5 and word.endswith(("ian", "ean")) and word not in _NOT_PLACES:
        return word[:-1]
    return None


def _tokens(text: str) -> list[tuple[str, str]]:
    """(lower-case ASCII word, word as written) pairs; a hyphenated word is one word (Co-operation)."""
    text = anyascii(unicodedata.normalize("NFKC", text))
    text = re.sub(r"['’]s\b", "", text)
    out = []
    for raw in re.split(r"[\s/,;:()\"“”«»]+", text):
        raw = raw.strip(".'’-")
        word = re.sub(r"[^a-z0-9-]", "", raw.lower()).strip("-")
        if word:
            out.append((word, raw))
    return out


@lru_cache(maxsize=131072)
def parse_org(text: str) -> OrgName:
    """Read an organisation name (see the module docstring).

    >>> o = parse_org("Supreme Court of the Republic of Crimea")
    >>> o.head, sorted(o.places)
    (('supreme', 'court'), ['crimea'])
    >>> parse_org("Russian Federal Security Service").head
    ('federal', 'security', 'service')
    """
    toks = _tokens(text)
    compact = text.replace(".", "").strip()
    acronym = compact.lower() if 2 <= len(compact) <= 7 and compact.isalpha() and compact.isupper() else ""
    places: set[str] = set()
    i = 0
    while i < len(toks) and (toks[i][0] == "the" or _place(*toks[i])):
        if toks[i][0] != "the":
            places.add(_place(*toks[i]) or "")
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
        if m < len(toks) and _place(*toks[m]):
            end = k
            places.update(p for w, raw in toks[k + 1:] if (p := _place(w, raw)))
            break
    words = tuple(w for w, _ in toks if w not in _STOP)
    head = tuple(w for w, _ in toks[lead:end] if w not in _STOP)
    if not head:  # a place alone ("Russia", "Russian Federation"): its words are its head
        head, places = words, set()
    initials = set()
    if not acronym:
        lead_words = [w for w, _ in toks[:lead] if w not in _STOP]
        tail = [w for w, _ in toks[end:] if w not in _STOP]
        for variant in (words, head, (*head, *tail), (*lead_words, *head)):
            if len(variant) >= 2:
                initials.add("".join(w[0] for w in variant))
    return OrgName(text, words, head, frozenset(places), acronym, frozenset(initials))


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
        return None
    if x.places and y.places and not (x.places <= y.places or y.places <= x.places):
        return False  # Russian and Ukrainian ministries, the courts of two cities
    if x.head != y.head or x.words == y.words:
        return None
    if x.places == y.places:
        return SAME_ORDER, f"'{x.text}' and '{y.text}' are one name with its place written elsewhere"
    less, more = (x, y) if len(x.places) < len(y.places) else (y, x)
    where = "without its place" if not less.places else "with fewer places"
    if x.distinctive:
        return SURE_ORG, f"'{less.text}' is '{more.text}' {where}"
    return _CANDIDATE, f"'{less.text}' may be '{more.text}' {where} (a generic name: which one?)"


def org_block_keys(o: OrgName) -> set[str]:
    """Blocking keys: the head, each initials form and acronym, and a key that brings near acronyms together."""
    keys = {"h:" + " ".join(o.head)}
    if o.acronym:
        keys.add("a:" + o.acronym)
        if len(o.acronym) >= 4:
            keys.add(f"q:{o.acronym[0]}{o.acronym[-1]}")
    keys.update("a:" + i for i in o.initials)
    return keys
