"""People in clean text: runs of capitalised words that are names, and their coreference
within the article (see :mod:`loaders.extract.mentions` for the rules)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from graph.identity_names import fold as graph_fold
from graph.identity_names import givens_relate
from graph.role_words import COMPOUNDS, PEERAGES_BEFORE_FULL_NAMES, PROCEDURAL, ROLE_NOUNS, plural
from loaders.extract.gazetteer import Gazetteer, fold, load_gazetteer, slug
from loaders.extract.given_names import not_surnames
from loaders.extract.mention_types import Doubt, Mention, Person
from loaders.extract.name_guards import (
    common_edges,
    common_word,
    headline_lines,
    headline_verb,
    lower_words,
    member_noun,
    named_after,
)
from loaders.extract.orgs import title_case_line
from loaders.extract.people_index import (
    DOUBTFUL,
    SAME,
    PeopleIndex,
    looks_like_surname,
    match_person,
    same_name_score,
    surname_ending,
)

__all__ = ["find_people"]

_CAP = r"(?:[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ][\w\-]*)"
# A run of capitalised words stays on one line (a byline's name is not glued to the title on the
# next line); a middle initial ("Mark C. Toner") keeps it going.
_RUN_RE = re.compile(rf"(?<![\w\-]){_CAP}(?:(?:’s|'s)?[^\S\n](?:[A-Z]\.[^\S\n])?(?:{_CAP}))*(?:’s|'s)?")
_INITIAL_RE = re.compile(r"[A-Z]\.")
# An initial glued to a surname: "Y.Klymenko" (not "U.S.", "J.K." nor "St.Petersburg").
_GLUED_INITIAL_RE = re.compile(r"(?<![\w.\-])([A-Z])\.(?=[A-Z][a-z]{2,}(?![\w.\-]))")
# "X (and Y Z) was detained": what is done to people says the name is a person's.
_DONE_TO = re.compile(r"(?:\s+and\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)?,?\s+(?:was|were|has been|have been|had been|is|are)\s+"
                      r"(?:\w+ly\s+)?(?:arrested|detained|sentenced|accused|charged|convicted|released|searched|tortured|"
                      r"beaten|transferred|abducted|killed|fined|jailed|imprisoned|questioned|interrogated|summoned)\b")

_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx"})
# A peer named by title and one name ("Lord Ahmad", "Baroness Smith"): the title is part of the name.
_PEERS = frozenset({"Lord", "Baroness", "Lady"})
_HONORIFIC_STOP = re.compile(r"(?<![\w\-])(Mr\.|Mrs\.|Ms\.|Mx\.)[^\S\n]\Z")


def _cue_near(text: str, start: int, end: int, gaz: Gazetteer) -> bool:
    before = text[max(0, start - 40):start]
    if gaz.cue_before.search(before) or re.search(r"(?:’s|'s)\s+[a-z][\w\-]*\s*$", before):
        return True
    if _speech_before(tuple(gaz.cues["speech_after"] + gaz.cues["speech_before"])).search(before):
        return True  # "..., said Marie Struthers, ...", "according to Ivan Petrov"
    if (seat := _SEAT_AFTER.match(text, end)) is not None:
        place = gaz.places.get(seat.group("country"))
        if place is not None and place.attributes.get("kind") == "country":
            return True  # "Anna Kowalska (Poland, EPP/CD)": a parliamentarian with her country and group
    if _office_of_before(tuple(gaz.cues["leadership"])).search(text, max(0, start - 100), start):
        return True  # "the chair of the Lithuanian Tatar community, Adas Jakubauskas": the office, a comma, its holder
    return gaz.speech_after.match(text, end) is not None or gaz.title_after.match(text, end) is not None \
        or _DONE_TO.match(text, end) is not None


@cache
def _office_of_before(offices: tuple[str, ...]) -> re.Pattern[str]:
    """A leading office of a body and a comma just before a name: "Chairman of the Crimean Tatar Mejlis, "."""
    alt = "|".join(re.escape(o) for o in sorted(offices, key=len, reverse=True))
    return re.compile(rf"(?<![\w\-])(?i:{alt})[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?[^,.;:\n]{{3,70}},[^\S\n]*\Z")


# "The Resolution condemns": a word after "the" is a thing, never a person's surname said again.
_THE_LONE = re.compile(r"(?<![\w\-])[Tt]he[^\S\n]\Z")


# A member of an assembly is named with her country and political group in parentheses.
_SEAT_AFTER = re.compile(r" \((?P<country>[A-Z][\w’' ]{2,30}), [A-Z][\w/&-]{1,12}\)")


@cache
def _speech_before(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """A speech verb (or "according to") just before a name: "said ", "told ", "according to "."""
    alt = "|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True))
    return re.compile(rf"(?<![\w\-])(?:{alt})\s+\Z")


def _name_run(text: str, m: re.Match[str], gaz: Gazetteer, lower: frozenset[str] = frozenset(),
              headline: Callable[[int], bool] | None = None) -> tuple[int, int, list[str], str] | None:
    start, end = m.start(), m.end()
    raw = m.group()
    if raw.endswith(("’s", "'s")):
        end -= 2
        raw = raw[:-2]
    words = raw.split()
    role: list[str] = []
    # "Secretary of State Rob Berschinski", "Minister of Foreign Affairs Dmytro Kuleba": after a
    # title and "of", the department's words belong to the title and the last two are the name.
    office = _title_of(gaz.titles).search(text, max(0, start - 40), start)
    if office and len(words) >= 2 and not _middle_initial(words):
        k = len(words) - 2 if len(words) >= 3 else 1
        role = [office.group("title"), "of", *words[:k]]
        start += sum(len(w) + 1 for w in words[:k])
        words = words[k:]
        if any(w in gaz.not_names or w in gaz.title_words for w in words):
            return None
        return start, end, words, " ".join(role)
    # "Jehovah’s Witness Dennis Christensen": a member of a group (a possessive and its noun) before
    # a known given name and one more word; the last two are the name.
    if len(words) == 4 and words[0].endswith(("’s", "'s")) and words[2] in gaz.given_names:
        start, words = start + len(words[0]) + len(words[1]) + 2, words[2:]
    # Leading function words and titles ("The", "Judge", "Attorney", "Deputy Ambassador") are not
    # part of a name; a title is kept as the person's position.
    while words:
        title = _title_at(words, gaz) or (1 if len(words) > 2 and words[0] in _HONOURS else 0)
        if (noun := _role_lead(words)) and noun[0] > title:
            # "Defendant Aziz Akhtemov", "Jailed Crimean Tatar Journalists Osman Arifmemetov": a role noun
            # of the language (with its adjectives), capitalised at a sentence's start, is the position.
            rest = words[noun[0]:]
            if common_word(rest[0], lower, gaz) or len(rest) >= 2 \
                    and not (rest[0] in gaz.given_names or surname_ending(rest[-1], gaz)):
                return None  # "Witness Protection Programme", "Prisoner Exchange": no name follows the role
            start += sum(len(w) + 1 for w in words[:noun[0]])
            words = rest
            role = [] if noun[1] in _PROCEDURAL else [noun[1]]
            continue
        if title:
            role.extend(words[:title])
            start += sum(len(w) + 1 for w in words[:title])
            words = words[title:]
        elif (words[0] in gaz.not_names or words[0].rstrip("’'s") in gaz.not_names) \
                and not _given_before_surname(words, gaz):
            role.clear()
            start += len(words[0]) + 1
            words = words[1:]
        else:
            break
    # "Antony J. Blinken Video Remarks at ...": a given name, a middle initial and a surname at the head of a longer
    # run (a heading capitalises the words after the name): the name ends at the surname.
    if len(words) > 3 and _middle_initial(words[:3]) and words[2][:1].isupper() and not _INITIAL_RE.fullmatch(words[2]) \
            and (role or words[0] in gaz.given_names) and words[0] not in gaz.not_names:
        end = start + len(" ".join(words[:3]))
        words = words[:3]
    # "UK Minister for Europe Sir Alan Duncan", "Department Spokesperson Morgan Ortagus": what
    # comes before the last title is the office, not the name.
    last_title = max((i + 1 for i in range(len(words) - 1) if words[i] in gaz.titles), default=0)
    if last_title and len(words) - last_title >= 1:
        role = [w for w in words[:last_title] if w in gaz.title_words]
        start += sum(len(w) + 1 for w in words[:last_title])
        words = words[last_title:]
    # "Khalid Mahmood Shadow Minister (...)", "Alan Duncan Minister of State": a parliament's record
    # heads a speech with the name and then the office; the office is the role, the name the first two.
    if len(words) >= 3 and words[0] in gaz.given_names and any(w in gaz.title_words for w in words[2:]) \
            and not any(w in gaz.title_words for w in words[:2]):
        role = words[2:]
        end = start + len(words[0]) + len(words[1]) + 1
        words = words[:2]
    while words and words[-1] in gaz.not_names:
        end -= len(words[-1]) + 1
        words = words[:-1]
    if len(words) >= 3:  # "Journalists Osman Arifmemetov", "Rustem Sheikhaliev Detained": a headline's words
        lead, trail = common_edges(words, lower, (headline or (lambda p: title_case_line(text, p)))(start), gaz)
        if lead or trail:
            start += sum(len(w) + 1 for w in words[:lead])
            end -= sum(len(w) + 1 for w in words[len(words) - trail:])
            words = words[lead:len(words) - trail]
    if not words or any(w in gaz.not_names and not (i == 0 and _given_before_surname(words, gaz))
                        or w in gaz.title_words for i, w in enumerate(words)) or len(words) > 3:
        return None
    return start, end, words, " ".join(role)


# Role and title nouns of the language before a name, capitalised at a sentence's start or in a list,
# singular and plural (the plural's singular is the position): what the person is, never the name (graph.role_words).
_ROLE_NOUNS = ROLE_NOUNS
# A party's standing in a case ("Defendant", "Suspect", "Witness") is no position: it is dropped from the name
# and kept by the case's claims (procedural_status), not as the person's position.
_PROCEDURAL = frozenset(PROCEDURAL)
# Compound role nouns, singular and plural, and the singular: the first word's phrase ("Human Rights Defender",
# "Citizen Journalists").
_ROLE_COMPOUNDS = tuple((tuple(p.split()), c) for c in COMPOUNDS for p in (c, plural(c)))
# Adjectives a role noun takes before a name: a state, people or faith, and what was done to the person.
_ROLE_ADJECTIVES = frozenset({
    "Crimean", "Tatar", "Ukrainian", "Russian", "Belarusian", "Georgian", "Muslim", "Jailed", "Imprisoned",
    "Detained", "Arrested", "Convicted", "Sentenced", "Abducted", "Missing", "Former", "Ex", "Late", "Fellow",
    "Veteran", "Prominent", "Renowned", "Well-known", "Independent", "Freelance", "Young", "Elderly", "Acting",
    "Senior", "Chief", "Defence", "Defense", "Lead", "Local", "Another", "Then", "Exiled",
    "Pro-Ukrainian", "Civic", "Political"})


def _role_lead(words: list[str]) -> tuple[int, str] | None:
    """"Jailed Crimean Tatar Journalist Remzi Bekirov" -> (4, "Journalist"): how many leading words are a
    role noun of the language and the adjectives before it, and the role (singular); None if not, or if
    nothing is left for a name."""
    i = 0
    while i < len(words) and words[i] in _ROLE_ADJECTIVES:
        i += 1
    for compound, singular in _ROLE_COMPOUNDS:
        n = len(compound)
        if tuple(words[i:i + n]) == compound and len(words) > i + n:
            return i + n, singular
    if i < len(words) - 1 and words[i] in _ROLE_NOUNS:
        return i + 1, _ROLE_NOUNS[words[i]]
    return None


# Titles of British peers and their wives before a full name ("Lady Diana Eccles"): the cue
# gazetteer has "Lord", "Sir", "Dame" and "Baroness"; these are the others (graph.role_words).
_HONOURS = frozenset(PEERAGES_BEFORE_FULL_NAMES)
# The last word of a state's name ("Czech Republic", "United Arab Emirates"): never a surname.
_STATE_WORDS = frozenset({"Republic", "Kingdom", "Federation", "States", "Emirates"})


def _distinct(people: list[Person]) -> bool:
    """Whether people who share a surname are surely different people: no two of their given names
    are one name spelled two ways (Aziz and Asan are two men; Oleh and Oleg may be one, left to ask)."""
    givens = [graph_fold(p.given) for p in people]
    return all(givens_relate(a, b) == "different" for i, a in enumerate(givens) for b in givens[i + 1:])


def _given_before_surname(words: list[str], gaz: Gazetteer) -> bool:
    """"Muslim Aliyev": a given name the hand list knows that English also capitalises as a word
    ("Muslim"), before a word that ends as surnames do, is the person's given name."""
    return len(words) == 2 and words[0] in gaz.given_names and surname_ending(words[1], gaz)


