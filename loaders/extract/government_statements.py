"""A state's statement at an international body, in the head its missions give it (dev7: the missions of Ukraine
and Japan at the UN in Geneva and New York):

- a head line names who makes the document's statement: "Statement of the Delegation of Ukraine in the interactive
  dialogue ...", "Statement of the Permanent Representative of Ukraine during ...", "Statement by H.E. Mr. X,
  Permanent Representative of Japan ...", "Intervention by Permanent Representative of Ukraine Ambassador X at ...",
  "Intervention by H.E. Mr. X," -> the person (a person the head names wins) or else the state ``STATES`` the
  document's statement; a representative "of" a state is the state; "the Delegation of C" is a body of its own
  (decision 5e), keyed by C's adjective and the forum the line names (``org:ukrainian-delegation-to-the-un``), which
  ``STATES`` the statement too and is the meeting's speaker;
- the meeting the head delivers it "at", "in" or "during" ("... at the 40th session of the UN Human Rights Council",
  "... in the intersessional interactive dialogue of the UN Human Rights Council", "... at the United Nations Open
  Arria Formula Meeting on ..."): the statement is ``PART_OF`` it and its maker ``PARTICIPANT_IN`` it as speaker; a
  meeting event the draft has in the head already (a numbered session) is that meeting, else one is made of the
  head's words, the body it is "of" its organiser.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from loaders.extract.body_documents import fold_events
from loaders.extract.claim_model import Extraction, quote_span
from loaders.extract.doc_statements import body_named, gazetteer_body
from loaders.extract.gazetteer import load_gazetteer, slug
from loaders.extract.meetings import gathering_keys
from loaders.extract.mentions import Mention, Sentence, find_dates
from loaders.extract.orgs import government_key

__all__ = ["delegation_statement", "gov_statements", "titled_speaker"]

_HEAD = 700  # how far into the document the head's lines stand
_MAKER_RE = re.compile(r"(?:^|:\s+|[ \t][–—-][ \t]+)(?:Joint\s+)?(?:Statement|Intervention|Speech|Remarks)\s+(?:(?:delivered|made|given)\s+)?"
                       r"(?:of|by)\s+(?:the\s+)?", re.M)
_HONORIFIC_RE = re.compile(r"(?:H\.\s?E\.\s+)?(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?(?:(?:(?:Deputy|Vice|Prime|Foreign|Acting|Assistant)\s+)?"
                           r"(?:Ambassador|Minister|Secretary(?:\s+of\s+State)?|President|Senator|Commissioner)\s+)?")
# The maker named before the document's word (README "Convention decisions", round 10 decision 2: one act of speaking):
# "UK statement to the OSCE", "Estonia statement at the Human Rights Council ...", "EU Statement on ...", "Engel
# Statement on ...", "...: UK statement" (dev, valid, dev7: three publishers).
# ("Report by X: UK response, December 2022": the document is the response; dev4)
# (a word of the document's form before it: "... Video Remarks at the ...", "Opening Statement", "Keynote Address";
# valid2, dev: State Department and ministry heads)
_DOC_FORM = r"(?:(?:[Jj]oint|[Vv]ideo|[Vv]irtual|[Oo]pening|[Cc]losing|[Kk]eynote|[Pp]ress)[ \t]+)?"
_MAKER_BEFORE_RE = re.compile(rf"(?:’s|'s)?[ \t]+(?:{_DOC_FORM}(?:[Ss]tatement|STATEMENT|[Rr]emarks|[Ii]ntervention|Address)(?=[ \t]+(?:at|to|in|during|on|before)\b)"
                              rf"|{_DOC_FORM}(?:[Ss]tatement|STATEMENT|[Rr]emarks|[Ii]ntervention|[Rr]esponse)(?=[ \t]*(?:\n|$|[,:(])))")
_STATE_RE = re.compile(r"(?:(?P<rep>(?:Deputy\s+)?(?:Permanent\s+)?Representative)|(?P<del>[Dd]elegation|(?:Permanent\s+)?Mission))"
                       r"\s+of\s+(?:the\s+)?(?P<c>[A-Z][a-z]+(?:[ \t]+(?!Ambassador\b)[A-Z][a-z]+)?)\b|(?P<bare>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)(?=[ \t]*(?:\n|$)|,?[ \t]+(?:at|to|in|during|before)[ \t]+(?:the|an?)\b)")
# after a representative's title, the representative's name: "... of Ukraine Ambassador Y.Klymenko", "... of Ukraine\nAmbassador X"
_TITLED = r"(?:H\.\s?E\.\s+|(?:Mr|Ms|Mrs|Dr)\.?\s+|Ambassador\s+)+"
_NAME_AFTER_RE = re.compile(rf"(?:,?[ \t]+(?:{_TITLED})?|,?[ \t]*\n(?:[ \t]*\n)*[ \t]*{_TITLED})(?=[A-Z])")
_NAMED_RE = re.compile(rf",?\s*{_TITLED}|,?[ \t]+(?:[A-Z]\.[ \t]?)?[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?(?=[ \t]*(?:,|\n|$))")
_INITIAL_RE = re.compile(r"(?:[A-Z]\.[ \t]?)?")
_MEETING_RE = re.compile(r"\b(?:at|in|during)\s+(?:the|an?)\s+(?P<m>(?:[\w-]+\s+){0,6}?(?i:dialogue|discussion|debate|meeting|session|"
                         r"(?P<conf>summit|conference|forum)))\b"
                         r"(?:\s+of\s+the\s+)?")
_MEETING_KINDS = ("meeting", "conference")
# A head that names the meeting before the statement: "Interactive Dialogue on HC oral presentation on Ukraine ...:
# Statement of Japan" (dev7), "Item 10: Interactive dialogue on Ukraine - Statement by X"
_LEAD_MEETING_RE = re.compile(r"(?:^|[:–—][ \t]+|[ \t]-[ \t]+)(?P<m>[A-Z][\w’'-]*(?:[ \t]+[\w’'-]+){0,3}?[ \t]+(?i:dialogue|debate|discussion|"
                              r"meeting|session)\b[^\n:–—]{0,160}?)[ \t]*(?::|[ \t][–—-])[ \t]+(?:Joint\s+)?(?:Statement|Intervention|Remarks)\b")
_NOT_HOSTS = ("government", "court", "collective", "media", "police", "security_service", "prosecutor")


def _state(name: str, ex: Extraction) -> str | None:
    """The government organisation the draft (or the gazetteer) names ``name``."""
    low = name.lower()
    have = next((k for k, e in ex.entities.items() if e.label == "Organisation" and not e.generic
                 and e.attributes.get("kind") == "government" and low in (n.lower() for n in (e.name, *e.aliases))), None)
    if have is not None:
        return have
    key = body_named(name, ex)
    if key is not None:
        return key if ex.entities[key].attributes.get("kind") == "government" else None
    entry = load_gazetteer().lookup(name)  # a country the draft has as a place only: its government
    if entry is None or entry.label != "Location" or entry.attributes.get("kind") != "country":
        place = next((k for k, e in ex.entities.items() if k.startswith("place:") and e.label == "Location" and e.name == name
                      and e.attributes.get("kind") == "country"), None)
        if place is None:
            return None
        return ex.entity(f"org:{government_key(place[6:])}", "Organisation", name, kind="government").key
    return ex.entity(f"org:{government_key(entry.key)}", "Organisation", entry.name, kind="government").key


def _person_at(at: int, mentions: Sequence[Mention], ex: Extraction) -> Mention | None:
    return next((m for m in mentions if m.start == at and m.label == "Person" and m.ref in ex.entities
                 and ex.entities[m.ref].label == "Person" and not ex.entities[m.ref].generic), None)


def _makers(text: str, head: int, mentions: Sequence[Mention], ex: Extraction) -> list[tuple[str, int, int, str | None, int]]:
    """(maker key, phrase start, phrase end, delegation phrase's state or None, line end) for each head line that names
    a statement's maker."""
    out: list[tuple[str, int, int, str | None, int]] = []
    for mm in _MAKER_RE.finditer(text, 0, head):
        line_end = text.find("\n", mm.end())
        line_end = len(text) if line_end < 0 else line_end
        at = _HONORIFIC_RE.match(text, mm.end()).end()  # type: ignore[union-attr]
        p = _person_at(at, mentions, ex)
        if p is not None:
            out.append((p.ref, mm.start(), p.end, None, line_end))
            continue
        sm = _STATE_RE.match(text, mm.end())
        if sm is None:
            continue
        if sm.group("rep") and _NAMED_RE.match(text, sm.end()):  # a name is given: the person's, if the draft has them
            nm = _NAME_AFTER_RE.match(text, sm.end())
            # (the name may open with an initial: "Ambassador Y.Klymenko", "Ambassador Y. Klymenko")
            p = None if nm is None else _person_at(nm.end(), mentions, ex) or _person_at(
                nm.end() + len(_INITIAL_RE.match(text, nm.end()).group()), mentions, ex)  # type: ignore[union-attr]
            # a person the draft does not have: no one (the state would be a false speaker)
            out.append((p.ref, mm.start(), p.end if p.end <= line_end else sm.end(), None, line_end) if p is not None
                       else ("", mm.start(), sm.end(), None, line_end))
            continue
        c = sm.group("c") or sm.group("bare")
        state = _state(c, ex)
        if state is None:
            continue
        out.append((state, mm.start(), sm.end(), c if sm.group("del") else None, line_end))
    for m in mentions:  # "UK statement to the OSCE", "...: Estonia statement at the ..."
        if m.start >= head:
            break
        line_start = text.rfind("\n", 0, m.start) + 1
        bm = _MAKER_BEFORE_RE.match(text, m.end)
        if bm is None or m.ref not in ex.entities or m.label not in ("Organisation", "Person", "Location") or ex.entities[m.ref].generic \
                or not (m.start == line_start or re.search(r":\s+$", text[line_start:m.start])
                        or m.label == "Person" and _HONORIFIC_RE.fullmatch(text, line_start, m.start) is not None):
            continue
        # (a country the name finder left a place: "...: UK response" is its government's)
        who = m.ref if m.label != "Location" else _state(text[m.start:m.end], ex)
        if who is None or any(x[0] == who for x in out):
            continue
        line_end = text.find("\n", m.end)
        out.append((who, m.start, bm.end(), None, len(text) if line_end < 0 else line_end))
    return out


def _sentence(sentences: Sequence[Sentence], at: int) -> Sentence | None:
    return next((s for s in sentences if s.start <= at < s.end), None)


def delegation_statement(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction) -> None:
    """The maker a statement's head names ``STATES`` the document's statement, which is ``PART_OF`` the meeting the
    head delivers it at (its maker that meeting's speaker)."""
    head = min(len(text), _HEAD)
    if not any(w in text[:head] for w in ("tatement", "TATEMENT", "ntervention", "emarks", "esponse")):
        return
    named = set(ex.entities)  # the draft's entities before the head's state is looked up
    makers = _makers(text, head, mentions, ex)
    if not makers:
        return
    people = [m for m in makers if m[0] and ex.entities[m[0]].label == "Person"]
    if not people and any(not m[0] for m in makers):
        return
    who, a, b, _d, line_end = (people or makers)[0]
    deleg: tuple[str, int, int] | None = None  # the delegation the head names: a body of its own (decision 5e)
    for _w, _a, _b, country, _e in makers:  # (a maker "" is a person the draft does not have)
        if country is not None:  # (with a person the head names who delivers it too: README, round 13 conv13b point 1)
            key = _delegation(text, country, _a, _e, mentions, ex)
            if key is not None and deleg is None:
                deleg = (key, _a, _b)
    if deleg is not None and who not in named and ex.entities[who].label != "Person":
        # a state the text names only in its delegation's name: the delegation alone makes the statement
        ex.entities.pop(who, None)
        who = deleg[0]
    sent = _sentence(sentences, a)
    if sent is None:
        return
    heads = [c for c in ex.claims if c.predicate == "STATES" and c.span[0] < head and c.object in ex.entities
             and ex.entities[c.object].attributes.get("kind") == "statement"]
    states_gov = {c.subject for c in heads if c.subject in ex.entities and ex.entities[c.subject].label == "Organisation"}
    ev = next((c.object for c in heads if c.subject == who), None)
    if ev is None:
        # the headline rules' statement of the same maker's state (its delegation folded into it) is the statement
        ev = next((c.object for c in heads if c.subject in states_gov and c.rule.startswith("headline")), None)
        if ev is not None and ex.entities[who].label == "Person":
            for c in heads:
                if c.object == ev and c.rule.startswith("headline"):
                    c.subject = who
        if ev is None:
            name = ex.entities[who].name
            ev = ex.entity(f"event:{slug(name)}-statement", "Event", f"Statement by {name}", kind="statement").key
        if not any(c.subject == who and c.predicate == "STATES" and c.object == ev for c in ex.claims):
            ex.claim(who, "STATES", ev, quote_span(text, sent, a, b), 0.65, "gov7:head-maker")
    if deleg is not None:
        # the delegation delivers it (it STATES it, the state it speaks for and the person who speaks for it too:
        # decision 5d) and, with no person named, speaks at the meeting
        d_sent = _sentence(sentences, deleg[1])
        if d_sent is not None and not any(c.subject == deleg[0] and c.predicate == "STATES" and c.object == ev for c in ex.claims):
            ex.claim(deleg[0], "STATES", ev, quote_span(text, d_sent, deleg[1], deleg[2]), 0.65, "gov7:head-delegation")
        if ex.entities[who].label != "Person":
            who = deleg[0]
    _represented_states(text, head, sentences, mentions, ex, ev)
    # the person a head line names as delivering it speaks at the meeting, else the maker (README conv13a, point 2)
    if ex.entities[who].label == "Person" or not _delivering_person(text, sentences, mentions, ex, ev, head):
        _meeting(text, sentences, mentions, ex, who, ev, head)


def _represented_states(text: str, head: int, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction,
                        ev: str) -> None:
    """The state whose representative a head line names with the representative's name ("Intervention by Permanent
    Representative of Ukraine Ambassador X") ``STATES`` the statement too (README conv12b 5d: a representative's
    statement made for a government is that government's; dev7: the missions of Ukraine and Japan)."""
    for mm in _MAKER_RE.finditer(text, 0, head):
        sm = _STATE_RE.match(text, mm.end())
        if sm is None or not sm.group("rep") or not sm.group("c"):
            continue
        state = _state(sm.group("c"), ex)
        sent = _sentence(sentences, mm.start())
        if state is None or sent is None or any(c.subject == state and c.predicate == "STATES" and c.object == ev for c in ex.claims):
            continue
        ex.claim(state, "STATES", ev, quote_span(text, sent, mm.start() + len(re.match(r":?\s*", mm.group()).group()), sm.end()),  # type: ignore[union-attr]
                 0.6, "gov7:head-maker")


# The person who delivers a state's statement, on a line of its head: "Minister Counsellor NISHINO Shuichi",
# "Ambassador Jane Doe", "Delivered by H.E. Ms. Jane Doe, Permanent Representative", "Speaker: Mr. John Roe" -> the
# person ``STATES`` the statement the state makes (one act of speaking, stated by the state and by whoever speaks it).
_ROLE_WORDS = (r"(?:H\.\s?E\.|(?:Mr|Ms|Mrs|Dr)\.?|Ambassador|Minister|Counsell?or|Deputy|Permanent|Representative|Foreign|"
               r"Secretary|State|Charg[ée]\s+d[’']Affaires(?:\s+a\.\s?i\.|\s+ad\s+interim)?|First|Second|Third|Head|of|the|"
               r"Delegation|Advis[eo]r|Attach[ée]|Prime|President|Vice[- ]President|Senior|Legal|Political|Coordinator)")
_DELIVERING_RE = re.compile(rf"(?:(?:As\s+)?(?i:delivered|presented|read(?:\s+out)?)\s+by\s+|Speaker:\s*)?(?:{_ROLE_WORDS}[ \t]+)*")
_ROLE_AFTER_RE = re.compile(rf"(?:,[ \t]*(?:{_ROLE_WORDS}[ \t]*)+(?:[A-Z][a-z]+[ \t]*){{0,3}})?[ \t]*$")


def _delivering_person(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction,
                       ev: str, head: int) -> bool:
    """The person a head line names with a title alone (no verb) ``STATES`` the state's statement ``ev`` (and speaks
    at its meeting); whether there is one."""
    body = _body_start(text, head)
    for m in mentions:
        if m.start >= body:
            break
        if m.label != "Person" or not _is_person(ex, m.ref) or any(c.subject == m.ref and c.predicate == "STATES" for c in ex.claims):
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.end)
        line_end = len(text) if line_end < 0 else line_end
        dm = _DELIVERING_RE.match(text, line_start)
        if dm is None or dm.end() != m.start or dm.end() == line_start or not _ROLE_AFTER_RE.match(text[:line_end], m.end):
            continue
        sent = _sentence(sentences, m.start)
        if sent is None:
            continue
        ex.claim(m.ref, "STATES", ev, quote_span(text, sent, line_start, m.end), 0.6, "gov7:delivering-line")
        _meeting(text, sentences, mentions, ex, m.ref, ev, head)
        return True
    return False


