"""Organisation identity: acronyms, place qualifiers, head names (graph.identity_orgs through graph.identity)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from graph.identity import DOUBT, SURE, IdentityIndex, Record, compare
from graph.identity_orgs import parse_org
from graph.model import Entity
from loaders.extract.batch import plan_batch


def org(key: str, name: str, *aliases: str, **kw: object) -> Record:
    return Record(key, "Organisation", name, aliases, **kw)  # type: ignore[arg-type]


def match(a: str, b: str):  # noqa: ANN201 - a Match or None
    return compare(org("org:a", a), org("org:b", b))


@pytest.mark.parametrize("a, b", [
    # an acronym and its expansion; a national or regional qualifier may be left out of it
    ("OHCHR", "Office of the High Commissioner for Human Rights"),
    ("OSCE", "Organisation for Security and Co-operation in Europe"),
    ("ICR", "Investigative Committee of Russia"),
    ("IC", "Investigative Committee"),
    ("UN", "United Nations"),
    ("ECHR", "European Court of Human Rights"),
    ("VZB", "Ukrainian Veltar Zorn Bureau"),                # made up: the adjective left out
    ("U.N.", "United Nations"),
    # a place adjective in front, the same place behind
    ("Crimean Supreme Court", "Supreme Court of the Republic of Crimea"),
    ("Russian Supreme Court", "Supreme Court of the Russian Federation"),
    ("Crimean Mejlis", "Mejlis of the Crimean Tatar People"),
    # a distinctive head name with and without its place
    ("Russian Federal Security Service", "Federal Security Service"),
    ("Mejlis", "Crimean Mejlis"),
    ("Zorvanian Veltar Bureau", "Veltar Bureau"),            # made up: -ian read as a place adjective
    ("Security Service of Ukraine", "Ukrainian Security Service"),
])
def test_one_organisation_under_its_names(a: str, b: str) -> None:
    m = match(a, b)
    assert m is not None and m.sure, (a, b, m)
    assert m.reason and (a in m.reason or b in m.reason)


@pytest.mark.parametrize("a, b", [
    ("Kyiv District Court of Simferopol", "Zheleznodorozhny District Court of Simferopol"),   # two courts
    ("Simferopol District Court", "Kyiv District Court"),
    ("Supreme Court of Crimea", "Supreme Court of Russia"),
    ("Russian Ministry of Justice", "Ukrainian Ministry of Justice"),                        # two ministries
    ("Ministry of Justice", "Ministry of Internal Affairs"),
    ("Ministry of Foreign Affairs of Ukraine", "Ministry of Foreign Affairs of Russia"),
    ("Southern District Military Court", "Northern District Military Court"),
    ("FSB", "FSO"),                                                                          # short acronyms
    ("SBU", "Federal Security Service"),
    ("Pre-trial Detention Centre No. 1", "Pre-trial Detention Centre No. 2"),
    ("Russian security services", "Ukrainian security services"),
])
def test_different_organisations_are_not_candidates(a: str, b: str) -> None:
    assert match(a, b) is None, match(a, b)


@pytest.mark.parametrize("a, b", [
    ("Investigative Committee", "Investigative Directorate"),
    ("OHCHR", "OCHCR"),                        # a typo in an acronym: a candidate, never a merge
    ("OSCE", "OCSE"),
    ("Supreme Court", "Supreme Court of Crimea"),  # a generic head: the Crimean or the Russian one?
    ("Supreme Court", "Russian Supreme Court"),
    ("Ministry of Justice", "Ukrainian Ministry of Justice"),
    ("Prosecutor's Office", "Prosecutor's Office of the Autonomous Republic of Crimea"),
    ("District Court of Simferopol", "Kyiv District Court of Simferopol"),
])
def test_doubtful_organisations_are_never_sure(a: str, b: str) -> None:
    m = match(a, b)
    assert m is None or not m.sure, m


def test_near_acronyms_and_generic_heads_are_candidates() -> None:
    typo = match("OHCHR", "OCHCR")
    assert typo is not None and DOUBT <= typo.score < SURE and "almost alike" in typo.reason
    generic = match("Supreme Court", "Supreme Court of Crimea")
    assert generic is not None and DOUBT <= generic.score < SURE and "generic" in generic.reason


def test_a_place_conflict_in_any_alias_keeps_two_organisations_apart() -> None:
    ru = org("org:ru-moj", "Ministry of Justice", "Russian Ministry of Justice")
    ua = org("org:ua-moj", "Ministry of Justice", "Ukrainian Ministry of Justice")
    assert compare(ru, ua) is None


def test_parse_org_reads_head_places_and_initials() -> None:
    o = parse_org("Mejlis of the Crimean Tatar People")
    assert o.head == ("mejlis",) and o.places == frozenset({"crimea"}) and o.distinctive
    assert parse_org("Supreme Court").distinctive is False
    fsb = parse_org("Russian Federal Security Service")
    assert "fss" in fsb.initials and "rfss" in fsb.initials and fsb.places == frozenset({"russia"})
    assert parse_org("OHCHR").acronym == "ohchr"


def test_blocking_brings_acronyms_heads_and_typos_together() -> None:
    idx = IdentityIndex([org("org:fsb", "Federal Security Service"), org("org:rfss", "Russian Federal Security Service"),
                         org("org:ohchr", "Office of the High Commissioner for Human Rights"), org("org:o1", "OHCHR"),
                         org("org:o2", "OCHCR"), org("org:mejlis", "Mejlis of the Crimean Tatar People"),
                         org("org:cm", "Crimean Mejlis"), org("org:court", "Kyiv District Court of Simferopol"),
                         org("org:court2", "Zheleznodorozhny District Court of Simferopol")])
    found = {frozenset((m.left, m.right)): m for m in idx.candidates()}
    assert found[frozenset(("org:fsb", "org:rfss"))].sure
    assert found[frozenset(("org:ohchr", "org:o1"))].sure
    assert not found[frozenset(("org:o1", "org:o2"))].sure
    assert found[frozenset(("org:mejlis", "org:cm"))].sure
    assert frozenset(("org:court", "org:court2")) not in found


def test_a_batch_gives_one_key_to_an_agency_under_its_names() -> None:
    drafts = [
        [Entity("org:federal-security-service", "Organisation", "Federal Security Service", ["FSB"])],
        [Entity("org:russian-federal-security-service", "Organisation", "Russian Federal Security Service")],
        [Entity("org:fsb", "Organisation", "FSB")],
        [Entity("org:mejlis-of-the-crimean-tatar-people", "Organisation", "Mejlis of the Crimean Tatar People")],
        [Entity("org:crimean-mejlis", "Organisation", "Crimean Mejlis")],
        [Entity("org:ohchr", "Organisation", "OHCHR"), Entity("org:supreme-court", "Organisation", "Supreme Court")],
        [Entity("org:ochcr", "Organisation", "OCHCR"),
         Entity("org:supreme-court-of-crimea", "Organisation", "Supreme Court of Crimea")],
    ]
    plans = plan_batch(drafts)
    key = {k: p.rename.get(k, k) for p, d in zip(plans, drafts, strict=True) for e in d for k in [e.key]}
    assert len({key["org:federal-security-service"], key["org:russian-federal-security-service"], key["org:fsb"]}) == 1
    assert key["org:crimean-mejlis"] == key["org:mejlis-of-the-crimean-tatar-people"]
    # A typo in an acronym and a generic name: candidates for review, not merged.
    assert key["org:ohchr"] != key["org:ochcr"] and key["org:supreme-court"] != key["org:supreme-court-of-crimea"]
    cands = [c for p in plans for c in p.candidates]
    assert any({c["entity"], c["same_as"]} == {"org:ohchr", "org:ochcr"} for c in cands)
    assert any({c["entity"], c["same_as"]} == {"org:supreme-court", "org:supreme-court-of-crimea"} for c in cands)


def test_dev_corpus_organisations_are_not_merged_across_countries() -> None:
    """Every organisation of the real development gold: no two gold keys are sure-merged by name alone."""
    gold = Path(__file__).resolve().parents[1] / "examples" / "articles" / "real" / "dev-gold"
    records: dict[str, Record] = {}
    for path in sorted(gold.glob("*.yaml")):
        for e in yaml.safe_load(path.read_text(encoding="utf-8")).get("entities") or []:
            if e["label"] == "Organisation" and e["key"] not in records:
                records[e["key"]] = org(e["key"], e["name"], *(e.get("aliases") or []), generic=bool(e.get("generic")))
    assert len(records) >= 30
    wrong = [(m.left, m.right, m.reason) for m in IdentityIndex(records.values()).candidates() if m.sure]
    assert wrong == []
