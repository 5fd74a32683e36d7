"""Round 15, audit15: false entities seen on unseen articles (new publishers), in the shape of each class.

- A news site's page chrome kept with the article: a funding or reprint notice naming the publisher and its
  donor, a photo credit in brackets, a republication note, accessibility and ticker headers, a typo-report
  widget, font-size buttons. They name organisations the article does not speak of.
- A Crimean settlement called by its Soviet-era name ("Kirovskoye village") that GeoNames lists first for a
  town elsewhere in Ukraine: the Crimean place is meant."""

from __future__ import annotations

from loaders.extract.clean import clean_text
from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import find_entries
from tests.extract_helpers import extract

_CHROME = """Accessibility links

Breaking News

A+ A- Subscribe

Searches in a village

The work of Foo Press is supported by the Bar Renaissance Foundation

When referencing our materials, please include an active hyperlink to the Foo Press material.

Privacy and Cookie Policies.

(Photo: Baz News Agency)

Police searched the house of a local teacher in Simferopol on Tuesday.

This post was originally published on Qux Radio.

If you have found a mistake, select it and press Ctrl+Enter

Spelling error report

The following text will be sent to our editors:
"""


def test_page_chrome_lines_are_dropped_and_the_article_kept() -> None:
    text = clean_text(_CHROME)
    assert text.splitlines()[0] == "Searches in a village"
    assert "Police searched the house of a local teacher in Simferopol on Tuesday." in text
    for word in ("Accessibility", "Breaking", "Foo Press", "Renaissance", "Privacy", "Baz News", "Qux Radio",
                 "Ctrl", "Spelling", "editors", "A+"):
        assert word not in text, word


def test_page_chrome_names_no_organisation() -> None:
    text = clean_text(_CHROME)
    names = {m.text for m in find_entries(text, load_gazetteer()) if m.label == "Organisation"}
    assert not any("Foo" in n or "Foundation" in n or "Baz" in n or "Qux" in n for n in names), names


def test_a_sentence_about_a_photo_or_a_foundation_stays() -> None:
    body = ("Police seized a photo: the family said the work of the foundation is supported by donors.\n\n"
            "Breaking news of the detention spread quickly.")
    text = clean_text(body)
    assert "Police seized a photo" in text and "Breaking news of the detention" in text


def test_soviet_era_name_of_a_crimean_settlement_is_the_crimean_place() -> None:
    _, ex = extract("Activists gathered near the police department in Kirovskoye village, waiting for the detained men.")
    places = {k for k, e in ex.entities.items() if e.label == "Location"}
    assert "place:kirovske" in places and "place:khrestivka" not in places
