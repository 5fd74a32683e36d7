"""A campaign of persecution against a group of people, as statements and reports of governments,
parliaments, the UN and NGOs word it.

The annotators of the other splits (dev2, dev3, dev4: three annotators, a dozen publishers) record
one ``other`` event for the persecution of a group the sentence names, with the agency or state that
does it as perpetrator, the group (when the article names it as an actor) as target, and the land:

- a noun of persecution before the group: "the continued persecution of human rights defenders from
  Crimea", "harassment and repression of the indigenous Crimean Tatar community", "systemic and
  targeted persecution of the Crimean Tatars", "Russia's vicious targeting of the Jehovah's
  Witnesses", "its crackdown on Crimean Tatars", "the intimidation and harassment of the Memorial staff";
- a campaign: "a wider campaign by the Russian 'de-facto' authorities of targeting Crimean Tatars",
  "authorities in Crimea have engaged in a campaign to suppress dissent", "the ongoing campaign
  against the peaceful Jehovah's Witnesses";
- a verb: "authorities in occupied Crimea continued to persecute and intimidate minority religious
  congregations", "His wife and son were harassed and intimidated by Russian secret service agents";
- policies: "the discriminatory policies imposed by the so-called authorities against ... the Crimean
  Tatar community";
- a group that faces it: "The Crimea Tatars continue to face regular harassment including arrests".

A persecution that is only wished to end ("The persecution of Crimean Tatars must stop") or a
headline is left alone by the caller's guards; one event a sentence, named by its group, so the
same group's persecution told twice in an article is one event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from loaders.extract.collective_phrases import PEOPLE_KEYS
from loaders.extract.mentions import Mention
from loaders.extract.regex_buckets import Prefiltered

__all__ = ["AbuseList", "GroupAbuse", "abuse_lists", "group_abuses", "group_name"]

# (name, start, end, perpetrators, targets, places, land)
GroupAbuse = tuple[str, int, int, list[Mention], list[Mention], list[Mention], str]

_NOUN = r"(?:persecution|harassment|intimidation|repressions?|crackdown|targeting|oppression|discrimination)"
_ADJ = (r"(?:(?:ongoing|continued|continuing|systematic|systemic|targeted|politically\s+motivated|increasing|intense|"
        r"brutal|vicious|wider|severe|regular|widespread|relentless|unrelenting|ruthless|judicial)\s+(?:and\s+)?)")
# The people persecuted: a few words ending on a group's noun ("the indigenous Crimean Tatar community",
# "persons belonging to minorities", "human rights defenders from Crimea", "minority religious congregations").
# (Not "voices" nor "media": "the repression of free media and independent voices" is commentary.)
_GROUP_NOUN = (r"(?:Tatars?|community|communities|minority(?!\s+[a-z])|minorities|activists|journalists|defenders|lawyers|"
               r"Witnesses|Muslims|groups|congregations|dissent|dissenters|critics|opponents|citizens|staff|leaders|people|"
               r"Ukrainians|believers|clergy|residents|inhabitants)")
_GROUP = (r"(?P<group>(?:[\w’'-]+\s+){0,5}?" + _GROUP_NOUN + r")\b(?:\s+(?:from|in|of)\s+(?:the\s+)?(?:temporarily\s+)?"
          r"(?:(?:Russian?-)?occupied\s+)?(?P<where>[A-Z][\w-]+))?")
_NOUN_RE = re.compile(r"\b" + _ADJ + r"{0,3}(?P<noun>" + _NOUN + r")(?:(?:,\s+|,?\s+and\s+)(?:" + _ADJ + r"{0,2}" + _NOUN
                      + r"|(?:[\w-]+\s+){0,3}(?:violations|abuses))){0,3}"
                      r"\s+(?:of|against|on|targeting|directed\s+(?:at|against))\s+(?:the\s+)?" + _GROUP, re.IGNORECASE)
_CAMPAIGN_RE = re.compile(r"\bcampaign\s+(?:by\s+(?P<by>[^,.;:]{2,60}?)\s+)?(?:of\s+(?:" + _NOUN + r"\s+(?:of|against)\s+|"
                          r"targeting\s+)|against\s+|targeting\s+|to\s+(?:suppress|eliminate|silence|crush)\s+(?:all\s+)?)"
                          r"(?:the\s+)?" + _GROUP, re.IGNORECASE)
# ("have singled out and persecuted Crimean Tatars": the one picked out is the one persecuted)
_VERB_RE = re.compile(r"\b(?:continu(?:e|es|ed)\s+to\s+|(?:have|has|had)\s+(?:also\s+)?)(?:singled\s+out\s+and\s+)?"
                      r"(?P<noun>persecute|harass|intimidate|target)(?:d|ed)?"
                      r"(?:\s+and\s+(?:persecute|harass|intimidate)d?)?\s+(?:the\s+)?" + _GROUP)
_PASSIVE_RE = re.compile(r"\b(?P<group>(?:[\w’'-]+\s+){0,4}?" + _GROUP_NOUN + r"|(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w-]+\s+){0,4}?"
                         r"(?:wife|son|daughter|family|relatives|children|sons|brother)s?)\s+(?:have\s+been|were|had\s+been)\s+"
                         r"(?:\w+ly\s+)?(?P<noun>persecuted|harassed|intimidated)(?:\s+and\s+(?:persecuted|harassed|intimidated))?"
                         r"(?=\s+by\b)")
_POLICIES_RE = Prefiltered(re.compile(r"\bdiscriminatory\s+(?:policies|measures|practices)\s+(?:imposed\s+by\s+(?P<by>[^,.;:]{2,60}?)\s+)?"
                          r"against,?\s+(?:in\s+particular,\s+)?(?:the\s+)?" + _GROUP))
_FACE_RE = Prefiltered(re.compile(r"\b(?P<group>(?:[\w’'-]+\s+){0,3}?" + _GROUP_NOUN + r")\s*[—–]?\s+(?:in\s+particular\s+)?(?:continue\s+to\s+)?"
                      r"face\s+(?:(?:regular|ongoing|constant|daily|systematic|frequent|serious|severe|increasing)\s+(?:and\s+)?){1,2}"
                      r"(?P<noun>harassment|persecution|intimidation|repression|discrimination)"))
# The rights of a group violated (dev7: two statements of Ukraine's mission in Geneva): "five years of constant
# institutionalized violations of rights of Crimean Tatars and ethnic Ukrainians", "human rights of Crimean Tatars
# recognized in Ukraine as indigenous people are violated on a regular and systematic basis". The same people's
# persecution, one event with it. (Violated "through" another act, "the rights of the Crimean Tatars have been gravely
# violated through the banning of the activities of the Mejlis" (dev, valid, dev3), is that act's: left alone.)
_RIGHTS_RE = Prefiltered(re.compile(r"\bviolations?\s+of\s+(?:the\s+)?(?:their\s+)?(?:human\s+)?rights\s+of\s+(?:the\s+)?" + _GROUP))
_RIGHTS_PASSIVE_RE = re.compile(r"\b(?:[Hh]uman\s+)?rights\s+of\s+(?:the\s+)?" + _GROUP + r"(?:\s+[^.;:,]{0,60}?)?\s+"
                                r"(?:are|were|is|was|have\s+been|has\s+been|had\s+been)\s+(?:\w+ly\s+)?(?P<noun>violated)\b"
                                r"(?!\s+(?:through|by|when|as|with|in\s+(?:the\s+)?(?:case|course)))")
_WORDS = ("persecut", "harass", "intimidat", "repression", "crackdown", "target", "campaign", "discriminat",
          "oppression", "violat")
_ITS_RE = Prefiltered(re.compile(r"\bits\s+(?:" + _ADJ + r"{0,3}|(?:[\w-]+\s+)?(?:policy|policies|practice|campaign)\s+of\s+)$"))
_STATE_KINDS = ("government", "collective", "agency", "security_service", "police", "military")


# Between the group and a group listed after it: the list's words, no clause ("..., including X, Y, and ").
_LISTED_AFTER_RE = re.compile(r"(?:(?:,\s+|,?\s+and\s+|,?\s+as\s+well\s+as\s+|\s*[—–]\s*|,?\s+(?:including|in\s+particular|particularly|"
                              r"especially|notably)\s+)(?:the\s+)?(?:[\w’'-]+(?:\s+|(?=,))){0,3}?){1,4}")


# What another act is said to be an instance of: "(is) part of", "emblematic of", "signals" a persecution.
_INSTANCE_RE = Prefiltered(re.compile(r"\b(?:part\s+of|emblematic\s+of|signal(?:s|led|ed)?)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}$"))


_NOT_RE = re.compile(r"[\w\s]{0,40}?\s(?:is|are|was|were)\s+not\b")
_MEANS_RE = re.compile(r"[\w\s]{0,30}?\s+by\s+\w+ing\b")
_EXAMPLE_RE = re.compile(r"\b(?:including|in\s+particular|particularly|especially|notably)\b")


def _kind(m: Mention) -> str:
    return str(m.entry.attributes.get("kind", "")) if m.entry is not None else ""


def _people(m: Mention) -> bool:
    return m.entry is not None and m.entry.key in PEOPLE_KEYS


def group_name(group: str) -> str:
    """The group's name for the event: a Tatar group is the Crimean Tatars, whatever the wording."""
    g = re.sub(r"^(?:(?:the|these|those|its|their|all|many|other|peaceful|innocent|ordinary)\s+)+", "", group.strip(),
               flags=re.IGNORECASE)
    if re.search(r"\bTatars?\b", g):
        return "Crimean Tatars"
    return g


