"""Collective actors named by a descriptive phrase, the classes that every development split's
annotators record alike (dev, valid, dev2, dev3, dev4):

- **Unnamed perpetrators**: "a group of unidentified forces", "camouflaged assailants", "heavily
  armed foreign forces", "the de facto military forces operating in Crimea", "unknown
  attackers": forces or attackers the article can only describe (how they looked, that nobody
  knew them, that they were foreign). The phrase as written is the name (its "a group of" or
  "the" and a place they operate in included, as annotators copy it); one key per phrase.
- **Monitors who report**: "Human rights groups have reported ...", "human rights monitors have
  documented ...": a collective of monitors as the subject of a reporting verb is a source.

- **The Crimean Tatars as a people**: "Crimean Tatars", "the Crimean Tatar people/community/minority",
  "Muslim Crimean Tatars", "the indigenous Crimean Tatar community": the people named as a whole, one
  generic collective (``crimean-tatar-community-generic``) whatever the wording, as the annotators of
  dev3, dev4, dev5 and dev6 record it (and the written convention "victim collectives" of the corpus
  README for the others' splits). Not the adjective of a named person or body ("Crimean Tatar leader
  X", "the Mejlis of the Crimean Tatar People": the gazetteer took those), not a counted group
  ("twelve Crimean Tatars" are people of a case), not one item of a list of victims ("ethnic
  Ukrainians, Crimean Tatars and journalists"). The persecution, repression or discrimination of the
  people that a sentence reports takes the mention as its target
  (:mod:`loaders.extract.group_abuses`).

- **The people of Crimea as a whole** (round 14, README conv14b point 1): "the people of Crimea", "residents /
  inhabitants of Crimea", "Crimean residents", "Crimeans", "the Crimean population": one generic collective
  (``crimean-people-generic``) whatever the wording; not a part the words count, pick or locate ("10,000 Crimean
  residents", "Crimeans held in detention", "residents of Crimea who opposed ...", "the trial against residents of
  Crimea"), nor "the indigenous people of Crimea" (the Crimean Tatars). Since conv14b point 2, the Crimean Tatars and
  the ethnic Ukrainians named in a list of victim groups (after "against" / "the persecution of", or as the subject
  of "have been subjected to ...") are their peoples' collectives too; a list no abuse word leads ("free all illegally
  detained soldiers, ethnic Ukrainians, Crimean Tatars and journalists") stays out.

- **A profession as a class**: "local journalists", "Ukrainian doctors", "Crimean Tatar lawyers",
  "religious activists (in Crimea)", "human rights defenders from Crimea": people of one occupation the article names as a group by where
  they come from or what they believe, not counted, not before their names, not one item of a list,
  not in the headline (dev3, dev4, dev5, dev2: four publishers). Not "independent" or "pro-Ukrainian"
  journalists or activists: the annotators keep those inside the list of the dissenters they belong to.

- **An unnamed counted group with an act of its own** (round 13, README conv13d point 5): "the 24 Ukrainian
  crewmembers detained by Russia", "12 activists who were arrested by the FSB": a group the text counts without
  naming its members, told as the object of an act an agent did: one generic collective keyed by the words
  (``org:<who>-generic``), which :mod:`loaders.extract.acts` makes the act's target (:data:`COUNTED_DETAINED_RE`).

Left out on purpose: the same monitors anywhere else ("access for international observers"),
and the other collectives of victims ("Ukrainian political prisoners", "local journalists",
"Crimean Tatar media outlets"): too few and too varied in the gold for a rule.

Each finder returns (start, end, entry) for text no earlier finder took; see
:func:`loaders.extract.entries.find_entries`.
"""

from __future__ import annotations

import re

from loaders.extract.gazetteer import GazetteerEntry, slug
from loaders.extract.orgs import ORG
from loaders.extract.prisoner_collectives import political_prisoners

__all__ = ["collective_phrases", "counted_groups", "COUNTED_DETAINED_RE", "unnamed_perpetrators", "reporting_monitors", "crimean_tatar_people", "crimean_population", "victim_groups",
           "profession_groups", "listed_professions", "PEOPLE_KEYS"]

Found = tuple[int, int, GazetteerEntry]

# How the article describes people it cannot name: their look, that nobody knew them, that they are foreign.
_LOOK = (r"(?:unidentified|unknown|masked|camouflaged|hooded|heavily armed|armed|uniformed|plain-?clothes|foreign|"
         r"de[- ]facto(?: military)?)")
_LOOKS = rf"(?P<looks>(?i:{_LOOK})(?:,? (?:and )?{_LOOK})*)"
_DET = r"(?P<det>(?:[Aa] group of|[Aa] number of|[Ss]everal|[Dd]ozens of|[Tt]he|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|\d{1,3}) )"
# (Not "men": the masked men are the gazetteer's collective, with a pass of their own in entries.py.)
_PERP_HEADS = r"(?:forces|assailants|attackers|gunmen|abductors|kidnappers|persons|individuals|people)"
_PERP_HEAD_RE = re.compile(rf"(?<![\w\-]){_PERP_HEADS}(?![\w\-])")
# Anchored at the head's end (searched in a window before it): the determiner and the looks.
_PERP_RE = re.compile(rf"(?<![\w\-’']){_DET}?{_LOOKS} (?P<head>{_PERP_HEADS})\Z")
# Where they operate, as the phrase goes on: "operating in Crimea", "deployed in the occupied peninsula".
_OPERATING_RE = re.compile(r" (?:operating|deployed|stationed) in (?:the )?(?:occupied |Russian-occupied )?"
                           r"(?:[A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+)?|peninsula)(?![\w\-])")
