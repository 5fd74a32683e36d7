"""Who an event happened to when the sentence names a group rather than a person.

Real articles report one act against several people at once: "the detention of the 5
Crimean Tatars – A, B, C, D and Deputy Head of the Mejlis, E", "The four men were detained
by the Russian authorities" (the four named in a list at the end), "raids on their homes",
"Russia has imprisoned ... This includes A, B and C". A monitor records one event per person.

- :func:`coordinated` says whether the text between two names joins them in one list (commas,
  "and", a title or apposition between: "and Deputy Head of the Mejlis, E", ", the first
  deputy of the Mejlis, and activist cousins E");
- :func:`article_groups` finds the article's lists of people: coordinated names, and names
  each on a line of its own (a list after "are:");
- :func:`plural_mentions` finds the plural phrases of a sentence and whom they mean: "they",
  "their", "these men" (the last list named), "the four men", "5 Crimean Tatars" (the list of
  exactly that many people in the article);
- :data:`INCLUDES_RE`: a sentence that names the people a previous one spoke of as a group
  ("This includes A, B ...", "Among them are ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import Mention

__all__ = ["coordinated", "article_groups", "plural_mentions", "collective_object", "person_places", "release_destination",
           "INCLUDES_RE", "Group"]

# (start, end, refs): a list of people as the text names it.
Group = tuple[int, int, list[str]]

# An apposition after a name: ", the first deputy of the Mejlis of Crimean Tatar People", ", a lawyer", ", 19".
# (An age is one too: "Islyam Dzhepparov, 19, and Dzhevdet Islyamov, 23, were ...".)
_APPOS = (r"(?:,\s+(?:the\s+|a\s+|an\s+)?(?:[\w’'-]+\s+){0,4}?(?:of|at|for|from)\s+(?:the\s+)?[^,;.()“”\"]{2,60}?(?=,)|"
          r",\s+(?:a|an|the)\s+(?:[a-z][\w’'-]*\s+){0,3}[a-z][\w’'-]*(?=,)|"
          r",\s+(?:aged\s+)?\d{1,3}(?=,))?")
# A title or description before the next name: "Deputy Head of the Mejlis of Crimean Tatars, ",
# "activist cousins ", "his brother ", "Mr ".
_BEFORE_NEXT = r"(?:(?:his|her|their)\s+)?(?:(?:[A-Z][a-z]+(?:ian|ish|ese|an|ar)\s+)?(?:[a-z][\w’'-]*\s+){1,3}(?=[A-Z]|$))?" \
               r"(?:(?:[A-Z][\w’'-]*\s+){1,4}of\s+(?:the\s+)?[^,;.()“”\"]{2,60}?,\s+)?(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?"
# ("as well as" joins the last of a list as "and" does: "A as well as B", "A, B as well as C")
_COORD_RE = re.compile(_APPOS + r"\s*(?:,|,?\s+(?:and|or|as\s+well\s+as))\s+" + _BEFORE_NEXT)
# Words between two names that mean they are not one list: a verb of their own.
_NOT_A_LIST = re.compile(r"\b(?:said|says|told|was|were|is|are|has|have|had|who|which|that|by|against|with|to|for|"
                         r"represents|defends|defended|represented|accused|charged|sentenced|detained|arrested)\b")

_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
            "eleven": 11, "twelve": 12}
# "the four men", "5 Crimean Tatars", "these three activists", "the four Ukrainian nationals"
_NUMBERED_RE = re.compile(
    r"\b(?:(?:the|these|those|all|all\s+the)\s+)?(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+(?:[A-Za-z][\w’'-]*\s+){0,2}?(?:men|women|people|persons|activists|Tatars|nationals|Ukrainians|individuals|"
    r"prisoners|defendants|detainees|leaders|journalists|members|residents|brothers|believers|Witnesses|citizens|"
    r"civilians|lawyers)\b"
    # ("All four were arrested", "all three have been sentenced": the number alone, the subject of its verb)
    r"|\b(?:all|the)\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?=\s+(?:were|are|have|had|remain|remained)\b)",
    re.IGNORECASE)
# "they", "their homes", "these men", "both": the people named together last.
_PLURAL_RE = re.compile(r"\b(?:both men|both women|the brothers|both|they|them|their|(?:the|these|those)(?: \w+)? "
                        r"(?:men|women|activists|defendants|individuals|prisoners|detainees|leaders))\b", re.IGNORECASE)
# ("These are A, B and C" names them as "This includes" does: round 16, lists16)
INCLUDES_RE = re.compile(r"\s*(?:(?:This|These|They|Those|Such\s+cases?)\s+includes?|These\s+are(?=\s+(?-i:[A-Z]))|Among\s+(?:them|those)\b(?:\s+(?:are|were|is))?)\b",
                         re.IGNORECASE)


_NUMBER = (r"(?:\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
           r"sixteen|seventeen|eighteen|nineteen|twenty|twenty-\w+)")
# A term in a list of sentences: "to 19 years in prison", "to 12 years each", "to eight and a half years in a strict regime colony";
# the verb left out behind a dash too (round 16, lists16): "B — to 18 years, C — 12 years".
TERM_TAIL_RE = re.compile(rf"(?:\s+to\s+|\s*[—–]\s*(?:to\s+)?)(?:an?\s+)?{_NUMBER}(?:[- ]and[- ]a[- ]half)?[- ](?:years?|months?)\b(?:\s+each)?"
                          r"(?:\s+(?:in\s+(?:a\s+)?(?:prison|jail|(?:[\w-]+\s+){0,3}?(?:colony|settlement))|of\s+(?:imprisonment|prison|jail)|"
                          r"imprisonment)\b)?(?:\s+each)?", re.IGNORECASE)
TERM_GAP_RE = re.compile(r"\s*(?:,\s*(?:and\s+|while\s+|whereas\s+)?|\s+and\s+|;\s*(?:and\s+)?)(?:(?:Mr|Mrs|Ms)\.?\s+)?")
# Between two names of a list of prison terms: "A was sentenced to 19 years in prison, B to 18 years, C ...".
_TERM_LINK_RE = re.compile(r"(?:\s+(?:was|were|has\s+been|had\s+been)\s+sentenced)?(?:" + TERM_TAIL_RE.pattern + ")" + TERM_GAP_RE.pattern,
                           re.IGNORECASE)


def coordinated(between: str) -> bool:
    """Whether ``between`` (the text between two names) joins them in one list."""
    m = _COORD_RE.fullmatch(between)
    if not m:
        return False
    # A clause of its own between the names ("X said and Y", "X, who represents Y") is no list;
    # an apposition's "of" or "from" is ("X, a journalist from Nova Kakhovka, and Y").
    return not _NOT_A_LIST.search(re.sub(r"\b(?:of|at|for|from)\s+(?:the\s+)?", " ", between))


def article_groups(text: str, people: Sequence[Mention]) -> list[Group]:
    """The article's lists of two or more people: coordinated names, and names alone on their lines."""
    out: list[Group] = []
    ordered = sorted(people, key=lambda m: m.start)
    run: list[Mention] = []

    def close() -> None:
        refs = list(dict.fromkeys(m.ref for m in run))
        if len(refs) > 1:
            out.append((run[0].start, run[-1].end, refs))

    for m in ordered:
        if run and (coordinated(text[run[-1].end:m.start]) or _TERM_LINK_RE.fullmatch(text[run[-1].end:m.start])):
            run.append(m)  # (a list of prison terms names its people too: "A was sentenced to 19 years, B to 18 years")
            continue
        close()
        run = [m]
    close()
    # Names each on a line of their own, one after another: a list ("... are:\n\nA\n\nB\n\nC").
    run = []
    for m in ordered:
        alone = (m.start == 0 or text[m.start - 1] == "\n") and not text[m.end:text.find("\n", m.end) if "\n" in text[m.end:]
                                                                           else len(text)].strip()
        if alone and run and not text[run[-1].end:m.start].strip():
            run.append(m)
            continue
        close()
        run = [m] if alone else []
    close()
    return out


