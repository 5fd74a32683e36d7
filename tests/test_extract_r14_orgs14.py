"""Round 14, orgs14: organisation names that hold on unseen text — a body's name without the possessive that
follows it (loaders/extract/orgs.py), national parliaments known by their own name (gazetteers/organisations.yaml),
and the Crimean Tatars as one item of a list of groups an abuse is done "against"
(loaders/extract/collective_phrases.py), on made-up sentences."""

from __future__ import annotations

from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import find_entries

TATARS = "crimean-tatar-community-generic"


def _orgs(body: str) -> list[tuple[str, str]]:
    text = f"A short article\n\n{body}\n"
    return [(m.text, m.entry.key if m.entry is not None else "") for m in find_entries(text, load_gazetteer())
            if m.label == "Organisation"]


def test_a_possessive_is_no_part_of_a_body_name() -> None:
    # a head-noun name whose tail takes the "’s" of a possessive: the body is named without it
    for body, name in (("The Ministry of Justice’s decision was criticised by lawyers.", "Ministry of Justice"),
                       ("The Committee for Human Rights's report was published.", "Committee for Human Rights"),
                       ("She cited the Court of Appeals’ ruling.", "Court of Appeals")):
        names = [n for n, _k in _orgs(body)]
        assert name in names, (body, names)
        assert not any(n.endswith(("’s", "'s", "’")) for n in names), names


def test_national_parliaments_by_their_own_name() -> None:
    keys = {k for _n, k in _orgs("The Storting adopted a resolution, and the Riigikogu and the Bundestag did the same.")}
    assert {"storting", "riigikogu", "bundestag"} <= keys, keys


def test_crimean_tatars_in_a_list_of_groups_an_abuse_is_against() -> None:
    for body in ("The authorities waged a campaign of repression against Crimean Tatars, ethnic Ukrainians, and others.",
                 "Monitors list abuses against independent media, religious groups, Crimean Tatars and critics."):
        assert ("Crimean Tatars", TATARS) in _orgs(body), body


def test_crimean_tatars_in_other_lists_stay_the_lists() -> None:
    # a list a qualifier scopes is the list's own collective (a list the sentence makes the subject of the abuse is
    # split since README conv14b point 2: tests/test_extract_r14_align14b.py)
    for body in ("Russia must free all illegally detained Ukrainian soldiers, ethnic Ukrainians, Crimean Tatars and journalists."):
        assert not [k for _n, k in _orgs(body) if k == TATARS], body