# Anyone can be a person: only the looks that say they acted unseen make a collective of people.
_PEOPLE_LOOKS = ("unidentified", "unknown", "masked", "camouflaged", "hooded", "armed")
# "a case against unknown persons": the investigators' formula, no actor.
_AGAINST_RE = re.compile(r"\bagainst $")


def unnamed_perpetrators(text: str, taken: bytearray) -> list[Found]:
    """"a group of unidentified forces", "camouflaged assailants", "heavily armed foreign forces",
    "the de facto military forces operating in Crimea": one generic collective per phrase."""
    out: list[Found] = []
    for h in _PERP_HEAD_RE.finditer(text):
        m = _PERP_RE.search(text, max(0, h.start() - 80), h.end())
        if m is None:
            continue
        looks = [w.lower() for w in re.split(r",? (?:and )?(?=\S)", m.group("looks"))]
        head = m.group("head")
        if head == "forces" and looks == ["armed"]:
            continue  # "the armed forces": a state's army, named by its state elsewhere
        if head in ("persons", "individuals", "people") and (not any(w in _PEOPLE_LOOKS for w in looks)
                                                             or _AGAINST_RE.search(text, max(0, m.start() - 8), m.start())):
            continue  # "foreign people" are no actor
        a, b = m.start(), m.end()
        where = _OPERATING_RE.match(text, b)
        if where is not None:
            b = where.end()
        if any(taken[a:m.end()]) or ORG in taken[m.end():b]:
            continue  # a gazetteer's collective or an agency's name inside: theirs (a place stays its own)
        name = text[a:b]
        core = name[m.end("det") - a:] if m.group("det") else name
        key = slug(core) + "-generic"
        kind = "military" if head == "forces" else "collective"
        out.append((a, b, GazetteerEntry(key, "Organisation", name, (), {"kind": kind}, generic=True)))
    return out


# Monitors as a class: "human rights groups", "international observers", "media watchdogs".
_MONITORS = (r"(?P<phrase>(?:(?:[Ii]nternational|[Ii]ndependent|[Ll]ocal|[Cc]redible|[Rr]eputable|[Ll]eading) )?"
             r"(?:(?:[Hh]uman rights|[Rr]ights|[Mm]edia freedom|[Pp]ress freedom) (?:groups|organi[sz]ations|monitors|"
             r"observers|defenders|activists|watchdogs|NGOs)|[Mm]edia watchdogs)"
             r"|(?:[Ii]nternational|[Ii]ndependent) (?:observers|monitors))")
_REPORTS = (r"(?: (?:have|has|had))?(?: also)? (?:reported|documented|recorded|said|say|stated|noted|estimated|counted|"
            r"confirmed|warned|condemned|denounced)\b")
_MONITORS_RE = re.compile(rf"(?<![\w\-]){_MONITORS}(?={_REPORTS})")
# The last of a list ("journalists, activists and human rights groups said"): the list speaks. (A
# comma before it is no list: "In Crimea, human rights monitors have documented".)
_LISTED_RE = re.compile(r"\b(?:and|or) $")


def reporting_monitors(text: str, taken: bytearray) -> list[Found]:
    """"Human rights groups have reported serious flaws", "human rights monitors have documented":
    a collective of monitors that reports, as its own generic actor (one key per phrase)."""
    if " rights " not in text and "observers" not in text and "monitors" not in text and "watchdogs" not in text:
        return []
    out: list[Found] = []
    for m in _MONITORS_RE.finditer(text):
        a, b = m.span()
        if any(taken[a:b]) or _LISTED_RE.search(text, max(0, a - 5), a):
            continue
        name = m.group()
        key = slug(name) + "-generic"
        out.append((a, b, GazetteerEntry(key, "Organisation", name, (), {"kind": "collective"}, generic=True)))
    return out


# The people as a whole: "(the) (indigenous|ethnic|Muslim) Crimean Tatars", "the Crimean Tatar people/community/
# minority/national minority/population" (lower-case heads: "Crimean Tatar People" is a body's name).
_TATARS_RE = re.compile(
    r"(?<![\w\-’'])(?:(?:[Ii]ndigenous|[Ee]thnic|Muslim) )?"
    r"(?:Crimean Tatars(?![\w\-])|Crimean Tatar (?:people|[Cc]ommunity|[Cc]ommunities|(?:national )?minority|population)(?![\w\-]))"
    # "Crimea Tatars" (UK Parliament, Ukraine's MFA: the spelling of two publishers)
    r"|(?<![\w\-’'])Crimea Tatars(?![\w\-])"
    # "the Tatar community", "the entire Tatar population", "Crimea’s ethnic Tatar minority" (the place stays its own)
    r"|(?<![\w\-’'])(?:[Ee]thnic )?Tatar (?:community|population|minority)(?![\w\-])"
    # "the indigenous people of Crimea", "the indigenous people of the peninsula": the Crimean Tatars by their status
    # (the place stays a mention of its own)
    r"|(?<![\w\-’'])(?:[Tt]he )?(?:[\w\-]+ )?indigenous people(?= of (?:Crimea|the (?:Crimean )?peninsula)(?![\w\-]))")
# A counted group is the people of one case, not the people: "twelve Crimean Tatars", "more than 70".
_COUNTED_RE = re.compile(r"(?:\d+|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|"
                         r"[Tt]hirteen|[Ff]ourteen|[Ff]ifteen|[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty|[Ss]everal|[Dd]ozens of|"
                         r"[Hh]undreds of|[Tt]housands of|[Aa] group of|dozen)(?: other| more)? $")