# The forum a state's delegation is sent to, as its key names it ("to the OSCE", "at the UN Human Rights Council"):
# the UN's councils and offices are the UN's, the OSCE's Permanent Council and Forum the OSCE's.
_FORUM_RE = re.compile(r"\b(?P<osce>OSCE|Organi[sz]ation\s+for\s+Security\s+and\s+Co-?operation\s+in\s+Europe|Permanent\s+Council)\b"
                       r"|\b(?P<un>UN|U\.N\.|United\s+Nations|Human\s+Rights\s+Council|Security\s+Council|General\s+Assembly)\b")
_FORUM_KEYS = {"osce": "osce", "un": "un"}
_ADJ_SHORT = {"United Kingdom": "UK", "United States": "US"}


def delegation_key(country: str, forum_text: str) -> str | None:
    """The key of state ``country``'s delegation to the forum ``forum_text`` names first ("Ukraine", "... of the UN
    Human Rights Council" -> ``org:ukrainian-delegation-to-the-un``), or None without a forum or an adjective."""
    fm = _FORUM_RE.search(forum_text)
    if fm is None:
        return None
    forum = next(_FORUM_KEYS[g] for g in ("osce", "un") if fm.group(g))
    adj = _ADJ_SHORT.get(country) or load_gazetteer().demonyms.get(country)
    return None if adj is None else f"org:{slug(adj)}-delegation-to-the-{forum}"


