"""The events and charges the claim rules of :mod:`loaders.extract.claims` write, and the rules run after them."""

from __future__ import annotations

import re
from functools import lru_cache

from loaders.extract.acts import Act
from loaders.extract.annexations import RUSSIAN_FORCES, annexation_announcements
from loaders.extract.claim_model import Extraction, SentenceMentions, case_of, quote_span
from loaders.extract.claim_targets import find_targets, first_ref_pos
from loaders.extract.collective_targets import VICTIM_COLLECTIVES
from loaders.extract.events import TERM_GAP_RE, TERM_TAIL_RE
from loaders.extract.gazetteer import Gazetteer, slug
from loaders.extract.mentions import Mention, Person, Sentence

_STATUS = {"accused": "accused", "charged with": "accused", "charged under": "accused", "indicted": "accused",
           "suspected of": "suspect", "convicted": "convicted", "found guilty": "convicted", "sentenced": "convicted",
           "prosecuted for": "accused"}
_ARTICLE_RE = re.compile(r"\bArticles?\s+(\d{2,4}(?:\.\d)?)", re.IGNORECASE)
SENTENCE_RE = re.compile(r"\bsentenced\b[^.;]{0,40}?\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|"
                          r"eleven|twelve|thirteen|fourteen|fifteen|seventeen|nineteen)\s+years?\b", re.IGNORECASE)
_PARTICIPATE_RE = re.compile(r"\b(participated in|participating in|took part in|taking part in|attended|attending|spoke at|"
                             r"speaking at|addressed|(?:reaffirmed|stated|said|declared|agreed|announced|presented|pledged|"
                             r"signed|joined|spoke|raised)\s+(?:[^.;,“”]{0,30}?\s+)?(?:during|at|in))\b", re.IGNORECASE)

_SPEAK_AT_RE = re.compile(r"(?:spoke|speaking|addressed|reaffirmed|stated|said|declared|announced|presented|pledged|raised)\b",
                          re.IGNORECASE)


class _CachedRe:
    """``re.search``/``match``/``fullmatch`` for patterns built per sentence from the gazetteers:
    compiled once and kept (the ``re`` module's own cache is small and these are many)."""

    @staticmethod
    @lru_cache(maxsize=4096)
    def _compile(pattern: str, flags: int) -> re.Pattern[str]:
        return re.compile(pattern, flags)

    def search(self, pattern: str, text: str, flags: int = 0) -> re.Match[str] | None:
        return self._compile(pattern, flags).search(text)

    def match(self, pattern: str, text: str, flags: int = 0) -> re.Match[str] | None:
        return self._compile(pattern, flags).match(text)

    def fullmatch(self, pattern: str, text: str, flags: int = 0) -> re.Match[str] | None:
        return self._compile(pattern, flags).fullmatch(text)


cached_re = _CachedRe()
HORTATIVE_RE = re.compile(r"(?:\b(?:should|must|to)\s+be\s+(?:\w+ly\s+(?:and\s+)?){0,3}|\bcall(?:s|ed|ing)?\s+(?:on\s+[^.;]{0,40}?\s+)?"
                           r"(?:for|to)\s+[^.;]{0,30}|\b(?:demand|urge|seek|press)(?:s|ed|ing)?\s+[^.;]{0,30}|"
                           r"\bwould\s+(?:welcome|support)\s+[^.;]{0,20}|"
                           # "demanded the immediate and unconditional release of X": a call, however many adverbs
                           r"\b(?:demand|urge|seek|call|press)(?:s|ed|ing)?\s+(?:for\s+)?the\s+(?:(?:immediate|unconditional|prompt|"
                           r"urgent|swift)\s+(?:and\s+)?){1,3})$", re.IGNORECASE)
# The speech verbs a pronoun speaker takes ("he said", "she told reporters"); not "he believes".
PRONOUN_SPEECH_RE = re.compile(r"\s+(?:has\s+|had\s+|also\s+|later\s+|then\s+)?(?:said|says|told|tells|stated|states|wrote|writes|"
                                r"added|adds|explained|explains|noted|notes|recalled|recalls|recounted|stressed|stresses|"
                                r"emphasi[sz]ed|insisted|insists|claimed|claims|complained|testified|alleged)\b")
KIN_APPEAL_RE = re.compile(r"[^.;]{0,50}?(?:’s|'s)\s+(?:widow|wife|husband|mother|father|son|daughter|brother|sister|"
                            r"family|relatives)\b")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# "the lawyer said", "the activist told reporters": a person named before by their occupation speaks.
