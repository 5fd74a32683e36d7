"""Apply the learned event finder: score every mention, add the events the rules did not find.

The weights are a JSON file shipped with the package (``weights.json``, written by
:mod:`.train`); applying them is a sparse dot product in plain Python, offline, with no
library beyond the standard one.

For every sentence and every person or organisation the extractor found in it, each learned
(event kind, role) gets a probability. Those above their class's threshold become claims,
grouped as the annotators group them:

- a *target* makes one event per entity and kind,
  keyed like the rules' (``event:<name>-<kind>``), unless the rules already gave that entity
  an event of that kind; a mention is the target of one act per sentence (its likeliest kind);
- a *perpetrator* or *judge* joins the events of its kind that the same sentence
  names a target of (the rules' or the ones just made).

Left out whatever the model says: a target where the rules found the act's target in the same
sentence, the one who speaks, a name in a list of four or more people, a state body as a target,
a person as a perpetrator (:func:`_fits`). A learned event is placed by the rules' own reading of
places (:func:`loaders.extract.event_places.event_places`).

Every claim quotes its own sentence (exact text, with its span); its confidence is the
probability, so an unsure one goes to ``casegraph review``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from loaders.extract.claim_model import Extraction, quote_span
from loaders.extract.event_places import event_places
from loaders.extract.gazetteer import slug
from loaders.extract.guards import irrealis
from loaders.extract.learn.features import Span, Tokens, candidate_features, sentence_spans, tokens, triggers
from loaders.extract.mention_types import Mention, Sentence
from loaders.extract.mentions import split_sentences

__all__ = ["Model", "load_model", "learned_events"]

WEIGHTS = Path(__file__).with_name("weights.json")
_MAKES_EVENT = ("target",)
_JOINS_EVENT = ("perpetrator", "judge")
# A speaker is not what they speak of: "X said", "X, director of Y, said", "said Ambassador X".
_SAID_AFTER_RE = re.compile(r"(?:\s*\([^()]{0,60}\))?(?:,[^,;:]{0,120},?|,)?\s*(?:said|says|told|stated|states|added|noted|wrote|"
                            r"commented|stressed|explained|declared|warned|urged|urges|called|calls|condemned|condemns|welcomed|welcomes|demanded|demands|"
                            r"emphasi[sz]ed|emphasi[sz]es|reiterated|reiterates|underlined|underlines|highlighted|highlights|"
                            r"expressed|expresses|recalled|recalls|reaffirmed|reaffirms)\b")
_SAID_BEFORE_RE = re.compile(r"\b(?:said|says|added|stated|noted|according\s+to)\s+(?:[A-Z][\w.’'-]*\s+){0,3}$")
# "barred by X", "founded by X": a doer named after "by" belongs to the participle right before it;
# where that word is no trigger, X did another act than the sentence's trigger names.
_BY_RE = re.compile(r"\b([^\W\d_][\w’'-]*)\s+by\s+(?:the\s+|a\s+|an\s+)?$")
# A collective named by a state body's head noun ("the police", "Russian authorities") is nobody's target.
_STATE_NAME_RE = re.compile(r"\b(?:police|authorit|forces|security|officer|agent|guard|militar|army|court|prosecut|investigat|"
                            r"FSB|ministry|government|occupation|occupier|de[ -]facto|Kremlin|Russia\b)", re.I)
_WORD_RE = re.compile(r"\w+")
_NEAR = 10  # a mention further from its act's trigger than this many words is another verb's ("stopped by X and ... detained Y")
_LIST = 4  # a sentence naming this many people lists them ("activists like A, B, C and D"): no learned target there
# Kinds the finder joins but does not make: "other" holds acts annotators group in many ways (a
# shutdown of several outlets is one event), so one event per entity is mostly wrong there.
_NO_NEW = ("other",)
# Every organisation the gold of the eight development splits makes a perpetrator is of these kinds
# (about 380 claims); none is a newsroom, an NGO, a party, a court or an international body ("other").
_DOERS = ("government", "collective", "security_service", "military", "police", "agency", "prosecutor")
_STATE = ("agency", "court", "prosecutor", "security_service", "police", "government", "military")


@dataclass
class Model:
    """Per (kind, role) class: a bias and sparse feature weights."""

    classes: list[tuple[str, str]]
    bias: list[float]
    weights: dict[str, list[tuple[int, float]]]
    threshold: float = 0.5
    thresholds: list[float] | None = None  # per class (chosen by cross-validation); else ``threshold``

    @classmethod
    def from_json(cls, text: str) -> Model:
        doc = json.loads(text)
        classes = [tuple(c.split("/", 1)) for c in doc["classes"]]
        per = doc.get("thresholds")
        return cls([(k, r) for k, r in classes], [float(b) for b in doc["bias"]],
                   {f: [(int(i), float(w)) for i, w in ws] for f, ws in doc["weights"].items()}, float(doc["threshold"]),
                   [float(t) for t in per] if per else None)

    def cut(self, i: int) -> float:
        """The probability class ``i`` needs."""
        return self.thresholds[i] if self.thresholds else self.threshold

    def probabilities(self, features: Sequence[str]) -> list[float]:
        """P(class) for one candidate's features."""
        score = list(self.bias)
        for f in features:
            for i, w in self.weights.get(f, ()):
                score[i] += w
        return [1.0 / (1.0 + math.exp(-min(max(s, -30.0), 30.0))) for s in score]


