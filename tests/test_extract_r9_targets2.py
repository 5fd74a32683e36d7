"""Round 9 "targets2" (made-up sentences): wrong targets of acts. A relative clause that hangs on a noun phrase
naming nobody, a possessive's role noun ("his legal representative") before a relative clause, "him" after an
indefinite noun phrase of a coordinated verb, and "the lawyer of X" as the object of an act."""

from __future__ import annotations

from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract


def _targets(ex: Extraction) -> set[tuple[str, str]]:
    return {(c.subject, c.object) for c in ex.claims
            if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "target"}


def _people(ex: Extraction) -> set[str]:
    return {s for s, _o in _targets(ex)}


def test_a_relative_on_an_unnamed_noun_phrase_gives_the_act_to_nobody_named() -> None:
    text, ex = extract("The trial of the journalist Taras Melnyk and the engineer Ivan Koval continues in Rostov-on-Don. "
                       "Two key witnesses for the prosecution, both of whom have been sentenced to prison earlier this year, "
                       "have refused to testify at the trial.")
    assert not any(o.endswith("-verdict") for _s, o in _targets(ex)), ex.claims
    check_quotes(text, ex.claims)


def test_a_relative_on_named_people_keeps_them() -> None:
    text, ex = extract("Police searched the homes of Taras Melnyk and Ivan Koval, both of whom were detained on 5 May.")
    assert {"person:taras-melnyk", "person:ivan-koval"} <= _people(ex), ex.claims
    check_quotes(text, ex.claims)


def test_a_relative_on_an_apposition_keeps_the_name() -> None:
    text, ex = extract("Taras Melnyk, a Crimean Tatar activist who was detained on 5 May, remains in custody.")
    assert "person:taras-melnyk" in _people(ex), ex.claims


def test_his_legal_representative_is_the_one_arrested() -> None:
    text, ex = extract("Taras Melnyk was sentenced on 3 May. "
                       "The trial falls short of international standards: Melnyk was denied the option to attend court "
                       "proceedings and his legal representative faced intimidation, which included arrest earlier this year.")
    assert not any(o.endswith("-arrest") for _s, o in _targets(ex)), ex.claims
    check_quotes(text, ex.claims)


def test_him_after_an_indefinite_noun_phrase_is_that_phrase() -> None:
    text, ex = extract("Taras Melnyk was sentenced in support of prisoner of conscience Ivan Koval. "
                       "“Arresting a frail senior citizen and throwing him behind bars for holding a placard is a disgrace,” "
                       "said Olena Bondar, director of the group.")
    assert ("person:ivan-koval", "event:ivan-koval-detention") not in _targets(ex), ex.claims
    assert "person:ivan-koval" not in _people(ex), ex.claims
    check_quotes(text, ex.claims)


def test_the_lawyer_of_a_client_is_the_one_detained() -> None:
    text, ex = extract("On 5 May police detained the lawyer of Taras Melnyk in Simferopol.")
    assert "person:taras-melnyk" not in _people(ex), ex.claims
    check_quotes(text, ex.claims)


def test_the_name_after_a_nominal_acts_of_is_its_object() -> None:
    text, ex = extract("“Following yesterday’s arrest of the activist Taras Melnyk in Moscow, the detention of Ivan Koval "
                       "is the second time in two days that a defender has been jailed,” said Olena Bondar.")
    assert ("person:ivan-koval", "event:ivan-koval-detention") in _targets(ex), ex.claims
    assert ("person:taras-melnyk", "event:taras-melnyk-detention") not in _targets(ex), ex.claims
    check_quotes(text, ex.claims)


def test_a_relative_on_an_apposition_after_an_age_keeps_the_name() -> None:
    text, ex = extract("Taras Melnyk, 45, a Crimean Tatar activist who was detained on 5 May, remains in custody.")
    assert "person:taras-melnyk" in _people(ex), ex.claims
