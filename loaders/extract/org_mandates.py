"""Organisations named by an institutional formula rather than by a head noun:

- **Mandates** of the UN's special procedures and like offices: "Special Rapporteur on the
  situation of human rights defenders", "Working Group on Enforced or Involuntary
  Disappearances", "Independent Expert on ...": a title, "on", and the mandate's subject in lower
  case (the gazetteer lists the common mandates by their official titles; the formula reads the
  others). The subject ends at the clause's punctuation, a verb, or a person's name.
- **Media outlets in a list**: "FM radio stations Meydan and Lider", "ATR and Lale television
  channels", "a news website 15 Minutes", "newspapers Avdet and Yildiz": names joined by commas
  and "and" right after or right before a kind of outlet (``cues.yaml``: ``outlet_kinds``).

Each finder returns (start, end, entry) outside what is already ``taken``;
:func:`loaders.extract.entries.find_entries` applies them.
"""

from __future__ import annotations

import re
from functools import cache

from loaders.extract.gazetteer import Gazetteer, GazetteerEntry, slug
from loaders.extract.name_guards import lower_words
from loaders.extract.orgs import title_case_line

__all__ = ["mandates", "outlet_lists"]

Found = tuple[int, int, GazetteerEntry]

_MANDATE_RE = re.compile(
    r"(?<![\w\-])(?:(?P<body>UN|U\.N\.|United Nations|OSCE) )?(?P<title>Special [Rr]apporteur|Independent [Ee]xpert|Working Group|"
    r"Special Representative|Special Envoy) (?P<prep>on|for) (?P<subject>(?:the )?[a-z][\w’'\-]*"
    # the subject's words; a comma only before a word in lower case ("cruel, inhuman or degrading")
    r"(?:(?:,? | )(?:[a-z][\w’'\-]*|[A-Z][\w’'\-]*)){0,24})")
# Where a mandate's subject ends: a verb or a clause's word after it ("... defenders said", "... who").
_SUBJECT_END = re.compile(r"\s(?:pursuant|who|which|that|said|says|stated|has|have|had|was|were|is|are|will|would|"
                          r"urged|urges|called|calls|expressed|noted|during|after|before|since|with|about|at)\b|,? and the\b")


def mandates(text: str, taken: bytearray, gaz: Gazetteer) -> list[Found]:
    """"Special Rapporteur on ...", "Working Group on ...", "Independent Expert on ...": the office
    of a mandate named by its subject, outside the ``taken`` characters (the gazetteer's mandates)."""
    out: list[Found] = []
    pos = 0
    while (m := _MANDATE_RE.search(text, pos)) is not None:
        pos = m.end("prep")  # the next mandate may start inside this one's cut subject ("... on X and the Independent Expert on Y")
        a = m.start("title")
        if any(taken[a:m.end("prep")]):
            continue
        subject = m.group("subject")
        end = _SUBJECT_END.search(subject)
        if end:
            subject = subject[:end.start()]
        words = subject.split(" ")
        # a person's name after the mandate ("... on torture Nils Melzer"): the subject ends before it
        for i, w in enumerate(words):
            if w[:1].isupper() and (w in gaz.given_names or w in gaz.titles or w in gaz.not_names):
                words = words[:i]
                break
        while words and words[-1].rstrip(",") in ("the", "and", "or", "of", "on", "in", "to", "for", "a", ""):
            words = words[:-1]
        subject = " ".join(words).rstrip(",")
        if len(subject.split()) < 1 or not re.search(r"[a-z]{3,}", subject):
            continue
        b = m.start("subject") + len(subject)
        if any(taken[a:b]):
            continue
        name = f"{m.group('title')} {m.group('prep')} {subject}"
        body = "osce" if m.group("body") == "OSCE" else "un"
        out.append((a, b, GazetteerEntry(slug(f"{body} {m.group('title')} {re.sub(r'^the ', '', subject)}"), "Organisation", name, (), {"kind": "other"})))
        pos = max(pos, b)
    return out


_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_NAME = r"[“\"]?(?:\d{1,3} )?[A-Z][\w’'\-.]*[\w’'](?: [A-Z][\w’'\-]*[\w’']){0,2}[”\"]?"
_JOIN = r"(?:,? and |, )"


@cache
def _outlet_res(kinds: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    kind = "|".join(re.escape(k) for k in sorted(kinds, key=len, reverse=True))
    after = re.compile(rf"(?<![\w\-])(?P<kind>{kind})(?:,? (?:such as|including|like))? (?P<names>{_NAME}(?:{_JOIN}{_NAME})*)")
    before = re.compile(rf"(?P<names>{_NAME}(?:{_JOIN}{_NAME})*) (?P<kind>{kind})(?![\w\-])")
    return after, before


def outlet_lists(text: str, taken: bytearray, gaz: Gazetteer) -> list[Found]:
    """Media outlets named in a list beside their kind ("radio stations Meydan and Lider", "ATR and
    Lale television channels"): each name no other finder took, no place, people or common word."""
    kinds = tuple(gaz.cues.get("outlet_kinds", ()))
    if not kinds:
        return []
    after, before = _outlet_res(kinds)
    peoples = set(gaz.demonyms.values())
    lower: frozenset[str] | None = None
    out: list[Found] = []
    seen: set[int] = set()
    for rx in (after, before):
        for m in rx.finditer(text):
            if title_case_line(text, m.start()):
                continue  # a headline capitalises every word
            names = list(re.finditer(_NAME, m.group("names")))
            for i, nm in enumerate(names):
                a = m.start("names") + nm.start()
                raw = nm.group()
                core = raw.strip("“”\"")
                a += raw.index(core)
                b = a + len(core)
                words = core.split()
                if a in seen or any(taken[a:b]) or core[:1].isdigit() and (rx is before or len(words) < 2):
                    continue
                if rx is before and i == 0 and len(names) == 1:
                    # "the Avdet newspaper": one name before the kind must follow an article or a list's word
                    if not re.search(r"(?:\b(?:the|a|an|its|including)|,) $", text[max(0, a - 12):a]):
                        continue
                if core in gaz.cues["not_acronyms"] or any(w in peoples or w in gaz.places or w in gaz.not_names or w.lower() in gaz.months
                       or w.lower() in _DAYS or w in gaz.title_words or re.search(r"-[a-z]+$", w) for w in words):
                    continue
                lower = lower if lower is not None else lower_words(text)
                if len(words) == 1 and words[0].lower() in lower:
                    continue  # "Independent", "Local": a word the article also writes in lower case
                if len(words) == 2 and words[0] in gaz.given_names and words[1][1:].islower():
                    continue  # a person ("the newspaper Ivan Petrov founded")
                seen.add(a)
                out.append((a, b, GazetteerEntry(slug(core), "Organisation", core, (), {"kind": "media"})))
    return out
