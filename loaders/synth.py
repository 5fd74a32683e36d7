"""Synthetic fact files for tests and benchmarks: fictional people, a realistic shape.

:func:`write_corpus` writes one fact file per (fictional) source into a directory.
The files validate with :mod:`loaders.facts` and have the features that make real
corpora hard:

- names built from syllable tables (never real people), each with variants across
  scripts and spellings as aliases: a Cyrillic transliteration, ``dzh``/``j``/``c``,
  ``kh``/``h``, ``ya``/``ia``, ``-ov``/``-off``, a letter-swap misspelling, the
  surname alone; relatives share a (gendered) surname, and different people share
  first names;
- skewed degrees: agencies, courts, prosecutor's offices, judges and lawyers are
  picked with a Zipf law, so a few hubs appear in a large share of the claims;
- criminal cases told as stories (arrest, search, hearings, torture or pressure,
  statements, relatives, linked cases), covering every relationship type of the
  ontology, with dates at day, month and year precision;
- many sources per fact: a good share of claims are repeated in 2 to 5 source files
  (same subject, predicate, object and key qualifiers, another quote), a few of them
  with a disagreeing date; context facts (a judge works for a court) recur naturally;
- sensitive people (torture survivors, relatives, witnesses) and generic collective
  actors ("the occupation authorities").

Everything comes from one ``random.Random(seed)``: a seed gives the same bytes.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     summary = write_corpus(Path(tmp), claims=200, seed=1)
>>> summary.claims
200
"""

from __future__ import annotations

import datetime as dt
import random
import time
from bisect import bisect
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from itertools import accumulate
from json.encoder import encode_basestring  # C-accelerated JSON string quoting
from pathlib import Path
from typing import Any

from graph.errors import FactFileError
from graph.ontology import Ontology, default_ontology
from loaders.factfile import assemble, render_item, render_source

__all__ = ["SynthSummary", "write_corpus", "FORMATS", "GENERATOR_VERSION", "cyrillic", "name_variants"]

FORMATS = ("yaml", "json")
# Bumped whenever a change makes a seed give other files (benchmark caches compare it).
GENERATOR_VERSION = 1

# --- Names ---------------------------------------------------------------------------
# Surnames are three syllables from these tables: odd enough to be clearly fictional.
_SURNAME_HEADS = (
    "Vel", "Tam", "Dzhem", "Khur", "Os", "Chel", "Zar", "Mur", "Sel", "Dar", "Kel", "Yar",
    "Nuz", "Ram", "Tsel", "Shum", "Ozer", "Lem", "Gir", "Dzhan", "Akh", "Ur", "Ved", "Sar",
    "Kaz", "Ish", "Fet", "Rum", "Kurt", "Bek",
)
_SURNAME_MIDS = (
    "kar", "ir", "al", "te", "mel", "ba", "ri", "de", "zha", "ku", "shi", "ter", "no",
    "ya", "lin", "mo", "ga", "bek", "sal", "ro", "dzhi", "kha", "tyu",
)
_SURNAME_TAILS = ("ov", "ev", "zade", "uk", "idi", "yan", "aev", "ulin", "oglu", "in", "etov", "ashvili")
_FIRST_NAMES: tuple[tuple[str, str], ...] = (
    ("Timur", "male"), ("Rustem", "male"), ("Eldar", "male"), ("Lenur", "male"), ("Aider", "male"),
    ("Arsen", "male"), ("Ilmi", "male"), ("Dilyaver", "male"), ("Enver", "male"), ("Rinat", "male"),
    ("Yusuf", "male"), ("Dzhemil", "male"), ("Server", "male"), ("Viktor", "male"), ("Pavel", "male"),
    ("Bekir", "male"), ("Khalil", "male"), ("Zhan", "male"), ("Oleg", "male"), ("Ruslan", "male"),
    ("Elmira", "female"), ("Lenara", "female"), ("Zarema", "female"), ("Elvina", "female"),
    ("Liliya", "female"), ("Mariya", "female"), ("Oksana", "female"), ("Yuliya", "female"),
    ("Alina", "female"), ("Zhanna", "female"), ("Dzhamila", "female"), ("Khalida", "female"),
    ("Sevil", "female"), ("Ayshe", "female"), ("Nadiya", "female"),
)
_PLACE_HEADS = ("Kar", "Vel", "Ost", "Zel", "Tav", "Dor", "Sul", "Yar", "Krem", "Lut", "Pav", "Mern", "Chur", "Ezh")
_PLACE_MIDS = ("va", "li", "ra", "mi", "ta", "de", "zu", "ka")
_PLACE_TAILS = ("nsk", "grad", "pol", "ovo", "abad", "kent", "yar", "ino", "tsk")
_COUNTRY = "Veldoria"
_FOREIGN = "Sarvenia"

# Latin -> Cyrillic, longest match first. Small on purpose: it makes the kind of
# transliteration monitors meet, not a standard one.
_CYRILLIC = {
    "shch": "щ", "dzh": "дж", "zh": "ж", "kh": "х", "ts": "ц", "ch": "ч", "sh": "ш",
    "ya": "я", "yu": "ю", "yo": "ё", "ye": "е", "ia": "ия",
    "a": "а", "b": "б", "c": "к", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и",
    "j": "дж", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "к", "r": "р",
    "s": "с", "t": "т", "u": "у", "v": "в", "w": "в", "x": "кс", "y": "й", "z": "з",
}
# Spelling variants seen across sources (English, French, Turkish, German conventions).
_SPELLINGS: tuple[tuple[str, str], ...] = (
    ("Dzh", "J"), ("dzh", "j"), ("Dzh", "C"), ("dzh", "c"), ("Kh", "H"), ("kh", "h"), ("kh", "k"),
    ("ya", "ia"), ("yu", "iu"), ("Zh", "J"), ("zh", "j"), ("Ts", "Tz"),
)


