"""Round 10, stmt10: reports named with their maker, resolutions cited in passing, a body's head speaking for it."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _states(body: str) -> tuple[set[tuple[str, str | None]], set[tuple[str, str, str, str]]]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    kinds = {(c.subject, ex.entities[c.object].attributes.get("kind")) for c in ex.claims if c.predicate == "STATES"}
    claims = {(c.subject, c.predicate, c.object, c.qualifiers.get("role", "")) for c in ex.claims}
    return kinds, claims


def test_report_before_its_maker() -> None:
    kinds, _ = _states("In its 2021 Annual Report, USCIRF recommended that the State Department act on Russia.")
    assert ("org:uscirf", "publication") in kinds


def test_said_in_a_new_publication() -> None:
    kinds, _ = _states("Russia keeps jailing critics, Human Rights Watch said today in a new report on the peninsula.")
    assert ("org:human-rights-watch", "publication") in kinds
    assert ("org:human-rights-watch", "statement") in kinds


def test_resolution_cited_with_its_sponsor() -> None:
    kinds, claims = _states("The right to visit was endorsed in a UN General Assembly resolution co-sponsored by Canada.")
    assert ("org:un-general-assembly", "publication") in kinds
    ev = next(o for s, p, o, _r in claims if s == "org:un-general-assembly" and p == "STATES")
    assert any(p == "PARTICIPANT_IN" and o == ev and r == "organiser" for _s, p, o, r in claims)


def test_resolutions_issued_by_a_body() -> None:
    kinds, _ = _states("The European Parliament adopted three resolutions in 2019 and 2020 in support of Server Mustafayev.")
    assert ("org:european-parliament", "publication") in kinds


def test_resolution_on_recognition_is_a_publication_too() -> None:
    # the corpus's round-10 convention decision 3: a resolution is its body's publication whatever it affirms
    kinds, _ = _states("A UN General Assembly resolution declared continued international recognition of Crimea as part of Ukraine.")
    assert ("org:un-general-assembly", "publication") in kinds


def test_head_speaks_for_the_body() -> None:
    _, claims = _states("RFE/RL President Thomas Kent condemned the verdict against the journalist Mykola Semena.")
    said = next(o for s, p, o, _r in claims if s == "person:thomas-kent" and p == "STATES")
    assert ("org:rferl", "STATES", said, "") in claims


def test_body_that_speaks_keeps_its_own_statement() -> None:
    _, claims = _states("RFE/RL condemned the verdict against Mykola Semena. RFE/RL President Thomas Kent said the "
                        "charges were absurd.")
    said = next(o for s, p, o, _r in claims if s == "person:thomas-kent" and p == "STATES")
    # round 11 (stmt11): by the round-10 convention decision 2 the release and its head's words are one act of speaking
    assert ("org:rferl", "STATES", said, "") in claims


def test_head_named_after_the_body_publishes_its_report() -> None:
    _, claims = _states("Council of Europe Commissioner for Human Rights Dunja Mijatović published a report "
                        "“Crimean Tatars’ struggle for human rights”.")
    report = next(o for s, p, o, _r in claims if s == "org:coe-commissioner-for-human-rights" and p == "STATES")
    assert ("person:dunja-mijatovic", "STATES", report, "") in claims


def test_head_quoted_after_another_speaker_speaks_for_himself() -> None:
    _, claims = _states("Lawyer Emil Kurbedinov said the charges were absurd. RFE/RL President Thomas Kent condemned "
                        "the verdict against the journalist Mykola Semena.")
    said = next(o for s, p, o, _r in claims if s == "person:thomas-kent" and p == "STATES")
    assert ("org:rferl", "STATES", said, "") not in claims


def test_numbered_paragraph_opened_by_the_body() -> None:
    kinds, _ = _states("1. The European Parliament reaffirms its commitment to the rule of law in Europe.")
    assert ("org:european-parliament", "statement") in kinds
