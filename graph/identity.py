"""One actor, one key: which entities may be one person or organisation, with a score and a reason.

The one identity resolver of casegraph: ``extract`` uses it within a batch of articles and
against ``--corpus``, ``xref`` over fact files or Neo4j, ``review`` and ``xref --review``
show its reasons. It follows nomenklatura's xref in three steps:

1. **Names are folded** (:func:`fold`): NFKC, the Crimean Tatar Latin letters (``Ç`` = ch,
   ``C`` = dzh), anyascii for every script, then transliteration folds, so Dzhelyal,
   Dzhelial, Djelal, Celâl and Джелял meet, as do -yaev/-iaev, -ai/-ay and kh/h/k
   (Akhtemov, Ahtemov, Aktemov). Role words in front of a name go (``attorney X``,
   ``President Y``).
2. **Blocking** (:class:`IdentityIndex`): each entity is filed under a few cheap keys (the
   consonant skeleton of its surname, alone and with the given name's initial, and the same
   with its letters sorted, which catches swapped letters). Only entities that share a key
   are compared, and a key shared by more than ``max_block`` entities is dropped (it says
   nothing); there is no all-pairs comparison.
3. **A judgement model** (:func:`compare`) reads given names and surnames apart and gives a
   score from 0 to 1 and a sentence saying why. The rules: a shared first name is never
   evidence; the same surname with another given name is another person (brothers); a
   surname alone, or a close spelling, is a *candidate* for a person to decide, never a
   merge; collective (``generic``) actors never match specific ones; labels must agree.

Pairs at or above :data:`SURE` are one actor; pairs from :data:`DOUBT` up are candidates.

>>> idx = IdentityIndex([Record("person:a", "Person", "Nariman Dzhelyal"), Record("person:b", "Person", "Нариман Джелял"),
...                      Record("person:c", "Person", "Nariman Ametov"), Record("person:d", "Person", "Asan Akhtemov"),
...                      Record("person:e", "Person", "Asan Aktemov"), Record("person:f", "Person", "Aziz Akhtemov")])
>>> [(m.left, m.right, m.sure) for m in idx.candidates()]
[('person:a', 'person:b', True), ('person:d', 'person:e', True)]
"""

from __future__ import annotations

import gc
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from typing import NamedTuple

from anyascii import anyascii
from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler

from graph.identity_orgs import OrgName, compare_orgs, org_block_keys, parse_org
from graph.ontology import default_ontology

__all__ = ["SURE", "DOUBT", "Record", "Match", "IdentityIndex", "compare", "fold", "strip_roles", "skeleton",
           "clusters", "compatible"]

SURE = 0.9    # at or above: one actor (merged in a batch; still shown by xref until judged)
DOUBT = 0.6   # at or above: a candidate for a person to decide
_LONE_CLOSE = 0.5  # a surname alone beside a close spelling of it: the most a pair met only by swapped letters gets

# Letters whose sound anyascii would blur, mapped before it (Crimean Tatar Latin: ç = ch,
# ş = sh, c = dzh, ı = i): Çelebiev and Chelebiev meet, Celâl and Dzhelyal too.
_PREFOLDS = (("ç", "ch"), ("Ç", "Ch"), ("ş", "sh"), ("Ş", "Sh"), ("ğ", "gh"), ("Ğ", "Gh"), ("ı", "i"), ("İ", "I"))
# Folds on the ASCII form, in order. "ch" and "sh" are shielded while "c" becomes "j" (the
# Crimean Tatar c) and a lone "h" becomes "k" (Akhtemov, Ahtemov and Aktemov are one name).
_FOLDS = (
    ("dzh", "j"), ("dj", "j"), ("zh", "j"), ("ch", "9"), ("sh", "8"), ("kh", "k"), ("gh", "g"), ("ph", "f"),
    ("th", "t"), ("c", "j"), ("h", "k"), ("9", "ch"), ("8", "sh"), ("tz", "ts"), ("x", "ks"), ("q", "k"),
    ("yy", "y"), ("iy", "i"), ("ya", "ia"), ("ye", "e"), ("yu", "iu"), ("yo", "io"), ("y", "i"), ("ii", "i"),
    ("w", "v"), ("ck", "k"),
)
_VOWELS = frozenset("aeiou")
# Words that introduce a name but are not part of it ("attorney X", "President Y").
ROLE_WORDS = frozenset("""
mr mrs ms miss dr prof professor sir madam mister
attorney lawyer advocate barrister counsel defender solicitor notary
president vice prime minister deputy head chair chairman chairwoman chairperson leader director chief
judge justice prosecutor investigator officer inspector agent detective
general colonel lieutenant major captain sergeant commander admiral
activist journalist blogger reporter editor citizen resident teacher imam mufti ombudsman ombudsperson
spokesman spokeswoman spokesperson representative member secretary governor mayor senator mp
brother sister son daughter wife husband mother father uncle nephew
political prisoner human rights defender the a an
""".split())
_STOP = frozenset({"the", "of", "and", "for", "in", "on", "at", "a", "an"})
_INITIAL_RE = re.compile(r"^\w\.?$")


