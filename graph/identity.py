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

Step 1 lives in :mod:`graph.identity_names` (and :mod:`graph.identity_orgs` for organisation
names), step 3 in :mod:`graph.identity_score`; this module blocks, scores the blocked pairs and
clusters the sure ones. Every public name stays importable from here.

>>> idx = IdentityIndex([Record("person:a", "Person", "Nariman Dzhelyal"), Record("person:b", "Person", "Нариман Джелял"),
...                      Record("person:c", "Person", "Nariman Ametov"), Record("person:d", "Person", "Asan Akhtemov"),
...                      Record("person:e", "Person", "Asan Aktemov"), Record("person:f", "Person", "Aziz Akhtemov")])
>>> [(m.left, m.right, m.sure) for m in idx.candidates()]
[('person:a', 'person:b', True), ('person:d', 'person:e', True)]
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import combinations

from graph.identity_names import (
    cognate_row,
    fold,
    givens_relate,
    skeleton,
    strip_roles,
    surnames_relate,
    typing_slip,
    written_word,
)
from graph.identity_orgs import ambiguous_heads, org_block_keys, typo_acronyms
from graph.identity_score import (
    DOUBT,
    LONE_CLOSE,
    LONE_SURE,
    SLIP,
    SLIP_SURE,
    SLIP_SURNAME,
    SURE,
    Match,
    Record,
    compare,
    compatible,
    lone_pair,
)
from graph.ontology import default_ontology

__all__ = ["SURE", "DOUBT", "Record", "Match", "IdentityIndex", "compare", "fold", "strip_roles", "skeleton",
           "clusters", "compatible"]


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
                row = cognate_row(n.given)
                if row is not None:  # Mykola and Nikolai start with other letters: they meet here
                    keys.add(f"c:{row}|{sk}")
                last = written_word(n.last)
                if len(n.given) >= 3 and len(last) >= SLIP_SURNAME - 1:
                    # A long surname typed with a slip and the surname it slips from, as written, are
                    # one word with one letter left out (after the first; the shorter one whole):
                    # Kuberdinov and Kurbedinov are Kubedinov, Belirov and Bekirov Beirov.
                    head = f"d:{n.given}|"
                    keys.add(head + last)
                    keys.update([head + last[:k] + last[k + 1:] for k in range(1, len(last))])
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