# A state's delegation to a forum in its general English wordings: "the Delegation of Ukraine to the OSCE",
# "Ukraine's delegation to the UN Human Rights Council", "the UK Delegation to the OSCE", "the Ukrainian delegation to
# the United Nations" -> the body ``org:<adjective>-delegation-to-the-<forum>`` (decision 5e).
_DELEG_NAME = (r"\b(?:(?P<of>[Dd]elegation)\s+of\s+(?:the\s+)?(?P<c>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
               r"|(?P<c2>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)[’']s\s+(?:[Pp]ermanent\s+)?[Dd]elegation"
               r"|(?P<adj>[A-Z][a-z]+|UK|US|U\.S\.)\s+(?:[Pp]ermanent\s+)?[Dd]elegation)")
_DELEG_PHRASE_RE = re.compile(
    _DELEG_NAME + r"\s+(?:to|at)\s+the\s+(?P<f>(?:[A-Z][\w.-]*\s+){0,4}?(?:OSCE|UN|United\s+Nations|Organi[sz]ation\s+for\s+"
    r"Security\s+and\s+Co-?operation\s+in\s+Europe)(?:\s+(?:Human\s+Rights\s+Council|Security\s+Council|General\s+Assembly|"
    r"Office\s+at\s+Geneva))?)")
# The same names without a forum the phrase names ("the Ukrainian Delegation", "the Delegation of Ukraine to the 1135th
# Meeting of the Permanent Council") in a statement whose head or lead names the one forum it is delivered at
# ("Permanent Representative of Japan to the United Nations", "thank you for chairing last week's Reinforced Permanent
# Council"): that forum's delegation (README, round 13 conv13b point 1).
_BARE_DELEG_RE = re.compile(_DELEG_NAME)
_LEAD = 400  # how far into a document its lead names the forum it is delivered at


