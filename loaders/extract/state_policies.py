"""Policies a state imposes on the people of a land it occupies, by linguistic form.

Governments, parliaments and the Council of Europe name three of them in fixed words, and the annotators of
dev, valid, dev4 and dev5 (four publishers' styles: the European Parliament, the Council of Europe, the UK
Parliament, Ukraine's human rights commissioner) record each as one ``other`` event, the state its
perpetrator and the occupied land its place:

- the imposition of Russian citizenship: "the forced imposition of Russian citizenship", "all Ukrainian
  citizens who remained in the occupied territory have had Russian citizenship forcibly imposed on them",
  "the legislative position that Russia has taken, particularly in giving people Russian nationality".
  Told of people the article names ("Both were ... forcibly assigned Russian citizenship") it is their own
  plight, not the policy: the words must stand with an occupied land (a region the sentence names, or "the
  occupied territory");
- the extension of a state's law to the land: "Russia illegally extended the application of its law to
  Crimea", "Russia has illegally extended its legislation to the temporarily occupied territories of
  Ukraine", "Russia has imposed its legislation in the occupied territory of Crimea", and the noun with its
  land ("the unlawful imposition of laws, jurisdiction and administration in occupied Crimea by ..."). The
  state must be the verb's subject ("its law"): "occupation authorities continue to impose the laws of the
  Russian Federation" (no annotator records it) and "does not recognise the enforcement of Russian
  legislation" (a recognition formula) are left alone;
- the conscription of the land's people into an army: "The conscription of the Crimean people into the
  Russian army", "campaigns conscripting Crimean residents into the Russian Federation armed forces": the
  army (when the text names one) its perpetrator, the land the people's adjective names its place.
  ("X was conscripted into the Russian army", a verb with the army after it, is
  :mod:`loaders.extract.acts`'s.)

:func:`state_policies` reads one sentence and returns tuples in the shape of
:func:`loaders.extract.group_abuses.group_abuses` (name, start, end, perpetrators, targets, places, land); a
perpetrator may be a word mention of the state ("Russian citizenship": Russia), a ``Location`` whose
government the caller records.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from loaders.extract.collective_phrases import PEOPLE_KEYS
from loaders.extract.gazetteer import GazetteerEntry
from loaders.extract.mentions import Mention
from loaders.extract.regex_buckets import Prefiltered
from loaders.extract.territory_acts import media_stops

if TYPE_CHECKING:
    from loaders.extract.claim_model import Extraction

__all__ = ["state_policies", "canonical_citizenship", "CRIMEA_FORCED_CITIZENSHIP"]

Policy = tuple[str, int, int, list[Mention], list[Mention], list[Mention], str]

_CITIZENSHIP = r"Russian\s+(?:citizenship|nationality|passports)"
_CITIZENSHIP_RE = Prefiltered(re.compile(
    r"\b(?:(?:forced|forcible|compulsory|automatic|illegal|unlawful)\s+)?(?:imposition|issuance|granting|issuing)\s+of\s+" + _CITIZENSHIP
    + r"|\b" + _CITIZENSHIP + r"\s+(?:(?:forcibly|illegally|unlawfully|automatically)\s+)?imposed\s+on\b"
    r"|\b(?:giving|granting|imposing|issuing|forcing)\s+(?:(?:people|residents|inhabitants|everyone|them)\s+)?" + _CITIZENSHIP))
# "the occupied territory", "the temporarily occupied territories of Ukraine"
_OCCUPIED_LAND_RE = re.compile(r"\b(?:temporarily\s+)?occupied\s+(?:territory|territories|peninsula)\b")
# The state's own law, extended or imposed: "Russia (has) illegally extended the application of its law to".
_EXTENDED_RE = re.compile(r"\s+(?:has\s+|had\s+)?(?:\w+ly\s+)?(?:extended|imposed|applied)\s+(?:the\s+(?:application|jurisdiction)\s+of\s+)?"
                          r"its\s+(?:own\s+)?(?:laws?|legislation|jurisdiction)\s+(?:to|in|on|over)\s+(?:the\s+)?")
_IMPOSITION_RE = Prefiltered(re.compile(r"\b(?:(?:illegal|unlawful|forcible|forced)\s+)?imposition\s+of\s+(?:Russian\s+)?(?:laws?|legislation)\b"
                            r"(?:,?\s+(?:and\s+)?(?:[\w-]+\s+){0,2}?(?:jurisdiction|administration|practices))*"
                            r"\s+(?:in|on|to)\s+(?:the\s+)?(?:(?:temporarily\s+)?occupied\s+)?", re.IGNORECASE))
_CONSCRIPTION_RE = Prefiltered(re.compile(r"\b(?:(?:forced|forcible|illegal|unlawful)\s+)?(?:conscription|mobili[sz]ation|conscripting|mobili[sz]ing)"
                              r"\s+(?:of\s+)?(?:the\s+)?(?P<who>(?P<adj>[A-Z][\w’'-]+)\s+(?:people|residents|men|population|inhabitants|"
                              r"Tatars|citizens))\s+(?:in|into)\s+(?:the\s+)?"))
_ARMY_RE = re.compile(r"(?:Russian\s+(?:Federation\s+)?)?(?:army|armed\s+forces|military)\b", re.IGNORECASE)


def _kind(m: Mention) -> str:
    return str(m.entry.attributes.get("kind", "")) if m.entry is not None else ""


def _state(m: Mention) -> bool:
    return _kind(m) == "government" or (m.label == "Location" and _kind(m) == "country")


def _russia(text: str, s0: int, orgs: Sequence[Mention], lo: int, hi: int) -> list[Mention]:
    """The state: Russia's government mention of the sentence, else the word "Russian" at [lo, hi) as Russia."""
    gov = [o for o in orgs if _kind(o) == "government" and o.ref in ("org:russian-federation", "org:russia")]
    if gov:
        return gov[:1]
    m = re.search(r"\bRussian?\b", text[lo - s0:hi - s0])
    if m is None:
        return []
    return [Mention(lo + m.start(), lo + m.end(), "Russia", "Location", ref="place:russia")]