# One item of a list of victims: a comma before it (not "including", "in particular"), or another item after it.
_LIST_BEFORE_RE = re.compile(r"(?<!including)(?<!particular)(?<!particularly)(?<!especially)(?<!notably), $")
_LIST_AFTER_RE = re.compile(r", (?:[\w’'-]+ ){0,2}[\w’'-]+,")
# An apposition, not a list's next item: "the indigenous Crimean Tatar population, a Muslim minority, and ..." (orgs11)
_APPOSITION_RE = re.compile(r", an? \w")
_INCLUDING_RE = re.compile(r"(?:including|particularly|in particular|especially|notably),? $")
_BY_RE = re.compile(r"\bby (?:the )?$")
# A list of the groups an abuse is done "against" ("a campaign of repression against Crimean Tatars, ethnic Ukrainians
# and ...", "abuses against pro-Ukrainian media, campaigning organisations, Crimean Tatars and ..."): each group is a
# victim the sentence names, and the people named in it is the people (orgs14: dev2 Amnesty, valid2 VOA; the list
# a sentence makes its subject, or a qualifier such as "illegally detained" scopes, stays the list's).
_AGAINST_LIST_RE = re.compile(r"\b(?:against|(?:persecution|prosecution|harassment|repression|"
                              r"intimidation|discrimination) (?:of|against)) "
                              r"(?:(?:the )?[\w’'\-]+(?: [\w’'\-]+){0,2}, ){0,3}(?:and )?(?:the )?$")
# A list of victim groups as the subject of the act done to them (README conv14b point 2: "Crimean Tatars, ethnic
# Ukrainians, pro-Ukrainian activists, and independent journalists have been subjected to politically motivated
# prosecution"): each group is its own collective, the target of the act (not a list under one qualifier, "all
# illegally detained soldiers, ethnic Ukrainians, Crimean Tatars and journalists", which no abuse word leads).
_LIST_SUBJECT_RE = re.compile(r"(?:,? (?:and |or )?(?:the )?[\w’'\-]+(?: [\w’'\-]+){0,2}){1,4} (?:have |has |had )?(?:been |are |were )"
                              r"(?:\w+ )?(?:subjected|persecuted|targeted|prosecuted|harassed|repressed|intimidated|"
                              r"discriminated)\b")


def victim_list(text: str, a: int, b: int) -> bool:
    """Whether the list item at a..b is one of a list of victim groups: the list after an abuse word ("against",
    "the persecution of") or the subject of the abuse ("... have been subjected to")."""
    return bool(_AGAINST_LIST_RE.search(text, max(0, a - 120), a) or _LIST_SUBJECT_RE.match(text, b))
_TATAR_KEY = "crimean-tatar-community-generic"
# The peoples named as a whole (their mention stays without its article: see collectives.determined_collectives).
PEOPLE_KEYS = frozenset({_TATAR_KEY})


def crimean_tatar_people(text: str, taken: bytearray) -> list[Found]:
    """"Crimean Tatars", "the Crimean Tatar community", "Muslim Crimean Tatars": the people as a
    whole, one generic collective per article (the phrase as written is its mention)."""
    if "Tatar" not in text and "indigenous" not in text:
        return []
    out: list[Found] = []
    for m in _TATARS_RE.finditer(text):
        a, b = m.span()
        spelt = m.group().startswith("Crimea Tatars")  # ("Crimea" in it is the place's mention, which the phrase replaces)
        if any(taken[a + 7 * spelt:b]) or _COUNTED_RE.search(text, max(0, a - 24), a):
            continue
        if (_LIST_BEFORE_RE.search(text, max(0, a - 16), a) or (_LIST_AFTER_RE.match(text, b) and not _INCLUDING_RE.search(
                text, max(0, a - 16), a) and not _APPOSITION_RE.match(text, b))) \
                and not victim_list(text, a, b):
            continue  # ("including Muslim Crimean Tatars, Jehovah’s Witnesses, and ...": the victims the sentence names)
        if _BY_RE.search(text, max(0, a - 8), a):
            continue  # "activism by the Crimean Tatar community": the people act, and no act's "by" makes them its perpetrator
        if re.match(r" [A-Z][a-z]", text[b:b + 3]) and not re.match(r" (?:In|And|As|To|The)\b", text[b:b + 5]):
            continue  # "Crimean Tatars Ilmi Umerov and ...": the people of a name, or a title's words
        entry = GazetteerEntry(_TATAR_KEY, "Organisation", "Crimean Tatars", (), {"kind": "collective"}, generic=True)
        out.append((a, b, entry))
    return out


# "Crimean Tatar media outlets", "Tatar-language media outlets": the people's media as one collective.
_TATAR_MEDIA_RE = re.compile(r"(?<![\w\-])(?:Crimean )?Tatar(?:-language)? (?:media|news) outlets(?![\w\-])")
# "most Tatar media and information sources", "Tatar television broadcasting and press publications", "the local Tatar
# television" (dev: US Mission to the OSCE; dev7: Lithuania's President): the people's media named by the medium, the
# same collective (orgs11). Not one channel ("the Crimean Tatar television channel ATR", "Tatar-language TV channel").
_TATAR_MEDIA_BARE_RE = re.compile(r"(?<![\w\-])(?:Crimean )?Tatar(?:-language)? (?:media|television)(?![\w\-])"
                                  r"(?! (?:outlets?|channels?|stations?|company|holding|centre|center)\b)")
# "Crimean Tatar activists" as a class (not a counted group, not "X and other ...", not before their names).
_TATAR_ACTIVISTS_RE = re.compile(r"(?<![\w\-])Crimean Tatar activists(?![\w\-])")
_OTHER_RE = re.compile(r"\bother $")
# "Crimean Tatar leaders have been banned", "including two Crimean Tatar leaders who ...": the people's leaders as
# a class (a count before them stays in the phrase), not before their names ("Crimean Tatar leaders Ilmi Umerov
# and ...", "five Crimean Tatar leaders (Eldar ...)") and not in the headline.
_TATAR_LEADERS_RE = re.compile(r"(?<![\w\-])(?:(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]everal|[Ss]ome|[Mm]any) )?"
                               r"(?:Crimean )?Tatar leaders(?![\w\-])(?! \(| [A-Z])")
