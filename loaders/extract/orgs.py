"""Organisations the gazetteers do not list, and countries that act.

- **Head nouns**: a run of capitalised words ending in an institutional head noun (Ministry,
  Court, Guard, Service, Prosecutor's Office, Directorate, Centre, Committee, Council, Watch,
  Group, Mission, Platform, Commissioner, Ombudsman, Office, Union, Parliament ...), with an
  ``of/for/to the ...`` tail: "Zheleznodorozhny District Court of Simferopol", "Russian
  Ministry of the Interior", "UN High Commissioner for Human Rights". The head nouns are
  data (``cues.yaml``: ``org_heads``).
- **Acronyms**: an unknown word of 3-6 capitals (FSIN, HRMMU) is an organisation unless
  ``cues.yaml`` lists it as something else (``not_acronyms``: SIZO, NGO, TV ...); an acronym
  in parentheses right after an organisation's name is that organisation's alias.
- Countries that act (a state) or are named as a land (a place) are read in
  :mod:`loaders.extract.countries`.
"""

from __future__ import annotations

import re
from functools import cache

from anyascii import anyascii

from loaders.extract.gazetteer import Gazetteer, GazetteerEntry, slug
from loaders.extract.name_guards import headline_lines
from loaders.extract.org_guards import after_post, defined_terms, not_an_acronym, record_lines

__all__ = ["title_case_line", "government_key", "find_org_patterns", "find_facilities", "find_affiliations", "ORG", "PLACE"]

ORG, PLACE = 1, 2  # what covers a character in the ``taken`` map