def plural_mentions(sent_start: int, sent_text: str, groups: Sequence[Group], last_group: list[str],
                    article: Sequence[Group]) -> list[Group]:
    """The plural phrases of a sentence, each with the people it means (phrases that mean
    nobody known are left out). ``groups`` are the sentence's own lists, ``last_group`` the
    last list before the sentence, ``article`` every list in the article."""
    out: list[Group] = []
    numbered: list[tuple[int, int]] = []
    if not (article or groups or last_group):
        return out  # nobody named together anywhere: no plural can mean known people
    for m in _NUMBERED_RE.finditer(sent_text) if article else ():
        n = (m.group(1) or m.group(2)).lower()
        count = int(n) if n.isdigit() else _NUMBERS[n]
        a = sent_start + m.start()
        fits = [g for g in article if len(g[2]) == count]
        if not fits:
            continue
        # The list nearest the phrase (the same article may list the same people twice).
        g = min(fits, key=lambda g: min(abs(g[0] - a), abs(g[1] - a)))
        out.append((a, sent_start + m.end(), list(g[2])))
        numbered.append((m.start(), m.end()))
    for m in _PLURAL_RE.finditer(sent_text) if groups or last_group else ():
        if any(s <= m.start() < e for s, e in numbered):
            continue
        a = sent_start + m.start()
        before = [g for g in groups if g[1] <= a]
        refs = list(before[-1][2]) if before else list(last_group)
        if refs:
            out.append((a, sent_start + m.end(), refs))
    return out