# Names just before, with a comma: the leaders are the people named, in apposition ("X and Y, Crimean Tatar leaders").
_NAMES_BEFORE_RE = re.compile(r"[A-Z][\w’'\-]+ [A-Z][\w’'\-]+, $")
# "all illegally detained Ukrainians", "all the other 70 unjustly imprisoned Ukrainian citizens": the release
# formula of governments' statements names the Ukrainians Russia holds as one collective ("all" makes it the whole).
_DETAINED_RE = re.compile(
    r"(?<![\w\-])[Aa]ll (?:the )?(?:other )?(?:\d+ )?(?:illegally|unjustly|arbitrarily|unlawfully)"
    r"(?: and (?:illegally|unjustly|arbitrarily|unlawfully))? (?:detained|imprisoned|held) Ukrainian(?:s| citizens| nationals)(?![\w\-])")


# "release all Ukrainian political prisoners": the same release formula, named by the prisoners' class.
_RELEASE_ALL_RE = re.compile(r"(?<=\b[Rr]elease )all (?:the )?Ukrainian political prisoners(?![\w\-])")
# The ethnic Ukrainians of Crimea as a people: "ethnic Ukrainians", "Ukrainians on the territory of occupied
# Crimea", "Ukrainians in Crimea" (not one item of a longer list of victims: "Crimean Tatars, ethnic
# Ukrainians, pro-Ukrainian activists, and journalists" is the list's collective).
# (The place after "Ukrainians" stays a mention of its own: the collective's mention ends before it.)
# Named with the Crimean Tatars as the other people of the peninsula: "the rights of Tatars and Ukrainians who live
# there", "Crimean Tatars, Ukrainians and all those who ...", "Crimean Tatars, as well as Ukrainians and ..." (not a
# narrower group: "Crimean Tatars and Ukrainians opposed to the annexation").
_UKRAINIANS_RE = re.compile(r"(?<![\w\-’'])(?:[Ee]thnic Ukrainians(?![\w\-])"
                            r"|Ukrainians(?= (?P<where>(?:in|on the territory of) (?:the )?(?:(?:temporarily )?occupied )?"
                            r"Crimea)(?![\w\-]))"
                            r"|(?:(?<=Tatars and )|(?<=Tatars, )|(?<=Tatars, as well as ))(?P<with>Ukrainians)"
                            r"(?![\w\-’']| [a-z]+ed\b| (?:in|from|of|at) ))")
_TWO_MORE_RE = re.compile(r", (?:[\w’'-]+ ){0,3}[\w’'-]+(?:,? (?:and|or) |, )[\w’'-]")
# "calls on the international community to ...", "urges the international community": the community a
# statement addresses is an actor of its own (not "recognised by the international community").
_COMMUNITY_RE = re.compile(r"\b(?:[Cc]all(?:s|ed|ing)? (?:up)?on|[Uu]rg(?:e|es|ed|ing)|[Aa]ppeal(?:s|ed|ing)? to) "
                           r"(?P<name>the international community)(?![\w\-])")


def victim_groups(text: str, taken: bytearray) -> list[Found]:
    """"Crimean Tatar media outlets" (one media collective), "Crimean Tatar activists" and "Crimean Tatar
    leaders" (as a class), "all
    illegally detained Ukrainians" and "release all Ukrainian political prisoners" (the Ukrainian prisoners of
    Russia), "ethnic Ukrainians" (the people in Crimea) and "calls on the international community", with the
    keys the annotators give them."""
    out: list[Found] = []
    if "Tatar" in text:
        for m in _TATAR_MEDIA_RE.finditer(text):
            if not any(taken[m.start():m.end()]):
                out.append((m.start(), m.end(), GazetteerEntry("crimean-tatar-media-generic", "Organisation", "Crimean Tatar media outlets",
                                                               (), {"kind": "media"}, generic=True)))
        headline = text.find("\n")
        for m in _TATAR_MEDIA_BARE_RE.finditer(text):
            a, b = m.span()
            if a < headline or any(taken[a:b]) or any(f[0] < b and a < f[1] for f in out):
                continue
            out.append((a, b, GazetteerEntry("crimean-tatar-media-generic", "Organisation", "Crimean Tatar media outlets",
                                             (), {"kind": "media"}, generic=True)))
        for m in _TATAR_ACTIVISTS_RE.finditer(text):
            a, b = m.span()
            if any(taken[a:b]) or _COUNTED_RE.search(text, max(0, a - 24), a) or _OTHER_RE.search(text, max(0, a - 8), a) \
                    or _BY_RE.search(text, max(0, a - 8), a) or re.match(r" [A-Z][a-z]", text[b:b + 3]):
                continue  # "70 Crimean Tatar activists", "X and other Crimean Tatar activists", "... activists Y and Z"
            out.append((a, b, GazetteerEntry("crimean-tatar-activists-generic", "Organisation", "Crimean Tatar activists", (),
                                             {"kind": "collective"}, generic=True)))
        headline = text.find("\n")
        for m in _TATAR_LEADERS_RE.finditer(text):
            a, b = m.span()
            if any(taken[a:b]) or a < headline or _OTHER_RE.search(text, max(0, a - 8), a) \
                    or _NAMES_BEFORE_RE.search(text, max(0, a - 40), a):
                continue  # "Akhtem Chiygoz and Ilmi Umerov, Crimean Tatar leaders and ...": the named men's title
            out.append((a, b, GazetteerEntry("crimean-tatar-leaders-generic", "Organisation", m.group(), (),
                                             {"kind": "collective"}, generic=True)))
    if "Ukrainian" in text:
        for m in _DETAINED_RE.finditer(text):
            if not any(taken[m.start():m.end()]):
                out.append((m.start(), m.end(), GazetteerEntry("ukrainian-political-prisoners-in-russia-generic", "Organisation",
                                                               m.group(), (), {"kind": "collective"}, generic=True)))
        for m in _RELEASE_ALL_RE.finditer(text):
            if not any(taken[m.start():m.end()]):
                out.append((m.start(), m.end(), GazetteerEntry("ukrainian-political-prisoners-in-russia-generic", "Organisation",
                                                               "Ukrainian political prisoners", (), {"kind": "collective"},
                                                               generic=True)))
    if "Ukrainians" in text:
        for m in _UKRAINIANS_RE.finditer(text):
            a, b = m.span()
            end = m.end("where") if m.group("where") else b
            if any(taken[a:b]) or (_TWO_MORE_RE.match(text, end) and not victim_list(text, a, end)) \
                    or _COUNTED_RE.search(text, max(0, a - 24), a):
                continue
            out.append((a, b, GazetteerEntry("ukrainians-in-crimea-generic", "Organisation", text[a:end], (),
                                             {"kind": "collective"}, generic=True)))
    if "international community" in text:
        for m in _COMMUNITY_RE.finditer(text):
            if not any(taken[m.start("name"):m.end("name")]):
                out.append((m.start("name"), m.end("name"), GazetteerEntry("international-community-generic", "Organisation",
                                                               "the international community", (), {"kind": "collective"},
                                                               generic=True)))
    return out


