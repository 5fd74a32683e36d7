"""Affiliations the title rules of :mod:`loaders.extract.relations` do not read: a verb of
leading.

- "X heads ORG", "X, who leads ORG", "ORG, led by X", "ORG, headed by its chairman X" ->
  ``LEADS`` (the verb's title as role);
- a title with "with" or after "who is": "X, an activist with Crimean Solidarity", "X, who is a
  member of the Mejlis"; a title after the organisation's name: "X, a Crimean Solidarity
  journalist"; "X joined ORG" -> ``LEADS`` / ``MEMBER_OF`` / ``WORKS_FOR`` by the title (the
  gazetteer's title words), never an alleged or charged membership of a banned group;

A state's office holder ("Russian President X") is left out: careful annotators of the development
set did not always take it as an affiliation (tried, and it cost precision there).

A fact another rule already made (any affiliation of the same two) is left to it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from graph.role_words import AFFILIATION_TITLES
from loaders.extract.claims import Extraction, quote_span
from loaders.extract.mentions import Mention, Sentence

__all__ = ["more_affiliations", "MORE_TITLES", "title_words"]

# Role nouns a style guide lists beside the gazetteer's title words (cues.yaml), with the affiliation each
# makes (graph.role_words declares them).
MORE_TITLES = AFFILIATION_TITLES


def title_words(cues: dict[str, list[str]]) -> dict[str, str]:
    """Title word (lower case) -> the affiliation it makes: the gazetteer's leadership, membership and
    employment words, then :data:`MORE_TITLES`."""
    pred: dict[str, str] = {}
    for key, p in (("leadership", "LEADS"), ("membership", "MEMBER_OF"), ("employment", "WORKS_FOR")):
        for w in cues.get(key, []):
            pred.setdefault(w.lower(), p)
    for w, p in MORE_TITLES.items():
        pred.setdefault(w, p)
    return pred

_LEAD_VERB = {"head": "head", "lead": "leader", "led": "leader", "chair": "chair", "found": "founder", "co-found": "co-founder",
             "cofound": "co-founder"}
_HEADS_RE = re.compile(r"(?:,\s+who)?\s+(?:currently\s+|now\s+|also\s+|has\s+|had\s+)?(?P<verb>head|lead|led|chair|"
                       r"(?:co-?)?found(?=ed|s))(?:s|ed)?\s+(?:the\s+)?$")
_LED_BY_RE = re.compile(r",?\s+(?:which\s+is\s+|which\s+was\s+)?(?P<verb>head|led|chair|(?:co-?)?found(?=ed))(?:ed)?\s+by\s+"
                        r"(?:(?:its|the)\s+[\w\s-]{1,30}?\s+)?$")


# A word that makes a head's title another office: "Executive Director", "Managing Director".
_HEAD_RANK_RE = re.compile(r"(?:executive|managing)\s+", re.IGNORECASE)
_STUDIED_RE = re.compile(r"\s+(?:later\s+|also\s+)?(?:graduated\s+from|studied\s+(?:[\w-]+\s+){0,3}?at)\s+(?:the\s+)?")
_DOUBT_RE = re.compile(r"\b(?:alleged(?:ly)?|suspected|supposed|purported(?:ly)?|so-called|accused|charged|convicted)\b", re.IGNORECASE)
_ACCUSING_RE = re.compile(r"\b(?:accus|alleg|suspect|charg|terroris|extremis|indict|convict|sentenc|prosecut)\w*", re.IGNORECASE)
_CIVIC = ("ngo", "representative_body", "government", "media")
# A participle after the comma opens a clause, not a title: "X, citing members of ORG, said", "X, interviewing the head
# of ORG" (the adjectives in -ing of a title are kept: "acting head", "founding member", "leading member").
_CLAUSE_RE = re.compile(r",\s+(?!(?:acting|leading|founding|outgoing|presiding|managing|governing|ruling|standing|"
                        r"longstanding|long-standing)\b)[a-z][\w-]*ing\s+.*")
_MEMBER_KINDS = ("ngo", "representative_body", "party")
_OF_GROUP_RE = re.compile(r",?\s+(?:of|from)\s+(?:the\s+)?(?:(?:NGO|non-governmental\s+organi[sz]ation|civic\s+(?:group|"
                          r"movement|initiative)|human\s+rights\s+(?:group|organi[sz]ation)|movement|initiative|group)\s+)?")


# "X, a member of the Mejlis and head of the Crimean Tatar Resource Center": a second title for a second organisation.
# ("X, a member of ORG1 and of ORG2", "X, an activist with ORG1 and with ORG2": the same title again)
# ("X, Chairman of ORG1, President of ORG2 and Member of ORG3": a chain of titles, each with its body)
_AND_TITLE = (r"(?:\s+and\s+|\s*,\s+(?:and\s+)?(?=(?:(?:a|an|the)\s+)?(?:{titles})s?\s+of\s))(?:(?:(?:a|an|the)\s+)?(?P<title>{titles})s?"
              r"\s+(?:of|with|for|at|in)|(?:also\s+)?(?P<same>of|with|at))\s+(?:the\s+)?")

# "A and B are deputy heads of ORG"
# ("A and B, the two deputy heads of ..., the Mejlis": the same as an apposition)
# ("A and B, Crimean Tatar leaders and deputy speakers of the Crimean Tatar parliament, the Mejlis": a plural title
# after another description)
_PLURAL_TITLE = (r"(?:\s+(?:are|were)\s+(?:both\s+|also\s+)?(?:the\s+)?|\s*,\s+(?:both\s+)?the\s+(?:two|three|four)\s+|"
                 r"(?P<bare>\s*,\s+(?:both\s+)?(?:(?:[\w-]+\s+){{1,3}}and\s+)?))"
                 r"(?P<title>{titles})(?P<pl>s)?\s+of\s+(?:the\s+)?")

_Patterns = tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]
_TITLES: dict[int, tuple[dict[str, list[str]], dict[str, str], _Patterns]] = {}


def _titles(cues: dict[str, list[str]]) -> tuple[dict[str, str], _Patterns]:
    """Title word -> predicate, and the four title patterns (built once per cue set)."""
    have = _TITLES.get(id(cues))
    if have is not None and have[0] is cues:
        return have[1], have[2]
    pred = title_words(cues)
    titles = "|".join(re.escape(w) for w in sorted(pred, key=len, reverse=True))
    # "X, an activist with ORG", "X, who is a member of the Mejlis", "X, a lawyer and member of ORG"
    before = re.compile(rf",\s+(?:who\s+(?:is|was)\s+(?:also\s+)?)?(?:(?:a|an|the)\s+)?(?P<pre>(?:[\w’'-]+\s+){{0,2}}?)"
                        rf"(?P<title>{titles})s?\s+(?:with|of|for|at|in)\s+(?:the\s+)?", re.IGNORECASE)
    # "X, a Crimean Solidarity journalist": the title right after the organisation's name
    # ("X, Crimean Solidarity's founder": the organisation's possessive)
    after = re.compile(rf"(?:’s|'s)?\s+(?P<title>{titles})\b\s*(?:[,.;)]|and\b)", re.IGNORECASE)
    second = re.compile(_AND_TITLE.format(titles=titles), re.IGNORECASE)
    plural = re.compile(_PLURAL_TITLE.format(titles=titles), re.IGNORECASE)
    _TITLES[id(cues)] = (cues, pred, (before, after, second, plural))
    return pred, (before, after, second, plural)


def more_affiliations(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction,
                      cues: dict[str, list[str]] | None = None) -> None:
    """Add ``LEADS`` from the verbs of leading ("X heads ORG", "ORG, led by X"), and affiliations from the
    titles the title rules do not read ("X, an activist with ORG", "X, a ORG journalist", "X joined ORG")."""
    have = {(c.subject, c.object) for c in ex.claims if c.predicate in ("LEADS", "MEMBER_OF", "WORKS_FOR")}
    starts = [s.start for s in sentences]

    def add(person: str, pred: str, org: str, span: tuple[int, int], role: str, rule: str) -> None:
        if pred == "LEADS" and re.fullmatch(r"(?:co-?)?founder", role, re.IGNORECASE):
            pred = "MEMBER_OF"  # round 13 (conv13c MEMBER_OF (e)): a founder is a member with the title, not the head
        if (person, org) not in have and person != org:
            have.add((person, org))
            ex.claim(person, pred, org, span, 0.7, rule, role=role)

    def label(m: Mention) -> str:
        e = ex.entities.get(m.ref)
        return "" if e is None else e.label if not e.generic else "generic"

    pred_of, patterns = _titles(cues) if cues else ({}, None)
    people = [m for m in mentions if label(m) == "Person"]
    orgs = [m for m in mentions if label(m) == "Organisation"]
    ostarts = [o.start for o in orgs]
    pstarts = [q.start for q in people]
    for p in people:
        sent = sentences[max(0, bisect.bisect_right(starts, p.start) - 1)]
        # only the organisations near the name (bisection: long articles name many)
        near = orgs[bisect.bisect_left(ostarts, p.start - 200):bisect.bisect_right(ostarts, p.end + 90)]
        if patterns is not None:
            before_rx, after_rx, second_rx, plural_rx = patterns
            _titled(text, sent, p, near, ex, pred_of, before_rx, after_rx, add)
            in_sent = orgs[bisect.bisect_left(ostarts, sent.start):bisect.bisect_left(ostarts, sent.end)]
            # (the titles up to the next person named: "X, head of ORG1 ...; and Y, head of ORG1, member of ORG2" is Y's)
            k = bisect.bisect_right(pstarts, p.end)
            upto = min(pstarts[k], sent.end) if k < len(pstarts) else sent.end
            _second_title(text, sent, p, [o for o in in_sent if o.end <= upto], ex, pred_of, (second_rx, after_rx), have, add)
            _plural_titles(text, sent, p, people, in_sent, pred_of, plural_rx, add)
        for o in near:
            if o.start - p.end > 40:
                continue
            if o.start > p.end and o.start - p.end <= 40:
                mt = _HEADS_RE.fullmatch(text, p.end, o.start)
                if mt:
                    add(p.ref, "LEADS", o.ref, quote_span(text, sent, p.start, o.end), _LEAD_VERB[mt.group("verb").lower().replace("cof", "co-f")], "heads")
            elif o.end < p.start and p.start - o.end <= 60:
                mt = _LED_BY_RE.fullmatch(text, o.end, p.start)
                if mt:
                    add(p.ref, "LEADS", o.ref, quote_span(text, sent, o.start, p.end), _LEAD_VERB[mt.group("verb").lower().replace("cof", "co-f")], "led-by")
    _pronoun_studies(text, sentences, people, orgs, ex, add)


# "He studied political science at the Odesa National University", "In 2001, he graduated from ORG" (a biography).
_PRONOUN_STUDIED_RE = re.compile(r"\b(?:He|he|She|she)\s+(?:later\s+|also\s+|then\s+)?(?P<verb>graduated\s+from|studied\s+"
                                 r"(?:[\w-]+\s+){0,3}?at)\s+(?:the\s+)?")


def _pronoun_studies(text: str, sentences: list[Sentence], people: list[Mention], orgs: list[Mention], ex: Extraction,
                     add: Callable[..., None]) -> None:
    """A school "he" or "she" studied at: the person the article named last, in this paragraph or the two
    before, is its member (a biography's later lines name its subject by a pronoun)."""
    by_start = {o.start: o for o in orgs}
    p_starts = [p.start for p in people]
    starts = [s.start for s in sentences]
    for mt in _PRONOUN_STUDIED_RE.finditer(text):
        org = by_start.get(mt.end())
        i = bisect.bisect_left(p_starts, mt.start()) - 1
        if org is None or i < 0 or people[i].end > mt.start() or text.count("\n\n", people[i].end, mt.start()) > 2:
            continue
        sent = sentences[max(0, bisect.bisect_right(starts, mt.start()) - 1)]
        if org.end > sent.end:
            continue
        role = "graduate" if mt.group("verb").startswith("graduated") else "student"
        add(people[i].ref, "MEMBER_OF", org.ref, quote_span(text, sent, mt.start(), org.end), role, "studied-pronoun")


def _titled(text: str, sent: Sentence, p: Mention, orgs: list[Mention], ex: Extraction, pred_of: dict[str, str],
            before_rx: re.Pattern[str], after_rx: re.Pattern[str], add: Callable[..., None]) -> None:
    """The affiliations of ``p`` that a title with "with", after "who is", or after the organisation's name gives."""
    accusing = bool(_ACCUSING_RE.search(sent.text))
    for o in orgs:
        if o.start <= p.end or o.start - p.end > 90 or o.end > sent.end:
            continue
        gap = text[p.end:o.start]
        mt = before_rx.fullmatch(gap)
        after = None
        if mt is None:
            # ("X (an AutoMaydan activist)": the same in brackets)
            if re.fullmatch(r"(?:,\s+|\s*\(\s*)(?:(?:a|an|the)\s+)?(?:former\s+)?", gap, re.IGNORECASE):
                after = after_rx.match(text[o.end:o.end + 40])
            if after is None:
                continue
        title = (mt or after).group("title").lower()  # type: ignore[union-attr]
        pred = pred_of.get(title)
        if pred is None or (mt is not None and (_DOUBT_RE.search(mt.group("pre")) or _CLAUSE_RE.fullmatch(gap, 0, mt.start("title")))):
            continue
        kind = (ex.entities[o.ref].attributes or {}).get("kind")
        if pred == "MEMBER_OF" and accusing and kind not in _CIVIC:
            continue  # "X, a member of Hizb ut-Tahrir, was sentenced": the charge, not a fact
        end = o.end + (after.end() - 1 if after else 0)
        if pred == "LEADS" and mt is not None and _HEAD_RANK_RE.fullmatch(mt.group("pre")):
            title = f"{mt.group('pre').strip().lower()} {title}"  # "X, Executive Director of ORG": the whole title
        add(p.ref, pred, o.ref, quote_span(text, sent, p.start, end), title, "titled")
    # "X, from the NGO Sebat", "X of the Mejlis": a person "of" or "from" a civic or representative body is its member
    # (not of a state body or a newspaper, whose people are staff; not a banned party in a sentence that accuses).
    for o in orgs:
        kind = (ex.entities[o.ref].attributes or {}).get("kind")
        if o.start > p.end and kind in _MEMBER_KINDS and not (accusing and kind == "party") \
                and _OF_GROUP_RE.fullmatch(text, p.end, o.start):
            add(p.ref, "MEMBER_OF", o.ref, quote_span(text, sent, p.start, o.end), "member", "of-group")
        # "X of RFE/RL", "X from the Crimean Tatar channel ATR": an outlet's person is on its staff
        elif o.start > p.end and kind == "media" and re.fullmatch(r"\s+(?:of|from)\s+(?:the\s+)?", text[p.end:o.start]):
            add(p.ref, "WORKS_FOR", o.ref, quote_span(text, sent, p.start, o.end), None, "of-outlet")
    # "X graduated from ORG", "X studied law at ORG": a student of the school is its member
    for o in orgs:
        if o.start > p.end and o.start - p.end <= 60 and _STUDIED_RE.fullmatch(text, p.end, o.start):
            add(p.ref, "MEMBER_OF", o.ref, quote_span(text, sent, p.start, o.end), "student", "studied")
    # "X joined ORG"
    for o in orgs:
        if o.start > p.end and re.fullmatch(r"\s+(?:has\s+|had\s+|later\s+)?joined\s+(?:the\s+)?", text[p.end:o.start]):
            add(p.ref, "MEMBER_OF", o.ref, quote_span(text, sent, p.start, o.end), "member", "joined")


def _plural_titles(text: str, sent: Sentence, p: Mention, people: list[Mention], orgs: list[Mention], pred_of: dict[str, str],
                   plural_rx: re.Pattern[str], add: Callable[..., None]) -> None:
    """"A and B are deputy heads of the community's representative body, the Mejlis": each person named
    before a plural title holds it in the organisation whose name closes the description after it."""
    after = plural_rx.match(text, p.end)  # "A and B are ...": from the last of the coordinated names
    if after is None or after.group("bare") is not None and after.group("pl") is None:
        return
    pred = pred_of.get(after.group("title").lower())
    if pred is None:
        return
    # (the organisation right after "of" is read by the title rules of relations.py)
    org = next((o for o in orgs if after.end() < o.start <= after.end() + 110 and o.end <= sent.end
                and re.fullmatch(r"[^.;:()]*?,\s+(?:the\s+)?", text[after.end():o.start])
                and re.match(r"\s*(?:[.;]|$)" if after.group().lstrip()[:1] != "," else r"\s*(?:[.;,]|$)", text[o.end:o.end + 3])), None)
    if org is None:
        return
    group = [p]
    for q in reversed([m for m in people if m.end <= p.start and m.start >= sent.start]):
        if re.fullmatch(r"\s*(?:,|,?\s+and)\s+", text[q.end:group[-1].start]):
            group.append(q)
        else:
            break
    if len(group) < 2:
        return
    for q in group:
        add(q.ref, pred, org.ref, quote_span(text, sent, group[-1].start, org.end), after.group("title").lower(), "plural-title")


def _second_title(text: str, sent: Sentence, p: Mention, orgs: list[Mention], ex: Extraction, pred_of: dict[str, str],
                  rxs: tuple[re.Pattern[str], re.Pattern[str]], have: set[tuple[str, str]], add: Callable[..., None]) -> None:
    """"X, a member of ORG1 and head of ORG2": once X is tied to ORG1 by an apposed title, a second
    title joined by "and" ties X to ORG2 (an organisation named within 60 characters after ORG1)."""
    for i, o1 in enumerate(orgs):
        if o1.start <= p.end or o1.start - p.end > 240 or o1.end > sent.end or (p.ref, o1.ref) not in have:
            continue
        for o2 in orgs[i + 1:]:
            if o2.start - o1.end > 60 or o2.end > sent.end:
                break
            mt = rxs[0].fullmatch(text, o1.end, o2.start)
            # "X, a member of ORG1 and a ORG2 activist": the second title after the second body's name
            after = rxs[1].match(text, o2.end) if re.fullmatch(r"\s+and\s+(?:(?:a|an|the)\s+)?", text[o1.end:o2.start]) else None
            # "X, a member of ORG1 and ORG2." (the second closes the apposition)
            bare = re.fullmatch(r"\s+and\s+(?:the\s+)?", text[o1.end:o2.start]) and re.match(r"\s*(?:[,.;)]|$)", text[o2.end:o2.end + 3])
            if after is not None and (pred := pred_of.get(after.group("title").lower())) is not None:
                add(p.ref, pred, o2.ref, quote_span(text, sent, p.start, after.end("title")),
                    after.group("title").lower(), "second-title")
            elif bare or mt and mt.group("same"):
                first = next((c for c in ex.claims if c.subject == p.ref and c.object == o1.ref
                              and c.predicate in _AFFILIATIONS), None)
                if first is not None:
                    add(p.ref, first.predicate, o2.ref, quote_span(text, sent, p.start, o2.end), first.qualifiers.get("role"),
                        "second-title")
            elif mt and (pred := pred_of.get(mt.group("title").lower())) is not None:
                add(p.ref, pred, o2.ref, quote_span(text, sent, p.start, o2.end), mt.group("title").lower(), "second-title")


_AFFILIATIONS = ("LEADS", "MEMBER_OF", "WORKS_FOR")
# Staff titles that head the body (round 13, conv13c MEMBER_OF (e): a chief editor or executive director leads it): a
# staff rule's "ORG's Executive Director", "chief editor of ORG" is the body's head, as the gold has it.
_FOUNDER_RE = re.compile(r"(?:former\s+)?(?:co-?)?founders?")
_HEAD_TITLES = ("chief editor", "editor-in-chief", "executive director", "chief executive")


def drop_charged_memberships(text: str, sentences: list[Sentence], ex: Extraction) -> None:
    """A membership of a banned party in a sentence that accuses or sentences ("X, a member of Hizb
    ut-Tahrir, was sentenced") is the charge the court found, not an affiliation a monitor records.
    A parliamentarian's political group ("X (Ukraine, EPP/CD) ... the conviction of Y") is no charge."""
    starts = [s.start for s in sentences]
    drop = []
    for c in ex.claims:
        if c.predicate != "MEMBER_OF" or (ex.entities[c.object].attributes or {}).get("kind") != "party" \
                or c.rule == "signatory-group":
            continue
        sent = sentences[max(0, bisect.bisect_right(starts, c.span[0]) - 1)]
        if _ACCUSING_RE.search(sent.text) or _DOUBT_RE.search(text[max(sent.start, c.span[0] - 40):c.span[1]]):
            drop.append(c)
    for c in drop:
        ex.claims.remove(c)


def settle_affiliations(ex: Extraction, leadership: list[str]) -> None:
    """One affiliation per person and organisation: a staff claim whose role is a leadership title
    ("Ukraine's President X") leads; where two rules gave the same pair two predicates ("the OSCE
    Chairman X": LEADS and WORKS_FOR), the leading one stays, then membership, then staff."""
    heads = {w.lower() for w in leadership}
    for c in ex.claims:
        role = str(c.qualifiers.get("role", "")).lower()
        if c.predicate == "WORKS_FOR" and (role in heads or any(role == h or role.endswith(" " + h) for h in _HEAD_TITLES)):
            c.predicate = "LEADS"
        elif c.predicate == "LEADS" and _FOUNDER_RE.fullmatch(role):
            c.predicate = "MEMBER_OF"  # round 13 (conv13c MEMBER_OF (e)): a founder is a member with the title, not the head
        elif c.predicate == "MEMBER_OF" and (ex.entities[c.object].attributes or {}).get("kind") == "media" \
                and ex.entities[c.subject].label == "Person":
            c.predicate = "WORKS_FOR"  # "an RFE/RL journalist": an outlet's people are its staff, not its members
    best: dict[tuple[str, str], int] = {}
    for c in ex.claims:
        if c.predicate in _AFFILIATIONS:
            rank = _AFFILIATIONS.index(c.predicate)
            best[(c.subject, c.object)] = min(rank, best.get((c.subject, c.object), rank))
    ex.claims[:] = [c for c in ex.claims if c.predicate not in _AFFILIATIONS
                    or _AFFILIATIONS.index(c.predicate) == best[(c.subject, c.object)]]
