"""Round 16 (ident16): one actor, one key across articles, for three classes of names (made-up shapes).

1. Generic collectives whose names differ only in where their members come from: "bloggers from Crimea" and
   "Crimean bloggers", "local teachers" and "teachers".
2. A ministry's national and "federal" forms, and "Internal Affairs" / "the Interior" as one ministry's name.
3. A counted group that an article's draft files under another collective's key ("three men in grey jackets" under
   the key of "armed guards") keeps a key of its own in a batch.
"""

from __future__ import annotations

from graph.identity import Record, compare
from graph.identity_collectives import collective_core
from graph.model import Entity
from loaders.extract.batch import plan_batch


def _generic(key: str, name: str, *aliases: str) -> Record:
    return Record(key, "Organisation", name, aliases, generic=True)


def _org(key: str, name: str, *aliases: str) -> Record:
    return Record(key, "Organisation", name, aliases)


def _sure(a: Record, b: Record) -> bool:
    m = compare(a, b)
    return m is not None and m.sure


# 1. Collectives: "from <place>" qualifies as the place's adjective does; "local" says no narrower group.

def test_collective_from_a_place_is_the_place_adjective() -> None:
    assert collective_core("bloggers from Crimea") == collective_core("Crimean bloggers")
    assert _sure(_generic("org:a-generic", "Crimean bloggers"), _generic("org:b-generic", "bloggers from Crimea"))


def test_local_collective_is_the_collective() -> None:
    assert _sure(_generic("org:a-generic", "local teachers"), _generic("org:b-generic", "teachers", "independent teachers"))
    # "local" says nothing of which country: beside a name that says one, a candidate at most.
    assert not _sure(_generic("org:a-generic", "local teachers"), _generic("org:b-generic", "Ukrainian teachers"))
    assert not _sure(_generic("org:a-generic", "bloggers from Crimea"), _generic("org:b-generic", "Russian bloggers"))
    assert compare(_generic("org:a-generic", "local police"), _generic("org:b-generic", "security forces")) is None


# 2. Ministries.

def test_federal_ministry_is_the_federation_ministry() -> None:
    assert _sure(_org("org:a", "Federal Ministry of Justice"), _org("org:b", "Ministry of Justice of Russia"))
    assert _sure(_org("org:a", "Federal Ministry of the Interior"), _org("org:b", "Ministry of Internal Affairs of Russia"))
    # never another state's ministry
    assert compare(_org("org:a", "Federal Ministry of Justice"), _org("org:b", "Ministry of Justice of Ukraine")) is None
    assert compare(_org("org:a", "German Federal Ministry of Justice"), _org("org:b", "Russian Ministry of Justice")) is None


def test_internal_affairs_and_interior_are_one_ministry_name() -> None:
    assert _sure(_org("org:a", "Ministry of Internal Affairs of Ukraine"), _org("org:b", "Ukrainian Ministry of the Interior"))
    assert compare(_org("org:a", "Ministry of Internal Affairs of Ukraine"), _org("org:b", "Russian Ministry of the Interior")) is None


# 3. A batch: one collective key, one collective.

def _ent(key: str, name: str) -> Entity:
    return Entity(key, "Organisation", name, [], {"kind": "collective"}, False, True)


def test_counted_group_under_another_collective_key_gets_its_own() -> None:
    plans = plan_batch([[_ent("org:armed-guards-generic", "armed guards")],
                        [_ent("org:armed-guards-generic", "three men in grey jackets")],
                        [_ent("org:armed-guards-generic", "the armed guards")]])
    assert plans[1].rename == {"org:armed-guards-generic": "org:three-men-in-grey-jackets-generic"}
    assert "org:armed-guards-generic" not in plans[0].rename and "org:armed-guards-generic" not in plans[2].rename
    # an uncounted wording keeps the key its draft gave it (the extractor files some wordings under a key on purpose)
    plans = plan_batch([[_ent("org:armed-guards-generic", "armed guards")],
                        [_ent("org:armed-guards-generic", "all unknown attackers")]])
    assert plans[1].rename == {}