# The people of Crimea as a whole (README conv14b point 1): "the people of Crimea", "residents / inhabitants of Crimea",
# "the population of the peninsula", "Crimean residents", "Crimeans", "the Crimean population", "all residents of
# Crimea and Sevastopol" (dev d04 d10, valid v09, dev3 z16, dev4 r11 r13, valid2 w07 w09 w11 w12, dev5 p04 p08 p13, dev7
# k07 k09). One key whatever the wording. The place after "of" stays a mention of its own (the collective's mention
# ends before it; the name is the whole phrase).
_POPULATION_KEY = "crimean-people-generic"
_POPULATION_RE = re.compile(
    r"(?<![\w\-’'])(?P<head>(?:[Tt]he |[Aa]ll (?:the )?)?(?:people|residents|inhabitants|population))"
    r"(?P<where> of (?:Crimea(?: and Sevastopol)?|the (?:Crimean )?peninsula))(?![\w\-])"
    r"|(?<![\w\-’'])(?P<adj>(?:[Tt]he |[Aa]ll )?(?:Crimean (?:people|population|residents)|Crimea residents|Crimeans))(?![\w\-])")
# A part of the population, not the whole: a count ("10,000 Crimean residents", "a growing number of Crimeans"), a
# word that picks some ("many", "other", "pro-Ukrainian"), the defendants of a trial ("the longest
# trial against residents of Crimea"), a description of the population ("the multi-ethnic nature of", "the broader
# population of Crimea" turned against the Tatars), or the Crimean Tatars by their status ("the indigenous people of
# Crimea", "the Tatar population of Crimea").
_POPULATION_BEFORE_RE = re.compile(
    r"(?:\d|\b(?:number|numbers|thousands|hundreds|dozens|scores|nature|composition|majority|minority|share|part|"
    r"proportion|percent|most|half) of(?: the)?|\b(?:many|some|other|several|few|these|those|more|fellow|two|three|"
    r"four|five|six|seven|eight|nine|ten|indigenous|Tatar|general|broader|wider|local|pro-Ukrainian|young|ethnic|"
    r"individual)|\b(?:trials?|cases?|charges|proceedings|prosecutions?) against(?: the)?) $")
# The people the words only locate: "Crimeans held in detention", "residents of Crimea who opposed ...".
_POPULATION_AFTER_RE = re.compile(r" (?:who|whom|whose|that|held|detained|imprisoned|arrested|jailed|convicted|sentenced|"
                                  r"accused|charged|abducted|in (?:detention|custody|prison))\b|’s? [A-Z]|'s? [A-Z]| [A-Z][a-z]")


def crimean_population(text: str, taken: bytearray) -> list[Found]:
    """"the people of Crimea", "Crimean residents", "Crimeans": the population of Crimea as a whole, one generic
    collective (``crimean-people-generic``); not a part the words count, pick or locate."""
    if "Crimea" not in text and "peninsula" not in text:
        return []
    out: list[Found] = []
    headline = text.find("\n")
    for m in _POPULATION_RE.finditer(text):
        a = m.start()
        b = m.end("head") if m.group("head") else m.end()
        end = m.end()
        spelt = m.group().startswith("Crimea residents")  # ("Crimea" in it is the place's mention, which the phrase replaces)
        if a < headline or any(taken[a + 7 * spelt:b]) or _POPULATION_BEFORE_RE.search(text, max(0, a - 32), a) \
                or _POPULATION_AFTER_RE.match(text, end):
            continue
        if m.group("head") == "people":
            continue  # "people of Crimea" with no article: any people there
        out.append((a, b, GazetteerEntry(_POPULATION_KEY, "Organisation", text[a:end], (), {"kind": "collective"},
                                         generic=True)))
    return out


# A profession as a class, by where its people come from or what they believe: "local journalists", "Ukrainian
# doctors", "Crimean Tatar lawyers", "religious activists". ("Crimean Tatar activists" and "leaders" are
# victim_groups'.)
_PROFESSIONS = (r"(?:journalists|lawyers|attorneys|doctors|imams|clerics|priests|bloggers|teachers|activists|"
                r"human rights? defenders)")