def cyrillic(text: str) -> str:
    """Transliterate Latin text to Cyrillic with a small table, word by word.

    >>> cyrillic("Timur Dzhemkarov")
    'Тимур Джемкаров'
    """
    words = []
    for word in text.split(" "):
        low = word.lower()
        out: list[str] = []
        i = 0
        while i < len(low):
            for size in (4, 3, 2, 1):
                part = low[i:i + size]
                if len(part) == size and part in _CYRILLIC:
                    out.append(_CYRILLIC[part])
                    i += size
                    break
            else:
                out.append(low[i])  # punctuation, digits
                i += 1
        if low[:1] == "e":
            out[0] = "э"  # word-initial e, as in Эльдар
        converted = "".join(out)
        words.append(converted[:1].upper() + converted[1:] if word[:1].isupper() else converted)
    return " ".join(words)


def name_variants(first: str, surname: str, rng: random.Random) -> list[str]:
    """Aliases of a person as sources write them: other scripts, spellings, a typo.

    >>> name_variants("Dzhemil", "Velkarov", random.Random(0))[:2]
    ['Джемил Велкаров', 'Velkarov']
    """
    full = f"{first} {surname}"
    out = [cyrillic(full), surname, f"{first[0]}. {surname}"]
    spelled = []
    for old, new in _SPELLINGS:
        if old in full:
            spelled.append(full.replace(old, new))
    if surname.endswith("ov") or surname.endswith("ev"):
        spelled.append(full[:-1] + "ff")
    rng.shuffle(spelled)
    out.extend(spelled[:2])
    if rng.random() < 0.3 and len(surname) > 4:
        # A misspelling: two neighbouring letters swapped (Akhtemov -> Akhetmov).
        i = rng.randrange(1, len(surname) - 2)
        typo = surname[:i] + surname[i + 1] + surname[i] + surname[i + 2:]
        if typo != surname:
            out.append(f"{first} {typo}")
    seen: dict[str, None] = {}
    for alias in out:
        if alias != full:
            seen.setdefault(alias, None)
    return list(seen)


def _gendered(surname: str, gender: str) -> str:
    if gender != "female":
        return surname
    for tail, fem in (("ov", "ova"), ("ev", "eva"), ("in", "ina"), ("oglu", "kyzy")):
        if surname.endswith(tail):
            return surname + fem[len(tail):]
    return surname


# --- The world -------------------------------------------------------------------------


@dataclass(eq=False)
class _Ent:
    key: str
    label: str
    name: str
    mention: str  # how a quote refers to it
    aliases: list[str] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)
    sensitive: bool = False
    generic: bool = False
    persistent: bool = False  # reused across stories (claims between two of these can recur)
    parent: _Ent | None = None  # employer, region, country...
    home: _Ent | None = None  # a city
    stem: str = ""  # a person's surname (before gender), a region's name without "Region"
    rendered: str | None = None  # cached file text of the declaration
    used: bool = False


class _Zipf:
    """Pick from a ranked list with probability proportional to 1 / rank**exponent."""

    def __init__(self, items: Sequence[_Ent], exponent: float) -> None:
        self.items = list(items)
        self.cum = list(accumulate(1.0 / (rank + 1) ** exponent for rank in range(len(self.items))))

    def pick(self, rng: random.Random) -> _Ent:
        i = bisect(self.cum, rng.random() * self.cum[-1])
        return self.items[min(i, len(self.items) - 1)]


_CHARGES = (
    ("VCC 275", "high treason"), ("VCC 281", "sabotage"), ("VCC 205.5", "organising a terrorist group"),
    ("VCC 280", "public calls to extremism"), ("VCC 222", "illegal possession of explosives"),
    ("VCC 207.3", "spreading false information about the army"), ("VCC 282.2", "organising an extremist group"),
    ("VCC 318", "violence against an official"), ("VCC 330.1", "evading foreign-agent duties"),
)
_PUBLISHERS = (
    "Veldoria Rights Monitor (synthetic)", "Karsk Courier (synthetic)", "Tavrel News (synthetic)",
    "Detainee Watch Bulletin (synthetic)", "Sarvenian Radio (synthetic)",
)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_EPOCH = dt.date(2014, 1, 1).toordinal()
_SPAN = dt.date(2024, 6, 30).toordinal() - _EPOCH


def _q(text: str) -> str:
    """A double-quoted scalar, valid both as JSON and as YAML."""
    return encode_basestring(text)


def _flow(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_q(v) for v in value) + "]"
    return _q(str(value))


@dataclass
class SynthSummary:
    """What :func:`write_corpus` wrote."""

    out_dir: str
    format: str
    seed: int
    generator: int  # GENERATOR_VERSION
    files: int
    sources: int
    claims: int  # claim entries written, i.e. pieces of evidence
    distinct_claims: int
    repeated_claims: int  # distinct claims with evidence from two sources or more
    disputed_claims: int  # repeated claims whose sources disagree (a date, a qualifier)
    entities: int
    sensitive_entities: int
    generic_entities: int
    bytes: int
    seconds: float
    predicates: dict[str, int] = field(default_factory=dict)  # evidence per relationship type

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(eq=False)
class _Claim:
    subject: _Ent
    predicate: str
    object: _Ent
    key: tuple[Any, ...]
    key_q: tuple[tuple[str, str], ...]
    quals: dict[str, str]
    asserted_by: _Ent | None
    templates: tuple[str, ...]
    words: dict[str, str]
    first_template: int
    evidence: int = 0
    disputed: bool = False


@dataclass(eq=False)
class _File:
    index: int
    title: str = ""
    published: str = ""
    claims: list[str] = field(default_factory=list)
    keys: set[tuple[Any, ...]] = field(default_factory=set)
    entities: dict[str, _Ent] = field(default_factory=dict)


