"""Round 11, stmt11: statements and publications by the annotation convention (loaders/extract/statement_folds.py,
loaders/extract/body_documents.py), with made-up sentences in the shape of the development splits' wordings."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _states(body: str) -> tuple[dict[str, set[str]], dict[str, str]]:
    """Each event some entity ``STATES``: its speakers; and each event's kind."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    out: dict[str, set[str]] = {}
    for c in ex.claims:
        if c.predicate == "STATES":
            out.setdefault(c.object, set()).add(c.subject)
    kinds = {k: str(e.attributes.get("kind")) for k, e in ex.entities.items() if e.label == "Event"}
    return out, kinds


def test_an_officer_speaks_the_body_s_release() -> None:
    # "Amnesty International has expressed concern ... Amnesty International Europe and Central Asia Director John
    # Dalhuisen said:" (dev2), "USCIRF Chair Tony Perkins stated" in a USCIRF release (valid, dev3, dev4): one act
    states, _ = _states("Amnesty International has expressed concern for the welfare of three activists in Crimea. "
                        "“They must be released,” said Marta Kowalczyk, Amnesty International’s Deputy Director for "
                        "Europe and Central Asia.")
    speaking = [who for who in states.values() if "person:marta-kowalczyk" in who]
    assert speaking == [{"org:amnesty-international", "person:marta-kowalczyk"}]


def test_an_officer_of_another_body_keeps_his_own_statement() -> None:
    # "The United States condemns ... said State Department Spokesman John Kirby" (dev VOA editorials): two statements
    states, _ = _states("Freedom House condemned the verdict. “This is a miscarriage of justice,” said "
                        "State Department Spokesman Peter Olafsen.")
    speaking = [who for who in states.values() if "person:peter-olafsen" in who]
    # not Freedom House's; his department states it with him (round-12 convention decision 5d)
    assert speaking == [{"org:us-department-of-state", "person:peter-olafsen"}]


def test_an_ngo_states_what_its_officer_says_for_it() -> None:
    # "Denis Krivosheev, Amnesty International's deputy director for Europe and Central Asia, called the shutdown ..."
    # (valid2), "Oksana Pokalchuk, Amnesty International Ukraine's Executive Director, said:" (dev6)
    states, _ = _states("The channel went off the air on Wednesday. Marta Kowalczyk, Amnesty International’s deputy "
                        "director for Europe and Central Asia, called the shutdown “a crude attempt to stifle independent media.”")
    speaking = [who for who in states.values() if "person:marta-kowalczyk" in who]
    assert speaking == [{"org:amnesty-international", "person:marta-kowalczyk"}]


def test_a_resolution_cited_by_its_date_is_its_body_s_publication() -> None:
    # "having regard to the UN General Assembly Resolution of 27 March 2014 ..." (dev7), "the resolutions of the UN
    # General Assembly “Territorial integrity of Ukraine” of 27 March 2014, “...” of 19 December 2016 and of 19
    # December 2017" (dev5)
    states, kinds = _states("The ministry calls to implement the resolutions of the UN General Assembly “Territorial "
                            "integrity of Ukraine” of 27 March 2014, “Situation of human rights in Crimea\" of 19 December "
                            "2016 and of 19 December 2017.")
    resolutions = sorted(ev for ev, who in states.items() if who == {"org:un-general-assembly"})
    assert len(resolutions) == 3 and {kinds[ev] for ev in resolutions} == {"publication"}
    states, kinds = _states("The Seimas acts having regard to the UN General Assembly Resolution of 19 December 2016 "
                            "on the situation of human rights in Crimea.")
    assert [kinds[ev] for ev, who in states.items() if who == {"org:un-general-assembly"}] == ["publication"]


def test_a_resolution_named_twice_is_one_publication() -> None:
    # "United Nations General Assembly Resolution 68/262 adopted on March 27, 2014 ... A UN General Assembly resolution
    # declared ..." (valid, dev3: one resolution)
    states, kinds = _states("United Nations General Assembly Resolution 68/262 adopted on March 27, 2014, states the "
                            "peninsula remains within Ukraine. Later, a UN General Assembly resolution declared continued "
                            "international recognition of Crimea as part of Ukraine.")
    assert [ev for ev, who in states.items() if "org:un-general-assembly" in who and kinds[ev] == "publication"] \
        == ["event:resolution-68-262"]


def test_org_reports_that_is_a_statement() -> None:
    # "the human rights organization, Zmina, reports that Russia is holding 186 political prisoners" (dev), "The
    # Jehovah's Witnesses report that there are currently eight members in prison" (dev3): decision 5
    states, kinds = _states("In Crimea, the human rights organization, Zmina, reports that Russia is holding 186 "
                            "political prisoners.")
    assert [kinds[ev] for ev, who in states.items() if "org:zmina" in who] == ["statement"]
    # "The HRMMU reported the Investigative Committee failed ..." (dev): a publication, as the annotators keep it
    states, kinds = _states("The HRMMU reported the Investigative Committee failed to take adequate steps.")
    assert [kinds[ev] for ev, who in states.items() if "org:hrmmu" in who] == ["publication"]