def _people_among(givens: Collection[str]) -> int:
    """How many people the given names of one surname are: spellings of one name are one."""
    kept: list[str] = []
    for g in sorted(givens, key=lambda g: (-len(g), g)):  # whole names first, initials after
        if not any(givens_relate(k, g) in ("same", "variant", "initial") for k in kept):
            kept.append(g)
    return len(kept)


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
        self._bearers: dict[tuple[str, ...], tuple[frozenset[int], str] | None] = {}
        self.blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, r in enumerate(self.records):
            for key in _block_keys(r):
                self.blocks[(r.label, key)].append(i)
        # Each person's (given name, surname as written): what a slip's block (``d:``) pairs on.
        self._written = [{(n.given, written_word(n.last)) for n in r.names if n.given} if r.label == "Person" else set()
                         for r in self.records]
        # How many full-name people share each surname (different given names; Oleh and Oleg,
        # or an initial and the name it starts, are one): a surname alone that several people
        # have is a candidate at the threshold, never more.
        givens: dict[str, set[str]] = defaultdict(set)
        # Which records name a person with a given name and each surname (a typing slip of a
        # surname someone else bears is no slip), and which know a person by initials only.
        self.bearers: dict[str, set[int]] = defaultdict(set)
        self.initials_only = [False] * len(self.records)
        for i, r in enumerate(self.records):
            if r.label == "Person":
                for n in r.names:
                    if n.given:
                        givens[n.surname].add(n.given)
                        self.bearers[n.surname].add(i)
                self.initials_only[i] = r.full_name and all(len(n.given) <= 1 for n in r.names)
        self.shared_surnames = {s: k for s, g in givens.items() if len(g) > 1 and (k := _people_among(g)) > 1}
        # Organisation heads that name two known organisations (qualified apart): a shorter name
        # with that head is a candidate for each, never a merge.
        self.ambiguous_heads = ambiguous_heads(n.org for r in self.records if r.label == "Organisation"
                                               and not r.generic for n in r.names if n.org is not None)
        # Acronyms typed with neighbouring letters swapped ("OCHCR") beside the only acronym the
        # index knows like them and spells out ("OHCHR"): a typo -> that acronym.
        self.typos = typo_acronyms([n.org for n in r.names if n.org is not None] for r in self.records
                                   if r.label == "Organisation" and not r.generic)

    def pairs(self, min_score: float = 0.0) -> Iterator[tuple[int, int]]:
        """Each pair of records that share a block, once (blocks past ``max_block`` are skipped):
        the pairs :meth:`candidates` compares for ``min_score``.

        A surname block (``s:``, ``t:``) pairs only its people named by a surname alone
        with the others: two full names meet in the blocks of their given initial. The
        sorted-letters surname block (``t:``) can only give a surname alone a close spelling
        (score :data:`LONE_CLOSE`), so it is read only when ``min_score`` goes that low.
        """
        n = len(self.records)
        for code in self._pair_codes(min_score):
            yield divmod(code, n)

    def _pair_codes(self, min_score: float = 0.0) -> set[int]:
        # Pairs as one int each (i * n + j, i < j), gathered block by block in C-level loops:
        # members are appended in record order, so each block's list is sorted already.
        n, lone = len(self.records), self.lone
        codes: set[int] = set()
        swapped = min_score <= LONE_CLOSE
        for (_label, key), members in self.blocks.items():
            if len(members) < 2 or len(members) > self.max_block or key[:2] == "t:" and not swapped:
                continue
            if key[:2] in ("s:", "t:"):
                alone = [i for i in members if lone[i]]
                if not alone:
                    continue
                codes.update(i * n + j for i, j in combinations(alone, 2))
                codes.update(i * n + j if i < j else j * n + i for i in alone for j in members if not lone[j])
            elif key[:2] == "d:":  # a slip's block: only the pairs whose surnames are a typing slip
                words = self._written
                codes.update(i * n + j for i, j in combinations(members, 2)
                             if any(g == h and typing_slip(v, w) for g, v in words[i] for h, w in words[j]))
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
        # A surname alone may become sure (the only person known by it): keep its pairs from the
        # threshold up until that is settled, then cut at ``min_score``.
        floor = min(min_score, DOUBT)
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
                got = lone_pair(alone.text, x.surname, y.surname, x.last, y.last, shared.get(alone.surname, 0))
                if got is not None and got[0] >= floor:
                    out.append(Match(a.key, b.key, got[0], got[1], x.text, y.text, i, j, False))
                continue
            m = compare(a, b, shared, i, j, self.ambiguous_heads, self.typos)
            if m is not None and m.score >= floor:
                out.append(m)
        out = [m for m in self._slips(self._only_bearers(out)) if m.score >= min_score]
        # Best first, ties by the keys then positions: two stable passes on ints (the keys' ranks),
        # cheaper than comparing tuples of strings.
        rank = {k: r for r, k in enumerate(sorted({records[i].key for m in out for i in (m.i, m.j)}))}
        nn = n * n
        out.sort(key=lambda m: (rank[m.left] * n + rank[m.right]) * nn + m.i * n + m.j)
        out.sort(key=lambda m: -m.score)
        return out


    def _only_bearers(self, matches: list[Match]) -> list[Match]:
        """A surname alone beside the one person the index knows by that surname: that person.

        "Putin" in one article, "Vladimir Putin" in another and nobody else called Putin (the
        project's folds applied: Zelenskyy, Zelenskiy, Zelenskyi are one surname): a sure match.
        Two or more people with the surname (Asan and Aziz Akhtemov), or only a close
        spelling of it: the pair stays a candidate.
        """
        out = []
        for m in matches:
            if m.score < DOUBT or m.sure or self.lone[m.i] == self.lone[m.j] \
                    and self.initials_only[m.i] == self.initials_only[m.j]:
                out.append(m)
                continue
            if self.lone[m.i] or self.lone[m.j]:
                alone, other = (m.i, m.j) if self.lone[m.i] else (m.j, m.i)
                bearer = self._only_bearer(alone)
            else:  # "Y. Klymenko" beside the one Klymenko whose given name starts with Y
                alone, other = (m.i, m.j) if self.initials_only[m.i] else (m.j, m.i)
                bearer = self._initial_bearer(alone)
            if bearer is None or other not in bearer[0]:
                out.append(m)
                continue
            out.append(Match(m.left, m.right, LONE_SURE, f"{m.reason}; {bearer[1]} is the only person known by that surname",
                             m.left_name, m.right_name, m.i, m.j, m.close))
        return out

    def _initial_bearer(self, i: int) -> tuple[frozenset[int], str] | None:
        """The records of the one person whose surname record ``i`` (a person known by initials only,
        "Y. Klymenko") bears, whose given name starts with that initial, and a name of theirs; None
        when none or several bear the surname, or someone of that surname has another initial."""
        r = self.records[i]
        named = {(n.surname, n.given) for n in r.names if n.given}
        if r.generic or len(named) != 1:
            return None
        [(surname, initial)] = named
        cached = ("=" + initial, surname)
        if cached in self._bearers:
            return self._bearers[cached]
        found = self._find_bearer((surname,), initial)
        if found is not None and any(givens_relate(initial, n.given) != "initial"
                                     for j in found[0] for n in self.records[j].names if n.given):
            found = None
        self._bearers[cached] = found
        return found

    def _slips(self, matches: list[Match]) -> list[Match]:
        """A name typed with a slip (:func:`graph.identity_score.name_slip`) is the person whose name
        it slips from when nothing the index knows says otherwise: the two are never named in one
        source (an article that names both names two people); one of them is named in one source
        only (a slip is made once) and bears a surname nobody else in the index bears (else it is a
        real surname, or a relative's given name); and it slips from no other name."""
        partners: dict[int, set[int]] = defaultdict(set)
        for m in matches:
            if m.score == SLIP:
                partners[m.i].add(m.j)
                partners[m.j].add(m.i)
        if not partners:
            return matches

        def one_person(side: int) -> bool:  # all it slips from are one person (spellings of one name)
            found = sorted(partners[side])
            return all((c := compare(self.records[p], self.records[q])) is not None and c.sure
                       for k, p in enumerate(found) for q in found[k + 1:])
        out = []
        for m in matches:
            if m.score != SLIP:
                out.append(m)
                continue
            a, b = self.records[m.i], self.records[m.j]
            if set(a.sources) & set(b.sources) or not (one_person(m.i) and one_person(m.j)):
                out.append(m)
                continue
            sure = False
            for side, other, name in ((m.i, m.j, m.left_name), (m.j, m.i, m.right_name)):
                r = self.records[side]
                surnames = {n.surname for n in r.names if n.text == name}
                if len(r.sources) <= 1 and surnames \
                        and all(self.bearers.get(s, set()) <= {side, other} for s in surnames):
                    sure = True
                    break
            if sure:
                m = Match(m.left, m.right, SLIP_SURE, f"{m.reason}: '{name}' is named once, and nobody else the index "
                          "knows bears that surname", m.left_name, m.right_name, m.i, m.j, m.close)
            out.append(m)
        return out

    def _only_bearer(self, i: int) -> tuple[frozenset[int], str] | None:
        """The records of the one person whose surname is record ``i``'s (a surname alone, same or
        variant spelling) and a name of theirs, or None when none or several bear it."""
        r = self.records[i]
        if r.label != "Person" or r.generic:
            return None
        surnames = tuple(sorted({n.surname for n in r.names}))
        if surnames in self._bearers:
            return self._bearers[surnames]
        self._bearers[surnames] = found = self._find_bearer(surnames)
        return found

    def _find_bearer(self, surnames: tuple[str, ...], initial: str = "") -> tuple[frozenset[int], str] | None:
        """See :meth:`_only_bearer`; with ``initial``, only the people whose given name starts with it
        count, and records known by that initial alone (the one asking, others like it) do not."""
        if not initial and any(self.shared_surnames.get(s, 0) > 1 for s in surnames):
            return None  # several people by that very spelling
        people: set[int] = set()
        given = ""
        for surname in surnames:
            sk = skeleton(surname)
            block = self.blocks.get(("Person", f"s:{sk}" if len(sk) >= 2 else f"s:={surname}"), [])
            if len(block) > self.max_block:
                return None  # too common a skeleton to say "only"
            for j in block:
                if self.lone[j] or self.records[j].generic or initial and (self.initials_only[j] or all(
                        givens_relate(initial, n.given) != "initial" for n in self.records[j].names if n.given)):
                    continue  # with an initial: another initial's person, or known by an initial only
                for n in self.records[j].names:
                    if not n.given or (surnames_relate(surname, n.surname) or ("close",))[0] == "close":
                        continue
                    people.add(j)
                    if len(n.given) > 1:
                        if given and givens_relate(given, n.given) not in ("same", "variant"):
                            return None  # two given names: two people
                        given = given or n.given
        if not people or not given:
            return None
        ordered = sorted(people)
        first = self.records[ordered[0]]
        for j in ordered[1:]:
            m = compare(first, self.records[j])
            if m is None or not m.sure:
                return None
        return frozenset(ordered), next(n.text for n in first.names if n.given)


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
