"""Co-defendants: the cases an article ties to another defendant's case.

- "X's alleged accomplice, activist Y", "Y, X's co-defendant" -> Y is a defendant, and X's case
  ``LINKED_TO`` Y's case;
- "the prosecutor asked for 23 years for X and 10 years for Y" -> both are defendants (the
  request names each), and the first one's case ``LINKED_TO`` the case of each one named after;
- "Y, another Jehovah's Witness prosecuted in Yalta" -> Y is a defendant of a case of its own (no link).
- "the prosecutor has requested that X should be sentenced to 15 years", "the prosecutor asked the court to
  sentence X", "X was given a harsher sentence than the prosecutor requested" -> the prosecutor (the body named, or
  a generic one as the sentence calls it) ``PROSECUTES`` X's case.

The principal defendant's case (the one the others are named as accomplices or co-defendants of; else the one named
first) is the subject, each other one's the object (round 13, conv13c's use J); "and his co-defendant, Y" is read like
"X's co-defendant, Y"; "another ... prosecuted" makes a defendant but no link.
Called from :func:`loaders.extract.cases.more_cases`, which passes its ``add`` (a defendant with a case).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from loaders.extract.claim_model import Extraction, quote_span
from loaders.extract.gazetteer import slug
from loaders.extract.mentions import Mention, Sentence

__all__ = ["co_defendants", "accusation_phrases", "charged_subjects", "charging_bodies"]

# "X was arrested and charged by Russian authorities", "X, prosecuted by the FSB": the body that charges
# (and the body that investigates: "X's case is being investigated by the FSB", "X is under investigation by ORG")
_CHARGED_BY_RE = re.compile(r"\b(?:charged|prosecuted|indicted|(?P<acc>accused|suspected)|(?P<inv>investigated|under\s+(?:criminal\s+)?investigation))\s+by\s+"
                            r"(?:the\s+)?$",
                            re.IGNORECASE)
# "the Russian authorities charged X", "Russian prosecutors have indicted X"
# ("ORG is prosecuting X", "ORG continues to prosecute X"; "ORG is investigating X": the investigator)
_CHARGES_RE = re.compile(r"^\s+(?:have\s+|has\s+|had\s+|later\s+|also\s+|is\s+|are\s+|was\s+|were\s+|still\s+)*(?:charged|prosecuted|indicted|"
                         r"prosecut(?:es|ing)|(?:continues?|continued|continuing)\s+to\s+prosecute|(?P<inv>investigat(?:es|ing|ed)"
                         r"(?:\s+(?:the\s+)?(?:criminal\s+)?case\s+(?:of|against))?)|brought\s+charges\s+against|(?P<acc>accus(?:es|ed|e))|(?P<ntf>notified|informed|told|served)|"
                         r"(?:have\s+|has\s+)?maintained\s+(?:\w+\s+)?charges\s+against)\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$", re.IGNORECASE)
# "ORG notified X of suspicion of", "served X a notice of suspicion", "told X that he is the main suspect": the investigator
_SUSPECT_AFTER_RE = re.compile(r"\s+(?:(?:with\s+)?an?\s+)?(?:notice\s+)?of\s+(?:the\s+)?suspicion\b|\s+that\s+(?:he|she)\s+(?:is|was|had\s+become)\s+"
                               r"(?:a|the)\s+(?:main\s+|chief\s+|prime\s+)?suspect\b", re.IGNORECASE)
# "... X was detained. Investigators accuse him of espionage": the pronoun object of the body's verb
_PRONOUN_OBJECT_RE = re.compile(r"(?P<gap>[^.;]{0,60}?\s)(?:him|her)\b")
# the bodies whose charges are the investigation's (README conv13c point 3: "the FSB charges him with" is the investigator)
_INVESTIGATING_KINDS = ("security_service",)

# "a case brought by ORG against X": the body that brought it (opened, initiated: the investigator)
_BY_AGAINST_RE = re.compile(r"\b(?:criminal\s+)?(?:case|cases|charges|proceedings)\s+(?:(?:was|were|has\s+been|had\s+been)\s+)?"
                            r"(?:(?P<inv>opened|initiated|launched|instituted)|brought|filed|pressed)\s+by\s+(?:the\s+)?$", re.IGNORECASE)
_AGAINST_RE = re.compile(r"\s+against\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+|the\s+)?$", re.IGNORECASE)
# "ORG announced (earlier the same month) that X was being investigated": the body that says it investigates X
_ANNOUNCED_RE = re.compile(r"^\s+(?:has\s+|had\s+)?(?:announced|said|stated|reported|declared|confirmed)\s+(?:[^.;,]{0,40}?\s+)?that\s+"
                           r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$", re.IGNORECASE)
_INVESTIGATED_RE = re.compile(r"\s+(?:was|is|were|are|had\s+been|has\s+been)\s+(?:being\s+)?(?:investigated|under\s+(?:criminal\s+)?investigation|"
                              r"(?:a|the)\s+(?:main\s+)?suspect)\b", re.IGNORECASE)
# "A and B, defending the rights of ..., were themselves presented with criminal charges", "X has faced criminal charges"
_CHARGED_AFTER_RE = re.compile(r"(?:\s*,[^;.“”\"]{1,160}?,)?\s+(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:themselves\s+|himself\s+|"
                               r"herself\s+|also\s+|later\s+|subsequently\s+|since\s+)?(?:presented|served|hit|slapped)\s+with|"
                               r"(?:has|have|had)\s+(?:also\s+|since\s+)?faced|(?:faced|face|faces|facing))\s+(?P<what>(?:(?:new|criminal|"
                               r"fabricated|false|trumped-up|politically\s+motivated|terrorism|extremism|espionage|treason|sabotage)\s+)*)"
                               r"charges?\b", re.IGNORECASE)
# Words that say how the charges are, not what they are for.
_NOT_A_CHARGE = {"new", "criminal", "fabricated", "false", "trumped-up", "politically", "motivated"}

# "sentenced X to 20 years over accusations that he planned terrorist acts", "jailed X on allegations of espionage"
_OVER_RE = re.compile(r"\b(?:over|on|amid|following)\s+(?:the\s+)?(?:(?:false|fabricated|dubious|unfounded|trumped-up)\s+)?"
                      r"(?:accusations?|allegations?)\s+(?:that\s+(?:he|she|they)\s+(?:had\s+|was\s+|were\s+)?|of\s+)"
                      # "X was convicted for his opposition to ...", "X is imprisoned for his alleged religious activity"
                      r"|\b(?:convicted|sentenced|jailed|imprisoned|prosecuted|punished)\s+(?:[^.;,]{0,30}?\s)?for\s+(?:his|her)\s+"
                      r"(?:alleged\s+)?"
                      # "was arrested in May 2014 in connection with alleged activities conducted in Crimea"
                      r"|\b(?:arrested|detained|charged|prosecuted|convicted|sentenced)\s+(?:[^.;,]{0,30}?\s)?in\s+connection\s+with\s+"
                      r"(?:his\s+|her\s+|their\s+)?alleged\s+", re.IGNORECASE)

_HON = r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?"
# "X's alleged accomplice, activist Y"
_ACCOMPLICE_AFTER_RE = re.compile(rf"(?:’s|'s|\s+and\s+(?:his|her))?\s+(?:alleged\s+|suspected\s+|purported\s+|so-called\s+)?(?:accomplices?|co-?defendants?|"
                                  rf"co-?accused|fellow\s+defendants?)\s*,?\s*(?:(?-i:[a-z][\w-]*)\s+){{0,2}}{_HON}$", re.IGNORECASE)
# "Y, X's co-defendant", "Y, an accomplice of X"
_ACCOMPLICE_OF_RE = re.compile(rf"\s*,\s+(?:(?:an?|the)\s+)?(?:alleged\s+)?(?:accomplice|co-?defendant|co-?accused|fellow\s+defendant)\s+"
                               rf"(?:of|to)\s+{_HON}$", re.IGNORECASE)
# "the prosecutor asked for 23 years for X and 10 years for Y"
# "the prosecutor asked the court to sentence X to 17 years"
_REQUEST_RE = re.compile(r"\b(?:prosecutors?|prosecution)\b[^.;]{0,40}?\b(?:requested|demanded|sought|asked\s+for|called\s+for|"
                         r"asked\s+(?:the\s+court\s+)?to\s+(?:sentence|jail|imprison))\b", re.IGNORECASE)
# "... requested that X should be sentenced to 15 years", "... asked the court to sentence X": the defendant right after
_REQUEST_THAT_RE = re.compile(rf"\s+(?:that\s+)?{_HON}$", re.IGNORECASE)
_TO_BE_SENTENCED_RE = re.compile(r"\s+(?:should|must|would|to)?\s*(?:be\s+)?(?:sentenced|jailed|imprisoned|given|receive)\b", re.IGNORECASE)
# "given a harsher sentence than the prosecutor requested.": a request whose object the clause leaves out
_ELLIPTIC_REQUEST_RE = re.compile(r"\s*(?:[.,;]|$)")
_FOR_RE = re.compile(rf"\b(?:\d{{1,2}}|[a-z]+)[- ](?:years?|months?)(?:\s+in\s+prison)?\s+for\s+{_HON}$", re.IGNORECASE)
# "Y, another Jehovah's Witness criminally prosecuted in Yalta"
# "the Russian prosecutor has asked for ...", "the prosecutor requested ...": a prosecutor the article does not name
# ("the prosecution demanded", "Russian prosecutors asked for": the prosecution as the sentence calls it)
_UNNAMED_PROSECUTOR_RE = re.compile(r"\b(?:the\s+(?P<name>(?:(?:[A-Z][\w-]*|occupation|state|public|military)\s+){0,2}(?:prosecutors?|prosecution))|"
                                    r"(?P<bare>(?:(?:Russian|occupation|state|public|military)\s+)?(?:prosecutors|prosecution)))\b"
                                    r"(?=[^.;]{0,40}?\b(?:requested|demanded|sought|asked\s+for|called\s+for|asked\s+(?:the\s+court\s+)?to)\b)", re.IGNORECASE)
_NUMBERS = {w: i for i, w in enumerate(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"), 1)}
_NUMBERS.update({str(i): i for i in range(1, 21)})
_HIS_N_RE = re.compile(r"\s+and\s+(?:his|her)\s+(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                       r"(?:fellow\s+defendants|co-?defendants|co-?accused)\b", re.IGNORECASE)
_ANOTHER_RE = re.compile(r"\s*,\s+another\s+(?:[\w’'-]+\s+){0,3}?(?:criminally\s+)?(?:prosecuted|charged|convicted|sentenced|"
                         r"accused|defendant|tried)\b", re.IGNORECASE)


def co_defendants(text: str, sentences: list[Sentence], people: list[Mention], ex: Extraction, cases: dict[str, str],
                  add: Callable[..., None], mentions: Sequence[Mention] = ()) -> None:
    """Add the co-defendants of one article and the ``LINKED_TO`` between their cases."""
    starts = [s.start for s in sentences]
    have = {(c.subject, c.object) for c in ex.claims if c.predicate == "LINKED_TO"}
    prosecuted = {(c.subject, c.object) for c in ex.claims if c.predicate == "PROSECUTES"}
    pstarts = [m.start for m in people]

    def link(principal: Mention, other: Mention, sent: Sentence, a: int, b: int) -> None:
        # round 13 (conv13c, LINKED_TO use J): from the principal defendant's case to each other one's
        if principal.ref == other.ref or principal.ref not in cases or other.ref not in cases:
            return
        pair = (cases[principal.ref], cases[other.ref])
        if pair in have or pair[::-1] in have:
            return
        have.add(pair)
        ex.claim(pair[0], "LINKED_TO", pair[1], quote_span(text, sent, a, b), 0.6, "co-defendant")

    for i, y in enumerate(people):
        sent = sentences[max(0, bisect.bisect_right(starts, y.start) - 1)]
        before = [m for m in people[max(0, i - 4):i] if m.start >= sent.start and m.ref != y.ref]
        # "X's alleged accomplice, activist Y"
        if before and _ACCOMPLICE_AFTER_RE.fullmatch(text, before[-1].end, y.start):
            x = before[-1]
            for m in (x, y):
                add(m, sent, x.start, y.end, "defendant", None, "case:co-defendant")
            link(x, y, sent, x.start, y.end)
            continue
        after = people[i + 1] if i + 1 < len(people) else None
        # "Y, an accomplice of X"
        if after is not None and after.end <= sent.end and _ACCOMPLICE_OF_RE.fullmatch(text, y.end, after.start):
            for m in (y, after):
                add(m, sent, y.start, after.end, "defendant", None, "case:co-defendant")
            link(after, y, sent, y.start, after.end)
            continue
        # "Y, another Jehovah's Witness criminally prosecuted": a defendant of a separate prosecution (not linked:
        # round 13, conv13c use J leaves out prosecutions the text only compares)
        if _ANOTHER_RE.match(text, y.end):
            add(y, sent, y.start, y.end + 40, "defendant", None, "case:another")
    # "X and his five co-defendants" (round 13, conv13c use J): X's case -> each other defendant's, where the article
    # holds exactly that many other defendants' cases
    for x in people:
        mt = _HIS_N_RE.match(text, x.end)
        if mt is None or x.ref not in cases:
            continue
        others = list(dict.fromkeys(m.ref for m in people if m.ref in cases and m.ref != x.ref))
        if len(others) != _NUMBERS.get(mt.group("n").lower(), 0):
            continue
        sent = sentences[max(0, bisect.bisect_right(starts, x.start) - 1)]
        for ref in others:
            other = next(m for m in people if m.ref == ref)
            link(x, other, sent, x.start, x.end + mt.end() - mt.start())
    # "asked for 23 years for X and 10 years for Y"
    for sent in sentences:
        req = _REQUEST_RE.search(sent.text)
        if req is None:
            continue
        lo, hi = bisect.bisect_left(pstarts, sent.start + req.end()), len(people)
        named = [m for m in people[lo:hi] if m.end <= sent.end and _FOR_RE.search(text, max(sent.start, m.start - 40), m.start)]
        nxt = people[lo] if lo < hi and people[lo].end <= sent.end else None
        if not named and nxt is not None and _REQUEST_THAT_RE.fullmatch(text, sent.start + req.end(), nxt.start) \
                and (req.group().lower().endswith(("sentence", "jail", "imprison")) or _TO_BE_SENTENCED_RE.match(text, nxt.end)):
            # "the prosecutor has requested that X should be sentenced to 15 years"
            named = [nxt]
        for m in named:
            add(m, sent, sent.start + req.start(), m.end, "accused", None, "case:requested")
        if not named and _ELLIPTIC_REQUEST_RE.match(sent.text, req.end()):
            # "X was given a harsher sentence than the prosecutor requested": the one defendant the sentence names
            inside = {m.ref for m in people[bisect.bisect_left(pstarts, sent.start):lo] if m.ref in cases}
            named = [m for m in people[bisect.bisect_left(pstarts, sent.start):lo] if m.ref in cases][:1] if len(inside) == 1 else []
        for m in named[1:]:
            if m.ref != named[0].ref:
                link(named[0], m, sent, sent.start + req.start(), m.end)
        # "the Russian prosecutor has asked for ...": the prosecutor the sentence names prosecutes each case
        prosecutors = [o for o in mentions if o.ref in ex.entities and ex.entities[o.ref].label == "Organisation"
                       and sent.start <= o.start < sent.start + req.end()]
        unnamed = _UNNAMED_PROSECUTOR_RE.search(sent.text, 0, req.end())
        if not prosecutors and unnamed is not None and named:
            # no body named: the prosecutor as the sentence calls it, a generic actor of its own
            words = " ".join((unnamed.group("name") or unnamed.group("bare")).split())
            key = f"org:{slug(words)}-generic"
            if key not in ex.entities:
                ex.entity(key, "Organisation", f"the {words}", kind="prosecutor").generic = True
            a = sent.start + unnamed.start()
            mentions = [*mentions, Mention(a, sent.start + unnamed.end(), unnamed.group(), "Organisation", ref=key)]
        for o in mentions:
            e = ex.entities.get(o.ref)
            if e is None or e.label != "Organisation" or not (sent.start <= o.start < sent.start + req.end()) \
                    or not ((e.attributes or {}).get("kind") == "prosecutor" or re.search(r"prosecut", e.name, re.IGNORECASE)):
                continue
            for m in named:
                if m.ref in cases and (o.ref, cases[m.ref]) not in prosecuted:
                    prosecuted.add((o.ref, cases[m.ref]))
                    ex.claim(o.ref, "PROSECUTES", cases[m.ref], quote_span(text, sent, min(o.start, m.start), max(o.end, m.end)), 0.6,
                             "case:requested")


def accusation_phrases(text: str, sentences: list[Sentence], people: list[Mention], add: Callable[..., None]) -> None:
    """"a court sentenced X to 20 years over accusations that he planned terrorist acts": X is accused,
    the charge the words after the phrase up to the clause's end."""
    pstarts = [m.start for m in people]
    for i, sent in enumerate(sentences):
        for mt in _OVER_RE.finditer(sent.text):
            a = sent.start + mt.start()
            before = people[bisect.bisect_left(pstarts, sent.start):bisect.bisect_left(pstarts, a)]
            if not before and i > 0 and re.match(r"[^.;]{0,40}?\b(?:he|she)\b", sent.text, re.IGNORECASE):
                # "In 2016, he was arrested ... on the accusation that ...": the one person of the sentence before
                prev = sentences[i - 1]
                named = people[bisect.bisect_left(pstarts, prev.start):bisect.bisect_left(pstarts, prev.end)]
                # the subject of that sentence: the first person it names
                before = named[:1] if "\n\n" not in text[prev.end:sent.start] else []
            if not before or re.search(r"[;]", text[max(before[-1].end, sent.start):a]):
                # (a ";" of the sentence before, "(...; born 26 June 1976)", does not part this one from its subject)
                continue
            words = re.match(r"([\w\s’'-]{4,80}?)\s*(?:[,.;(]|$|\s(?:and|after|before|while|when|in\s+(?:19|20)\d\d)\s)",
                             text[sent.start + mt.end():sent.end])
            charge = words.group(1).strip().lower() if words else None
            add(before[-1], sent, a, sent.start + mt.end() + (words.end(1) if words else 0), "accused", charge, "case:accusations")


