"""Round 11b, court11: cases by the convention in more wordings (loaders/extract/case_links.py: the prosecutor of a
sentence request; loaders/extract/org_cases.py: an organisation's ban case), with made-up sentences in the shape of
the development splits'."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _claims(body: str, *predicates: str) -> set[tuple[str, str, str]]:
    """The (subject, predicate, object) of the draft's claims with one of ``predicates``."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {(c.subject, c.predicate, c.object) for c in ex.claims if c.predicate in predicates}


def test_the_prosecutor_who_requested_that_x_be_sentenced_prosecutes_x() -> None:
    # "the prosecutor has requested that X should be sentenced to 15 years in jail" (valid2)
    found = _claims("Today his family learned that the prosecutor has requested that Rustem Bilyalov should be sentenced to "
                    "16 years in jail.", "PROSECUTES", "DEFENDANT_IN")
    assert ("person:rustem-bilyalov", "DEFENDANT_IN", "case:rustem-bilyalov") in found, found
    assert ("org:prosecutor-generic", "PROSECUTES", "case:rustem-bilyalov") in found, found


def test_the_prosecutor_who_asked_the_court_to_sentence_x_prosecutes_x() -> None:
    found = _claims("The prosecutor asked the court to sentence Rustem Bilyalov to 17 years.", "PROSECUTES", "DEFENDANT_IN")
    assert ("person:rustem-bilyalov", "DEFENDANT_IN", "case:rustem-bilyalov") in found, found
    assert ("org:prosecutor-generic", "PROSECUTES", "case:rustem-bilyalov") in found, found


def test_a_request_the_clause_leaves_unsaid_is_for_the_sentences_defendant() -> None:
    # "given a harsher sentence than the Russian occupation prosecutor requested" (dev3)
    found = _claims("Rustem Bilyalov was sentenced to three years in prison, a longer term than the occupation prosecutor "
                    "requested.", "PROSECUTES")
    assert ("org:occupation-prosecutor-generic", "PROSECUTES", "case:rustem-bilyalov") in found, found
    # a request with its own object is not the defendant's
    assert not _claims("Rustem Bilyalov was sentenced to three years; the prosecutor requested a closed hearing.", "PROSECUTES")


def test_a_case_against_an_organisation_under_an_extremism_law_is_its_ban_case() -> None:
    # "the Supreme Court of Crimea began hearing a case brought by the de facto Prosecutor's Office against the Mejlis
    # under Russian anti-extremism legislation. The unfounded allegation against the Mejlis of being an 'extremist
    # organization' must be withdrawn." (dev6)
    found = _claims("In May, the Supreme Court of Crimea began hearing a case brought by the prosecutors against the Mejlis "
                    "under the anti-extremism law. The allegation against the Mejlis of being an “extremist organization” "
                    "is unfounded.", "DEFENDANT_IN", "ACCUSED_OF")
    assert ("org:mejlis-of-the-crimean-tatar-people", "DEFENDANT_IN", "case:mejlis-ban") in found, found
    assert ("org:mejlis-of-the-crimean-tatar-people", "ACCUSED_OF", "case:mejlis-ban") in found, found
    # a case against an organisation that names no ban nor what one is for is left out
    assert not _claims("In May, the Supreme Court of Crimea heard a case against the Mejlis about a rent dispute.", "DEFENDANT_IN")


def test_a_ban_on_charges_of_extremism_is_the_accusation() -> None:
    # "proceedings began at a court in Simferopol with the aim of banning the activities of the Mejlis – ... – on
    # charges of extremism" (dev7)
    text, ex = extract("Proceedings opened at a court in Simferopol in April with the aim of banning the activities of the "
                       "Mejlis on charges of extremism.")
    check_quotes(text, ex.claims)
    accused = [c for c in ex.claims if c.predicate == "ACCUSED_OF" and c.subject == "org:mejlis-of-the-crimean-tatar-people"]
    assert accused and accused[0].qualifiers.get("charge") == "extremism", accused


def _steps(body: str) -> dict[str, set[tuple[str, str]]]:
    """Each drafted event's (participant, role), with its case among them as ("PART_OF", case)."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    out: dict[str, set[tuple[str, str]]] = {}
    for c in ex.claims:
        if c.predicate == "PARTICIPANT_IN":
            out.setdefault(c.object, set()).add((c.subject, c.qualifiers.get("role", "")))
        elif c.predicate == "PART_OF" and c.object.startswith("case:"):
            out.setdefault(c.subject, set()).add(("PART_OF", c.object))
    return out


def test_the_court_that_began_hearing_the_ban_case_judges_that_hearing() -> None:
    # "the Supreme Court of Crimea began hearing a case brought by ... against the Mejlis" (dev6), "Judicial
    # proceedings ... began at a court in Simferopol in March with the aim of banning the activities of the Mejlis" (dev7)
    for body, court in (("In May, the Supreme Court of Crimea began hearing a case brought by the prosecutors against the Mejlis "
                         "under the anti-extremism law.", "org:supreme-court-of-crimea"),
                        ("Proceedings began at a court in Simferopol in April with the aim of banning the activities of the "
                         "Mejlis on charges of extremism.", "org:simferopol-court-generic")):
        found = _steps(body)
        assert any({(court, "judge"), ("org:mejlis-of-the-crimean-tatar-people", "target"), ("PART_OF", "case:mejlis-ban")} <= v for k, v in found.items()
                   if k.endswith("-hearing")), found


def test_the_court_that_rejected_the_organisations_appeal_judges_that_appeal() -> None:
    # "the Supreme Court of the Russian Federation rejected the appeal of the Mejlis of the Crimean Tatar People" (dev5)
    found = _steps("In April, the Supreme Court of Crimea banned the Mejlis as an extremist organization. In September, the "
                   "Supreme Court of the Russian Federation rejected the appeal of the Mejlis.")
    assert any({("org:supreme-court-of-russia", "judge"), ("org:mejlis-of-the-crimean-tatar-people", "target"), ("PART_OF", "case:mejlis-ban")} <= v
               for k, v in found.items() if k.endswith("-appeal")), found