# A patronymic (Russian, Ukrainian) ends the word: "-ovich", "-ovna" and their Cyrillic spellings.
_PATRONYMIC = re.compile(r"[a-zа-яёіїє](?:ovich|evich|ovych|evych|ovna|evna|ivna|ichna|"
                         r"ович|евич|овна|евна|ична|івна|ївна|ічна)\Z", re.IGNORECASE)


def _given_and_surname(words: list[str], gaz: Gazetteer) -> tuple[str, str]:
    """The given name and the surname of a full name: first and last, except with a patronymic
    last: the official order of Russian and Ukrainian lists, surname first ("Мустафаев Марлен
    Рамисович" is Marlen Mustafayev), unless the first word is a known given name and the second
    is not ("Nariman Dzhelyal Enverovych": given name, surname, patronymic)."""
    if _patronymic_last(words):
        if words[0] in gaz.given_names and words[1] not in gaz.given_names:
            return words[0], words[1]
        return words[1], words[0]
    return words[0], words[-1]


# A Crimean Tatar (Turkic) patronymic: the father's name and "oğlu" (son) or "qızı" (daughter)
# between the given name and the surname ("Emir-Üsein Kemal oğlu Kuku" is Emir-Üsein Kuku).
_TURKIC_PATRONYMIC = re.compile(r"[^\S\n](oğlu|oglu|ogly|qızı|kyzy|kizi)[^\S\n]([A-ZÀ-ÖØ-ÞĀ-Ž][\w\-]+)")


