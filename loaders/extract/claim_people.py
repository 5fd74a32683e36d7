"""What a sentence says of the people it names: occupations, homes, relatives, and who is a lawyer,
judge, prosecutor or investigator (rules of :func:`loaders.extract.claims.extract_claims`)."""

from __future__ import annotations

import re

from loaders.extract.claim_model import Extraction, SentenceMentions, quote_span
from loaders.extract.claim_parts import cached_re
from loaders.extract.claim_targets import HOME_AFTER_RE
from loaders.extract.events import person_places
from loaders.extract.mentions import Sentence

# "arrested X at his home in Y", "searched X's home in Y", "after searching her apartment in Y": the home is where the
# act happened (the event's place), not told as where the person lives.
_SCENE_BEFORE_RE = re.compile(r"\b(?:at|searched|searching|raided|raiding)\s+$", re.IGNORECASE)


def people_facts(text: str, sent: Sentence, cx: SentenceMentions, ex: Extraction, occupations: str,
                 relatives: str) -> None:
    """Occupations ("the journalist X"), residences ("X, a resident of Y", "his home in Y") and relatives
    ("X's brother Y") the sentence gives its people (``occupations``, ``relatives``: the cue patterns)."""
    for p in cx.people:
        mt = cached_re.search(rf"\b({occupations})\s*,?\s*$", cx.before(p.start, 40), re.IGNORECASE)
        if mt and p.ref in ex.entities:
            ex.entities[p.ref].attributes.setdefault("occupation", mt.group(1).lower())
        for pl in cx.places:
            if re.search(r"\bresidents? of\s+(?:the\s+)?(?:occupied\s+)?$", cx.before(pl.start, 40), re.IGNORECASE) and (
                    0 <= p.start - pl.end <= 3 or (0 <= pl.start - p.end <= 30 and re.match(r",\s*(?:a|an)\s+resident", cx.between(p.end, pl.start)))):
                ex.claim(p.ref, "LOCATED_IN", pl.ref, quote_span(text, sent, min(p.start, pl.start) - 12 if pl.start < p.start else p.start,
                                                                max(p.end, pl.end)), 0.8, "residence")
            # "X, a film director from Crimea"; not a move ("move the trial of X from Moscow to Rostov") nor a
            # possessor ("X, a critic of Russia’s occupation")
            elif 0 <= pl.start - p.end <= 60 and re.fullmatch(
                    r",?\s+(?:(?:a|an)\s+(?:[\w-]+\s+){0,4})?(?:from|of)\s+", cx.between(p.end, pl.start)) \
                    and not re.match(r"\s+to\s", cx.after(pl.end, 5)) and not re.match(r"’s|'s", cx.after(pl.end, 2)):
                ex.claim(p.ref, "LOCATED_IN", pl.ref, quote_span(text, sent, p.start, pl.end), 0.65, "residence")
        group = cx.group_of(p.ref)
        for pl in cx.places:
            if p.ref == group[-1] and 0 <= pl.start - p.end <= 60 and person_places(cx.between(p.end, pl.start)) \
                    and not _SCENE_BEFORE_RE.search(cx.before(p.start, 30)):
                first_named = min(m.start for m in cx.people if m.ref in group)
                for ref in group:  # "Ilmi Umerov and Akhtem Chiygoz arrived in Kyiv": both are there
                    ex.claim(ref, "LOCATED_IN", pl.ref, quote_span(text, sent, first_named, pl.end), 0.65, "residence")
        mt = cached_re.search(rf"\b(?:his|her)\s+({relatives})\s*,?\s*$", cx.before(p.start, 30), re.IGNORECASE)
        near = [a_ for a_, _b, r in cx.pronouns if r != p.ref and p.start - 30 <= a_ < p.start]
        if mt and near:
            ref = next(r for a_, _b, r in cx.pronouns if a_ == near[-1])
            ex.claim(p.ref, "RELATIVE_OF", ref, quote_span(text, sent, p.start - len(mt.group()), p.end), 0.7, "relative",
                     relation=mt.group(1).lower())
        for q in cx.people:
            mt = cached_re.fullmatch(rf"(?:’s|'s)\s+({relatives})\s*,?\s*", cx.between(q.end, p.start), re.IGNORECASE)
            if mt and q.ref != p.ref:
                ex.claim(p.ref, "RELATIVE_OF", q.ref, quote_span(text, sent, q.start, p.end), 0.8, "relative",
                         relation=mt.group(1).lower())

    for pa, pb, ref in cx.pronouns:  # "a search of his residence in the village of Dubki"
        if cx.between(pa, pb).lower() in ("his", "her"):
            for pl in cx.places:
                if 0 <= pl.start - pb <= 50 and HOME_AFTER_RE.fullmatch(cx.between(pb, pl.start)) \
                        and not _SCENE_BEFORE_RE.search(cx.before(pa, 30)):
                    ex.claim(ref, "LOCATED_IN", pl.ref, quote_span(text, sent, pa, pl.end), 0.6, "residence")
    for pa, pb, refs in cx.plurals:  # "They both currently remain in Kyiv"
        for pl in cx.places:
            if 0 <= pl.start - pb <= 60 and person_places(cx.between(pb, pl.start)):
                for ref in refs:
                    ex.claim(ref, "LOCATED_IN", pl.ref, quote_span(text, sent, pa, pl.end), 0.6, "residence")