@lru_cache(maxsize=4)
def load_model(path: Path = WEIGHTS) -> Model:
    """The shipped weights (read once)."""
    return Model.from_json(path.read_text(encoding="utf-8"))


@dataclass
class _Hit:
    span: Span
    sent: tuple[int, int]
    kind: str
    role: str
    p: float
    cue: tuple[int, int]   # what the quote must hold: the mention and the nearest trigger of the kind
    trigger: tuple[int, int] | None = None  # that trigger, when the sentence has one
    nearest: str = ""      # the kind of the trigger (of any kind) nearest the mention
    gap: int = 0           # how many words stand between the mention and that trigger of its kind

    def quote(self, text: str) -> tuple[int, int]:
        return quote_span(text, Sentence(self.sent[0], self.sent[1], text[self.sent[0]:self.sent[1]]), *self.cue)


def _spans(mentions: Sequence[Mention], ex: Extraction) -> list[Span]:
    out = []
    for m in mentions:
        e = ex.entities.get(m.ref)
        if e is None:
            continue
        kind = str(e.attributes.get("kind") or "") if e.label == "Organisation" else ""
        out.append(Span(m.start, m.end, m.ref, e.label, e.generic, kind))
    return sorted(out, key=lambda s: (s.start, -s.end))


def _fits(s: Span, role: str, name: str) -> bool:
    """Whether an entity can play ``role`` at all: a state body is nobody's target, a court is
    the judge, and only a state body or a collective is a perpetrator (:data:`_DOERS`)."""
    if s.label != "Organisation":
        return role not in ("judge", "perpetrator")  # people who detain or search are named by their agency
    if role == "judge":
        return s.kind == "court"
    if role == "target":
        return s.kind not in _STATE and not _STATE_NAME_RE.search(name)
    if role == "perpetrator":  # the kinds the annotators' perpetrators are of (an unknown kind may be one)
        return s.kind in _DOERS or not s.kind
    return True


def _speaker(text: str, sent: tuple[int, int], s: Span) -> bool:
    """Whether the mention is who speaks in the sentence ("X said", "said X")."""
    return bool(_SAID_AFTER_RE.match(text, s.end, sent[1]) or _SAID_BEFORE_RE.search(text, max(sent[0], s.start - 60), s.start))


def _agent(text: str, sent: tuple[int, int], s: Span, trig: Sequence[tuple[int, int, str]], role: str) -> bool:
    """Whether the mention is named as an agent ("V by X") where ``role`` cannot be: a target never is
    one ("attended by X"), a doer not of a word no trigger names ("barred by the authorities")."""
    m = _BY_RE.search(text, max(sent[0], s.start - 60), s.start)
    if not m:
        return False
    return role in _MAKES_EVENT or (role in _JOINS_EVENT and not any(a <= m.start(1) < b for a, b, _k in trig))


def _score(text: str, spans: list[Span], model: Model) -> list[_Hit]:
    hits = []
    first_line = text.find("\n") if "\n" in text else len(text)
    i = 0
    for k, sent in enumerate(sentence_spans(text)):
        while i < len(spans) and spans[i].start < sent[0]:
            i += 1
        inside = []
        for s in spans[i:]:
            if s.start >= sent[1]:
                break
            if s.end <= sent[1]:
                inside.append(s)
        trig: list[tuple[int, int, str]] | None = None
        toks: Tokens | None = None
        listed = sum(1 for s in inside if s.label == "Person") >= _LIST
        for s in inside:
            if s.label not in ("Person", "Organisation"):
                continue
            if trig is None or toks is None:  # once per sentence, for its first candidate
                trig, toks = triggers(text, sent), tokens(text, sent[0], sent[1], inside)
            probs = model.probabilities(candidate_features(text, sent, s, inside, sent[0] < first_line, trig, toks, k))
            # One act per mention and sentence: of the kinds it would be the target of, the likeliest.
            top = max((p for (_k, r), p in zip(model.classes, probs, strict=True) if r in _MAKES_EVENT), default=0.0)
            for ci, ((kind, role), p) in enumerate(zip(model.classes, probs, strict=True)):
                if role in _MAKES_EVENT and p < top:
                    continue
                if p < model.cut(ci) or not _fits(s, role, text[s.start:s.end]):
                    continue
                if role in _MAKES_EVENT and (listed or _speaker(text, sent, s)):
                    continue
                if _agent(text, sent, s, trig, role):
                    continue
                said = [(a, b) for a, b, k in trig if k == kind]
                if said and all(irrealis(text[max(sent[0], a - 80):a]) for a, _b in said):
                    continue  # "if convicted", "could be detained": the sentence's own words say it did not happen
                near = min(said, key=lambda t: abs(t[0] - s.start), default=(s.start, s.end, ""))
                closest = min(trig, key=lambda t: min(abs(t[0] - s.end), abs(s.start - t[1])), default=(0, 0, ""))
                gap = len(_WORD_RE.findall(text, min(s.end, near[1]), max(s.start, near[0]))) if said else 0
                hits.append(_Hit(s, sent, kind, role, p, (min(s.start, near[0]), max(s.end, near[1])),
                                 (near[0], near[1]) if said else None, closest[2], gap))
    return hits


