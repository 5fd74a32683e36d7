"""Round 10, the coordinator's fixes: a regex name defined twice in one module (the later definition, for
resolutions, shadowed the bare-deportation pattern, so "the Stalinist deportation" was never read)."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def test_a_bare_deportation_of_the_people_is_read() -> None:
    text, ex = extract("Crimean Tatars commemorate the Stalinist deportation from Crimea, carried out by the NKVD in May 1944.")
    found = {(c.subject, c.predicate, c.object) for c in ex.claims}
    event = "event:crimean-tatar-deportation-1944"
    assert ("org:nkvd", "PARTICIPANT_IN", event) in found
    assert (event, "LOCATED_IN", "place:crimea") in found
    check_quotes(text, ex.claims)