_PROFESSION_RE = re.compile(
    rf"(?<![\w\-’'])(?:(?:[Ll]ocal|Ukrainian|Crimean|[Rr]eligious|Muslim) (?!Tatar activists|Tatar leaders){_PROFESSIONS}"
    rf"|Crimean Tatar (?!activists){_PROFESSIONS}"
    # "human rights defenders from Crimea": the class by where they come from (the place stays its own mention)
    rf"|human rights defenders(?= from (?:(?:Russian-|Russia-)?occupied )?Crimea(?![A-Za-z\-])))(?![\w\-])")
# "independent Crimean journalists", "the few remaining pro-Ukrainian journalists": a word of the writer's before the
# class makes it a narrower group (or a list's item, "Crimean Tatars and other ...").
_PROFESSION_BEFORE_RE = re.compile(r"(?:independent|pro-Ukrainian|other|remaining|fellow|more|prominent|young|many|few|"
                                   r"several|some|these|those|their|his|her|its|whose) $")
# Where they are, as the phrase goes on: "religious activists in Crimea" (the place stays a mention of its own).
_PROFESSION_WHERE_RE = re.compile(r" (?:in|from) (?:(?:Russian-|Russia-)?occupied )?Crimea(?![A-Za-z\-])")


# Round 15 (align15, README conv14b point 2): a profession or a body named as one item of a list of victim groups
# ("ongoing harassment of human rights activists, journalists and lawyers", "forced the closure of nongovernmental
# organizations and independent media", "Crimean Tatars, ethnic Ukrainians, pro-Ukrainian activists, and independent
# journalists have been subjected to ...") is that group's own collective, keyed as the corpus keys it (dev3: Canada,
# PACE, the European Parliament, the State Department). An item: the group's head, with the writer's qualifiers.
_LISTED_HEADS = (
    (r"pro-Ukrainian activists", "pro-ukrainian-activists-crimea", "collective"),
    (r"human rights? activists", "crimea-human-rights-activists", "collective"),
    (r"human rights? defenders", "crimea-human-rights-defenders", "collective"),
    (r"(?:political|civic|civil(?: society)?) activists", "crimea-political-activists", "collective"),
    (r"journalists", "crimea-journalists", "collective"),
    (r"lawyers", "crimea-lawyers", "collective"),
    (r"bloggers", "crimea-bloggers", "collective"),
    (r"(?:non-?governmental|civil society) organi[sz]ations(?: \(NGOs\))?|NGOs", "crimea-ngos", "ngo"),
    (r"media(?: outlets)?", "crimea-independent-media", "media"),
    # round 15 (alignE15, README conv15b point 3(b)): "the harassment and intimidation of activists and journalists"
    # (dev2 x23, valid2 w09: an unqualified "activists" of a list is the political activists' collective); "members
    # of other minority ethnic and religious groups" (valid2 w07, dev5 p14: the minorities' collective)
    (r"activists", "crimea-political-activists", "collective"),
    (r"(?:members of )?(?:other )?minority (?:ethnic|religious)(?: and (?:ethnic|religious))? groups", "crimea-minorities",
     "collective"),
)
_LISTED_QUAL = r"(?:(?:independent|critical|local|Crimean|Ukrainian) )?"
_LISTED_ITEM = "(?:" + "|".join(f"(?P<h{i}>{_LISTED_QUAL}(?:{h}))" for i, (h, _k, _c) in enumerate(_LISTED_HEADS)) + \
    r"|(?P<people>(?:the )?(?:indigenous )?Crimean Tatars?(?: community| people)?|(?:ethnic )?Ukrainians|" \
    r"(?:other )?(?:ethnic |religious )?minorities|religious (?:believers|communities)|Jehovah[’']s Witnesses|Muslims))"
_LISTED_ITEM_RE = re.compile(_LISTED_ITEM + r"(?![\w\-])")
_LISTED_GAP_RE = re.compile(r"(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?")
# What makes the list one of victims: an abuse word and "of" / "against" before it, or the act done to it after it.
# After the list's last item, a verb goes on with the sentence ("closure of NGOs and independent media and have
# denied") or the next abuse of a list of abuses ("against NGOs and media outlets, and harassment and repression of").
_ABUSES = ("harassment|persecution|prosecution|repression|intimidations?|discrimination|discreditations?|threats|attacks|"
           "arrests|actions|pressure|crackdown|reprisals|abuses|violence|closure|targeting|surveillance|killings?|"
           "detentions|disappearances|torture")
_LISTED_CUE_RE = re.compile(rf"\b(?:{_ABUSES}) (?:of|against|on) $")
# Round 16 (ents16): the abuse told by its verb ("to persecute journalists, including citizen journalists, and activists",
# "started persecuting independent journalists, civil activists, members of ...": dev9 h03 h04), and the groups a text
# adds to the ones it calls the authorities' targets ("the Crimean Tatars, who have become one of the major targets for
# the authorities, as well as civil society activists and journalists": dev8 e04 e07).
_LISTED_VERB_CUE_RE = re.compile(r"(?:(?<![\w\-])(?:persecut(?:e|es|ed|ing)|harass(?:es|ed|ing)?|repress(?:es|ed|ing)?|"
                                 r"intimidat(?:e|es|ed|ing))|\btargets? (?:of|for) [^.;]{0,40}?,? (?:as well as|alongside)) ")
# An example inside the list ("journalists, including citizen journalists, and activists"): skipped.
_LISTED_EXAMPLE_RE = re.compile(r"including [a-z][a-z\- ]{0,40}?,\s+(?:and\s+)?")
_LISTED_AFTER_RE = re.compile(r",? (?:have |has |had )?(?:been |are |were )(?:\w+ )?(?:subjected|persecuted|targeted|"
                              r"prosecuted|harassed|repressed|intimidated|discriminated|detained|arrested|attacked)\b")