def delegations(text: str, mentions: Sequence[Mention], ex: Extraction) -> None:
    """Each state's delegation to a forum the text names is a body keyed by its state and forum: an organisation the
    name finder made of the phrase takes that key, else one is made."""
    if "elegation" not in text:
        return
    gaz = load_gazetteer()
    adjectives = {v: k for k, v in gaz.demonyms.items()} | {"UK": "United Kingdom", "US": "United States",
                                                              "U.S.": "United States"}
    for dm in _DELEG_PHRASE_RE.finditer(text):
        country = dm.group("c") or dm.group("c2") or adjectives.get(dm.group("adj") or "")
        if country is None or (dm.group("adj") is None and country not in gaz.demonyms and country not in _ADJ_SHORT):
            continue
        key = delegation_key(country, dm.group("f"))
        if key is None:
            continue
        a = dm.start() + (text[dm.start():dm.start() + 4] == "the ")
        have = next((m.ref for m in mentions if a <= m.start < dm.end() and m.ref in ex.entities and m.ref != key
                     and ex.entities[m.ref].label == "Organisation" and "elegation" in ex.entities[m.ref].name), None)
        if key in ex.entities:
            continue
        if have is not None:
            ex.rekey(have, key)
            ex.entities[key].name = _forum_name(key, country)
            ex.entities[key].attributes.setdefault("country", country)
        else:
            ex.entity(key, "Organisation", _forum_name(key, country), kind="government", country=country)
    forums = {g for fm in _FORUM_RE.finditer(text, 0, min(len(text), _LEAD)) for g in ("osce", "un") if fm.group(g)}
    if len(forums) != 1:
        return
    forum = " OSCE" if forums == {"osce"} else " UN"
    for dm in _BARE_DELEG_RE.finditer(text):
        country = dm.group("c") or dm.group("c2") or adjectives.get(dm.group("adj") or "")
        if country is None or (dm.group("adj") is None and country not in gaz.demonyms and country not in _ADJ_SHORT):
            continue
        key = delegation_key(country, forum)
        a = dm.start()
        have = next((m.ref for m in mentions if a <= m.start < dm.end() and m.ref in ex.entities and m.ref != key
                     and ex.entities[m.ref].label == "Organisation" and "elegation" in ex.entities[m.ref].name
                     and "-delegation-to-the-" not in m.ref), None)
        if key is not None and have is not None:  # (only a body the name finder made of the words)
            _forum_delegation(ex, have, key, country)


def _forum_name(key: str, country: str) -> str:
    """"Ukrainian Delegation to the UN" for ``org:ukrainian-delegation-to-the-un``; "Delegation of C" without a forum."""
    if "-delegation-to-the-" not in key:
        return f"Delegation of {country}"
    adj, forum = key[4:].split("-delegation-to-the-", 1)
    forum = forum.upper() if forum in ("un", "osce") else forum.replace("-", " ").title().replace(" Of ", " of ")
    return f"{_ADJ_SHORT.get(country) or adj.title()} Delegation to the {forum}"


def _delegation(text: str, country: str, a: int, line_end: int, mentions: Sequence[Mention], ex: Extraction) -> str | None:
    """The organisation "the Delegation of C" on a head line names (a body of its own, keyed by its state and the
    forum the line names), made if the name finder did not; None if C is no state."""
    state = _state(country, ex)
    if state is None:
        return None
    key = delegation_key(country, text[a:line_end]) or delegation_key(country, text[:_HEAD])
    have = None
    for m in mentions:
        if not (a <= m.start < line_end) or m.ref == state or m.ref not in ex.entities:
            continue
        e = ex.entities[m.ref]
        if e.label == "Organisation" and re.fullmatch(rf"(?i)(?:the\s+)?(?:delegation|(?:permanent\s+)?mission)\s+of\s+"
                                                      rf"(?:the\s+)?{re.escape(country)}", e.name):
            have = m.ref
            break
    if have is None:
        key = key or f"org:delegation-of-{slug(country)}"
        ex.entity(key, "Organisation", _forum_name(key, country), kind="government", country=country)
        return key
    if key is not None and have != key:
        _forum_delegation(ex, have, key, country)
        return key
    return have


# A session of a body a head line delivers the statement to or at, named by the body (conv13d 12): "Statement by X to
# the Special Permanent Council of the OSCE, Vienna, 19 August 2015", "... by the Delegation of X to the 1135th Meeting
# of the Permanent Council", a line "OSCE Permanent Council No. 1314, Vienna, 20 May 2021" -> a meeting event the body
# organises (key ``event:<body>-<date>`` where the line gives the date); a statement merely "at the OSCE" has none.
_SESSION_BODY_RE = re.compile(r"\b(?:Council|Committee|Assembly)\b")
_TO_SESSION_RE = re.compile(r"\b(?:to|at|before|during)\s+the\s+(?:(?:\d{1,4}(?:st|nd|rd|th)\s+)?(?:(?:Special|Reinforced|Regular|"
                            r"Extraordinary)\s+)?(?i:meeting|session|sitting)\s+of\s+(?:the\s+)?)?(?:(?:Special|Reinforced|Regular|"
                            r"Extraordinary)\s+)?$")
_NUMBERED_SESSION_RE = re.compile(r"[ \t]*(?:No\.?|Meeting|Session)[ \t]*\d{1,4}\b")
# A session named by the body alone (conv14a point 3): a head line that delivers a statement to the body ("...: Statement
# to the PC", "Remarks to the Permanent Council"), or a greeting that welcomes someone back to it ("we warmly welcome you
# back to the Permanent Council", "Welcome back to the Permanent Council, High Commissioner X").
_DELIVERED_TO_RE = re.compile(r"\b(?:[Ss]tatement|STATEMENT|[Rr]emarks|[Ii]ntervention|[Aa]ddress|[Ss]peech)(?:[ \t]+by[ \t]+[^\n.;:]{1,100}?)?"
                              r"[ \t]+$")
_WELCOME_BACK_RE = re.compile(r"\b[Ww]elcome\s+(?:you\s+)?back\s+to\s+the\s+$")


def _session_body(ex: Extraction, key: str) -> bool:
    e = ex.entities.get(key)
    return e is not None and e.label == "Organisation" and not e.generic and _SESSION_BODY_RE.search(e.name) is not None


