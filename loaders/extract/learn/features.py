"""The features of one candidate: an entity mention in a sentence, described by the words around it.

Training (:mod:`.train`) and applying (:mod:`.apply`) share this module, so a candidate is
described the same way in both. It depends on the text and the mentions only, never on the
rules' cue lists or sentence splitter: a change to the rules must not change what the
trained weights mean (and the shipped weights stay reproducible from the annotated corpus).

A candidate's features are plain strings:

- what it is: its label, ``generic``, an organisation's ``kind``, whether it stands in the title;
- the words of its sentence (a crude stem: the first six letters, lower case), as a bag,
  on its left or right within eight tokens, and at exact offsets within three tokens;
- the word pairs right before and right after it ("detained by", "’s arrest");
- an organisation's own words ("authorities", "police", "Tatars": whom it could be), how many
  people the sentence names, and whether the mention stands in a list ("A, B and C");
- for each event trigger of the sentence: its kind, side, the words between ("detained by"), how
  far in words (binned) and whether a passive verb stands before it ("was detained"); the kind
  of the trigger nearest the mention; whether the mention is the sentence's first actor, before
  any trigger (its subject); and where the sentence stands in the article (binned).

Other mentions of the sentence stand for their label (``<Person>``, ``<Organisation>``,
``<Location>``), so "arrested by <Organisation>" is one pattern whatever agency it names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from loaders.extract.gazetteer import load_gazetteer

__all__ = ["Span", "Tokens", "sentence_spans", "candidate_features", "tokens", "triggers"]

# Sentence ends: a stop before a capital or a digit; lines never share a sentence.
_STOP_RE = re.compile(r"[.!?][”\"’)]?(?=\s+[“\"(]?[A-ZА-Я0-9])")
_ABBREV_RE = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|No|St|Art|vs|Jr|Sr|Prof)|\b\w)\.$")
_TOKEN_RE = re.compile(r"[’']s\b|[^\W\d_][\w’'-]*|\d+|[,;:(]")
_NEAR, _EXACT = 8, 3


@dataclass(frozen=True)
class Span:
    """A mention of an entity: where, which entity, and what kind of entity it is."""

    start: int
    end: int
    ref: str
    label: str
    generic: bool = False
    kind: str = ""


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` as (start, end) offsets, leading spaces left out."""
    out: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        for m in _STOP_RE.finditer(text, para.start(), para.end()):
            if _ABBREV_RE.search(text, max(para.start(), m.start() - 6), m.start() + 1):
                continue
            out.append((start, m.end()))
            start = m.end()
        if text[start:para.end()].strip():
            out.append((start, para.end()))
    return [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in out]


# A passive verb right before a trigger: "was detained", "have been searched", "being held".
_PASSIVE_RE = re.compile(r"\b(?:was|were|been|being|is|are|be|got)\s+$", re.I)


def _bucket(n: int) -> str:
    """A count in a few bins (0, 1, 2-4, 5-9, 10+): distances and positions generalise as orders of size."""
    return "0" if n <= 0 else "1" if n == 1 else "2-4" if n <= 4 else "5-9" if n <= 9 else "10+"


def _stem(word: str) -> str:
    return word.lower().replace("’", "'")[:6]


Tokens = tuple[list[str], dict[tuple[int, int, str], int]]


def tokens(text: str, a: int, b: int, spans: Sequence[Span]) -> Tokens:
    """The tokens of ``text[a:b]``, each mention one placeholder; and where each mention's stands."""
    out: list[str] = []
    at: dict[tuple[int, int, str], int] = {}
    pos = a
    for s in sorted(spans, key=lambda s: s.start):
        if s.start < pos or s.end > b:
            continue  # overlapping or outside: its words stay words
        out.extend(_stem(t) for t in _TOKEN_RE.findall(text, pos, s.start))
        at[(s.start, s.end, s.ref)] = len(out)
        out.append(f"<{s.label}>")
        pos = s.end
    out.extend(_stem(t) for t in _TOKEN_RE.findall(text, pos, b))
    return out, at


