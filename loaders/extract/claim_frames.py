"""Claims between entities the draft already has, read from frames the other rules do not read.

- a believer named as one of the community whose name is its members' plural: "X, another
  Jehovah's Witness", "X, a Jehovah's Witness from Yalta", "X and all other Jehovah's Witnesses"
  -> ``MEMBER_OF`` the community (not a party or a banned group: that is the charge);
- speakers named together as one subject: "A, B, and C reported that ...", "In a joint statement,
  A and B called ..." -> organisations ``STATES`` one statement or report (the one the draft has one
  of them state, else one for them all); people each their own;
- a speaker whose title names a civic body: "..., said X, ORG's Eastern Europe Director" -> the body
  ``STATES`` the speaker's statement too (the speaker speaks for it);
- a unit whose other name names its body: "UNGA" (also "UN General Assembly") -> the UN,
  "OSCE Permanent Council" -> the OSCE, "the Dzhankoy branch of Jehovah's Witnesses" -> the
  community (``PART_OF``; never a state's own council, nor an official's office);
- a bare title ranked under the title of a body's named leader: "USCIRF Chair X ... said Vice Chair
  Y" -> Y ``LEADS`` that body (not a state's office); a bare office title, "High Commissioner X", leads
  the one office the article names by it ("the OSCE High Commissioner on National Minorities");
- "Prosecutors alleged that X ..." -> the prosecution ``PROSECUTES`` X's case;
- "Ambassador X calls for ..." in a government's statement (the government states X's statement) ->
  X ``WORKS_FOR`` that government, the diplomatic title as role.
"""

from __future__ import annotations

import bisect
import re

from loaders.extract.claims import ClaimDraft, Extraction, quote_span
from loaders.extract.diplomatic_relations import UN_KEY, un_parent
from loaders.extract.gazetteer import load_gazetteer, slug
from loaders.extract.mentions import Mention, Sentence
from loaders.extract.org_seats import org_names
from loaders.extract.release_calls import call_names_holder

__all__ = ["adherents", "effort_agents", "envoys", "joint_reports", "prosecutors_say", "release_holders", "sibling_titles",
           "speakers_bodies", "unit_aliases"]

_NOT_MEMBER_KINDS = ("party", "government", "agency", "court", "police", "prosecutor", "armed_group", "media")
_APPOSED = r",\s+(?:(?:a|an|another|one|the|a\s+fellow|also\s+a)\s+)(?:(?:devout|practising|practicing|local)\s+)?"
_OTHERS = r"\s+and\s+(?:all\s+|many\s+|several\s+|the\s+)?(?:other|fellow)\s+"


def _sent_of(sentences: list[Sentence], starts: list[int], pos: int) -> Sentence:
    return sentences[max(0, bisect.bisect_right(starts, pos) - 1)]