def _head_session(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction,
                  body_start: int, ev: str | None = None, greeting_only: bool = False) -> tuple[str, tuple[int, int]] | None:
    """The meeting event of the session of a body (a council, committee or assembly) a head line names the statement
    delivered to ("to the Permanent Council") or names alone ("Permanent Council No. 1314"), or a greeting welcomes
    someone back to, made with the body its organiser; None if the head names none. Keyed by the date the line gives,
    else the statement ``ev``'s date (its own, or the one its head line gives: conv14a point 3). ``greeting_only``:
    only a session a greeting names."""
    for m in mentions:
        if m.start >= body_start:
            return None
        if m.label != "Organisation" or not _session_body(ex, m.ref):
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.end)
        line_end = len(text) if line_end < 0 else line_end
        to = _TO_SESSION_RE.search(text, line_start, m.start)
        numbered = _NUMBERED_SESSION_RE.match(text, m.end) if not text[line_start:m.start].strip() else None
        if to is None and numbered is None:
            continue
        welcome = _WELCOME_BACK_RE.search(text, max(line_start, m.start - 40), m.start)
        if greeting_only and welcome is None:
            continue
        a = to.start() + len(re.match(r"\w+\s+the\s+", to.group()).group()) if to is not None else m.start  # type: ignore[union-attr]
        b = numbered.end() if numbered is not None else m.end
        sent = _sentence(sentences, a)
        if sent is None:
            continue
        dates = [d for d in find_dates(text[b:line_end]) if len(d[2]) == 10]
        name = text[a:b]
        key = f"event:{m.ref[4:]}-{dates[0][2]}" if dates else f"event:{slug(name)}"
        if numbered is None and not dates and not re.search(r"(?i)meeting|session|sitting", to.group()):  # type: ignore[union-attr]
            # the body alone: a session only where a statement is delivered to it on its line, or a greeting welcomes
            # someone back to it
            if welcome is None and not _DELIVERED_TO_RE.search(text, line_start, to.start()):  # type: ignore[union-attr]
                continue
            date = _statement_date(text, mentions, ex, ev)
            name = f"Meeting of the {ex.entities[m.ref].name}"
            key = f"event:{m.ref[4:]}-{date}" if date else f"event:meeting-of-{m.ref[4:]}"
            if date:
                dates = [(0, 0, date)]
        meeting = ex.entity(key, "Event", name[0].upper() + name[1:], kind="meeting").key
        ex.trigger(meeting, a, b)
        if dates:
            ex.entities[meeting].attributes.setdefault("date", dates[0][2])
        ex.claim(m.ref, "PARTICIPANT_IN", meeting, quote_span(text, sent, a, b), 0.55, "gov7:head-session", role="organiser")
        city = next((c for c in mentions if b <= c.start < line_end and c.label == "Location" and c.ref in ex.entities
                     and ex.entities[c.ref].attributes.get("kind") == "city"), None)  # "..., Vienna, 19 August 2015"
        if city is not None and _sentence(sentences, city.start) is sent:
            ex.claim(meeting, "LOCATED_IN", city.ref, quote_span(text, sent, a, city.end), 0.55, "gov7:head-session")
        return meeting, (a, b)
    return None


def _statement_date(text: str, mentions: Sequence[Mention], ex: Extraction, ev: str | None) -> str | None:
    """The date of the statement ``ev``: its own, else the one date its title line gives when that line names its
    maker ("Report by X: UK response, December 2022"); None without one."""
    if ev is None or ev not in ex.entities:
        return None
    own = ex.entities[ev].attributes.get("date")
    if isinstance(own, str) and own:
        return own
    first = text.find("\n")
    first = len(text) if first < 0 else first
    makers = {c.subject for c in ex.claims if c.object == ev and c.predicate == "STATES"}
    if not any(c.span[0] < first for c in ex.claims if c.object == ev and c.predicate == "STATES") \
            and not any(m.ref in makers and m.start < first for m in mentions):
        return None
    found = {d[2] for d in find_dates(text[:first])}
    return next(iter(found)) if len(found) == 1 else None


def _forum_delegation(ex: Extraction, have: str, key: str, country: str) -> None:
    """The organisation ``have`` is the delegation ``key`` (into it where the draft has it already), named by its forum,
    so that a batch keeps one state's delegations to two forums apart."""
    ex.entities[have].name = _forum_name(key, country)
    ex.entities[have].aliases = []
    if key in ex.entities:
        for c in ex.claims:
            c.subject = key if c.subject == have else c.subject
            c.object = key if c.object == have else c.object
        ex.entities.pop(have, None)
    else:
        ex.rekey(have, key)


def _meeting(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction,
             who: str, ev: str, head: int, sessions_only: bool = False) -> None:
    """The meeting the head names: the statement is part of it, its maker its speaker, and a body's role on the
    statement itself goes to the session it organises (conv13d 12). ``sessions_only``: only a body's session."""
    body_start = _body_start(text, head)
    have = [(min(a for a, _b in ex.triggers.get(k) or [(head, head)]), k) for k, e in ex.entities.items()
            if e.label == "Event" and e.attributes.get("kind") in _MEETING_KINDS]
    have = sorted((a, k) for a, k in have if a < body_start and (not sessions_only or any(
        c.object == k and c.qualifiers.get("role") == "organiser" and _session_body(ex, c.subject) for c in ex.claims)))
    meeting: str | None = have[0][1] if have else None
    at: tuple[int, int] | None = None
    if meeting is not None:
        at = next(iter(sorted(ex.triggers[meeting])))
    else:
        first = text.find("\n")
        first = len(text) if first < 0 else first
        mm = None if sessions_only else _MEETING_RE.search(text, 0, first)
        if mm is not None and re.search(r"(?i)\b(?:press|news|media)\b", mm.group("m")):
            mm = None  # "Remarks by X at a press conference": no gathering of parties
        lead = None if sessions_only or mm is not None else _LEAD_MEETING_RE.search(text, 0, first)
        if lead is not None:  # "Interactive Dialogue on ...: Statement of Japan", "... - Statement by Estonia"
            at = lead.span("m")
            name = lead.group("m")
            meeting = ex.entity(f"event:{slug(name)}", "Event", name, kind="meeting").key
            ex.trigger(meeting, *at)
            sent = _sentence(sentences, at[0])
            org = next((m for m in mentions if at[0] <= m.start and m.end <= at[1] and _session_body(ex, m.ref)), None)
            if org is not None and sent is not None:
                ex.claim(org.ref, "PARTICIPANT_IN", meeting, quote_span(text, sent, *at), 0.55, "gov7:head-meeting", role="organiser")
        elif mm is None:
            found = _head_session(text, sentences, mentions, ex, body_start, ev)
            if found is None:
                return
            meeting, at = found
        else:
            name = mm.group("m")
            name = name[0].upper() + name[1:]
            org = next((m for m in mentions if m.start == mm.end() and m.label == "Organisation" and m.ref in ex.entities
                        and not ex.entities[m.ref].generic), None) if text[mm.end("m"):mm.end()].strip() else None
            if org is None and (mm.group("conf") or "arria" not in mm.group("m").lower()):
                # "at the Crimea Platform Summit", "at the Human Rights Council interactive dialogue": the body whose
                # summit or session it is (README conv13a, point 2; an Arria-formula meeting has no convener named)
                end = mm.start("conf") if mm.group("conf") else mm.end("m")
                org = next((m for m in mentions if mm.start("m") <= m.start and m.end < end and m.ref in ex.entities
                            and m.label == "Organisation" and not ex.entities[m.ref].generic
                            and re.fullmatch(r"[ \t]+(?:[\w-]+[ \t]+){0,2}", text[m.end:mm.start("conf")] if mm.group("conf")
                                             else text[m.end:mm.end("m") - len(mm.group("m").split()[-1])])
                            and (mm.group("conf") and ex.entities[m.ref].attributes.get("kind") not in _NOT_HOSTS
                                 or _session_body(ex, m.ref))), None)
            if org is not None and org.start >= mm.end("m"):
                name = f"{name} of the {ex.entities[org.ref].name}"
            meeting = ex.entity(f"event:{slug(name)}", "Event", name, kind="conference" if mm.group("conf") else "meeting").key
            at = (mm.start("m"), org.end if org is not None and org.start >= mm.end("m") else mm.end("m"))
            ex.trigger(meeting, *at)
            sent = _sentence(sentences, at[0])
            if org is not None and sent is not None:
                ex.claim(org.ref, "PARTICIPANT_IN", meeting, quote_span(text, sent, *at), 0.55, "gov7:head-meeting", role="organiser")
    sent = _sentence(sentences, at[0])
    hosts = {c.subject for c in ex.claims if c.object == meeting and c.qualifiers.get("role") == "organiser"}
    if sent is None or (sessions_only and who in hosts):  # a body's own act at its session is not a speech at it
        return
    span = quote_span(text, sent, *at)
    if not any(c.subject == ev and c.predicate == "PART_OF" and c.object == meeting for c in ex.claims):
        ex.claim(ev, "PART_OF", meeting, span, 0.55, "gov7:head-meeting")
    if not any(c.subject == who and c.object == meeting and c.qualifiers.get("role") == "speaker" for c in ex.claims):
        ex.claim(who, "PARTICIPANT_IN", meeting, span, 0.55, "gov7:head-meeting", role="speaker")
    # the body whose session it is has no role on the statement itself: it organises the session
    ex.claims[:] = [c for c in ex.claims if not (c.object == ev and c.subject in hosts and c.predicate == "PARTICIPANT_IN")]


