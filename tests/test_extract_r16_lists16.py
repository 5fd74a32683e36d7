"""Round 16 (lists16): steps of proceedings told of several people in one list (made-up names)."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _targets(ex, kind: str) -> set[str]:  # type: ignore[no-untyped-def]
    evs = {k for k, e in ex.entities.items() if e.label == "Event" and e.attributes.get("kind") == kind}
    return {c.subject for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.object in evs
            and c.qualifiers.get("role") == "target"}


def test_dash_elliptical_prison_terms_each_get_a_verdict() -> None:
    text, ex = extract("On March 3, the Southern District Military Court in Rostov-on-Don sentenced four defendants. "
                       "According to the ruling, Dilaver Kemalov was sentenced to 17 years in prison, Rustem Osmanov — to "
                       "15 years, Lenur Bekirov — 11 years, and Ruslan Ametov — 9 years.")
    assert {"person:dilaver-kemalov", "person:rustem-osmanov", "person:lenur-bekirov",
            "person:ruslan-ametov"} <= _targets(ex, "verdict")
    cases = {(c.subject, c.object) for c in ex.claims if c.predicate == "DEFENDANT_IN"}
    assert ("person:ruslan-ametov", "case:ruslan-ametov") in cases
    check_quotes(text, ex.claims)


def test_call_to_release_the_counted_list_asserts_each_detention() -> None:
    text, ex = extract("“We call on Russia to release these three individuals immediately,” the embassy said. "
                       "Earlier the court sentenced Timur Seitov to 12 years in prison, Eskender Alimov to 10 years, "
                       "and Server Kadyrov to 8 years.")
    assert {"person:timur-seitov", "person:eskender-alimov", "person:server-kadyrov"} <= _targets(ex, "detention")
    check_quotes(text, ex.claims)


def test_a_count_that_fits_no_list_asserts_nothing() -> None:
    _text, ex = extract("“We call on Russia to release these four individuals immediately,” the embassy said. "
                        "Earlier the court sentenced Timur Seitov to 12 years in prison, Eskender Alimov to 10 years, "
                        "and Server Kadyrov to 8 years.")
    assert not _targets(ex, "detention")


def test_names_before_and_other_political_prisoners_are_each_detained() -> None:
    text, ex = extract("The ombudswoman said she needs to see Bekir Umerov, Oleksiy Hrytsenko, Dmytro Paliy and other "
                       "Ukrainian political prisoners held in Russia.")
    assert {"person:bekir-umerov", "person:oleksiy-hrytsenko", "person:dmytro-paliy"} <= _targets(ex, "detention")
    check_quotes(text, ex.claims)


def test_counted_prisoners_named_in_the_next_sentence_are_each_detained() -> None:
    text, ex = extract("Currently, three civic journalists are being held illegally in Russian prisons. These are Bekir "
                       "Umerov, Oleksiy Hrytsenko and Dmytro Paliy.")
    assert {"person:bekir-umerov", "person:oleksiy-hrytsenko", "person:dmytro-paliy"} <= _targets(ex, "detention")
    check_quotes(text, ex.claims)
