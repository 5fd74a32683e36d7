"""Acts a monitor records that are not done to one named person: raids on homes and mosques
by an agency, people barred from entering a place, a meeting with someone, an attack on
something at a place.

- raids an agency conducts ("the occupation authorities have intimidated Crimean Tatars by
  conducting raids on their homes"), or that the text puts in the passive with the agency
  after "by" ("mosques and homes have been raided and those inside questioned by the FSB"),
  the questioning of the people inside with them;
- entry bans ("the UN and the OSCE are barred from entering Crimea", "seven Crimean Tatars
  who are banned from entering Crimea"): the place, and whoever is named as barred;
- meetings ("In March I met Refat Chubarov", "a meeting with X"): the person met, and the
  named subject who met them;
- attacks ("the attack on Ukrainian vessels in the Black Sea near the Kerch Strait"): where.
- figures that count acts of one kind over a period ("in 2020 there were 120 searches", "last year, 145 arrests
  and 75 detentions ... in relation to Crimean Tatars"): one generic event per kind counted (README conv15a 4(b)).

Each finder reads one sentence and returns :class:`Act` records; ``claims.extract_claims``
turns them into events and claims. They leave alone sentences that name the people an act
was done to, which the person-event rules of :mod:`loaders.extract.claims` cover.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from loaders.extract.annexations import RUSSIAN_FORCES, land_takings, seizures
from loaders.extract.ban_requests import ban_requests
from loaders.extract.body_documents import fold_events
from loaders.extract.collective_phrases import COUNTED_DETAINED_RE
from loaders.extract.collective_targets import VICTIM_COLLECTIVES
from loaders.extract.court_orders import court_orders
from loaders.extract.doc_acts import laws, numbered_meetings, sanctions
from loaders.extract.group_abuses import abuse_lists, group_abuses
from loaders.extract.group_acts import group_acts
from loaders.extract.mentions import Mention
from loaders.extract.orgs import government_key
from loaders.extract.regex_buckets import Prefiltered
from loaders.extract.state_acts import (
    agreements,
    deportations,
    detainee_transfers,
    group_transfers,
    resolutions,
)
from loaders.extract.state_policies import state_policies
from loaders.extract.subjections import subjections
from loaders.extract.territory_acts import media_closures
from loaders.extract.wars import wars

if TYPE_CHECKING:
    from loaders.extract.claim_model import Extraction

__all__ = ["Act", "find_acts"]


@dataclass
class Act:
    """One act a sentence reports: its kind, a name stem, the trigger's offsets, who and where."""

    kind: str
    name: str
    start: int
    end: int
    targets: list[Mention] = field(default_factory=list)
    perpetrators: list[Mention] = field(default_factory=list)
    participants: list[Mention] = field(default_factory=list)
    places: list[Mention] = field(default_factory=list)
    # the bodies whose document the act is (a resolution): they STATE it, as an organisation its report
    issuers: list[Mention] = field(default_factory=list)
    # a land the act's words imply when the sentence names no place ("Crimean Tatar media": Crimea)
    land: str = ""
    # countries the text names as places that did the act ("Russia began its annexation"): their governments did it
    # (the government's key, the country's mention, the role): a country named as a place that acts
    states: list[tuple[str, Mention, str]] = field(default_factory=list)
    # who organised it (a body's meeting)
    organisers: list[Mention] = field(default_factory=list)
    # the parties to proceedings the act is a step of, with their roles ("prosecutor", "investigator"): the one who asks
    # a court (README conv14a point 4: never its organiser)
    parties: list[tuple[Mention, str]] = field(default_factory=list)


_PREMISES = r"(?:homes?|houses?|mosques?|schools?|offices?|premises|madrasas?|flats?|apartments?|businesses|cafes?)"
# "conducting raids on their homes, schools, and mosques", "carried out searches of homes".
_RAID_ACTIVE_RE = Prefiltered(re.compile(r"\b(?:conduct(?:ing|ed|s)?|carr(?:ying|ied|ies|y)\s+out|stag(?:ing|ed)|launch(?:ing|ed))\s+"
                             r"(?:(?:mass|new|violent|armed|numerous|several|multiple)\s+)?(raids|searches)\s+(?:on|of|in)\s+"
                             r"(?:[\w’'-]+\s+){0,3}?" + _PREMISES + r"\b", re.IGNORECASE))
# "Russian authorities have raided Tatar homes, mosques, media outlets, and schools": the agency, right before the verb,
# raided places of many people it does not name (the premises, up to two words before them: "Tatar homes").
_RAIDED_RE = re.compile(r"\s+(?:(?:have|has|had)\s+)?(?:also\s+|repeatedly\s+|regularly\s+|routinely\s+)?(raided|searched)\s+"
                        r"(?:(?:[A-Z][\w’'-]*|private|religious|Muslim|local)\s+){0,2}" + _PREMISES + r"\b(?!\s+of\b)")
# "mosques and homes have been raided and those inside questioned by Russian security services".
_RAID_PASSIVE_RE = Prefiltered(re.compile(_PREMISES + r"\s+(?:have|has|had)?\s*(?:been|were|was)\s+(?:\w+ly\s+)?(raided|searched)\b",
                              re.IGNORECASE))
# "searches carried out by masked members of security forces in Muslim religious institutions, businesses and private
# homes belonging to members of the Crimean Tatar Community", "searches are carried out at their mosques": searches told
# as a noun with a passive participle (round 11b, acts11): the agent after "by", the premises, and whose they are.
_SEARCHES_DONE_RE = Prefiltered(re.compile(r"\b(?:(?:mass|illegal|unlawful|numerous|several|multiple|new)\s+)?(searches|raids)\s+"
                               r"(?:(?:are|were|have\s+been|had\s+been|being)\s+)?(?:\w+ly\s+)?(?:carried\s+out|conducted)\s+"
                               r"(?:by\s+[^.;:]{1,80}?\s+)?(?:in|at|on)\s+(?:(?:the|their)\s+)?(?:[\w’'-]+,?\s+){0,6}?"
                               + _PREMISES + r"\b", re.IGNORECASE))
# ... whose premises: "belonging to (members of) the X", "of X" right after them.
_OWNED_BY_RE = re.compile(r"[^.;:]{0,80}?\b(?:belonging\s+to|owned\s+by|of)\s+(?:(?:members|representatives)\s+of\s+)?(?:the\s+)?$")
_QUESTIONED_RE = Prefiltered(re.compile(r"\b(?:those|people|worshippers|residents|men|women)\s+(?:inside\s+|present\s+)?(?:were\s+)?"
                            r"(questioned|interrogated)\b", re.IGNORECASE))
# The subject of an active raid verb: "ORG have intimidated X by " / "ORG have also ".
_SUBJECT_GAP_RE = re.compile(r"\s+(?:(?:have|has|had)\s+)?(?:also\s+|\w+ly\s+)?(?:[a-z]+ed\s+[^,;.]{1,40}?\s+by\s+)?")
_ENTRY_BAN_RE = Prefiltered(re.compile(r"\b(?:banned|barred|prohibited|forbidden|denied\s+entry)\s+from\s+(?:entering|returning\s+to|"
                           r"travell?ing\s+to|visiting)\s+(?:the\s+)?(?:(?:occupied|annexed)\s+)?", re.IGNORECASE))