def _perpetrators(text: str, s0: int, orgs: Sequence[Mention], a: int, b: int,
                  by: tuple[int, int] | None, countries: Sequence[Mention] = (), passive: bool = False) -> list[Mention]:
    """The agency or state that persecutes: "X's targeting", "by X" after the words, "X have engaged in a campaign",
    "X continued to persecute". (Rights "violated": only "by X" after it; the words before are another clause's.)"""
    actors = [o for o in orgs if _kind(o) in _STATE_KINDS or (o.entry is not None and o.entry.generic)]
    if passive:
        by, countries = None, ()
    poss = [o for o in actors if not passive and o.end <= a and re.fullmatch(r"(?:’s|'s)\s+" + _ADJ + r"{0,3}", text[o.end - s0:a - s0])]
    if poss:
        return poss[-1:]
    if by is not None:  # "a campaign by the Russian 'de-facto' authorities of targeting"
        inside = [o for o in actors if by[0] <= o.start and o.end <= by[1]]
        if inside:
            return inside[:1]
    after = [o for o in actors if 0 <= o.start - b <= 60 and re.fullmatch(r"[^.;:,]*?\bby\s+(?:the\s+)?(?:(?:so-called|de\s+facto|"
                                                                         r"de-facto|Russian|occupation)\s+)*",
                                                                         text[b - s0:o.start - s0])]
    if after or passive:
        return after[:1]
    if _ITS_RE.search(text, max(0, a - s0 - 60), a - s0):
        # "Russia's purported annexation of Crimea and its crackdown on Crimean Tatars": the one state named before
        named = {x.ref: x for x in [*actors, *countries] if x.end <= a and _kind(x) in ("government", "country")}
        if len(named) == 1:
            return list(named.values())
    subj = [o for o in actors if o.end <= a and a - o.end <= 80 and re.fullmatch(
        r"(?:[”\"’']+)?(?:\s+in\s+(?:(?:Russian?-)?occupied\s+)?[A-Z][\w-]+)?\s+(?:(?:have|has|had)\s+)?(?:also\s+|again\s+)?"
        r"(?:engaged\s+in\s+(?:[\w-]+\s+){0,4}?(?:a|an|the)\s+(?:[\w-]+\s+){0,2}|continued\s+|resorted\s+to\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}|"
        r"(?:launched|waged|conducted|sustained|mounted|pursued|intensified|stepped\s+up)\s+(?:a|an|its|their)\s+(?:[\w-]+\s+){0,2}|"
        r"(?:have|has)\s+)?", text[o.end - s0:a - s0])]
    return subj[-1:]


