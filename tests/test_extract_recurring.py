"""Rules for the classes of events that recur across the development splits (several writers, several
annotators): made-up sentences in the English each class is written in."""

from __future__ import annotations

from loaders.extract.claims import Extraction, extract_claims
from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import find_entries, find_people, split_sentences
from tests.extract_helpers import check_quotes, extract


def _events(ex: Extraction, kind: str | None = None) -> dict[str, str]:
    return {k: e.name for k, e in ex.entities.items() if e.label == "Event" and (kind is None or e.attributes.get("kind") == kind)}


def _claims(ex: Extraction, predicate: str, about: str | None = None) -> set[tuple[str, str, str]]:
    """The (subject, role, object) of the claims of ``predicate`` whose subject or object is ``about``."""
    return {(c.subject, str(c.qualifiers.get("role", "")), c.object) for c in ex.claims
            if c.predicate == predicate and (about is None or about in (c.subject, c.object))}


# --- the annexation of Crimea (all five splits): the state as perpetrator, also when only its words name it


def _annexation(body: str) -> tuple[str, Extraction, str]:
    text, ex = extract(body)
    annex = [k for k, name in _events(ex, "other").items() if name.startswith("Annexation of")]
    assert len(annex) == 1, _events(ex)
    check_quotes(text, ex.claims)
    return text, ex, annex[0]


def test_possessive_state_without_a_mention_is_the_perpetrator() -> None:
    _, ex, ev = _annexation("The teacher was jailed for opposing Russia’s attempted annexation of Crimea in his lessons.")
    assert ("org:russian-federation", "perpetrator", ev) in _claims(ex, "PARTICIPANT_IN", ev)
    assert (ev, "", "place:crimea") in _claims(ex, "LOCATED_IN", ev)


def test_state_after_by_is_the_perpetrator_when_the_article_reads_it_as_the_state() -> None:
    _, ex, ev = _annexation("Russia must free the men. The assembly declared that the annexation of Crimea by Russia remains void.")
    assert ("org:russian-federation", "perpetrator", ev) in _claims(ex, "PARTICIPANT_IN", ev)


def test_its_means_the_state_named_before_in_the_sentence() -> None:
    _, ex, ev = _annexation("Ottawa rejects Russia's sham vote, and its attempted annexation of Crimea, as void.")
    assert ("org:russian-federation", "perpetrator", ev) in _claims(ex, "PARTICIPANT_IN", ev)


def test_its_with_another_state_between_is_not_russia() -> None:
    text, ex = extract("Russia was criticised by Ukraine for its attempted annexation of Crimea.")
    perps = {s for s, role, _ in _claims(ex, "PARTICIPANT_IN") if role == "perpetrator"}
    assert "org:russian-federation" not in perps
    check_quotes(text, ex.claims)


def test_takeover_without_a_land_is_the_article_s_crimea() -> None:
    text, ex, ev = _annexation("Many families left Crimea. They left in the weeks after Russia’s formal takeover on 18 March 2014.")
    assert ("org:russian-federation", "perpetrator", ev) in _claims(ex, "PARTICIPANT_IN", ev)
    assert (ev, "", "place:crimea") in _claims(ex, "LOCATED_IN", ev)
    dated = [c for c in ex.claims if c.object == ev and c.predicate == "PARTICIPANT_IN"]
    assert dated and all(c.qualifiers.get("date") == "2014-03-18" for c in dated)


def test_bare_annexation_in_an_article_without_the_land_is_no_event() -> None:
    text, ex = extract("The senator spoke against Russia’s illegal annexation at the meeting in Vienna.")
    assert not [n for n in _events(ex).values() if n.startswith("Annexation")]


def test_announced_part_of_the_federation_is_the_annexation_with_its_own_date() -> None:
    _, ex, ev = _annexation("In April 2015, Russia declared that Crimea had become part of the Russian Federation.")
    perps = [c for c in ex.claims if c.object == ev and c.qualifiers.get("role") == "perpetrator"]
    assert {c.subject for c in perps} == {"org:russian-federation"}
    assert any(c.qualifiers.get("date") == "2015-04" for c in perps)