_LISTED_VERB_RE = re.compile(rf"(?:have|has|had|are|were|is|was|will|continue[sd]?|[a-z]+ed|{_ABUSES})\b")


def listed_professions(text: str, taken: bytearray) -> list[Found]:
    """The professions and bodies of a list of two or more victim groups, each its own collective with the corpus's
    key (README conv14b point 2); the peoples of the list are :func:`crimean_tatar_people`'s and
    :func:`victim_groups`'. Not a list under one qualifier that no abuse word leads, not a counted group."""
    out: list[Found] = []
    for cue in re.finditer(r"\b(?:of|against|on) ", text):
        if not _LISTED_CUE_RE.search(text, max(0, cue.end() - 40), cue.end()):
            continue
        out += _listed_items(text, taken, cue.end(), None)
    for cue in _LISTED_VERB_CUE_RE.finditer(text):
        out += _listed_items(text, taken, cue.end(), None)
    for verb in _LISTED_AFTER_RE.finditer(text):
        # the list as the subject of the act: walk back from the verb over the items
        out += _listed_items(text, taken, None, verb.start())
    return list({(f[0], f[1]): f for f in out}.values())


def _items_from(text: str, at: int) -> list[re.Match[str]]:
    """The run of list items that starts at ``at``."""
    items: list[re.Match[str]] = []
    while (m := _LISTED_ITEM_RE.match(text, at)) is not None:
        items.append(m)
        gap = _LISTED_GAP_RE.match(text, m.end())
        if gap is None:
            break
        at = gap.end()
        if (example := _LISTED_EXAMPLE_RE.match(text, at)) is not None:
            at = example.end()
    return items


def _listed_items(text: str, taken: bytearray, start: int | None, end: int | None) -> list[Found]:
    """The profession items of a list that begins at ``start`` (after a cue) or ends at ``end`` (before the act)."""
    if start is not None:
        items = _items_from(text, start)
    else:
        assert end is not None
        items = []
        for back in re.finditer(r"(?:^|(?<=[.;:\n] )|(?<=\n))", text[max(0, end - 200):end], re.MULTILINE):
            at = max(0, end - 200) + back.start()
            run = _items_from(text, at)
            if run and run[-1].end() == end:
                items = run
        if not items:
            return []
    if len(items) < 2 or _COUNTED_RE.search(text, max(0, items[0].start() - 24), items[0].start()) \
            or items[0].start() < text.find("\n"):
        return []
    more = _LISTED_GAP_RE.match(text, items[-1].end())
    if more and not _LISTED_VERB_RE.match(text, more.end()) and not text.startswith("members of ", more.end()):
        return []  # ("Crimean Tatars, human rights defenders, and people who have spoken out": a group no key names)
    russia = re.match(r" (?:working|based) in Russia\b", text[items[-1].end():items[-1].end() + 20])
    out: list[Found] = []
    for m in items:
        if m.group("people") or any(taken[m.start():m.end()]):
            continue
        i = next(int(g[1:]) for g, v in m.groupdict().items() if v and g != "people")
        _h, key, kind = _LISTED_HEADS[i]
        if russia:
            continue  # the groups of Russia (dev3 "working in Russia"): their own keys, which the draft's merge loses
        out.append((m.start(), m.end(), GazetteerEntry(key + "-generic", "Organisation", m.group(), (), {"kind": kind},
                                                       generic=True)))
    return out


def profession_groups(text: str, taken: bytearray) -> list[Found]:
    """"local journalists", "Ukrainian doctors", "Crimean Tatar lawyers", "religious activists in Crimea":
    one generic collective per phrase (the place it goes on with is in the name, not the mention)."""
    out: list[Found] = []
    headline = text.find("\n")
    for m in _PROFESSION_RE.finditer(text):
        a, b = m.span()
        if a < headline or any(taken[a:b]) or _COUNTED_RE.search(text, max(0, a - 24), a) \
                or _PROFESSION_BEFORE_RE.search(text, max(0, a - 12), a):
            continue
        if re.match(r"(?:’s?|'s?)? [A-Z][a-z]|:| \(|,? (?:such as|like|including)\b", text[b:b + 12]):
            continue  # "Crimean Tatar lawyers Emil ...", "activists: Oleksiy ...": the people of names
        where = _PROFESSION_WHERE_RE.match(text, b)
        end = where.end() if where else b
        if _LIST_BEFORE_RE.search(text, max(0, a - 16), a) or _LIST_AFTER_RE.match(text, end) \
                or re.match(r",? and [a-z\- ]*(?:journalists|lawyers|activists|defenders|bloggers|media|organi[sz]ations)\b",
                            text[end:end + 60]):
            continue  # ("Religious activists, human rights groups, and media reports said": the list speaks)
        name = text[a:end]
        key = slug(name) + "-generic"
        out.append((a, b, GazetteerEntry(key, "Organisation", name, (), {"kind": "collective"}, generic=True)))
    return out


# "the 24 Ukrainian crewmembers detained by Russia", "12 activists who were arrested by the FSB": a counted group the
# text does not name, and the act an agent did to it (group 1 the count, group 2 the verb; the group's words end
# before "who" or the verb).
COUNTED_DETAINED_RE = re.compile(r"\b(\d+|dozens\s+of|hundreds\s+of)\s+(?:[A-Z][\w’'-]*\s+){0,2}(?:Tatars|people|men|women|"
                                 r"activists|residents|protesters|Ukrainians|believers|Muslims|persons|individuals|civilians|"
                                 r"journalists|crew\s?members|sailors|seamen|fishermen|servicemen)\s+(?:who\s+(?:were|had\s+been)\s+)?"
                                 r"(detained|arrested|captured|seized)(?=\s+by\b)")
_GROUP_END_RE = re.compile(r"\s+(?:who\s+(?:were|had\s+been)\s+)?$")


