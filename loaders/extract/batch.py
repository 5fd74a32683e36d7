"""One key per actor across a batch of drafts (and the ``--corpus``), by :mod:`graph.identity`.

Every drafted person, organisation and place of the batch, and every entity of the corpus,
goes into one blocking index. Sure matches become one key in every draft: the corpus key
when the corpus has the actor, else the key of the best-named member (a name without a
role word, in the most drafts). The drafts keep their own spelling as the name and carry
the other spellings as aliases; ``sensitive`` holds in every draft if any draft or the
corpus marks the person. Doubtful matches become review candidates in the drafts that
hold the entity (``casegraph review`` accepts or rejects them). Events and cases named
after a person (``case:<person>``, ``event:<person>-arrest``) follow the person's key.

Two entities of one draft follow the same rule: an article that names "the Russian Federal
Security Service" and later "the FSB" drafts one organisation, not two (the sure match is
merged, the claims follow the surviving key, a doubtful one becomes a review candidate).
A group never holds two corpus keys.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph.identity import (
    DOUBT,
    SURE,
    IdentityIndex,
    Match,
    Record,
    clusters,
    compatible,
)
from graph.identity_collectives import same_collective
from graph.identity_orgs import bare_representation, forums_named, parse_org
from graph.model import Entity, merge_entity
from graph.ontology import default_ontology
from loaders.extract.gazetteer import slug

__all__ = ["Plan", "plan_batch"]


@dataclass
class Plan:
    """What one draft changes: keys renamed, the merged entity per key, new review candidates."""

    rename: dict[str, str] = field(default_factory=dict)
    merged: dict[str, Entity] = field(default_factory=dict)   # canonical key -> the group's merged entity
    corpus_names: dict[str, str] = field(default_factory=dict)  # canonical corpus key -> its name
    candidates: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class _Member:
    record: Record
    drafts: set[int]
    corpus: bool
    entity: Entity  # the names, flags and attributes of this key across the batch, merged
    hint: str = ""  # a name the resolver alone reads for it: the parent or forum its article names (see _hint)


def plan_batch(drafts: Sequence[Iterable[Entity]], corpus: Iterable[Entity] = ()) -> list[Plan]:
    """A :class:`Plan` per draft (its entities, in draft order) resolving the batch and the corpus."""
    members: dict[str, _Member] = {}  # member key (the entity's key; "key@parent" with a hint, below) -> member
    resolved = default_ontology().resolved_labels
    listed = [list(d) for d in drafts]
    corpus = list(corpus)
    parents = _known_parents([*corpus, *(e for d in listed for e in d)])

    def add(e: Entity, draft: int | None, hint: tuple[str, str] = ("", "")) -> None:
        mkey = f"{e.key}@{hint[0]}" if hint[0] else e.key
        have = members.get(mkey)
        if have is None:
            ent = Entity(e.key, e.label, e.name, list(e.aliases), dict(e.attributes), e.sensitive, e.generic,
                         list(e.sources))
            members[mkey] = _Member(Record(mkey, e.label, e.name), set(), draft is None, ent, hint[1])
            have = members[mkey]
        else:
            merge_entity(have.entity, e)
        if draft is None:
            have.corpus = True
        else:
            have.drafts.add(draft)

    rekeyed = _own_collectives(listed, corpus)
    for e in corpus:
        if e.label in resolved:
            add(e, None)
    for i, entities in enumerate(listed):
        forum = _forum_hint(entities)
        for e in entities:
            if e.label in resolved:
                own = rekeyed[i].get(e.key)
                if own is not None:
                    e = Entity(own, e.label, e.name, list(e.aliases), dict(e.attributes), e.sensitive, e.generic,
                               list(e.sources))
                add(e, i, _hint(e, entities, forum, parents))
    order = list(members)
    for mkey, m in members.items():
        # The name its article's context gives it ("Ukrainian delegation to the UN", "Parliamentary Assembly of the
        # CE") is the resolver's only, never written to a draft.
        said = [m.hint] if m.hint else []
        m.record = Record(mkey, m.entity.label, m.entity.name, [*m.entity.aliases, *said], m.entity.sources,
                          m.entity.sensitive, m.entity.generic)
    index = IdentityIndex([members[k].record for k in order])
    pos = {r.key: i for i, r in enumerate(index.records)}
    keys = [r.key for r in index.records]
    drafted = {i for i, k in enumerate(keys) if members[k].drafts}
    matches = index.candidates(DOUBT, among=drafted)

    def allowed(a: list[int], b: list[int], match: Match) -> bool:
        ma, mb = [members[keys[i]] for i in a], [members[keys[i]] for i in b]
        if sum(m.corpus for m in ma) + sum(m.corpus for m in mb) > 1:
            return False
        # Every pair across the two groups must be compatible (no chain through a third name).
        return all(compatible(x.record, y.record) for x in ma for y in mb)

    roots = clusters(len(keys), matches, allowed)
    corroborated = _corroborated(matches, roots, keys, members)
    if corroborated:
        matches = sorted([m for m in matches if (m.i, m.j) not in {(c.i, c.j) for c in corroborated}] + corroborated,
                         key=lambda m: -m.score)
        roots = clusters(len(keys), matches, allowed)
    groups: dict[int, list[str]] = defaultdict(list)
    for i, root in enumerate(roots):
        groups[root].append(keys[i])
    canonical: dict[str, str] = {}
    merged: dict[str, Entity] = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        best = min(group, key=lambda k: _rank(members[k]))
        head = members[best].entity
        entity = Entity(head.key, head.label, head.name, [], {}, False, head.generic)
        for k in sorted(group, key=lambda k: _rank(members[k])):
            merge_entity(entity, members[k].entity)
        for k in group:
            canonical[k] = best
        merged[best] = entity
    plans = [Plan() for _ in drafts]
    for mkey, best in canonical.items():
        m, target = members[mkey], members[best].entity.key
        for d in m.drafts:
            if target != m.entity.key:
                plans[d].rename[m.entity.key] = target
            plans[d].merged[target] = merged[best]
            if members[best].corpus:
                plans[d].corpus_names[target] = members[best].entity.name
    _candidates(matches, roots, pos, members, canonical, plans)
    for d, renamed in enumerate(rekeyed):
        for old, own in renamed.items():
            plans[d].rename[old] = plans[d].rename.pop(own, own)
    return plans


# A group the text counts ("four men in black uniform", "12 officers"): the group of one article (conv13d point 5).
_COUNTED = re.compile(r"(?i)(?:the )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozens of)"
                      r" (?!of\b)\w")


def _key_words(key: str) -> str:
    """The words of a collective's key: "org:masked-men-generic" is "masked men"."""
    return key.split(":", 1)[-1].removesuffix("-generic").replace("-", " ")


