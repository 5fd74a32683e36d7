"""Round 13, align13b: the extractor follows the round-13 convention decisions (conv13b, examples/articles/real/
README.md): a state and its government are one actor keyed by the state's name (point 4), a raion is
``place:<name>-district`` (point 3), a sentence given to several named defendants is one verdict each (point 5), a
delegation named as a statement's author states it with the person who delivers it (point 1). Made-up sentences."""

from __future__ import annotations

from loaders.extract.mentions import find_entries
from loaders.extract.orgs import government_key
from tests.extract_helpers import check_quotes, extract
from tests.test_extract_r10_gov7 import _doc


def _refs(text: str) -> dict[str, str]:
    return {m.text: m.ref for m in find_entries(text)}


# --- point 4: "X", "the Government of X", "the X government" are one actor, keyed by the state's name


def test_a_state_and_its_government_share_the_states_key() -> None:
    assert government_key("united-states") == "united-states"
    assert government_key("canada") == "canada"
    assert government_key("russia") == "russian-federation"  # (Russia keeps its established key)
    assert _refs("The Government of Canada condemns the detention of Ivan Petrenko.")["Government of Canada"] == "org:canada"
    assert _refs("The Estonian government condemns the detention.")["Estonian government"] == "org:estonia"
    assert _refs("The British government condemns the detention.")["British government"] == "org:united-kingdom"
    assert _refs("The United States condemns the detention of Ivan Petrenko.")["United States"] == "org:united-states"
    assert _refs("The UK condemns the sentence.")["UK"] == "org:united-kingdom"


def test_a_ministry_of_a_state_stays_a_body_of_its_own() -> None:
    refs = _refs("The United States condemns the sentence, the U.S. Department of State said.")
    assert refs["U.S. Department of State"] == "org:us-department-of-state"
    assert refs["United States"] == "org:united-states"


# --- point 3: a raion is "-district" whatever the text's word; an oblast "-oblast"


def test_a_raion_is_keyed_district() -> None:
    assert _refs("He lives in Bakhchysarai district of Crimea.")["Bakhchysarai district"] == "place:bakhchysarai-district"
    assert _refs("He lives in the Simferopol Raion.")["Simferopol Raion"] == "place:simferopol-district"
    assert _refs("He lives in the Sudak raion of Crimea.")["Sudak raion"] == "place:sudak-district"
    assert _refs("He was taken to a colony in the Tambov region.")["Tambov region"] == "place:tambov-oblast"


# --- point 5: one verdict per named defendant of a group sentence


def _verdict_targets(body: str) -> set[str]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {c.subject for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.object in ex.entities
            and ex.entities[c.object].attributes.get("kind") == "verdict"}


def test_named_defendants_given_sentences_each_have_a_verdict() -> None:
    body = "Mr Ivan Petrenko and Mr Taras Melnyk were given lengthy jail sentences following unfair trials."
    assert _verdict_targets(body) == {"person:ivan-petrenko", "person:taras-melnyk"}
    text, ex = extract(body)
    parts = {(c.subject, c.object) for c in ex.claims if c.predicate == "PART_OF"}
    assert ("event:ivan-petrenko-verdict", "case:ivan-petrenko") in parts
    assert ("event:taras-melnyk-verdict", "case:taras-melnyk") in parts


def test_a_group_named_elsewhere_keeps_no_verdict_event() -> None:
    body = ("The two men were detained by the police and given lengthy jail sentences. They are Ivan Petrenko and "
            "Taras Melnyk.")
    assert not _verdict_targets(body)


# --- point 1: a delegation named as the author states the statement with the person who delivers it


def test_a_delegation_with_a_speaker_is_its_own_body_and_states() -> None:
    ex, claims = _doc("Statement of the Delegation of Ukraine during the Interactive Dialogue at the 50th session of "
                      "the UN Human Rights Council\n\nIntervention by H.E. Mr. Ivan Petrenko,\nAmbassador, Permanent "
                      "Representative of Ukraine\n\nMr. President,\n\nUkraine condemns the searches of Crimean Tatar "
                      "homes.\n")
    d = "org:ukrainian-delegation-to-the-un"
    assert d in ex.entities
    ev = next(o for s, p, o, _r in claims if s == "person:ivan-petrenko" and p == "STATES")
    assert (d, "STATES", ev, "") in claims
    assert "Delegation of Ukraine" not in ex.entities["org:ukraine"].aliases


def test_a_delegation_named_without_its_forum_takes_the_forum_the_lead_names() -> None:
    ex, _claims = _doc("Statement by H.E. Mr. Ivan Petrenko, Permanent Representative of Japan to the United Nations, "
                       "at the Open Meeting on Crimea\n\nMr. Moderator,\n\nI thank the Ukrainian Delegation for "
                       "convening this meeting.\n")
    assert "org:ukrainian-delegation-to-the-un" in ex.entities
    assert not any(k.startswith("org:") and "delegation" in k and k != "org:ukrainian-delegation-to-the-un"
                   for k in ex.entities)
    ex, _claims = _doc("A note\n\nMr. Chairman,\n\nThe Ukrainian delegation held an event on the prisoners.\n")
    assert "org:ukrainian-delegation-to-the-un" not in ex.entities  # (no forum in the lead: the delegation as named)