# A meeting in the words a dictionary gives for it: "met (with)", "a meeting with / between", "held talks with", "had a
# (telephone) conversation with", "spoke with X by telephone", "received X", "hosted X" (the last two only with the one
# received named right after the verb, a person or an organisation's people: "received a letter" is no meeting).
_MEET_RE = Prefiltered(re.compile(r"\b(?:(?:met|meets|meeting|meetings)\s+(?:with\s+|between\s+)?|(?:talks|conversations?|(?:tele)?phone\s+calls?|"
                      r"video[- ]calls?|video\s+conference)\s+with\s+|(?:spoke|speaks|talked)\s+with\s+(?=[^.;]{1,80}?\s+by\s+"
                      r"(?:tele)?phone\b)|(?P<direct>(?<!was\s)(?<!were\s)(?<!been\s)received|hosted|receives|hosts)\s+)",
                      re.IGNORECASE))
# Between "met with" and the person: a few title words, no clause ("met with Ukrainian Ombudsman X", "met lawyer X").
# (a title and its comma before the name: "met with the Foreign Secretary, X")
_MET_GAP_RE = re.compile(r"(?:(?:the|a|an|his|her|their)\s+)?(?:(?!(?:and|or|but|who|which|that|by|after|before|in|on|at)\b)"
                         r"[\w’'.-]+\s+){0,3}(?:[A-Z][\w’'.-]*,\s+)?")
# After "received" or "hosted": title words only, no article or preposition ("received a letter from X" met nobody).
_RECEIVED_GAP_RE = re.compile(r"(?:the\s+)?(?:(?!(?:and|or|but|who|which|that|by|after|before|in|on|at|from|of|for|to|with|a|an|his|her|"
                              r"their|its)\b)[\w’'.-]+\s+){0,3}(?:[A-Z][\w’'.-]*,\s+)?")
# Between two people met: "and", a comma ("met A, B and C", "a meeting between A and B").
_MET_AND_RE = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:[a-z][\w-]*\s+){0,2})?")
_MET_ORG_GAP_RE = re.compile(r"(?:the\s+)?(?:(?:representatives|members|leaders|leadership|delegations?|officials|heads?|staff)\s+"
                             r"of\s+(?:the\s+)?)?")
# The one who met: right before the verb, an apposition or an auxiliary between ("X, head of Y, has met").
_MET_SUBJECT_RE = re.compile(r"(?:\s*\([^()]{1,20}\))?(?:,[^,;()]{1,80},)?\s+(?:also\s+|\w+ly\s+)?(?:has\s+|have\s+|had\s+)?"
                             r"(?:also\s+)?(?:(?:held|had|holds|has\s+held|hosted)\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+)?)?)?")
_ATTACK_RE = Prefiltered(re.compile(r"\b(?:attacks?|assaults?|shelling|bombing|missile\s+strikes?|air\s+strikes?)\s+on\s+"
                        r"(?!(?:the\s+)?(?:vital\s+)?(?:work|rights|freedom|media)\b)", re.IGNORECASE))
# "the release of 35 Ukrainians held by Russia, in exchange for 35 prisoners held by Ukraine", "a prisoner swap".
_EXCHANGE_RE = Prefiltered(re.compile(r"\bin\s+exchange\s+for\b|\b(?:prisoner|detainee)s?\s+(?:swap|exchange)\b|\bexchanged\s+for\b",
                          re.IGNORECASE))
# "at least 49 Crimean Tatars were arbitrarily detained": many people the text does not name (an indefinite number; "tortured" too, conv15a 4(b);
# "the four men were detained" means people named elsewhere, which the group rules give one event each).
_NUMBERED_ACT_RE = Prefiltered(re.compile(r"(?<!\bthe )(?<!\bthese )(?<!\bthose )\b((?:at\s+least|more\s+than|over|some|about|almost|nearly)\s+)?"
                              r"(\d+|dozens\s+of|hundreds\s+of)\s+(?:[A-Z][\w’'-]*\s+){0,2}(?:Tatars|people|men|women|activists|"
                              r"residents|protesters|Ukrainians|believers|Muslims|persons|individuals|civilians|journalists)\s+"
                              r"(?:were|have\s+been|had\s+been)\s+(?:\w+ly\s+)?(detained|arrested|tortured)\b"))
# README conv15a point 4(b): a figure that counts acts of one kind over a period ("Last year only, there were 145
# arrests, 75 detentions and 367 instances of infringement of the right to a fair trial", "since 2014, 200 searches
# were carried out", "in 2020 there were dozens of arrests"): one generic event per kind counted, the figure in its
# name. The count is a number (or "dozens of"), the act a plural noun; the period ("since", "in 2020", "between",
# "over the past", "last year") is the sentence's; a sentence that names a day ("on 14 October") tells one incident.
_FIGURE_NOUNS = {"arrests": "arrest", "detentions": "detention", "searches": "search", "raids": "search",
                 "abductions": "other", "disappearances": "other", "torture": "torture", "ill-treatment": "ill_treatment"}
_FIGURE_RE = Prefiltered(re.compile(
    r"(?<![\w,.’'-])(?:(?:at\s+least|more\s+than|over|some|about|almost|nearly|up\s+to|around)\s+)?"
    r"(?:\d{1,3}(?:,\d{3})+|\d+|dozens\s+of|hundreds\s+of)\s+(?:(?:new|politically[\s-]motivated|illegal|unlawful|arbitrary|"
    r"mass|house|home|enforced|documented|reported)\s+){0,2}"
    r"(?P<noun>arrests|detentions|searches|raids|abductions|disappearances"
    r"|(?:instances|cases)\s+of\s+(?:(?P<ill>torture|ill-treatment)|(?:infringements?|violations?)\s+of\s+the\s+right\s+to\s+"
    r"(?:a\s+fair\s+trial|freedom\s+of\s+\w+|\w+)))\b(?!\s+(?:of|against|on)\s+(?:\w+\s+){0,2}?(?:him|her|his|them|the\s+\w+\s+men)\b)",
    re.IGNORECASE))
_PERIOD_RE = Prefiltered(re.compile(r"\b(?:[Ss]ince\s+(?:(?:early|late|mid-?)\s*)?(?:(?:\d{1,2}\s+)?[A-Z][a-z]+\s+)?(?:19|20)\d\d|"
                        r"(?P<year>(?:[Ii]n|[Dd]uring)\s+(?:19|20)\d\d)(?![\s,]*\d)|[Bb]etween\s+(?:19|20)\d\d|[Ff]rom\s+(?:19|20)\d\d\s+(?:to|until)|"
                        r"(?:[Oo]ver|[Ii]n|[Dd]uring)\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:years?|months?|decade)|"
                        r"(?:[Ll]ast|[Tt]his|[Pp]ast)\s+year|(?:per|each|every)\s+year)\b"))
_INCIDENT_DAY_RE = re.compile(r"\bon\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}\b)")
# the victims the figure counts acts against: "in relation to Crimean Tatars", "against Jehovah's Witnesses"
_FIGURE_VICTIM_RE = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:of|against|on|targeting|among|in\s+relation\s+to|with\s+regard\s+to)\s+"
                               r"(?:the\s+)?(?:members\s+of\s+the\s+)?$")
_FIGURE_PLACE_RE = re.compile(r"\b(?:in|on)\s*(?:the\s+)?(?:(?:temporarily\s+|illegally\s+)?(?:Russian?-)?(?:occupied|annexed)\s+)?"
                              r"(?:(?:peninsula|territory)\s+of\s+)?$")


