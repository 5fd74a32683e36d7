"""Cases between states: "the Ukraine v. Russia inter-state case concerning Crimea", "the case of
“Ukraine against Russia concerning a pattern of human rights violations in Crimea”", "the claim of
Ukraine against Russia on the application of the International Convention on ...".

A state that brings a case against another before an international court (the European Court of
Human Rights, the International Court of Justice) makes one ``LegalCase``; the respondent state's
government is ``DEFENDANT_IN`` it, and where the phrase says what the case is about and that is a
breach ("concerning a pattern of human rights violations"), the respondent is ``ACCUSED_OF`` it.

The cases the corpus names by key are data (``charges.yaml``: ``interstate_cases``, each with the
words of its court or treaty that tell it apart); an inter-state case the data does not know gets
the key of its two states ("case:georgia-v-russia").

Only the wording of procedure makes a case: "v." / "vs" / "versus" between two countries, or
"against" right after "the case of", "the claim of", "the application of", "proceedings of" (so
"Russia's war against Ukraine" is no case).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import yaml

from loaders.extract.claims import Extraction, quote_span
from loaders.extract.gazetteer import Gazetteer, slug
from loaders.extract.mentions import Sentence
from loaders.extract.orgs import government_key

__all__ = ["interstate_cases"]

_STATE = r"(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?"
_VERSUS = r"(?:v\.?|vs\.?|versus)"
# "“Ukraine against Russia ...”" after "the case of": the case's title; "Ukraine v. Russia" anywhere.
_CASE_RE = re.compile(rf"(?:(?P<cue>\b(?:case|claim|application|proceedings|complaint)\s+(?:of|by)\s+)[“\"‘]?)?"
                      rf"(?<![\w-])(?P<app>{_STATE})\s+(?P<sep>{_VERSUS}|against)\s+(?P<resp>{_STATE})(?![\w-])")
# What the case is about, as the phrase goes on: "concerning a pattern of human rights violations in Crimea".
_ABOUT_RE = re.compile(r"\s+(?:\(re\s+|concerning\s+|regarding\s+|on\s+|re\s+)(?P<about>[^.;:”\"()]{3,120})")
_BREACH_RE = re.compile(r"\b(?:violations?|breach(?:es)?|abuses?)\b", re.IGNORECASE)
_INTERSTATE_RE = re.compile(r"\binter-?state\b|\bcase\b|\bclaim\b|\bjudg(?:e)?ment\b|\bCourt\b|\bapplication\b", re.IGNORECASE)


@cache
def _cases() -> tuple[tuple[str, str, str, str, tuple[str, ...]], ...]:
    """The known inter-state cases as (key, name, applicant, respondent, cue words), from ``charges.yaml``."""
    data = yaml.safe_load((Path(__file__).with_name("gazetteers") / "charges.yaml").read_text(encoding="utf-8"))
    return tuple((str(c["key"]), str(c["name"]), str(c["applicant"]), str(c["respondent"]), tuple(str(w) for w in c.get("cues") or ()))
                 for c in data.get("interstate_cases") or ())


def _country(name: str, gaz: Gazetteer) -> str | None:
    """The gazetteer key of the country ``name`` names ("the Russian Federation" -> "russia")."""
    entry = gaz.places.get(re.sub(r"^the\s+", "", name))
    return entry.key if entry is not None and entry.attributes.get("kind") == "country" else None


def interstate_cases(text: str, sentences: Sequence[Sentence], ex: Extraction, gaz: Gazetteer) -> None:
    """Add the inter-state cases the article names, each with its respondent ``DEFENDANT_IN`` it."""
    if " v" not in text and "against" not in text:
        return
    known = _cases()
    done: set[str] = set()
    for sent in sentences:
        if " v" not in sent.text and "against" not in sent.text:
            continue
        for m in _CASE_RE.finditer(sent.text):
            if m.group("sep") == "against" and m.group("cue") is None:
                continue  # "the struggle of Ukraine against Russia": no procedure named
            app, resp = _country(m.group("app"), gaz), _country(m.group("resp"), gaz)
            if app is None or resp is None or app == resp or not _INTERSTATE_RE.search(sent.text):
                continue
            about = _ABOUT_RE.match(sent.text, m.end())
            # The court, the treaty or the land of the case, said in its sentence, tells the known cases apart.
            where = sent.text
            case = next((k for k, _n, a, r, cues in known if a == app and r == resp and any(w in where for w in cues)), None)
            name = next((n for k, n, *_rest in known if k == case), None)
            if case is None:
                case = f"{app}-v-{resp}"
                name = f"{m.group('app')} v. {m.group('resp')}"
            key = f"case:{slug(case)}"
            if key in done:
                continue
            done.add(key)
            s0 = sent.start
            b = s0 + (about.end() if about else m.end())
            span = quote_span(text, sent, s0 + m.start(), b)
            ex.entity(key, "LegalCase", name or key)
            defendant = f"org:{government_key(resp)}"
            if defendant not in ex.entities:
                ex.entity(defendant, "Organisation", re.sub(r"^the\s+", "", m.group("resp")), kind="government")
            ex.claim(defendant, "DEFENDANT_IN", key, span, 0.6, "case:interstate", procedural_status="defendant")
            if about and _BREACH_RE.search(about.group("about")):
                ex.claim(defendant, "ACCUSED_OF", key, span, 0.6, "case:interstate",
                         charge=about.group("about").strip(" ,").rstrip("”\"’"))
