"""Round 11b, acts11: acts done to people in wordings the drafts missed (made-up sentences in the shape of the
development splits'): a release from a custodial measure tells of the measure, and searches told as a noun with
"carried out" / "conducted" (loaders/extract/gazetteers/events.yaml, loaders/extract/acts.py)."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _events(body: str) -> dict[str, dict[str, set[str]]]:
    """Each drafted event's kind -> role -> participants."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    out: dict[str, dict[str, set[str]]] = {}
    for c in ex.claims:
        if c.predicate == "PARTICIPANT_IN":
            kind = str(ex.entities[c.object].attributes.get("kind"))
            out.setdefault(kind, {}).setdefault(str(c.qualifiers.get("role")), set()).add(c.subject)
    return out


def test_release_from_detention_tells_of_the_detention() -> None:
    # "to witness the release from detention of human rights lawyer X" (dev, CoE Commissioner)
    found = _events("Dozens of people gathered in Simferopol to witness the release from detention of human rights "
                    "lawyer Rustem Kadyrov.")
    assert "person:rustem-kadyrov" in found.get("release", {}).get("target", set()), found
    assert "person:rustem-kadyrov" in found.get("detention", {}).get("target", set()), found


def test_release_from_house_arrest_is_a_detention_not_an_arrest() -> None:
    # "I am glad that X has been released from house arrest" (dev4, OSCE RFoM)
    found = _events("The Representative said she was glad that Rustem Kadyrov has been released from house arrest.")
    assert "person:rustem-kadyrov" in found.get("detention", {}).get("target", set()), found
    assert "arrest" not in found, found


def test_a_release_from_prison_tells_of_no_new_detention() -> None:
    found = _events("Rustem Kadyrov was released from prison on Wednesday.")
    assert "detention" not in found, found


def test_searches_carried_out_by_an_agency_in_a_group_s_premises() -> None:
    # "searches carried out by masked and armed members of security forces in Muslim religious institutions,
    # businesses and private homes belonging to members of the Crimean Tatar Community" (dev2, CoE Commissioner)
    found = _events("The Commissioner draws attention to searches carried out by the FSB in religious institutions "
                    "and private homes belonging to members of the Crimean Tatar community.")
    assert "org:fsb" in found.get("search", {}).get("perpetrator", set()), found
    assert "org:crimean-tatar-community-generic" in found.get("search", {}).get("target", set()), found
