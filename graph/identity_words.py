"""Words of organisation and collective names, shared by :mod:`graph.identity_orgs` and
:mod:`graph.identity_collectives`: the places and peoples that qualify a name, and how a name
is cut into words."""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

__all__ = ["PLACES", "PEOPLES", "PEOPLE_WORDS", "NOT_PLACES", "PLACE_FILLERS", "STOP", "place_of", "tokens", "SPELLINGS"]

# Places and their adjectives, one canonical form each; any other capitalised word ending in
# -ian or -ean is read as a place adjective too (Georgian, Korean), its place the word less its "n".
PLACES = {
    "russia": "russia", "russian": "russia", "rf": "russia", "ukraine": "ukraine", "ukrainian": "ukraine",
    "crimea": "crimea", "crimean": "crimea", "krym": "crimea", "sevastopol": "sevastopol", "simferopol": "simferopol",
    "kyiv": "kyiv", "kiev": "kyiv", "moscow": "moscow", "europe": "europe", "european": "europe",
    "belarus": "belarus", "belarusian": "belarus", "kazakh": "kazakhstan", "kazakhstan": "kazakhstan",
    "chechen": "chechnya", "chechnya": "chechnya", "dagestan": "dagestan", "tatarstan": "tatarstan",
    "donetsk": "donetsk", "luhansk": "luhansk", "lugansk": "luhansk", "kherson": "kherson",
    "zaporizhzhia": "zaporizhzhia", "krasnodar": "krasnodar", "rostov": "rostov", "rostov-on-don": "rostov",
    "british": "uk", "uk": "uk",
    "us": "us", "american": "us", "soviet": "ussr", "turkish": "turkey", "turkey": "turkey", "polish": "poland",
    "poland": "poland", "german": "germany", "germany": "germany", "french": "france", "france": "france",
}
# Peoples (ethnonyms) that qualify a body's name the way places do ("Crimean Tatar Mejlis"), and
# the words that say "people" after them ("Mejlis of the Crimean Tatar People").
PEOPLES = {"tatar": "tatar", "tatars": "tatar", "karaim": "karaim", "karaims": "karaim", "karaite": "karaim",
           "karaites": "karaim", "krymchak": "krymchak", "krymchaks": "krymchak"}
PEOPLE_WORDS = frozenset({"people", "peoples", "nation", "community"})
NOT_PLACES = frozenset({"civilian", "guardian", "median", "meridian", "christian", "librarian", "veterinarian"})
# Words between "of" and a place that leave the place a qualifier ("of the Republic of Crimea").
PLACE_FILLERS = frozenset({"the", "republic", "autonomous", "federation", "city", "region", "oblast", "krai",
                            "of", "occupied", "annexed"})
STOP = frozenset({"the", "of", "and", "for", "in", "on", "at", "a", "an", "to", "s"})


def place_of(word: str, raw: str) -> str | None:
    """The place a word names or qualifies ("russian": "russia"), or None."""
    if word in PLACES:
        return PLACES[word]
    if raw[:1].isupper() and len(word) > 5 and word.endswith(("ian", "ean")) and word not in NOT_PLACES:
        return word[:-1]
    return None


# British and American spellings of the words bodies are named with: one word ("Crimean Centre
# for Investigative Journalism" is the "Crimean Center ..."; "Organisation" is "Organization").
SPELLINGS = {
    "centre": "center", "centres": "centers", "organisation": "organization", "organisations": "organizations",
    "defence": "defense", "programme": "program", "programmes": "programs", "labour": "labor",
    "theatre": "theater", "councillor": "councilor", "councillors": "councilors", "judgement": "judgment",
    "offence": "offense", "offences": "offenses", "licence": "license", "favour": "favor", "honour": "honor",
    "neighbourhood": "neighborhood", "cooperation": "co-operation",
}


def tokens(text: str) -> list[tuple[str, str]]:
    """(lower-case ASCII word, word as written) pairs; a hyphenated word is one word (Co-operation);
    a British spelling is read as the American one (Centre, Center).

    >>> tokens("Crimean Centre for Investigative Journalism") == tokens("Crimean Center for Investigative Journalism")
    False
    >>> [w for w, _ in tokens("Crimean Centre for Investigative Journalism")]
    ['crimean', 'center', 'for', 'investigative', 'journalism']
    """
    text = anyascii(unicodedata.normalize("NFKC", text))
    text = re.sub(r"['’]s\b", "", text)
    out = []
    for raw in re.split(r"[\s/,;:()\"“”«»]+", text):
        raw = raw.strip(".'’-")
        word = re.sub(r"[^a-z0-9-]", "", raw.lower()).strip("-")
        if word:
            out.append((SPELLINGS.get(word, word), raw))
    return out