def _patronymic_last(words: list[str]) -> bool:
    return len(words) == 3 and bool(_PATRONYMIC.search(words[2])) and not _PATRONYMIC.search(words[1])


def _plain_name(words: list[str], given: str, surname: str) -> str:
    """The canonical name when the mention's own form is not it: without the middle initial or
    the patronymic ("Mark C. Toner" is Mark Toner), the surname written in capitals in lists of
    parliamentarians in normal case ("Paul SCULLY" is Paul Scully); "" when the form is it."""
    if _middle_initial(words) or _patronymic_last(words) or len(words) == 4 and words[2] in _SON_DAUGHTER:
        return f"{_normal_case(given)} {_normal_case(surname)}"
    if len(words) >= 2 and not words[0].isupper() and any(len(w) > 1 and w.isupper() for w in words[1:]):
        return " ".join(_normal_case(w) for w in words)
    return ""


_SON_DAUGHTER = frozenset({"oğlu", "oglu", "ogly", "qızı", "kyzy", "kizi"})


def _normal_case(word: str) -> str:
    """"SCULLY" -> "Scully", "LEITE" -> "Leite", "ÅBERG" -> "Åberg"; other words unchanged."""
    return word.title() if len(word) > 1 and word.isupper() else word


def _middle_initial(words: list[str]) -> bool:
    """"Mark C. Toner": three words, the middle one an initial."""
    return len(words) == 3 and bool(_INITIAL_RE.fullmatch(words[1]))