def group_abuses(text: str, s0: int, orgs: Sequence[Mention], places: Sequence[Mention]) -> list[GroupAbuse]:
    """The persecution of a group one sentence (``text``, starting at ``s0``) reports, at most one: the first
    wording found (a campaign, policies, a verb, a passive, a noun, a group that faces it), if its group or agent
    is named. (Reading on to a later wording of the sentence, "the ongoing, brutal persecution of Crimean Tatar
    activists" after an unnamed "crackdown on peaceful activism", added an event dev6's annotator left out.)"""
    low = text.lower()
    if s0 == 0 or not any(w in low for w in _WORDS):  # (the title: a headline's words, not one act reported)
        return []
    m = (_CAMPAIGN_RE.search(text) or _POLICIES_RE.search(text) or _VERB_RE.search(text) or _PASSIVE_RE.search(text)
         or _NOUN_RE.search(text) or _FACE_RE.search(text) or _RIGHTS_RE.search(text) or _RIGHTS_PASSIVE_RE.search(text))
    found = _abuse(text, s0, orgs, places, m) if m is not None else None
    if found is None and m is not None and m.re is _NOUN_RE and ";" in text[m.end():]:
        # a list of abuses split by semicolons ("ongoing harassment of human rights activists, journalists and
        # lawyers; arbitrary detentions; disappearances; and the persecution of Crimean Tatars"): each item its own
        for n in _NOUN_RE.finditer(text, m.end()):
            if ";" in text[m.end():n.start()]:
                found = _abuse(text, s0, orgs, places, n)
                if found is not None:
                    break
    return [found] if found is not None else []