# "A, deputy leader of the Mejlis, or council, who is being defended by X": a client, an apposition of up to two
# commas, then the relative clause that names the lawyer.
_CLIENT_WHO_DEFENDED_RE = re.compile(r"(?:,[^,;.“”\"()]{1,80}){1,2},\s+who\s+(?:is|was|has\s+been|had\s+been)\s+(?:being\s+)?"
                                     r"(?:defended|represented)\s+by\s+(?:(?:the\s+)?(?:lawyer|attorney|advocate)\s+)?", re.IGNORECASE)
# "X represented Crimean Tatar leaders A and B", "X defends political prisoners A, B and C": the clients after a
# description of them that ends in a word for people (the verb with no description is the rule above).
_DEFENDS_DESCRIBED_RE = re.compile(r"\s+(?:also\s+)?(?:defends|represents|defended|represented|is\s+defending|is\s+representing|"
                                   r"has\s+(?:defended|represented))\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?i:leaders?|activists?|"
                                   r"prisoners?|defendants?|detainees?|journalists?|bloggers?|dissidents?|figures?)\s+")


def _named_between(cx: SentenceMentions, a: int, b: int) -> bool:
    """Whether a person is named within ``[a, b)`` (an apposition that names nobody else: "A, wife of B, who ...")."""
    return any(a <= m.start < b for m in cx.people)


def role_facts(text: str, sent: Sentence, cx: SentenceMentions, ex: Extraction,
               lawyers: list[tuple[str, str, tuple[int, int], float]], role_people: set[str], lawyer_words: str) -> None:
    """Lawyers and their clients, judges, prosecutors, investigators: appended to ``lawyers`` as
    (person, client or predicate, span, confidence), each such person added to ``role_people``."""
    for b_ in cx.people:
        for a_ in cx.people:
            if a_.ref == b_.ref:
                continue
            if cached_re.fullmatch(rf"(?:’s|'s)\s+(?:defence\s+|defense\s+)?(?:{lawyer_words})\s*,?\s*", cx.between(a_.end, b_.start), re.IGNORECASE) \
                    or cached_re.fullmatch(rf",\s+(?:the\s+|a\s+)?(?:defence\s+|defense\s+)?(?:{lawyer_words})\s+(?:of|for|representing)\s+", cx.between(b_.end, a_.start), re.IGNORECASE) \
                    or re.fullmatch(r",?\s+who\s+(?:defends|represents|is defending|is representing|defended|represented)\s+", cx.between(b_.end, a_.start), re.IGNORECASE) \
                    or re.fullmatch(r"\s+(?:also\s+)?(?:defends|represents|defended|represented|is\s+defending|is\s+representing|has\s+"
                                    r"(?:defended|represented))\s+(?:[^.;“”]{0,80}?,?\s+including\s+)?", cx.between(b_.end, a_.start)) \
                    or re.fullmatch(r"\s+(?:is|was|has been|had been|are|were)\s+(?:defended|represented)\s+by\s+(?:(?:the\s+)?(?:lawyer|attorney|advocate)\s+)?", cx.between(a_.end, b_.start), re.IGNORECASE) \
                    or _CLIENT_WHO_DEFENDED_RE.fullmatch(cx.between(a_.end, b_.start)) and not _named_between(cx, a_.end, b_.start):
                lo, hi = min(a_.start, b_.start), max(a_.end, b_.end)
                lawyers.append((b_.ref, a_.ref, quote_span(text, sent, lo, hi), 0.85))
                role_people.add(b_.ref)
                ex.entities[b_.ref].attributes.setdefault("occupation", "lawyer")
            elif b_.end <= a_.start and _DEFENDS_DESCRIBED_RE.fullmatch(cx.between(b_.end, a_.start)):
                # "X represented Crimean Tatar leaders A and B": each client of the list the description opens
                group = cx.group_of(a_.ref)
                for m in cx.people:
                    if m.ref in group and m.start >= a_.start and m.ref != b_.ref:
                        lawyers.append((b_.ref, m.ref, quote_span(text, sent, b_.start, max(a_.end, m.end)), 0.8))
                role_people.add(b_.ref)
                ex.entities[b_.ref].attributes.setdefault("occupation", "lawyer")
        mt = cached_re.search(rf"\b(?:his|her)\s+(?:defence\s+|defense\s+)?(?<!rights )(?:{lawyer_words})\s*,?\s*$", cx.before(b_.start, 30), re.IGNORECASE)
        owner = [r for a_, _b, r in cx.pronouns if r != b_.ref and b_.start - 30 <= a_ < b_.start]
        if mt and owner and not any(lw[0] == b_.ref for lw in lawyers):
            lawyers.append((b_.ref, owner[-1], quote_span(text, sent, b_.start - len(mt.group()), b_.end), 0.7))
            role_people.add(b_.ref)
            ex.entities[b_.ref].attributes.setdefault("occupation", "lawyer")
        if cached_re.search(rf"(?<!rights )\b(?:{lawyer_words})\s*,?\s*$", cx.before(b_.start, 30), re.IGNORECASE) and not any(
                lw[0] == b_.ref for lw in lawyers):
            lawyers.append((b_.ref, "", quote_span(text, sent, b_.start - 8, b_.end), 0.5))
            role_people.add(b_.ref)
            ex.entities[b_.ref].attributes.setdefault("occupation", "lawyer")
        for word, pred in (("judge", "JUDGE_IN"), ("prosecutor", "PROSECUTES"), ("investigator", "INVESTIGATES")):
            if cached_re.search(rf"\b{word}\s*,?\s*$", cx.before(b_.start, 20), re.IGNORECASE):
                role_people.add(b_.ref)
                ex.entities[b_.ref].attributes.setdefault("position", word)
                lawyers.append((b_.ref, pred, quote_span(text, sent, b_.start - len(word) - 1, b_.end), 0.7))