def session_statement(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction) -> None:
    """A statement whose head names no maker line ("EU Statement on ...", "As for delivery by ...") but names the
    session of a body it is delivered at is ``PART_OF`` that session, its maker (a person, else a delegation, else the
    body that states it) the session's speaker (conv13d 12)."""
    head = min(len(text), _HEAD)
    body_start = _body_start(text, head)
    heads = [c for c in ex.claims if c.predicate == "STATES" and c.span[0] < body_start and c.object in ex.entities
             and c.subject in ex.entities and ex.entities[c.object].attributes.get("kind") == "statement"]
    if not heads and "elcome" in text[:body_start]:
        # no maker named: the session a greeting welcomes someone back to is still held, by its body (conv14a point 3)
        _head_session(text, sentences, mentions, ex, body_start, greeting_only=True)
        return
    if not heads or any(c.subject == heads[0].object and c.predicate == "PART_OF" for c in ex.claims):
        return
    ev = heads[0].object
    makers = [c.subject for c in heads if c.object == ev]
    who = min(makers, key=lambda k: (ex.entities[k].label != "Person", "-delegation-to-the-" not in k))
    _meeting(text, sentences, mentions, ex, who, ev, head, sessions_only=True)


_ADDRESS_RE = re.compile(r"^(?:Mr\.?|Madam|Madame|Mme\.?|Dear|Excellenc)", re.M)


def _body_start(text: str, head: int) -> int:
    """Where the statement's body starts: its first address ("Mr. President,"), else the head's end."""
    m = _ADDRESS_RE.search(text, 0, head)
    return m.start() if m is not None else head


# A press release of a head of state or of a parliament's speaker refers to its maker by the title alone once it has
# named them: "President Dalia X met with ..." ... "“...,” the President said", "According to the President, ...",
# "Loreta X, Speaker of the Seimas, received ..." ... "the Speaker of the Seimas said" (dev7: the President's office and
# the Seimas of Lithuania).
_TITLES = r"President|Speaker|Prime\s+Minister|Foreign\s+Minister|Chancellor|Chairman|Chairwoman|Secretary-General"
_TITLE_SAYS_RE = re.compile(rf"\b(?:[Tt]he\s+(?P<t>{_TITLES})(?:\s+of\s+the\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+){{0,3}})?\s+"
                            r"(?:also\s+)?(?:said|says|stated|underlined|stressed|emphasi[sz]ed|noted|added|declared|pointed\s+out)\b"
                            rf"|According\s+to\s+the\s+(?P<t2>{_TITLES})\s*,)")
_TITLE_BEFORE_RE = re.compile(rf"(?:^|[^\w])(?P<t>{_TITLES})\s+$")
_TITLE_AFTER_RE = re.compile(rf",\s+(?:the\s+)?(?P<t>{_TITLES})\b")


def _normal_title(t: str) -> str:
    return re.sub(r"\s+", " ", t)


def titled_speaker(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction) -> None:
    """The one person a document has introduced with a title ``STATES`` what "the <title> said" (a statement of their
    own, unless they state one already)."""
    if "the President" not in text and "the Speaker" not in text and "According to the" not in text \
            and not re.search(r"\bthe\s+(?:Prime\s+Minister|Foreign\s+Minister|Chancellor|Chair|Secretary-General)", text):
        return
    titled: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.label != "Person" or m.ref not in ex.entities or ex.entities[m.ref].label != "Person" or ex.entities[m.ref].generic:
            continue
        for tm in (_TITLE_BEFORE_RE.search(text, max(0, m.start - 40), m.start), _TITLE_AFTER_RE.match(text, m.end)):
            if tm is not None:
                titled.setdefault(_normal_title(tm.group("t")), []).append(m)
    if not titled:
        return
    for sent in sentences:
        for sm in _TITLE_SAYS_RE.finditer(sent.text):
            title = _normal_title(sm.group("t") or sm.group("t2"))
            a, b = sent.start + sm.start(), sent.start + sm.end()
            named = [m for m in titled.get(title, []) if m.start < a]
            if len({m.ref for m in titled.get(title, [])}) != 1 or not named:
                continue
            who = named[0].ref
            if any(c.subject == who and c.predicate == "STATES" for c in ex.claims):
                continue
            name = ex.entities[who].name
            ev = ex.entity(f"event:{slug(name)}-statement", "Event", f"Statement by {name}", kind="statement").key
            ex.trigger(ev, a, b)
            ex.claim(who, "STATES", ev, quote_span(text, sent, a, b), 0.6, "gov7:titled-speaker")


def gov_statements(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction) -> None:
    """The statement passes of this module."""
    delegations(text, mentions, ex)
    delegation_statement(text, sentences, mentions, ex)
    session_statement(text, sentences, mentions, ex)
    presentations(text, sentences, mentions, ex)
    titled_speaker(text, sentences, mentions, ex)
    hosted_meetings(text, sentences, mentions, ex)
    dateline_meeting(text, sentences, mentions, ex)
    spokesperson_statement(text, ex)
    gathering_keys(text, sentences, ex)


# A government's statement whose head names the officer who issues it: "STATEMENT BY MARK TONER, ACTING
# SPOKESPERSON", "Statement by Jane Doe, Minister of Foreign Affairs" (dev3 z16; the form of State Department and
# ministry releases) -> one act of speaking (README round 10 decision 2, conv12b 5d): the officer's statement event is
# the one the government states in the text, which the officer ``STATES`` too.
_BY_OFFICER_RE = re.compile(r"[ \t]*(?i:(?:press[ \t]+)?statement[ \t]+by[ \t]+)")
_OFFICE_AFTER_RE = re.compile(r",[ \t]*(?:[A-Za-z.]+[ \t]+){0,3}?(?i:spokes(?:person|man|woman)|minister|secretary|ambassador|"
                              r"representative|president|charg[ée])\b[^\n]{0,80}$", re.M)