def _title_at(words: list[str], gaz: Gazetteer) -> int:
    """How many of the leading ``words`` are a title ("Deputy Ambassador" -> 2), 0 if none."""
    for n in (3, 2, 1):
        if len(words) > n and " ".join(words[:n]) in gaz.titles:
            return n
    return 0


@cache
def _title_of(titles: frozenset[str]) -> re.Pattern[str]:
    """A title and "of" just before a run of capitals ("Secretary of ")."""
    alt = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
    return re.compile(rf"(?<![\w\-])(?P<title>{alt})\s+of\s+(?:the\s+)?\Z")


@cache
def _role_of(cues: tuple[str, ...]) -> re.Pattern[str]:
    """"editor of ", "coordinator at the ": what follows is the body the role belongs to."""
    cue = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"\b(?i:{cue})\s+(?:of|at)\s+(?:the\s+)?$")


@cache
def _constituency_re(parties: tuple[str, ...]) -> re.Pattern[str]:
    """A party label and a comma before a run, on the run's line: "... Labour, Birmingham, " (Hansard)."""
    party = "|".join(re.escape(p) for p in sorted(parties, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:{party}),[ \t]*(?:[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*)*,[ \t]*)*\Z")


# Names in capitals, as official texts head a statement or a transcript's speech: "STATEMENT BY MARK TONER, ACTING
# SPOKESPERSON" (after "BY", up to a comma, a dash or the line's end) and "SECRETARY BLINKEN:", "MR. PRICE:" (a title
# or an honorific and the name at a line's start, before a colon). A capitalised heading is no name: only these cues.
_CAPS_WORD = r"[A-ZÀ-ÖØ-ÞĀ-Ž][A-ZÀ-ÖØ-ÞĀ-Ž’'\-]+"
_CAPS_NAME = rf"{_CAPS_WORD}(?:[^\S\n]+(?:[A-Z]\.[^\S\n]+)?{_CAPS_WORD}){{0,2}}"
_CAPS_BY = re.compile(rf"(?<![\w\-])BY[^\S\n]+(?P<name>{_CAPS_NAME})(?=[^\S\n]*(?:,|[–—]|\n|\Z))")
_CAPS_SPEAKER = re.compile(rf"^[^\S\n]*(?P<title>{_CAPS_WORD}\.?(?:[^\S\n]+{_CAPS_WORD})?)[^\S\n]+(?P<name>{_CAPS_NAME}):", re.M)
_CAPS_ROLE_AFTER = re.compile(rf",[^\S\n]+(?P<role>{_CAPS_WORD}(?:[^\S\n]+{_CAPS_WORD}){{0,3}})(?=[^\S\n]*(?:,|\n|\Z))")


def _caps_names(scan: str, text: str, gaz: Gazetteer, lower: frozenset[str]) -> list[Mention]:
    """People named in capitals after "BY" or at the head of a transcript's speech (see ``_CAPS_BY``); the
    mention keeps the text's form, its role the title in normal case."""
    out: list[Mention] = []
    if not re.search(r"[A-Z]{2}", scan):
        return out

    def name_words(name: str) -> list[str] | None:
        words = [_normal_case(w) for w in name.split()]
        if any(w in gaz.not_names or w in gaz.title_words or not _INITIAL_RE.fullmatch(w)
               and w not in gaz.given_names and w.lower() in lower for w in words):
            return None
        return words

    for m in _CAPS_BY.finditer(scan):
        words = name_words(m.group("name"))
        if words is None or len(words) < 2:
            continue
        after = _CAPS_ROLE_AFTER.match(scan, m.end("name"))
        role = " ".join(_normal_case(w) for w in after.group("role").split()) if after else ""
        if role and role.split()[-1] not in gaz.title_words:
            role = ""
        if words[0] in gaz.given_names or role:
            out.append(Mention(m.start("name"), m.end("name"), text[m.start("name"):m.end("name")], "Person",
                               role=role))
    for m in _CAPS_SPEAKER.finditer(scan):
        title = " ".join(_normal_case(w) for w in m.group("title").rstrip(".").split())
        if title not in gaz.titles and title.lower() not in _HONORIFICS:
            continue
        words = name_words(m.group("name"))
        if words is None:
            continue
        out.append(Mention(m.start("name"), m.end("name"), text[m.start("name"):m.end("name")], "Person",
                           surname_only=len(words) == 1, role=title))
    return out


def find_people(text: str, taken: list[Mention], gaz: Gazetteer | None = None) -> tuple[list[Person], list[Doubt]]:
    """People named in ``text`` (outside the ``taken`` organisation/place spans), grouped."""
    gaz = gaz or load_gazetteer()
    # Organisation and place names are masked so a run of capitals stops at them
    # ("... of the Crimean Tatar People Refat Chubarov" -> "Refat Chubarov").
    masked = list(text)
    for t in taken:
        masked[t.start:t.end] = "|" * (t.end - t.start)
    scan = "".join(masked)
    # "Ambassador Y.Klymenko": an initial glued to the surname by its stop is read as "Y Klymenko" (one
    # character for one, so the spans stay the text's); the mention keeps the text's form.
    if "." in scan:
        scan = _GLUED_INITIAL_RE.sub(r"\1 ", scan)
    full: list[Mention] = []
    single: list[Mention] = []
    unsure: list[Mention] = []  # two or three capitalised words with no sign of a person (yet)
    lower = lower_words(text)
    headline = headline_lines(text, title_case_line)
    taken_to = 0  # the end of a name that ran past its run (a Turkic patronymic and the surname)
    for m in _RUN_RE.finditer(scan):
        if m.start() < taken_to:
            continue
        run = _name_run(text, m, gaz, lower, headline)
        if run is None:
            continue
        start, end, words, role = run
        if len(words) == 2 and (son := _TURKIC_PATRONYMIC.match(text, end)):
            end, words = son.end(), [*words, son.group(1), son.group(2)]  # "Emir-Üsein Kemal oğlu Kuku"
            taken_to = end
        if member_noun(text, start, words, gaz):
            continue  # "another Jehovah’s Witness": a member of a group, not a name
        if named_after(text, start, end):
            continue  # "the Ivan Petrenko battalion": a unit, a prize, a street named after someone
        if _constituency_re(tuple(gaz.cues.get("parliament_parties", ()))).search(text, max(0, start - 80), start):
            continue  # "Khalid Mahmood Labour, Birmingham, Perry Barr": the member's constituency
        if len(words) >= 2 and (text[start:end] in gaz.places or words[-1] in _STATE_WORDS):
            continue  # "Eastern Europe" left as an office's remit, a state ("... Republic") are no person
        if len(words) >= 2:
            given, last = words[0], words[-1]
            # "Given X. Surname": a middle initial is a person's name, not an organisation's.
            cued = bool(role) or _middle_initial(words) or _cue_near(text, start, end, gaz)
            if (given in gaz.given_names and last not in not_surnames()) or cued \
                    or surname_ending(last, gaz):
                full.append(Mention(start, end, text[start:end], "Person", role=role))
            else:
                unsure.append(Mention(start, end, text[start:end], "Person", role=role))
        else:
            # "Mr. Asanov": an honorific with its stop ends the run before the name; it still says who.
            honour = role or (h.group(1) if (h := _HONORIFIC_STOP.search(text, max(0, start - 6), start)) else "")
            single.append(Mention(start, end, text[start:end], "Person", surname_only=True, role=honour))
    caps_single: list[Mention] = []
    for caps in _caps_names(scan, text, gaz, lower):
        if any(o.start < caps.end and caps.start < o.end for o in (*full, *single)):
            continue
        unsure = [o for o in unsure if not (o.start < caps.end and caps.start < o.end)]
        (caps_single if caps.surname_only else full).append(caps)
    full.sort(key=lambda m: m.start)
    role_of = _role_of(tuple(c for c in (*gaz.cues["employment"], *gaz.cues["leadership"], *gaz.cues["membership"])))
    # "Oleg Sentsov, Volodymyr Balukh, and Emir-Huseyn Kuku": a name listed with people is a person.
    for _ in range(2):
        ends = {m.end for m in full}
        starts = {m.start for m in full}
        for cand in list(unsure):
            if cand.text.isupper():
                continue  # "MARK TONER, ACTING SPOKESPERSON": a run in capitals is a name only by the cues of _caps_names
            if role_of.search(text, max(0, cand.start - 40), cand.start):
                continue  # "Maxim Edwards, editor of RuNet Echo, and Tom Rowley": a role's body is no listed person
            before = re.search(r"(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)$", text[max(0, cand.start - 6):cand.start])
            after = re.match(r"(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)", text[cand.end:cand.end + 6])
            if before and (cand.start - len(before.group())) in ends or after and (cand.end + len(after.group())) in starts:
                full.append(cand)
                unsure.remove(cand)
        full.sort(key=lambda m: m.start)
    # "Harlem Désir ... said Désir": a pair whose last word comes back alone with a cue (a speech
    # verb, a title, an honorific) is a person's name.
    later: dict[str, list[Mention]] = {}
    for lone in single:
        later.setdefault(lone.text, []).append(lone)
    for cand in list(unsure):
        last = cand.text.split()[-1]
        if last not in not_surnames() and any(lone.start > cand.end and not _THE_LONE.search(text, max(0, lone.start - 4), lone.start)
                                             and (lone.role or _cue_near(text, lone.start, lone.end, gaz))
                                             for lone in later.get(last, ())):
            full.append(cand)
            unsure.remove(cand)
    full.sort(key=lambda m: m.start)
    index = PeopleIndex()
    people = index.people
    doubts: list[Doubt] = []
    for mention in full:
        words = _GLUED_INITIAL_RE.sub(r"\1. ", mention.text).split()  # "Y.Klymenko": Y. and Klymenko
        if all(w.isupper() for w in words):
            words = [_normal_case(w) for w in words]  # "MARK TONER" is Mark Toner
        given, surname = _given_and_surname(words, gaz)
        match, doubt = match_person(index, given, surname)
        if match is not None:
            if len(match.given.rstrip(".")) == 1 and len(given) > 2 and given[0] == match.given[0] and len(words) == 2:
                _named_in_full(index, match, mention.text, given)  # "Y.Klymenko", then "Yurii Klymenko"
            match.position = match.position or mention.role
            match.mentions.append(mention)
            if mention.text not in match.variants and mention.text != match.name:
                match.variants.append(mention.text)
            mention.ref = match.key
            continue
        # "Mark C. Toner": keyed and found again by the plain form, which is kept as an alias;
        # "Nariman Dzhelyal Enverovych", "Paul SCULLY": named by the plain form, the mention's an alias.
        plain = _plain_name(words, given, surname) or (" ".join(words) if mention.text.isupper() else "")
        name, aliases = (mention.text, [plain]) if _middle_initial(words) else \
            (plain, [mention.text]) if plain else (mention.text, [])
        person = index.add(Person(index.unique_key(f"person:{slug(plain or mention.text)}"), name, given,
                                  surname, aliases, [mention], mention.role))
        mention.ref = person.key
        if doubt is not None:
            doubts.append(Doubt(person.key, mention.text, mention.start, mention.end, doubt[0].key,
                                doubt[0].name, round(doubt[1], 3),
                                f"'{surname}' is spelled close to '{doubt[0].surname}'"))
    for mention in caps_single:
        # "SECRETARY BLINKEN:": the surname in capitals is the one person of the article who bears it.
        bearers = [p for p in index.people if p.given and fold(p.surname) == fold(mention.text)]
        if len(bearers) == 1:
            bearers[0].mentions.append(mention)
            bearers[0].position = bearers[0].position or mention.role
            mention.ref = bearers[0].key
    starts_full = {m.start: m for m in full}
    given_folds = {fold(p.given) for p in index.people if p.given}  # one look-up per lone word, not a scan
    for mention in single:
        word = mention.text
        joined = re.match(r"\s+and\s+", text[mention.end:mention.end + 8])
        partner = starts_full.get(mention.end + len(joined.group())) if joined else None
        listed = re.search(r"(?:,|\()\s*$", text[max(0, mention.start - 3):mention.start])
        if (word in gaz.given_names or listed) and word not in gaz.not_names and partner is not None \
                and len(partner.text.split()) == 2 and partner.ref:
            # "Asan and Aziz Akhtemov": two given names share the surname that follows them.
            surname = partner.text.split()[-1]
            match, _doubt = match_person(index, word, surname)
            person = match or index.add(Person(index.unique_key(f"person:{slug(word + ' ' + surname)}"),
                                               f"{word} {surname}", word, surname, [], [], mention.role))
            person.mentions.append(mention)
            mention.ref = person.key
            given_folds.add(fold(word))
            continue
        # A given name alone after the full name, when exactly one person of the article bears it
        # and nobody has it as surname ("Nariman and Aziz being sent to Minusinsk"); two Narimans:
        # never enough to say who.
        bearers = [p for p in index.people if p.given and fold(p.given) == fold(word)] \
            if fold(word) in given_folds else []
        if len(bearers) == 1 and not index.by_fold.get(fold(word)) and bearers[0].mentions \
                and bearers[0].mentions[0].start < mention.start:
            bearers[0].mentions.append(mention)
            mention.ref = bearers[0].key
            continue
        # "Mr Ahmed": after an honorific the word is a surname, even one the given-name list knows.
        honorific = mention.role.lower().rstrip(".") in _HONORIFICS or mention.role in _PEERS
        # "Archbishop Kliment", "Metropolitan Onufriy": a cleric is named by one (monastic) given name.
        cleric = mention.role.split()[-1:] in (["Archbishop"], ["Bishop"], ["Metropolitan"], ["Patriarch"])
        if cleric and word in gaz.given_names and not index.by_fold.get(fold(word)) and not headline(mention.start):
            person = index.add(Person(index.unique_key(f"person:{slug(word)}"), word, word, "", [], [mention],
                                      mention.role))
            mention.ref = person.key
            given_folds.add(fold(word))
            continue
        if word in gaz.given_names and not index.by_fold.get(fold(word)) and not honorific:
            continue
        scored = sorted(((same_name_score(p.surname, word), p) for p in index.near(word) if p.given),
                        key=lambda x: -x[0][0])
        sure = [p for (s, _jw), p in scored if s >= SAME]
        exact = [p for p in sure if fold(p.surname) == fold(word)]
        if len(exact) == 1:
            sure = exact  # Seitkhalilova is Lenie Seitkhalilova, not her husband Ismail Seitkhalilov
        earlier = index.surname_only.get(word)
        if earlier is not None:  # the same doubtful surname again: one entity, one question
            mention.ref = earlier.key
            earlier.mentions.append(mention)
            continue
        if len(sure) == 1:
            mention.ref = sure[0].key
            sure[0].position = sure[0].position or mention.role
            sure[0].mentions.append(mention)
            if word not in sure[0].variants and word != sure[0].surname:
                sure[0].variants.append(word)
            continue
        if len(sure) > 1 and _distinct(sure):
            continue  # "Akhtemov" after Aziz and Asan Akhtemov: either of them, so nobody of its own
        peer = mention.role if mention.role in _PEERS else ""
        if not sure and mention.role and (honorific or word not in gaz.given_names) and not word.isupper() \
                and not headline(mention.start) and not headline_verb(word, gaz):
            # (A headline capitalises every word: "Activist Sentenced" is a title and a verb.)
            # "President Zelenskyy", "Mr Kuku": a title says this is a person even without a first name.
            # A peer's title with one name ("Lord Ahmad", "Baroness Smith") is how the article names
            # the person: the title stays in the name (the gold's convention; graph.identity's
            # strip_roles drops an honorific, "Mr Davies" stays "Davies", but keeps a peerage).
            name = f"{peer} {word}" if peer else word
            person = index.add(Person(index.unique_key(f"person:{slug(name)}"), name, "", word, [], [mention],
                                      mention.role))
            mention.ref = person.key
            continue
        maybe = [p for (s, jw), p in scored if s < SAME and jw >= DOUBTFUL]
        if len(sure) > 1 or (maybe and looks_like_surname(word, gaz)):
            # Several people share the surname, or a close spelling: ask, never merge.
            target = (sure or maybe)[0]
            person = index.add(Person(index.unique_key(f"person:{slug(word)}"), word, "", word, [], [mention]))
            mention.ref = person.key
            doubts.append(Doubt(person.key, word, mention.start, mention.end, target.key, target.name,
                                round(same_name_score(target.surname, word)[1], 3),
                                f"surname-only mention '{word}' may be {target.name}"
                                + (" (several people share it)" if len(sure) > 1 else "")))
    return people, doubts


def _named_in_full(index: PeopleIndex, person: Person, name: str, given: str) -> None:
    """A person first named by initial and surname ("Y.Klymenko") is named by the full name found later
    ("Yurii Klymenko"): it becomes the name and the key, the initial's form an alias."""
    person.variants = [v for v in (person.name, *person.variants) if v != name]
    person.name, person.given = name, given
    person.key = index.unique_key(f"person:{slug(name)}")
    index.keys.add(person.key)
    for m in person.mentions:
        m.ref = person.key