def charged_subjects(text: str, sentences: list[Sentence], people: list[Mention], add: Callable[..., None]) -> None:
    """The people named together as the subject of "were presented with criminal charges", "faced charges",
    even past an apposition: each is accused in a case of their own."""
    starts = [s.start for s in sentences]
    for i, x in enumerate(people):
        if i + 1 < len(people) and re.fullmatch(r"\s*(?:,|,?\s+and)\s+", text[x.end:people[i + 1].start]):
            continue  # not the last of a list
        mt = _CHARGED_AFTER_RE.match(text, x.end)
        if mt is None or any(x.end < m.start < mt.end() for m in people):
            continue
        group = [x]
        for m in reversed(people[:i]):
            if re.fullmatch(r"\s*(?:,|,?\s+and)\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?", text[m.end:group[-1].start]):
                group.append(m)
            else:
                break
        sent = sentences[max(0, bisect.bisect_right(starts, x.start) - 1)]
        for m in group:
            what = [w for w in mt.group("what").lower().split() if w not in _NOT_A_CHARGE]
            add(m, sent, group[-1].start, mt.end(), "accused", " ".join(what) or "criminal charges", "case:charged-subject")


_INVESTIGATORS_RE = re.compile(r"(?:the\s+)?investigators?", re.IGNORECASE)
_STAFF_AFTER_RE = re.compile(r"(?:’s|'s)?\s+investigators?\b", re.IGNORECASE)
_STAFF_BEFORE_RE = re.compile(r"\binvestigators?\s+(?:of|from)\s+(?:the\s+)?$", re.IGNORECASE)


