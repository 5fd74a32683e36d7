"""Where no organisation is named though the words look like one: a record's "Label: value"
line (a victims list, a register: "Ethnic Group: Crimean Tatar", "Nature of Charges: Banned
Organization"), an acronym the article defines for a lower-case phrase ("country of
particular concern (CPC)"), which is a term, and a word in capitals that is no acronym
(:func:`not_an_acronym`: a shouted line, a surname in capitals, a code by a number); and the words
before a body that name something else: a known acronym qualifying a plural ("UN Member States") and
a post before "of" ("First Deputy Head of the Mejlis")."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from loaders.extract.mention_types import Mention

__all__ = ["record_lines", "defined_terms", "not_an_acronym", "qualifying_acronyms", "after_post", "platform_venues"]


# A record's line: a short capitalised label, a colon, its value ("Ethnic Group: Crimean Tatar").
_RECORD_LINE = re.compile(r"^[A-Z][\w’'()/ -]{1,40}: \S[^\n]{0,120}$", re.M)


def record_lines(text: str) -> Callable[[int], bool]:
    """Whether a position lies on a record's "Label: value" line (a victims list, a register)."""
    spans = [(m.start(), m.end()) for m in _RECORD_LINE.finditer(text)]
    starts = [a for a, _b in spans]

    def on(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and pos < spans[i][1]
    return on


_ACRONYM_IN_PARENS = re.compile(r" \((?P<acronym>[A-Z]{2,6})s?\)")
_TERM_BEFORE = re.compile(r"(?<![\w\-])(?P<phrase>[a-z][a-z\-]*(?: [a-z][a-z\-]*){1,7})[”\"’']?,?\Z")


def defined_terms(text: str) -> set[str]:
    """Acronyms the article defines for a lower-case phrase ("country of particular concern (CPC)"):
    terms, not organisations. (Each acronym in parentheses is read back from, not every word.)"""
    out = set()
    for m in _ACRONYM_IN_PARENS.finditer(text):
        acronym = m.group("acronym")
        before = _TERM_BEFORE.search(text, max(0, m.start() - 100), m.start())
        if before is None:
            continue
        words = [w for w in re.split(r"[ \-]", before.group("phrase")) if w not in ("of", "for", "and", "the", "on", "in", "to")]
        if "".join(w[0] for w in words[-len(acronym):]).upper() == acronym:
            out.add(acronym)
    return out


# Honorifics before a name whose surname a parliamentary list writes in capitals ("Mr Volodymyr ARIEV").
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Ms|Mrs|Miss|Dr|Sir|Dame|Lord|Lady|Baroness|Baron)\.?\s+(?:[A-Z][^\W\d_]*\s+){0,2}$")
# A capitalised word (any script's letters) right before the acronym: "Volodymyr ARIEV".
_NAME_BEFORE = re.compile(r"(?<![\w\-])([A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_A-Z]+)\s$")
# A reference's number next to the word: "2017/2596(RSP)", "Art. 205.5-1 RCC", "UIN HL451", "AL RUS 4/2020".
_NUMBER_BEFORE = re.compile(r"\d[\d./\-]*[./\-]\d+\s?\(?$|\d\($|\b(?:Art|Arts|Article|Articles|Part|No)\.?\s*\d[\w./\-]*\s?\(?$")
_CODE_AFTER = re.compile(r"\s(?:[A-Z]{1,4}\d|\d+/\d)")


def not_an_acronym(text: str, start: int, end: int, given_names: frozenset[str]) -> bool:
    """Whether the capitals at ``text[start:end]`` are no organisation's acronym: a word of a
    line in capitals ("PALAIS DES NATIONS • 1211 GENEVA 10", "STATEMENT BY MARK TONER"), or
    next to another word in capitals with only a space between ("MANY THANKS"); a surname in
    capitals after a given name or an honorific ("Mr Volodymyr ARIEV", "Ms Boriana ÅBERG"); or a
    part of a reference next to its number ("2017/2596(RSP)", "Art. 205.5-1 RCC", "UIN HL451").
    A list of acronyms in a sentence ("the EPP, S&D, ALDE and ECR groups") is no shouting."""
    before, after = text[max(0, start - 40):start], text[end:end + 12]
    if re.search(r"\b[A-Z]{2,} $", before) or re.match(r" [A-Z]{2,}\b", after):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if not any(c.islower() for c in line) and len(re.findall(r"[A-Z]{2,}", line)) >= 3:
        return True
    name = _NAME_BEFORE.search(before)
    if name and (name.group(1) in given_names or _HONORIFIC_BEFORE.search(before, 0, name.start(1))):
        return True
    return bool(_NUMBER_BEFORE.search(before) or _CODE_AFTER.match(after))


_ACRONYM_NAME = re.compile(r"[A-Z](?:\.?[A-Z]){1,5}\.?")
# A plural of capitalised words after the acronym that no list knows, and nothing capitalised after it:
# "UN Member States", "UN Special Procedures", "UN Human Rights monitors".
_PLURAL_AFTER = re.compile(r" (?:[A-Z][a-z][\w’'-]* ){0,2}[A-Z][a-z][\w’'-]*[^s\W]s(?![\w’'-])(?! [A-Z])")