@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """A name's spelling skeleton: folded ASCII words, one space apart.

    >>> [fold(n) for n in ("Dzhelyal", "Dzhelial", "Djelal", "Celâl", "Джелял")]
    ['jelial', 'jelial', 'jelal', 'jelal', 'jelial']
    >>> fold("Akhtemov") == fold("Ahtemov") == fold("Aktemov"), fold("Seitveliyev") == fold("Seitveliev")
    (True, True)
    >>> fold("Emir-Huseyn Kuku") == fold("Emir-Usein Kuku"), fold("Hasan") == fold("Asan")
    (True, True)
    """
    text = unicodedata.normalize("NFKC", text)
    for a, b in _PREFOLDS:
        text = text.replace(a, b)
    out = re.sub(r"[^a-z ]+", "", re.sub(r"[\s\-‐‑‒–—_.,]+", " ", anyascii(text).lower()))
    # A word-initial lone "h" before a vowel comes and goes between romanisations of Crimean
    # Tatar and Turkic names (Huseyn and Usein, Hasan and Asan): not part of the skeleton.
    out = re.sub(r"\bh(?=[aeiouy])", "", out)
    for a, b in _FOLDS:
        out = out.replace(a, b)
    out = re.sub(r"ff\b", "v", out)  # the German-style ending: Velkaroff is Velkarov
    out = re.sub(r"(.)\1+", r"\1", out)  # doubled letters: Seitveliiev, Velkarovv
    return re.sub(r"\s+", " ", out).strip()


def strip_roles(name: str) -> str:
    """``name`` without the role words and honorifics in front of it.

    >>> strip_roles("attorney Emil Kurbedinov"), strip_roles("President Volodymyr Zelensky"), strip_roles("Judge")
    ('Emil Kurbedinov', 'Volodymyr Zelensky', 'Judge')
    """
    words = name.split()
    i = 0
    while i < len(words) - 1 and words[i].strip(".,:’'").casefold() in ROLE_WORDS:
        i += 1
    return " ".join(words[i:]) if i else name.strip()


@lru_cache(maxsize=262144)
def skeleton(word: str) -> str:
    """The first letter and the consonants of a folded word (vowels carry most spelling noise).

    The affricates are one letter here: a Crimean Tatar ``Ç`` that lost its cedilla reads
    as ``C`` (= dzh), so Chiygoz and Ciygoz must still meet.

    >>> skeleton("jelial"), skeleton("jelal"), skeleton("aktemov"), skeleton("chigoz") == skeleton("jigoz")
    ('cl', 'cl', 'aktmv', True)
    >>> skeleton(fold("Oleh")) == skeleton(fold("Oleg"))
    True
    """
    word = _sound(word)
    if not word:
        return ""
    return re.sub(r"(.)\1+", r"\1", word[0] + "".join(c for c in word[1:] if c not in _VOWELS))


def _sound(word: str, velars: bool = True) -> str:
    # Affricates are one letter, and so are the velars: Ukrainian г is h (Oleh, Hennadiy),
    # Russian г is g (Oleg, Gennadiy), Turkic kh/h is k (Akhtemov, Ahtemov). Blocking and
    # given names use both; a surname is a sure variant only without the velars (g against
    # kh may be two families), so that one stays a candidate.
    word = word.replace("ch", "c").replace("j", "c")
    return word.replace("g", "k") if velars else word


@lru_cache(maxsize=262144)
def _strict(word: str) -> str:
    word = _sound(word, velars=False)
    return re.sub(r"(.)\1+", r"\1", word[:1] + "".join(c for c in word[1:] if c not in _VOWELS))


@dataclass(frozen=True)
class _Name:
    text: str          # as written (role words stripped)
    given: str         # folded, "" for a surname alone
    surname: str       # folded last word
    full: str          # folded whole name
    roles: bool        # role words were stripped
    initial: str = ""  # the given name's first letter before folding (D. for Dzhamila)
    org: OrgName | None = None  # an organisation's name read (graph.identity_orgs)
    first: str = ""    # the first and last words as written, for reasons
    last: str = ""