_GROUP_NOUNS = r"(?:prisoners|Ukrainians|civilians|people|Tatars|activists|men|women|individuals|journalists|citizens|" \
               r"believers|members|residents|detainees|defendants|nationals|opponents|dissidents|critics|Muslims|" \
               r"Witnesses|lawyers|others|dozens|hundreds|thousands)"
_COLLECTIVE_RE = re.compile(r"\s+(?:of|against)\s+(?:the\s+|these\s+|those\s+|many\s+|other\s+|more\s+)?"
                            r"(?:[\w’'-]+\s+){0,3}?" + _GROUP_NOUNS + r"\b")


def collective_object(after: str, plurals: Sequence[tuple[int, int]]) -> bool:
    """Whether the act's object, right after its trigger, is a collective the sentence does not
    name ("detention of Ukrainian political prisoners", "arrests of Crimean Tatars"), unless that
    phrase is a plural that means people named ("detention of the 5 Crimean Tatars – A, B ...").
    ``plurals`` are the plural phrases' offsets relative to ``after``."""
    m = _COLLECTIVE_RE.match(after)
    if m is None:
        return False
    end = m.end()
    return not any(a < end and b > 0 for a, b in plurals)


# Where a person is: "X's house in P", "X, who is now in exile in P", "X and Y arrived in P", "They remain in P".
_HOME_RE = re.compile(r"(?:’s|'s)\s+(?:home|house|flat|apartment|residence)\s+in\s+(?:the\s+)?(?:(?:village|town|city)\s+of\s+)?")
_STAY_RE = re.compile(r"(?:,\s+who\s+)?\s*(?:(?:both|all)\s+)?(?:(?:is|are|was|were|has been|have been)\s+)?(?:currently\s+|still\s+|now\s+)?"
                      r"(?:(?:lives?|lived|living|resides?|resided|remains?|remained|arrived|stays?|stayed|settled)\s+in|"
                      r"in\s+exile\s+in|(?:being\s+)?(?:held|imprisoned|kept)\s+in)\s+(?:the\s+)?(?:(?:village|town|city)\s+of\s+)?")


def person_places(between: str) -> bool:
    """Whether the text between a person (or "they") and a place says the person is, lives or
    is held there."""
    return bool(_HOME_RE.fullmatch(between) or _STAY_RE.fullmatch(between))


# "were flown to Turkey ... and set free", "deported to Kyiv and released": freed where they were taken.
_TAKEN_TO_RE = re.compile(r"\b(?:flown|deported|expelled|sent|taken|brought|driven|transferred|escorted)\s+to\s+(?:the\s+)?$")
_AND_THEN_RE = re.compile(r"(?:,[^,;.“”]{1,60})?,?\s+and\s+(?:then\s+|later\s+)?(?:(?:was|were)\s+)?")


def release_destination(text: str, sent_start: int, places: Sequence[Mention], a: int) -> Mention | None:
    """The place a release happened in when the sentence first takes the people there ("Both men
    were flown to Turkey, without an official explanation, and set free"): the nearest place before
    the release's trigger at ``a``."""
    before = [p for p in places if p.end <= a]
    if not before:
        return None
    pl = before[-1]
    if _TAKEN_TO_RE.search(text[max(sent_start, pl.start - 40):pl.start]) and _AND_THEN_RE.fullmatch(text[pl.end:a]):
        return pl
    return None


