"""Round 10, rel7: relations of government and parliamentary statements (loaders/extract/diplomatic_relations.py,
the UN organs of org_seats.py and claim_frames.py, the places of links.py), with made-up sentences in the
shape of dev7's wordings."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _claims(body: str, predicate: str) -> set[tuple[str, str]]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {(c.subject, c.object) for c in ex.claims if c.predicate == predicate}


def _affiliations(body: str) -> set[tuple[str, str, str]]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {(c.subject, c.predicate, c.object) for c in ex.claims if c.predicate in ("WORKS_FOR", "MEMBER_OF", "LEADS")}


def test_a_permanent_representative_works_for_his_state() -> None:
    # "Motohide Yoshikawa, Permanent Representative of Japan to the United Nations" (dev7, Japan's mission)
    found = _affiliations("Statement by H.E. Mr. Andriy Kovalenko, Permanent Representative of Japan to the United Nations, "
                          "at the meeting on Crimea.")
    works = {(s, o) for s, p, o in found if p == "WORKS_FOR" and s.startswith("person:")}
    assert len(works) == 1 and next(iter(works))[1].startswith("org:")
    assert not any(p == "MEMBER_OF" for _, p, _ in found)


def test_the_title_before_the_name_and_the_state_as_a_place() -> None:
    # "Intervention by the Permanent Representative of Ukraine\nAmbassador Yurii Klymenko" (dev7, Ukraine's mission)
    text, ex = extract("Intervention by the Permanent Representative of Ukraine, Mr. Andriy Kovalenko, at the session.")
    check_quotes(text, ex.claims)
    works = [c for c in ex.claims if c.predicate == "WORKS_FOR"]
    assert len(works) == 1 and works[0].subject.startswith("person:")
    assert ex.entities[works[0].object].label == "Organisation"
    assert works[0].qualifiers.get("role") == "Permanent Representative"


def test_the_uns_organs_are_no_part_of_the_un_but_its_general_assembly() -> None:
    # "UN Human Rights Council", "Office of the UN High Commissioner for Human Rights" (dev7: no PART_OF the UN)
    found = _claims("The United Nations and the UN Human Rights Council discussed the report of the Office of the UN High "
                    "Commissioner for Human Rights.", "PART_OF")
    assert not any(o == "org:united-nations" for _, o in found)
    # "UN General Assembly Resolution 68/262" (valid): the Assembly is the UN's
    found = _claims("The United Nations stands by the UN General Assembly resolution on Crimea.", "PART_OF")
    assert any(o == "org:united-nations" for _, o in found)


def test_a_un_monitoring_mission_is_ohchrs() -> None:
    # "the UN Human Rights Monitoring Mission in Ukraine ... the Mission and the OHCHR" (dev7), "the OHCHR Human
    # Rights Monitoring Mission in Ukraine" (valid2)
    found = _claims("The United Nations praised the work of the UN Human Rights Monitoring Mission in Ukraine. Ukraine is "
                    "open for further cooperation with the Mission and the OHCHR.", "PART_OF")
    assert ("org:hrmmu", "org:ohchr") in found and ("org:hrmmu", "org:united-nations") not in found


def test_a_country_opening_the_clause_is_no_whole_of_the_place_before_it() -> None:
    # "On the human rights situation in Crimea, Japan is deeply concerned." (dev7)
    found = _claims("On the human rights situation in Crimea, Japan is deeply concerned.", "PART_OF")
    assert ("place:crimea", "place:japan") not in found
    # ("Donetsk, Russia": still a part)
    found = _claims("He was moved to a prison in Rostov-on-Don, Russia, last week.", "PART_OF")
    assert any(o == "place:russia" for _, o in found)


def test_a_place_that_will_return_to_its_country() -> None:
    # "The temporally occupied Crimea will undoubtedly return to Ukraine." (dev7); "Crimea should be returned to
    # Ukraine" (dev, in words a charge reports: see below)
    assert ("place:crimea", "place:ukraine") in _claims("The occupied Crimea will undoubtedly return to Ukraine.", "PART_OF")
    assert ("place:crimea", "place:ukraine") in _claims("We are sure that Crimea must be returned to Ukraine.", "PART_OF")
    # not the words a charge reports: "charges for an interview in which he said that Crimea should be returned to Ukraine"
    assert ("place:crimea", "place:ukraine") not in _claims(
        "He faces charges for an interview in which he said that Crimea should be returned to Ukraine.", "PART_OF")
