"""Acts of states and international bodies on a whole people or a territory, by linguistic form.

- a deportation of a people ("the Soviet Union's campaign to forcibly deport the entire Tatar
  population from their ancestral homeland of Crimea", "the 1944 deportation of the Crimean
  Tatars", "Crimean Tatars were deported from Crimea"): one ``other`` event per people, the
  state that did it (a possessive before the noun or verb, or after "by") its perpetrator, and the
  land they were deported from its place. A person deported is the person rules' ``transfer``. A count of
  the people ("the deportation of more than 200,000 Crimean Tatars from their homeland in Crimea") and Ukraine's
  name for the act, the genocide with its year ("the 1944 genocide of the Crimean Tatars"), name the same event.
- a numbered resolution ("UN General Assembly Resolution 68/262", "resolution 2202 (2015)"): an event
  of the body named right before it ("the UN General Assembly's resolution 68/262") or after "adopted
  by"; the body ``STATES`` it, as an organisation its report. The resolutions listed after it share
  its body ("The UN General Assembly's Resolution 68/262 ... and Resolution 73/263 ...",
  "... of March 27, 2014; Resolution 76/179 on ...; and Resolution 76/70 on ..."), and so do those a
  body the sentence opens on recalls ("The Parliamentary Assembly recalls previous resolutions ...,
  in particular Resolution 1990 (2014) on ..., Resolution 2034 (2015) on ..."). The annotators of
  three splits record a resolution told with its subject as a ``publication`` of its body, and one
  that affirms a state's territorial integrity, or is cited by its number alone, as an ``other`` act.
- a transfer of people the sentence does not name from one land to another ("Russia ... has
  forcibly transferred these individuals from occupied Crimea to Russia"): an ``other`` event,
  the state before the verb its perpetrator, the land they were taken to its place.

- transfers of detainees the sentence does not name ("transfers of detained persons from Crimea to
  the territory of the Russian Federation", "many are subsequently illegally deported to the Russian
  Federation"): an ``other`` event, the lands they were taken to its places.

Each finder reads one sentence and returns :class:`loaders.extract.acts.Act`-like tuples
(kind, name, start, end, perpetrators, participants, places).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from loaders.extract.collective_phrases import PEOPLE_KEYS
from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import Mention
from loaders.extract.regex_buckets import Prefiltered

if TYPE_CHECKING:
    from loaders.extract.claims import Extraction

__all__ = ["deportations", "detainee_transfers", "resolutions", "group_transfers", "canonical_deportation", "agreements",
           "DEPORTATION_OF_CRIMEAN_TATARS"]

StateAct = tuple[str, int, int, list[Mention], list[Mention], list[Mention]]

# A whole people: "the entire Tatar population", "the Crimean Tatar people", "Crimean Tatars", "the Chechens".
_PEOPLE = (r"(?:the\s+)?(?:(?:entire|whole)\s+)?(?:(?:Crimean\s+)?Tatars?|[A-Z][a-z]+(?:ans|ens|ers|ese))"
           r"(?:\s+(?:people|population|nation|community))?")
# A count of the people deported ("the deportation of more than 200,000 Crimean Tatars") is the whole people's
# deportation, the event of history (dev7's gold), not a group of its own.
_COUNT = r"(?:(?:more\s+than|over|some|nearly|almost|about|around|up\s+to)\s+)?\d{1,3}(?:,\d{3})+\s+"
_DEPORT_RE = re.compile(r"\b(?:(?:forcibly|forcible|forced(?:ly)?|mass)\s+)?(?:deport(?:ation|ations)?\s+of\s+|deport(?:ed|ing)?\s+)"
                        r"(?:(?:all|some|most|nearly|almost)\s+(?:of\s+)?|" + _COUNT + r")?(?P<people>" + _PEOPLE + r")\b")
# The same act named as the genocide of the people with its year ("the 1944 genocide of the Crimean Tatars",
# "the genocide of the Crimean Tatar people in 1944": Ukraine's official name for the deportation).
_GENOCIDE_RE = re.compile(r"\b(?:1944\s+genocide\s+of\s+(?P<people>(?:the\s+)?Crimean\s+Tatars?(?:\s+people)?)\b"
                          r"|genocide\s+of\s+(?P<people2>(?:the\s+)?Crimean\s+Tatars?(?:\s+people)?)\s+(?:in|of)\s+1944\b)")
# "Crimean Tatars were deported", "Crimean Tatar children, women and men were forcibly deported".
_DEPORTED_RE = re.compile(r"(?P<people>\b(?:Crimean\s+)?Tatars?(?:\s+(?:people|population|nation)|\s+(?:children|women|men|families|"
                          r"elders)(?:,\s+(?:children|women|men|families|elders))*(?:,?\s+and\s+(?:children|women|men|families|elders))?)?)"
                          r"\s+(?:were|was|had\s+been)\s+(?:\w+ly\s+)?deported\b")
# "the 1944 deportation", "the Deportation": the deportation of the people the sentence names nearby.
_BARE_RE = Prefiltered(re.compile(r"\b(?:the\s+)?(?:1944\s+|mass\s+|Stalinist\s+|Soviet\s+)*deportation\b(?!\s+of)", re.IGNORECASE))
# "the 80th anniversary of the deportation of ...": a commemoration states the act (a rally "in memory of" it does not)
_ANNIVERSARY_RE = Prefiltered(re.compile(r"\banniversary\s+of\s+(?:the\s+)?$", re.IGNORECASE))
_STATE_BEFORE_RE = re.compile(r"(?:’s|'s)\s+(?:[\w-]+\s+){0,3}?(?:(?:campaign|decision|policy|order)\s+to\s+)?"
                              r"(?:(?:forcibly|forced)\s+)?$")
_NUMBERED_RESOLUTION_RE = Prefiltered(re.compile(r"\b[Rr]esolution\s+(?:No\.?\s*)?(?P<num>\d{1,4}(?:/\d{1,4})?)(?:\s*\(\d{4}\))?"))
_BODY_BEFORE_RE = re.compile(r"^(?:(?:’s|'s)\s+)?(?:\s*\(\w+\)\s*)?\s*$")


def _kind(m: Mention) -> str:
    return str(m.entry.attributes.get("kind", "")) if m.entry is not None else ""


def deportations(text: str, s0: int, orgs: Sequence[Mention], places: Sequence[Mention]) -> list[StateAct]:
    """(name, start, end, perpetrators, participants, places) for each deportation of a people in the sentence."""
    out: list[StateAct] = []
    low = text.lower()
    if "deport" not in low and "genocide" not in low:
        return out
    found = [m for rx in (_DEPORT_RE, _DEPORTED_RE, _GENOCIDE_RE) for m in rx.finditer(text)]
    found.sort(key=lambda m: m.start())
    if not found and "deport" in low and re.search(r"\bTatars?\b", text):
        found = list(_BARE_RE.finditer(text))
    for m in found[:1]:  # one people, one deportation a sentence
        a, b = s0 + m.start(), s0 + m.end()
        people = m.groupdict().get("people") or m.groupdict().get("people2") or "the Crimean Tatars"
        tatars = "Tatar" in people or "Tatar" in text
        if m.re is _DEPORT_RE and "Tatar" not in people and re.search(r"\d", text[m.start():m.start("people")]):
            continue  # (a count of another people's members is a transfer of people, not a people's deportation)
        name = "Deportation of the Crimean Tatars" if tatars else f"Deportation of {re.sub(r'^the ', '', people)}"
        states = [o for o in orgs if _kind(o) == "government"]
        perps = [o for o in states if o.end <= a and a - o.end <= 60 and _STATE_BEFORE_RE.search(text[o.end - s0:m.start()])]
        # after "by" any agent will do: "deported ... by Soviet authorities", "by the NKVD"
        perps = perps or [o for o in orgs if 0 <= o.start - b <= 60 and re.fullmatch(r"[^.;]*?\bby\s+(?:the\s+)?",
                                                                                    text[m.end():o.start - s0])]
        where = [p for p in places if 0 <= p.start - b <= 80 and not re.search(r"[.;]|\bto\b", text[m.end():p.start - s0])
                 and re.search(r"\bfrom\b", text[m.end():p.start - s0])][:1]
        # the people deported, as the target, where the sentence names it (the Crimean Tatars' collective)
        people_m = [o for o in orgs if o.entry is not None and o.entry.key in PEOPLE_KEYS and tatars
                    and abs(o.start - a) <= 80][:1]
        # "the deportation of the Crimean Tatars" names the event of history even without its agent; the people is
        # its target where the sentence tells the act (an agent, the land, "forced"), not where it only recalls it
        # ("a rally in memory of the deportation of Crimean Tatars")
        named = bool(people_m) and (m.re is _DEPORT_RE and "deportation" in m.group(0).lower() or m.re is _GENOCIDE_RE)
        told = bool(perps or where) or re.match(r"(?:forc|mass|1944|genocide)", m.group(0), re.IGNORECASE) is not None \
            or _ANNIVERSARY_RE.search(text, 0, m.start()) is not None
        if perps or where or named:
            out.append((name, a, max([b, *(p.end for p in where)]), perps[-1:], people_m if told else [], where))
    return out


# The deportation of the Crimean Tatars (1944) is one event of history: the corpus keys it once, in every article.
DEPORTATION_OF_CRIMEAN_TATARS = "event:crimean-tatar-deportation-1944"


def canonical_deportation(ex: Extraction) -> None:
    """Re-key the drafted deportation of the Crimean Tatars to :data:`DEPORTATION_OF_CRIMEAN_TATARS`."""
    old = "event:deportation-of-the-crimean-tatars"
    if old not in ex.entities or DEPORTATION_OF_CRIMEAN_TATARS in ex.entities:
        return
    ex.rekey(old, DEPORTATION_OF_CRIMEAN_TATARS)


def resolutions(text: str, s0: int, orgs: Sequence[Mention]) -> list[tuple[str, str, int, int, list[Mention]]]:
    """(kind, name, start, end, bodies) for each numbered resolution a body named with it adopted."""
    out: list[tuple[str, str, int, int, list[Mention]]] = []
    if "esolution" not in text or s0 == 0:  # (a title naming the resolution is the document itself)
        return out
    last: list[Mention] = []
    last_end = -1
    # "The Parliamentary Assembly recalls previous resolutions ..., in particular Resolution 1990 (2014)"
    opener = [o for o in orgs if o.start - s0 <= 8 and _OPENING_BODY_RE.match(text[:o.start - s0])
              and _RECALLS_RE.match(text, o.end - s0)][:1]
    for m in _NUMBERED_RESOLUTION_RE.finditer(text):
        a, b = s0 + m.start(), s0 + m.end()
        body = [o for o in orgs if o.end <= a and a - o.end <= 8 and _BODY_BEFORE_RE.match(text[o.end - s0:m.start()])]
        body = body or [o for o in orgs if 0 <= o.start - b <= 60 and re.fullmatch(
            r"[^.;]*?\b(?:adopted|passed|approved)\s+by\s+(?:the\s+)?", text[m.end():o.start - s0])]
        # A resolution is a document its body states, whatever it affirms and however it is cited (the corpus's
        # round-10 convention decision 3: resolution 68/262 on territorial integrity is a publication too).
        kind = "publication"
        if not body:
            # "..., and Resolution 73/263 on ...": the body of the resolution listed before, else the opener's
            body = last if last and _LISTED_RE.search(text, last_end, m.start()) else opener
        if body:
            out.append((kind, f"Resolution {m.group('num')}", a, b, body[-1:]))
            last, last_end = body[-1:], m.end()
    return out


# Between two resolutions of one list: the first's title and date, then a separator ("; and", ", and", ", ").
_LISTED_RE = re.compile(r"(?:[,;]\s+(?:and\s+)?|\s+and\s+)$")
_OPENING_BODY_RE = re.compile(r"^\s*(?:\d{1,2}\.\s+)?(?:The\s+)?$")
_RECALLS_RE = re.compile(r"\s+(?:recalls|recalled|refers\s+to|reaffirms|reaffirmed|reiterates)\b[^.;]{0,80}?\bresolutions\b")


_GROUP_TRANSFER_RE = re.compile(r"\b(?:forcibly\s+|illegally\s+)?(?:transferred|deported|moved|transported|relocated)\s+"
                                r"(?:(?:these|those|the|many|some|dozens\s+of|hundreds\s+of|\d+)\s+)?(?:[\w-]+\s+){0,2}?"
                                r"(?:individuals|prisoners|detainees|people|persons|residents|Ukrainians|Tatars|convicts|"
                                r"political\s+prisoners)\s+from\s+(?:the\s+)?(?:(?:illegally\s+)?(?:occupied|annexed)\s+)?$")


def group_transfers(text: str, s0: int, orgs: Sequence[Mention], places: Sequence[Mention]) -> list[StateAct]:
    """(name, start, end, perpetrators, participants, places) for each transfer of unnamed people between two lands."""
    out: list[StateAct] = []
    low = text.lower()
    if not any(w in low for w in ("transferred", "deported", "moved", "transported", "relocated")):
        return out
    for src in places:
        m = _GROUP_TRANSFER_RE.search(text[max(0, src.start - s0 - 150):src.start - s0])
        if m is None:
            continue
        a = src.start - len(m.group())
        dst = next((p for p in places if 0 <= p.start - src.end <= 12
                    and re.fullmatch(r"\s+to\s+(?:the\s+)?", text[src.end - s0:p.start - s0])), None)
        states = [o for o in orgs if _kind(o) == "government" and o.end <= a and a - o.end <= 150
                  and not re.search(r"[;:]", text[o.end - s0:a - s0])][-1:]
        if dst is None or not states:
            continue
        name = f"Forcible transfer of people from {_name(src)} to {_name(dst)}"
        out.append((name, a, dst.end, states, [], [dst]))
    return out


def _name(m: Mention) -> str:
    return m.entry.name if m.entry is not None else m.text


_DETAINEES = (r"(?:detained\s+(?:persons|people|Ukrainians|civilians|Crimean\s+Tatars)|detainees|prisoners(?:\s+of\s+war)?|"
              r"convicts|political\s+prisoners|civilian\s+detainees|(?:illegally\s+)?detained\s+Ukrainian\s+civilians)")
# "transfers of detained persons from Crimea to the territory of the Russian Federation", "illegal transfers of detainees
# to detention centers in Russia" (round 14: the places of detention in the land, dev5)
_TRANSFERS_OF_RE = re.compile(r"\b(?:(?:forcible|illegal|unlawful|forced)\s+)?(?:transfers?|deportations?)\s+of\s+(?:the\s+)?"
                              + _DETAINEES + r"\s+(?:from\s+(?:the\s+)?(?:(?:occupied|annexed)\s+)?(?P<src>[A-Z][\w ]{1,30}?)\s+)?"
                              r"to\s+(?:the\s+)?(?:(?:territory|(?:pre-trial\s+)?detention\s+(?:cent(?:re|er)s?|facilit(?:y|ies))|prisons?|"
                              r"(?:penal\s+)?colon(?:y|ies))\s+(?:of|in)\s+(?:the\s+)?)?$", re.IGNORECASE)
# "Many are subsequently illegally deported to the Russian Federation", "Many of them have been transferred to
# detention centres on the peninsula, and sometimes to the Russian Federation": an indefinite many, not "both were
# transported to Russia" (people named before).
_PASSIVE_TRANSFER_RE = Prefiltered(re.compile(r"\b(?:[Mm]any|[Ss]ome|[Mm]ost|[Dd]ozens|[Hh]undreds|[Tt]housands|[Ss]everal|[Oo]thers|detainees|prisoners|"
                                  r"civilians|captives)(?:\s+of\s+(?:them|these|those|the\s+\w+))?\s+(?:are|were|have\s+been|had\s+been|being|get)\s+(?:(?:subsequently|then|later|often|also|"
                                  r"illegally|forcibly|unlawfully)\s+){0,3}(?:deported|transferred|transported|moved)\s+to\s+"
                                  r"(?:(?:the\s+)?(?:detention\s+(?:centres|centers|facilities)|prisons|penal\s+colonies)\s+"
                                  r"(?:on|in)\s+)?(?:the\s+)?$", re.IGNORECASE))
_AND_TO_RE = re.compile(r",?\s+(?:and\s+)?(?:(?:sometimes|often|later|then|also|even)\s+)?to\s+(?:the\s+)?$")


def detainee_transfers(text: str, s0: int, places: Sequence[Mention]) -> list[StateAct]:
    """(name, start, end, perpetrators, participants, places) for transfers of detainees the sentence does not name
    (the caller leaves alone sentences that name people)."""
    low = text.lower()
    if not any(w in low for w in ("transfer", "deport", "moved", "transported")):
        return []
    ordered = sorted(places, key=lambda p: p.start)
    for i, p in enumerate(ordered):
        pa = p.start - s0
        m = _TRANSFERS_OF_RE.search(text, max(0, pa - 160), pa) or _PASSIVE_TRANSFER_RE.search(text, max(0, pa - 160), pa)
        if m is None:
            continue
        where = [p]
        for q in ordered[i + 1:]:  # "to detention centres on the peninsula, and sometimes to the Russian Federation"
            if _AND_TO_RE.fullmatch(text[where[-1].end - s0:q.start - s0]):
                where.append(q)
        if m.re is _TRANSFERS_OF_RE and m.group("src") and not any(x.start == s0 + m.start("src") for x in ordered):
            continue  # "from X": X must be a land the gazetteer knows
        return [(f"Transfers of detainees to {_name(where[-1])}", s0 + m.start(), where[-1].end, [], [], where)]
    return []


# --- round 15 (evother15): an agreement states reached, named by the city where it was struck ---
# "its commitments made under the Minsk agreements" (State Department), "its commitments under the Minsk agreements"
# (the U.S. Mission to the OSCE), "the provisions of the Minsk Agreements" (the European Parliament), "implement the
# Minsk Agreement" (Japan's mission in Geneva), "until the Minsk agreements are fully implemented" (Lithuania's
# President), "the commitments Russia made in the Minsk peace plan" (VOA): the annotators of dev, dev2, dev4 and dev7
# record the agreement as one ``other`` event (the key its name's, "event:minsk-agreements"), the state whose
# commitments under it the sentence names a participant. The city is a place of the gazetteer (whose mention the
# mention rules drop before the accord's noun); an agreement is struck, a founding document ("the Helsinki Final Act",
# "the Budapest Memorandum", "the Geneva Conventions": documents, README k12) is not, so its nouns are left alone.
_AGREEMENT_RE = Prefiltered(re.compile(r"\b(?P<city>[A-Z][a-z]{2,})\s+(?P<what>[Aa]greements?|[Pp]eace\s+(?:[Pp]lan|[Dd]eal|[Aa]greements?)|"
                           r"[Cc]ease-?fire\s+[Aa]greements?)(?![\w-])"))
# The state that took on commitments under it: "Russia ... (all of) its commitments (made) under", "the commitments
# Russia made in".
_ITS_COMMITMENTS_RE = Prefiltered(re.compile(r"\bits\s+(?:[\w-]+\s+){0,2}?(?:commitments|obligations)\s+(?:made\s+|undertaken\s+)?(?:under|in)\s+"
                                 r"(?:the\s+)?$"))
_MADE_IN_RE = re.compile(r"^\s+(?:has\s+|had\s+)?(?:made|undertook|undertaken|took\s+on)\s+(?:under|in)\s+(?:the\s+)?$")


def agreements(text: str, s0: int, orgs: Sequence[Mention]) -> list[tuple[str, int, int, list[Mention]]]:
    """(name, start, end, parties) for each agreement named by its city in one sentence."""
    if "greement" not in text and "eace" not in text and "ease" not in text:
        return []
    places = load_gazetteer().places  # (the gazetteer's places: the city)
    out: list[tuple[str, int, int, list[Mention]]] = []
    for m in _AGREEMENT_RE.finditer(text):
        city = places.get(m.group("city"))
        if city is None or city.attributes.get("kind") != "city":
            continue
        a, b = s0 + m.start(), s0 + m.end()
        states = [o for o in orgs if _kind(o) == "government" and o.end <= a]
        parties: list[Mention] = []
        lo = max(0, m.start() - 60)
        if _ITS_COMMITMENTS_RE.search(text, lo, m.start()) and states:
            its = _ITS_COMMITMENTS_RE.search(text, lo, m.start())
            before = [o for o in states if its is not None and o.end <= s0 + its.start()
                      and not re.search(r"[;:]", text[o.end - s0:its.start()])]
            parties = before[-1:]
        else:
            made = [o for o in states if _MADE_IN_RE.match(text[o.end - s0:m.start()])
                    and text[max(0, o.start - s0 - 20):o.start - s0].rstrip().endswith(("commitments", "obligations"))]
            parties = made[-1:]
        what = m.group("what").lower()
        noun = "agreements" if what.startswith("agreement") else re.sub(r"\s+", " ", what)
        out.append((f"{m.group('city')} {noun}", parties[0].start if parties else a, b, parties))
    return out