_CAPW = r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z][\w’'\-]*)"
_HEAD_KINDS = {"court": "court", "tribunal": "court", "prosecutor's office": "prosecutor",
               "prosecutor’s office": "prosecutor", "procuracy": "prosecutor", "ministry": "government",
               "government": "government", "embassy": "government", "delegation": "government",
               "parliament": "government", "assembly": "government", "council": "government",
               "commission": "government", "commissioner": "government", "ombudsman": "government",
               "department": "government", "administration": "government", "service": "agency",
               "services": "agency", "directorate": "agency", "agency": "agency", "bureau": "agency",
               "guard": "military", "police": "police", "committee": "agency", "inspectorate": "agency",
               "fleet": "military", "army": "military"}


# A state and its government are one actor keyed by the state's common English name ("X", "the Government of X",
# "the X government": org:united-states, org:canada; README, round 13 conv13b point 4); Russia keeps its
# established key.
_GOVERNMENTS = {"russia": "russian-federation"}


def government_key(country_key: str) -> str:
    """The key (without ``org:``) of the state, acting through its government, whose country's gazetteer key is
    given: the country's own key, Russia's ``russian-federation``."""
    return _GOVERNMENTS.get(country_key, country_key)


def state_government(name: str, gaz: Gazetteer) -> GazetteerEntry | None:
    """"the Ukrainian Government", "Government of Ukraine": the country's government entry (one
    key per state, as a country that acts has), else None."""
    m = re.fullmatch(r"(?:[Tt]he )?(?:(?P<adj>[A-Z][\w\-]+) [Gg]overnment|Government of (?:the )?(?P<place>[A-Z][\w .\-]+)"
                     r"|(?P<poss>[A-Z][\w .\-]+?)(?:’s|'s) [Gg]overnment)", name)
    if m is None:
        return None
    country = m.group("place") or m.group("poss") or next((k for k, v in gaz.demonyms.items() if v == m.group("adj")), "")
    entry = gaz.places.get(country)
    if entry is None or entry.attributes.get("kind") != "country":
        return None
    return GazetteerEntry(government_key(entry.key), "Organisation", name, (), {"kind": "government"})


@cache
def _patterns(heads: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    head = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    # Words of one name are on one line, one space apart: a name never crosses a sentence or paragraph.
    # "and"/"or" join words of one name ("Security and Co-operation", "Enforced or Involuntary
    # Disappearances"); "and the" starts another name.
    # ("against" names a body's cause only after the nouns of a cause's bodies: "Committee against Torture";
    # "the Russian Federation against the Crimean Tatars" is a state and its victims.)
    tail = rf"(?: (?:of|for|on|to|(?:(?<=Committee)|(?<=Coalition)|(?<=Movement)|(?<=Campaign)|(?<=Alliance)|(?<=League)|(?<=Network)|(?<=Initiative)) against) (?:the )?{_CAPW}(?: (?:(?:of|for|on|to) (?:the )?|and |or )?{_CAPW}){{0,5}})?"
    # An embassy or mission is named with its city: "British Embassy Kyiv".
    # "and" joins two words before the head too ("National Security and Defense Council"); see _joined.
    org = re.compile(rf"(?<![\w\-])(?:{_CAPW} (?:(?:of|for) (?:the )?|and )?){{0,5}}(?:{head})(?![\w\-])"
                     rf"(?:(?<=Embassy) [A-Z][a-z]+(?![\w\-]))?{tail}"
                     # a delegation or embassy is named with the state it is accredited in ("EU Delegation in Russia")
                     rf"(?:(?:(?<=Delegation)|(?<=Embassy)) in (?:the )?{_CAPW}(?: {_CAPW})?(?![\w\-]))?")
    # "UOC-KP": two acronyms joined by a hyphen are one.
    acronym = re.compile(r"(?<![\w\-/])(?:[A-Z]{2,6}(?:-[A-Z]{1,4})+|[A-Z]{3,6})(?![\w\-/])")
    return org, acronym


_GENERIC_COURT_RE = re.compile(
    r"\b(?:a|an|the)\s+(?:(?:[A-Z][\w’'-]+|so-called|local|de facto|occupation|Russian-controlled)\s+){0,2}"
    r"(?:(?:military|district|city|regional|appeals?|garrison|magistrate'?s?|magistrates’)\s+)?[“\"]?court[”\"]?(?![\w-])")


# The short words a title-cased headline leaves in lower case.
_TITLE_SMALL_WORDS = frozenset({"of", "the", "and", "in", "on", "to", "for", "a", "an", "by", "at", "from", "with", "as",
                                "or", "into", "over", "after", "amid", "against", "under"})


def title_case_line(text: str, pos: int) -> bool:
    """Whether the line at ``pos`` is a headline: four words or more, nearly all capitalised."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    words = re.findall(r"[^\W\d_][\w’'-]*", text[start:end if end >= 0 else len(text)])
    if len(words) < 4:
        return False
    caps = sum(1 for w in words if w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS)
    return caps == len(words) and sum(1 for w in words if w[:1].isupper()) >= 0.6 * len(words)


def _whole_line(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is its line, alone (an organisation's name as a byline)."""
    return (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")


def _kind(name: str) -> str:
    low = name.lower()
    for head, kind in _HEAD_KINDS.items():
        if head in low:
            return kind
    if re.search(r"\b(?:times|post|journal|gazette|herald|telegraph|tribune|television|radio)$", low):
        return "media"
    return "ngo" if re.search(r"\b(?:group|centre|center|watch|foundation|network|initiative|union|association|"
                              r"movement|coalition|solidarity)\b", low) else "other"


def _acronym_prefix(text: str, taken: bytearray, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` starts with a curated acronym that only qualifies a longer name
    ("OSCE High Commissioner on National Minorities", "UN Office of ..."): the body is the entity."""
    m = re.match(r"[A-Z]{2,6}(?= )", text[a:b])
    # A place may qualify the body ("FSB Directorate for the Republic of Crimea"); another organisation not.
    return m is not None and all(taken[a:a + m.end()]) and ORG not in taken[a + m.end() + 1:b]


def _state_of_land(text: str, taken: bytearray, a: int, b: int, gaz: Gazetteer) -> bool:
    """Whether ``text[a:b]`` is a state's name (a curated country, as a place) followed by "of"/"for"/"on"/"to"
    and more ("the occupation by the Russian Federation of the Autonomous Republic of Crimea"): the state
    is one entity and what follows it another, never one body's name."""
    k = a
    while k < b and taken[k] == PLACE:
        k += 1
    if k == a or k >= b or re.match(r" (?:of|for|on|to) ", text[k:k + 5]) is None:
        return False
    entry = gaz.places.get(text[a:k])
    return entry is not None and entry.attributes.get("kind") == "country"


def _qualified(text: str, taken: bytearray, a: int, b: int, gaz: Gazetteer) -> bool:
    """Whether ``text[a:b]`` is a curated organisation's whole name qualified by another place after
    it ("Supreme Court" + " of the Republic of Crimea", where the curated Supreme Court is Russia's):
    the longer name is the entity. A qualifier the curated body has itself ("Kyivskyi District
    Court" + " of Simferopol") or one naming no place ("Mejlis" + " of Crimean Tatar People") is not."""
    if a > 0 and taken[a - 1] == ORG:
        return False  # the curated name starts before: the span is inside it
    k = a
    while k < b and taken[k] == ORG:
        k += 1
    if k >= b or re.match(r" (?:of|for|in|to) ", text[k:k + 5]) is None or ORG in taken[k + 1:b] \
            or PLACE not in taken[k + 1:b]:
        return False
    entry = gaz.lookup(text[a:k])
    places = re.findall(r"[A-Z][\w’'\-]+", "".join(c if t == PLACE else " " for c, t in zip(text[k:b], taken[k:b], strict=True)))
    return entry is not None and not any(p in n for p in places for n in (entry.name, *entry.aliases))


# A plural noun of people by its ending: "Inspectors", "Deputies", "Judges", "Servicemen",
# "Activists" (not "Mejlis", "Congress", "Friends" of "Friends of the Earth").
_PLURAL_ROLE_RE = re.compile(r"[A-Z][a-z]+(?:ers|ors|ists|ants|ents|ens|ans|ives|ies|ees|ges|ials|ats|ards|men)")


def _members_of(words: list[re.Match[str]], heads: set[str], gaz: Gazetteer) -> int:
    """How many leading ``words`` name members of the body named after "of" (0 if none): a plural
    role noun ("Deputies of the State Council"), or a person's name ("Olga Skrypnyk of the Crimean
    Human Rights Group"). The words before "of" hold no head noun ("Taras Shevchenko National
    University of Kyiv" is one name), and the body after it must be named ("the" or a known name:
    "Mothers of Crimea Foundation" stays whole)."""
    of = next((i for i, w in enumerate(words) if w.group() in ("of", "for")), 0)
    if not 1 <= of <= 3 or of + 2 >= len(words):
        return 0
    before = [w.group() for w in words[:of]]
    if any(w in heads or w.rstrip("’'s") in heads for w in before) or gaz.lookup(" ".join(before)) is not None:
        return 0
    plural = of == 1 and _PLURAL_ROLE_RE.fullmatch(before[0]) is not None and words[of + 1].group() == "the"
    person = of >= 2 and all(w[:1].isupper() for w in before) and (
        before[0] in gaz.given_names or anyascii(before[-1]).lower().endswith(gaz.surname_endings))
    if not (plural or person):
        return 0
    return of + 2 if words[of + 1].group() == "the" else of + 1


# A hyphenated adjective saying who runs or installed a body is no part of its name
# ("Russian-controlled Supreme Court of Crimea", "Kremlin-backed ...", "Kyiv-based ...").
_LEAD_ADJECTIVE = re.compile(r"-(?:based|controlled|installed|backed|appointed|imposed|led|run|affiliated|loyal)$")


# Texts a body writes ("Report of the Monitoring Mission", "Resolution of the Assembly"), unlike
# texts about a subject or a state ("Code of Administrative Offences", "Constitution of Ukraine").
# (A state's press office titles its texts so too: "Comment of Ukraine's Foreign Ministry", "ADDRESS of the
# Verkhovna Rada": the heading word in capitals is the same word.)
# A body's gatherings: "Meeting of the Permanent Council", "Annual Session of the OSCE Parliamentary Assembly",
# "Inaugural Summit of the International Crimea Platform" (the body after "of" is the organisation).
# (Not "Conference": the "Conference of INGOs" is a body.)
_GATHERINGS = ("Meeting ", "Session ", "Summit ", "Sitting ", "Plenary ")
_AUTHORED = ("Report ", "Reports ", "Resolution ", "Declaration ", "Decree ", "Order ", "Decision ", "Opinion ", "Comment ",
             "Commentary ", "Address ", "Appeal ")


def _document_before_of(name: str, documents: tuple[str, ...]) -> bool:
    """Whether a document's head noun is among the words before the first "of"/"by" ("Follow-up
    Report of the ...", "Annual Report of the ...")."""
    head = re.split(r" (?:of|by) ", name, maxsplit=1)[0]
    return head != name and len(head.split()) <= 3 and any(f"{w.capitalize() if w.isupper() else w} " in documents
                                                           for w in head.split())


def _strip_lead(words: list[re.Match[str]], run: str, lead: set[str], long_heads: tuple[str, ...]) -> list[re.Match[str]]:
    """The words without leading sentence words, titles, possessives and hyphenated adjectives
    ("The", "Deputy", "Russia’s", "Russian-controlled"); a head starting with a title stays whole."""
    while len(words) > 1 and not run.startswith(long_heads, words[0].start()) and (
            words[0].group() in lead or words[0].group().lower() in ("of", "for", "and", "the")
            or words[0].group().endswith(("’s", "'s")) or _LEAD_ADJECTIVE.search(words[0].group())):
        words = words[1:]
    return words


def _joined(words: list[re.Match[str]], offset: int, taken: bytearray, heads: set[str],
            gaz: Gazetteer) -> list[re.Match[str]]:
    """The words of a name from the last "and" before its head on, unless "and" joins two words
    of one name ("National Security and Defense Council", "Foreign and Commonwealth Office"): one
    or two plain capitalised words before it (no known name, given name, surname or head noun);
    else the words before "and" are another name ("Refat Chubarov and the ...")."""
    first = {h.split()[0] for h in heads}
    head = next((i for i, w in enumerate(words) if w.group() in first), len(words))
    ands = [i for i, w in enumerate(words[:head]) if w.group() == "and"]  # "Ministry of Youth and Sports" is the tail's
    if not ands:
        return words
    k = ands[-1]
    before = words[max(0, k - 2):k]
    if ands[0] != k or "of" in (w.group() for w in words[:k]) or "for" in (w.group() for w in words[:k]):
        return words[k + 1:]
    if not 1 <= k <= 2 or words[k + 1].group() in heads:
        return words[k + 1:]
    # Only the unmistakable surname endings: "-al", "-in" end English words too ("National").
    strict = tuple(e for e in gaz.surname_endings if len(e) >= 3 or e in ("ov", "ev", "uk", "ko"))
    for w in before:
        t = w.group()
        if any(taken[offset + w.start():offset + w.end()]) or t in heads or t in gaz.given_names \
                or t in gaz.cues["org_not_lead"] or anyascii(t).lower().endswith(strict) or not t[1:].islower():
            return words[k + 1:]
    return words


def _adjective_head(name: str, after: str, adjectives: frozenset[str], verbs: set[str]) -> bool:
    """A headline's "Russian Court Sentences ...": a country's adjective and one head word, then the headline's verb
    (title case capitalises the common noun of "a Russian court has sentenced")."""
    words = name.split()
    nxt = re.match(r"\s+([A-Z][a-z]+)", after)
    return len(words) == 2 and words[0] in adjectives and nxt is not None and nxt.group(1).lower() in verbs


def find_org_patterns(text: str, taken: bytearray, gaz: Gazetteer) -> list[tuple[int, int, GazetteerEntry]]:
    """Organisations named by a head noun or an acronym, outside the ``taken`` characters
    (a span may contain a gazetteer name, as "UK Delegation to the OSCE" contains OSCE)."""
    org_re, acronym_re = _patterns(tuple(gaz.cues["org_heads"]))
    lead = set(gaz.cues["org_not_lead"])
    # A head of several words starting with a title ("Prosecutor General's Office") keeps its title.
    heads = set(gaz.cues["org_heads"])
    calendar = {*gaz.months, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    documents = tuple(f"{d} " for d in gaz.cues.get("document_heads", ()))
    subjects = tuple(gaz.cues.get("subject_headings", ()))
    # (Also a title with its possessive: "Prosecutor-General’s Office" is not "Office" of someone.)
    long_heads = tuple(h for h in gaz.cues["org_heads"] if " " in h and (h.split()[0] in lead or h.split()[0].endswith(("’s", "'s"))))
    verbs = {f for v in gaz.cues["headline_verbs"] for f in (v, v + "s", v + "es", v[:-1] + "ies")}
    adjectives = frozenset(gaz.demonyms.values())
    out: list[tuple[int, int, GazetteerEntry]] = []
    records = record_lines(text)
    yielding = frozenset(gaz.cues.get("yield_to_longer", ()))
    headline = headline_lines(text, title_case_line)  # each line read once, not once per match
    for m in org_re.finditer(text):
        if headline(m.start()) and any(w.lower() in verbs for w in m.group().split()):
            continue  # a headline capitalises its verb too: "Russia Bans Mejlis of Crimean Tatars"
        if headline(m.start()) and _adjective_head(m.group(), text[m.end():m.end() + 20], adjectives, verbs):
            continue  # "Russian Court Sentences ...": a headline's "Russian court", a body no name tells
        if records(m.start()):
            continue  # "Ethnic Group: Crimean Tatar", "Nature of Charges: Banned Organization": a record's field
        if re.match(r" (?:List|Lists|Report|Index|Award|Prize)\b", text[m.end():m.end() + 8]):
            continue  # "the Special Watch List": a list's or a prize's title, not the body
        words = list(re.finditer(r"\S+", m.group()))
        # Leading sentence words and titles are not part of the name ("The", "Deputy", "According"),
        # nor a name joined by "and" ("Shevket Useinov and Deputy Head of the Mejlis").
        words = _strip_lead(words, m.group(), lead, long_heads)
        words = _strip_lead(_joined(words, m.start(), taken, heads, gaz), m.group(), lead, long_heads)
        # "Inspectors of the Federal Penitentiary Service", "Olga Skrypnyk of the Crimean Human
        # Rights Group": the people of a body, or a person of it, are not part of its name.
        words = words[_members_of(words, heads, gaz):]
        words = after_post(words, heads)
        # "World Congress of Crimean Tatars and Member of the Verkhovna Rada": a second post of the person's ends the name.
        post = next((i for i in range(1, len(words) - 1) if words[i].group() == "and" and words[i + 1].group() in lead), 0)
        if post:
            words = words[:post]
        # A capitalised preposition is a headline's ("Sentenced To 12 Years In Rostov Court"): the name starts after it.
        preps = [i for i, w in enumerate(words[:-1]) if w.group() in ("In", "To", "At", "By", "With", "From", "After", "Over", "Into")]
        if preps:
            words = words[preps[-1] + 1:]
        # A person's name after "... for Human Rights" is the office holder, not the office.
        tail = m.group()[words[0].start():]
        cut = re.search(r"\b(?:Human\s+Rights|Affairs|Justice|Interior|Defen[cs]e)\b", tail)
        rest = tail[cut.end():].split() if cut else []
        # ... unless the name goes on: "Crimean Human Rights Field Mission", "Ministry of Internal Affairs of the Republic".
        if cut and rest and not any(w in heads for w in rest) and rest[0] not in ("of", "for", "in", "to"):
            words = [w for w in words if w.start() < words[0].start() + cut.end()]
        # A date is no part of a name ("the Kyiv Post on March 10"): the name ends before it.
        for i in range(1, len(words)):
            if words[i].group().lower() in calendar:
                words = words[:i]
                while len(words) > 1 and words[-1].group().lower() in ("of", "for", "on", "to", "the", "and", "against"):
                    words = words[:-1]
                break
        # Nor is a person named right after the organisation ("... Tatar People Refat Chubarov").
        for i in range(1, len(words) - 1):
            first, last = words[i].group(), words[i + 1].group()
            if first in gaz.given_names and last[:1].isupper():
                words = words[:i]
                break
        a, b = m.start() + words[0].start(), m.start() + words[-1].end()
        if taken[a] == ORG:
            # "Council of Europe's Committee for the Prevention of Torture": a body's own named body.
            k = a
            while k < b and taken[k] == ORG:
                k += 1
            if text[k:k + 3] in ("’s ", "'s ") and k + 3 < b and not any(taken[k + 3:b]):
                a = k + 3
        name = text[a:b].rstrip(".")
        # A possessive is no part of a name ("the Ministry of Justice’s decision", "the Council of Europe’s values"):
        # the body is named without it (its tail's last word took the "’s").
        name = re.sub(r"(?<=[A-Za-z])(?:’s|'s|’|')$", "", name) if name.endswith(("’s", "'s", "s’", "s'")) else name
        b = a + len(name)
        if len(name.split()) < 2 and name.lower() not in ("ombudsman",):
            continue  # a bare head noun ("Court", "Council") names nothing
        if name.startswith(subjects):
            continue  # "Freedom of Peaceful Assembly", "Administration of Justice": a report's subject heading
        if name.startswith(documents) or _document_before_of(name, _AUTHORED + _GATHERINGS):
            # "Report of the Monitoring Mission": the body that wrote the text, after "of"; "Code of
            # Administrative Offences of the Russian Federation": a text, and no body in it.
            body = re.search(r" (?:of|by) (?:the )?", name) if _document_before_of(name, _AUTHORED + _GATHERINGS) else None
            after = name[body.end():] if body else ""
            if body is None or not any(w in heads for w in after.split()) or all(taken[a + body.end():b]):
                continue
            if taken[a] == ORG or a > 1 and text[a - 1] == " " and taken[a - 2] == ORG:
                continue  # "the OSCE Report of the Human Rights Assessment Mission on Crimea": the body before it wrote it
            a += body.end()
            name = after
        if _state_of_land(text, taken, a, b, gaz):
            continue  # "the Russian Federation of the Autonomous Republic of Crimea": the state, then the land
        if all(taken[a:b]) or taken[a] == ORG and not _acronym_prefix(text, taken, a, b) \
                and not _qualified(text, taken, a, b, gaz) and not _yields(text, taken, a, b, yielding):
            continue  # a curated organisation's own name (or one starting inside it) wins
        while b < len(text) and taken[b - 1] == ORG and taken[b] == ORG:
            b += 1  # "... Mission to the Organization for Security and Co-operation" runs on to "in Europe"
        if (kind_of := re.match(r" [“\"«']?", text[b:b + 2])) and taken[b + kind_of.end():b + kind_of.end() + 1] == bytes([ORG]) \
                and not any(taken[a:b]):
            continue  # "the Human Rights Centre ZMINA", "Human Rights Centre “Memorial”": the kind of the named body
        name = text[a:b]
        # "Supreme Court of the Republic of Crimea" is the curated "Supreme Court of Crimea".
        entry = gaz.lookup(re.sub(r"\b(?:the )?(?:Autonomous )?Republic of ", "", name)) \
            if "Republic of" in name else None
        if entry is None or entry.label != "Organisation":
            entry = state_government(name, gaz)
        if entry is None and (poss := re.fullmatch(r"(?P<state>[A-Z][\w ]+?)(?:’s|'s) (?P<body>.+)", name)) \
                and poss.group("state") in gaz.demonyms:
            # "Ukraine's Foreign Ministry" is the gazetteer's "Ukrainian Foreign Ministry", named as written.
            known = gaz.lookup(f"{gaz.demonyms[poss.group('state')]} {poss.group('body')}")
            if known is not None and known.label == "Organisation":
                entry = GazetteerEntry(known.key, "Organisation", name, (), dict(known.attributes))
        if entry is None:
            entry = GazetteerEntry(slug(re.sub(r"^the\s+", "", name, flags=re.I)), "Organisation", name, (),
                                   {"kind": _kind(name)})
        out.append((a, b, entry))
    # A court the article does not name: "a Russian military court", "a Simferopol “court”" (collective).
    for m in _GENERIC_COURT_RE.finditer(text):
        # A place may qualify the court ("a Simferopol “court”"); a bare "a court" or "the court"
        # names no court: the article's named court, or none, is meant.
        if ORG in taken[m.start():m.end()] or any(a <= m.start() < b for a, b, _e in out) \
                or len(re.findall(r"[\w’'-]+", m.group())) < 3:
            continue
        name = m.group()
        key = slug(re.sub(r"^(?:a|the)\s+", "", name, flags=re.I)) + "-generic"
        if key == "military-court-generic":
            key = "russian-military-court-generic"  # the military courts that try Crimeans are Russia's (the gold's one key)
        out.append((m.start(), m.end(), GazetteerEntry(key, "Organisation", name, (), {"kind": "court"}, generic=True)))
    out += _named_by_acronym(text, taken, out, gaz)
    terms = defined_terms(text)
    for m in acronym_re.finditer(text):
        word = m.group()
        if taken[m.start()] or word in gaz.cues["not_acronyms"] or any(a <= m.start() < b for a, b, _e in out) \
                or word in terms or records(m.start()):
            continue
        if re.fullmatch(r"[IVXLC]+", word) or text[max(0, m.start() - 1):m.start()] == "-":
            continue
        # A word in a line of capitals ("MANY THANKS TO ALL WHO SENT") is shouting, a surname in
        # capitals a person's ("Mr Volodymyr ARIEV"), a code by a number a reference's ("2017/2596(RSP)").
        if not_an_acronym(text, m.start(), m.end(), gaz.given_names):
            continue
        out.append((m.start(), m.end(), GazetteerEntry(word.lower(), "Organisation", word, (), {"kind": "other"})))
    return out + _quoted_bodies(text, taken, gaz)


# A name and the acronym it defines, either way round: "Crimean Tatar Youth League (CTYL)", "CTYL (Crimean Tatar Youth
# League)". The words of the name: capitalised, or the short words of English names ("Students for Free Crimea").
_NAME_WORD = r"(?:[A-Z][\w’'\-]*|of|for|and|the|on|in|to|against)"
_NAME_THEN_ACRONYM = re.compile(rf"(?<![\w\-])(?P<name>[A-Z][\w’'\-]*(?: {_NAME_WORD}){{1,9}}) \((?P<acr>[A-Z][A-Za-z]{{1,7}})\)")
_ACRONYM_THEN_NAME = re.compile(rf"(?<![\w\-])(?P<acr>[A-Z][A-Za-z]{{1,7}}) \((?P<name>[A-Z][\w’'\-]*(?: {_NAME_WORD}){{1,9}})\)")
_SMALL_NAME_WORDS = frozenset({"of", "for", "and", "the", "on", "in", "to", "against"})


def _initials_match(words: list[str], acronym: str) -> bool:
    """Whether the acronym spells the initials of the words: of the capitalised ones ("Students for Free
    Crimea" -> SFC), or of all of them ("Representative on Freedom of the Media" -> RFoM)."""
    caps = "".join(w[0] for w in words if w not in _SMALL_NAME_WORDS)
    every = "".join(w[0] for w in words)
    return acronym.upper() in (caps.upper(), every.upper()) and len(caps) >= 2


def _named_by_acronym(text: str, taken: bytearray, found: list[tuple[int, int, GazetteerEntry]],
                      gaz: Gazetteer) -> list[tuple[int, int, GazetteerEntry]]:
    """Organisations whose name has no head noun but defines an acronym in parentheses, either way round: the
    acronym's letters are the initials of the name's words (the shortest run of words that gives them), so the
    name is an institution's, not a phrase's. Places may be words of the name; a known organisation or a person
    may not."""
    if " (" not in text:
        return []
    spans = [(a, b) for a, b, _e in found]
    out: list[tuple[int, int, GazetteerEntry]] = []
    for rx, whole in ((_NAME_THEN_ACRONYM, False), (_ACRONYM_THEN_NAME, True)):
        for m in rx.finditer(text):
            acr = m.group("acr")
            if not (acr[:2].isupper() or acr.isupper()) or sum(c.isupper() for c in acr) < 2:
                continue
            words = m.group("name").split(" ")
            offsets = [m.start("name") + sum(len(w) + 1 for w in words[:i]) for i in range(len(words))]
            pick = None
            for i in ([0] if whole else range(len(words) - 1, -1, -1)):
                if words[i][:1].isupper() and _initials_match(words[i:], acr):
                    pick = i
                    break
            if pick is None:
                continue
            a, b = offsets[pick], m.end("name")
            if ORG in taken[a:b] or any(x < b and a < y for x, y in spans) or words[pick] in gaz.given_names \
                    or gaz.lookup(text[a:b]) is not None:
                continue
            name = text[a:b]
            spans.append((a, b))
            out.append((a, b, GazetteerEntry(slug(name), "Organisation", name, (acr,), {"kind": _kind(name)})))
    return out


def _yields(text: str, taken: bytearray, a: int, b: int, yielding: frozenset[str]) -> bool:
    """Whether the curated name at ``a`` is one word that yields to a longer name starting with it
    ("Congress" of "Congress of Local and Regional Authorities"): the longer name is the body."""
    k = a
    while k < b and taken[k] == ORG:
        k += 1
    return text[a:k] in yielding and text.startswith((" of ", " for "), k) and not any(taken[k:b])


# "the so-called ‘Supreme Court’ of the illegally annexed Crimea": a body's name in scare quotes,
# then the place whose body it is.
_QUOTED_OF = re.compile(r"(?P<name>[A-Z][\w’' \-]{2,60}?)[’”\"'] of (?:the )?(?:[a-z][\w\-]* ){0,3}(?P<place>[A-Z][\w\-]+)")


def _quoted_bodies(text: str, taken: bytearray, gaz: Gazetteer) -> list[tuple[int, int, GazetteerEntry]]:
    """A curated body's name in quotes followed by "of" a place: the gazetteer's body of that place
    ("Supreme Court" + Crimea -> the Supreme Court of Crimea), not the curated one of another state."""
    out = []
    for m in _QUOTED_OF.finditer(text):
        a, b = m.span("name")
        k = b
        while k > a and taken[k - 1] == ORG:
            k -= 1  # the curated name ends at the quote
        if k == b or (k > a and taken[k - 1]) or not all(t == PLACE for t in taken[m.start("place"):m.end("place")]):
            continue
        entry = gaz.lookup(f"{text[k:b]} of {m.group('place')}")
        if entry is not None and entry.label == "Organisation":
            out.append((k, m.end(), entry))
    return out


# A capitalised word, or one in camel case ("openDemocracy"), up to four of them, after "of"/"at".
_AFTER_OF_RE = re.compile(r"\s(?:of|at)\s+(?:the\s+)?(?P<name>(?:[A-Z][\w’'\-]*|[a-z]+[A-Z][\w\-]*)"
                          r"(?: (?:[A-Z][\w’'\-]*|[a-z]+[A-Z][\w\-]*)){0,3})(?![\w\-])")


# A lower-case kind of body right after a capitalised word: the word is an adjective ("the Islamist group").
_KIND_AFTER = re.compile(r" (?:group|groups|organi[sz]ations?|movement|movements|party|parties|network|community|communities|"
                         r"association|faction|cell|cells|channel|outlet|media|sect|order|society|congregation)\b")


# A people's word and the noun of its community after a nation's adjective: "(the chair of the Lithuanian) Tatar
# community". Not Crimea's, Ukraine's or Russia's own (their peoples' communities are collectives of the convention).
_PEOPLE_BODY_AFTER = re.compile(r"(?: [A-Z][a-z]+){1,2} (?:community|diaspora)(?![\w\-])")
_HOME_DEMONYMS = frozenset({"Crimean", "Ukrainian", "Russian", "Sevastopol", "Simferopol", "Soviet"})


@cache
def _role_before_re(cues: tuple[str, ...]) -> re.Pattern[str]:
    cue = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"\b(?i:{cue})$")


def find_affiliations(text: str, taken: bytearray, gaz: Gazetteer) -> list[tuple[int, int, GazetteerEntry]]:
    """Organisations named as someone's employer or body: "editor of RuNet Echo", "director at
    Foo Watch", "coordinator of Bar Initiative". Only what no gazetteer or pattern took, and not a
    person's name (a lawyer "for" a client is not an organisation, so lawyers are not cues here)."""
    lawyers = {c.lower() for c in gaz.cues["lawyer"]}
    cues = tuple(c for c in (*gaz.cues["employment"], *gaz.cues["leadership"], *gaz.cues["membership"])
                 if c.lower() not in lawyers)
    heads = set(gaz.cues["org_heads"])
    demonyms = frozenset(gaz.demonyms.values()) - _HOME_DEMONYMS
    out = []
    role = _role_before_re(cues)
    for m in _AFTER_OF_RE.finditer(text):
        # The role word right before "of" (checked only where "of/at Name" occurs: cheap).
        if not role.search(text, max(0, m.start() - 40), m.start()):
            continue
        a = m.start("name")
        words = _name_words(m.group("name"), a, taken, gaz)
        if not words:
            continue
        b = a + words[-1].end()
        names = [w.group() for w in words]
        if names[0] in demonyms and (people := _PEOPLE_BODY_AFTER.match(text, a + words[0].end())):
            # "the chair of the Lithuanian Tatar community": a nation's community of a people, which someone chairs,
            # is a body of its own (the people's word, a collective of its own, is part of its name)
            out.append((a, people.end(), GazetteerEntry(slug(text[a:people.end()]), "Organisation", text[a:people.end()], (),
                                                        {"kind": "other"})))
            continue
        if " ".join(names) in gaz.cues["portfolios"]:
            continue  # "Minister of Foreign Affairs": a portfolio, not a body
        if len(names) == 1 and names[0] in heads or (len(names) >= 2 and names[-1].lower().endswith(gaz.surname_endings)):
            continue  # a bare head noun ("member of Parliament"), or a person ("wife of Server Mustafayev")
        if _KIND_AFTER.match(text, b):
            continue  # "a member of the Islamist group Hizb ut-Tahrir": the word describes a kind of body
        if text.endswith(("’s", "'s"), a, b):
            continue  # "a member of Sentsov’s alleged group": a possessive names whose body, not the body
        out.append((a, b, GazetteerEntry(slug(text[a:b]), "Organisation", text[a:b], (), {"kind": "other"})))
    return out


def _name_words(name: str, a: int, taken: bytearray, gaz: Gazetteer, places: bool = False) -> list[re.Match[str]]:
    """The words of a candidate name starting at offset ``a``, up to where a known name, a title or
    a given name begins ("... of Foo Russia"); none when it starts with a word that is no name.
    With ``places`` a place may be a word of the name, not its last ("the NGO Crimea SOS")."""
    words = []
    for w in re.finditer(r"\S+", name):
        cover = taken[a + w.start():a + w.end()]
        if (any(cover) and not (places and all(c == PLACE for c in cover))) or w.group() in gaz.titles \
                or w.group() in gaz.given_names:
            break
        words.append(w)
    while places and words and all(c == PLACE for c in taken[a + words[-1].start():a + words[-1].end()]):
        words.pop()
    return [] if not words or words[0].group() in gaz.not_names else words


# "the NGO Sebat", "the rights group Foo Watch": a kind of body, then its name.
# "the news website “Grani”", "the national post operator Ukrposhta": the name may stand in quotes.
_KIND_THEN_NAME_RE = re.compile(
    r"\b(?P<kind>NGO|non-governmental organi[sz]ation|(?:human )?rights (?:group|organi[sz]ation)|charity|"
    r"news (?:outlet|site|website|portal|agency)|(?:online )?newspaper|media outlet|news ?paper|web ?site|"
    r"(?:TV|television) (?:channel|station)|radio station|broadcaster|magazine|"
    r"(?:post|postal|mobile|telecoms?|state) (?:operator|company)|"
    # the kinds a dictionary gives for a union of workers and for a website of news: "the independent trade union
    # “Student Action”", "the portal BlackSeaNews", "the media watchdog Foo"
    r"(?:independent |student |journalists[’']? |media )?trade union|(?:online |information |internet )?portal|"
    r"(?:media|press freedom|press) watchdog)"
    r"\s+[“\"]?(?P<name>[A-Z][\w’'\-.]*[\w’'](?: [A-Z][\w’'\-]*){0,3})(?![\w\-])")


def find_kind_then_name(text: str, taken: bytearray, gaz: Gazetteer) -> list[tuple[int, int, GazetteerEntry]]:
    """Organisations introduced by their kind ("from the NGO Sebat"), outside the ``taken`` spans;
    the name stops at a known name, a title or a given name ("the NGO Sebat Ivan Petrov")."""
    out = []
    for m in _KIND_THEN_NAME_RE.finditer(text):
        a = m.start("name")
        words = _name_words(m.group("name"), a, taken, gaz, places=True)
        if not words:
            continue
        b = a + words[-1].end()
        kind = "media" if re.search(r"news|paper|site|channel|station|cast|magazine|portal|media (?!watchdog)",
                                    m.group("kind")) \
            else "other" if re.search(r"operator|company", m.group("kind")) else "ngo"
        out.append((a, b, GazetteerEntry(slug(text[a:b]), "Organisation", text[a:b], (), {"kind": kind})))
    return out


_FACILITY_RE = re.compile(
    r"(?<![\w\-])(?:[A-Z][\w’'\-]*(?:-\d+)? ){1,3}(?:Central Prison|Prison|Penal Colony|Colony|Penitentiary|Jail|"
    r"Detention (?:Centre|Center|Facility)|Pre-[Tt]rial Detention (?:Centre|Center)|Remand Prison|Airport|Square|"
    r"airport|prison|penal colony|detention (?:centre|center))(?:(?:-| No\.? ?| №\s?)\d+)?(?![\w\-])")


# "a temporary detention facility in Simferopol": a facility the article names by its town. A
# town has one temporary detention facility (IVS) and one pre-trial centre (SIZO) of each kind;
# it has many colonies and prisons, so those need "the" ("a penal colony in Rostov-on-Don" is
# some colony there: the town is the place).
_FACILITY_IN_RE = re.compile(r"\b(?:(?P<what>(?:temporary |pre-?trial )?detention (?:facility|centre|center))|"
                             r"(?<=[Tt]he )(?P<what2>remand prison|penal colony|police station|psychiatric hospital))"
                             r" (?:in|of) (?P<place>[A-Z][\w’'\-]+)(?![\w\-])")


# "Simferopol’s military commissariat": a town's facility named by its possessive.
_FACILITY_OF_RE = re.compile(r"(?<![\w\-])(?P<place>[A-Z][\w\-]+)(?:’s|'s) (?P<what>military commissariat|police station|"
                             r"(?:pre-?trial |temporary )?detention (?:centre|center|facility)|remand prison|"
                             r"psychiatric hospital)(?![\w\-])")


# "the Kyivsky District Police Department of Simferopol", "the Central Police Precinct of Simferopol": a town's police
# station by its name, where people are taken and held (dev8 e02 e07: a Location, as "the police station in X" is),
# keyed without "of" as the corpus keys a town's district court ("...-district-court-simferopol").
_POLICE_STATION_RE = re.compile(r"(?<![\w\-])(?P<name>(?:[A-Z][\w’'\-]* ){1,3}Police (?:Department|Precinct|Station))"
                                r"(?: (?:of|in) (?P<place>[A-Z][\w’'\-]+))?(?![\w\-])")


# A pre-trial detention centre by its number, with its town when the article gives it: "SIZO-2 in
# Simferopol", "SIZO No. 1".
_SIZO_RE = re.compile(r"(?<![\w\-])(?P<sizo>SIZO(?:-| No\.? ?| )\d{1,2})(?![\w\-])(?: (?:in|of) (?P<place>[A-Z][\w’'\-]+))?")


def find_facilities(text: str, taken: bytearray, places: dict[str, GazetteerEntry] | None = None,
                    adjectives: frozenset[str] = frozenset()) -> list[tuple[int, int, GazetteerEntry]]:
    """Prisons, colonies, detention centres and airports named with their place ("Vladimir Central
    Prison", "Simferopol airport", "the temporary detention facility in Simferopol"): Locations of
    kind facility. "a Russian prison" names no facility (``adjectives``: words that are no place)."""
    out = []
    for m in _FACILITY_RE.finditer(text):
        words = m.group().split()
        while len(words) > 2 and words[0] in ("The", "In", "At", "To", "From", "A"):
            words = words[1:]
        name = " ".join(words)
        a = m.end() - len(name)
        if any(taken[a:m.end()]) and taken[a] == ORG:
            continue
        if words[-1].islower() and all(w in adjectives for w in words[:-1] if w[:1].isupper()):
            continue  # "a Russian prison", "Ukrainian airports": a kind of place, not one place
        out.append((a, m.end(), GazetteerEntry(slug(name), "Location", name, (), {"kind": "facility"})))
    for m in _SIZO_RE.finditer(text):
        if any(taken[m.start():m.end("sizo")]) or any(a <= m.start() < b for a, b, _e in out):
            continue
        place = (places or {}).get(m.group("place") or "")
        number = re.sub(r"\D", "", m.group("sizo"))
        if place is not None and place.attributes.get("kind") in ("city", "village"):
            b, part_of = m.end(), place.key
            key = f"{place.key}-sizo-{number}"
        else:
            b, part_of, key = m.end("sizo"), None, f"sizo-{number}"
        out.append((m.start(), b, GazetteerEntry(key, "Location", text[m.start():b], (), {"kind": "facility"},
                                                 part_of=part_of)))
    for m in _POLICE_STATION_RE.finditer(text):
        words = m.group("name").split()
        while words[0] in ("The", "In", "At", "To", "From", "A"):
            words = words[1:]
        if len(words) < 3 or all(w in adjectives for w in words[:-2]) or any(a <= m.start() < b for a, b, _e in out):
            continue  # "Russian Police Department": a kind of station, not one station
        place = (places or {}).get(m.group("place") or "")
        town = place is not None and place.attributes.get("kind") in ("city", "village")
        end = m.end() if town else m.end("name")
        a = m.end("name") - len(" ".join(words))
        key = slug(" ".join([*words, m.group("place")])) if town else slug(" ".join(words))
        out.append((a, end, GazetteerEntry(key, "Location", text[a:end], (), {"kind": "facility"},
                                           part_of=place.key if town and place is not None else None)))
    for m in _FACILITY_OF_RE.finditer(text):
        place = (places or {}).get(m.group("place"))
        if place is None or place.attributes.get("kind") not in ("city", "village") or any(taken[m.end("place"):m.end()]):
            continue
        out.append((m.start(), m.end(), GazetteerEntry(slug(f"{m.group('place')} {m.group('what')}"), "Location",
                                                       m.group(), (), {"kind": "facility"}, part_of=place.key)))
    for m in _FACILITY_IN_RE.finditer(text):
        place = (places or {}).get(m.group("place"))
        if place is None or place.attributes.get("kind") in ("country", "region", "other") \
                or any(taken[m.start():m.start("place")]) or any(a <= m.start() < b for a, b, _e in out):
            continue  # "a prison in Russia" names no facility
        name = m.group()
        what = m.group("what") or m.group("what2")
        out.append((m.start(), m.end(), GazetteerEntry(slug(f"{m.group('place')} {what}"), "Location", name,
                                                       (), {"kind": "facility"}, part_of=place.key)))
    return out