def _period_figures(text: str, s0: int, orgs: Sequence[Mention], places: Sequence[Mention], found: Sequence[Act]) -> list[Act]:
    """The acts a figure of the sentence counts over a period (conv15a point 4(b)): one per kind counted, unless a
    rule before (``found``) already made the counted acts of that kind an event ("200 searches were carried out in the homes of X")."""
    if not any(c.isdigit() for c in text) and "dozens" not in text and "hundreds" not in text:
        return []
    period = _PERIOD_RE.search(text)
    if period is None or _INCIDENT_DAY_RE.search(text):
        return []
    out: list[Act] = []
    seen: set[str] = set()
    for m in _FIGURE_RE.finditer(text):
        noun = m.group("noun").lower()
        kind = _FIGURE_NOUNS.get(m.group("ill").lower() if m.group("ill") else noun.split()[-1], "other")
        a, b = s0 + m.start(), s0 + m.end()
        if kind in seen or any(x.kind == kind and x.start < b + 60 and a < x.end for x in found):
            continue
        seen.add(kind)
        stop = re.search(r"[;:]|\.\s", text[m.end():])
        clause_end = s0 + m.end() + (stop.start() if stop else len(text) - m.end())
        victims = [o for o in orgs if b <= o.start <= b + 120 and o.end <= clause_end and _kind(o) == "collective"
                   and _FIGURE_VICTIM_RE.search(text[:o.start - s0][-120:])]
        where = [p for p in places if b <= p.start <= b + 150 and p.end <= clause_end
                 and _FIGURE_PLACE_RE.search(text[max(0, p.start - s0 - 40):p.start - s0])][:1]
        name = " ".join(m.group().split())
        if victims:
            name += f" of {victims[0].text}"
        if period.group("year"):
            name += " " + " ".join(period.group("year").split())
        out.append(Act(kind, name, a, b, targets=victims[:1], perpetrators=_by_agent(text, s0, orgs, b, 60), places=where))
    return out


# "the 24 Ukrainian crewmembers detained by Russia": many people the text does not name, and who held them
# (collective_phrases.COUNTED_DETAINED_RE, whose group is the act's target).
_DETAINED_BY_RE = Prefiltered(COUNTED_DETAINED_RE)
# "at least 10,000 Crimean residents have been conscripted into the Russian army": the army (or state) that drafts them.
_CONSCRIPTED_RE = Prefiltered(re.compile(r"\b(?:conscripted|drafted|mobili[sz]ed|forcibly\s+enlisted)\s+(?:in|into)\s+(?:the\s+)?", re.IGNORECASE))
# "the sham referendum on Ukraine's Crimean peninsula, which Russia held": the place, and the state that held it.
_REFERENDUM_RE = Prefiltered(re.compile(r"\breferend(?:um|a|ums)[”\"’]?\s+(?:on|in)\s+(?:the\s+)?(?:[A-Z][\w]*(?:’s|'s)\s+)?", re.IGNORECASE))
# "Russia again conducted sham referenda in ...": the state that held them, right before the verb.
_HELD_REFERENDUM_RE = re.compile(r"\s+(?:again\s+|also\s+|then\s+)?(?:held|organi[sz]ed|staged|conducted)\s+(?:a\s+|the\s+)?"
                                 r"(?:(?:sham|so-called|illegal|illegitimate|fake|pseudo-?|unlawful)\s+)*[“\"]?$", re.IGNORECASE)
# "Russia then staged an illegitimate referendum in which ...", "Russia ... seized the parliament, orchestrated a sham
# referendum": the verb of holding and the referendum with no place right after it (the frame above reads those).
_STAGED_REFERENDUM_RE = Prefiltered(re.compile(r"\b(?:held|organi[sz]ed|staged|conducted|orchestrated)\s+(?:a\s+|an\s+|the\s+|its\s+)?"
                                   r"(?:(?:sham|so-called|illegal|illegitimate|fake|pseudo-?|unlawful)\s+)*[“\"]?"
                                   r"referendum\b[”\"’]?(?!\s+(?:on|in)\s+(?!which\b))"))
# what lies between the state and that verb: nothing, an adverb, or a run of the state's other acts ("Russia militarized
# the peninsula, seized the parliament, orchestrated ...")
_STAGED_GAP_RE = re.compile(r"(?:\s+(?:again|also|then|later|subsequently))?(?:\s+[a-z]+ed\b[^,;.:()“”\"]{0,40},)*"
                            r"\s+(?:and\s+)?(?:then\s+)?")
# Between a subject and the last verb of a run of its acts: "Russian authorities have already forcibly exiled or jailed
# Crimean Tatar leaders, banned ...": the earlier verbs in the past, each with its object, then a comma.
VERB_SERIES_GAP_RE = re.compile(r"\s+(?:(?:have|has|had)\s+)?(?:already\s+|also\s+)?(?:[a-z]+ly\s+)?"
                                r"(?:[a-z]+ed(?:\s+or\s+[a-z]+ed)?\b[^,;.:()“”\"]{1,60},\s+)+(?:and\s+)?")
# "a referendum in which residents of Crimea were compelled to vote": the land whose people voted
_VOTERS_OF_RE = re.compile(r"\s+(?:in\s+which|where)\s+(?:the\s+)?(?:residents|people|population|inhabitants|voters|citizens)"
                           r"\s+of\s+(?:the\s+)?$")
_LIST_GAP_RE = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
# "Sentsov had just taken part in a rally to support ...": the person who took part.
_RALLY_RE = Prefiltered(re.compile(r"\b(?:(?:had|has|have)\s+)?(?:just\s+|also\s+)?(?:taken\s+part|took\s+part|taking\s+part|participated|"
                       r"joined|attended|organi[sz]ed|staged|held)\s+(?:in\s+)?(?:a|an|the)\s+(?:peaceful\s+|public\s+)?"
                       r"(rally|demonstration|protest|picket|march)\b", re.IGNORECASE))
# An organisation's premises searched: "FSB officers raided the offices of the Mejlis", "searches at the
# headquarters of ATR", "the Mejlis's offices were searched". The organisation is the target.
_ORG_SEARCH_RE = Prefiltered(re.compile(r"\b(?:raided|searched|stormed|surrounded|cordoned\s+off|broke\s+into|burst\s+into|raids?\s+(?:on|of)|search(?:es)?\s+(?:of|at|in))"
                            r"\s+(?:the\s+)?(?:offices?|premises|headquarters|building|studio|newsroom|editorial\s+office)\s+of\s+"
                            r"(?:the\s+)?", re.IGNORECASE))
# A place of worship or a community's office raided, named by its kind ("raided the UOC-KP cathedral and diocesan
# administration office in Simferopol", "searched a mosque in Bakhchysarai"): where, and the agency before the verb.
_WORSHIP_RAID_RE = Prefiltered(re.compile(r"\b(raided|searched|stormed)\s+(?:the|a|an)\s+(?:[\w’'-]+\s+){0,3}?(?:cathedral|church|mosque|"
                              r"Kingdom\s+Hall|prayer\s+house|madrasa|synagogue|monastery)s?\b(?:[^.;,]{0,60}?)(?=\s+in\s)"))
_PREMISES_OF = r"(?:offices?|premises|headquarters|building|studio|newsroom)"
_ORG_SEARCHED_RE = re.compile(rf"(?:(?:’s|'s)?\s+{_PREMISES_OF})?\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+ly\s+)?"
                              r"(?:raided|searched|stormed)\b", re.IGNORECASE)