def _abuse(text: str, s0: int, orgs: Sequence[Mention], places: Sequence[Mention], m: re.Match[str]) -> GroupAbuse | None:
    a, b = s0 + m.start(), s0 + m.end()
    groups = m.groupdict()
    group = group_name(groups["group"])
    if re.match(r"(?:[Hh]is|[Hh]er|[Tt]heir)\s", groups["group"]):
        group = "the family"
    by = (s0 + m.start("by"), s0 + m.end("by")) if groups.get("by") else None
    countries = [p for p in places if _kind(p) == "country"]
    perps = _perpetrators(text, s0, orgs, a, b, by, countries, m.re is _RIGHTS_PASSIVE_RE)
    g0, g1 = s0 + m.start("group"), s0 + m.end("group")
    # the group's mention may run on past the words read ("the Crimean Tatar national minority and ethnic Ukrainians":
    # "Crimean Tatar" read, the mention is "Crimean Tatar national minority"): a list after it starts at its end
    # (the mention itself is no target then: "persecution of Crimean Tatar activists" is dev6's annotator's commentary)
    g2 = max([g1, *(o.end for o in orgs if g0 <= o.start < g1 < o.end)])
    if groups.get("where"):  # "the residents of temporarily occupied Crimea, including Crimean Tatars": after the land
        g2 = max(g2, b)
    # the group, and the groups listed after it ("minority religious congregations, including Muslim Crimean Tatars,
    # Jehovah's Witnesses, and OCU members", "the Crimean Tatar national minority and ethnic Ukrainians")
    # (the Crimean Tatars as a people is one: "the indigenous Crimean Tatar community", "the Crimean Tatar population")
    targets = [o for o in orgs if (g0 <= o.start and (o.end <= g1 or _people(o) and o.start < g1) or g2 <= o.start <= g2 + 120
                                 and _LISTED_AFTER_RE.fullmatch(text[g2 - s0:o.start - s0]))
               and o not in perps and _kind(o) not in ("government", "court", "police", "security_service")]
    # (round 15, alignE15, README conv15a point 5: "part of an orchestrated campaign of oppression of the Crimean
    # Tatars" is the campaign the act belongs to, whose target the people is: kept)
    if _INSTANCE_RE.search(text, max(0, m.start() - 60), m.start()) and m.re is not _CAMPAIGN_RE or _NOT_RE.match(text, m.end()) \
            or _MEANS_RE.match(text, m.end()):
        # "These detentions are part of an orchestrated campaign of oppression of the Crimean Tatars", "emblematic
        # of the persecution of members of the Crimean Tatar community": the people is the act's, told before;
        # "The persecution of Crimean Tatars is not new": what persecution is, no act reported; "have intimidated
        # Crimean Tatars by conducting raids on their homes": the people is the target of the means (the raids)
        targets = [o for o in targets if not _people(o)]
    # the people listed after another group is a target when the sentence names who persecutes them ("Russian authorities
    # continued to persecute minority religious congregations, Jehovah's Witnesses, and Muslim Crimean Tatars") or
    # gives it as the group's example ("minorities, in particular the Crimean Tatars"); with neither ("their persecution
    # of political activists, dissenting voices, and ethnic Crimean Tatars") it is the speaker's enumeration
    targets = [o for o in targets if not _people(o) or o.start < g2 or perps or _EXAMPLE_RE.search(text[g2 - s0:o.start - s0])]
    where = [p for p in places if groups.get("where") and p.start == s0 + m.start("where")]
    if not where:  # "in Russian-occupied Crimea, monitors have documented ...", "authorities in occupied Crimea continued to"
        where = [p for p in places if p.end <= a and a - p.end <= 80 and re.search(r"\bin\s+(?:(?:Russian?-)?occupied\s+)?$",
                                                                                  text[max(0, p.start - s0 - 25):p.start - s0])][-1:]
    if not where:
        # "... in Crimea" after the words, or after the last group listed ("and ethnic Ukrainians in the Autonomous Republic of Crimea")
        tail = max([b, *(o.end for o in targets if o.start >= g2)])
        where = [p for p in places if 0 <= p.start - tail <= 30 and re.fullmatch(r"\s+in\s+(?:the\s+)?(?:(?:Russian?-)?occupied\s+)?",
                                                                                text[tail - s0:p.start - s0])][:1]
    if not (perps or targets):
        return None  # "the persecution of human rights activists (in Crimea)" with nobody named: commentary more than an act
    return (f"Persecution of {group}", a, b, perps, targets, where, "")


