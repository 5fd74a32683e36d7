"""Round 8 organisation and case rules, on made-up sentences: cases between states, a known body's
acronym that only qualifies a plural ("UN Member States"), a title's office ("Prosecutor-General’s
Office") and the UN monitoring mission's corpus key."""

from __future__ import annotations

from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import find_entries
from tests.extract_helpers import check_quotes, extract


def _orgs(text: str) -> dict[str, str]:
    return {m.text: m.ref for m in find_entries(text, load_gazetteer()) if m.label == "Organisation"}


def _claims(body: str, predicate: str) -> set[tuple[str, str]]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {(c.subject, c.object) for c in ex.claims if c.predicate == predicate}


def test_an_inter_state_case_before_the_european_court_is_the_known_case_with_russia_as_defendant() -> None:
    body = ("The ministers met to discuss the Ukraine v. Russia inter-state case concerning Crimea, decided by the "
            "European Court of Human Rights.")
    assert ("org:russian-federation", "case:ukraine-v-russia-re-crimea") in _claims(body, "DEFENDANT_IN")
    # "concerning Crimea" says where, not what was breached: no accusation.
    assert not _claims(body, "ACCUSED_OF")


def test_a_case_titled_with_against_after_the_case_of_names_its_breaches() -> None:
    body = ("The judgment of the European Court of Human Rights in the case of “Ukraine against Russia concerning "
            "grave violations of the rights of detainees” was welcomed.")
    accused = _claims(body, "ACCUSED_OF")
    assert accused == {("org:russian-federation", "case:ukraine-v-russia-re-crimea")}
    text, ex = extract(body)
    charge = next(c.qualifiers["charge"] for c in ex.claims if c.predicate == "ACCUSED_OF")
    assert charge == "grave violations of the rights of detainees"


def test_the_court_of_the_convention_tells_the_world_court_case_apart() -> None:
    body = ("The Foreign Ministry recalled the order of the International Court of Justice in the case of Ukraine vs "
            "Russia regarding the application of the Convention on the Elimination of Racial Discrimination.")
    assert ("org:russian-federation", "case:ukraine-v-russia-icsft-cerd") in _claims(body, "DEFENDANT_IN")


def test_an_unknown_pair_of_states_gets_a_case_of_its_own() -> None:
    body = "The court heard the inter-state case Georgia v. Russia last year."
    text, ex = extract(body)
    assert any(c.predicate == "DEFENDANT_IN" and c.object == "case:georgia-v-russia" for c in ex.claims)


def test_against_without_a_procedure_is_no_case() -> None:
    body = "The struggle of Ukraine against Russia goes on, the minister said in court."
    assert not any(o.startswith("case:") for _s, o in _claims(body, "DEFENDANT_IN"))


def test_an_acronym_before_an_unknown_plural_is_no_actor() -> None:
    assert "UN" not in _orgs("The statement called on UN Member States to act.")
    assert "UN" not in _orgs("The letter of the UN Special Procedures mandate holders was sent.")
    assert "UN" not in _orgs("The government supports UN Human Rights monitors in the region.")


def test_an_acronym_alone_or_in_a_known_name_stays() -> None:
    found = _orgs("The UN says so. The UN Human Rights Council met. The EU sanctions were renewed.")
    assert found.get("UN") == "org:united-nations"
    assert found.get("UN Human Rights Council") == "org:un-human-rights-council"
    assert found.get("EU") == "org:european-union"


def test_a_title_with_its_possessive_heads_an_office() -> None:
    found = _orgs("Later the Moscow-backed Prosecutor-General’s Office announced a probe.")
    assert "Prosecutor-General’s Office" in found
    assert "Prosecutor’s Office" in _orgs("On Monday the Prosecutor’s Office appealed.")


def test_the_un_monitoring_mission_has_the_corpus_key() -> None:
    found = _orgs("The report of the Human Rights Monitoring Mission in Ukraine was published.")
    assert found.get("Human Rights Monitoring Mission in Ukraine") == "org:hrmmu"


def test_a_gathering_of_a_body_is_not_the_body() -> None:
    assert _orgs("At the 1234th Meeting of the Permanent Council in Vienna he spoke.") == {
        "Permanent Council": "org:osce-permanent-council"}
    found = _orgs("He spoke at the Inaugural Summit of the International Crimea Platform on 23 August.")
    assert set(found) == {"International Crimea Platform"}
    assert "OSCE Parliamentary Assembly" in _orgs("The Annual Session of the OSCE Parliamentary Assembly adopted it.")


def test_against_names_a_cause_only_after_a_cause_s_body() -> None:
    assert _orgs("the policy of the Russian Federation against the Crimean Tatars") == {
        "Russian Federation": "org:russian-federation", "Crimean Tatars": "org:crimean-tatar-community-generic"}  # (the people)
    assert "UN Committee against Torture" in _orgs("The UN Committee against Torture said so.")


def test_a_post_before_of_leaves_the_body_after_it() -> None:
    assert _orgs("He arrested Crimean Tatar First Deputy Head of the Mejlis Nariman Dzhelyal.") == {"Mejlis": "org:mejlis-of-the-crimean-tatar-people"}
    assert _orgs("The Secretary General of the Council of Europe said.") == {"Council of Europe": "org:council-of-europe"}
    # A head noun before "of" names the body there.
    assert "General Prosecutor's Office of Ukraine" in _orgs("The General Prosecutor's Office of Ukraine said.")


def test_a_text_a_body_issues_is_not_the_body() -> None:
    assert _orgs("Comment of Ukraine's Foreign Ministry on the detention") == {
        "Ukraine's Foreign Ministry": "org:ministry-of-foreign-affairs-of-ukraine"}
    assert _orgs("ADDRESS of the Verkhovna Rada of Ukraine to international organizations") == {
        "Verkhovna Rada of Ukraine": "org:verkhovna-rada"}


def test_the_houses_of_the_uk_parliament_are_known() -> None:
    found = _orgs("He told the House of Lords that the House of Commons agreed.")
    assert found == {"House of Lords": "org:house-of-lords", "House of Commons": "org:house-of-commons"}


def test_a_historical_state_is_an_organisation() -> None:
    found = _orgs("They endured oppression from the Russian Empire and the USSR.")
    assert found == {"Russian Empire": "org:russian-empire", "USSR": "org:soviet-union"}


def test_like_before_a_surname_is_no_given_name() -> None:
    text, ex = extract("Ilmi Umerov was sentenced in 2017. Like Umerov, he was accused of separatism.")
    people = {k for k in ex.entities if k.startswith("person:")}
    assert people == {"person:ilmi-umerov"}
    check_quotes(text, ex.claims)


def _people(body: str) -> set[str]:
    _text, ex = extract(body)
    return {e.name for k, e in ex.entities.items() if k.startswith("person:")}


def test_a_parliament_record_s_speech_head_names_the_member_not_the_party_or_seat() -> None:
    assert _people("John Smith Conservative, Henley: I beg to move that this House has considered the matter.") == {
        "John Smith"}
    assert _people("Mary Jones Labour, Birmingham, Perry Barr: It is a pleasure to serve.") == {"Mary Jones"}


def test_an_office_after_the_name_is_the_role() -> None:
    assert _people("Khalid Mahmood Shadow Minister (Foreign Affairs) 10:37 am, 24th April 2019") == {"Khalid Mahmood"}
