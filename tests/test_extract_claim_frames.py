"""Claim frames between entities the draft already has (loaders/extract/claim_frames.py, the desk
titles of works_for.py, the non-recognition of place_parts.py), on made-up sentences."""

from __future__ import annotations

from loaders.extract.claims import Extraction, extract_claims
from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import find_entries, find_people, split_sentences
from tests.extract_helpers import check_quotes, extract


def _has(ex, s_part: str, pred: str, o_part: str) -> bool:
    return any(c.predicate == pred and s_part in c.subject and o_part in c.object for c in ex.claims)


def test_adherent_apposition_and_others_are_members() -> None:
    text, ex = extract("Ivan Petrenko, another Jehovah’s Witness from Kerch, was fined. Oleg Sidorenko and all other "
                       "Jehovah’s Witnesses held in Kerch must be released.")
    assert _has(ex, "ivan-petrenko", "MEMBER_OF", "jehovah")
    assert _has(ex, "oleg-sidorenko", "MEMBER_OF", "jehovah")
    check_quotes(text, ex.claims)


def test_banned_party_apposition_is_no_adherent_membership() -> None:
    # a party's member named in apposition is the charge, not a community (the adherent rule skips parties)
    _text, ex = extract("Ivan Petrenko, a Hizb ut-Tahrir member, was sentenced by the Southern District Military Court.")
    assert not any(c.rule == "adherent" for c in ex.claims)


def test_joint_report_every_author_states() -> None:
    text, ex = extract("In a joint report for the UN Committee against Torture, Ukrainian Helsinki Human Rights Union, "
                       "Regional Center for Human Rights, and Media Initiative for Human Rights reported that detainees were beaten.")
    authors = {c.subject for c in ex.claims if c.predicate == "STATES"}
    # the report rules give it to one of them; the list gives it to all three, not to the addressee
    assert {"org:ukrainian-helsinki-human-rights-union", "org:regional-center-for-human-rights",
            "org:media-initiative-for-human-rights"} <= authors
    assert not any(c.predicate == "STATES" and "committee-against-torture" in c.subject for c in ex.claims)
    check_quotes(text, ex.claims)


def test_desk_director_works_for_and_body_states() -> None:
    text, ex = extract("“The verdict is a travesty,” said Anna Kowalska, Amnesty International’s Eastern Europe and "
                       "Central Asia Director.")
    works = [c for c in ex.claims if c.predicate in ("WORKS_FOR", "LEADS") and "anna-kowalska" in c.subject]
    assert [c.predicate for c in works] == ["WORKS_FOR"]
    assert works[0].qualifiers.get("role") == "Eastern Europe and Central Asia Director"
    assert _has(ex, "amnesty", "STATES", "anna-kowalska-statement")
    check_quotes(text, ex.claims)


def test_plain_director_of_body_is_not_desk_staff() -> None:
    _text, ex = extract("“The verdict is a travesty,” said Anna Kowalska, Amnesty International’s Director.")
    assert not any(c.rule == "staff-desk-title" for c in ex.claims)


def test_never_recognise_annexation_puts_crimea_in_ukraine() -> None:
    text, ex = extract("The UK will never recognise Russia’s illegal annexation of Crimea. Crowds in Kyiv, Ukraine, welcomed it.")
    assert _has(ex, "place:crimea", "PART_OF", "place:ukraine")
    check_quotes(text, ex.claims)


def test_illegal_annexation_alone_is_no_position() -> None:
    _text, ex = extract("Since the illegal annexation of Crimea, activists have been detained. Crowds in Kyiv, Ukraine, protested.")
    assert "place:ukraine" in ex.entities and not _has(ex, "place:crimea", "PART_OF", "place:ukraine")


def test_unit_named_by_its_body_is_part_of_it() -> None:
    text, ex = extract("The OSCE Permanent Council met in Vienna. The OSCE has a mission in Ukraine.")
    assert _has(ex, "permanent-council", "PART_OF", "org:osce")
    check_quotes(text, ex.claims)


def test_vice_chair_leads_the_body_whose_chair_is_named() -> None:
    text, ex = extract("“We are alarmed,” said USCIRF Chair Tony Perkins. “Russia must stop,” said Vice Chair Gayle Manchin.")
    leads = [c for c in ex.claims if c.predicate == "LEADS" and c.subject == "person:gayle-manchin"]
    assert [(c.object, c.qualifiers.get("role")) for c in leads] == [("org:uscirf", "Vice Chair")]
    check_quotes(text, ex.claims)