# --- round 14 (events14): a list of grave abuses in a land, with no person named ---
# Statements of governments, parliaments, the UN and NGOs sum up what is done in a land as a list of abuse nouns: "human
# rights monitors have documented enforced disappearances, extrajudicial killings, torture and punitive psychiatric
# hospitalizations" (dev3), "the allegations of arbitrary arrest, detention, and torture in eastern Ukraine and the
# Crimean Peninsula" (dev7), "torture and ill-treatment, denial of medical care to persons detained in Crimea" (dev7),
# "deaths and disappearances of political activists" (dev3), "killings and enforced disappearances" (valid). The
# annotators of seven splits record one event for such a list, where the land (or who does it) is named: a ``torture``
# when torture leads the list or is told with ill-treatment, else (killings, disappearances, abductions, torture among
# them) ``other``; the land after "in" its place (else the one region the sentence names), an agency after "by" its perpetrator, a
# collective after "of / against / to" its target. The words of abuse are those of the human-rights treaties, not of one
# article.
_ABUSE = (r"(?:(?:enforced|forced|involuntary)\s+)?disappearances|(?:(?:extrajudicial|extra-judicial|summary|arbitrary)\s+)?"
          r"(?:killings|executions)|torture|ill-treatment|abductions|kidnappings|beatings|sexual\s+violence|"
          r"(?:(?:arbitrary|unlawful|illegal|incommunicado|arbitrary\s+and\s+incommunicado|politically\s+motivated)\s+)?"
          r"(?:arrests?|detentions?)|(?:(?:punitive|forced)\s+)?psychiatric\s+hospitali[sz]ations|"
          r"(?:denial|refusal)\s+of\s+medical\s+care|deaths")
# (or one act whose victims the text names: "religious activists in Crimea were among victims of torture by FSB agents",
# dev3 and dev4)
_ABUSE_LIST_RE = Prefiltered(re.compile(r"\b(?:(?:" + _ABUSE + r")(?:\s*[,;]?\s+(?:and\s+|or\s+)?(?:other\s+)?(?:the\s+)?(?:" + _ABUSE + r")\b){1,6}"
                            r"|(?<=victims of )(?:torture|ill-treatment|enforced\s+disappearances?)\b)", re.IGNORECASE))
_VICTIMS_GAP_RE = re.compile(r"(?:\s+in\s+(?:the\s+)?(?:(?:Russian?-)?occupied\s+)?[A-Z][\w-]+)?\s+(?:were|are|have\s+been|had\s+been)\s+"
                             r"(?:(?:also|among)\s+)?(?:the\s+)?victims\s+of\s+")
# at least one grave act (an arrest and a detention alone are group_acts' "arbitrary arrests and detentions")
_GRAVE_RE = re.compile(r"\b(?:disappearances|killings|executions|torture|ill-treatment|abductions|kidnappings)\b", re.IGNORECASE)
# not a title ("the Special Rapporteur on torture", "the Committee against Torture"), nor an abuse list that says what a
# persecution, a harassment or a subjection consists of (the persecution's event: group_abuses, subjections)
_NOT_BEFORE_RE = re.compile(r"(?:\b(?:Rapporteur|Committee|Convention|Subcommittee)\s+(?:on|against)\s+|\b(?:harassment|persecution|"
                            r"repression|intimidation|subject(?:ed|s|ing)?\s+(?:[\w’'-]+\s+){0,5}?to)\s*,?\s*(?:(?:including|such\s+as|"
                            r"and|like)\s+)?(?:(?:the\s+)?(?:regular|ongoing|constant|systematic)\s+)?(?:risk\s+)?)$", re.IGNORECASE)