ROLE_SPEAKER_RE = re.compile(r"\b[Tt]he\s+(lawyer|attorney|advocate|activist|journalist|blogger|imam|ombudsman|ombudsperson)\s+"
                              r"(?:has\s+|had\s+|also\s+)?(?:said|says|told|tells|stated|added|noted|explained|stressed|wrote|recalled)\b")
EXTENDED_BEFORE_RE = re.compile(r"\b(?:extended|prolonged)\s+(?:the\s+|his\s+|her\s+|their\s+|"
                                 r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}(?:’s|'s)\s+)(?:pre-trial\s+)?$")
_THINGS = r"(?:reports?|statements?|videos?|documents?|data|films?|footage|books?|lists?|figures|information|findings|recordings?|letters?)"
RELEASED_THING_BEFORE_RE = re.compile(rf"\b{_THINGS}\s+(?:was\s+|were\s+|been\s+)?$", re.IGNORECASE)
RELEASED_THING_AFTER_RE = re.compile(rf"\s+(?:its|their|his|her|a|an|the)\s+(?:[\w-]+\s+){{0,3}}{_THINGS}\b", re.IGNORECASE)
HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "professor", "sheikh"}
@lru_cache(maxsize=8)
def _charge_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """The charge keywords as one pattern, longest first (the first that matches wins)."""
    return re.compile(r"\s*(" + "|".join(re.escape(k) for k in words) + r")\b")



def person_event(ex: Extraction, gaz: Gazetteer, people: dict[str, Person], target: str, kind: str, after: str) -> str:
    """The event of ``kind`` that happened to ``target`` (one per person and kind in an article)."""
    tname = ex.entities[target].name
    ev = f"event:{slug(tname)}-{kind.replace('_', '-')}"
    template = gaz.event_names.get(kind, "{Kind} of {name}")
    name = template.format(name=tname, Kind=kind.replace("_", " ").capitalize())
    org = re.match(r"\s*(?:with|for)\s+(?:the\s+)?([A-Z][\w-]+)", after) if kind == "pressure_to_cooperate" else None
    if org:
        name += f" with the {org.group(1)}"
    have = ex.entities.get(ev)
    ex.entity(ev, "Event", name, kind=gaz.event_kinds.get(kind, kind))
    if have is not None and org and not have.name.endswith(org.group(1)):
        have.name = name  # a later sentence names who the cooperation was for
    if have is None and kind in ("torture", "pressure_to_cooperate", "ill_treatment"):
        ex.entities[target].sensitive = True  # at risk: redacted wherever the graph leaves the tool
    return ev

_case = case_of  # the claim rules' own name for it


