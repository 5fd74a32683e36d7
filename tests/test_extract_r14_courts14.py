"""Round 14 (courts14): a court's decision is one event of the kind of what it decides, with no second hearing
beside it (README conv13a point 3), and the court's steps (an appeal, an extension of detention, a session) are
steps of their target's case (one LegalCase per defendant)."""

from __future__ import annotations

from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract


def _kinds(ex: Extraction) -> dict[str, str]:
    return {k: e.attributes.get("kind", "") for k, e in ex.entities.items() if e.label == "Event"}


def _has(ex: Extraction, s: str, p: str, o: str) -> bool:
    return any(c.subject == s and c.predicate == p and c.object == o for c in ex.claims)


def test_a_session_that_decides_is_the_decision_not_a_hearing() -> None:
    for body in ("On 12 March, the court considered the case of Taras Ibragimov and sentenced him to six years in prison.",
                 "At a hearing on 12 March, the Supreme Court of Crimea sentenced Taras Ibragimov to six years."):
        text, ex = extract(body)
        kinds = _kinds(ex)
        assert "verdict" in kinds.values(), body
        assert "hearing" not in kinds.values(), body
        assert not any("hearing" in (c.subject + c.object) for c in ex.claims), body
        check_quotes(text, ex.claims)


def test_a_hearing_of_its_own_and_a_prosecutors_request_stay() -> None:
    _text, ex = extract("A court hearing in the case of Taras Ibragimov was postponed.")
    assert "hearing" in _kinds(ex).values()
    _text, ex = extract("The prosecutor asked for 15 years for Taras Ibragimov, and the court sentenced him to 12 years.")
    assert {"hearing", "verdict"} <= set(_kinds(ex).values())


def _step_of_case(body: str, kind: str, status: str) -> None:
    """The court's step of ``kind`` is PART_OF the case in which its target is DEFENDANT_IN with ``status``."""
    text, ex = extract(body)
    ev = next(k for k, k_kind in _kinds(ex).items() if k_kind == kind)
    case = next(c for c in ex.claims if c.subject == "person:taras-ibragimov" and c.predicate == "DEFENDANT_IN")
    assert case.qualifiers.get("procedural_status") == status
    assert _has(ex, ev, "PART_OF", case.object)
    check_quotes(text, ex.claims)


def test_an_appeal_a_court_decides_is_a_step_of_the_convicts_case() -> None:
    _step_of_case("The Supreme Court of Crimea rejected the appeal of Taras Ibragimov against his sentence.", "appeal", "convicted")


def test_an_extension_of_detention_is_a_step_of_the_accuseds_case() -> None:
    _step_of_case("The court in Simferopol extended Taras Ibragimov's pre-trial detention.", "detention_extension", "accused")


def test_the_court_that_remands_or_releases_is_its_judge() -> None:
    for body, kind in (("The Kyiv District Court of Simferopol remanded Taras Ibragimov in custody for two months.", "detention"),
                       ("The Kyiv District Court of Simferopol ordered Taras Ibragimov to be held in custody.", "detention"),
                       ("The Kyiv District Court of Simferopol released Taras Ibragimov under house arrest.", "release")):
        text, ex = extract(body)
        ev = next(k for k, k_kind in _kinds(ex).items() if k_kind == kind)
        judge = [c for c in ex.claims if c.object == ev and c.qualifiers.get("role") == "judge"]
        assert [c.subject for c in judge] == ["org:kyiv-district-court-simferopol"], body
        check_quotes(text, ex.claims)
    # a court named elsewhere in the sentence does not detain: no judge
    _text, ex = extract("Taras Ibragimov was detained after the hearing at the Kyiv District Court of Simferopol.")
    assert not any(c.qualifiers.get("role") == "judge" for c in ex.claims)


def test_a_person_who_faces_trial_or_a_court_has_a_trial() -> None:
    text, ex = extract("Taras Ibragimov will face a military court on terrorism charges.")
    ev = next(k for k, kind in _kinds(ex).items() if kind == "trial")
    assert _has(ex, "person:taras-ibragimov", "PARTICIPANT_IN", ev)
    assert any(c.object == ev and c.qualifiers.get("role") == "judge" for c in ex.claims)
    case = next(c.object for c in ex.claims if c.subject == "person:taras-ibragimov" and c.predicate == "DEFENDANT_IN")
    assert _has(ex, ev, "PART_OF", case)
    check_quotes(text, ex.claims)
    _text, ex = extract("Taras Ibragimov, a Crimean Tatar activist, is facing trial on charges of sabotage.")
    assert "trial" in _kinds(ex).values()
    # a possible penalty or a possibility is no trial (README conv13d point 3)
    for body in ("Taras Ibragimov faces up to 20 years in prison.", "Taras Ibragimov could face trial."):
        _text, ex = extract(body)
        assert "trial" not in _kinds(ex).values(), body


def test_a_lawyers_appeal_for_a_client_is_the_clients() -> None:
    text, ex = extract("Emil Kurbedinov, the lawyer of Taras Ibragimov, filed an appeal against the verdict.")
    appeals = [k for k, kind in _kinds(ex).items() if kind == "appeal"]
    assert appeals == ["event:taras-ibragimov-appeal"]
    assert not any(c.subject == "person:emil-kurbedinov" and c.predicate == "DEFENDANT_IN" for c in ex.claims)
    check_quotes(text, ex.claims)