def _lands(places: Sequence[Mention]) -> list[Mention]:
    """The occupied land the sentence names: its places that are no country."""
    return list({p.ref: p for p in places if _kind(p) != "country"}.values())[:1]


def state_policies(text: str, s0: int, orgs: Sequence[Mention], places: Sequence[Mention]) -> list[Policy]:
    """The policies of an occupying state one sentence (``text``, starting at ``s0``) reports."""
    out: list[Policy] = []
    if s0 == 0:
        return out  # (a title: a headline's words)
    if "Russian" in text and any(w in text for w in ("citizenship", "nationality", "passports")):
        m = _CITIZENSHIP_RE.search(text)
        lands = _lands(places)
        if m is not None and (lands or _OCCUPIED_LAND_RE.search(text)):
            a, b = s0 + m.start(), s0 + m.end()
            out.append(("Forced imposition of Russian citizenship", a, b, _russia(text, s0, orgs, a, b), [], lands,
                        "" if lands else "Crimea"))
        elif m is None:
            out.extend(forced_citizenship(text, s0, orgs, places))
    if "legislation" in text or "law" in text:
        for o in orgs:
            m = _EXTENDED_RE.match(text, o.end - s0) if _state(o) else None
            if m is None:
                continue
            where = [p for p in places if s0 + m.end() <= p.start <= s0 + m.end() + 60 and _kind(p) != "country"][:1]
            land = "" if where else "Crimea" if _OCCUPIED_LAND_RE.match(text, m.end()) else None
            if land is not None:
                out.append(("Imposition of Russian law", o.start, s0 + m.end(), [o], [], where, land))
                break
        else:
            im = _IMPOSITION_RE.search(text)
            where = [p for p in places if im is not None and p.start == s0 + im.end() and _kind(p) != "country"]
            if im is not None and where:
                a, b = s0 + im.start(), where[0].end
                by = [o for o in orgs if _state(o) and 0 <= o.start - b <= 30 and re.fullmatch(r"\s+by\s+(?:the\s+)?", text[b - s0:o.start - s0])]
                out.append(("Imposition of Russian law", a, b, by or _russia(text, s0, [], a, b), [], where, ""))
    if "conscript" in text or "mobili" in text:
        for m in _CONSCRIPTION_RE.finditer(text):
            army = _ARMY_RE.match(text, m.end())
            if army is None:
                continue
            perps = [o for o in orgs if o.start <= s0 + m.end() + 4 and s0 + m.end() <= o.end and _kind(o) == "military"]
            adj = m.group("adj")
            lands = [p for p in places if s0 + m.start("who") <= p.start < s0 + m.end("who")]
            land = "Crimea" if adj == "Crimean" and not lands else ""
            out.append((f"Conscription of {m.group('who')}", s0 + m.start(), s0 + m.end() + army.end() - army.start(), perps, [],
                        lands, land))
            break
    for name, a, b, outlets, where, land in media_stops(text, s0, orgs, places):
        out.append((name, a, b, [], outlets, where, land))
    if "access" in text or "entry" in text:
        out.extend(access_denials(text, s0, orgs, places))
    if "leaders" in text:
        out.extend(leader_bans(text, s0, orgs, places))
    if " from " in text:
        out.extend(assembly_bans(text, s0, orgs, places))
    out.extend(committed_abuses(text, s0, orgs, places))
    return out