def charge_claims(ex: Extraction, gaz: Gazetteer, cases: dict[str, str], text: str, sent: Sentence, cx: SentenceMentions,
            mt: re.Match[str], a: int, target: str, conf: float, speaker: str | None) -> None:
    """DEFENDANT_IN and ACCUSED_OF for one defendant of a charge phrase, and their case."""
    case = _case(ex, cases, target)
    art = _ARTICLE_RE.search(sent.text, mt.start())
    # Quotation marks around a charge ("for “separatism”") are the article's, not the charge's.
    # "found guilty of having organized “mass disturbances”": the charge is the act's object.
    lead = re.match(r"\s*having\s+(?:been\s+)?[a-z]\w+(?=\s+[“\"\w])", sent.text[mt.end():mt.end() + 40])
    after = mt.end() + (lead.end() if lead else 0)
    tail = re.sub(r"[“”\"‘]", "", sent.text[after:after + 80]).lower()
    known = _charge_words(tuple(sorted(gaz.charge_keywords, key=len, reverse=True))).match(tail)
    charge = known.group(1) if known else None
    # (a charge quoted from the code may be long: "for “public calls for actions violating the territorial integrity of ...”")
    quoted = re.match(r"\s*(?:(?:alleged|purported)\s+)?[“\"]([^”\"]{3,120}?)[.,]?[”\"]", sent.text[after:after + 130])
    if charge is None and quoted:  # "for “organizing and participating in riots”": the charge as the article quotes it
        charge = quoted.group(1).lower()
    # "on fabricated terrorism charges", "extremism charges against X": the charge is inside the phrase.
    inside = re.search(r"(?:on|facing|faces?)\s+(?:(?:fabricated|trumped[-–]up|alleged|politically motivated|bogus|false)\s+)*"
                       r"(\S.*?)\s+charges?\b(?!\s+of)", mt.group(1), re.IGNORECASE) \
        or re.match(r"(\S+)\s+charges\s+against", mt.group(1), re.IGNORECASE)
    if charge is None and inside:
        charge = inside.group(1).strip(" “”\"").lower()
        if re.fullmatch(r"(?:(?:unfounded|fabricated|trumped[-–]up|bogus|false|baseless|spurious|absurd|politically|motivated|"
                        r"new|these|the|such|criminal|all|any|same|further)\s*)+", charge):
            charge = None  # "unfounded charges against these men": what the charges are worth, not what they are
    if charge is None and art:
        charge = f"RU CC {art.group(1)}"
    if charge is None and not re.search(r"\bagainst$", mt.group(1)):  # after "charges against" come the accused
        # (the reason the article gives is no part of the charge: "accused of threatening X on account of their opposition")
        words = re.match(r"\s*(?:(?:the|a|an|his|her|their)\s+)?([\w\s’'-]{3,70}?)(?:[,.;]|$| and | after | in | on account of | due to )", tail)
        charge = words.group(1).strip() if words and len(words.group(1).strip()) >= 4 else None
    charge = re.sub(r"^(?:the|a|an|his|her|their)\b\s*", "", charge or "", flags=re.IGNORECASE) or None
    if charge and len(charge) < 4:
        charge = None
    article = art.group(1) if art else gaz.charge_keywords.get(charge) if charge else None
    case_d = ex.entities[case]
    if article:
        charges = case_d.attributes.setdefault("charges", [])
        if f"RU CC {article}" not in charges:
            charges.append(f"RU CC {article}")
    if charge:  # a charge the sentence does not name is left out, not written as "unspecified"
        case_d.attributes.setdefault("charge_description", charge)
    status = next((v for k, v in _STATUS.items() if mt.group(1).lower().startswith(k)), "accused")
    sent_m = SENTENCE_RE.search(sent.text)
    span = quote_span(text, sent, min(a, first_ref_pos(cx, target, a)), a + len(mt.group()) + 20)
    ex.claim(target, "DEFENDANT_IN", case, span, conf, "charge", asserted_by=speaker if speaker != target else None,
             procedural_status=status, charge=charge,
             sentence=f"{sent_m.group(1)} years" if sent_m else None)
    if charge:  # accused of what: a charge phrase that names no charge ("charges against these men") is not one
        ex.claim(target, "ACCUSED_OF", case, span, conf, "charge", asserted_by=speaker if speaker != target else None,
                 charge=charge)