# Round 16 (audit16b), the same class told without "by": "the FSB detained 20 Crimean Tatars", "Russian security forces
# have detained eight Crimean Tatar activists", "detained at least 20 people suspected of ..." (the agent before the
# verb), "At least 5 Crimean Tatars were detained in ...", "26 Crimean Tatars were arrested" (no agent): Daily Sabah,
# the Crimean Human Rights Group, Perild and AFP. The group's words only (not "at least"); not the people of a list
# of names that follows (":", "—", "namely", "including").
_COUNT = (r"(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
          r"seventeen|eighteen|nineteen|twenty|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Twenty)")
_COUNTED_HEAD = (rf"{_COUNT}\s+(?:[A-Z][\w’'-]*\s+){{0,2}}(?:Tatars|people|men|women|activists|residents|protesters|"
                 r"Ukrainians|believers|Muslims|persons|individuals|civilians|journalists|Crimeans)\b")
# the agent's verb, then the group ("the FSB detained 20 Crimean Tatars")
_COUNTED_ACTIVE_RE = re.compile(rf"\b(?:detained|arrested)\s+(?:at\s+least\s+|some\s+|about\s+)?(?P<g>{_COUNTED_HEAD})")
# the group, then the passive ("At least 5 Crimean Tatars were detained")
_COUNTED_PASSIVE_RE = re.compile(rf"(?<![\w,])(?:[Aa]t\s+least\s+)?(?P<g>{_COUNTED_HEAD})\s+(?:were|have\s+been|had\s+been)\s+"
                                 r"(?:detained|arrested)\b")
# the names of its people follow ("detained 4 men: A, B ...", "... and announced that their names were A, B")
_NAMES_FOLLOW_RE = re.compile(r"\s*(?::|[–—]|,?\s+(?:namely|including|among\s+them)\b|[^.]{0,60}\bnames\b)")
# What may follow the group's noun: punctuation or a word that starts what is said of it ("two women leaders of X"
# goes on naming the women; they are the leaders the text names next).
_GROUP_NEXT_RE = re.compile(r"\s*(?:[.,;:)]|$|\s(?:in|on|at|from|after|during|who|whose|suspected|accused|for|and|as|near|"
                            r"across|since|were|have|had|over|following|last|this|on|amid|without)\b)")
# A statistic, not a group told as one ("more than 70 people have been arrested since 2014").
# ("The four men were detained": the definite group is people the text names, as the existing "by" rule's "the 24
# Ukrainian sailors" is a crew the corpus keys; the new forms keep to groups told for the first time)
_STATISTIC_BEFORE_RE = re.compile(r"\b(?:[Mm]ore than|[Oo]ver|[Aa]lmost|[Nn]early|[Aa]round|[Uu]p to|[Tt]he|[Tt]hese|[Tt]hose)\s+$")
_VAGUE_HEADS = ("people", "persons", "individuals")


def counted_groups(text: str, taken: bytearray) -> list[Found]:
    """"the 24 Ukrainian crewmembers detained by Russia": the counted group as one generic collective (its "the"
    in the name, as annotators copy it; the key from the rest of the words)."""
    out: list[Found] = []
    if "detained" in text or "arrested" in text:
        heads: set[str] = set()
        found = sorted((*_COUNTED_ACTIVE_RE.finditer(text), *_COUNTED_PASSIVE_RE.finditer(text)), key=lambda m: m.start("g"))
        for m in found:
            a, b = m.span("g")
            head = text[a:b].split()[-1]
            if any(taken[a:b]) or any(a < y and x < b for x, y, _e in out) or _NAMES_FOLLOW_RE.match(text, b) \
                    or not _GROUP_NEXT_RE.match(text, b) or _STATISTIC_BEFORE_RE.search(text, max(0, a - 12), a):
                continue
            # one group per noun: a second count of it ("23 people had been detained" after "detained 20 people") is the
            # same group by another source; "33 people" beside "26 Crimean Tatars" too
            if head in heads or (head in _VAGUE_HEADS and heads) or (heads & set(_VAGUE_HEADS)):
                continue
            heads.add(head)
            name = text[a:b]
            out.append((a, b, GazetteerEntry(slug(name) + "-generic", "Organisation", name, (), {"kind": "collective"},
                                             generic=True)))
    if " by " not in text:
        return out
    for m in COUNTED_DETAINED_RE.finditer(text):
        a = m.start()
        b = a + len(_GROUP_END_RE.sub("", text[a:m.start(2)]))
        if any(taken[a:b]) or any(a < y and x < b for x, y, _e in out):
            continue
        det = re.search(r"\b[Tt]he\s+$", text[max(0, a - 4):a])
        name = (det.group() if det else "") + text[a:b]
        out.append((a, b, GazetteerEntry(slug(text[a:b]) + "-generic", "Organisation", name, (), {"kind": "collective"},
                                         generic=True)))
    return out


def collective_phrases(text: str, taken: bytearray) -> list[Found]:
    """The classes above, in text order (for :func:`loaders.extract.entries.find_entries`)."""
    found = [*unnamed_perpetrators(text, taken), *reporting_monitors(text, taken), *crimean_tatar_people(text, taken),
             *crimean_population(text, taken), *victim_groups(text, taken), *profession_groups(text, taken), *counted_groups(text, taken)]
    # round 15 (conv14b point 2): the professions and bodies of a list of victim groups, where no phrase above took them
    found += [f for f in listed_professions(text, taken) if not any(f[0] < b and a < f[1] for a, b, _e in found)]
    # "118 Ukrainian political prisoners" (prisoner_collectives.py), where no phrase above took the words
    found += [f for f in political_prisoners(text, taken) if not any(f[0] < b and a < f[1] for a, b, _e in found)]
    return sorted(found, key=lambda f: f[0])