# A people's leaders kept out of their land, the annotators' one ``other`` event (dev3, dev6: "Ban on ... leaders
# re-entering the peninsula"), its target the people ("their leaders") or the leaders' collective, its perpetrator the
# agency that exiled them, its place the land they may not re-enter:
# - "(the rights of the Crimean Tatars have been violated ...) through the ban on their leaders re-entering the peninsula";
# - "(including) two Crimean Tatar leaders who have been barred from returning";
# - "Russian authorities have already forcibly exiled or jailed Crimean Tatar leaders".
_THEIR_LEADERS_RE = Prefiltered(re.compile(r"\bban\s+on\s+their\s+leaders\s+(?:re-?entering|returning\s+to|entering)\s+"))
_BARRED_RE = re.compile(r"\s+who\s+(?:have|has|had)\s+been\s+(?:barred|banned|prevented)\s+from\s+(?:returning|re-?entering)\b"
                        r"(?:\s+to)?\s*")
_EXILED_RE = Prefiltered(re.compile(r"\s+(?:(?:have|has|had)\s+)?(?:(?:already|also|\w+ly)\s+)*exiled(?:\s+or\s+(?:jailed|imprisoned))?\s+$"))


def _leaders(m: Mention) -> bool:
    """A collective of a people's leaders ("Crimean Tatar leaders", "two Crimean Tatar leaders")."""
    return m.entry is not None and m.entry.generic and re.search(r"\bleaders$", m.text) is not None


def leader_bans(text: str, s0: int, orgs: Sequence[Mention], places: Sequence[Mention]) -> list[Policy]:
    """A people's leaders barred from (or exiled out of) their land, at most one a sentence."""
    for m in _THEIR_LEADERS_RE.finditer(text):
        where = [p for p in places if p.start == s0 + m.end()]
        people = [o for o in orgs if o.end <= s0 + m.start() and o.entry is not None and o.entry.key in PEOPLE_KEYS][-1:]
        if where and people:
            return [(f"Ban on the leaders of the {people[0].entry.name if people[0].entry else people[0].text} returning",
                     s0 + m.start(), where[0].end, [], people, where, "")]
    for o in orgs:
        if not _leaders(o):
            continue
        bm = _BARRED_RE.match(text, o.end - s0)
        if bm is not None:
            where = [p for p in places if p.start == s0 + bm.end() and _kind(p) != "country"]
            return [(f"Ban on {_leaders_name(o)} returning", o.start, where[0].end if where else s0 + bm.end(), [], [o], where, "")]
        em = _EXILED_RE.search(text, max(0, o.start - s0 - 60), o.start - s0)
        if em is None:
            continue
        by = [x for x in orgs if x.end == s0 + em.start() and _agency(x)]
        if by:
            return [(f"Ban on {_leaders_name(o)} returning", by[0].start, o.end, by, [o], [], "")]
    return []


def _leaders_name(m: Mention) -> str:
    return re.sub(r"^(?:the|two|three|four|five|six|several|\d+)\s+", "", m.text)


# Monitors kept out of the land, the agency the verb's subject (the active voice only: "international observers have been
# denied access" names no one, and the annotators of dev and valid2 leave the passive out): "Russia impedes access to
# Crimea for international human rights groups, including X", "(authorities) have consistently denied international
# observers access to the peninsula", "de facto authorities have refused entry to international and regional human rights
# mechanisms, among them, X and Y". The land must follow "access to"/"entry to" or stand in the sentence; "deny access by
# monitoring organisations to the detention facilities" (a prison, not the land) is left alone.
_DENIED_RE = Prefiltered(re.compile(r"\b(?:impedes?|impeded|obstructs?|obstructed|blocks?|blocked|denie[sd]|deny|refused?|refuses)\s+"
                        r"(?P<who>(?:[\w’'-]+\s+){0,5}?)(?P<what>access|entry)\s+(?:to|into)\s+"
                        r"(?P<land>(?:the\s+)?(?:[Pp]eninsula|occupied\s+Crimea|Crimea)\b|(?=international|regional|UN\b|OSCE\b))"))