def adherents(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """``MEMBER_OF`` for "X, another Jehovah's Witness" and "X and all other Jehovah's Witnesses"."""
    have = {(c.subject, c.object) for c in ex.claims if c.predicate in ("MEMBER_OF", "LEADS", "WORKS_FOR")}
    starts = [s.start for s in sentences]
    communities: list[tuple[str, re.Pattern[str], re.Pattern[str], re.Pattern[str]]] = []
    for key, e in ex.entities.items():
        if e.label != "Organisation" or e.generic or (e.attributes or {}).get("kind") in _NOT_MEMBER_KINDS:
            continue
        plurals = {n for n in (e.name, *e.aliases) if re.fullmatch(r"(?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*[^s\W]s", n)}
        if not plurals:
            continue
        # the singular of a multi-word plural name ("Jehovah's Witnesses" -> "Jehovah's Witness"): one word names no community
        singular = "|".join(re.sub(r"['’]", "['’]", re.escape(n[:-2] if n.endswith("sses") else n[:-1]))
                            for n in plurals if " " in n)
        if not singular:
            continue
        communities.append((key, re.compile(rf"{_APPOSED}(?:{singular})\b"),
                            re.compile(rf"{_OTHERS}(?:{singular})(?:es)?\b"),
                            re.compile(rf"(?<![\w’'-])(?:{singular})[ \t]+$")))
    if not communities:
        return
    for p in mentions:
        if p.ref not in ex.entities or ex.entities[p.ref].label != "Person":
            continue
        for key, apposed, others, title in communities:
            if (p.ref, key) in have:
                continue
            sent = _sent_of(sentences, starts, p.start)
            mt = apposed.match(text, p.end) or others.match(text, p.end)
            if mt:
                have.add((p.ref, key))
                ex.claim(p.ref, "MEMBER_OF", key, quote_span(text, sent, p.start, mt.end()), 0.65, "adherent")
            elif (before := title.search(text, max(sent.start, p.start - 60), p.start)) is not None:
                # the singular as a title before the name: "including Jehovah's Witness X"
                have.add((p.ref, key))
                ex.claim(p.ref, "MEMBER_OF", key, quote_span(text, sent, before.start(), p.end), 0.65, "adherent")


_REPORT_VERB = r"(?:reported|report|documented|found|concluded|recorded|(?:published|issued|released|presented)\s+(?:a|an|their|its)\s+(?:\w+\s+)?report)"
# The verbs of speaking in their general English forms (present plural and past): assertive ("stated", "stressed"),
# directive ("called on", "urged"), expressive ("condemned", "deplored", "regretted"), and the phrases of a voiced
# attitude ("expressed deep concern", "voiced alarm", "raised concerns").
_SPEECH_VERB = (r"(?:said|say|stated|state|noted|note|wrote|warned|warn|condemned|condemn|denounced|denounce|called|call|"
                r"urged|urge|demanded|demand|welcomed|welcome|expressed|express|stressed|stress|insisted|declared|declare|"
                r"appealed|appeal|emphasi[sz]ed|emphasi[sz]e|underlined|underline|underscored|recalled|recall|reaffirmed|"
                r"reaffirm|reiterated|reiterate|announced|announce|deplored|deplore|regretted|regret|critici[sz]ed|"
                r"critici[sz]e|protested|protest|highlighted|highlight|pointed\s+out|voiced|voice|"
                r"(?:raised|raise)\s+(?:\w+\s+)?(?:concerns?|alarm|the\s+(?:issue|case|matter)))")
# Between the last subject and its verb: auxiliaries and adverbs ("have repeatedly called", "also strongly condemned",
# "jointly", "today"); at most three words.
_VERB_LEAD = r"(?:(?:also|jointly|have|has|had|again|today|yesterday|already|once\s+again|\w{3,}ly)\s+){0,3}"
_AFTER_PREP_RE = re.compile(r"\b(?:for|to|by|of|with|against|from|on|at|in|about|between|and)\s+(?:the\s+)?$", re.IGNORECASE)
_LIST_GAP_RE = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?")
_LIST_END_RE = re.compile(r"\s*,?\s+and\s+(?:the\s+)?")
# Where a subject may open: the sentence's start, after a clause's comma or quote, "that", "and", a date.
_CLAUSE_OPEN_RE = re.compile(r"(?:^\s*|[,;:“”\"]\s*|\b(?:that|and|but|while|also|then|when)\s+)(?:[Tt]he\s+)?$")
_JOINT_VERB_RE = re.compile(rf"\s+{_VERB_LEAD}(?:(?P<rep>{_REPORT_VERB})|{_SPEECH_VERB})\b")


def joint_reports(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """"A, B, and C reported ...", "A and the B have repeatedly called ...": speakers named together as one subject.

    Organisations state one thing together: the statement or report the draft has one of them state, else
    one made for them all. People speak each for themselves: each gets their own statement."""
    starts = [s.start for s in sentences]
    speakers = [m for m in mentions if (e := ex.entities.get(m.ref)) is not None and e.label in ("Organisation", "Person")
                and not e.generic]
    states: dict[str, ClaimDraft] = {}
    for c in ex.claims:
        if c.predicate == "STATES":
            states.setdefault(c.subject, c)
    have = {(c.subject, c.object) for c in ex.claims if c.predicate == "STATES"}
    i = 0
    while i < len(speakers):
        group = [speakers[i]]
        while i + 1 < len(speakers) and speakers[i + 1].label == group[0].label and \
                _LIST_GAP_RE.fullmatch(text, group[-1].end, speakers[i + 1].start):
            i += 1
            group.append(speakers[i])
        i += 1
        sent = _sent_of(sentences, starts, group[0].start)
        if _AFTER_PREP_RE.search(text, sent.start, group[0].start):
            group = group[1:]  # "a report for the UN Committee against Torture, A, B and C reported": not one of the authors
        refs = list(dict.fromkeys(m.ref for m in group))
        if len(refs) < 2 or not _LIST_END_RE.fullmatch(text, group[-2].end, group[-1].start):
            continue  # a list closes with "and": "A, B and C", "A and the B"
        if not _CLAUSE_OPEN_RE.search(text[sent.start:group[0].start]):
            continue  # the list is no subject: "Police detained A and B"
        verb = _JOINT_VERB_RE.match(text[group[-1].end:min(sent.end, group[-1].end + 60)])
        if verb is None:
            continue
        span = quote_span(text, sent, group[0].start, group[-1].end + verb.end())
        if group[0].label == "Person":
            for m in group:
                if m.ref not in states:
                    name = ex.entities[m.ref].name
                    ev = ex.entity(f"event:{slug(name)}-statement", "Event", f"Statement by {name}", kind="statement").key
                    ex.claim(m.ref, "STATES", ev, span, 0.65, "joint-speakers")
            continue
        objects = {states[r].object for r in refs if r in states}
        if len(objects) > 1:
            continue  # several things stated: not one joint statement
        if objects:
            ev = objects.pop()
        else:
            kind = "publication" if verb.group("rep") else "statement"
            first = ex.entities[refs[0]].name
            ev = ex.entity(f"event:{slug(first)}-{'report' if verb.group('rep') else 'statement'}", "Event",
                           f"{'Report' if verb.group('rep') else 'Statement'} by {first}", kind=kind).key
        for r in refs:
            if (r, ev) not in have:
                have.add((r, ev))
                ex.claim(r, "STATES", ev, span, 0.65, "joint-report")
        _joint_assertions(ex, refs, sent.start, sent.end)


# What a speaker reports: the acts and the charges its sentence tells (as the sentence rules give them).
_REPORTED = ("PARTICIPANT_IN", "DEFENDANT_IN", "ACCUSED_OF")


def _joint_assertions(ex: Extraction, refs: list[str], a: int, b: int) -> None:
    """The claims read from the sentence ``text[a:b]`` of a joint subject that name no speaker are the speakers'
    claims: ``asserted_by`` the first named, as a sentence with one speaker has its one (the sentence rules find
    no speaker in a subject of several names)."""
    for c in ex.claims:
        if c.predicate in _REPORTED and c.asserted_by is None and a <= c.span[0] and c.span[1] <= b \
                and c.subject not in refs and c.object not in refs:
            c.asserted_by = refs[0]


_CIVIC = ("ngo",)


def speakers_bodies(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """A civic body ``STATES`` the statement of a speaker whose title in the attribution names it
    ("said X, Amnesty International's Europe Director", "X, Amnesty International's Director for Y, said"),
    unless it makes a statement of its own in the article."""
    starts = [s.start for s in sentences]
    staff = {(c.subject, c.object) for c in ex.claims if c.predicate in ("WORKS_FOR", "LEADS")
             and (ex.entities[c.object].attributes or {}).get("kind") in _CIVIC}
    if not staff:
        return
    said = {c.subject: c.object for c in ex.claims if c.predicate == "STATES"
            and (ex.entities[c.object].attributes or {}).get("kind") == "statement"}
    have = {(c.subject, c.object) for c in ex.claims if c.predicate == "STATES"}
    # A body that speaks for itself in the article (its own statement or report) is not taken to make its
    # staff's statement too ("said Amnesty International in a report ... John Dalhuisen, its Director, said").
    speaks = {c.subject for c in ex.claims if c.predicate == "STATES"}
    orgs = {m.start: m for m in mentions if m.ref in ex.entities and ex.entities[m.ref].label == "Organisation"
            and m.ref not in speaks}
    for p in mentions:
        if p.ref not in said:
            continue
        sent = _sent_of(sentences, starts, p.start)
        gap = _APPOSED_ORG_RE.match(text, p.end)
        o = orgs.get(gap.end()) if gap else None
        # the attribution itself: "said X, ORG's ... Director", "X, ORG's Director for Y, said" (not a later mention)
        if not _SAID_BEFORE_RE.search(text, max(sent.start, p.start - 25), p.start) and not (
                o is not None and _SAID_AFTER_RE.match(text, o.end, min(sent.end, o.end + 90))):
            continue
        if o is None or (p.ref, o.ref) not in staff or (o.ref, said[p.ref]) in have:
            continue
        have.add((o.ref, said[p.ref]))
        ex.claim(o.ref, "STATES", said[p.ref], quote_span(text, sent, max(sent.start, p.start - 25), o.end + 40), 0.65,
                 "speaker-body")


_SAID_BEFORE_RE = re.compile(r"\b(?:said|says|added|stated|noted|told\s+\w+)\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$")
_APPOSED_ORG_RE = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?")
# the title after the body's name, then the speech verb: "’s Director for Eastern Europe and Central Asia, said"
_SAID_AFTER_RE = re.compile(r"(?:’s|'s)\s+[^.;:“\"”,]{1,70}?,?\s+(?:said|says|stated|added|noted)\b")


_UNIT_RE = re.compile(r"\b(?:Assembly|Council|Committee|Commission|Secretariat|Mission|Delegation)\b")
_OFFICIAL_RE = re.compile(r"\b(?:Commissioner|Rapporteur|Spokesperson|Ombudsman|President|Secretary|Minister|Envoy)\b")
_UNIT_OF_RE = re.compile(r"\b(?:branch|office|chapter|division|section|wing|cell|community|congregation|diocese|eparchy|parish)\s+of\s+"
                         r"(?:the\s+)?(?P<body>\S.*)$", re.IGNORECASE)


def unit_aliases(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """``PART_OF`` from a unit to the international body whose name opens one of its names
    ("UN General Assembly", "OSCE Permanent Council"), for the units the name rules missed."""
    have = {(c.subject, c.object) for c in ex.claims if c.predicate == "PART_OF"}
    starts = [s.start for s in sentences]
    names = org_names(ex)
    first: dict[str, Mention] = {}
    for m in mentions:
        first.setdefault(m.ref, m)
    gaz = load_gazetteer()
    for key, e in ex.entities.items():
        if e.label != "Organisation" or e.generic or key not in first:
            continue
        entry = gaz.lookup(e.name)  # "UNGA": the gazetteer knows it as "UN General Assembly"
        for n in (e.name, *e.aliases, *(entry.aliases if entry is not None else ())):
            unit = _UNIT_RE.search(n)
            tail = _UNIT_OF_RE.search(n)
            # "the Dzhankoy branch of Jehovah's Witnesses" (an official's office is not part of the official)
            parent = names.get(tail.group("body")) if tail and not _OFFICIAL_RE.search(tail.group("body")) else None
            if parent is None and (unit is None or unit.start() == 0):
                continue
            head = n[:unit.start()].split() if unit else []
            parent = parent or next((names[" ".join(head[:k])] for k in range(len(head), 0, -1) if " ".join(head[:k]) in names), None)
            if parent == UN_KEY:  # rel7
                parent = un_parent(ex, key, n)
            if parent is None or parent == key or (key, parent) in have or (parent, key) in have:
                continue
            if (ex.entities[parent].attributes or {}).get("kind") in ("government", "agency"):
                continue  # a state's council or committee is a body of its own
            have.add((key, parent))
            m = first[key]
            sent = _sent_of(sentences, starts, m.start)
            ex.claim(key, "PART_OF", parent, quote_span(text, sent, m.start, m.end), 0.6, "unit-alias")
            break


_RANK_RE = re.compile(r"^(?:(?:vice|deputy|co|first\s+deputy|acting|associate)[\s-]+)?(?P<head>.+)$")
# Offices named by their holder's title: "the OSCE High Commissioner on National Minorities", "the Ombudsman".
_OFFICE_RE = re.compile(r"\b(?:High\s+Commissioner|Commissioner|Special\s+Rapporteur|Ombudsman|Ombudsperson|Secretary[\s-]General|"
                        r"Special\s+Representative|Special\s+Envoy)\b", re.IGNORECASE)
_STATE_KINDS = ("government", "agency", "police", "prosecutor", "court", "armed_group")


def sibling_titles(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """"USCIRF Chair X ... said Vice Chair Y": a bare title that ranks under (or equals) the title one
    organisation's named leader holds in the article gives ``LEADS`` of that organisation, when no other
    organisation has a leader of that title (a civic or international body, never a state's office)."""
    led: dict[str, set[str]] = {}
    for c in ex.claims:
        role = str(c.qualifiers.get("role", "")).lower()
        e = ex.entities[c.object]
        if c.predicate == "LEADS" and role and not e.generic and (e.attributes or {}).get("kind") not in _STATE_KINDS:
            head = _RANK_RE.match(role)
            if head:
                led.setdefault(head.group("head"), set()).add(c.object)
    # (an office is its holder's, a state's ombudsman's too: no kind is left out here)
    offices = [k for k, e in ex.entities.items() if e.label == "Organisation" and not e.generic and _OFFICE_RE.search(e.name)]
    if not led and not offices:
        return
    tied = {c.subject for c in ex.claims if c.predicate in ("LEADS", "WORKS_FOR", "MEMBER_OF")}
    starts = [s.start for s in sentences]
    for p in mentions:
        if not p.role or p.ref in tied or p.ref not in ex.entities or ex.entities[p.ref].label != "Person":
            continue
        head = _RANK_RE.match(p.role.lower())
        orgs = led.get(head.group("head"), set()) if head else set()
        if not orgs and _OFFICE_RE.fullmatch(p.role.strip()):
            # "High Commissioner X" where the article names the "OSCE High Commissioner on National Minorities"
            orgs = {k for k in offices if re.search(rf"\b{re.escape(p.role.strip())}\b", ex.entities[k].name, re.IGNORECASE)}
        if len(orgs) != 1:
            continue
        org = next(iter(orgs))
        tied.add(p.ref)
        sent = _sent_of(sentences, starts, p.start)
        ex.claim(p.ref, "LEADS", org, quote_span(text, sent, max(sent.start, p.start - len(p.role) - 1), p.end), 0.6,
                 "sibling-title", role=p.role)


_PROSECUTOR_VERB_RE = re.compile(r"\s+(?:had\s+|have\s+|has\s+|also\s+|later\s+)*(?:alleged|allege|demanded|requested|sought|asked\s+for|"
                                 r"accused|accuse|charged|claimed|claim|argued|insisted)\b")


def prosecutors_say(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """"Prosecutors alleged that X recruited members", "the prosecutor demanded 12 years for X": the
    prosecution ``PROSECUTES`` the case of the defendant the sentence names after the verb."""
    cases = {c.subject: c.object for c in ex.claims if c.predicate == "DEFENDANT_IN"}
    if not cases:
        return
    have = {(c.subject, c.object) for c in ex.claims if c.predicate == "PROSECUTES"}
    starts = [s.start for s in sentences]
    for i, o in enumerate(mentions):
        e = ex.entities.get(o.ref)
        if e is None or e.label != "Organisation" or not re.search(r"\bprosecut", e.name + " " + o.text, re.IGNORECASE):
            continue
        mt = _PROSECUTOR_VERB_RE.match(text, o.end)
        if mt is None:
            continue
        sent = _sent_of(sentences, starts, o.start)
        who = next((m for m in mentions[i + 1:] if m.start >= mt.end() and m.ref in cases), None)
        if who is None or who.end > sent.end or (o.ref, cases[who.ref]) in have:
            continue
        have.add((o.ref, cases[who.ref]))
        ex.claim(o.ref, "PROSECUTES", cases[who.ref], quote_span(text, sent, o.start, who.end), 0.6, "prosecutors-say")


_ENVOY_RE = re.compile(r"^(?:(?:Deputy|Permanent|Acting|Special)\s+)*(?:Ambassador|Chargé\s+d[’']Affaires(?:\s+a\.?\s*i\.?|\s+ad\s+interim)?|"
                       r"Envoy|Consul(?:\s+General)?|Representative|Spokesperson|Spokesman|Spokeswoman)$", re.IGNORECASE)


def envoys(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """"Ambassador X calls for ..." in a government's statement: a diplomat or spokesperson whose statement is
    the government's (the document's) serves that government: ``WORKS_FOR`` with the title as role."""
    gov_states = {c.object: c.subject for c in ex.claims if c.predicate == "STATES" and
                  (ex.entities[c.subject].attributes or {}).get("kind") == "government" and not ex.entities[c.subject].generic}
    if not gov_states:
        return
    tied = {c.subject for c in ex.claims if c.predicate in ("LEADS", "WORKS_FOR", "MEMBER_OF")}
    speaks = {c.subject: c.object for c in ex.claims if c.predicate == "STATES" and c.object in gov_states}
    starts = [s.start for s in sentences]
    for p in mentions:
        if p.ref in tied or p.ref not in speaks or not p.role or not _ENVOY_RE.match(p.role.strip()):
            continue
        tied.add(p.ref)
        sent = _sent_of(sentences, starts, p.start)
        ex.claim(p.ref, "WORKS_FOR", gov_states[speaks[p.ref]], quote_span(text, sent, max(sent.start, p.start - len(p.role) - 1), p.end),
                 0.6, "envoy", role=p.role.strip())


_HOLDER_KINDS = ("government", "collective", "security_service", "police", "prosecutor")
# Before the one called on: "calls on", "call upon", "urged", "demand from".
_CALL_ON_RE = re.compile(r"\b(?:call(?:s|ed|ing)?\s+(?:on|upon)|urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?\s+from)\s+(?:the\s+)?$",
                         re.IGNORECASE)
# After it: "to stop ... and release illegally detained", "to release immediately": the release may come second in the call,
# joined by "and" (a ";" would start another demand), and the held may be named as "illegally detained".
_RELEASE_LATER_RE = re.compile(r"\s+to\s+(?:[^.;:]{0,110}?\s+and\s+)?(?:(?:immediately|unconditionally|promptly|urgently)\s+(?:and\s+)?){0,2}"
                               r"(?:release|free)\s+(?:(?:immediately|unconditionally|without\s+delay)\s+)?(?:the\s+)?"
                               r"(?:(?:illegally|unlawfully|arbitrarily|unjustly)\s+(?:detained|imprisoned|held|jailed)\s+)?")
_NAME_GAP_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def release_holders(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """"Ukraine calls on the Russian Federation to stop ... and release illegally detained A, B and C": the one called
    on holds them: ``PARTICIPANT_IN`` (perpetrator) of each one's detention the draft has, when it has no perpetrator yet
    and the sentence says the one called on holds them (:func:`loaders.extract.release_calls.call_names_holder`; the
    plainer "calls on Russia to release X" is :mod:`loaders.extract.release_calls`')."""
    detention: dict[str, str] = {}
    for c in ex.claims:
        if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "target" \
                and (ex.entities[c.object].attributes or {}).get("kind") == "detention":
            detention.setdefault(c.subject, c.object)
    if not detention:
        return
    done = {c.object for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "perpetrator"}
    people = [m for m in mentions if m.ref in detention]
    starts = [s.start for s in sentences]
    for o in mentions:
        e = ex.entities.get(o.ref)
        if e is None or e.label != "Organisation" or (e.attributes or {}).get("kind") not in _HOLDER_KINDS \
                or not _CALL_ON_RE.search(text, max(0, o.start - 40), o.start):
            continue
        rel = _RELEASE_LATER_RE.match(text, o.end)
        if rel is None:
            continue
        sent = _sent_of(sentences, starts, o.start)
        at = rel.end()
        held: list[Mention] = []
        for p in people:
            if p.start < at or p.end > sent.end:
                continue
            gap = text[at:p.start]
            if not (held and _NAME_GAP_RE.fullmatch(gap) or not held and re.fullmatch(r"(?:[A-Z][\w.’'-]*\s+|[a-z]+\s+){0,3}?", gap)):
                break
            held.append(p)
            at = p.end
        for p in held:
            ev = detention[p.ref]
            if ev in done:
                continue
            span = quote_span(text, sent, o.start, p.end)
            if call_names_holder(text, sent, span[0], ev):
                done.add(ev)
                ex.claim(o.ref, "PARTICIPANT_IN", ev, span, 0.5, "perpetrator:detention:release-call", role="perpetrator")


# "described the verdict as “part of an orchestrated effort by ORG to ...”", "called X’s detention “a reminder of the
# ongoing practice of ORG to ...”": the act is one of the agency's.
_EFFORT_BEFORE_RE = re.compile(r"\b(?:part\s+of|a\s+reminder\s+of|an?\s+(?:example|instance|sign)\s+of)\s+(?:an?\s+|the\s+)?"
                               r"(?:[\w-]+\s+){0,2}(?:effort|campaign|practice|policy|attempt)s?\s+(?:by|of)\s+(?:the\s+)?"
                               r"(?:(?:de\s+facto|so-called)\s+)?$", re.IGNORECASE)
_EFFORT_AFTER_RE = re.compile(r"(?:\s+in\s+(?:[A-Z][\w’'-]*\s+){1,3}?)?\s*to\s+[a-z]+")
# The act the sentence describes, before the frame: "the verdict", "X’s detention", "Semena's sentencing".
_EFFORT_ACT_RE = re.compile(r"\b(?:the|[Tt]his|[Tt]hat|(?P<owner>[A-Z][\w-]*)(?:’s|'s))\s+(?P<act>verdict|sentence|sentencing|conviction|"
                            r"detention|arrest)\b")
_EFFORT_KINDS = {"verdict": "verdict", "sentence": "verdict", "sentencing": "verdict", "conviction": "verdict",
                 "detention": "detention", "arrest": "arrest"}


def effort_agents(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """"RFE/RL described the verdict as “part of an orchestrated effort by Russian authorities in Crimea to silence
    independent voices”": the agency whose effort, campaign or practice the act is part of did it (``PARTICIPANT_IN``,
    perpetrator) when the draft has that act (the one event of its kind in the article, or the one of the person
    named before "’s") and no perpetrator for it yet."""
    targets: dict[str, dict[str, str]] = {}
    by_kind: dict[str, set[str]] = {}
    for c in ex.claims:
        if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "target":
            kind = (ex.entities[c.object].attributes or {}).get("kind", "")
            targets.setdefault(kind, {}).setdefault(c.subject, c.object)
            by_kind.setdefault(kind, set()).add(c.object)
    if not by_kind:
        return
    # (an act whose doer the draft already has gets the practice's agent too: "X was detained by FSB agents ... “This
    # detention is a reminder of the ongoing practice of the de facto authorities”", README round 10 second set, point 3)
    done = {(c.subject, c.object) for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "perpetrator"}
    starts = [s.start for s in sentences]
    for o in mentions:
        e = ex.entities.get(o.ref)
        if e is None or e.label != "Organisation" or (e.attributes or {}).get("kind") not in _HOLDER_KINDS \
                or not _EFFORT_BEFORE_RE.search(text, max(0, o.start - 80), o.start) or not _EFFORT_AFTER_RE.match(text, o.end):
            continue
        sent = _sent_of(sentences, starts, o.start)
        acts = list(_EFFORT_ACT_RE.finditer(text, sent.start, o.start))
        if not acts:
            continue
        m = acts[-1]
        kind = _EFFORT_KINDS[m.group("act")]
        if m.group("owner"):
            owners = [p for p in mentions if p.label == "Person" and p.start == m.start("owner")]
            ev = targets.get(kind, {}).get(owners[0].ref) if owners else None
        else:
            evs = by_kind.get(kind, set())
            ev = next(iter(evs)) if len(evs) == 1 else None
        if ev is None or (o.ref, ev) in done:
            continue
        done.add((o.ref, ev))
        ex.claim(o.ref, "PARTICIPANT_IN", ev, quote_span(text, sent, m.start(), o.end), 0.5, f"perpetrator:{kind}:effort",
                 role="perpetrator")
