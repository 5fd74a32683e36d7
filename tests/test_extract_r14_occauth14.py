"""Round 14, occauth14: the occupation authorities as the actor of the acts an article tells (README, round 10
decision 3: the authorities ruling Crimea under Russia are one collective, ``org:russian-occupation-authorities``;
a later bare "Russian authorities" that refers back to them is their alias), on made-up sentences."""

from __future__ import annotations

from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import find_entries
from tests.extract_helpers import check_quotes, extract

OCC = "org:russian-occupation-authorities"
RUS = "org:russian-authorities"


def _refs(body: str, phrase: str) -> set[str]:
    """The keys of the organisation mentions whose text is ``phrase``."""
    return {m.ref for m in find_entries(body, load_gazetteer()) if m.label == "Organisation" and m.text == phrase}


def test_russian_authorities_in_doubt_are_the_occupation_authorities() -> None:
    # the writer's quotation marks around "authorities" after "Russian" (mismatched marks too) hedge them
    body = ("Monitors reported that Russian “authorities\" in occupied Crimea continued to persecute and intimidate "
            "minority religious congregations, including Jehovah’s Witnesses.")
    assert _refs(body, "Russian “authorities\"") == {OCC}
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    assert any(c.subject == OCC and c.qualifiers.get("role") == "perpetrator"
               and ex.entities[c.object].name.startswith("Persecution") for c in ex.claims)


def test_a_later_bare_russian_authorities_refers_back_to_the_occupation_authorities() -> None:
    body = ("The occupying Russian authorities keep widening their reprisals against the Crimean Tatars. "
            "Russian authorities have already banned the Mejlis. The Russian authorities detained dozens of activists.")
    assert _refs(body, "Russian authorities") == {OCC}
    assert _refs(body, "The Russian authorities") == {OCC}
    # the same when the occupation authorities are first named "Russian authorities in Crimea" or "de facto Russian"
    assert _refs("The Russian authorities in Crimea fined him. Later Russian authorities banned it.",
                 "Russian authorities") == {OCC}
    assert _refs("The ‘de-facto’ Russian authorities fined him. Later Russian authorities banned it.",
                 "Russian authorities") == {OCC}


def test_russian_authorities_stay_russias_where_the_occupation_authorities_are_named_otherwise() -> None:
    # "de facto authorities" (no "Russian authorities" in the phrase), or nothing before: the Russian state's organs
    assert _refs("The de facto authorities fined him. Russian authorities banned the Mejlis.", "Russian authorities") == {RUS}
    assert _refs("Russian authorities banned the Mejlis. The occupying Russian authorities fined him.",
                 "Russian authorities") == {RUS}
    assert _refs("The occupying Russian authorities fined him. Russian authorities in Moscow banned the Mejlis.",
                 "Russian authorities") == {RUS}