# Quote templates by claim kind. {S}/{O}: subject/object mention (capitalised at a
# sentence start as {S}); {when}: " on 3 December 2021", " in 2021" or "".
_T: dict[str, tuple[str, ...]] = {
    "investigates": ("{S} opened {o}{when}.", "The investigation of {o} is led by {s}.",
                     "{S} is in charge of {o}, the defence says.", "According to court papers, {s} investigates {o}."),
    "prosecutes": ("{S} supports the charges in {o}.", "The prosecution in {o} is conducted by {s}.",
                   "{S} asked the court to keep the defendants in custody in {o}."),
    "judge": ("Judge {s} heard {o} at the {stage} stage.", "{O} was assigned to judge {s} ({stage}).",
              "At the {stage} stage, {o} went to judge {s}.", "The {stage} decision in {o} was signed by judge {s}."),
    "defendant": ("{S} is {status} in {o}.", "{S} was charged under article {charge}{when}.",
                  "Investigators named {s} as {status} under article {charge}.",
                  "The indictment lists {s} among the defendants{when}.", "{S} faces charges under article {charge}."),
    "accused": ("{S} is accused under article {charge}.", "Prosecutors accuse {s} of an offence under article {charge}.",
                "Officials accuse {s} of {crime}."),
    "defends": ("{S} defends {o}.", "Lawyer {s} represents {o}.", "{O} is defended by {s}.",
                "{S}, the lawyer of {o}, filed an appeal."),
    "counsel": ("{S} acts as defence counsel in {o}.", "Defence lawyer {s} joined {o}{when}.",
                "{S} was admitted to {o} as counsel."),
    "works": ("{S} serves as {role} at {o}.", "{S}, {role} at {o}, signed the document.",
              "Records show {s} works as {role} at {o}."),
    "member": ("{S} is a {role} of {o}.", "{S} joined {o} as a {role}{when}.", "As a {role} of {o}, {s} took part."),
    "leads": ("{S}, {role} of {o}, commented on the case.", "{S} is the {role} of {o}.",
              "The {role} of {o}, {s}, spoke to reporters."),
    "loc_event": ("{S} took place in {o}.", "It happened in {o}{when}.", "Witnesses place {s} in {o}."),
    "loc_thing": ("{S} is based in {o}.", "{S} sits in {o}.", "{S}, in {o}, was named in the report."),
    "loc_person": ("{S} lives in {o}.", "{S}, a resident of {o}, was named in the report.", "{S} is from {o}."),
    "part_event": ("{S} is part of {o}.", "{S} was a step in {o}.", "Court papers connect {s} with {o}."),
    "part_place": ("{S} lies within {o}.", "{S} is part of {o}.", "{S} belongs to {o}."),
    "part_org": ("{S} is a unit of {o}.", "{S} reports to {o}.", "{S} belongs to {o}."),
    "linked": ("{by} linked {s} to {o}.", "Investigators connected {s} with {o}.",
               "{S} was tied to {o}, according to {by}."),
    "relative": ("{S}, the {relation} of {o}, spoke to reporters.", "{O}'s {relation} {s} attended the hearing.",
                 "{S} is the {relation} of {o}."),
    "states": ("{S} spoke to journalists{when}.", "{S} published a statement{when}.",
               "In a {medium}{when}, {s} described the case.", "{S} made the statement{when}."),
    "target": ("{S} was the target of {o}{when}.", "{S} was subjected to {o}{when}.", "The report describes {o} of {s}."),
    "arrest_target": ("{S} was detained{when}.", "Officers arrested {s}{when}, relatives said.",
                      "{S} was taken from home{when} and held overnight.", "The arrest of {s}{when} was confirmed by the defence.",
                      "Witnesses saw masked men take {s} away{when}."),
    "perpetrator": ("{S} carried out {o}{when}.", "{O}{when} was conducted by {s}.",
                    "According to the lawyer, {s} was behind {o}.", "The report attributes {o} to {s}."),
    "torture_target": ("{S} reported being beaten in custody{when}.", "{S} described electric shocks during questioning.",
                       "In a statement, {s} said officers used violence against the detainee."),
    "pressure_target": ("{S} was pressured to sign consent to cooperate{when}.",
                        "Officers demanded that {s} become an informant{when}.",
                        "{S} was threatened with a long sentence unless cooperating."),
    "role": ("{S} took part in {o} as {role}.", "{S} was present at {o} ({role}).", "The record lists {s} at {o} as {role}."),
    "judge_role": ("Judge {s} presided over {o}{when}.", "{O}{when} was held by judge {s}.",
                   "{S} chaired {o}{when}."),
}


