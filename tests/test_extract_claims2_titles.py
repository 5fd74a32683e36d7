"""Claims between found entities, second round of issue 20 (claims2): a minister named by the office
alone works for the government that issues the article; a desk head's title written small; people
listed before "both of whom worked for"; a civic body makes the statement of the speaker its title
names when the body says nothing of its own.

Sentences written here, each with a near miss that must not fire; every quote is its span's text.
"""

from __future__ import annotations

from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract


def pairs(ex: Extraction, predicate: str) -> set[tuple[str, str]]:
    return {(c.subject, c.object) for c in ex.claims if c.predicate == predicate}


def employers(ex: Extraction, person: str) -> set[str]:
    return {o for s, o in pairs(ex, "WORKS_FOR") if s == person}


def test_a_foreign_secretary_works_for_the_government_that_speaks() -> None:
    text, ex = extract("The UK condemns the sentence handed to Taras Ivanenko. Foreign Secretary Petra Novak said: "
                       "“The UK will not recognise it.”")
    assert "org:united-kingdom" in employers(ex, "person:petra-novak")
    role = next(c.qualifiers.get("role") for c in ex.claims if c.predicate == "WORKS_FOR" and c.subject == "person:petra-novak")
    assert role == "Foreign Secretary"
    check_quotes(text, ex.claims)


def test_a_minister_for_a_region_after_a_comma_and_a_knighthood() -> None:
    text, ex = extract("The UK condemns the verdict. Commenting on the verdict, Minister for Europe and the Americas, "
                       "Sir Tobias Grange, said: “It is unjust.”")
    assert "org:united-kingdom" in employers(ex, "person:tobias-grange")
    check_quotes(text, ex.claims)


def test_another_states_minister_is_not_the_speaking_government() -> None:
    _text, ex = extract("The UK condemns the verdict. Russian Foreign Minister Petro Orlov said the trial was fair.")
    assert "org:united-kingdom" not in employers(ex, "person:petro-orlov")


def test_a_minister_without_a_speaking_government_works_for_nobody() -> None:
    _text, ex = extract("Foreign Secretary Petra Novak visited Kyiv on Monday.")
    assert not employers(ex, "person:petra-novak")


def test_a_desk_head_written_small_is_the_bodys_staff() -> None:
    text, ex = extract("Petra Novak, Amnesty International’s deputy director for Europe and Central Asia, called the "
                       "shutdown a crude attempt to stifle independent media.")
    assert "org:amnesty-international" in employers(ex, "person:petra-novak")
    assert ("person:petra-novak", "org:amnesty-international") not in pairs(ex, "LEADS")
    check_quotes(text, ex.claims)


def test_people_listed_before_both_of_whom_worked_for() -> None:
    text, ex = extract("Police raided the homes of Petra Novak and Olena Ivanenko, both of whom worked for the Crimean "
                       "Human Rights Group.")
    assert "org:crimean-human-rights-group" in employers(ex, "person:petra-novak")
    assert "org:crimean-human-rights-group" in employers(ex, "person:olena-ivanenko")
    check_quotes(text, ex.claims)


def test_one_person_before_of_whom_is_no_list() -> None:
    _text, ex = extract("Police raided the home of Petra Novak, whose sons both worked for the Crimean Human Rights Group.")
    assert not employers(ex, "person:petra-novak")


def test_a_civic_body_makes_its_speakers_statement_said_after_the_title() -> None:
    text, ex = extract("Responding to the news, Petra Novak, Amnesty International’s Director for Eastern Europe and "
                       "Central Asia, said: “He must be released.”")
    said = {o for s, o in pairs(ex, "STATES") if s == "person:petra-novak"}
    assert said and said <= {o for s, o in pairs(ex, "STATES") if s == "org:amnesty-international"}
    check_quotes(text, ex.claims)


def test_a_body_with_its_own_statement_does_not_make_its_staffs() -> None:
    _text, ex = extract("Russia has silenced its critics, said Amnesty International in a report published today. "
                        "Petra Novak, Amnesty International’s Director for Eastern Europe and Central Asia, said: "
                        "“This must stop.”")
    said = {o for s, o in pairs(ex, "STATES") if s == "person:petra-novak"}
    assert said
    assert not said & {o for s, o in pairs(ex, "STATES") if s == "org:amnesty-international"}


def test_who_calls_an_act_by_a_name_is_not_its_target() -> None:
    text, ex = extract("On 13 March, agents detained Olena Ivanenko. The OSCE’s Petra Novak, a representative on freedom "
                       "of the media, called Ivanenko’s detention “a reminder of the practice of intimidation.”")
    targets = {s for s, o in pairs(ex, "PARTICIPANT_IN") if o.endswith("-detention") and s.startswith("person:")}
    assert targets == {"person:olena-ivanenko"}
    check_quotes(text, ex.claims)


def test_people_listed_together_are_still_both_targets() -> None:
    _text, ex = extract("Police detained Petra Novak and Olena Ivanenko in Simferopol on 13 March.")
    targets = {s for s, o in pairs(ex, "PARTICIPANT_IN") if o.endswith("-detention") and s.startswith("person:")}
    assert targets == {"person:petra-novak", "person:olena-ivanenko"}


def test_a_second_staff_member_also_with_the_body() -> None:
    text, ex = extract("On 8 April, agents questioned Petra Novak, a former editor and journalist also with the Crimean "
                       "Human Rights Group, for three hours.")
    assert "org:crimean-human-rights-group" in employers(ex, "person:petra-novak")
    check_quotes(text, ex.claims)


def perpetrators(ex: Extraction, suffix: str) -> set[str]:
    return {s for s, o in pairs(ex, "PARTICIPANT_IN") if o.endswith(suffix) and s.startswith("org:")}


def test_a_list_of_verbs_with_one_agency_and_a_name_after_the_last() -> None:
    text, ex = extract("Federal Security Service (FSB) officers searched Novak’s home in Simferopol on 19 April, detained "
                       "Petra Novak for questioning and subsequently released her.")
    assert "org:fsb" in perpetrators(ex, "-detention")
    check_quotes(text, ex.claims)


def test_a_dot_inside_a_name_ends_no_clause() -> None:
    text, ex = extract("FSB agents raided and searched the house of journalist Petra Novak (freelancer with Krym.Realii), "
                       "confiscated his reporting equipment, and briefly detained him.")
    assert "org:fsb" in perpetrators(ex, "-detention")
    check_quotes(text, ex.claims)


def test_a_participle_after_a_comma_is_no_second_verb_of_the_agency() -> None:
    _text, ex = extract("The FSB searched the home of Petra Novak, detained last year in Kyiv, on 4 May.")
    assert "org:fsb" not in perpetrators(ex, "-detention")