_IN_LAND_RE = re.compile(r"[^.;:]{0,60}?\bin\s+(?:the\s+)?(?:temporarily\s+)?(?:(?:Russian?-)?(?:occupied|annexed)\s+)?$")
_AND_LAND_RE = re.compile(r"\s*(?:,|and|,\s+and)\s+(?:the\s+)?(?:temporarily\s+)?(?:(?:Russian?-)?(?:occupied|annexed)\s+)?")
_BEFORE_LAND_RE = re.compile(r"\b[Ii]n\s+(?:the\s+)?(?:temporarily\s+)?(?:(?:Russian?-)?(?:occupied|annexed)\s+)?$")
_OF_GROUP_RE = re.compile(r"\s+(?:of|against|to)\s+(?:the\s+)?")
_LAND_KINDS = ("region", "city", "country", "district", "village", "town", "peninsula")

AbuseList = tuple[str, str, int, int, list[Mention], list[Mention], list[Mention]]


def abuse_lists(text: str, s0: int, orgs: Sequence[Mention], places: Sequence[Mention]) -> list[AbuseList]:
    """The list of grave abuses one sentence (``text``, starting at ``s0``, naming no person) reports, at most one:
    ``(kind, name, start, end, perpetrators, targets, places)``, if its land, who does it or its victims are named."""
    if s0 == 0 or "?" in text or not _GRAVE_RE.search(text):
        return []
    for m in _ABUSE_LIST_RE.finditer(text):
        words = m.group(0)
        if not _GRAVE_RE.search(words) or _NOT_BEFORE_RE.search(text, max(0, m.start() - 60), m.start()):
            continue
        a, b = s0 + m.start(), s0 + m.end()
        low = words.lower()
        # (torture told with ill-treatment, or first: "torture and ill-treatment, denial of medical care"; told among
        # other acts, "enforced disappearances, torture and killings", "arbitrary arrest, detention, and torture", the
        # list is recorded as an ``other`` event)
        kind = "torture" if re.match(r"tortur", low) or "torture" in low and "ill-treatment" in low else "other"
        lands = sorted((p for p in places if _kind(p) in _LAND_KINDS), key=lambda p: p.start)
        where: list[Mention] = []
        pos = b
        for p in lands:  # "in eastern Ukraine and the Crimean Peninsula", "to persons detained in Crimea"
            if p.start < pos or p.start - b > 80:
                continue
            gap = text[pos - s0:p.start - s0]
            if (_AND_LAND_RE.fullmatch(gap) if where else _IN_LAND_RE.fullmatch(gap)):
                where.append(p)
                pos = p.end
            elif where:
                break
        if not where:  # "In Russian-occupied Crimea, human rights monitors have documented ..."
            where = [p for p in lands if p.end <= a and a - p.end <= 100 and _BEFORE_LAND_RE.search(text, 0, p.start - s0)
                     and not re.search(r"[.;:]", text[p.end - s0:m.start()])][-1:]
        if not where:  # the one land the sentence names ("the annexation of Crimea and investigate all cases of ...")
            named = {p.ref: p for p in lands if _kind(p) == "region"}
            where = list(named.values()) if len(named) == 1 and not any(_kind(p) == "country" for p in lands) else []
        perps = [o for o in orgs if 0 <= o.start - b <= 60 and _kind(o) in _STATE_KINDS and re.fullmatch(
            r"[^.;:]*?\bby\s+(?:the\s+)?(?:(?:so-called|de\s+facto|de-facto|Russian|occupation)\s+)*", text[b - s0:o.start - s0])][:1]
        if not perps:  # "committed against prisoners of war ... by Russian authorities - including torture, ..."
            perps = [o for o in orgs if o.end <= a and _kind(o) in _STATE_KINDS and re.search(r"\bby\s+(?:the\s+)?$", text[max(0, o.start - s0 - 8):o.start - s0])
                     and re.fullmatch(r"\s*[-–—,]?\s*(?:including|notably|such\s+as|in\s+particular)\s+", text[o.end - s0:m.start()])][-1:]
        targets = [o for o in orgs if o.entry is not None and o.entry.generic and _kind(o) == "collective" and o not in perps
                   and (0 <= o.start - b <= 12 and _OF_GROUP_RE.fullmatch(text[b - s0:o.start - s0])
                        or o.end <= a and _VICTIMS_GAP_RE.fullmatch(text[o.end - s0:m.start()]))][:1]
        if not (where or perps or targets):
            continue
        name = words[0].upper() + words[1:]
        return [(kind, name, a, b, perps, targets, where)]
    return []
