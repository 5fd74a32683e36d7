"""A court's ban of an organisation is a case against it: "a court ruling declaring the Mejlis an
extremist organization", "the Supreme Court's ruling to uphold the ban of the Mejlis", "the court
banned ORG as extremist", "ORG was declared extremist and banned by the Supreme Court".

The organisation is ``DEFENDANT_IN`` its own ``LegalCase`` ("Case to ban ORG"); where the sentence
says what the court called it ("extremist", "terrorist", "undesirable"), that is the charge, also as
``ACCUSED_OF``. Only a court's act makes a case: "Hizb ut-Tahrir, a group banned in Russia" (a ban
mentioned in passing, no court named) is left out, and so are state bodies and generic actors.
"A case brought by the Prosecutor's Office against ORG" before a court is the ban case where the sentence names a ban
or what one is for ("under anti-extremism legislation"); "on charges of extremism" is its charge.

The court's steps in that case are events (``_court_steps``): "COURT began hearing a case ... against ORG",
"proceedings began at COURT ... with the aim of banning ORG" (a ``hearing``), "COURT rejected the appeal of ORG" (an
``appeal``), with the court as ``judge``, the organisation as ``target``, ``PART_OF`` the case.
"""

from __future__ import annotations

import bisect
import re

from loaders.extract.case_links import charging_bodies
from loaders.extract.claims import Extraction, quote_span
from loaders.extract.gazetteer import key_stem
from loaders.extract.mentions import Mention, Sentence

__all__ = ["ban_cases"]

# Organisations a court may ban (not a state body, a court, a newspaper's owner state...).
_BANNABLE = ("ngo", "representative_body", "party", "media", "other", "religious", "collective")
_COURT_RE = re.compile(r"\b(?:court|courts|ruling|judgment|judgement|verdict|judges?|decision\s+to\s+ban)\b", re.IGNORECASE)
# The ban in front of the organisation: "declaring ORG", "the ban of ORG", "banned ORG", "liquidation of ORG".
_BAN_BEFORE_RE = re.compile(r"\b(?:declar(?:e|es|ed|ing)|(?:ban|banning|prohibition|liquidation|outlawing|suspension)\s+(?:of|on)|"
                            r"bann(?:ed|ing)|bans|barred|to\s+ban|outlaw(?:s|ed|ing)?|liquidat(?:e|es|ed|ing)|prohibit(?:s|ed|ing)?|suspend(?:s|ed|ing)?|"
                            # "a case brought by the Prosecutor's Office against ORG" (with a court and a ban's law named)
                            r"(?P<against>(?:case|proceedings|lawsuit)\s+(?:[^.;,“”\"]{0,60}?\s+)?against))\s+"
                            r"(?:the\s+)?(?:activities\s+of\s+(?:the\s+)?)?(?:[^.;,“”\"]{0,60}?(?:\bas\s+[‘'“\"]?(?:extremist|terrorist|undesirable)[’'”\"]?)?,\s+"
                            r"(?:the\s+)?)?$", re.IGNORECASE)
# The ban after the organisation: "ORG was declared extremist", "ORG was banned by the Supreme Court".
_BAN_AFTER_RE = re.compile(r"(?:,[^.;,]{1,60},)?\s+(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?(?:declared|designated|"
                           r"recognized|recognised|labelled|labeled|banned|outlawed|liquidated|prohibited)\b", re.IGNORECASE)
# "ORG as an 'extremist' organization", "ORG, labelled extremist"
_CALLED_AS_RE = re.compile(r"(?:’s|'s)?\s*(?:,\s*)?(?:as|labell?ed|branded|designated|of\s+being)\s+(?:an?\s+)?[‘'“\"]?(?P<label>extremist|terrorist|"
                           r"undesirable)[’'”\"]?(?:\s+(?:organi[sz]ation|group|movement))?", re.IGNORECASE)