def qualifying_acronyms(mentions: Sequence[Mention], text: str, people_words: frozenset[str]) -> list[Mention]:
    """The mentions without a known body's acronym that only qualifies a plural the lists do not
    know ("UN Member States", "UN Special Procedures mandate holders", "UN Human Rights monitors"):
    the people or bodies named so are a class of their own, and the acronym names no actor there
    (three development splits' annotators leave it out). A known name after it ("UN Human Rights
    Council") is a mention of its own and keeps the acronym's reading to the lists; a
    given name after it ("USCIRF Chair Tony Perkins") is a person's, and the body stays."""
    starts = {m.start for m in mentions}
    out = []
    for m in mentions:
        if m.label == "Organisation" and _ACRONYM_NAME.fullmatch(m.text):
            after = _PLURAL_AFTER.match(text, m.end)
            if after is not None and m.end + 1 not in starts and not people_words.intersection(after.group().split()):
                continue
        out.append(m)
    return out


# The platforms people publish on (gazetteers/organisations.yaml).
_PLATFORMS = frozenset({"org:facebook", "org:twitter", "org:telegram", "org:youtube", "org:instagram", "org:vkontakte"})
# "according to Facebook", "according to the organization's official Facebook page", read by _platform_itself.
_ACCORDING_TO = re.compile(r"(?<![\w\-])according\s+to\s+(?:(?:his|her|its|their|the|a)\s+)?(?:[\w’'.\-]+(?:’s|'s)\s+)?"
                           r"(?:official\s+)?\Z")
_PAGE_AFTER = re.compile(r"\s+(?:page|account|channel|feed)\b")


# A platform that acts or is acted on (README conv16a point 1: only then an Organisation): "Twitter had blocked the
# account", "Facebook removed the page", "the authorities blocked Telegram", "a ban on Instagram", "access to YouTube";
# "according to Facebook" (the platform itself says so) is the platform's own statement.
_PLATFORM_ACTS = re.compile(r"\s+(?:(?:had|has|have)\s+)?(?:blocked|banned|removed|deleted|suspended|restricted|closed|"
                            r"took\s+down|takes\s+down|refused|said|says|stated|announced|confirmed)\b")
_PLATFORM_ACTED_ON = re.compile(r"(?<![\w\-])(?:block(?:ed|ing|s)?|ban(?:ned|ning|s)?|restrict(?:ed|ing|s)?|"
                                r"throttl(?:ed|ing|es)|ban\s+on|access\s+to|blocking\s+of)\s+(?:the\s+)?\Z", re.I)


def _platform_itself(text: str, m: Mention) -> bool:
    """Whether a platform's mention names the platform acting or acted on (see :func:`platform_venues`)."""
    before = text[max(0, m.start - 120):m.start]
    if _ACCORDING_TO.search(before) is not None and not _PAGE_AFTER.match(text, m.end):
        return True  # "according to Facebook": the platform itself says so
    return _PLATFORM_ACTS.match(text, m.end) is not None or _PLATFORM_ACTED_ON.search(before) is not None


def platform_venues(mentions: Sequence[Mention], text: str) -> list[Mention]:
    """The mentions without a platform named only as where something was posted, streamed or published ("the Embassy
    posted on Twitter", "wrote in Telegram", "according to the organization's Facebook page", "Source: X, ..., on
    Telegram", "charges for a Facebook post", "videos on his YouTube channel"): the platform is the statement's medium,
    no actor (README conv16a point 1; dev8 e01 e02, dev9 h02 h06 h09 h10, and since conv16a dev2 x01 x04, dev4 r02,
    dev8 e05). A platform that acts or is acted on stays ("Twitter had blocked the account", "the authorities blocked
    Telegram", "according to Facebook")."""
    refs = {m.ref for m in mentions if m.ref in _PLATFORMS}
    if not refs:
        return list(mentions)
    kept = {m.ref for m in mentions if m.ref in refs and _platform_itself(text, m)}
    return [m for m in mentions if m.ref not in refs or m.ref in kept]


# The words of a post: "Crimean Tatar First Deputy Head of the Mejlis" names a person's post in the Mejlis.
_POST_WORDS = frozenset({"Head", "Deputy", "Chair", "Chairman", "Chairwoman", "Chairperson", "Director", "Secretary",
                         "Spokesperson", "Spokesman", "Spokeswoman", "Coordinator", "Founder", "Co-founder", "Editor",
                         "Adviser", "Advisor", "Leader", "Vice-Chair", "Vice-Chairman", "General"})


def after_post(words: list[re.Match[str]], heads: set[str]) -> list[re.Match[str]]:
    """The words after "of (the)" when a post's word stands before it ("... First Deputy Head of the
    Mejlis", "[Secretary] General of the Council of Europe"): the body is the one after "of"; else (or
    when a head noun stands before "of": "General Prosecutor's Office of Ukraine") the words as they are."""
    of = next((i for i, w in enumerate(words) if w.group() == "of"), None)
    if of is None or not any(w.group() in _POST_WORDS for w in words[:of]) \
            or any(w.group() in heads or w.group().rstrip("’'s") in heads for w in words[:of]):
        return words
    k = of + 2 if of + 1 < len(words) and words[of + 1].group() == "the" else of + 1
    return words[k:] if k < len(words) else words