def _staff_of(ordered: Sequence[Mention], i: int, text: str) -> Mention | None:
    """The body named right before a generic "investigators" mention ("FSB investigators"), or right after it
    ("investigators of the FSB")."""
    prev = ordered[i - 1] if i > 0 else None
    if prev is not None and prev.label == "Organisation" and _STAFF_AFTER_RE.fullmatch(text, prev.end, ordered[i].end):
        return prev
    nxt = ordered[i + 1] if i + 1 < len(ordered) else None
    if nxt is not None and nxt.label == "Organisation" and re.fullmatch(r"\s+(?:of|from)\s+(?:the\s+)?", text[ordered[i].end:nxt.start]):
        return nxt
    return None


def _antecedent(ordered: Sequence[Mention], i: int, sentences: list[Sentence], starts: list[int],
                cases: dict[str, str]) -> Mention | None:
    """The one defendant a pronoun after the body ``ordered[i]`` stands for: the person with a case named last before it in
    its sentence, else the only one the sentence before names."""
    k = max(0, bisect.bisect_right(starts, ordered[i].start) - 1)
    here = [m for m in ordered[:i] if m.start >= sentences[k].start and m.label == "Person"]
    if here:
        return here[-1] if here[-1].ref in cases else None
    if k == 0:
        return None
    prev = sentences[k - 1]
    named = {m.ref: m for m in ordered if prev.start <= m.start < prev.end and m.label == "Person"}
    return next(iter(named.values())) if len(named) == 1 and next(iter(named)) in cases else None