def conference_event(ex: Extraction, text: str, sent: Sentence, cx: SentenceMentions, mt: re.Match[str], a: int, b: int,
                speaker: str | None = None) -> None:
    """A summit or conference someone took part in, with its participants and place (the sentence's speaker, who
    says what it "stated in the common statement of the Summit", when nobody else is named as taking part)."""
    verb = _PARTICIPATE_RE.search(sent.text[:mt.start()])
    if not verb or re.search(r"\b(?:press|news)\s+$", sent.text[max(0, mt.start() - 8):mt.start()], re.IGNORECASE):
        return
    phrase = re.match(r"(?:\s+of\s+(?:the\s+)?[\w\s’'-]{2,60}?)(?=\s+in\b|\s+on\b|,|\.|$)", sent.text[mt.end():])
    # "the Crimea Platform Summit": the capitalised words before the trigger name it (not a date's)
    lead = re.search(r"(?:\b[A-Z][\w’'-]*\s+){1,5}$", sent.text[:mt.start()])
    lead_words = [w for w in (lead.group().split() if lead else []) if not re.fullmatch(r"\d+|[A-Z][a-z]+day|" + _MONTHS, w)]
    while lead_words and lead_words[0] in ("The", "A", "An", "At", "In", "During", "As"):
        lead_words.pop(0)
    name = " ".join([*lead_words, (mt.group() + (phrase.group() if phrase else "")).strip()])
    ev = f"event:{slug(name)}"
    place = next((pl for pl in cx.places if 0 <= pl.start - b <= 80 and re.search(r"\bin\s+$", cx.between(b, pl.start))), None)
    ex.entity(ev, "Event", name[:1].upper() + name[1:] + (f" in {ex.entities[place.ref].name}" if place else ""),
              kind="conference", date=None)
    verb_pos = sent.start + verb.start()
    # Only the clause that says who took part names them: "X was detained on the day the EU
    # spoke at the Summit" makes the EU, not X, a participant (X may come back by a pronoun
    # of that clause: "X was detained after he spoke at the Summit").
    cut = [m.end() for m in re.finditer(r"[;:]|\b(?:while|whereas|when|where|after|before|because|since|although|"
                                        r"though|until|once|the\s+day)\b", sent.text[:verb.start()], re.IGNORECASE)]
    clause = sent.start + cut[-1] if cut else sent.start
    inside = {m.ref for m in cx.people if m.start >= clause} | {ref for pa, _pb, ref in cx.pronouns if pa >= clause} \
        | {r for pa, _pb, group in cx.plurals if pa >= clause for r in group}
    # "X was detained as the European Union spoke at the Summit": an organisation right before
    # the verb (not "X of Crimean Solidarity attended") is its subject; people before it are not.
    subject = [o for o in cx.orgs if clause <= o.start and o.end <= verb_pos and not ex.entities[o.ref].generic
               and re.fullmatch(r"\s*(?:has\s+|have\s+|had\s+)?(?:also\s+)?", cx.between(o.end, verb_pos))
               and not re.search(r"\b(?:of|from|at|for|with|by|in|and|or|to|on)\s+(?:the\s+)?$", cx.before(o.start, 20))]
    if subject:
        clause = subject[-1].start
        inside = {ref for pa, _pb, ref in cx.pronouns if pa >= clause}
    earlier = {m.ref for m in cx.people if m.end <= clause} - inside
    who, conf = find_targets(cx, verb_pos, verb_pos + len(verb.group()), earlier, [])
    if not who:  # "As the United States reaffirmed during the Summit": the organisation that took part
        who = [o.ref for o in cx.orgs if o.end <= verb_pos and not ex.entities[o.ref].generic and re.fullmatch(
            r"\s*(?:\([^()]{1,20}\)\s*)?(?:,[^,;()]{1,80},\s*)?(?:has\s+|have\s+|had\s+)?(?:also\s+)?", cx.between(o.end, verb_pos))][-1:]
        conf = 0.6
    if not who and speaker and re.match(r"(?:reaffirmed|stated|said|declared|agreed|announced)\b", verb.group(), re.IGNORECASE) \
            and ex.entities[speaker].label == "Organisation" and not ex.entities[speaker].generic:
        who, conf = [speaker], 0.55
    # whoever delivers a statement at it ("spoke at", "addressed", "reaffirmed during") is its speaker (README conv13a,
    # point 2); everyone else who attends a participant
    # ("as also stated in the common statement of the Summit": a text it joined, not a speech there)
    role = "speaker" if _SPEAK_AT_RE.match(verb.group()) and not verb.group().lower().endswith(" in") else "participant"
    for w in who:
        ex.claim(w, "PARTICIPANT_IN", ev, quote_span(text, sent, verb_pos, b), conf, "conference", role=role)
    if place:
        ex.claim(ev, "LOCATED_IN", place.ref, quote_span(text, sent, a, place.end), 0.75, "event-place")


# A gapped clause: ", and C to P" after a verb of moving someone (the verb is not repeated).
GAPPED_KINDS = ("transfer",)
GAPPED_RE = re.compile(r"^[^.;]{1,120}?,\s+and\s+(?:(?:Mr|Mrs|Ms)\.?\s+)?$")


# "the prosecution's two key witnesses, A and B, refused to testify", "witness A": a witness of the court, not its defendant.
_WITNESS_BEFORE_RE = re.compile(r"\bwitness(?:es)?\b(?:\s+for\s+the\s+(?:prosecution|defen[cs]e))?\s*(?:,\s*|\s+)"
                                r"(?:[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}(?:,\s*|\s+and\s+|,\s+and\s+))*$")
_WITNESS_AFTER_RE = re.compile(r",\s+(?:a|the|another|one)\s+(?:(?:key|main|prosecution|defen[cs]e|secret|anonymous)\s+)*witness\b")


def court_witness(cx: SentenceMentions, target: str) -> bool:
    """Whether the sentence names ``target`` as a witness ("key witnesses, A and B", "A, a prosecution witness")."""
    return any(m.ref == target and (_WITNESS_BEFORE_RE.search(cx.before(m.start, 80)) or _WITNESS_AFTER_RE.match(cx.after(m.end, 60)))
               for m in cx.people)