def _parse(text: str, person: bool, org: bool = False) -> _Name | None:
    stripped = strip_roles(text) if person else text.strip()
    folded = fold(stripped)
    if not folded:
        return None
    words = folded.split()
    if not person:
        # Numbers name different things here (SIZO-1, SIZO-2; Article 205, Article 280).
        numbers = re.findall(r"\d+", unicodedata.normalize("NFKC", stripped))
        return _Name(stripped, "", "", " ".join([*(w for w in words if w not in _STOP), *numbers]) or folded, False,
                     org=parse_org(stripped) if org else None)
    given = words[0] if len(words) > 1 else ""
    initial = anyascii(stripped[:1]).lower()[:1] if given else ""
    written = stripped.split()
    return _Name(stripped, given, words[-1], folded, stripped != text.strip(), initial, None, written[0], written[-1])


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
    names: list[_Name] = field(default_factory=list, repr=False)
    full_name: bool = field(default=False, init=False, repr=False)

    def __post_init__(self) -> None:
        person = self.label == "Person"
        org = self.label == "Organisation"
        seen: set[tuple[str, str]] = set()
        for text in [self.name, *self.aliases]:
            parsed = _parse(str(text), person, org)
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


@lru_cache(maxsize=262144)
def _surnames(a: str, b: str) -> tuple[str, str] | None:
    """How two folded surnames relate: ('same'|'variant'|'close', how), or None."""
    if a == b:
        return "same", ""
    if a + "a" == b or b + "a" == a:
        return "close", "the same surname in its masculine and feminine forms"
    ska, skb = skeleton(a), skeleton(b)
    ratio = max(fuzz.ratio(a, b), fuzz.ratio(_sound(a, False), _sound(b, False)))
    if _strict(a) == _strict(b) and ratio >= 85:
        return "variant", f"one name in two transliterations ('{ska}')"
    if JaroWinkler.similarity(a, b) >= 0.9 or (len(ska) >= 4 and sorted(ska) == sorted(skb) and ratio >= 70):
        return "close", f"spelled close ({ratio:.0f}% alike)"
    return None


@lru_cache(maxsize=65536)
def _givens(a: str, b: str) -> str:
    """'same', 'variant', 'initial', 'absent' or 'different' for two folded given names."""
    if not a or not b:
        return "absent"
    if len(a) == 1 or len(b) == 1:  # an initial is never more than an initial, even two alike
        return "initial" if a[0] == b[0] else "different"
    if a == b:
        return "same"
    if a + "a" == b or b + "a" == a:
        return "different"  # Zhan and Zhanna, Aleksandr and Aleksandra
    if skeleton(a) == skeleton(b) and fuzz.ratio(_sound(a), _sound(b)) >= 85:
        return "variant"
    return "different"


@lru_cache(maxsize=262144)
def _compare_lone(lone: str, xs: str, ys: str, xl: str, yl: str) -> tuple[float, str, bool] | None:
    """:func:`_compare_names` when one name (``lone``) is a surname alone: it depends only on the
    surnames, so the many pairs of one surname alone with everyone of that surname share one answer."""
    rel = _surnames(xs, ys)
    if rel is None:
        return None
    kind, how = rel
    s_words = f"surnames '{xl}' and '{yl}' are {how}" if how else f"the same surname '{yl}'"
    # A surname alone on one side: a candidate, never a merge.
    return (0.65 if kind != "close" else _LONE_CLOSE), f"'{lone}' is a surname alone; {s_words}", False


@lru_cache(maxsize=262144)
def _lone_pair(lone: str, xs: str, ys: str, xl: str, yl: str, shared: int) -> tuple[float, str] | None:
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


def _compare_names(x: _Name, y: _Name) -> tuple[float, str, bool] | None:
    """Score and reason for two person names, or None when they name different people."""
    if not x.given or not y.given:
        return _compare_lone((y if x.given else x).text, x.surname, y.surname, x.last, y.last)
    if x.full == y.full and len(x.given) > 1:
        return 0.99, f"the same name after transliteration ('{x.text}', '{y.text}')", False
    rel = _surnames(x.surname, y.surname)
    given = _givens(x.given, y.given)
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


