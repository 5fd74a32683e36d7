"""Given names from maintained data: the first names of the Faker package's person providers.

``names.yaml`` lists the given names common in Crimean news by hand (Crimean Tatar names
that no library carries among them). Articles quote many more people than those: foreign
NGO directors, diplomats, Russian officers and judges. Their first names come from Faker
(MIT, maintained; ``faker.providers.person.<locale>.Provider.first_names*``) for the
locales this domain meets, romanised with anyascii where the provider writes Cyrillic,
Georgian or Armenian, with the usual English spellings of Russian and Ukrainian names
added (Dmitriy -> Dmitry, Dmitri; Aleksandr -> Alexandr; Artём -> Artem, Artyom).

Words that are names in a provider but ordinary capitalised words in English text (months,
titles, cue words, countries, "Grace", "Summer") are left out: see :func:`lexicon`.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from anyascii import anyascii

__all__ = ["LOCALES", "faker_first_names", "romanised", "lexicon", "stop_words", "not_surnames"]

# Faker locales whose names occur in news about Crimea, Ukraine, Russia and the states and
# organisations that speak about them (English-language outlets, OSCE and EU delegations).
LOCALES = ("en_US", "en_GB", "en_IE", "ru_RU", "uk_UA", "tr_TR", "az_AZ", "ka_GE", "hy_AM", "uz_UZ",
           "pl_PL", "cs_CZ", "sk_SK", "bg_BG", "ro_RO", "lt_LT", "lv_LV", "et_EE", "fi_FI", "de_DE",
           "fr_FR", "it_IT", "es_ES", "nl_NL", "sv_SE", "no_NO", "da_DK")
_ATTRIBUTES = ("first_names", "first_names_male", "first_names_female")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_YO = re.compile("(?<=[бвгдзклмнпрстфхцчшщ])е(?=[бвгдзклмнпрстфхцчшщ])")
# Turkish and Azerbaijani letters English writes as two (names.yaml prefolds): Şevket, Shevket.
_TURKIC_LATIN = {"ş": "sh", "Ş": "Sh", "ç": "ch", "Ç": "Ch"}
_TURKIC = re.compile("[şŞçÇ]")


def faker_first_names(locales: Iterable[str] = LOCALES) -> set[str]:
    """Every first name the person providers of ``locales`` list, as written there.

    Only the provider modules are imported (``faker.providers.person.ru_RU`` ...), not the
    Faker factory; a locale a Faker release lacks is skipped.
    """
    out: set[str] = set()
    for locale in locales:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except ModuleNotFoundError:
            continue
        for attribute in _ATTRIBUTES:
            out.update(str(n) for n in getattr(provider, attribute, ()) or ())
    return out


def romanised(name: str) -> set[str]:
    """The spellings of one provider name in running text: as written, and in Latin letters.

    >>> sorted(romanised("Дмитрий"))
    ['Dmitri', 'Dmitriy', 'Dmitry', 'Дмитрий']
    >>> sorted(romanised("Артем"))
    ['Artem', 'Artyom', 'Артем']
    >>> sorted(romanised("Şevket")), sorted(romanised("Наталья"))
    (['Sevket', 'Shevket', 'Şevket'], ['Natalia', 'Natalya', 'Наталья'])
    """
    name = name.strip()
    if name.isascii():  # most names: nothing to romanise
        return {name} if _looks_like_name(name) else set()
    cyrillic = bool(_CYRILLIC.search(name))
    forms = {name, _TURKIC.sub(lambda m: _TURKIC_LATIN[m.group()], name)}  # Shevket
    # Russian print often writes ё as е (Faker's "Артем"); English keeps the yo: Artyom, Fyodor.
    forms |= {name[:m.start()] + "yo" + name[m.end():] for m in _YO.finditer(name)} | {name.replace("ё", "yo")}
    # anyascii writes the soft and hard signs as apostrophes (Natal'ya): English drops them.
    latin = {anyascii(f).replace("'", "") for f in forms}
    out = {name} | {"-".join(p[:1].upper() + p[1:] for p in w.split("-")) for w in latin}
    if cyrillic:
        # The English spellings the project's folds already equate (graph.identity_names):
        # -iy/-ii endings as -y or -i, ks as x, a leading E as Ye, -(i)ya as -ia.
        for rule in (lambda w: re.sub(r"(?:iy|ii|yy)$", "y", w), lambda w: re.sub(r"(?:iy|ii|yy)$", "i", w),
                     lambda w: w.replace("ks", "x"), lambda w: re.sub(r"^(?:E|Ie)", "Ye", w),
                     lambda w: re.sub(r"i?ya$", "ia", w)):
            out |= {rule(w) for w in out if w.isascii()}
    return {w for w in out if _looks_like_name(w)}


def _looks_like_name(word: str) -> bool:
    """One capitalised word of three letters or more, or two joined by a hyphen ("Anna-Maria");
    "Al" in "Al Jazeera" or "Bo" are no one's first name in running text."""
    parts = word.split("-")
    return len(word) >= 3 and len(parts) <= 2 and all(
        p.isalpha() and p[:1].isupper() and (p[1:].islower() or not p[1:]) and len(p) >= 2 for p in parts)


def lexicon(hand: Iterable[str], stop: Iterable[str], locales: Iterable[str] = LOCALES) -> frozenset[str]:
    """The given names the extractor knows: ``hand`` (names.yaml, always kept) and Faker's
    first names in their Latin spellings, less every word in ``stop``.

    ``stop`` holds the words that are capitalised in English text for another reason than
    naming a person (months, titles, cue words, countries, the list in names.yaml).
    """
    stop_words = {w.casefold() for w in stop}
    found = {w for n in faker_first_names(locales) for w in romanised(n)}
    return frozenset({*hand, *(w for w in found if w.casefold() not in stop_words)})


def stop_words(names: dict[str, Any], cues: dict[str, Any], months: Iterable[str],
               places: dict[str, Any]) -> set[str]:
    """The words no Faker name may be, from the gazetteers' own data: the capitalised words
    that are never names (cues.yaml ``not_names``), every word of a title, a cue, an
    organisation's head noun or a portfolio ("Major", "Justice", "Said", "Grant"), the role
    words of :data:`graph.identity_names.ROLE_WORDS`, the months ("May", "June"), the
    countries and regions ("Georgia", "Jordan"), and names.yaml ``not_given_names`` (the
    ordinary English words that remain, listed there with the reason).
    """
    from graph.identity_names import ROLE_WORDS

    lists = ("not_names", "titles", "leadership", "membership", "employment", "lawyer", "judge", "prosecutor",
             "investigator", "occupations", "relatives", "speech_after", "speech_before", "org_speech",
             "portfolios", "org_heads", "org_not_lead", "place_attributive", "attributive_heads",
             "collective_qualifiers")
    words = {w for key in lists for phrase in cues.get(key) or () for w in re.split(r"[\s’']+", str(phrase))}
    words |= set(ROLE_WORDS) | {str(m) for m in months} | {str(w) for w in names.get("not_given_names") or ()}
    words |= {name for name, entry in places.items() if entry.attributes.get("kind") not in ("city", "village")}
    return {w for w in words if w}


@cache
def not_surnames() -> frozenset[str]:
    """Capitalised words that follow a name of a place, not a person's given name ("Sofia
    Airport", "Victoria Street"): names.yaml ``not_surnames``."""
    data = yaml.safe_load((Path(__file__).with_name("gazetteers") / "names.yaml").read_text(encoding="utf-8"))
    return frozenset(str(w) for w in data.get("not_surnames") or ())