def gapped_terms(cx: SentenceMentions, b: int, targets: list[str]) -> list[Mention]:
    """The people a list of sentences names after the first one, the verb left out: "A was sentenced to 19 years
    in prison, B to 18 years, C and D to 12 years each" (after the verb ending at ``b``): B, C and D."""
    first = TERM_TAIL_RE.search(cx.after(b, 120))
    if first is None or any(b < p.start < b + first.start() and p.ref not in targets for p in cx.people):
        return []
    pos = b + first.end()
    out: list[Mention] = []    # the people of the list so far
    group: list[Mention] = []  # those waiting for their term ("C and D to 12 years each")
    for p in cx.people:
        if p.start < pos:
            continue
        if not TERM_GAP_RE.fullmatch(cx.between(group[-1].end if group else pos, p.start)):
            break
        group.append(p)
        tail = TERM_TAIL_RE.match(cx.after(p.end, 120))
        if tail is not None:
            out.extend(g for g in group if g.ref not in targets)
            group, pos = [], p.end + tail.end()
    return out


def _victim_named(ex: Extraction, text: str, lo: int, hi: int) -> tuple[str, str, int, int] | None:
    """The first victim collective of the draft whose name or alias ``text[lo:hi]`` names: key, name, offsets."""
    best: tuple[str, str, int, int] | None = None
    for key in VICTIM_COLLECTIVES:
        e = ex.entities.get(key)
        if e is None:
            continue
        for n in (e.name, *e.aliases):
            m = re.compile(rf"(?<![\w-]){re.escape(n)}(?![\w-])").search(text, lo, hi) if len(n) > 4 else None
            if m is not None and (best is None or m.start() < best[2]):
                best = (key, e.name, m.start(), m.end())
    return best