def charging_bodies(text: str, sentences: list[Sentence], mentions: Sequence[Mention], ex: Extraction, cases: dict[str, str]) -> None:
    """``PROSECUTES``: the body a sentence says charges a defendant ("charged by Russian authorities", "the
    Russian authorities charged X", "ORG continues to prosecute X"), not a court (a court judges); ``INVESTIGATES``: the
    body that investigates ("investigated by ORG", "under investigation by ORG", "ORG is investigating X", "ORG announced that
    X was being investigated"); "a case brought (opened) by ORG against X" the one or the other."""
    starts = [s.start for s in sentences]
    have = {(c.subject, c.predicate, c.object) for c in ex.claims if c.predicate in ("PROSECUTES", "INVESTIGATES")}
    ordered = sorted((m for m in mentions if m.ref in ex.entities), key=lambda m: m.start)
    for i, o in enumerate(ordered):
        e = ex.entities[o.ref]
        if e.label != "Organisation" or (e.attributes or {}).get("kind") == "court" or (e.generic and _INVESTIGATORS_RE.fullmatch(o.text)
                                                                                      and _staff_of(ordered, i, text) is not None):
            continue  # "FSB investigators": the body they work for acts (below), not a generic "investigators"
        sent = sentences[max(0, bisect.bisect_right(starts, o.start) - 1)]
        who, pred = None, "PROSECUTES"
        by = acts = None
        # "FSB investigators", "the FSB's investigators", "investigators of the FSB": the body investigates
        staff = _STAFF_AFTER_RE.match(text, o.end) or _STAFF_BEFORE_RE.search(text, max(sent.start, o.start - 30), o.start)
        if staff is not None and staff.end() > o.end:
            o = Mention(o.start, staff.end(), text[o.start:staff.end()], o.label, ref=o.ref)
            i += 1 if i + 1 < len(ordered) and ordered[i + 1].end <= o.end else 0
        investigating = bool(re.search(r"investigat", e.name, re.IGNORECASE)) or staff is not None \
            or (e.attributes or {}).get("kind") in _INVESTIGATING_KINDS
        prosecuting = bool(re.search(r"prosecut", e.name, re.IGNORECASE)) or (e.attributes or {}).get("kind") == "prosecutor"
        if (by := _CHARGED_BY_RE.search(text, max(sent.start, o.start - 40), o.start)) is not None:
            pred = "INVESTIGATES" if by.group("inv") else pred
            if by.group("acc") and not (investigating or prosecuting):
                continue  # "accused by Russian authorities of": an accuser, not named the investigator or prosecutor
            before = [m for m in ordered[:i] if m.start >= sent.start and m.label == "Person" and m.ref in cases]
            who = before[-1] if before else None
            if who is None and i > 0 and re.match(r"[^.;]{0,40}?\b(?:he|she)\b", sent.text, re.IGNORECASE):
                k = max(0, bisect.bisect_right(starts, o.start) - 1)
                prev = sentences[k - 1] if k > 0 else None
                named = [m for m in ordered if prev is not None and prev.start <= m.start < prev.end and m.label == "Person"]
                who = named[0] if named and named[0].ref in cases else None
        else:
            nxt = ordered[i + 1] if i + 1 < len(ordered) else None
            pron = _PRONOUN_OBJECT_RE.match(text, o.end, sent.end)
            if pron is not None and (nxt is None or nxt.start >= pron.end()) and (acts := _CHARGES_RE.match(pron.group("gap"))) is not None \
                    and (not acts.group("acc") or investigating or prosecuting) and not acts.group("ntf"):
                who = _antecedent(ordered, i, sentences, starts, cases)
                pred = "INVESTIGATES" if acts.group("inv") else pred
                if who is not None:
                    who = Mention(pron.end() - 3, pron.end(), text[pron.end() - 3:pron.end()], "Person", ref=who.ref)
            elif nxt is not None and nxt.label in ("Person", "Organisation") and nxt.ref in cases and nxt.end <= sent.end:
                if (acts := _CHARGES_RE.match(text[o.end:nxt.start])) is not None:
                    if acts.group("ntf"):  # the notice of suspicion: the investigation's step
                        who, pred = (nxt, "INVESTIGATES") if _SUSPECT_AFTER_RE.match(text, nxt.end) else (None, pred)
                    elif not acts.group("acc") or investigating or prosecuting:  # "accused" only for an investigator or prosecutor
                        who, pred = nxt, "INVESTIGATES" if acts.group("inv") else pred
                elif (by := _BY_AGAINST_RE.search(text, max(sent.start, o.start - 60), o.start)) is not None \
                        and _AGAINST_RE.fullmatch(text, o.end, nxt.start):
                    who, pred = nxt, "INVESTIGATES" if by.group("inv") else pred
                elif _ANNOUNCED_RE.match(text[o.end:nxt.start]) and _INVESTIGATED_RE.match(text, nxt.end):
                    who, pred = nxt, "INVESTIGATES"
        said = verb.group() if (verb := by or acts) is not None else ""
        if investigating and (staff is not None or "investigat" in e.name.lower() or re.search(r"charg|accus|indict|suspect", said, re.IGNORECASE)):
            # an investigative body that charges: the investigator ("the Investigative Committee charged X", "the FSB charged X");
            # a security service the text says "prosecuted" X or brought a case against X keeps the prosecutor's part
            pred = "INVESTIGATES"
        if who is None or (o.ref, pred, cases[who.ref]) in have:
            continue
        have.add((o.ref, pred, cases[who.ref]))
        ex.claim(o.ref, pred, cases[who.ref], quote_span(text, sent, min(o.start, who.start), max(o.end, who.end)), 0.55,
                 "charging-body")