def spokesperson_statement(text: str, ex: Extraction) -> None:
    """The officer a head line names as issuing the statement speaks the one statement the government makes in the
    document: the officer's own statement event is folded into it."""
    for c in ex.claims:
        if c.predicate != "STATES" or c.span[0] >= _HEAD or ex.entities.get(c.subject) is None \
                or ex.entities[c.subject].label != "Person":
            continue
        line_start = text.rfind("\n", 0, c.span[0] + 1) + 1
        by = _BY_OFFICER_RE.match(text, line_start)
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        if by is None or not _OFFICE_AFTER_RE.search(text, by.end(), line_end):
            continue
        own = c.object
        if any(x.object == own and x.subject != c.subject for x in ex.claims if x.predicate == "STATES"):
            continue
        govs = {(x.subject, x.object) for x in ex.claims if x.predicate == "STATES" and x.object != own
                and x.object in ex.entities and ex.entities[x.object].attributes.get("kind") == "statement"
                and x.subject in ex.entities and ex.entities[x.subject].attributes.get("kind") == "government"}
        if len({g for g, _e in govs}) != 1 or len({e for _g, e in govs}) != 1:
            continue  # (two governments, or two statements of one: which the officer speaks is not known)
        fold_events(ex, {own: next(iter(govs))[1]})
        return


# What an official presents to the meeting a state's statement is delivered at, as the statement acknowledges it:
# "Let me thank the Deputy High Commissioner for her yesterday presentation and update" (dev7: three statements of
# Ukraine at the Human Rights Council), "we have just heard a comprehensive report by the High Commissioner for Human
# Rights" (dev7: Japan at an Arria-formula meeting) -> the official (the person the draft says leads the office, if one)
# ``STATES`` a statement of their own, ``PART_OF`` that meeting.
_WHO = r"(?P<who>[A-Z][\w-]*(?:\s+(?:for|of|on|[A-Z][\w-]*)){0,6}?)"
_PRESENTED_RE = re.compile(
    r"\b(?:thank|thanks|thanking)\s+the\s+" + _WHO + r"\s+for\s+(?:his|her|their|its)\s+(?:(?:yesterday(?:’s|'s)?|recent|oral|"
    r"comprehensive|informative|detailed)\s+)*(?:presentation|update|briefing|report|statement)\b"
    r"|\bheard\s+(?:a|an|the)\s+(?:(?:comprehensive|informative|detailed|oral)\s+)?(?:report|briefing|presentation|update)\s+"
    r"(?:by|from)\s+the\s+" + _WHO.replace("?P<who>", "?P<who2>") + r"(?=\s*[.,;]|\s+(?:on|about)\b)")


def _office(phrase: str, at: int, mentions: Sequence[Mention], ex: Extraction) -> str | None:
    """The organisation (or office) a presenter's title names: the draft's mention there, the gazetteer's body, or
    a deputy of the gazetteer's office ("Deputy High Commissioner" of the UN High Commissioner for Human Rights)."""
    m = next((x for x in mentions if x.start == at and x.ref in ex.entities and x.label in ("Organisation", "Person")
              and not ex.entities[x.ref].generic), None)
    if m is not None:
        return m.ref
    dm = re.fullmatch(r"(?P<dep>(?:Deputy|Assistant)\s+)?(?P<t>High\s+Commissioner)", phrase)
    if dm is None:
        return body_named(phrase, ex)
    entry = gazetteer_body(f"{dm.group('t')} for Human Rights")
    if entry is None:
        return None
    if not dm.group("dep"):
        return body_named(entry.name, ex)
    name = entry.name.replace("High Commissioner", f"{dm.group('dep').strip()} High Commissioner")
    return ex.entity(f"org:{slug(name)}", "Organisation", name, **entry.attributes).key


def _titled_heads(text: str, office: str, mentions: Sequence[Mention], ex: Extraction) -> set[str]:
    """The people the document names with the office as their title: "Prince X, UN High Commissioner for Human Rights"."""
    out = set()
    for i, m in enumerate(mentions[:-1]):
        n = mentions[i + 1]
        if m.label == "Person" and m.ref in ex.entities and ex.entities[m.ref].label == "Person" and n.ref == office \
                and re.fullmatch(r",\s+(?:the\s+)?", text[m.end:n.start]):
            out.add(m.ref)
    return out


def presentations(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction) -> None:
    """The official whose presentation to the document's meeting the statement acknowledges ``STATES`` it, part of it;
    where the official is a named holder of an office, the office ``STATES`` it too (README conv15b point 4)."""
    if "thank" not in text and "heard" not in text:
        return
    doc = [c for c in ex.claims if c.rule == "gov7:head-meeting" and c.predicate == "PART_OF"]
    if len(doc) != 1:
        return
    meeting, own = doc[0].object, doc[0].subject
    for sent in sentences:
        for pm in _PRESENTED_RE.finditer(sent.text):
            g = "who" if pm.group("who") else "who2"
            a = sent.start + pm.start(g)
            office = _office(pm.group(g), a, mentions, ex)
            if office is None or office == own:
                continue
            heads = {c.subject for c in ex.claims if c.predicate == "LEADS" and c.object == office
                     and _is_person(ex, c.subject)} | _titled_heads(text, office, mentions, ex)
            who = next(iter(heads)) if len(heads) == 1 else office
            # the publication the speech rules gave the office in this sentence is this presentation
            gone = {c.object for c in ex.claims if c.predicate == "STATES" and c.subject == office
                    and _kind_of(ex, c.object) == "publication" and sent.start <= c.span[0] < sent.end}
            ex.claims[:] = [c for c in ex.claims if not (c.predicate == "STATES" and c.subject == office and c.object in gone)]
            for ev in gone - {c.subject for c in ex.claims} - {c.object for c in ex.claims}:
                ex.entities.pop(ev, None)
                ex.triggers.pop(ev, None)
            name = ex.entities[who].name
            ev = ex.entity(f"event:{slug(name)}-presentation", "Event", f"Presentation by {name}", kind="statement").key
            ex.trigger(ev, sent.start + pm.start(), sent.start + pm.end())
            span = quote_span(text, sent, sent.start + pm.start(), sent.start + pm.end())
            ex.claim(who, "STATES", ev, span, 0.6, "gov7:presentation")
            if who != office:  # the office STATES what its holder delivers (README conv15b point 4)
                ex.claim(office, "STATES", ev, span, 0.6, "gov7:presentation-office")
            ex.claim(ev, "PART_OF", meeting, span, 0.55, "gov7:presentation")


# The meeting a release's maker hosts: "President X met with A and B", "X, Speaker of the Seimas, received
# representatives of ORG" (dev7: the President's office and the Seimas of Lithuania) -> the maker (the person who
# states the release's statement) organises it, the ones met (each of "A and B") take part, one who "also took part
# in the meeting" too, and the maker's statement is part of it (when the maker hosts that one meeting).
_MET_RE = re.compile(r"(?:,[^,;()]{1,80},)?\s+(?:also\s+|today\s+)?(?:has\s+|had\s+)?(?P<v>met\s+with|received)\s+")
_RECEIVED_RE = re.compile(r"(?:the\s+)?(?:(?:representatives|members|leaders|a\s+delegation)\s+of\s+(?:the\s+)?)?")
_AND_RE = re.compile(r"\s+and\s+")
_TOOK_PART_RE = re.compile(r"(?:,[^,;()]{1,100},)?\s+(?:also\s+)?took\s+part\s+in\s+the\s+meeting\b")