class _Generator:
    def __init__(self, out_dir: Path, claims: int, seed: int, per_source: int, fmt: str, ontology: Ontology) -> None:
        self.out_dir = out_dir
        self.target = claims
        self.per_source = per_source
        self.fmt = fmt
        self.rng = random.Random(seed)
        self.seed = seed
        self.keys = {name: rel.key for name, rel in ontology.relationships.items()}
        self.written = 0  # evidence written or pending in open files
        self.distinct = 0
        self.repeated = 0
        self.disputed = 0
        self.predicates: dict[str, int] = {}
        self.tracked: dict[tuple[Any, ...], _Claim] = {}  # claims between persistent entities
        self.open: list[_File] = []
        self.opened = 0
        self.files = 0  # written
        self.bytes = 0
        self.folders: set[Path] = set()
        self.serial = 0
        self.used = 0
        self.sensitive = 0
        self.generic = 0
        self.cases: list[_Ent] = []
        self.story_title = ""
        self.story_ordinal = _EPOCH
        self.story_claims: dict[tuple[Any, ...], _Claim] = {}  # claims of the story being told
        self._build_world()

    # -- entities ------------------------------------------------------------------
    def _next(self) -> int:
        self.serial += 1
        return self.serial

    def _slug(self, text: str) -> str:
        out = "".join(c if c.isalnum() else "-" for c in text.lower())
        return "-".join(p for p in out.split("-") if p)

    def _person(self, role_text: str, persistent: bool, surname: str | None = None,
                gender: str | None = None, sensitive: bool = False) -> _Ent:
        rng = self.rng
        if gender is None:
            first, gender = rng.choice(_FIRST_NAMES)
        else:
            first = rng.choice([f for f, g in _FIRST_NAMES if g == gender])
        base = surname or (rng.choice(_SURNAME_HEADS) + rng.choice(_SURNAME_MIDS) + rng.choice(_SURNAME_TAILS))
        last = _gendered(base, gender)
        n = self._next()
        attrs: dict[str, Any] = {"gender": gender, "nationality": "Veldorian"}
        if role_text:
            attrs["position" if persistent else "occupation"] = role_text
        if rng.random() < 0.3:
            attrs["birth_date"] = self._date(_EPOCH - rng.randrange(20 * 365, 60 * 365), rng.choice("dmyy"))
        return _Ent(
            key=f"person:{self._slug(last)}-{self._slug(first)}-{n:05d}", label="Person", name=f"{first} {last}",
            mention=f"{first} {last}" if rng.random() < 0.5 else last,
            aliases=name_variants(first, last, rng), attributes=attrs, sensitive=sensitive,
            persistent=persistent, stem=base,
        )

    def _org(self, name: str, kind: str, aliases: Sequence[str] = (), mention: str | None = None,
             generic: bool = False, parent: _Ent | None = None, home: _Ent | None = None) -> _Ent:
        attrs: dict[str, Any] = {"kind": kind}
        if not generic:
            attrs["country"] = _COUNTRY
        return _Ent(
            key=f"org:{self._slug(name)}", label="Organisation", name=name, mention=mention or f"the {name}",
            aliases=list(aliases), attributes=attrs, generic=generic, persistent=True, parent=parent, home=home,
        )

    def _place_name(self, used: set[str]) -> str:
        while True:
            name = self.rng.choice(_PLACE_HEADS) + self.rng.choice(_PLACE_MIDS) + self.rng.choice(_PLACE_TAILS)
            if name not in used:
                used.add(name)
                return name

    def _location(self, name: str, kind: str, parent: _Ent | None, aliases: Sequence[str] = ()) -> _Ent:
        country = parent.name if parent is not None and parent.attributes.get("kind") == "country" else (
            parent.attributes.get("country", _COUNTRY) if parent is not None else name)
        attrs: dict[str, Any] = {"kind": kind}
        if kind != "country":
            attrs["country"] = country
        return _Ent(
            key=f"place:{self._slug(name)}", label="Location", name=name, mention=name,
            aliases=[cyrillic(name), *aliases], attributes=attrs, persistent=True, parent=parent,
        )

    def _build_world(self) -> None:
        rng = self.rng
        d_est = max(1, self.target) / 1.9  # distinct claims expected
        used_names: set[str] = set()
        country = self._location(_COUNTRY, "country", None, ["Republic of Veldoria"])
        foreign = self._location(_FOREIGN, "country", None)
        self.foreign_cities = [self._location(self._place_name(used_names), "city", foreign) for _ in range(3)]
        regions = []
        for _ in range(min(40, 6 + int(d_est // 50000))):
            base = self._place_name(used_names)
            region = self._location(f"{base} Region", "region", country)
            region.aliases = [f"{cyrillic(base)}ская область"]
            region.stem = base
            regions.append(region)
        cities = []
        for _ in range(min(600, 10 + int(d_est // 2000))):  # at most 600 of the ~1,000 names
            cities.append(self._location(self._place_name(used_names), "city", rng.choice(regions)))
        self.cities = _Zipf(cities, 0.9)
        facilities = [
            self._location(f"Pre-trial Detention Centre No. {i + 1}, {city.name}", "facility", city,
                        [f"SIZO-{i + 1}", f"СИЗО-{i + 1} {cyrillic(city.name)}"])
            for i, city in enumerate(cities[: 3 + int(d_est // 8000)])
        ]
        self.facilities = _Zipf(facilities, 1.0)

        capital = cities[0]
        security = self._org("State Security Service of Veldoria", "security_service",
                             ["SSS", "State Security", "Служба государственной безопасности"], "the State Security Service",
                             home=capital)
        ministry = self._org("Ministry of Internal Affairs of Veldoria", "police",
                             ["MIA", "МВД Вельдории"], "the Interior Ministry", home=capital)
        agencies = [
            security,
            self._org("Investigative Committee of Veldoria", "agency", ["IC", "Следственный комитет"],
                      "the Investigative Committee", home=capital),
            self._org("Centre for Countering Extremism", "police", ["Centre E", "Центр Э"], "Centre E",
                      parent=ministry, home=capital),
            ministry,
        ]
        for city in cities[: 4 + int(d_est // 3000)]:
            agencies.append(self._org(f"Police Department of {city.name}", "police",
                                      [f"Отдел полиции {cyrillic(city.name)}"], parent=ministry, home=city))
        self.agencies = _Zipf(agencies, 1.2)
        self.police = _Zipf([a for a in agencies if a.attributes["kind"] == "police"], 1.0)
        prosecutors = [self._org("Prosecutor General's Office of Veldoria", "prosecutor",
                                 ["PGO", "Генеральная прокуратура"], "the Prosecutor General's Office", home=capital)]
        for region in regions:
            prosecutors.append(self._org(f"{region.name} Prosecutor's Office", "prosecutor",
                                         [f"Прокуратура региона {cyrillic(region.stem)}"], parent=prosecutors[0], home=cities[0]))
        self.prosecutor_offices = _Zipf(prosecutors, 1.2)
        courts = [self._org(f"District Court of {capital.name}", "court", [f"Районный суд {cyrillic(capital.name)}"],
                            home=capital)]
        courts.append(self._org("Supreme Court of Veldoria", "court", ["Верховный суд Вельдории"], home=capital))
        for region in regions:
            courts.append(self._org(f"{region.name} Court", "court", [f"Областной суд региона {cyrillic(region.stem)}"],
                                    home=capital))
        for city in cities[1: 2 + int(d_est // 2500)]:
            courts.append(self._org(f"District Court of {city.name}", "court", [f"Районный суд {cyrillic(city.name)}"],
                                    home=city))
        self.courts = _Zipf(courts, 1.2)
        self.generic_actors = [
            self._org("occupation authorities", "collective", ["the occupiers", "occupying power"], "the occupation authorities",
                      generic=True),
            self._org("law enforcement officers", "collective", ["law enforcement", "the siloviki"], "law enforcement",
                      generic=True),
            self._org("unidentified men in masks", "collective", ["masked men"], "masked men", generic=True),
            self._org("security forces", "collective", ["the security forces"], "the security forces", generic=True),
        ]
        self.bodies = [
            self._org("Assembly of the Tamir People", "representative_body", ["Tamir Assembly", "Собрание тамирского народа"],
                      home=capital),
            self._org("Veldoria Rights Initiative", "ngo", ["VRI", "Инициатива за права"], home=capital),
            self._org("Committee for Detainees", "ngo", ["CfD"], home=capital),
            self._org("Party of Civic Dignity", "party", ["PCD", "Партия гражданского достоинства"], home=capital),
            self._org("Free Karsk Radio", "media", ["FKR"], home=cities[1 % len(cities)]),
        ]
        self.body_pick = _Zipf(self.bodies, 1.0)
        self.leaders = {b.key: [self._person(role, True) for role in ("head", "deputy head")] for b in self.bodies}
        firms = [self._org(f"Bar Association of {region.name}", "law_firm", [f"Адвокатская палата региона {cyrillic(region.stem)}"],
                           home=capital) for region in regions[:2]]
        firm_names: set[str] = set()
        while len(firm_names) < min(500, 3 + int(d_est // 20000)):
            surname = rng.choice(_SURNAME_HEADS) + rng.choice(_SURNAME_MIDS) + rng.choice(_SURNAME_TAILS)
            if surname in firm_names:
                continue
            firm_names.add(surname)
            firms.append(self._org(f"{surname} and Partners", "law_firm", [f"{cyrillic(surname)} и партнёры"],
                                   home=rng.choice(cities)))
        self.firms = _Zipf(firms, 1.0)

        def pool(size: int, role: str, employers: _Zipf, exponent: float) -> _Zipf:
            people = []
            for _ in range(size):
                p = self._person(role, True)
                p.parent = employers.pick(rng)
                people.append(p)
            return _Zipf(people, exponent)

        self.judges = pool(8 + int(d_est // 600), "judge", self.courts, 0.9)
        self.lawyers = pool(10 + int(d_est // 400), "defence lawyer", self.firms, 0.9)
        self.investigators = pool(8 + int(d_est // 600), "investigator", self.agencies, 0.9)
        self.prosecutors = pool(5 + int(d_est // 1000), "prosecutor", self.prosecutor_offices, 0.9)
        activists = []
        for _ in range(20 + int(d_est // 50)):
            a = self._person("activist", True, sensitive=rng.random() < 0.3)
            a.home = self.cities.pick(rng)
            a.parent = self.body_pick.pick(rng)
            activists.append(a)
        self.activists = _Zipf(activists, 0.8)

    def _event(self, kind: str, name: str, date: str | None, **extra: str) -> _Ent:
        attrs: dict[str, Any] = {"kind": kind}
        if date:
            attrs["date"] = date
        attrs.update(extra)
        n = self._next()
        return _Ent(key=f"event:{self._slug(name)}-{n:05d}", label="Event", name=name, mention=f"the {name[0].lower()}{name[1:]}",
                    attributes=attrs)

    # -- dates -----------------------------------------------------------------------
    @staticmethod
    def _date(ordinal: int, precision: str) -> str:
        d = dt.date.fromordinal(ordinal)
        if precision == "d":
            return d.isoformat()
        if precision == "m":
            return d.isoformat()[:7]
        return d.isoformat()[:4]

    def _when(self, ordinal: int) -> str:
        return self._date(ordinal, self.rng.choices("dmy", (6, 3, 1))[0])

    @staticmethod
    def _spoken(date: str | None) -> str:
        if not date:
            return ""
        if len(date) == 10:
            return f" on {int(date[8:])} {_MONTHS[int(date[5:7]) - 1]} {date[:4]}"
        if len(date) == 7:
            return f" in {_MONTHS[int(date[5:7]) - 1]} {date[:4]}"
        return f" in {date}"

    def _shift(self, date: str) -> str:
        """Another date for the same fact, as a disagreeing source would give it."""
        rng = self.rng
        if len(date) == 10:
            d = dt.date.fromisoformat(date) + dt.timedelta(days=rng.choice((-3, -2, -1, 1, 2, 3)))
            return d.isoformat()
        if len(date) == 7:
            year, month = int(date[:4]), int(date[5:7]) + rng.choice((-1, 1))
            if month == 0:
                year, month = year - 1, 12
            elif month == 13:
                year, month = year + 1, 1
            return f"{year:04d}-{month:02d}"
        return str(int(date) + rng.choice((-1, 1)))

    # -- claims ----------------------------------------------------------------------
    def _claim(self, subject: _Ent, predicate: str, obj: _Ent, kind: str, quals: dict[str, str] | None = None,
               asserted_by: _Ent | None = None, repeat: float = 0.35, **words: str) -> None:
        """Emit a claim (if the corpus still needs evidence): 1 piece of evidence, or 2-5 with `repeat`."""
        if self.written >= self.target:
            return
        quals = quals or {}
        key_names = self.keys[predicate]
        key_q = tuple((k, quals[k]) for k in key_names if k in quals)
        key = (subject.key, predicate, obj.key, key_q)
        recurring = subject.persistent and obj.persistent
        seen = self.tracked if recurring else self.story_claims
        claim = seen.get(key)
        if claim is not None:
            # The same fact told again by a later source: more evidence, capped.
            if claim.evidence < 8:
                self._place(claim, 1, quals, asserted_by)
            return
        claim = _Claim(subject, predicate, obj, key, key_q, quals, asserted_by, _T[kind],
                       {"s": subject.mention, "o": obj.mention, **words}, self.rng.randrange(len(_T[kind])))
        seen[key] = claim
        copies = 1
        if self.rng.random() < repeat:
            copies = self.rng.choice((2, 2, 3, 3, 4, 5))
        self._place(claim, copies, quals, asserted_by)

    def _place(self, claim: _Claim, copies: int, quals: dict[str, str], asserted_by: _Ent | None) -> None:
        rng = self.rng
        chosen: list[_File] = []
        for copy in range(copies):
            if self.written >= self.target:
                break
            while len(self.open) < 8:
                self._open_file()
            candidates = [f for f in self.open if claim.key not in f.keys and f not in chosen]
            if not candidates:
                break
            target = candidates[0] if copy == 0 else rng.choice(candidates)
            chosen.append(target)
            ev_quals = quals
            if copy > 0 and "date" in quals and rng.random() < 0.12:
                ev_quals = {**quals, "date": self._shift(quals["date"])}
            if ev_quals != claim.quals and not claim.disputed and claim.evidence > 0:
                claim.disputed = True  # sources disagree on a date or another qualifier
                self.disputed += 1
            self._write_claim(target, claim, ev_quals, asserted_by)
            if claim.evidence == 0:
                self.distinct += 1
            elif claim.evidence == 1:
                self.repeated += 1
            claim.evidence += 1
            self.written += 1
            self.predicates[claim.predicate] = self.predicates.get(claim.predicate, 0) + 1
            if len(target.claims) >= self.per_source:
                self.open.remove(target)
                self._flush(target)

    def _write_claim(self, f: _File, claim: _Claim, quals: dict[str, str], asserted_by: _Ent | None) -> None:
        rng = self.rng
        # Each source words the fact its own way: the next template for each piece of evidence.
        template = claim.templates[(claim.first_template + claim.evidence) % len(claim.templates)]
        words = claim.words
        s, o = words["s"], words["o"]
        quote = template.format(
            **words, S=s[0].upper() + s[1:], O=o[0].upper() + o[1:], when=self._spoken(quals.get("date")),
        )
        if not f.claims:
            # A report is titled and dated after the first story it tells.
            f.title = f"Synthetic report {f.index}: {self.story_title}"
            f.published = self._date(self.story_ordinal + rng.randrange(0, 60), "d")
        f.keys.add(claim.key)
        for ent in (claim.subject, claim.object, asserted_by):
            if ent is not None and ent.key not in f.entities:
                f.entities[ent.key] = ent
        confidence = round(rng.uniform(0.5, 0.95), 2) if rng.random() < 0.05 else None
        item: dict[str, Any] = {"subject": claim.subject.key, "predicate": claim.predicate, "object": claim.object.key}
        item.update(quals)
        if asserted_by is not None:
            item["asserted_by"] = asserted_by.key
        if confidence is not None:
            item["confidence"] = confidence
        item["quote"] = quote
        f.claims.append(render_item(item, self.fmt))

    def _open_file(self) -> None:
        self.opened += 1
        self.open.append(_File(self.opened))

    def _render_entity(self, e: _Ent) -> str:
        if e.rendered is None:
            item: dict[str, Any] = {"key": e.key, "label": e.label, "name": e.name}
            if e.aliases:
                item["aliases"] = e.aliases
            if e.sensitive:
                item["sensitive"] = True
            if e.generic:
                item["generic"] = True
            if e.attributes:
                item["attributes"] = e.attributes
            e.rendered = render_item(item, self.fmt)
        if not e.used:
            e.used = True
            self.used += 1
            self.sensitive += e.sensitive
            self.generic += e.generic
        return e.rendered

    def _flush(self, f: _File) -> None:
        if not f.claims:
            return
        slug = f"synth-{self.seed}-{f.index:06d}"
        source = {"key": f"source:{slug}", "title": f.title, "publisher": _PUBLISHERS[f.index % len(_PUBLISHERS)],
                  "url": f"https://example.org/synth/{slug}", "published": f.published, "language": "en"}
        entities = [self._render_entity(e) for e in f.entities.values()]
        text = assemble(render_source(source, self.fmt), entities, f.claims, self.fmt,
                        header="Synthetic fact file: every person, place and organisation in it is fictional.")
        folder = self.out_dir / f"{f.index // 1000:03d}"
        if folder not in self.folders:
            folder.mkdir(parents=True, exist_ok=True)
            self.folders.add(folder)
        data = text.encode("utf-8")
        (folder / f"{slug}.{self.fmt}").write_bytes(data)
        self.files += 1
        self.bytes += len(data)

    # -- stories ---------------------------------------------------------------------
    def _story(self) -> None:
        """One criminal case as monitors report it: who was arrested, by whom, where, who judged."""
        rng = self.rng
        C = self._claim
        base = _EPOCH + rng.randrange(_SPAN)
        opened = self._when(base)
        n_def = rng.choices((1, 2, 3), (6, 2.5, 1.5))[0]
        defendants = []
        for _ in range(n_def):
            if rng.random() < 0.25:
                d = self.activists.pick(rng)
            else:
                d = self._person(rng.choice(("activist", "journalist", "teacher", "engineer", "student", "imam")),
                                 False, sensitive=rng.random() < 0.25)
                d.home = self.cities.pick(rng)
            if d not in defendants:
                defendants.append(d)
        first = defendants[0]
        article, crime = rng.choice(_CHARGES)
        agency = self.agencies.pick(rng)
        judge = self.judges.pick(rng)
        court = judge.parent
        assert court is not None
        title = f"the case of {first.stem}" + (" and others" if len(defendants) > 1 else "")
        self.story_title = title[0].upper() + title[1:]
        self.story_ordinal = base
        self.story_claims = {}
        n = self._next()
        case = _Ent(
            key=f"case:{self._slug(first.stem)}-{n:05d}", label="LegalCase", name=f"Case of {first.name}"
            + (" and others" if len(defendants) > 1 else ""), mention=title,
            aliases=[f"No. {n % 97 + 1}-{n}/{opened[:4]}"],
            attributes={"case_number": f"{n % 97 + 1}-{n}/{opened[:4]}", "charges": [article],
                        "charge_description": crime, "court": court.name, "jurisdiction": _COUNTRY,
                        "status": rng.choice(("investigation", "trial", "verdict", "appeal", "closed", "unknown")),
                        "opened": opened},
        )
        city = self.cities.pick(rng)
        C(agency, "INVESTIGATES", case, "investigates", {"date": opened})
        if rng.random() < 0.5:
            inv = self.investigators.pick(rng)
            C(inv, "INVESTIGATES", case, "investigates", {"date": opened})
            self._context(inv, "investigator")
        office = self.prosecutor_offices.pick(rng)
        C(office, "PROSECUTES", case, "prosecutes")
        prosecutor = self.prosecutors.pick(rng) if rng.random() < 0.4 else None
        if prosecutor is not None:
            C(prosecutor, "PROSECUTES", case, "prosecutes")
            self._context(prosecutor, "prosecutor")
        C(judge, "JUDGE_IN", case, "judge", {"stage": "detention"}, stage="detention")
        self._context(judge, "judge")
        trial_judge = None
        if rng.random() < 0.5:
            trial_judge = self.judges.pick(rng)
            stage = rng.choice(("trial", "trial", "appeal", "cassation"))
            C(trial_judge, "JUDGE_IN", case, "judge", {"stage": stage}, stage=stage)
            self._context(trial_judge, "judge")
        lawyers = []
        for d in defendants:
            status = rng.choice(("suspect", "accused", "defendant", "convicted"))
            q: dict[str, str] = {"procedural_status": status, "charge": article, "date": self._when(base + rng.randrange(0, 30))}
            if status == "convicted":
                q["sentence"] = f"{rng.randrange(3, 21)} years"
            C(d, "DEFENDANT_IN", case, "defendant", q, status=status.replace("_", " "), charge=article)
            if rng.random() < 0.4:
                C(d, "ACCUSED_OF", case, "accused", {"charge": article}, charge=article, crime=crime)
            arrest_date = self._when(base)
            arrest = self._event("arrest", f"Arrest of {d.name}", arrest_date)
            C(d, "PARTICIPANT_IN", arrest, "arrest_target", {"role": "target", "date": arrest_date})
            lawyer = self.lawyers.pick(rng)
            lawyers.append(lawyer)
            # Sources often name no agency ("law enforcement officers detained him"): a generic actor.
            arrester = rng.choice(self.generic_actors) if rng.random() < 0.15 else agency
            C(arrester, "PARTICIPANT_IN", arrest, "perpetrator", {"role": "perpetrator", "date": arrest_date},
              asserted_by=lawyer if rng.random() < 0.2 else None)
            C(arrest, "LOCATED_IN", d.home or city, "loc_event", repeat=0.2)
            C(arrest, "PART_OF", case, "part_event", repeat=0.2)
            C(lawyer, "DEFENDS", d, "defends", {"case": case.key})
            if lawyers.count(lawyer) == 1:  # one COUNSEL_IN per lawyer and case (the client is not part of the claim)
                C(lawyer, "COUNSEL_IN", case, "counsel", {"client": d.key, "date": self._when(base + rng.randrange(1, 20))})
                self._context(lawyer, "lawyer")
            if rng.random() < 0.35:
                search_date = self._when(base)
                search = self._event("search", f"Search at the home of {d.name}", search_date)
                C(d, "PARTICIPANT_IN", search, "target", {"role": "target", "date": search_date})
                C(self.police.pick(rng), "PARTICIPANT_IN", search, "perpetrator", {"role": "perpetrator", "date": search_date})
                if rng.random() < 0.4:
                    witness = self._person("", False, sensitive=True)
                    C(witness, "PARTICIPANT_IN", search, "role", {"role": "witness"}, role="a witness")
                C(search, "LOCATED_IN", d.home or city, "loc_event", repeat=0.1)
            if d.sensitive and rng.random() < 0.6:
                kind = rng.choice(("torture", "ill_treatment", "pressure_to_cooperate"))
                when = self._when(base + rng.randrange(0, 10))
                label = {"torture": "Torture of", "ill_treatment": "Ill-treatment of",
                         "pressure_to_cooperate": "Pressure to cooperate on"}[kind]
                abuse = self._event(kind, f"{label} {d.name}", when)
                C(d, "PARTICIPANT_IN", abuse, "pressure_target" if kind.startswith("pressure") else "torture_target",
                  {"role": "target", "date": when}, asserted_by=d)
                perpetrator = rng.choice(self.generic_actors) if rng.random() < 0.5 else agency
                C(perpetrator, "PARTICIPANT_IN", abuse, "perpetrator", {"role": "perpetrator", "date": when}, asserted_by=d)
                C(abuse, "LOCATED_IN", self.facilities.pick(rng), "loc_event", repeat=0.1)
            if rng.random() < 0.3:
                relation = rng.choice(("mother", "father", "wife", "husband", "brother", "sister", "son", "daughter"))
                gender = "female" if relation in ("mother", "wife", "sister", "daughter") else "male"
                rel = self._person("", False, surname=d.stem, gender=gender, sensitive=rng.random() < 0.5)
                C(rel, "RELATIVE_OF", d, "relative", {"relation": relation}, relation=relation)
                said = self._when(base + rng.randrange(2, 90))
                statement = self._event("statement", f"Statement by the {relation} of {d.name}", said)
                C(rel, "STATES", statement, "states", {"date": said, "medium": "interview"}, medium="interview")
                C(rel, "PARTICIPANT_IN", statement, "role", {"role": "speaker"}, role="speaker")
            if d.persistent:
                body = d.parent
                assert body is not None
                C(d, "MEMBER_OF", body, "member", {"role": "member"}, role="member")
            if rng.random() < 0.3:
                C(d, "LOCATED_IN", d.home or city, "loc_person", repeat=0.2)
        hearing_kind = rng.choice(("detention", "detention_extension", "hearing", "trial", "verdict", "appeal"))
        heard = self._when(base + rng.randrange(2, 400))
        hearing = self._event(hearing_kind, f"{hearing_kind.replace('_', ' ').capitalize()} hearing in {title}", heard)
        presiding = trial_judge if hearing_kind in ("trial", "verdict", "appeal") and trial_judge else judge
        C(presiding, "PARTICIPANT_IN", hearing, "judge_role", {"role": "judge", "date": heard})
        for d in defendants:
            C(d, "PARTICIPANT_IN", hearing, "role", {"role": "target", "date": heard}, role="the defendant")
        C(lawyers[0], "PARTICIPANT_IN", hearing, "role", {"role": "defence_lawyer"}, role="defence lawyer")
        if prosecutor is not None:
            C(prosecutor, "PARTICIPANT_IN", hearing, "role", {"role": "prosecutor"}, role="prosecutor")
        assert court.home is not None
        C(hearing, "LOCATED_IN", court.home, "loc_event", repeat=0.1)
        C(hearing, "PART_OF", case, "part_event", repeat=0.1)
        if rng.random() < 0.5:
            said = self._when(base + rng.randrange(2, 400))
            medium = rng.choice(("video", "interview", "press conference", "social media post"))
            statement = self._event("statement", f"Comment by {lawyers[0].name} on {title}", said)
            C(lawyers[0], "STATES", statement, "states", {"date": said, "medium": medium}, medium=medium,
              asserted_by=lawyers[0])
        if rng.random() < 0.3:
            body = self.body_pick.pick(rng)
            leader = self.leaders[body.key][0 if rng.random() < 0.7 else 1]
            role = "head" if leader is self.leaders[body.key][0] else "deputy head"
            C(leader, "LEADS", body, "leads", {"role": role}, role=role)
            said = self._when(base + rng.randrange(2, 200))
            statement = self._event("statement", f"Statement of the {body.name} on {title}", said)
            C(body, "STATES", statement, "states", {"date": said, "medium": "press release"}, medium="press release")
            C(leader, "PARTICIPANT_IN", statement, "role", {"role": "speaker", "date": said}, role="speaker")
        if self.cases and rng.random() < 0.25:
            other = self.cases[-1 - rng.randrange(min(200, len(self.cases)))]
            C(case, "LINKED_TO", other, "linked", {"linked_by": agency.key}, by=agency.mention[0].upper() + agency.mention[1:])
        if rng.random() < 0.1:
            held = self._when(base + rng.randrange(-200, 200))
            where = rng.choice(self.foreign_cities)
            conference = self._event("conference", f"Conference on political prisoners in {where.name}", held)
            C(first, "PARTICIPANT_IN", conference, "role", {"role": "participant", "date": held}, role="a participant")
            C(self.body_pick.pick(rng), "PARTICIPANT_IN", conference, "role", {"role": "organiser"}, role="organiser")
            C(conference, "LOCATED_IN", where, "loc_event")
            C(where, "PART_OF", where.parent, "part_place", repeat=0.0)  # type: ignore[arg-type]
        self._context(city, "")
        if rng.random() < 0.15 and agency.parent is not None:
            C(agency, "PART_OF", agency.parent, "part_org", repeat=0.0)
        if rng.random() < 0.1:
            C(agency, "LOCATED_IN", agency.home or city, "loc_thing", repeat=0.0)
        self.cases.append(case)

    def _context(self, ent: _Ent, role: str) -> None:
        """A fact about a recurring entity that a story may restate (employer, region)."""
        if self.rng.random() >= 0.3:
            return
        parent = ent.parent
        if parent is None:
            return
        if ent.label == "Person":
            predicate = "MEMBER_OF" if parent.attributes.get("kind") == "law_firm" else "WORKS_FOR"
            self._claim(ent, predicate, parent, "member" if predicate == "MEMBER_OF" else "works", {"role": role},
                        role=role, repeat=0.0)
            if parent.home is not None and self.rng.random() < 0.3:
                self._claim(parent, "LOCATED_IN", parent.home, "loc_thing", repeat=0.0)
        else:
            self._claim(ent, "PART_OF", parent, "part_place", repeat=0.0)
            if parent.parent is not None and self.rng.random() < 0.3:
                self._claim(parent, "PART_OF", parent.parent, "part_place", repeat=0.0)

    def run(self) -> SynthSummary:
        start = time.perf_counter()
        while self.written < self.target:
            self._story()
        for f in self.open:
            self._flush(f)
        self.open = []
        return SynthSummary(
            out_dir=str(self.out_dir), format=self.fmt, seed=self.seed, generator=GENERATOR_VERSION, files=self.files, sources=self.files,
            claims=self.written, distinct_claims=self.distinct, repeated_claims=self.repeated,
            disputed_claims=self.disputed, entities=self.used, sensitive_entities=self.sensitive,
            generic_entities=self.generic, bytes=self.bytes, seconds=round(time.perf_counter() - start, 3),
            predicates=dict(sorted(self.predicates.items())),
        )


def write_corpus(out_dir: Path, claims: int, seed: int = 0, claims_per_source: int = 20, fmt: str = "yaml",
                 ontology: Ontology | None = None) -> SynthSummary:
    """Write a synthetic corpus of ``claims`` claim entries (pieces of evidence) into ``out_dir``.

    One fact file per source, at most ``claims_per_source`` claims each, in
    ``out_dir/NNN/`` folders of a thousand files. The directory must not already hold
    fact files (two corpora in one folder would clash). Deterministic for a seed.
    """
    if claims < 1:
        raise ValueError("claims must be at least 1")
    if claims_per_source < 1:
        raise ValueError("claims_per_source must be at least 1")
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {', '.join(FORMATS)}, not {fmt!r}")
    out_dir = Path(out_dir)
    if out_dir.exists():
        if not out_dir.is_dir():
            raise FactFileError(f"{out_dir}: not a directory")
        if any(p.suffix.lower() in (".yaml", ".yml", ".json") for p in out_dir.rglob("*")):
            raise FactFileError(f"{out_dir}: already holds fact files; write a synthetic corpus into an empty directory")
    out_dir.mkdir(parents=True, exist_ok=True)
    return _Generator(out_dir, claims, seed, claims_per_source, fmt, ontology or default_ontology()).run()