def test_annexation_takes_no_date_from_another_clause() -> None:
    _, ex, ev = _annexation("The activist, who opposed Russia’s illegal annexation of Crimea, was detained on 3 May 2019.")
    assert not [c for c in ex.claims if c.object == ev and c.qualifiers.get("date")]


def test_forces_that_invaded_and_occupied_are_the_perpetrator() -> None:
    text, ex = extract("In May 2015, Russian military forces invaded and occupied Crimea.")
    occ = [k for k, n in _events(ex, "other").items() if n.startswith("Military occupation of")]  # (round 11: the entry)
    assert len(occ) == 1
    assert ("org:russian-forces", "perpetrator", occ[0]) in _claims(ex, "PARTICIPANT_IN", occ[0])
    forces = ex.entities["org:russian-forces"]
    assert forces.generic and forces.attributes.get("kind") == "military"
    check_quotes(text, ex.claims)


def test_ongoing_occupation_after_its_is_no_act() -> None:
    # (round 11, convention decision 1: the occupation is recorded wherever the text names it; "its" names no author)
    text, ex = extract("Canada imposed sanctions on Russia over its ongoing occupation of Crimea.")
    occ = [k for k, n in _events(ex).items() if n.startswith("Occupation of")]
    assert not [c for c in ex.claims if c.object in occ and c.predicate == "PARTICIPANT_IN"]


def test_invasion_after_its_is_named_an_invasion() -> None:
    text, ex = extract("Russia began the war in 2014, paving the way to its full-scale invasion of Ukraine.")
    names = list(_events(ex, "other").values())
    assert "Invasion of Ukraine" in names and "Occupation of Ukraine" not in names


# --- the ban on the Mejlis (four splits): the state that imposed it, named by its own words


def test_state_possessive_before_a_ban_is_its_perpetrator() -> None:
    text, ex = extract("The minister again denounced Russia's banning of the Mejlis last spring.")
    ban = [k for k, n in _events(ex).items() if n.startswith("Ban on")]
    assert len(ban) == 1
    assert ("org:russian-federation", "perpetrator", ban[0]) in _claims(ex, "PARTICIPANT_IN", ban[0])
    check_quotes(text, ex.claims)


def test_state_imposed_ban_is_its_perpetrator() -> None:
    _, ex = extract("The envoy criticised the Russian-imposed ban on the Mejlis.")
    ban = [k for k, n in _events(ex).items() if n.startswith("Ban on")]
    assert ban and ("org:russian-federation", "perpetrator", ban[0]) in _claims(ex, "PARTICIPANT_IN", ban[0])


def test_a_ban_someone_else_imposed_has_no_state_from_words() -> None:
    _, ex = extract("The envoy criticised the ban on the Mejlis imposed by the occupation authorities in Crimea.")
    perps = {s for s, role, _ in _claims(ex, "PARTICIPANT_IN") if role == "perpetrator"}
    assert "org:russian-federation" not in perps


# --- a call to release someone: the one called on holds them (four splits)


def _detention_of(ex: Extraction, person: str) -> str:
    evs = [c.object for c in ex.claims if c.subject == person and c.predicate == "PARTICIPANT_IN"
           and ex.entities[c.object].attributes.get("kind") == "detention"]
    assert evs, [(c.subject, c.predicate, c.object) for c in ex.claims]
    return evs[0]


def test_the_authorities_called_on_to_release_are_not_named_the_holder() -> None:
    # round 12 (conv12b) point 3: the call asserts the detention, not who holds him
    text, ex = extract("The delegation urged the Russian authorities to immediately and unconditionally release Server Kadyrov.")
    ev = _detention_of(ex, "person:server-kadyrov")
    assert ("org:russian-authorities", "perpetrator", ev) not in _claims(ex, "PARTICIPANT_IN", ev)
    check_quotes(text, ex.claims)