# Without a court in the sentence: a request, call or decision "to ban" ORG, with the label said.
_ANY_BAN_RE = re.compile(r"\bto\s+ban\b", re.IGNORECASE)
_NAMED_BAN_RE = re.compile(r"to\s+ban\b", re.IGNORECASE)
# What the court called it: the charge.
_LABEL_RE = re.compile(r"\b(?P<label>extremist|terrorist|undesirable)\b|\bcharges?\s+of\s+(?P<ism>extremism|terrorism)\b", re.IGNORECASE)
# A case against the organisation is a ban case where the sentence names what a ban is for.
_BAN_LAW_RE = re.compile(r"\b(?:ban|banning|banned|liquidat\w*|extremis[mt]|anti-extremism|terroris[mt]|undesirable)\b", re.IGNORECASE)


def _charge(label: re.Match[str] | None) -> str | None:
    """What the court called the organisation ("extremist organization"), or the charge named ("extremism")."""
    if label is None:
        return None
    ism = label.groupdict().get("ism")
    return ism.lower() if ism else f"{label.group('label').lower()} organization"


def ban_cases(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """Add a ``LegalCase`` with ``DEFENDANT_IN`` (and ``ACCUSED_OF`` where labelled) for each
    organisation a court bans in one sentence of the article."""
    orgs = [m for m in mentions if (e := ex.entities.get(m.ref)) is not None and e.label == "Organisation"
            and not e.generic and (e.attributes or {}).get("kind") in _BANNABLE]
    starts = [m.start for m in orgs]
    have = {c.subject for c in ex.claims if c.predicate == "DEFENDANT_IN"}
    unlabelled: dict[str, str] = {}  # organisation -> its ban case, where the ban's sentence gave no label
    for sent in sentences:
        court = _COURT_RE.search(sent.text) is not None
        if not court and not _ANY_BAN_RE.search(sent.text):
            continue
        for o in orgs[bisect.bisect_left(starts, sent.start):bisect.bisect_left(starts, sent.end)]:
            if (o.ref in have and o.ref not in unlabelled) or o.end > sent.end:
                continue
            before = _BAN_BEFORE_RE.search(text, max(sent.start, o.start - 110), o.start)
            after = None if before else _BAN_AFTER_RE.match(text, o.end, sent.end)
            if before is None and after is None:
                continue
            a, b = (before.start(), o.end) if before else (o.start, after.end())  # type: ignore[union-attr]
            label = _LABEL_RE.search(text, a, min(sent.end, b + 80))
            charge = _charge(label)
            if before is not None and before.group("against") and not _BAN_LAW_RE.search(sent.text):
                continue  # a case against ORG that names no ban nor what one is for
            if not court and (charge is None or before is None or not _NAMED_BAN_RE.match(before.group())):
                continue  # no court: only a ban (or a request for one) that says what it calls the organisation
            if label:
                b = max(b, label.end())
            if o.ref in unlabelled:  # the title named the ban, this sentence what the ban calls ORG
                if charge:
                    ex.claim(o.ref, "ACCUSED_OF", unlabelled.pop(o.ref), quote_span(text, sent, a, b), 0.55, "case:ban-label", charge=charge)
                continue
            name = ex.entities[o.ref].name
            case = f"case:{key_stem(o.ref)}-ban"
            ex.entity(case, "LegalCase", f"Case to ban {name}")
            span = quote_span(text, sent, a, b)
            have.add(o.ref)
            if not court:
                # "barred by the authorities as 'extremist', the Mejlis", "a request to ban ORG as an extremist
                # organisation": the accusation is said, the proceedings (a defendant before a court) are not.
                ex.claim(o.ref, "ACCUSED_OF", case, span, 0.55, "case:ban-named", charge=charge)
                continue
            ex.claim(o.ref, "DEFENDANT_IN", case, span, 0.6, "case:ban", procedural_status="convicted", charge=charge)
            if charge:
                ex.claim(o.ref, "ACCUSED_OF", case, span, 0.6, "case:ban", charge=charge)
            else:
                unlabelled[o.ref] = case
    # "We reject the characterization of the Mejlis as an 'extremist' organization": the label the ban
    # gave, said in another sentence of the article.
    for o in orgs:
        if o.ref not in unlabelled:
            continue
        label = _CALLED_AS_RE.match(text, o.end)
        if label is None:
            continue
        where = next((s for s in sentences if s.start <= o.start < s.end), None)
        if where is None:
            continue
        charge = _charge(label)
        ex.claim(o.ref, "ACCUSED_OF", unlabelled.pop(o.ref), quote_span(text, where, o.start, label.end()), 0.55, "case:ban-label",
                 charge=charge)
    # The ban itself, and an appeal against it, are steps of that case.
    cases = {c.subject: c.object for c in ex.claims if c.predicate == "DEFENDANT_IN" and c.object.endswith("-ban")}
    if cases:
        _court_steps(text, sentences, mentions, ex, cases)
        charging_bodies(text, sentences, mentions, ex, cases)  # "a case brought by the Prosecutor's Office against ORG"
    placed = {c.subject for c in ex.claims if c.predicate == "PART_OF"}
    for c in list(ex.claims):
        if c.predicate == "PARTICIPANT_IN" and c.subject in cases and c.qualifiers.get("role") == "target" \
                and c.object not in placed and (ex.entities[c.object].attributes or {}).get("kind") in ("other", "appeal", "verdict", "trial", "hearing"):
            placed.add(c.object)
            ex.claim(c.object, "PART_OF", cases[c.subject], c.span, 0.55, "ban-case")


# A court's step in the ban case, in front of the organisation: "COURT began hearing a case brought by ... against
# ORG", "proceedings began at COURT ... with the aim of banning the activities of ORG", "COURT rejected the appeal of ORG".
_STEP_BEFORE_RE = re.compile(
    r"\b(?:(?P<hearing>(?:began|begun|started|opened|resumed|continued)\s+(?:hearing|considering|examining)\s+(?:a|the)\s+"
    r"(?:criminal\s+|civil\s+|administrative\s+)?case\b[^.;]{0,80}?\bagainst)"
    r"|(?P<proceedings>proceedings\b[^.;]{0,80}?\b(?:began|begun|started|opened)\b[^.;]{0,60}?\b(?:to\s+ban|banning))"
    r"|(?P<appeal>(?:rejected|dismissed|upheld|refused|granted|heard|considered)\s+(?:the\s+|an\s+)?(?:cassation\s+)?appeal\s+"
    r"(?:of|by|from|filed\s+by|lodged\s+by)))\s+(?:the\s+activities\s+of\s+)?(?:the\s+)?$", re.IGNORECASE)


def _court_steps(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction, cases: dict[str, str]) -> None:
    """The hearing or appeal of an organisation's ban case that a sentence says a named court held: an event with the
    court as ``judge`` and the organisation as ``target`` (made a step of the case below)."""
    courts = [m for m in mentions if (e := ex.entities.get(m.ref)) is not None and (e.attributes or {}).get("kind") == "court"]
    if not courts:
        return
    held = {(c.subject, (ex.entities[c.object].attributes or {}).get("kind")) for c in ex.claims
            if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "target" and c.object in ex.entities}
    for o in sorted((m for m in mentions if m.ref in cases), key=lambda m: m.start):
        sent = next((s for s in sentences if s.start <= o.start < s.end), None)
        if sent is None:
            continue
        step = _STEP_BEFORE_RE.search(text, max(sent.start, o.start - 200), o.start)
        if step is None:
            continue
        kind = "appeal" if step.group("appeal") else "hearing"
        # the court: named before the step's verb ("COURT rejected ..."), or inside the proceedings' phrase
        court = [c for c in courts if sent.start <= c.start and c.end <= (step.end() if step.group("proceedings") else step.start())]
        if not court or (o.ref, kind) in held:
            continue
        held.add((o.ref, kind))
        name = ex.entities[o.ref].name
        ev = f"event:{key_stem(o.ref)}-ban-{kind}"
        ex.entity(ev, "Event", f"{kind.capitalize()} in the case to ban {name}", kind=kind)
        ex.trigger(ev, step.start(), step.end())
        ex.claim(court[-1].ref, "PARTICIPANT_IN", ev, quote_span(text, sent, court[-1].start, o.end), 0.6, f"judge:ban-{kind}", role="judge")
        ex.claim(o.ref, "PARTICIPANT_IN", ev, quote_span(text, sent, step.start(), o.end), 0.6, f"event:ban-{kind}", role="target")