def test_state_title_is_no_sibling() -> None:
    # a president named bare is not the head of the body whose chair the article names
    _text, ex = extract("USCIRF Chair Tony Perkins spoke. President Ivan Petrenko did not answer.")
    assert not any(c.rule == "sibling-title" for c in ex.claims)


def test_prosecutors_alleged_prosecute_the_case() -> None:
    text, ex = extract("The Southern District Military Court sentenced Ivan Petrenko to 12 years in prison. Prosecutors "
                       "alleged that Petrenko recruited members to the group.")
    assert any(c.predicate == "PROSECUTES" and c.rule == "prosecutors-say" and c.object == "case:ivan-petrenko" for c in ex.claims)
    check_quotes(text, ex.claims)


def test_reporting_by_a_body_is_the_one_report_of_the_article() -> None:
    text, ex = extract("Rights have deteriorated, as highlighted in the report by the UN High Commissioner for Human Rights "
                       "published on 25 September. We welcome the invaluable work and reporting by the Office of the United "
                       "Nations High Commissioner for Human Rights (OHCHR).")
    reports = {c.object for c in ex.claims if c.predicate == "STATES"}
    by = {c.subject for c in ex.claims if c.predicate == "STATES"}
    assert len(reports) == 1 and "org:ohchr" in by
    check_quotes(text, ex.claims)


def test_branch_of_a_community_is_part_of_it() -> None:
    text, ex = extract("The head of the Dzhankoy branch of Jehovah’s Witnesses died. Other Jehovah’s Witnesses were fined.")
    assert any(c.predicate == "PART_OF" and "dzhankoy" in c.subject and c.object == "org:jehovahs-witnesses" for c in ex.claims)
    check_quotes(text, ex.claims)


def test_office_of_an_official_is_not_part_of_the_official() -> None:
    _text, ex = extract("The Office of the United Nations High Commissioner for Human Rights published a report. "
                        "The UN High Commissioner for Human Rights spoke.")
    assert not any(c.predicate == "PART_OF" and c.rule == "unit-alias" for c in ex.claims)


def test_coordinated_suspects_each_get_a_case() -> None:
    text, ex = extract("Despite the health problems of Ivan Petrenko and Oleg Sidorenko, detained by the FSB on suspicion of "
                       "involvement with Hizb ut-Tahrir, the authorities denied them medical care.")
    defendants = {c.subject for c in ex.claims if c.predicate == "DEFENDANT_IN"}
    assert {"person:ivan-petrenko", "person:oleg-sidorenko"} <= defendants
    check_quotes(text, ex.claims)


def test_listed_regions_are_not_nested() -> None:
    _text, ex = extract("Russia held sham referenda in Luhansk Oblast, Donetsk Oblast, Zaporizhzhia Oblast, and Kherson Oblast.")
    assert not any(c.predicate == "PART_OF" and c.rule == "place-part" for c in ex.claims)


def test_part_of_statement_takes_the_place_it_names() -> None:
    text, ex = extract("Many were deported to Russia. The U.S. does not recognize the annexation of Crimea by Russia and "
                       "considers that Crimea remains a part of Ukraine.")
    parts = {(c.subject, c.object) for c in ex.claims if c.predicate == "PART_OF"}
    assert ("place:crimea", "place:ukraine") in parts and ("place:russia", "place:ukraine") not in parts
    check_quotes(text, ex.claims)


def test_annexation_in_violation_of_international_law_does_not_put_crimea_in_ukraine() -> None:
    # (round 14, prec14: the words do not say where Crimea lies; round-12 convention 5b)
    text, ex = extract("Seven years have passed since Russia’s illegal annexation of Crimea – a clear violation of international "
                       "law. Crowds in Kyiv, Ukraine, protested.")
    assert not _has(ex, "place:crimea", "PART_OF", "place:ukraine")
    check_quotes(text, ex.claims)


