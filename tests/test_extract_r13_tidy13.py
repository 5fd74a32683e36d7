"""Round 13 (tidy13): one declaration of the role words before a name (graph/role_words.py), read by the cue
gazetteer, the identity resolver, the person finder and the affiliation rules; and a call to release decided at its
two producers (no perpetrator made and then dropped)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from graph import role_words
from graph.identity_names import ROLE_WORDS, strip_roles
from loaders.extract import affiliations, held_groups, people
from loaders.extract.claim_model import Extraction
from loaders.extract.gazetteer import GAZETTEER_DIR, load_gazetteer
from loaders.extract.mentions import Sentence
from loaders.extract.release_calls import call_names_holder
from tests.extract_helpers import check_quotes, extract

# --- one list of role words ---------------------------------------------------------------------------------------

def test_every_reader_takes_its_role_words_from_graph_role_words() -> None:
    assert ROLE_WORDS is role_words.NAME_WORDS
    assert people._ROLE_NOUNS is role_words.ROLE_NOUNS
    assert people._PROCEDURAL == frozenset(role_words.PROCEDURAL)
    assert affiliations.MORE_TITLES is role_words.AFFILIATION_TITLES
    assert set(role_words.TITLES) <= load_gazetteer().titles
    cues = yaml.safe_load((GAZETTEER_DIR / "cues.yaml").read_text(encoding="utf-8"))
    assert "titles" not in cues and "relatives" not in cues  # declared once, in graph/role_words.py
    assert load_gazetteer().cues["relatives"] == [w.lower() for w in role_words.KINSHIP]
    # the groups: kinship and a party's standing are no position, but no part of a name either
    assert "Wife" not in role_words.TITLES and "Wife" not in role_words.ROLE_NOUNS  # a relation, not a position
    assert {"wife", "defendant", "witness"} <= role_words.NAME_WORDS  # still no part of a name
    assert "Defendant" not in role_words.TITLES and role_words.ROLE_NOUNS["Defendants"] == "Defendant"
    assert "of" not in role_words.NAME_WORDS and "lord" not in role_words.NAME_WORDS  # "Lord Ahmad" is his name


def test_plurals_are_derived_and_map_to_their_singular() -> None:
    nouns = role_words.ROLE_NOUNS
    assert nouns["Deputies"] == "Deputy" and nouns["Chairmen"] == "Chairman" and nouns["Witnesses"] == "Witness"
    assert nouns["MPs"] == "MP" and nouns["Attorneys"] == "Attorney" and nouns["Accused"] == "Accused"
    assert nouns["Mrs"] == "Mrs"  # not the plural of "Mr"
    assert not {"Drs", "Deputys", "Chairmens", "Accuseds"} & set(nouns)
    assert (("Prisoners", "of", "Conscience"), "Prisoner of Conscience") in people._ROLE_COMPOUNDS


def test_the_resolver_drops_every_role_word_from_a_name() -> None:
    assert strip_roles("Defendant Ivan Petrov") == "Ivan Petrov"
    assert strip_roles("founder Ivan Petrov") == "Ivan Petrov"
    assert strip_roles("Sheikh Ivan Petrov") == "Ivan Petrov"
    assert strip_roles("Lord Ahmad") == "Lord Ahmad"


@pytest.mark.parametrize("title", ["Detective", "Solicitor", "Notary"])
def test_a_title_the_resolver_knew_is_a_title_before_a_name(title: str) -> None:
    text, ex = extract(f"{title} Ivan Petrov said the search was lawful.")
    person = ex.entities.get("person:ivan-petrov")
    assert person is not None and person.name == "Ivan Petrov"
    assert person.attributes.get("position") == title.lower()
    check_quotes(text, ex.claims)


def test_a_plural_title_before_a_list_is_the_position() -> None:
    text, ex = extract("Bishops Ivan Petrov and Oleg Sidorov were detained on Monday.")
    assert "person:ivan-petrov" in ex.entities and "person:bishops-ivan-petrov" not in ex.entities
    assert ex.entities["person:ivan-petrov"].attributes.get("position") == "bishop"


# --- a call to release, decided at its producers ------------------------------------------------------------------

def _made(monkeypatch: pytest.MonkeyPatch, body: str) -> tuple[str, Extraction, list[tuple[str, str]]]:
    """Every release-call perpetrator claim the rules make, kept or not."""
    made: list[tuple[str, str]] = []
    claim = Extraction.claim

    def spy(self: Extraction, subject: str, predicate: str, obj: str, *args: object, **kw: object) -> None:
        if len(args) > 2 and args[2] == "perpetrator:detention:release-call":
            made.append((subject, obj))
        claim(self, subject, predicate, obj, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Extraction, "claim", spy)
    text, ex = extract(body)
    return text, ex, made


def test_a_plain_call_to_release_makes_no_perpetrator_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    text, ex, made = _made(monkeypatch, "The Ministry calls on the Russian Federation to immediately release Oleg Sentsov.")
    assert made == []
    assert any(c.subject.startswith("person:oleg-sentsov") and "detention" in c.object for c in ex.claims)
    check_quotes(text, ex.claims)
    # a call that says who holds them: the perpetrator is made, and it is kept
    text, ex, made = _made(monkeypatch, "We call on Russia to immediately release Oleg Sentsov and all other Ukrainians "
                                        "whom it is illegally detaining in Crimea.")
    assert any("sentsov-detention" in o for _s, o in made)
    assert all(c.rule != "perpetrator:detention:release-call" or (c.subject, c.object) in made for c in ex.claims)
    check_quotes(text, ex.claims)


def test_a_call_to_release_the_illegally_detained_makes_no_perpetrator(monkeypatch: pytest.MonkeyPatch) -> None:
    _text, _ex, made = _made(monkeypatch, "Ukraine calls on the Russian Federation to stop repressions and release "
                                          "illegally detained Emir Ussein Kuku and Vadim Sirik.")
    assert made == []


def test_one_predicate_decides_and_nothing_drops_afterwards() -> None:
    text = "We urge Russia to release X, whom it is illegally detaining. We urge Russia to release Y."
    cut = text.index(" We urge", 5)
    first = Sentence(0, cut, text[:cut])
    second = Sentence(cut + 1, len(text), text[cut + 1:])
    assert call_names_holder(text, first, 0, "event:x-detention")
    assert not call_names_holder(text, second, second.start, "event:y-detention")
    assert not call_names_holder(text, first, 0, held_groups.HELD_EVENT)  # the held group's holder is its phrase's
    assert not hasattr(held_groups, "drop_called_holders")
    assert "drop_called_holders" not in Path(held_groups.__file__).with_name("claims.py").read_text(encoding="utf-8")