def triggers(text: str, sent: tuple[int, int]) -> list[tuple[int, int, str]]:
    """The event triggers of the gazetteer in a sentence: (start, end, event kind)."""
    gaz = load_gazetteer()
    return [(m.start(), m.end(), gaz.event_kinds.get(kind, kind)) for m in gaz.trigger_pattern.finditer(text, sent[0], sent[1])
            if (kind := gaz.trigger_kinds[m.lastgroup or ""])]


def candidate_features(text: str, sent: tuple[int, int], own: Span, spans: Sequence[Span], title: bool,
                       trig: Sequence[tuple[int, int, str]] = (), toks: Tokens | None = None,
                       position: int = 0) -> list[str]:
    """The features of mention ``own`` in sentence ``sent`` (``spans``: every mention of the sentence;
    ``trig``: its event triggers, :func:`triggers`; ``toks``: its :func:`tokens`, when already made;
    ``position``: the sentence's index in the article)."""
    feats = ["bias", f"label:{own.label}"]
    for a, b, kind in trig:
        if a < own.end and own.start < b:
            continue
        side = "L" if b <= own.start else "R"
        between = [_stem(t) for t in _TOKEN_RE.findall(text, b, own.start) if side == "L"] or \
            [_stem(t) for t in _TOKEN_RE.findall(text, own.end, a) if side == "R"]
        gap = "_".join(between) if len(between) <= 4 else "far"
        # the words between a trigger and the mention, with and without the kind: "detained by", "detention of"
        feats += [f"t:{kind}", f"t{side}:{kind}", f"tb{side}:{gap}", f"tb{side}:{kind}:{gap}"]
        # how far, in words (a doer or a victim stands close to its verb), and a passive verb ("was detained")
        feats.append(f"td{side}:{kind}:{_bucket(len(between))}")
        if _PASSIVE_RE.search(text, max(sent[0], a - 14), a):
            feats += [f"pass{side}:{kind}", f"pass{side}"]
    if trig:  # the trigger nearest the mention: which act its sentence ties it to
        near = min(trig, key=lambda t: min(abs(t[0] - own.end), abs(own.start - t[1])))
        feats.append(f"tn:{near[2]}")
    if own.generic:
        feats.append("generic")
    if own.kind:
        feats.append(f"okind:{own.kind}")
    if title:
        feats.append("title")
    feats.append(f"pos:{_bucket(position)}")  # the lead of an article tells its main act
    if own.label == "Organisation":  # what it is called says whom it could be: "authorities", "police", "Tatars"
        feats += [f"own:{_stem(t)}" for t in _TOKEN_RE.findall(text, own.start, own.end) if t[0].isalpha()]
    people = sum(1 for s in spans if s.label == "Person")
    feats.append(f"np:{min(people, 4)}")  # one of a list of names, or the one person the sentence is about
    words, where = toks or tokens(text, sent[0], sent[1], spans)
    at = where.get((own.start, own.end, own.ref), -1)
    if at < 0:
        return feats
    for i, t in enumerate(words):
        if i == at:
            continue
        d = i - at
        feats.append(f"s:{t}")
        if abs(d) <= _NEAR:
            feats.append(f"{'L' if d < 0 else 'R'}:{t}")
        if abs(d) <= _EXACT:
            feats.append(f"w{d}:{t}")
    if not any(w.startswith("<") for w in words[:at]) and not any(b <= own.start for _a, b, _k in trig):
        # the first actor, before any act: the sentence's subject ("The FSB detained ...", "X was detained")
        feats.append("subj")
    left = words[max(0, at - 2):at]
    right = words[at + 1:at + 3]
    feats.append("L2:" + "_".join(left))
    feats.append("R2:" + "_".join(right))
    if left[-1:] in (["and"], [","]) or right[:1] in (["and"], [","]):
        feats.append("listed")
    return list(dict.fromkeys(feats))