def act_event(ex: Extraction, text: str, sent: Sentence, act: Act, speaker: str | None, date: str | None) -> None:
    """One event for an act of :mod:`loaders.extract.acts`, with its targets, agents, participants and places."""
    def name_of(m: Mention) -> str:
        return ex.entities[m.ref].name if m.ref in ex.entities else m.text

    land = next((k for k, e in ex.entities.items() if e.label == "Location" and e.name == act.land), None) if act.land else None
    if any(m.ref not in ex.entities for m in act.targets):
        return  # (a people by its bare name in an article that never names it: state_policies._subjects)
    if not act.places and act.land and land is None and act.name.startswith(("Annexation of", "Occupation of")):
        return  # "Russia's annexation" in an article that names no such land: of what, it does not say
    where = ", ".join(name_of(p) for p in act.places)
    if act.kind == "search" and act.name == "Raids on the group":
        # a practice of raids against a group the sentence names by a word the mention finder left (README conv13a, point 1
        # (c)): the victim collective of the draft named in the sentence, else the one collective of the article ("their homes")
        victim = _victim_named(ex, text, sent.start, sent.end)
        if victim is None and "their" in text[act.start:act.end]:
            victim = _victim_named(ex, text, 0, len(text))
            victim = victim and (victim[0], victim[1], act.start, act.end)
        if victim is None:
            return
        key, vname, a, b = victim
        act.targets = [Mention(a, b, text[a:b], "Organisation", ref=key)]
        act.name = f"Raids on {vname}"
    if act.kind == "meeting" and act.participants:
        name = f"Meeting with {name_of(act.participants[0])}"
    elif act.name == "Entry ban":
        on = " and ".join(name_of(t) for t in act.targets)
        name = f"Entry ban{' on ' + on if on else ''} to {where}"
    elif act.name == "Referendum in" and not act.places and not act.perpetrators:
        # "Russia orchestrated a sham referendum": held, and where the sentence does not say
        name = "Referendum"
    elif act.name in ("Conscription into", "Referendum in"):
        name = f"{act.name} {name_of((act.perpetrators or act.places)[0])}"
    elif act.name in ("Rally", "Demonstration", "Protest", "Picket", "March"):
        name = f"{act.name} with {name_of(act.participants[0])}"
    elif act.perpetrators and act.kind in ("search", "interrogation"):
        name = f"{act.name} by {name_of(act.perpetrators[0])}"
    else:
        name = act.name[:1].upper() + act.name[1:]
    ev = f"event:{slug(name)[:90]}"
    ex.entity(ev, "Event", name, kind=act.kind)
    ex.trigger(ev, act.start, act.end)
    # the state that holds a referendum organises it
    joined = "organiser" if act.name == "Referendum in" else "participant"
    for role, who in (("target", act.targets), ("perpetrator", act.perpetrators), (joined, act.participants)):
        for m in who:
            ex.claim(m.ref, "PARTICIPANT_IN", ev, quote_span(text, sent, min(act.start, m.start), max(act.end, m.end)), 0.6,
                     f"{role}:{act.kind}", role=role, asserted_by=speaker, date=date)
    for m in act.organisers:
        ex.claim(m.ref, "PARTICIPANT_IN", ev, quote_span(text, sent, min(act.start, m.start), max(act.end, m.end)), 0.6,
                 f"organiser:{act.kind}", role="organiser", asserted_by=speaker, date=date)
    for m, role in act.parties:  # a party to proceedings (README conv14a point 4)
        ex.claim(m.ref, "PARTICIPANT_IN", ev, quote_span(text, sent, min(act.start, m.start), max(act.end, m.end)), 0.6,
                 f"{role}:{act.kind}", role=role, asserted_by=speaker, date=date)
    for gov, m, role in act.states:  # the government of a country the text names as a place
        if gov == RUSSIAN_FORCES:  # "Russian military forces invaded": the state's forces, a collective actor
            ex.entity(gov, "Organisation", "Russian forces", kind="military").generic = True
        else:
            ex.entity(gov, "Organisation", name_of(m), kind="government")
        ex.claim(gov, "PARTICIPANT_IN", ev, quote_span(text, sent, min(act.start, m.start), max(act.end, m.end)), 0.55,
                 f"{role}:{act.kind}:state", role=role, asserted_by=speaker, date=date)
    for m in act.issuers:
        ex.claim(m.ref, "STATES", ev, quote_span(text, sent, min(act.start, m.start), max(act.end, m.end)), 0.6, "issuer:other",
                 date=date)
    for p in act.places:
        ex.claim(ev, "LOCATED_IN", p.ref, quote_span(text, sent, act.start, max(act.end, p.end)), 0.6, "event-place")
    if not act.places and act.land:  # "Crimean Tatar media": the article's Crimea, when it names it
        if land is not None:
            ex.claim(ev, "LOCATED_IN", land, quote_span(text, sent, act.start, act.end), 0.5, "event-place:implied")


def request_prosecutors(ex: Extraction) -> None:
    """"the (Russian) prosecutor has asked for 23 years for X", "the prosecutor has requested that X should be
    sentenced to 15 years": the prosecutor the request names (its ``PROSECUTES`` of X's case) takes role ``prosecutor``
    in the request, the hearing event of X's case whose trigger stands in that claim's quote (README round 10
    decision 4: the request is a hearing; dev2 x25, valid2 w05)."""
    asks = [c for c in ex.claims if c.predicate == "PROSECUTES" and c.rule == "case:requested"]
    if not asks:
        return
    have = {(c.subject, c.object) for c in ex.claims if c.predicate == "PARTICIPANT_IN"}
    steps = {(c.subject, c.object) for c in ex.claims if c.predicate == "PART_OF"}
    for c in asks:
        for ev, spans in ex.triggers.items():
            if (ev, c.object) not in steps or (c.subject, ev) in have or ev not in ex.entities \
                    or ex.entities[ev].attributes.get("kind") != "hearing" \
                    or not any(c.span[0] <= x and y <= c.span[1] for x, y in spans):
                continue
            have.add((c.subject, ev))
            ex.claim(c.subject, "PARTICIPANT_IN", ev, c.span, min(c.confidence, 0.6), "prosecutor:request",
                     role="prosecutor", asserted_by=c.asserted_by)