def test_regional_titles_of_a_rights_group_are_staff() -> None:
    for body in ("Anna Kowalska, Amnesty International's Deputy Director for Eastern Europe and Central Asia, spoke.",
                 "Anna Kowalska, Deputy Director for Eastern Europe and Central Asia at Amnesty International, spoke.",
                 "Anna Kowalska, Human Rights Watch's Ukraine researcher, spoke."):
        text, ex = extract(body)
        works = [c for c in ex.claims if c.subject == "person:anna-kowalska" and c.predicate in ("WORKS_FOR", "LEADS")]
        assert [c.predicate for c in works] == ["WORKS_FOR"], body
        check_quotes(text, ex.claims)


def test_related_cases_field_names_defendants_linked_to_the_record() -> None:
    text, ex = extract("The court sentenced Ivan Petrenko to 12 years in prison.\n\nRelated Cases: Oleg Sidorenko\nLenur Seitov\n\n"
                       "Gender: Male")
    related = [c for c in ex.claims if c.rule == "case:related"]
    assert {(c.subject, c.predicate) for c in related} == {
        ("person:oleg-sidorenko", "DEFENDANT_IN"), ("person:lenur-seitov", "DEFENDANT_IN"),
        ("case:ivan-petrenko", "LINKED_TO")}
    assert {c.object for c in related if c.predicate == "LINKED_TO"} == {"case:oleg-sidorenko", "case:lenur-seitov"}
    check_quotes(text, ex.claims)


def test_names_in_prose_are_no_related_cases() -> None:
    _text, ex = extract("The court sentenced Ivan Petrenko to 12 years. Related cases were heard: Oleg Sidorenko was fined.")
    assert not any(c.rule == "case:related" for c in ex.claims)


def test_organisations_named_together_state_one_statement() -> None:
    text, ex = extract("In a joint statement, Human Rights Watch and Amnesty International called the verdict unjust.")
    states = {(c.subject, c.object) for c in ex.claims if c.predicate == "STATES"}
    assert {s for s, _o in states} == {"org:human-rights-watch", "org:amnesty-international"}
    assert len({o for _s, o in states}) == 1
    check_quotes(text, ex.claims)


def test_people_named_together_each_state() -> None:
    text, ex = extract("On Monday, Emil Kurbedinov and Nikolai Polozov said the verdict was unjust.")
    states = {(c.subject, c.object) for c in ex.claims if c.predicate == "STATES"}
    assert ("person:emil-kurbedinov", "event:emil-kurbedinov-statement") in states
    assert ("person:nikolai-polozov", "event:nikolai-polozov-statement") in states
    check_quotes(text, ex.claims)


def test_objects_of_a_verb_are_no_joint_speakers() -> None:
    _text, ex = extract("Police detained Emil Kurbedinov and Nikolai Polozov said the lawyers.")
    assert not any(c.rule in ("joint-speakers", "joint-report") for c in ex.claims)


def _article(text: str) -> Extraction:
    """A whole article (its own title line) through mentions and the claim rules."""
    gaz = load_gazetteer()
    entries = find_entries(text, gaz)
    people, _ = find_people(text, entries, gaz)
    return extract_claims(text, split_sentences(text), entries, people, gaz)


def test_envoy_of_a_government_statement_works_for_it() -> None:
    text = ("UK statement to the OSCE\n\nAmbassador Ivan Petrenko calls for the immediate release of those detained by "
            "Russia.\n\nThe UK condemns the detentions.\n")
    ex = _article(text)
    works = [(c.object, c.qualifiers.get("role")) for c in ex.claims if c.predicate == "WORKS_FOR" and c.subject == "person:ivan-petrenko"]
    assert works == [("org:united-kingdom", "Ambassador")]
    check_quotes(text, ex.claims)


def test_envoy_without_a_government_statement_is_left_alone() -> None:
    ex = _article("A short article\n\nAmbassador Ivan Petrenko visited Kyiv on Monday.\n")
    assert not any(c.rule == "envoy" for c in ex.claims)


def test_bare_office_title_leads_the_office_the_article_names() -> None:
    text, ex = extract("The OSCE High Commissioner on National Minorities visited Kyiv. High Commissioner Anna Kowalska "
                       "met activists there.")
    leads = [(c.object, c.qualifiers.get("role")) for c in ex.claims if c.predicate == "LEADS" and c.subject == "person:anna-kowalska"]
    assert leads == [("org:osce-high-commissioner-on-national-minorities", "High Commissioner")]
    check_quotes(text, ex.claims)