def _compare_other(a: Record, b: Record) -> tuple[float, str, str, str] | None:
    best: tuple[float, str, str, str] | None = None
    for x in a.names:
        for y in b.names:
            if _numbers(x.full) != _numbers(y.full):
                continue
            found: tuple[float, str, str, str] | None = None
            if x.org is not None and y.org is not None:
                said = compare_orgs(x.org, y.org)
                if said is False:
                    return None  # the names say two organisations (another country, another city)
                if said:
                    found = (said[0], said[1], x.text, y.text)
                # Two acronyms that differ are never the same name, whatever the folds make of them.
                if x.org.acronym and y.org.acronym and x.org.acronym != y.org.acronym:
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
    if a.generic != b.generic:
        return False
    for x in a.names:
        for y in b.names:
            if _numbers(x.full) != _numbers(y.full):
                return False
            if x.org is not None and y.org is not None and compare_orgs(x.org, y.org) is False:
                return False
    return True


def _numbers(full: str) -> list[str]:
    return [w for w in full.split() if w.isdigit()]


def _acronym(x: _Name, y: _Name) -> tuple[str, str] | None:
    short = x.text.replace(".", "")
    if not (2 <= len(short) <= 6 and short.isupper() and " " not in short):
        return None
    initials = "".join(w[0] for w in re.findall(r"[^\W\d_]+", y.text) if w.casefold() not in _STOP).upper()
    return (x.text, y.text) if initials == short.upper() else None


def _other_given(a: Record, b: Record) -> bool:
    """True when the two name one surname with two different whole given names (not initials):
    "R. Darkarev" in both alias lists does not make Rinat and Rustem Darkarev one man."""
    for x in a.names:
        for y in b.names:
            if len(x.given) > 1 and len(y.given) > 1 and _surnames(x.surname, y.surname) is not None \
                    and _givens(x.given, y.given) == "different":
                return True
    return False


def compare(a: Record, b: Record, shared_surnames: dict[str, int] | None = None, i: int = -1, j: int = -1) -> Match | None:
    """Whether ``a`` and ``b`` may be one actor: a :class:`Match` with score and reason, or None."""
    if a.label != b.label or a.key == b.key and a.origin == b.origin:
        return None
    if a.generic != b.generic:
        return None  # a collective actor is never a specific agency
    if a.label != "Person":
        found = _compare_other(a, b)
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


def _block_keys(r: Record) -> set[str]:
    keys: set[str] = set()
    for n in r.names:
        if r.label == "Person":
            sk = skeleton(n.surname)
            if len(sk) < 2:  # a short surname (Kuku: skeleton "k") blocks on its whole folded form
                if len(n.surname) < 3:
                    continue
                sk = "=" + n.surname
            srt = "".join(sorted(sk))
            keys.update((f"s:{sk}", f"t:{srt}"))
            if n.given:
                # Given initial and surname, also with the surname's letters sorted (swapped
                # letters); both names' skeletons in sorted order (a surname written first).
                keys.update((f"f:{n.given[0]}|{sk}", f"u:{n.given[0]}|{srt}", f"f:{n.initial}|{sk}",
                             "p:" + "|".join(sorted((skeleton(n.given), sk)))))
        else:
            words = n.full.split()
            keys.add(f"n:{n.full}")
            if n.org is not None:
                keys.update(org_block_keys(n.org))
            keys.update(f"w:{skeleton(w)}" for w in words if len(w) >= 4)
            if len(words) > 1:
                keys.add("a:" + "".join(w[0] for w in words))
            elif n.text.isupper():
                keys.add("a:" + n.full)
    return keys