# Between the agency and the verb: an auxiliary, an adverb, other acts of the same subject ("have silenced X and").
_AGENT_GAP_RE = re.compile(r"(?:[”\"]\s*)?(?:\s+(?:have|has|had|continues?\s+to|continued\s+to))?(?:\s+(?:also|still|\w+ly))?"
                           r"(?:\s+[a-z]+ed\b[^.;:]{0,120}?\s+and(?:\s+(?:have|has|had))?(?:\s+\w+ly)?)?\s+")


def _agency(m: Mention) -> bool:
    """A state or its authorities (a government, "the de facto authorities", "Russian occupation authorities")."""
    return _state(m) or "authorities" in m.ref or "authorit" in (m.entry.name.lower() if m.entry is not None else m.text.lower())


def access_denials(text: str, s0: int, orgs: Sequence[Mention], places: Sequence[Mention]) -> list[Policy]:
    """Monitors kept out of an occupied land by the state or its authorities, at most one a sentence."""
    for m in _DENIED_RE.finditer(text):
        a = s0 + m.start()
        by = [o for o in [*orgs, *places] if o.end <= a and _agency(o) and _AGENT_GAP_RE.fullmatch(text[o.end - s0:m.start()])]
        if not by:
            continue
        perp = max(by, key=lambda o: o.end)
        end = text.find(";", m.end())
        end = s0 + (len(text) if end < 0 else end)
        targets = [o for o in orgs if a <= o.start and o.end <= end and not _agency(o)]
        where = [p for p in places if _kind(p) != "country" and s0 + m.start("land") <= p.start < s0 + m.end("land")]
        land_named = bool(m.group("land")) or re.search(r"\bCrimea\b|\b[Pp]eninsula\b", text) is not None
        if not land_named:
            continue
        where = where or _lands(places)
        b = max([s0 + m.end(), *(o.end for o in targets)])
        out: list[Policy] = [("Access to Crimea denied to monitors", min(a, perp.start), b, [perp], targets, where,
                              "" if where else "Crimea")]
        return out
    return []


# Crimes a state commits in the lands it occupies, as governments' statements word them (dev7: two statements of
# Ukraine's missions, their annotator's ``other`` event with the state as perpetrator and each land as a place):
# "violations and abuses of human rights, international law and international humanitarian law committed by the
# Russian Federation in the temporary occupied territories of the Donetsk and Luhansk regions and Crimea", "Russia shall
# be brought to accountability for its crimes committed in the occupied Crimea and Donbas". The state must be named:
# "by X" after the words, or "its" with one state before. (A quoted characterisation, "the “multiple and grave
# violations” committed by the Russian Federation in Crimea" (dev), no annotator records: the words must run on.)
_COMMITTED_RE = Prefiltered(re.compile(r"\b(?P<what>crimes|violations|abuses|atrocities)(?:\s+(?:and|or)\s+(?:crimes|violations|abuses))?"
                           r"(?:\s+of\s+(?:(?:[\w-]+\s+){0,2}?(?:human\s+rights|law)(?:,\s+|,?\s+and\s+)?){1,4})?"
                           r"\s*committed\s+(?:by\s+(?:the\s+)?(?P<by>[A-Z][^,.;:]{1,40}?)\s+)?(?:in|on)\s+(?:the\s+)?"))
# Between the lands: a list of them and their words ("the temporary occupied territories of the", "regions and").
_LANDS_GAP_RE = re.compile(r"(?:\s+|,|\b(?:and|temporar(?:y|ily)|occupied|territor(?:y|ies)|of|the|regions?|oblasts?|city|"
                           r"cities|Autonomous|Republic)\b)*")
_ITS_BEFORE_RE = re.compile(r"\bits\s+$")


