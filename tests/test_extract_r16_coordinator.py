"""Round 16, coordinator: the extractor follows two of the round's convention decisions (README conv16a point 1,
conv16b point 7(a)), on made-up sentences."""

from __future__ import annotations

from loaders.extract.entries import find_entries


def _orgs(text: str) -> dict[str, str]:
    return {m.text: m.ref for m in find_entries(text) if m.label == "Organisation"}


def test_officials_of_a_nationality_are_its_authorities() -> None:
    # One collective, one key: "Russian officials" is the Russian authorities (conv16b point 7(a)).
    found = _orgs("The bill places visa sanctions on Russian officials responsible for these violations.")
    assert found["Russian officials"] == "org:russian-authorities"
    assert _orgs("Ukrainian officials met the mission.")["Ukrainian officials"] == "org:ukrainian-authorities"
    # other collective nouns keep their own generic key
    assert _orgs("Russian soldiers entered the village.")["Russian soldiers"] == "org:russian-soldiers-generic"


def test_platform_only_where_it_acts_or_is_acted_on() -> None:
    # conv16a point 1: posted on / a post on a platform is the medium; blocked by or blocking it is an actor.
    assert _orgs("The ministry wrote on Facebook that he was detained. He was fined for a Telegram post.") == {}
    found = _orgs("Telegram blocked the channel after the court banned Instagram.")
    assert found["Telegram"] == "org:telegram" and found["Instagram"] == "org:instagram"