@contextmanager
def _gc_paused() -> Iterator[None]:
    """The cycle collector off while an index is built or scored: it makes hundreds of
    thousands of records, names and matches, none of them in a cycle, and each collection
    would walk them all again (a third of the time at 100,000 entities)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class IdentityIndex:
    """A blocking index over records; :meth:`candidates` scores the pairs that share a block."""

    def __init__(self, records: Iterable[Record], max_block: int = 200, labels: Sequence[str] | None = None):
        with _gc_paused():
            self._build(records, max_block, labels)

    def _build(self, records: Iterable[Record], max_block: int, labels: Sequence[str] | None) -> None:
        if labels is None:  # the ontology's `resolve: true` labels (events and cases follow their people)
            labels = default_ontology().resolved_labels
        self.records = [r for r in records if r.label in labels and r.names]
        self.lone = [r.label == "Person" and not r.full_name for r in self.records]
        self.max_block = max_block
        self.blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, r in enumerate(self.records):
            for key in _block_keys(r):
                self.blocks[(r.label, key)].append(i)
        # How many full-name people share each surname (different given names): a surname
        # alone that several people have is a candidate at the threshold, never more.
        givens: dict[str, set[str]] = defaultdict(set)
        for r in self.records:
            if r.label == "Person":
                for n in r.names:
                    if n.given:
                        givens[n.surname].add(n.given)
        self.shared_surnames = {s: len(g) for s, g in givens.items() if len(g) > 1}

    def pairs(self, min_score: float = 0.0) -> Iterator[tuple[int, int]]:
        """Each pair of records that share a block, once (blocks past ``max_block`` are skipped):
        the pairs :meth:`candidates` compares for ``min_score``.

        A surname block (``s:``, ``t:``) pairs only its people named by a surname alone
        with the others: two full names meet in the blocks of their given initial. The
        sorted-letters surname block (``t:``) can only give a surname alone a close spelling
        (score :data:`_LONE_CLOSE`), so it is read only when ``min_score`` goes that low.
        """
        n = len(self.records)
        for code in self._pair_codes(min_score):
            yield divmod(code, n)

    def _pair_codes(self, min_score: float = 0.0) -> set[int]:
        # Pairs as one int each (i * n + j, i < j), gathered block by block in C-level loops:
        # members are appended in record order, so each block's list is sorted already.
        n, lone = len(self.records), self.lone
        codes: set[int] = set()
        swapped = min_score <= _LONE_CLOSE
        for (_label, key), members in self.blocks.items():
            if len(members) < 2 or len(members) > self.max_block or key[:2] == "t:" and not swapped:
                continue
            if key[:2] in ("s:", "t:"):
                alone = [i for i in members if lone[i]]
                if not alone:
                    continue
                codes.update(i * n + j for i, j in combinations(alone, 2))
                codes.update(i * n + j if i < j else j * n + i for i in alone for j in members if not lone[j])
            else:
                codes.update(i * n + j for i, j in combinations(members, 2))
        return codes

    def candidates(self, min_score: float = DOUBT, among: Collection[int] | None = None) -> list[Match]:
        """Scored pairs from ``min_score`` up, best first (ties by key); with ``among``, only
        pairs with at least one of those records (new drafts against a big corpus)."""
        with _gc_paused():
            return self._candidates(min_score, among)

    def _candidates(self, min_score: float, among: Collection[int] | None) -> list[Match]:
        out: list[Match] = []
        records, shared, n, lone = self.records, self.shared_surnames, len(self.records), self.lone
        # A person with one name, one side a surname alone: the answer depends on the two
        # surnames only (see _lone_pair), so those pairs, most of a big index's, skip compare().
        single = [r.names[0] if r.label == "Person" and len(r.names) == 1 else None for r in records]
        # In index order, not the set's: records next to each other stay in the CPU's caches,
        # which on a busy machine halves the time of this loop.
        for code in sorted(self._pair_codes(min_score)):
            i, j = divmod(code, n)
            if among is not None and i not in among and j not in among:
                continue
            a, b, x, y = records[i], records[j], single[i], single[j]
            if x is not None and y is not None and (lone[i] or lone[j]) and a.generic == b.generic \
                    and (a.key != b.key or a.origin != b.origin):
                alone = x if lone[i] else y
                got = _lone_pair(alone.text, x.surname, y.surname, x.last, y.last, shared.get(alone.surname, 0))
                if got is not None and got[0] >= min_score:
                    out.append(Match(a.key, b.key, got[0], got[1], x.text, y.text, i, j, False))
                continue
            m = compare(a, b, shared, i, j)
            if m is not None and m.score >= min_score:
                out.append(m)
        # Best first, ties by the keys then positions: two stable passes on ints (the keys' ranks),
        # cheaper than comparing tuples of strings.
        rank = {k: r for r, k in enumerate(sorted({records[i].key for m in out for i in (m.i, m.j)}))}
        nn = n * n
        out.sort(key=lambda m: (rank[m.left] * n + rank[m.right]) * nn + m.i * n + m.j)
        out.sort(key=lambda m: -m.score)
        return out


def clusters(n: int, matches: Iterable[Match],
             allowed: Callable[[list[int], list[int], Match], bool] | None = None) -> list[int]:
    """Union the sure matches into groups; ``allowed(members_a, members_b, match)`` may veto a union.

    Returns the group root of each of the ``n`` records. Matches are taken best first, so a
    weaker match cannot chain two groups a stronger judgement kept apart.
    """
    root = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    for m in sorted(matches, key=lambda m: -m.score):
        if not m.sure:
            continue
        a, b = find(m.i), find(m.j)
        if a == b or (allowed is not None and not allowed(members[a], members[b], m)):
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        root[b] = a
        members[a].extend(members.pop(b))
    return [find(i) for i in range(n)]