def _own_collectives(drafts: list[list[Entity]], corpus: list[Entity]) -> list[dict[str, str]]:
    """Per draft, the generic organisations whose key another draft (or the corpus) holds for another collective, each
    with a key of its own: one key holds one collective across a batch. Where two drafts give one collective key to
    names that are not one collective noun phrase (:func:`graph.identity_collectives.same_collective`: "masked men"
    and "four men in black uniform") and the odd one is a counted group, the names the key's own words fit keep it and
    the counted group takes the slug of its name: an article's counted group is a group of its own (README conv13d
    point 5), not the collective another article names. An uncounted name stays where its draft put it (the extractor
    gives some wordings a collective's key on purpose: "all illegally detained Ukrainians"); nothing changes where no
    holder's names fit the key's words, or all do (round 16, ident16)."""
    holders: dict[str, list[tuple[int | None, Entity]]] = defaultdict(list)
    for e in corpus:
        if e.label == "Organisation" and e.generic:
            holders[e.key].append((None, e))
    for i, entities in enumerate(drafts):
        for e in entities:
            if e.label == "Organisation" and e.generic:
                holders[e.key].append((i, e))
    out: list[dict[str, str]] = [{} for _ in drafts]
    for key, held in holders.items():
        if len({d for d, _ in held}) < 2:
            continue
        words = _key_words(key)
        fit = [(d, e) for d, e in held if any(same_collective(n, words) for n in (e.name, *e.aliases))]
        if not fit or len(fit) == len(held):
            continue
        kept = [n for _, e in fit for n in (e.name, *e.aliases)]
        for d, e in held:
            if d is None or (d, e) in fit or not _COUNTED.match(e.name) \
                    or any(same_collective(n, k) for n in (e.name, *e.aliases) for k in kept):
                continue
            own = f"{key.split(':', 1)[0]}:{slug(e.name)}-generic"
            if own != key and all(x.key != own for x in drafts[d]):
                out[d][key] = own
    return out


def _corroborated(matches: list[Match], roots: list[int], keys: list[str], members: dict[str, _Member]) -> list[Match]:
    """Close spellings of one given name made sure by context: both articles also name one other person.

    "Aziz Akhmetov" in one article and "Aziz Akhtemov" in two others, each beside Nariman
    Dzhelyal: the same man misspelled. Without such a shared person the pair stays a
    candidate. Articles that share a draft never count (one article is no corroboration).
    """
    people_in: dict[int, set[int]] = defaultdict(set)
    for i, k in enumerate(keys):
        member = members[k]
        if member.entity.label == "Person" and not member.entity.generic:
            for d in member.drafts:
                people_in[d].add(i)

    def around(i: int) -> set[int]:
        return {roots[j] for d in members[keys[i]].drafts for j in people_in[d]} - {roots[i]}

    out = []
    for m in matches:
        if not m.close or m.sure or roots[m.i] == roots[m.j] or members[m.left].drafts & members[m.right].drafts:
            continue
        shared = (around(m.i) & around(m.j)) - {roots[m.i], roots[m.j]}
        if shared:
            names = sorted(members[keys[r]].entity.name for r in shared)
            out.append(Match(m.left, m.right, SURE, f"{m.reason}; both articles also name {', '.join(names[:3])}",
                             m.left_name, m.right_name, m.i, m.j, True))
    return out