def committed_abuses(text: str, s0: int, orgs: Sequence[Mention], places: Sequence[Mention]) -> list[Policy]:
    """Crimes or violations a named state commits in named lands, at most one a sentence."""
    if "committed" not in text:
        return []
    for m in _COMMITTED_RE.finditer(text):
        a, b = s0 + m.start(), s0 + m.end()
        if m.group("by"):
            by = [x for x in [*orgs, *places] if _state(x) and s0 + m.start("by") <= x.start and x.end <= s0 + m.end("by")][:1]
        elif _ITS_BEFORE_RE.search(text, max(0, m.start() - 10), m.start()):
            named = {x.ref: x for x in [*orgs, *places] if _state(x) and x.end <= a}
            by = list(named.values()) if len(named) == 1 else []
        else:
            by = []
        lands: list[Mention] = []
        end = b
        for p in sorted((p for p in places if p.start >= b and _kind(p) != "country"), key=lambda p: p.start):
            if not _LANDS_GAP_RE.fullmatch(text[end - s0:p.start - s0]):
                break
            lands.append(p)
            end = p.end
        if by and lands:
            name = f"{m.group('what').capitalize()} committed in {lands[0].entry.name if lands[0].entry else lands[0].text}"
            return [(name, min(a, by[0].start), end, by, [], lands, "")]
    return []


# --- round 15 (evother15): a people's rights taken away, told with the people as the passive verb's subject ---
# Heads of state, foreign ministries and UN missions sum up what the occupying state does to a people in short passive
# clauses whose subject is the people (a generic collective), no agent named; the annotators of dev7 (two publishers:
# Lithuania's President, Ukraine's mission in Geneva) record each as one ``other`` event, the people its target:
# - the freedom of assembly taken away: "Tatars are banned from organizing meetings and rallies", "Tatars are
#   prohibited from conducting meetings, celebrating important traditional events" (the verbs of prohibition of
#   human-rights reporting, the nouns of assembly of the freedom of peaceful assembly);
# - citizenship imposed on a people: "Tatars are forced to adopt Russian citizenship", "all residents of Crimea and
#   Sevastopol were actually forced to obtain the Russian citizenship" (the nominal and active forms are the frame of
#   :func:`state_policies` above); the lands inside the people's own words ("residents of Crimea and Sevastopol")
#   are its places.
# (A person so barred or forced is the person rules' travel ban or citizenship; "leaders ... barred from returning"
# is :func:`leader_bans`.)
# (the people's own land may follow its mention: "all residents" "of Crimea and Sevastopol")
_PASSIVE_AUX = r"(?P<land>\s+(?:of|in|from)\s+(?:the\s+)?[A-Z][\w’'-]*(?:(?:\s+|,\s+|,?\s+and\s+)[A-Z][\w’'-]*){0,4})?"\
               r"\s+(?:are|were|have\s+been|had\s+been|has\s+been|is|was)\s+(?:(?:\w+ly|also|still|now|even|often)\s+)?"
_ASSEMBLY = (r"(?:meetings|rallies|gatherings|assemblies|demonstrations|protests|pickets|commemorations|"
             r"(?:mass|public|commemorative)\s+events)")
_ASSEMBLY_BAN_RE = re.compile(_PASSIVE_AUX + r"(?:banned|prohibited|forbidden|barred|prevented)\s+from\s+"
                              r"(?:organi[sz]ing|holding|conducting|staging|attending|taking\s+part\s+in)\s+"
                              r"(?:(?:any|public|peaceful|mass|their)\s+)?" + _ASSEMBLY + r"\b")
_FORCED_CITIZENSHIP_RE = re.compile(_PASSIVE_AUX + r"(?:forced|compelled|coerced|made)\s+to\s+(?:adopt|obtain|take|accept|"
                                    r"acquire|receive|apply\s+for)\s+(?:the\s+)?" + _CITIZENSHIP + r"\b")


def _people_subject(m: Mention) -> bool:
    """A people or a generic collective of people: the subject of the passive clauses above."""
    return m.entry is not None and (m.entry.key in PEOPLE_KEYS or m.entry.generic and _kind(m) == "collective")


def _people_name(m: Mention) -> str:
    return m.entry.name if m.entry is not None and m.entry.key in PEOPLE_KEYS else re.sub(r"^(?:the|all)\s+", "", m.text)


def _own_lands(o: Mention, m: re.Match[str], s0: int, places: Sequence[Mention]) -> list[Mention]:
    """The lands inside the people's words ("all residents of Crimea and Sevastopol")."""
    hi = s0 + m.end("land") if m.group("land") else o.end
    return [p for p in places if o.start <= p.start and p.end <= hi and _kind(p) != "country"]