def test_a_country_called_on_to_release_a_list_detains_each_only_where_the_call_says_it_holds_them() -> None:
    # round 12 (conv12b) point 3: each one's detention; its holder only where the phrase says so
    text, ex = extract("We call on Russia to release Lenur Ablaev, Rustem Memetov and Enver Seitov.")
    for who in ("person:lenur-ablaev", "person:rustem-memetov", "person:enver-seitov"):
        ev = _detention_of(ex, who)
        assert ("org:russian-federation", "perpetrator", ev) not in _claims(ex, "PARTICIPANT_IN", ev)
    text, ex = extract("We call on Russia to release Lenur Ablaev, Rustem Memetov and Enver Seitov, whom it holds in Crimea.")
    for who in ("person:lenur-ablaev", "person:rustem-memetov", "person:enver-seitov"):
        ev = _detention_of(ex, who)
        assert ("org:russian-federation", "perpetrator", ev) in _claims(ex, "PARTICIPANT_IN", ev)
    check_quotes(text, ex.claims)


def test_a_demanded_release_of_someone_is_their_detention_not_a_release() -> None:
    text, ex = extract("The assembly also demanded the immediate and unconditional release of Refat Alimov, a local teacher.")
    ev = _detention_of(ex, "person:refat-alimov")
    assert not _events(ex, "release")
    assert not [c for c in ex.claims if c.object == ev and c.qualifiers.get("role") == "perpetrator"]
    check_quotes(text, ex.claims)


def test_a_call_that_names_no_one_held_adds_no_detention() -> None:
    _, ex = extract("Refat Memetov said the ministry called on Russia to respect the rights of Crimean Tatars.")
    assert not _events(ex, "detention")


# --- the EU spokesperson's statement, told by the headline (three splits)


def _article(title: str, body: str) -> tuple[str, Extraction]:
    """A short article with its own headline, through mentions and the claim rules."""
    text = f"{title}\n\n{body}\n"
    gaz = load_gazetteer()
    entries = find_entries(text, gaz)
    people, _ = find_people(text, entries, gaz)
    return text, extract_claims(text, split_sentences(text), entries, people, gaz)


def test_spokesperson_headline_states_the_eu_statement() -> None:
    text, ex = _article("Ukraine/Russia: Statement by the Spokesperson on the sentencing of two journalists",
                        "The European Union condemns the sentencing of the two journalists in Crimea.")
    said = {c.object for c in ex.claims if c.subject == "org:european-union" and c.predicate == "STATES"}
    assert said and {c.object for c in ex.claims if c.subject == "org:eeas-spokesperson" and c.predicate == "STATES"} == said
    assert ("org:eeas-spokesperson", "", "org:european-union") in _claims(ex, "PART_OF", "org:eeas-spokesperson")
    check_quotes(text, ex.claims)


def test_spokesperson_headline_without_the_eu_words_is_a_statement_of_its_own() -> None:
    _, ex = _article("Statement by the Spokesperson on the detention of Crimean Tatars",
                     "Several Crimean Tatars were detained in Bakhchysarai last week.")
    states = [c for c in ex.claims if c.subject == "org:eeas-spokesperson" and c.predicate == "STATES"]
    assert len(states) == 1 and ex.entities[states[0].object].attributes.get("kind") == "statement"
    assert not _claims(ex, "PART_OF", "org:eeas-spokesperson")


def test_a_spokesperson_named_in_the_body_is_no_headline() -> None:
    _, ex = _article("Crimean Tatars detained", "A statement by the Spokesperson followed on Monday.")
    assert "org:eeas-spokesperson" not in ex.entities


def test_its_annexation_by_the_state_after_the_land() -> None:
    text, ex, ev = _annexation("Media freedom is curtailed in Crimea. Reporters in the Crimean Peninsula after its illegal "
                               "annexation by Russia face prison.")
    assert ("org:russian-federation", "perpetrator", ev) in _claims(ex, "PARTICIPANT_IN", ev)
    assert (ev, "", "place:crimea") in _claims(ex, "LOCATED_IN", ev)


def test_annexation_of_the_peninsula_is_the_article_s_crimea() -> None:
    _, ex, ev = _annexation("Critics of the Russian occupation and illegal annexation of the peninsula face prison in Crimea.")
    assert ("org:russian-federation", "perpetrator", ev) in _claims(ex, "PARTICIPANT_IN", ev)
    assert (ev, "", "place:crimea") in _claims(ex, "LOCATED_IN", ev)