def learned_events(text: str, mentions: Sequence[Mention], ex: Extraction, model: Model | None = None) -> int:
    """Add to ``ex`` the events and claims the model finds and the rules did not; return how many claims."""
    model = model or load_model()
    hits = _score(text, _spans(mentions, ex), model)
    if not hits:
        return 0
    n = len(ex.claims)
    kinds = {k: str(e.attributes.get("kind") or "") for k, e in ex.entities.items() if e.label == "Event"}
    # What the rules already say: (entity, kind) pairs with an event.
    have = {(c.subject, kinds.get(c.object)) for c in ex.claims if c.predicate == "PARTICIPANT_IN"}
    # Events named in each sentence (by a target's claim quoting it), by kind.
    named: dict[tuple[tuple[int, int], str], list[str]] = {}
    sents = sorted({h.sent for h in hits})
    for c in ex.claims:
        if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") in _MAKES_EVENT and c.object in kinds:
            for s in sents:
                if c.span[0] < s[1] and s[0] < c.span[1]:
                    named.setdefault((s, kinds[c.object]), []).append(c.object)
    by_rules = {k: list(v) for k, v in named.items()}
    made: dict[str, list[tuple[int, int]]] = {}  # the learned events, by the trigger that names them
    best: dict[tuple[str, str, str], _Hit] = {}
    # Whom the rules make the target of some act: a new kind for them is mostly the same act named
    # otherwise ("detained" and "arrested"), so the finder makes events only for those the rules left out.
    targets = {c.subject for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") in _MAKES_EVENT}
    one: dict[str, _Hit] = {}  # one learned event per entity: its likeliest
    for h in sorted(hits, key=lambda h: (-h.p, h.span.start, h.kind, h.role)):
        best.setdefault((h.span.ref, h.kind, h.role), h)
        if h.role in _MAKES_EVENT:
            one.setdefault(h.span.ref, h)
    for h in sorted(best.values(), key=lambda h: (h.span.start, h.kind, h.role)):
        ref, e = h.span.ref, ex.entities[h.span.ref]
        quote, conf = h.quote(text), round(h.p, 2)
        if h.role in _MAKES_EVENT:
            if h.kind in _NO_NEW or ref in targets or one[ref] is not h or h.nearest not in ("", h.kind) or h.gap > _NEAR:
                continue  # (and, as a doer, only of the act its nearest trigger names, near it)
            if (ref, h.kind) in have or by_rules.get((h.sent, h.kind)):
                continue  # the rules found this act's target in the sentence: another name there is someone else
            ev = f"event:{slug(e.name)}-{h.kind.replace('_', '-')}"
            if ev in ex.entities and kinds.get(ev) != h.kind:
                ev += "-learned"
            what = h.kind.replace("_", " ").capitalize()
            ex.entity(ev, "Event", f"{what} of {e.name}", kind=h.kind)
            kinds[ev] = h.kind
            ex.claim(ref, "PARTICIPANT_IN", ev, quote, conf, f"learned:{h.kind}", role=h.role)
            if h.trigger is not None:
                made[ev] = [h.trigger]
            have.add((ref, h.kind))
            named.setdefault((h.sent, h.kind), []).append(ev)
    joined = {(c.subject, c.object) for c in ex.claims if c.predicate == "PARTICIPANT_IN"}
    for h in sorted(hits, key=lambda h: (h.span.start, h.kind, h.role)):
        if h.role not in _JOINS_EVENT or h.nearest != h.kind or h.gap > _NEAR:
            continue  # a doer joins the act its nearest trigger names ("sentenced by X" is no doer of a transfer), near it
        for ev in dict.fromkeys(named.get((h.sent, h.kind), ())):
            if (h.span.ref, ev) not in joined:  # each sentence that names the event and its doer: the first one quoted
                joined.add((h.span.ref, ev))
                ex.claim(h.span.ref, "PARTICIPANT_IN", ev, h.quote(text), round(h.p, 2), f"learned:{h.kind}", role=h.role)
    if made:  # where the learned events happened: the rules' own reading of places, for these events only
        for ev, spans in made.items():
            for a, b in spans:
                ex.trigger(ev, a, b)
        event_places(text, split_sentences(text), list(mentions), Extraction(ex.entities, ex.claims, made))
    return len(ex.claims) - n