# An organisation banned or closed: "the banning of the activities of the Mejlis", "banned the
# Mejlis", "institutions like the Mejlis have been closed", "the Mejlis was declared extremist".
# The organisation is the target. The words are the lexicon ``org_acts`` of cues.yaml: verbs in
# the past (active and passive), their nouns, and the designations ("extremist") a body declares.
@lru_cache(maxsize=1)
def _ban_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = load_gazetteer().cues

    # A body suspended is one banned for a time: "the decision to suspend the Mejlis", "the suspension of X".
    extra = {"org_act_verbs": ["suspended", "suspend"], "org_act_nouns": ["suspension"]}

    def alt(key: str) -> str:
        words = [*lex[key], *extra.get(key, [])]
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

    verbs, nouns, declare, labels = alt("org_act_verbs"), alt("org_act_nouns"), alt("org_declare_verbs"), alt("org_labels")
    of = r"(?:(?:activities|activity|work|headquarters|offices?|operations?)\s+of\s+(?:the\s+)?)?"
    # ("the decision to ban the Mejlis", "ruled to liquidate": a decision taken, not one asked for)
    decided = r"(?:decision|decided|ruling|ruled|voted|ordered)\s+to\s+(?:ban|outlaw|liquidate|close(?:\s+down)?|shut\s+down|dissolve|prohibit|suspend)"
    # (round 14: a people's body named by its people first, "Russia has banned Crimean Tatars' highest ruling body, the
    # Mejlis"; a body the text calls barred by an agency before naming it, "the Crimean Tatar community's representative
    # body barred by the Russian authorities as “extremist”, the Mejlis" (dev2, dev4, dev6))
    people = r"(?:(?-i:[A-Z])[\w-]*\s+){0,2}(?-i:[A-Z])[\w-]*?(?:’s|'s|s’|s')\s+"
    body = r"(?:body|organi[sz]ation|assembly|parliament|council|party|movement|association)"
    barred_by = rf"\b{body}\s+(?:(?:which|that)\s+(?:was|has\s+been)\s+)?(?:{verbs}|barred)\s+by\s+[^,;.:]{{1,60}}?,\s+"
    before = re.compile(rf"\b(?:(?:{nouns})\s+(?:of|on|against)|{decided}|(?<!\bthe )(?<!\ba )(?:{verbs}))\s+(?:the\s+)?{of}(?:{people})?"
                        rf"(?:(?!(?:from|to|by|in|on|at|for|with|and|of|after|before|that|which)\b)[a-z][\w-]*\s+){{0,3}}$|{barred_by}(?:the\s+)?$",
                        re.IGNORECASE)
    # "the Mejlis was banned", "..., was outlawed", "the Mejlis ban" (not "is banned": a state, not an act reported)
    after = re.compile(rf"(?:,[^,;]{{1,60}},)?\s+(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:{verbs})\b|"
                       rf"ban\b(?!\s+on\b))", re.IGNORECASE)
    # "declared the Mejlis an extremist organisation", "the Mejlis was declared extremist"
    label = rf"\s+(?:as\s+)?(?:an?\s+)?[“\"]?(?:{labels})\b"
    declared_before = re.compile(rf"\b(?:{declare})\s+(?:the\s+)?$", re.IGNORECASE)
    declared_after = re.compile(rf"(?:(?:,[^,;]{{1,60}},)?\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?"
                                rf"(?P<verb>{declare}))?{label}", re.IGNORECASE)
    return before, after, declared_before, declared_after


_BODY_COMMA_RE = re.compile(r"\b(body|organi[sz]ation|assembly|parliament|council|party|movement|association|newspaper|channel),(\s+(?:the\s+)?)$")
_NOT_BANNED = ("government", "court", "agency", "police", "prosecutor", "collective", "international")


def org_bans(sent_text: str, sent_start: int, orgs: Sequence[Mention]) -> list[tuple[Mention, int, int]]:
    """The organisations a sentence says were banned, closed or declared extremist, with the trigger's span."""
    before_re, after_re, declared_before_re, declared_after_re = _ban_patterns()
    out = []
    for o in orgs:
        entry = o.entry
        if entry is None or entry.generic or entry.attributes.get("kind") in _NOT_BANNED:
            continue
        before = sent_text[max(0, o.start - sent_start - 80):o.start - sent_start]
        # "banned their representative body, Mejlis": the body's name in apposition to the word (same length, no comma)
        m = before_re.search(_BODY_COMMA_RE.sub(lambda b: b.group(1) + " " * (len(b.group(2)) + 1), before))
        if m:
            out.append((o, o.start - len(before) + m.start(), o.start - len(before) + m.end()))
            continue
        m = after_re.match(sent_text, o.end - sent_start)
        if m:
            out.append((o, o.end, sent_start + m.end()))
            continue
        m = declared_after_re.match(sent_text, o.end - sent_start)
        d = declared_before_re.search(before)
        if m and (d or m.group("verb")):
            # "declared ORG extremist" (the verb before), or "ORG was declared extremist" (the verb after)
            out.append((o, o.start - len(before) + d.start() if d else o.end, sent_start + m.end()))
    return out


# Acts against many unnamed people: "the searches in Crimea by Russia", "mass arrests of Crimean Tatars",
# "police raids on homes in Bakhchysarai". One collective event, when the sentence names who did it.
COLLECTIVE_ACTS = {"searches": "search", "raids": "search", "house searches": "search", "detentions": "detention",
                   "mass detentions": "detention", "mass detention": "detention", "arrests": "arrest",
                   "mass arrests": "arrest"}
COLLECTIVE_RE = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, COLLECTIVE_ACTS), key=len, reverse=True)) + r")\b",
                           re.IGNORECASE)