# The people by its bare name, which the mention finder leaves to the article's alias ("Tatars are banned from ..."
# after "the Crimean Tatars" earlier): the people's collective, as :mod:`loaders.extract.group_abuses` names it.
_PEOPLE_KEY = "crimean-tatar-community-generic"  # (the one key of collective_phrases.PEOPLE_KEYS)
_BARE_PEOPLE_RE = Prefiltered(re.compile(r"(?:(?<=^)|(?<=\s))(?:[Tt]he\s+)?Tatars(?![\w’'-])"))


def _subjects(text: str, s0: int, orgs: Sequence[Mention]) -> list[Mention]:
    """The people subjects of the sentence: its people mentions, else the people's bare name."""
    found = [o for o in orgs if _people_subject(o)]
    for m in _BARE_PEOPLE_RE.finditer(text):
        if not any(o.start <= s0 + m.start() < o.end for o in orgs):
            entry = GazetteerEntry(_PEOPLE_KEY, "Organisation", "Crimean Tatars", (), {"kind": "collective"}, generic=True)
            found.append(Mention(s0 + m.start(), s0 + m.end(), m.group(), "Organisation", ref=f"org:{_PEOPLE_KEY}", entry=entry))
    return found


def assembly_bans(text: str, s0: int, orgs: Sequence[Mention], places: Sequence[Mention]) -> list[Policy]:
    """A people banned from holding meetings or rallies (the passive, the people its subject), at most one a sentence."""
    if not any(w in text for w in ("banned", "prohibited", "forbidden", "barred", "prevented")):
        return []
    for o in _subjects(text, s0, orgs):
        m = _ASSEMBLY_BAN_RE.match(text, o.end - s0)
        if m is not None:
            where = _own_lands(o, m, s0, places) or [
                p for p in places if 0 <= p.start - (s0 + m.end()) <= 20 and _kind(p) != "country"
                and re.fullmatch(r"\s+in\s+(?:the\s+)?(?:(?:temporarily\s+)?occupied\s+)?", text[m.end():p.start - s0])][:1]
            return [(f"Ban on meetings and rallies of {_people_name(o)}", o.start, s0 + m.end(), [], [o], where, "")]
    return []


def forced_citizenship(text: str, s0: int, orgs: Sequence[Mention], places: Sequence[Mention]) -> list[Policy]:
    """A people forced to take Russian citizenship (the passive, the people its subject), at most one a sentence."""
    if "forced" not in text and "compelled" not in text and "coerced" not in text and "made" not in text:
        return []
    for o in _subjects(text, s0, orgs):
        m = _FORCED_CITIZENSHIP_RE.match(text, o.end - s0)
        if m is not None:
            where = _own_lands(o, m, s0, places)
            return [("Forced imposition of Russian citizenship", o.start, s0 + m.end(), [], [o], where, "")]
    return []


# Round 15 (follow15): the imposition of Russian citizenship on the people of Crimea is one policy of history, keyed once for
# the corpus (dev4 r13, dev5 p04 p08, dev7 k02 k07 share ``event:crimea-forced-russian-citizenship``), as
# :func:`loaders.extract.annexations.canonical_annexation` keys the annexation.
CRIMEA_FORCED_CITIZENSHIP = "event:crimea-forced-russian-citizenship"
_DRAFTED_CITIZENSHIP = "event:forced-imposition-of-russian-citizenship"
_CRIMEA_PLACES = frozenset({"place:crimea", "place:sevastopol"})
_CRIMEA_PEOPLE = frozenset({"org:crimean-people-generic", "org:crimean-tatar-community-generic"})


def canonical_citizenship(ex: Extraction) -> None:
    """Re-key the drafted imposition of Russian citizenship to :data:`CRIMEA_FORCED_CITIZENSHIP` when it is Crimea's: its
    places all Crimea (or Sevastopol), or, with no place, its target a people of Crimea (the Crimean Tatars, the
    Crimeans); left as drafted where it stands in another land or names neither."""
    if _DRAFTED_CITIZENSHIP not in ex.entities or CRIMEA_FORCED_CITIZENSHIP in ex.entities:
        return
    where = {c.object for c in ex.claims if c.subject == _DRAFTED_CITIZENSHIP and c.predicate == "LOCATED_IN"}
    whom = {c.subject for c in ex.claims if c.object == _DRAFTED_CITIZENSHIP and c.predicate == "PARTICIPANT_IN"
            and c.qualifiers.get("role") == "target"}
    if where - _CRIMEA_PLACES or not (where or whom & _CRIMEA_PEOPLE):
        return
    ex.rekey(_DRAFTED_CITIZENSHIP, CRIMEA_FORCED_CITIZENSHIP)