def _is_person(ex: Extraction, ref: str) -> bool:
    e = ex.entities.get(ref)
    return e is not None and e.label == "Person" and not e.generic


def hosted_meetings(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction) -> None:
    """The release's maker organises the meeting they "met with" or "received" someone at; see above."""
    if "met with" not in text and "received" not in text:
        return
    makers = {c.subject for c in ex.claims if c.predicate == "STATES" and _is_person(ex, c.subject)
              and _kind_of(ex, c.object) == "statement"}
    if len(makers) != 1:
        return
    host = next(iter(makers))
    hosted: set[str] = set()
    for i, m in enumerate(mentions):
        if m.ref != host:
            continue
        vm = _MET_RE.match(text, m.end)
        sent = _sentence(sentences, m.start)
        if vm is None or sent is None or vm.end() >= sent.end:
            continue
        at = vm.end()
        if vm.group("v") == "received":
            at = _RECEIVED_RE.match(text, at).end()  # type: ignore[union-attr]
        met = next((x for x in mentions[i + 1:i + 4] if x.ref in ex.entities and x.ref != host and x.label in ("Person", "Organisation")
                    and not ex.entities[x.ref].generic and (x.start == at or (vm.group("v") == "met with" and
                                                                              _MET_TITLE_RE.fullmatch(text, vm.end(), x.start)))), None)
        if met is None:
            continue
        ev = next((c.object for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.subject == met.ref
                   and _kind_of(ex, c.object) == "meeting" and sent.start <= c.span[0] < sent.end), None)
        span = quote_span(text, sent, m.start, met.end)
        if ev is None:
            name = ex.entities[met.ref].name
            ev = ex.entity(f"event:meeting-with-{slug(name)}", "Event", f"Meeting with {name}", kind="meeting").key
            ex.trigger(ev, vm.start("v"), met.end)
            ex.claim(met.ref, "PARTICIPANT_IN", ev, span, 0.6, "gov7:hosted-meeting", role="participant")
        # the host ("received") is the meeting's organiser; "A met with B" makes both participants (README conv13a, point 2)
        role = "organiser" if vm.group("v") == "received" else "participant"
        for c in ex.claims:
            if c.subject == host and c.object == ev and c.predicate == "PARTICIPANT_IN":
                c.qualifiers["role"] = role
        if not any(c.subject == host and c.object == ev and c.predicate == "PARTICIPANT_IN" for c in ex.claims):
            ex.claim(host, "PARTICIPANT_IN", ev, span, 0.6, "gov7:hosted-meeting", role=role)
        hosted.add(ev)
        j = mentions.index(met) + 1 if met in mentions else len(mentions)
        last = met
        while j < len(mentions) and _AND_RE.fullmatch(text, last.end, mentions[j].start) and _is_person(ex, mentions[j].ref) \
                and mentions[j].end <= sent.end:  # "met with A and B"
            last = mentions[j]
            if not any(c.subject == last.ref and c.object == ev for c in ex.claims):
                ex.claim(last.ref, "PARTICIPANT_IN", ev, quote_span(text, sent, m.start, last.end), 0.6, "gov7:hosted-meeting",
                         role="participant")
            j += 1
    if len(hosted) != 1:
        return
    ev = next(iter(hosted))
    for m in mentions:  # "X, Chairman of Y, also took part in the meeting"
        if not _is_person(ex, m.ref) or m.ref == host or any(c.subject == m.ref and c.object == ev for c in ex.claims):
            continue
        tm = _TOOK_PART_RE.match(text, m.end)
        sent = _sentence(sentences, m.start)
        if tm is not None and sent is not None and tm.end() <= sent.end:
            ex.claim(m.ref, "PARTICIPANT_IN", ev, quote_span(text, sent, m.start, tm.end()), 0.6, "gov7:hosted-meeting",
                     role="participant")
    for c in list(ex.claims):
        if c.subject == host and c.predicate == "STATES" and _kind_of(ex, c.object) == "statement" \
                and not any(x.subject == c.object and x.predicate == "PART_OF" for x in ex.claims):
            sent = _sentence(sentences, c.span[0])
            if sent is not None:
                ex.claim(c.object, "PART_OF", ev, c.span, 0.55, "gov7:hosted-meeting")


# Between "met with" and the one met: a few title words ("met with Crimean Tatar leaders X")
_MET_TITLE_RE = re.compile(r"(?:(?:the|a|an)\s+)?(?:(?!(?:and|or|but|who|which|that|by|after|before|in|on|at)\b)[\w’'.-]+\s+){0,3}")


def _kind_of(ex: Extraction, key: str) -> str | None:
    e = ex.entities.get(key)
    return e.attributes.get("kind") if e is not None else None


# The dateline of a statement or release names where its meeting was held: "Geneva, 18 December 2019" on a line of its
# own under a statement's head (dev7: Ukraine at the Human Rights Council), "Monday, March 5, Vilnius  President X met
# with ..." (dev7: the President of Lithuania's releases) -> the document's one meeting (of the head or of the
# release's host) ``LOCATED_IN`` the place.
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_WEEKDAY = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+)?"
_DATELINE_RE = re.compile(rf"^(?:{_WEEKDAY}{_MONTHS}\s+\d{{1,2}}(?:,\s+\d{{4}})?,\s+(?P<a>[A-Z][a-z]+)(?=[ \t]+[–—-][ \t]|[ \t]+[A-Z]|[ \t]*\n)"
                          rf"|(?P<b>[A-Z][a-z]+),\s+\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}[ \t]*$)", re.M)


def dateline_meeting(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction) -> None:
    """The document's one meeting is where its dateline says."""
    meetings = {c.object for c in ex.claims if c.rule in ("gov7:head-meeting", "gov7:hosted-meeting") and c.predicate == "PART_OF"}
    if len(meetings) != 1:
        return
    meeting = next(iter(meetings))
    if any(c.subject == meeting and c.predicate == "LOCATED_IN" for c in ex.claims):
        return
    dm = _DATELINE_RE.search(text, 0, min(len(text), _HEAD))
    if dm is None:
        return
    g = "a" if dm.group("a") else "b"
    a, b = dm.start(g), dm.end(g)
    place = next((m.ref for m in mentions if m.start == a and m.end == b and m.label == "Location" and m.ref in ex.entities), None)
    if place is None:
        entry = load_gazetteer().lookup(dm.group(g))
        if entry is None or entry.label != "Location" or entry.attributes.get("kind") not in ("city", "town", "village"):
            return
        place = next((k for k, e in ex.entities.items() if e.label == "Location" and e.name == entry.name), None) \
            or ex.entity(f"place:{entry.key}", "Location", entry.name, **entry.attributes).key
    sent = _sentence(sentences, dm.start())
    if sent is None:
        return
    ex.claim(meeting, "LOCATED_IN", place, quote_span(text, sent, dm.start(), max(b, min(dm.end(), sent.end))), 0.55,
             "gov7:dateline-meeting")