# "raided its newsroom", "searched their offices": the premises of the organisation the sentence is about.
_ITS_PREMISES_RE = Prefiltered(re.compile(rf"\b(?:raided|searched|stormed|broke\s+into|burst\s+into)\s+(?:its|their)\s+{_PREMISES_OF}\b"))
# "search of Crimean Tatar "ATR" TV Station": a search of a media outlet named with a word or two before it.
_SEARCH_OF_MEDIA_RE = Prefiltered(re.compile(r"\b(?:search(?:es)?|raids?)\s+(?:of|on|at)\s+(?:the\s+)?"))
_MEDIA_GAP_RE = re.compile(r"(?:[A-Z][\w’'-]*\s+){0,2}[“\"]?")
_MEDIA_TAIL_RE = re.compile(r"[”\"]?(?:\s+(?:TV|television|radio)?\s*(?:[Ss]tation|[Cc]hannel|[Cc]ompany|[Nn]ewspaper|[Oo]utlet))?")
_PREMISES_WORDS = ("office", "premises", "headquarters", "building", "studio", "newsroom")
_PREMISES_OF_RE = re.compile(rf"\b{_PREMISES_OF}\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_NOT_TARGET = ("government", "court", "security_service", "police", "prosecutor", "collective")


def _kind(m: Mention) -> str:
    return str(m.entry.attributes.get("kind", "")) if m.entry is not None else ""


# Round 15 (follow15): two relative clauses joined by "and who" hang on one antecedent: "the Ukrainian citizen X, who has
# been illegally detained on ... charges on the temporarily occupied territory of ..., and who has announced a hunger
# strike" (the second act is X's, however long the first clause).
_RELATIVE_CHAIN_RE = re.compile(r",\s+who\s+[^;:()“”\"]{1,300}?,?\s+and\s+who\s+(?:(?:has|have|had|was|were)\s+)?"
                                r"(?:(?:also|then|later|since|subsequently)\s+)?(?:been\s+)?")


def relative_antecedent(people: Sequence[Mention], text: str, s0: int, a: int) -> str | None:
    """The person a chain of relative clauses ", who ..., and who" before the trigger at ``a`` hangs on, or None
    (``text`` is the sentence, starting at ``s0``)."""
    if "and who" not in text:
        return None
    for p in sorted(people, key=lambda m: -m.end):
        if p.end <= a and _RELATIVE_CHAIN_RE.fullmatch(text, p.end - s0, a - s0):
            return p.ref
    return None


def _by_agent(text: str, sent_start: int, orgs: Sequence[Mention], b: int, reach: int = 100) -> list[Mention]:
    """The organisations after "by" within ``reach`` of ``b`` in the same clause ("... by the FSB")."""
    out = []
    for o in orgs:
        gap = text[b - sent_start:o.start - sent_start]
        if 0 <= o.start - b <= reach and not re.search(r"[.;]", gap) \
                and re.search(r"\bby\s+(?:the\s+)?(?:(?:Russian|so-called|de\s+facto|local|occupation)\s+){0,2}$", gap):
            out.append(o)
    return out


def _places_after(text: str, sent_start: int, places: Sequence[Mention], b: int, reach: int = 80) -> list[Mention]:
    """The places named right after ``b`` by "in/near/at/off" ("in the Black Sea near the Kerch Strait")."""
    out: list[Mention] = []
    pos = b
    for p in sorted(places, key=lambda m: m.start):
        if p.start < pos or p.start - b > reach:
            continue
        gap = text[pos - sent_start:p.start - sent_start]
        if re.search(r"[.;]", gap) or not re.search(r"\b(?:in|near|at|off|outside|around|across|throughout)\s+(?:the\s+)?(?:(?:Russian?-)?(?:occupied|annexed)\s+)?$", gap):
            if out:
                break
            continue
        out.append(p)
        pos = p.end
    return out


def find_acts(text: str, sent_start: int, people: Sequence[Mention], orgs: Sequence[Mention],
              places: Sequence[Mention], named_groups: Sequence[tuple[int, int]] = ()) -> list[Act]:
    """The raids, entry bans, meetings, exchanges, attacks and acts on many unnamed people of one
    sentence (``text`` is the sentence; ``named_groups`` the spans of plurals that mean people named)."""
    out: list[Act] = []
    s0 = sent_start
    for m in _DETAINED_BY_RE.finditer(text):  # a number of people: not the named people of the sentence
        # the act starts at its verb: "called for the release of the 24 men detained by X" asks for the release only
        a, b = s0 + m.start(2), s0 + m.end()
        perps = _by_agent(text, s0, orgs, b, 40)
        if perps and not any(x < b and y > s0 + m.start() for x, y in named_groups):
            kind = "arrest" if m.group(2) == "arrested" else "detention"
            who = text[m.start():m.start(2)].strip()
            # the counted group is the act's target (README conv13d point 5: collective_phrases.counted_groups)
            group = [o for o in orgs if o.start <= s0 + m.start() < o.end <= s0 + m.start(2)][:1]
            # no place: what follows the agent is often another act ("detained by X following the attack in P")
            out.append(Act(kind, f"{kind.capitalize()} of {who}", a, b, targets=group, perpetrators=perps))
    if not people:  # a named person's search or questioning is the person-event rules' business
        for m in _RAID_ACTIVE_RE.finditer(text):
            a, b = s0 + m.start(), s0 + m.end()
            perps = [o for o in orgs if o.end <= a and _SUBJECT_GAP_RE.fullmatch(text[o.end - s0:m.start()])]
            if perps:
                out.append(Act("search", "Raids on " + m.group().split(" on ", 1)[-1] if " on " in m.group() else "Raids",
                               a, b, perpetrators=perps[-1:], places=_places_after(text, s0, places, b)))
        for o in orgs:
            rm = _RAIDED_RE.match(text, o.end - s0)
            if rm is None or _kind(o) in ("court", "collective") and not re.search(r"\b(?:authorities|forces|services|officers|police)\b",
                                                                                  o.text, re.IGNORECASE):
                continue
            what = text[rm.start(1):rm.end()]
            out.append(Act("search", "Raids on " + what.split(None, 1)[-1], o.start, s0 + rm.end(), perpetrators=[o],
                           places=_places_after(text, s0, places, s0 + rm.end())))
        for m in _RAID_PASSIVE_RE.finditer(text):
            a, b = s0 + m.start(), s0 + m.end()
            perps = _by_agent(text, s0, orgs, b)
            if not perps:
                continue
            out.append(Act("search", "Raids on " + m.group().split(" ", 1)[0], a, b, perpetrators=perps,
                           places=_places_after(text, s0, places, b)))
            q = _QUESTIONED_RE.search(text, m.end(), perps[0].start - s0)
            if q:
                out.append(Act("interrogation", "Questioning of those inside raided " + m.group().split(" ", 1)[0],
                               s0 + q.start(), s0 + q.end(), perpetrators=perps))
    out.extend(_resulting_searches(text, s0, orgs, places, people))
    if not people:
        out.extend(_searches_done(text, s0, orgs, places))
        out.extend(_raid_practices(text, s0, orgs, places, out))
    for m in _NUMBERED_ACT_RE.finditer(text) if not people else ():
        if m.group(1) is None and m.group(2).isdigit() and int(m.group(2)) < 5:
            continue  # "2 men were detained" may well be two people named elsewhere
        a, b = s0 + m.start(), s0 + m.end()
        kind = {"detained": "detention", "tortured": "torture"}.get(m.group(3), "arrest")
        who = text[m.start():m.end()].split(" were ")[0].split(" have ")[0].split(" had ")[0]
        out.append(Act(kind, f"{kind.capitalize()} of {who}", a, b, perpetrators=_by_agent(text, s0, orgs, b, 40),
                       places=_places_after(text, s0, places, b, 120)[:1]))
    for m in _EXCHANGE_RE.finditer(text):
        # the states that hold the prisoners or swap them, not the one that welcomes the news
        states = list({o.ref: o for o in orgs if _kind(o) == "government" and re.search(
            r"\b(?:by|between|and|with)\s+(?:the\s+)?$", text[max(0, o.start - s0 - 12):o.start - s0])}.values())
        if states:
            out.append(Act("exchange", "Prisoner exchange between " + " and ".join(o.text for o in states),
                           s0 + m.start(), s0 + m.end(), participants=states))
            break
    for m in _CONSCRIPTED_RE.finditer(text):
        army = next((o for o in orgs if o.start == s0 + m.end()), None)
        if army is not None:
            out.append(Act("other", "Conscription into", s0 + m.start(), army.end, perpetrators=[army]))
    for m in _REFERENDUM_RE.finditer(text):
        place = next((p for p in places if p.start == s0 + m.end()), None)
        if place is None:
            continue
        held = [o for o in orgs if _kind(o) == "government" and 0 <= o.start - place.end <= 30
                and re.fullmatch(r",?\s+(?:which|that)\s+", text[place.end - s0:o.start - s0])
                and re.match(r"\s+(?:held|organi[sz]ed|staged|conducted)\b", text[o.end - s0:])]
        where = [place]
        for p in sorted(places, key=lambda x: x.start):  # "referenda in Luhansk, Donetsk, and Kherson Oblasts"
            if p.start > where[-1].end and _LIST_GAP_RE.fullmatch(text[where[-1].end - s0:p.start - s0]):
                where.append(p)
        act = Act("other", "Referendum in", s0 + m.start(), where[-1].end, participants=held, places=where)
        for x in [*orgs, *places]:  # "Russia conducted sham referenda in ...": the state held them
            kind = _kind(x)
            if x.end <= s0 + m.start() and (kind == "government" or (x.label == "Location" and kind == "country")) \
                    and _HELD_REFERENDUM_RE.fullmatch(text[x.end - s0:m.start()]):
                if x.label == "Location":
                    act.states.append((_government(x), x, "organiser"))
                else:
                    act.participants.append(x)
        out.append(act)
    for m in _STAGED_REFERENDUM_RE.finditer(text):
        holders = [x for x in [*orgs, *places] if x.end <= s0 + m.start() and _STAGED_GAP_RE.fullmatch(text[x.end - s0:m.start()])
                   and (_kind(x) == "government" or (x.label == "Location" and _kind(x) == "country"))]
        if not holders:
            continue
        x = holders[-1]
        where = [p for p in places if p.start > s0 + m.end() and _VOTERS_OF_RE.fullmatch(text[m.end():p.start - s0])][:1]
        # (the trigger runs to the land: the relative clause is the referendum's own, no other noun's)
        act = Act("other", "Referendum in", s0 + m.start(), where[0].end if where else s0 + m.end(), places=where)
        if x.label == "Location":
            act.states.append((_government(x), x, "organiser"))
        else:
            act.participants.append(x)
        out.append(act)
    for m in _RALLY_RE.finditer(text):
        a = s0 + m.start()
        doers = [x for x in people if x.end <= a and re.fullmatch(r"\s+|,[^,;]{1,60},\s+", text[x.end - s0:m.start()])]
        if doers:
            out.append(Act("other", f"{m.group(1).capitalize()}", a, s0 + m.end(), participants=doers[-1:]))
    for m in _ENTRY_BAN_RE.finditer(text):
        a, b = s0 + m.start(), s0 + m.end()
        place = next((p for p in places if p.start == b), None)
        if place is None:
            continue
        targets = [x for x in [*people, *orgs] if x.end <= a and _kind(x) not in _NOT_TARGET
                   and (x.entry is None or not x.entry.generic)
                   and not re.search(r"[;:]|\bby\b|\b(?:said|says|told)\b", text[x.end - s0:m.start()])]
        targets = list({x.ref: x for x in targets}.values())  # "the OSCE" and "(OSCE)": one target
        out.append(Act("other", "Entry ban", a, place.end, targets=targets, perpetrators=_by_agent(text, s0, orgs, place.end),
                       places=[place]))
    out.extend(_org_searches(text, s0, orgs, places))
    for m in _WORSHIP_RAID_RE.finditer(text):
        where = _places_after(text, s0, places, s0 + m.end(), 20)[:1]
        if where:
            perps = [o for o in orgs if o.end <= s0 + m.start() and _SUBJECT_GAP_RE.fullmatch(re.sub(
                r"^\s+(?:officers|agents|officials|employees|operatives|bailiffs)\b", "", text[o.end - s0:m.start()]))][-1:]
            out.append(Act("search", "Raid on " + text[m.start() + len(m.group(1)) + 1:m.end()].strip(), s0 + m.start(),
                           where[0].end, perpetrators=perps, places=where))
    for kind, who, a, b, agents, bodies, where in group_acts(text, s0, orgs, places, named_groups):
        name = f"Searches of the homes of {who}" if kind == "search" else f"{kind.capitalize()} of {who}"
        out.append(Act(kind, name, a, b, targets=bodies, perpetrators=agents, places=where))
    if not people:  # a figure of acts over a period (the acts on a named group, just above, are their own events)
        out.extend(_period_figures(text, s0, orgs, places, out))
    for name, a, b, perps, targets, where, land in [*group_abuses(text, s0, orgs, places), *state_policies(text, s0, orgs, places)]:
        out.append(Act("other", name, a, b, targets=targets, perpetrators=[x for x in perps if x.label != "Location"],
                       places=where, land=land,
                       states=[(_government(x), x, "perpetrator") for x in perps if x.label == "Location"]))
    for name, a, b, targets, courts, askers in ban_requests(text, s0, people, orgs):
        # (a request to a court is a step of the proceedings: the court asked is its judge, the one asked against its
        # target, the one who asks its prosecutor, or investigator: README conv14a point 4, dev2 x26, dev3 z13)
        out.append(Act("other", name, a, b, targets=targets, parties=[(x, _asker_role(x)) for x in askers],
                       states=[(c.ref, c, "judge") for c in courts]))
    out.extend(Act("other", n, a, b, participants=f, states=[(c.ref, c, "judge")]) for n, a, b, c, f in court_orders(text, s0, orgs, people))
    out.extend(_occupations(text, s0, orgs, places))
    for name, a, b, perps, where in land_takings(text, s0, orgs, places):
        if name == "Referendum in" and any(x.name == name and x.places[:1] == where[:1] for x in out):
            continue
        out.append(Act("other", name, a, b, perpetrators=[x for x in perps if x.label != "Location"], places=where,
                       states=[(_government(x), x, "perpetrator") for x in perps if x.label == "Location"]))
    for kind, name, a, b, perps, victims in subjections(text, s0, orgs):
        out.append(Act(kind, name, a, b, perpetrators=perps, targets=victims))
    if not people:  # a list of grave abuses in a land (a named person's torture is the person rules')
        for kind, name, a, b, perps, targets, where in abuse_lists(text, s0, orgs, places):
            if not any(x.start < b and a < x.end for x in out):
                out.append(Act(kind, name, a, b, targets=targets, perpetrators=perps, places=where))
    for name, a, b, perps, words, where, role in wars(text, s0, orgs, places):
        out.append(Act("other", name, a, b, perpetrators=perps if role == "perpetrator" else [], places=where,
                       organisers=[] if role == "perpetrator" else perps, states=[(_government(x), x, role) for x in words]))
    for name, a, b, bodies in laws(text, s0, orgs):
        out.append(Act("other", name, a, b, issuers=bodies))
    for name, a, b, bodies in numbered_meetings(text, s0, orgs):
        out.append(Act("meeting", name, a, b, organisers=bodies))
    for name, a, b, by, target in sanctions(text, s0, orgs, places):
        act = Act("other", name, a, b)
        for x, role in ((by, "organiser"), (target, "target")):
            if x.label == "Location":
                act.states.append((_government(x), x, role))
            else:
                (act.organisers if role == "organiser" else act.targets).append(x)
        out.append(act)
    for name, a, b, perps, where in media_closures(text, s0, orgs, places):
        land = "Crimea" if re.search(r"\bCrimean\b", name) else ""
        out.append(Act("other", name, a, b, perpetrators=perps, places=where, land=land))
    for name, a, b, perps, deported, where in deportations(text, s0, orgs, places):
        out.append(Act("other", name, a, b, perpetrators=perps, places=where, targets=deported))
    for kind, name, a, b, bodies in resolutions(text, s0, orgs):
        out.append(Act(kind, name, a, b, issuers=bodies))
    out.extend(Act("other", name, a, b, participants=parties) for name, a, b, parties in agreements(text, s0, orgs))
    for name, a, b, perps, _, where in group_transfers(text, s0, orgs, places):
        out.append(Act("other", name, a, b, perpetrators=perps, places=where))
    if not any(a.name.startswith(("Forcible transfer", "Deportation")) for a in out):
        for name, a, b, _, _, where in detainee_transfers(text, s0, places):
            if any(p.end > a for p in people):
                continue  # (a person named with it or after it may be the one transferred; a speaker before is not)
            out.append(Act("other", name, a, b, perpetrators=_by_agent(text, s0, orgs, b, 40), places=where))
    for m in _MEET_RE.finditer(text):
        b = s0 + m.end()
        # the person met, after at most a few title words ("met with Ukrainian Ombudsman X"), else the
        # organisation whose people were met ("met with representatives of the Mejlis")
        gap_re = _RECEIVED_GAP_RE if m.group("direct") else _MET_GAP_RE
        met = next((p for p in people if 0 <= p.start - b <= 40 and gap_re.fullmatch(text[m.end():p.start - s0])), None) \
            or next((o for o in orgs if 0 <= o.start - b <= 60 and _kind(o) not in ("collective",)
                     and (o.entry is None or not o.entry.generic) and _MET_ORG_GAP_RE.fullmatch(text[m.end():o.start - s0])), None)
        if met is None:
            continue
        # (not the body of a title: "Speaker of the Seimas received" is the Speaker's act)
        subj = [x for x in [*people, *orgs] if x.end <= s0 + m.start() and (x.entry is None or not x.entry.generic)
                and _MET_SUBJECT_RE.fullmatch(text[x.end - s0:m.start()])
                and not (x.label == "Organisation" and re.search(r"\bof\s+(?:the\s+)?$", text[max(0, x.start - s0 - 8):x.start - s0]))]
        if m.group("direct") and (not subj or re.match(r"(?:’s|'s)", text[met.end - s0:met.end - s0 + 2])):
            continue  # "X received Y" is a meeting only with the host named ("received Y's letter" is none)
        # the others met with the first, in one list ("met with A and B", "a meeting between A and B")
        others: list[Mention] = []
        last = met
        for p in sorted(people, key=lambda x: x.start):
            if p.start > last.end and p.ref != met.ref and _MET_AND_RE.fullmatch(text[last.end - s0:p.start - s0]):
                others.append(p)
                last = p
        # (who receives or hosts the others organises the meeting)
        out.append(Act("meeting", "Meeting with", s0 + m.start(), last.end,
                       participants=[met, *others, *([] if m.group("direct") else subj[-1:])],
                       organisers=subj[-1:] if m.group("direct") else [],
                       places=_places_after(text, s0, places, last.end, 40)[:1]))
    for m in _ATTACK_RE.finditer(text):
        a, b = s0 + m.start(), s0 + m.end()
        where = _places_after(text, s0, places, b)
        if not where or re.search(r"[,;]", text[m.end():where[0].start - s0]):
            continue
        out.append(Act("other", text[m.start():where[-1].end - s0], a, where[-1].end,
                       perpetrators=_by_agent(text, s0, orgs, where[-1].end, 40), places=where))
    return out


def _asker_role(m: Mention) -> str:
    """The role of one who asks a court: ``investigator`` for an investigative body or security service, else
    ``prosecutor`` (a prosecutor, a prosecutor's office, or a body that brings the case)."""
    if _kind(m) == "security_service" or re.search(r"(?i)\binvestigat", _name(m)):
        return "investigator"
    return "prosecutor"


def _searches_done(text: str, s0: int, orgs: Sequence[Mention], places: Sequence[Mention]) -> list[Act]:
    """Searches told as a noun with "carried out" / "conducted" and no person named: who did them (after "by"), whose
    premises ("belonging to members of the X"; "their mosques": the group the sentence named before), and where."""
    out: list[Act] = []
    if "carried out" not in text and "conducted" not in text:
        return out
    for m in _SEARCHES_DONE_RE.finditer(text):
        a, b = s0 + m.start(), s0 + m.end()
        perps = [o for o in _by_agent(text, s0, orgs, s0 + m.start(1) + len(m.group(1)), 60) if _kind(o) != "court"][:1]
        owners = [o for o in orgs if 0 <= o.start - b <= 80 and _kind(o) not in ("court", "government")
                  and _OWNED_BY_RE.fullmatch(text[m.end():o.start - s0])][:1]
        if not owners and re.search(r"\btheir\s", m.group()):
            owners = [o for o in orgs if o.end <= a and _kind(o) == "collective" and o.entry is not None
                      and o.entry.generic and o not in perps][-1:]
        where = _places_after(text, s0, places, b)[:1]
        # ("their mosques" with no group named before it in the sentence: the group of the article's victims, which
        # collective_targets reads from the trigger)
        if perps or owners or where or re.search(r"\btheir\s", m.group()):
            name = f"Searches of the premises of {owners[0].text}" if owners else f"Searches in {where[0].text}" if where else "Searches"
            out.append(Act("search", name, a, b, targets=owners, perpetrators=perps, places=where))
    return out


# Searches told with the detentions they led to (README conv13a, point 1: "searches ... which resulted in the detention of
# ..."): (a) "condemns the searches in the illegally annexed Crimea by Russia which resulted in the detention ...", (b) "the
# illegal activities of Russian occupation authorities in ... against ..., resulted into massive illegal searches and
# groundless detention of thirteen citizens".
_SEARCH_ADJ = r"(?:(?:mass|massive|illegal|unlawful|arbitrary|numerous|several|multiple|new|recent|violent|groundless)\s+)"
_SEARCHES_RESULTED_RE = Prefiltered(re.compile(r"\b(?:the\s+)?" + _SEARCH_ADJ + r"{0,3}(?P<noun>searches|raids)\b(?P<tail>[^.;:()“”\"]{0,80}?)"
                                   r",?\s+(?:which|that)\s+(?:have\s+|has\s+|had\s+)?(?:also\s+)?resulted\s+in(?:to)?\s+(?:the\s+)?"
                                   + _SEARCH_ADJ + r"{0,2}(?:detentions?|arrests?)\b", re.IGNORECASE))
_RESULTED_IN_SEARCHES_RE = Prefiltered(re.compile(r"\bresult(?:ed|ing|s)?\s+in(?:to)?\s+(?P<act>" + _SEARCH_ADJ + r"{0,3}(?P<noun>searches|raids))"
                                      r"\s+and\s+(?P<det>" + _SEARCH_ADJ + r"{0,2}(?:detentions?|arrests?))\b", re.IGNORECASE))
# whose activities they were: "the (illegal) activities of X"
_ACTIVITIES_OF_RE = re.compile(r"\b(?:activities|actions|acts|operations?|policy|policies)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_AGENT_KINDS = ("government", "security_service", "police", "military", "agency", "collective")
_IN_PLACE_RE = re.compile(r"\s+in\s+(?:the\s+)?(?:(?:illegally|temporarily|Russian-|Russia-)\s*)?(?:(?:occupied|annexed)\s+)?$")


def _resulting_searches(text: str, s0: int, orgs: Sequence[Mention], places: Sequence[Mention],
                        people: Sequence[Mention]) -> list[Act]:
    """Searches a sentence names with the detentions they led to (see the patterns above): who did them (after "by",
    or the body whose activities resulted in them), where ("in P" after the searches, or the body's place), and, where
    the sentence names no person, the detention of the unnamed people with them (the same agent and place)."""
    if "result" not in text:
        return []
    out: list[Act] = []
    for m in _SEARCHES_RESULTED_RE.finditer(text):
        a, b = s0 + m.start("noun"), s0 + m.end("tail")
        where = [p for p in places if a < p.start <= b and _IN_PLACE_RE.search(text[m.end("noun"):p.start - s0])][:1]
        perps = [o for o in orgs if a < o.start <= b + 1 and re.search(r"\bby\s+(?:the\s+)?$", text[max(0, o.start - s0 - 8):o.start - s0])
                 and _kind(o) in _AGENT_KINDS][:1]
        states = [(_government(p), p, "perpetrator") for p in places if a < p.start <= b + 1 and _kind(p) == "country"
                  and re.search(r"\bby\s+(?:the\s+)?$", text[max(0, p.start - s0 - 8):p.start - s0])][:1] if not perps else []
        if perps or states or where:
            out.append(Act("search", f"Searches in {_name(where[0])}" if where else "Searches", a, b, perpetrators=perps,
                           states=states, places=where))
    for m in _RESULTED_IN_SEARCHES_RE.finditer(text):
        a = s0 + m.start("act")
        body = [o for o in orgs if o.end <= a and _kind(o) in _AGENT_KINDS and a - o.end <= 160
                and _ACTIVITIES_OF_RE.search(text[max(0, o.start - s0 - 30):o.start - s0])
                and not re.search(r"[.;:]", text[o.end - s0:m.start()])][-1:]
        if not body:
            continue
        # the body's place: "authorities in the Autonomous Republic of Crimea" (or inside the body's own mention)
        where = [p for p in places if body[0].start < p.start < a and p.end <= a
                 and _IN_PLACE_RE.search(text[max(0, p.start - s0 - 30):p.start - s0])][:1]
        out.append(Act("search", f"Searches in {_name(where[0])}" if where else "Searches", a, s0 + m.end("act"),
                       perpetrators=body, places=where))
        if not people:
            out.append(Act("detention", "Detention" + (f" in {_name(where[0])}" if where else ""), s0 + m.start("det"),
                           s0 + m.end("det"), perpetrators=body, places=where))
    return out


# A practice of raids or searches named against a group, with no operation or date (README conv13a, point 1 (c)): "police
# raids on their homes and mosques", "subject to frequent intimidation, house raids, and arbitrary arrests", "raids,
# detentions, and punitive measures against the Mejlis", "Raids, arrests ... have become regular facts of life for the
# Tatar community": one ``search`` event per article, the group its target, the actor the same phrase names its perpetrator.
_PRACTICE_RE = Prefiltered(re.compile(r"\b(?:(?:abusive|police|house|home|frequent|arbitrary|illegal|unlawful|violent|repeated|regular|"
                          r"politically[- ]motivated|mass|massive)\s+){0,3}(?P<noun>raids|searches)\b(?!\s+(?:of|at|in)\s+(?:a|the)\b)",
                          re.IGNORECASE))
# The acts listed with the raids: a list of abuses ("arrests, abductions, ..., and police raids").
_ABUSES = ("arrests", "detentions", "abductions", "intimidation", "harassment", "prosecutions?", "persecution",
           "disappearances", r"punitive\s+measures", "restrictions", "sentencings", "interrogations", "discrimination")
_ABUSES_RE = re.compile(r"\b(?:" + "|".join(_ABUSES) + r")\b", re.IGNORECASE)
_HOMES_OF_GROUP_RE = re.compile(r"\s+(?:on|against)\s+(?:their|(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*)?)\s+(?:homes|houses)\b")
_AGAINST_RE = re.compile(r"[^.;:]{0,80}?\bagainst\s+(?:the\s+)?$")
# A people or community named in the sentence ("Crimean Tatars are ... subject to ... house raids"), which the draft's victim
# collective may be.
_PEOPLE_RE = Prefiltered(re.compile(r"\b(?:Tatars|community|people|minority|Muslims|believers)\b"))
# Who does them: the subject of "subject(s) GROUP to" ("Russia continues to subject Crimean Tatars to"), or the actor
# after "by" ("persecuted by the Russian de-facto authorities; subject to ... house raids").
_SUBJECTS_TO_RE = re.compile(r"\s+(?:(?:continues?|continued)\s+to\s+subject|(?:has|have|had)\s+(?:also\s+)?subjected|subjects)\b")
_BY_ACTOR_RE = re.compile(r"\bby\s+(?:the\s+)?(?:(?:Russian|so-called|de[- ]facto|occupation)\s+){0,3}$")


def _raid_practices(text: str, s0: int, orgs: Sequence[Mention], places: Sequence[Mention], found: Sequence[Act]) -> list[Act]:
    """A practice of raids or searches named against a group (a sentence that names no person): its target the
    organisation after "against" or the victim collective the sentence names, else (for "their homes") none, which
    :mod:`loaders.extract.collective_targets` reads from the trigger; its perpetrator the subject of "subject ... to" or the
    actor after "by" before the raids."""
    low = text.lower()
    if "raids" not in low and "searches" not in low:
        return []
    for m in _PRACTICE_RE.finditer(text):
        a, b = s0 + m.start(), s0 + m.end()
        if any(x.kind == "search" and x.start < b + 60 and a - 60 < x.end for x in found):
            return []  # an operation or a practice the other raid rules read
        homes = _HOMES_OF_GROUP_RE.match(text, m.end())
        listed = _ABUSES_RE.search(text[max(0, m.start() - 120):m.end() + 60])
        if homes is None and listed is None:
            continue
        end = b + (homes.end() - m.end() if homes is not None else 0)
        # the group: an organisation after "against" ("raids ... against the Mejlis"), else a collective named in the sentence
        against = [o for o in orgs if o.start >= b and o.start - b <= 80 and _AGAINST_RE.fullmatch(text[m.end():o.start - s0])
                   and _kind(o) not in _NOT_TARGET][:1]
        victims = against or [o for o in orgs if o.ref in VICTIM_COLLECTIVES][:1]
        if not victims and (homes is None or homes.group().split()[1] != "their") and not _PEOPLE_RE.search(text):
            continue  # nobody the raids are done to (the victim collective the sentence names: claim_parts.act_event)
        perps: list[Mention] = []
        states: list[tuple[str, Mention, str]] = []
        for x in [*orgs, *places]:
            if x.end > a:
                continue
            if _SUBJECTS_TO_RE.match(text, x.end - s0) and (x.label != "Location" or _kind(x) == "country"):
                if x.label == "Location":
                    states = [(_government(x), x, "perpetrator")]
                else:
                    perps = [x]
            elif x.label == "Organisation" and _BY_ACTOR_RE.search(text[max(0, x.start - s0 - 40):x.start - s0]) and x not in victims \
                    and not re.match(r"(?:’s|'s|’|')", text[x.end - s0:x.end - s0 + 2]):  # ("appalled by Russia's targeting")
                perps = [x]
        who = _name(victims[0]) if victims else "the group"
        name = f"Raids on {who}" if not against else f"Raids against {who}"
        out = Act("search", name, a, end, targets=victims, perpetrators=perps, states=states,
                  places=[p for p in places if p.end <= a and re.search(r"\bin\s+(?:the\s+)?(?:(?:illegally\s+)?(?:annexed|occupied)\s+)?$",
                                                                        text[max(0, p.start - s0 - 30):p.start - s0])][:1])
        return [out]
    return []


def _org_searches(text: str, s0: int, orgs: Sequence[Mention], places: Sequence[Mention]) -> list[Act]:
    """Searches of an organisation's premises, with the agency that did them and where."""
    out: list[Act] = []
    for m in _SEARCH_OF_MEDIA_RE.finditer(text):
        # "the security services' search of Crimean Tatar "ATR" TV Station in Simferopol": a media outlet searched
        org = next((o for o in orgs if o.start - s0 >= m.end() and _kind(o) == "media"
                    and _MEDIA_GAP_RE.fullmatch(text[m.end():o.start - s0])), None)
        if org is None:
            continue
        a = s0 + m.start()
        perps = [o for o in orgs if o.end <= a and re.fullmatch(r"(?:’s|'s|’|')\s+", text[o.end - s0:m.start()])][-1:] \
            or _by_agent(text, s0, orgs, org.end, 60)
        end = org.end + (len(mm.group()) if (mm := _MEDIA_TAIL_RE.match(text, org.end - s0)) else 0)
        out.append(Act("search", f"Search of the premises of {_name(org)}", a, org.end, targets=[org], perpetrators=perps,
                       places=_places_after(text, s0, places, end)[:1]))
    low = text.lower()
    if not any(w in low for w in _PREMISES_WORDS):
        return out
    for m in _ORG_SEARCH_RE.finditer(text):
        org = next((o for o in orgs if o.start == s0 + m.end() and _kind(o) not in _NOT_TARGET
                    and (o.entry is None or not o.entry.generic)), None)
        if org is None:
            continue
        a = s0 + m.start()
        perps = [o for o in orgs if o.end <= a and _SUBJECT_GAP_RE.fullmatch(re.sub(
            r"^\s+(?:officers|agents|officials|employees|operatives)\b", "", text[o.end - s0:m.start()]))][-1:] \
            or _by_agent(text, s0, orgs, org.end, 60)
        out.append(Act("search", f"Search of the premises of {_name(org)}", a, org.end, targets=[org], perpetrators=perps,
                       places=_places_after(text, s0, places, org.end)[:1]))
    for m in _ITS_PREMISES_RE.finditer(text):
        # "ATR has been harassed ... and a group of unidentified forces raided its newsroom": the organisation the
        # sentence is about (its first, named before the verb) is the one searched; the agency right before the verb did it
        a = s0 + m.start()
        owner = next((o for o in orgs if o.end <= a and _kind(o) not in _NOT_TARGET and (o.entry is None or not o.entry.generic)
                      and o.start - s0 <= 3), None)
        if owner is None:
            continue
        perps = [o for o in orgs if owner.end < o.end <= a and _SUBJECT_GAP_RE.fullmatch(text[o.end - s0:m.start()])][-1:]
        out.append(Act("search", f"Search of the premises of {_name(owner)}", a, s0 + m.end(), targets=[owner],
                       perpetrators=perps, places=_places_after(text, s0, places, s0 + m.end())[:1]))
    for o in orgs:
        sm = _ORG_SEARCHED_RE.match(text, o.end - s0)
        if sm is None or _kind(o) in _NOT_TARGET or (o.entry is not None and o.entry.generic):
            continue
        if not re.match(r"(?:’s|'s)?\s+" + _PREMISES_OF, sm.group()) \
                and not _PREMISES_OF_RE.search(text[max(0, o.start - s0 - 30):o.start - s0]):
            continue  # "the FSB was searched" is nobody's premises: only "the offices of X were searched"
        b = s0 + sm.end()
        out.append(Act("search", f"Search of the premises of {_name(o)}", o.start, b, targets=[o],
                       perpetrators=_by_agent(text, s0, orgs, b, 60), places=_places_after(text, s0, places, b)[:1]))
    return out


def _occupations(text: str, s0: int, orgs: Sequence[Mention], places: Sequence[Mention]) -> list[Act]:
    """Occupations and annexations of a land by a state (or its forces) the sentence names."""
    out: list[Act] = []
    for z in seizures(text, s0, orgs, places, _by_agent):
        name = f"{z.what} of {_name(z.places[0]) if z.places else z.land}"
        states = [(RUSSIAN_FORCES if x.ref == RUSSIAN_FORCES else _government(x), x, "perpetrator") for x in z.states]
        out.append(Act("other", name, z.start, z.end, perpetrators=z.perpetrators[-1:], places=z.places,
                       states=states, land=z.land))
    return out


def _government(m: Mention) -> str:
    """The key of the government of the country ``m`` names as a place."""
    return f"org:{government_key(m.ref.split(':', 1)[-1])}"


def _name(m: Mention) -> str:
    return m.entry.name if m.entry is not None else m.text


# Round 15 (follow15, README conv14b point 3): the act of taking into custody is one event, of the kind the text's
# first telling names; a later back-reference with the other word ("Following his arrest, X was subjected to ...",
# after "his detention by Russian security forces on 12 December") is the same event, not a second one. A back-reference
# is the possessive noun after a preposition of time with no date of its own ("before his arrest on 12 February" tells
# a second act).
_BACK_REFERENCE_RE = re.compile(r"\b(?:following|after|since|upon|during|at\s+the\s+time\s+of)\s+(?:his|her|their)\s+"
                                r"(?:(?:initial|first|illegal|unlawful|arbitrary)\s+)?$", re.IGNORECASE)
_OWN_DATE_RE = re.compile(r"\s+(?:on|in)\s+(?:\d|(?:January|February|March|April|May|June|July|August|September|October|"
                          r"November|December)\b)")
_CUSTODY_PAIR = {"arrest": "detention", "detention": "arrest"}


def fold_back_references(text: str, ex: Extraction) -> None:
    """Give an arrest (detention) told only by back-references the claims of the same person's detention (arrest)
    told before it, and drop it."""
    kinds = {k: (e.attributes or {}).get("kind") for k, e in ex.entities.items() if e.label == "Event"}
    targets: dict[str, set[str]] = {}
    for c in ex.claims:
        if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "target" and kinds.get(c.object) in _CUSTODY_PAIR:
            targets.setdefault(c.object, set()).add(c.subject)
    for ev, whom in targets.items():
        spans = ex.triggers.get(ev) or []
        if len(whom) != 1 or not spans or ev not in ex.entities or not all(
                _BACK_REFERENCE_RE.search(text, max(0, a - 40), a) and not _OWN_DATE_RE.match(text, b) for a, b in spans):
            continue
        other = _CUSTODY_PAIR[str(kinds[ev])]
        first = min(spans)
        into = next((e for e, w in targets.items() if kinds.get(e) == other and w == whom and e in ex.entities
                     and min(ex.triggers.get(e) or [first]) < first), None)
        if into is not None:
            fold_events(ex, {ev: into})
