"""Numbered resolutions listed in one sentence (issue 20, loaders/extract/state_acts.py): the resolutions after
the first share its body, a body the sentence opens on recalls its resolutions, and a resolution told with its
subject is a ``publication`` of its body. The sentences and numbers are made up for the tests."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def resolutions(body: str) -> dict[str, tuple[str, set[str]]]:
    """Each resolution event's kind and the bodies that STATE it."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {k: (str(e.attributes.get("kind")), {c.subject for c in ex.claims if c.object == k and c.predicate == "STATES"})
            for k, e in ex.entities.items() if e.label == "Event" and e.name.startswith("Resolution")}


def test_resolutions_listed_after_the_first_share_its_body() -> None:
    evs = resolutions("The UN General Assembly’s Resolution 11/111 on the Territorial Integrity of Ukraine of March 2, 2013, "
                      "and Resolution 22/222 on the Situation of Human Rights in Crimea of May 5, 2016, call on Russia to leave.")
    assert evs["event:resolution-11-111"] == ("publication", {"org:un-general-assembly"})
    assert evs["event:resolution-22-222"] == ("publication", {"org:un-general-assembly"})
    evs = resolutions("The report cites the UN General Assembly Resolution 33/333 on the Situation of Human Rights in Crimea; "
                      "and Resolution 44/44 on the Militarization of Crimea.")
    assert evs["event:resolution-33-333"] == ("publication", {"org:un-general-assembly"})
    assert evs["event:resolution-44-44"] == ("publication", {"org:un-general-assembly"})


def test_a_resolution_cited_by_its_number_alone_is_its_bodys_publication() -> None:
    # (before the corpus's round-10 convention decision 3 such a resolution was an act, kind "other")
    evs = resolutions("The measures the EU has taken since 2014 are in line with the UNGA Resolution 55/555.")
    assert evs["event:resolution-55-555"] == ("publication", {"org:un-general-assembly"})


def test_the_body_a_sentence_opens_on_recalls_its_resolutions() -> None:
    evs = resolutions("1. The Parliamentary Assembly of the Council of Europe recalls previous resolutions on Ukraine, in particular "
                      "Resolution 1111 (2014) on the credentials of a delegation and Resolution 2222 (2016) on people "
                      "captured during the war.")
    assert evs["event:resolution-1111"] == ("publication", {"org:pace"})
    assert evs["event:resolution-2222"] == ("publication", {"org:pace"})
    # a resolution no body is said to have adopted or recalled stays out
    assert resolutions("Observers discussed Resolution 3333 (2019) on migration at length.") == {}