def after_claims(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction, gaz: Gazetteer) -> None:
    """The rules that read the claims made so far: staff, relations, linked acts, acts in a named
    case, the document's issuer, facilities' towns. Imported here: these modules import this one."""
    from loaders.extract.accusations import statement_accusations
    from loaders.extract.acts import fold_back_references
    from loaders.extract.affiliations import drop_charged_memberships, more_affiliations, settle_affiliations
    from loaders.extract.both_ends import both_ends
    from loaders.extract.cases import more_cases
    from loaders.extract.claim_frames import (
        adherents,
        effort_agents,
        envoys,
        joint_reports,
        prosecutors_say,
        release_holders,
        sibling_titles,
        speakers_bodies,
        unit_aliases,
    )
    from loaders.extract.claim_targets import witness_sensitivity
    from loaders.extract.collective_targets import collective_targets
    from loaders.extract.doc_acts import series_publications
    from loaders.extract.doc_source import issuing_body
    from loaders.extract.event_links import (
        acts_for_cases,
        acts_in_named_cases,
        link_events,
        presentation_links,
    )
    from loaders.extract.event_places import event_places, prune_event_places, statement_venues
    from loaders.extract.facilities import based_orgs, facility_places
    from loaders.extract.org_cases import ban_cases
    from loaders.extract.org_seats import org_places, sub_organisations
    from loaders.extract.org_statements import (
        org_publications,
        reports_by,
        resolution_sponsors,
        spokesperson_statement,
    )
    from loaders.extract.place_parts import place_parts, residences
    from loaders.extract.record_acts import record_acts
    from loaders.extract.relations import extract_relations
    from loaders.extract.sentence_lists import other_prisoners, released_groups
    from loaders.extract.state_policies import canonical_citizenship
    from loaders.extract.statement_links import document_citations
    from loaders.extract.stmt_officers import officer_statements
    from loaders.extract.works_for import staff_affiliations

    fold_back_references(text, ex)  # round 15 (follow15): "following his arrest" is the detention told before
    released_groups(text, sentences, mentions, ex, gaz)  # round 16 (lists16): "release these six individuals"
    other_prisoners(text, sentences, mentions, ex, gaz)  # round 16 (lists16): "A, B and other political prisoners"
    more_cases(text, sentences, mentions, ex, gaz)
    request_prosecutors(ex)  # reads the PROSECUTES of more_cases' requests
    ban_cases(text, sentences, mentions, ex)
    staff_affiliations(text, sentences, mentions, ex)
    more_affiliations(text, sentences, mentions, ex, gaz.cues)
    org_publications(text, sentences, mentions, ex)
    resolution_sponsors(text, sentences, mentions, ex)
    extract_relations(text, sentences, mentions, ex, gaz)
    reports_by(text, sentences, mentions, ex)
    link_events(text, sentences, ex)
    witness_sensitivity(text, sentences, ex)  # README conv13d point 1 (claim_targets, align13d)
    acts_in_named_cases(text, sentences, ex)
    acts_for_cases(text, sentences, ex)
    statement_accusations(text, sentences, mentions, ex)
    issuing_body(text, sentences, mentions, ex)
    presentation_links(ex)  # round 15 (align15): reads the presentations issuing_body's statement passes make
    spokesperson_statement(text, sentences, ex)
    series_publications(text, sentences, mentions, ex)
    record_acts(text, sentences, mentions, ex, gaz)
    annexation_announcements(sentences, ex)
    canonical_citizenship(ex)  # round 15 (follow15): the corpus's key of Crimea's forced citizenship
    facility_places(text, sentences, mentions, ex, gaz)
    based_orgs(text, sentences, mentions, ex, gaz)
    org_places(text, sentences, mentions, ex)
    prune_event_places(text, sentences, mentions, ex)
    event_places(text, sentences, mentions, ex)
    statement_venues(text, sentences, mentions, ex)
    place_parts(text, sentences, mentions, ex)
    residences(text, sentences, mentions, ex)
    sub_organisations(text, sentences, mentions, ex)
    unit_aliases(text, sentences, mentions, ex)
    adherents(text, sentences, mentions, ex)
    joint_reports(text, sentences, mentions, ex)
    drop_charged_memberships(text, sentences, ex)
    settle_affiliations(ex, gaz.cues["leadership"])
    speakers_bodies(text, sentences, mentions, ex)
    sibling_titles(text, sentences, mentions, ex)
    prosecutors_say(text, sentences, mentions, ex)
    envoys(text, sentences, mentions, ex)
    release_holders(text, sentences, mentions, ex)
    effort_agents(text, sentences, mentions, ex)
    collective_targets(text, sentences, ex)
    both_ends(text, sentences, mentions, ex)
    officer_statements(text, sentences, mentions, ex)  # last: it reads the LEADS claims the passes above make
    document_citations(ex)  # after every pass that makes a STATES (conv13c LINKED_TO use R)