def _forum_hint(entities: list[Entity]) -> str:
    """The forum ("un", "osce") an article speaks at, as its other organisations say it: the one forum whose council or
    assembly it names ("UN Human Rights Council", "Permanent Council"), else the one forum it names; "" when none or
    two. A state's delegation the article names without a forum ("the Ukrainian delegation") is its delegation there:
    a state sends delegations to many forums, each a body of its own (decision 5e)."""
    names = [n for e in entities if e.label == "Organisation" and not e.generic and not _bare_delegation(e)
             for n in (e.name, *e.aliases)]
    if not names:
        return ""
    named, councils = forums_named(names)
    one = councils if councils else named
    return next(iter(one)) if len(one) == 1 else ""


def _bare_delegation(e: Entity) -> bool:
    return e.label == "Organisation" and not e.generic and bare_representation([e.name, *e.aliases])


def _known_parents(entities: Iterable[Entity]) -> dict[tuple[str, ...], set[str]]:
    """Names of bodies the batch knows under two or more parent organisations, each with those parents' initials:
    ("assembly", "parliamentary") -> {"ce", "osce"} for the Parliamentary Assembly of the Council of Europe and the
    OSCE Parliamentary Assembly."""
    seen: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for e in entities:
        if e.label == "Organisation" and not e.generic:
            for n in (e.name, *e.aliases):
                o = parse_org(n)
                if o.parents and not o.acronym:
                    seen[o.words_key] |= o.parents
    return {h: p for h, p in seen.items() if len(p) > 1}


def _hint(e: Entity, entities: list[Entity], forum: str, parents: dict[tuple[str, ...], set[str]]) -> tuple[str, str]:
    """(tag, name) the resolver reads for ``e`` in its article, or ("", ""): a delegation named without its forum is
    the one to its article's forum (:func:`_forum_hint`); a body named without its parent, whose name the batch knows
    under two or more parents, is the one whose parent its article names, when it names exactly one of them ("the
    Parliamentary Assembly" in an article that names the Council of Europe, not the OSCE). Where the article names none
    or two, the name stays a candidate for each (``ambiguous_heads``)."""
    if e.label != "Organisation" or e.generic:
        return "", ""
    if _bare_delegation(e):
        return (forum, f"{e.name} to the {forum.upper()}") if forum else ("", "")
    heads = set()
    for n in (e.name, *e.aliases):
        o = parse_org(n)
        if o.acronym:
            continue
        if o.qualifiers:
            return "", ""  # it says whose already
        heads.add(o.words_key)
    head = heads.pop() if len(heads) == 1 else None
    if head is None or head not in parents:
        return "", ""
    found = set()
    for other in entities:
        if other is e or other.label != "Organisation" or other.generic:
            continue
        for n in (other.name, *other.aliases):
            o = parse_org(n)
            found |= {p for p in parents[head] if o.acronym == p or p in o.parents
                      or not o.parents and len(o.words) == len(p) and p in o.initials}
    if len(found) != 1:
        return "", ""
    p = found.pop()
    return p, f"{e.name} of the {p.upper()}"


def _rank(m: _Member) -> tuple[Any, ...]:
    """Which key a group keeps: the corpus's, a name without role words, the most drafts, the fullest name (a
    delegation's key that names its forum before a key without it)."""
    first = m.record.names[0] if m.record.names else None
    return (not m.corpus, bool(first and first.roles), bool(m.hint), -len(m.drafts), not m.record.full_name,
            -len(m.entity.name), m.entity.key)


def _candidates(matches: list[Match], roots: list[int], pos: dict[str, int], members: dict[str, _Member],
                canonical: dict[str, str], plans: list[Plan]) -> None:
    """Doubtful (or vetoed) matches between groups, written into each draft holding the entity side
    (two entities of one article included)."""
    asked: set[frozenset[str]] = set()
    for m in matches:
        if roots[pos[m.left]] == roots[pos[m.right]]:
            continue
        a, b = members[m.left], members[m.right]
        # The side to rename is the one that would not keep its key.
        entity, other = (a, b) if _rank(a) > _rank(b) else (b, a)
        if not entity.drafts:
            continue
        e_mkey, o_mkey = (m.left, m.right) if entity is a else (m.right, m.left)
        e_key = members[canonical.get(e_mkey, e_mkey)].entity.key
        o_key = members[canonical.get(o_mkey, o_mkey)].entity.key
        if e_key == o_key or frozenset((e_key, o_key)) in asked:
            continue
        asked.add(frozenset((e_key, o_key)))
        where = "the corpus" if other.corpus else ", ".join(sorted(other.entity.sources)) or "another draft"
        name = other.entity.name
        mention = entity.entity.name
        for d in sorted(entity.drafts):
            if d in other.drafts and not other.corpus:
                where = "this article"  # two entities of one article: its coreference left them apart
            plans[d].candidates.append({
                "entity": e_key, "mention": mention, "same_as": o_key, "same_as_name": name,
                "score": m.score, "reason": f"{m.reason} (in {where})", "decision": "pending"})
