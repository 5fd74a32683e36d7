"""Round 14 (fix14): four faults courts14 found on made-up sentences, fixed in general terms: a case file sent to a
court is no person's transfer; a case opened against a person named with a description, a pronoun, or in the passive
is a charge (README conv13a point 4); an acquittal is a verdict whose defendant is acquitted (conv13a point 3); "the
court in P" is a court (and its judge) where the article names no court of its own."""

from __future__ import annotations

from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract


def _kinds(ex: Extraction) -> dict[str, str]:
    return {k: (e.attributes or {}).get("kind", "") for k, e in ex.entities.items() if e.label == "Event"}


def _targets(ex: Extraction, kind: str) -> set[str]:
    events = {k for k, v in _kinds(ex).items() if v == kind}
    return {c.subject for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.object in events
            and c.qualifiers.get("role") == "target"}


def test_a_case_sent_to_court_is_no_transfer() -> None:
    for body in ("On 3 May the case against Taras Ibragimov was sent to the court.",
                 "Taras Ibragimov's case was transferred to the Southern District Military Court.",
                 "Investigators transferred the case of Taras Ibragimov to the court in March."):
        text, ex = extract(body)
        assert not any(k.endswith("-transfer") for k in ex.entities), body
        check_quotes(text, ex.claims)
    # a person moved to a colony stays a transfer
    _text, ex = extract("Taras Ibragimov was transferred to a penal colony in Omsk.")
    assert any(k.endswith("-transfer") for k in ex.entities)


def test_a_case_opened_against_a_person_is_a_charge() -> None:
    for body in ("Russian investigators opened criminal proceedings against activist Taras Ibragimov.",
                 "The FSB has instituted criminal proceedings against the journalist Taras Ibragimov.",
                 "A criminal case was opened against Taras Ibragimov in 2019.",
                 "Criminal proceedings have been instituted against Taras Ibragimov.",
                 "Taras Ibragimov is a blogger. In 2019 the FSB opened a criminal case against him."):
        text, ex = extract(body)
        assert "person:taras-ibragimov" in _targets(ex, "charge"), body
        check_quotes(text, ex.claims)


def test_an_acquittal_is_a_verdict_and_the_defendant_is_acquitted() -> None:
    for body in ("The court acquitted Taras Ibragimov on 3 May.", "Taras Ibragimov was acquitted by the court.",
                 "Taras Ibragimov was found not guilty."):
        text, ex = extract(body)
        assert "person:taras-ibragimov" in _targets(ex, "verdict"), body
        statuses = {c.qualifiers.get("procedural_status") for c in ex.claims
                    if c.predicate == "DEFENDANT_IN" and c.subject == "person:taras-ibragimov"}
        assert statuses == {"acquitted"}, (body, statuses)
        assert any(e.name == "Acquittal of Taras Ibragimov" for e in ex.entities.values()), body
        check_quotes(text, ex.claims)
    # a call for an acquittal is no verdict
    _text, ex = extract("His lawyers say that Taras Ibragimov should be acquitted.")
    assert "verdict" not in _kinds(ex).values()


def test_the_court_in_a_place_is_a_court_and_judges() -> None:
    text, ex = extract("The court in Simferopol sentenced Taras Ibragimov to six years.")
    court = ex.entities.get("org:simferopol-court-generic")
    assert court is not None and court.attributes.get("kind") == "court"
    assert any(c.subject == "org:simferopol-court-generic" and c.qualifiers.get("role") == "judge" for c in ex.claims)
    check_quotes(text, ex.claims)
    # where the article names its court, "the court in Simferopol" is that court, not another
    _text, ex = extract("The Kyiv District Court of Simferopol tried Taras Ibragimov. "
                        "On 3 May the court in Simferopol sentenced Taras Ibragimov to six years.")
    assert "org:simferopol-court-generic" not in ex.entities
