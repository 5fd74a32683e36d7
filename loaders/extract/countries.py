"""How a country's mention reads: a state that acts (an Organisation, its government) or a land
(a place). "Russia detained", "calls on Russia", "the UK condemns" name the state; "in Russia",
"to Ukraine" name a place; "Russia's annexation" settles neither (the article's clearer mentions
decide, :func:`loaders.extract.place_mentions.countries_as_actors`)."""

from __future__ import annotations

import re

from loaders.extract.orgs import title_case_line

__all__ = ["country_reading", "country_actors", "state_by_office", "bare_country", "agent_of_act", "charged_integrity"]

_LOCATIVE = re.compile(r"(?:\b(?:in|into|to|from|within|across|throughout|inside|outside|near|of|at|visit(?:ed|ing)?|"
                       r"including|and|or|leave|leaving|left|fled|flee|fleeing|enter|entered|entering)\s+(?:the\s+)?|,\s*)$", re.IGNORECASE)
_ACTOR_BEFORE = re.compile(r"\b(?:by|call(?:s|ed|ing)?\s+(?:(?:up)?on|for)|urg(?:e|es|ed|ing)|demand(?:s|ed)?\s+that|"
                           r"demand(?:s|ed|ing)?\s+from|"  # "to demand from Russia to immediately release Mr. X"
                           r"(?:and|,)\s+(?:the\s+)?(?:UK|US|EU|United\s+States|United\s+Kingdom))\s+(?:the\s+)?$", re.IGNORECASE)
_PARTIES_BEFORE = re.compile(r"\b(?:dialogue|talks|negotiations|relations|agreement|deal|exchange|swap|cooperation|"
                             r"contacts?)\s+between\s+(?:the\s+)?(?:[A-Z][\w.]*\s+){0,2}(?:and\s+(?:the\s+)?)?$")
_SPEAKS_AFTER = re.compile(r"(?:\s+and\s+(?:the\s+)?[\w\s]{1,40}?)?,\s*(?:said|says|stated|added)\b")
_ACTOR_AFTER = re.compile(r"^(?:’s|'s)?\s*(?:,\s*(?:said|says)\b|(?:(?:also|still|once\s+again|again)\s+)?(?:[a-z]+ly\s+)?)(?:must|should|has|have|had|is|was|continues|continued|condemns|condemned|calls|"
                          r"called|urges|urged|will|would|does|did|remains|detained|arrested|sentenced|occupies|occupied|"
                          r"annexed|illegally|attempted|tried|uses|used|launched|refuses|refused|denies|denied|"
                          r"strongly|also|stands|supports|reiterates|welcomes|expresses|joins|recognises|recognizes|"
                          r"demands|says|said|stated|notes|remain|targets|targeted|persecutes|persecuted|release|free|"
                          r"stop|end|cease|comply|respect|allow|grant|statement|government|authorities|delegation|accused|blamed|"
                          r"criticised|criticized|sanctioned|"
                          r"embassy|minister|[A-Z][a-z]+\s+(?:Minister|Secretary|Ambassador|Delegation|Embassy|Government))\b")


_ACTS_AFTER = re.compile(r"\s+(?:(?:has|have|had)\s+)?(?:also\s+)?(?:[a-z]+ly\s+)?(?:detained|arrested|sentenced|imprisoned|"
                         r"jailed|convicted|searched|raided|transferred|deported|tortured|released|banned|charged|"
                         r"abducted|persecuted|annexed|occupied|targeted|continues|continued|accused|blamed|criticised|"
                         r"criticized|sanctioned)\b")


# A verb in a headline is capitalised ("United States Condemns ..."): read it in lower case.
_HEADLINE_VERB = re.compile(r"^\s+([A-Z][a-z]+)\b")
# A finite verb right after the country names the state as the subject ("and the United States
# is unwavering", "As the United States reaffirmed", "that Russia allows").
_SUBJECT_VERB = re.compile(r"^\s+(?:(?:also|still|again|now|then|once\s+again)\s+)?(?:[a-z]+ly\s+)?"
                           r"(?:is|was|has|had|does|did|remains|continues|stands|allows|holds|maintains|violates|denies|"
                           r"refuses|claims|seeks|tries|keeps|imprisons|detains|arrests|targets|persecutes|represses|"
                           r"prosecutes|bans|blocks|prevents|ignores|occupies|controls|uses|abuses|fails|rejects|returns|withdraws|"
                           r"threatens|held|took|began|sent|made|kept|brought|gave|sought|[a-z]{3,}ed)\b")
# "prior to 24 February, Ukraine was 'a country ...'": a description, which says nothing of who acts.
# ("Russia has been able to get round the arms embargo": an ability, the state acts)
_COPULA = re.compile(r"^\s+(?:is|was|remains|has\s+been|had\s+been)\b(?!\s+able\s+to\b)")
_TITLE_AFTER = re.compile(r"^\s+(?:Deputy\s+|Foreign\s+|Prime\s+|Permanent\s+)?(?:Minister|Secretary|Ambassador|"
                          r"Delegation|Embassy|Government|Representative|Mission|Envoy|President|Permanent\s+Representative|"
                          r"[Aa]rmed\s+[Ff]orces)\b",
                          re.IGNORECASE)
# "Russia's President", "Russia's Foreign Minister": the state whose office it is (its officer acts for it).
_OFFICE_AFTER = re.compile(r"(?:’s|'s)\s+(?:[A-Z][\w-]*\s+){0,3}(?:President|Government|Minister|Ambassador|Spokesperson|"
                           r"Spokesman|Envoy|Representative)\b")
# "Russia's Federal Security Service", "Ukraine's Foreign Ministry": a body of the state, itself the actor; the state is
# named only as its owner, so the article's other mentions decide (the development gold records the state for it in
# some files, the place or nothing in others: p02 x01 x04).
_AGENCY_AFTER = re.compile(r"(?:’s|'s)\s+(?:[A-Z][\w-]*\s+){0,3}(?:Service|Services|Court|Ministry|Committee|Guard|Office|"
                           r"Prosecutor|Army|Navy|Fleet|Police|Agency|Parliament|Duma|Embassy|Mission|"
                           r"Delegation|Directorate|Department)\b")
# "Russia's attempted annexation", "critic of Russia's occupation": the state that does the act
# (whatever preposition comes before), though the act alone does not settle the article's reading.
_ACT_AFTER = re.compile(r"(?:’s|'s)\s+(?:[a-z]+\s+){0,2}(?:annexation|occupation|invasion|aggression|war|attempts?|"
                        r"decisions?|banning|ban|actions|policies|policy|campaign|crackdown|refusal|persecution|"
                        r"repression|mistreatment|treatment|application|use|playbook)\b")
# "the laws of the Russian Federation", "armed forces of Russia", "the delegation of the Russian
# Federation": what belongs to a state (its law, forces, officials) names the state, not the land; so do its
# interests and accusations, its membership of a body ("the suspension of Russia from the Council of Europe")
# and the state itself ("the state of Russia"); so do its actions, its position and the citizenship it gives ("the actions
# of the Russian Federation", "the position of Japan", "the citizenship of Russia").
_STATE_OF = re.compile(r"\b(?:laws?|legislation|(?:criminal\s+|administrative\s+)?code|constitution|"
                       r"delegation|government|president|"
                       r"representatives?|policies|policy|practices|interests|accusations|suspension|expulsion|"
                       r"actions|position|citizenship|"
                       r"the\s+state)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# "the armed forces of Ukraine", "authorities of the Russian Federation", "the Supreme Court of the Russian Federation":
# a body of the state, the actor itself; as for "Russia's Federal Security Service", the article's other mentions decide.
_BODY_OF = re.compile(r"\b(?:forces|army|troops|military|authorities|parliament|ministry|courts?|officials)\s+of\s+(?:the\s+)?$",
                      re.IGNORECASE)
# "Crimea had become part of the Russian Federation": a territory joins a state (the annexing claim).
_JOINED = re.compile(r"\b(?:become|became|becoming|becomes)\s+(?:a\s+)?part\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# "... to the Russian Federation as the occupying state": named as the occupying power, the state.
_OCCUPYING = re.compile(r",?\s+as\s+(?:the|an)\s+occupying\s+(?:state|power)\b", re.IGNORECASE)
# (a word or two may qualify the land: "Ukraine's international borders", "Ukraine's capital, Kyiv")
_LAND_NOUNS = re.compile(r"(?:’s|'s)\s+(?:[A-Z][a-z]+\s+|(?:(?!(?:of|on|in|to|for|against|and|or|with|from|by)\b)[a-z]+\s+){1,2})?(?:sovereignty|territor\w*|borders?|[Pp]eninsula|south|"
                         r"north|east|west|regions?|oblasts?|capital|cities|people|citizens|soil|independence|integrity)\b")


# "the city of Sevastopol (Ukraine)": the country a place is in, in brackets after it.
_PLACE_BRACKET_BEFORE = re.compile(r"\b[A-Z][\w’'-]+\s*\($")
# "Russia’s aggression against Ukraine began": a country after a preposition is not the subject of the verb that follows.
_PREPOSITION_BEFORE = re.compile(r"\b(?:against|on|upon|over|towards?|about|for|with|between|among|versus|like|than)\s+(?:the\s+)?$",
                                 re.IGNORECASE)
# "Ukraine and its partners will continue": a sentence opening on the country and others, then what they do.
_WITH_OTHERS_AFTER = re.compile(r"\s+and\s+(?:its|their|other|the)\s+(?:[\w-]+\s+){0,3}?(?:will|must|should|shall|continue[sd]?|"
                                r"call(?:s|ed)?|urge[sd]?|condemn(?:s|ed)?|demand(?:s|ed)?|stand|stood|remain|support(?:s|ed)?)\b")

# "Perpetrator: Russia": a victims register's field naming who acts.
_PERPETRATOR_BEFORE = re.compile(r"\bPerpetrators?:\s*$")
# "the Ukraine v. Russia inter-state case": a case's parties, named around "v." / "vs.".
_VERSUS_AFTER = re.compile(r"^\s+(?:v|vs)\.?\s+(?:the\s+)?[A-Z]")
_VERSUS_BEFORE = re.compile(r"\b[A-Z][\w.]*\s+(?:v|vs)\.?\s+(?:the\s+)?$")


# A charge of the state's criminal code ("public calls for actions violating the territorial integrity of the Russian
# Federation", "accused of threatening the territorial integrity of", "a criminal offense to question Russia's
# territorial integrity"): the state the law protects, not a land the article places anything in.
_CHARGE_WORDS = r"(?:[“\"]|\b(?:charg\w*|accus\w*|offen[cs]es?|criminali[sz]\w*|calls?)\b)"
_INTEGRITY_OF = re.compile(_CHARGE_WORDS + r"[^”\".;]{0,60}\b(?:violat\w*|against|threaten\w*|question\w*|undermin\w*)"
                           r"(?:\s+of)?\s+(?:the\s+)?(?:territorial\s+integrity|sovereignty)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_INTEGRITY_BEFORE = re.compile(_CHARGE_WORDS + r"[^”\".;]{0,60}\b(?:violat\w*|against|threaten\w*|question\w*|undermin\w*)"
                               r"(?:\s+of)?\s+(?:the\s+)?$", re.IGNORECASE)
_INTEGRITY_AFTER = re.compile(r"(?:’s|'s)\s+(?:territorial\s+integrity|sovereignty)\b")
# "fined 400,000 rubles (6,000 US dollars)", "(US$165)": a currency, not the country.
_CURRENCY_AFTER = re.compile(r"\s*(?:\$|dollars?\b|cents?\b)")
# "Russia: Release ...", the country a headline is about (Amnesty's and the EEAS's form): a topic, not a role.
_TOPIC_AFTER = re.compile(r":\s")


def charged_integrity(text: str, start: int, end: int) -> bool:
    """Whether the country at ``text[start:end]`` is the state whose territorial integrity (or sovereignty) a charge
    says was violated ("public calls for actions violating the territorial integrity of the Russian Federation",
    "a criminal offense to question Russia's territorial integrity"). The annotators of dev4, valid2 and dev6 record
    no place of its own for it where the article names the country otherwise (dev2's and dev4's disagree where it is
    the only mention: the place then, as before)."""
    before = text[max(0, start - 120):start]
    if _INTEGRITY_OF.search(before):
        return True
    return bool(_INTEGRITY_AFTER.match(text, end) and _INTEGRITY_BEFORE.search(before))


def _headline_topic(text: str, start: int, end: int) -> bool:
    """"Russia: Release the Crimean Tatar leaders": the country a title line opens on, then a colon."""
    return (start == 0 or text[start - 1] == "\n") and bool(_TOPIC_AFTER.match(text, end))


def country_reading(text: str, start: int, end: int) -> tuple[bool, bool]:
    """How the country named at ``text[start:end]`` is read: ``(acts, sure)``.

    A possessive before a capitalised name ("Russia's Federal Security Service") is the state
    its agency belongs to: the state, surely.

    ``acts`` is whether it is a state acting (a government) rather than a place. ``sure`` is
    False for readings that do not settle it ("annexed by Russia", "Russia's annexation",
    "Ukraine/Russia:", "UK Minister for Europe"): the article's other mentions of the country decide those (see
    :func:`loaders.extract.entries.find_entries`).
    """
    before, after = text[max(0, start - 40):start], text[end:end + 60]
    # An editor's brackets ("[The U.S.] again call[s] on") are read through.
    after, before = re.sub(r"^\]", "", after).replace("[s]", "s"), before.replace("[s]", "s")
    after = re.sub(r"^\s+[“\"](?=[a-z])", " ", after)  # 'the U.S. “condemns the failure': the quoted words are its own
    if charged_integrity(text, start, end):
        return False, False  # "violating the territorial integrity of the Russian Federation": as the article's other mentions
    if _CURRENCY_AFTER.match(after) or _headline_topic(text, start, end):
        return False, False  # "6,000 US dollars", "Russia: Release ...": neither a land nor a state that acts
    if _VERSUS_AFTER.match(after) or _VERSUS_BEFORE.search(before) or _PERPETRATOR_BEFORE.search(before):
        return True, True  # "Ukraine v. Russia": the parties to a case; "Perpetrator: Russia": a register's actor
    if _PLACE_BRACKET_BEFORE.search(before) and after.startswith(")"):
        return False, True  # "Sevastopol (Ukraine)": the land the place is in
    if _SPEAKS_AFTER.match(after) and not _LOCATIVE.search(before):
        return True, True  # "The United States, said the Secretary, ...": a speaker (with others)
    if re.search(r"\bwith\s+(?:the\s+)?$", before) and re.match(r"\s+[a-z]+ing\b", after):
        return True, True  # "with Russia threatening to criminalize them"
    if start > 0 and text[start - 1] == "/" or after.startswith("/"):
        return False, False  # "Ukraine/Russia:" in a headline: a topic, not a role
    if re.search(r"\bannex(?:ed|ation|ing)\b[^.;]{0,30}\bby\s+(?:the\s+)?$", before, re.IGNORECASE):
        if text.startswith("Russian Federation", start):
            return True, True  # "the annexation of Crimea by the Russian Federation": the state's own name, the state
        return False, False  # "annexed by Russia": the annexing state or the country, as the article has it
    if _LAND_NOUNS.match(after):
        return False, True  # the country as a land: "Ukraine's sovereignty", "Ukraine's territory"
    if _OFFICE_AFTER.match(after):
        return True, True  # "Russia’s President Putin": the state's officer
    if _AGENCY_AFTER.match(after):
        return True, False  # "Russia's Federal Security Service": the body acts; the article's other mentions decide
    if _ACT_AFTER.match(after):
        return True, False  # "opposition to Russia's attempted annexation": the agent of an act
    if after.startswith(("’s", "'s")):
        return not _LOCATIVE.search(before), False  # "Russia's annexation": the agent, or the land after "to"
    if _STATE_OF.search(before) or _JOINED.search(before) or _OCCUPYING.match(after):
        return True, True  # "the laws of the Russian Federation", "became part of Russia", "as the occupying state"
    if _BODY_OF.search(before):
        return True, False  # "the armed forces of Ukraine": the body acts; the article's other mentions decide
    if _TITLE_AFTER.match(after):
        return True, False  # "UK Minister for Europe": the state where the article has it act
    if _ACTOR_BEFORE.search(before):
        return True, True  # "called on Russia"
    if _PARTIES_BEFORE.search(before):
        return True, True  # "a dialogue between Russia and Ukraine": the parties are states
    if re.search(r"(?:\A|[.!?:\n])\s*\Z", before) and _WITH_OTHERS_AFTER.match(after):
        return True, True  # "Ukraine and its partners will continue": the state and others, then what they do
    loc = _LOCATIVE.search(before)
    if loc and loc.group().startswith(",") and (_ACTS_AFTER.match(after)
                                                or _SUBJECT_VERB.match(after) and not _COPULA.match(after)):
        return True, True  # "In 2021, Russia detained ...", "In March 2014, Russia announced": the state acts after an adverbial
    if loc and re.search(r"\b(?:and|or)\s+the\s+$", loc.group(), re.IGNORECASE) and _SUBJECT_VERB.match(after):
        return True, True  # "..., and the United States is unwavering"
    if loc and re.search(r"\b[a-z]+\s+and\s+$", before) and (_SUBJECT_VERB.match(after) or _ACTOR_AFTER.match(after)):
        return True, True  # "the international community and Canada will continue": a subject with another
    if loc:
        return False, True
    headline = _HEADLINE_VERB.match(after)
    if headline and title_case_line(text, start):
        after = " " + headline.group(1).lower() + after[headline.end():]
    if _PREPOSITION_BEFORE.search(before):
        return False, False  # "aggression against Ukraine began": the object of a preposition, not a subject
    if _ACTOR_AFTER.match(after):
        return True, True
    if _SUBJECT_VERB.match(after):
        return True, True  # "As the United States reaffirmed", "that Russia allows": the subject of a verb
    # "sanctions on Russia", "Perpetrator: Russia": no preposition of place and no verb, so the
    # article's clear mentions decide (with none, the land: see :func:`bare_country`).
    return False, False


def agent_of_act(text: str, start: int, end: int) -> bool:
    """Whether the country at ``text[start:end]`` is named, by its possessive, as the one that does
    an act ("Russia's attempted annexation", "critic of Russia's occupation", "Russia's banning of
    the Mejlis"): a reading that leans to the state when the article has no clearer mention (see
    :func:`loaders.extract.place_mentions.countries_as_actors`). A possessive before anything else
    ("Ukraine's national post operator") does not; nor does "annexed by Russia", which the
    development splits' annotators read as the land about as often as the state. A possessive before the state's
    body ("Russia's Federal Security Service") leans the same way: with no clearer mention, the state whose body acts."""
    return bool(_ACT_AFTER.match(text, end) or _AGENCY_AFTER.match(text, end))


def bare_country(text: str, start: int, end: int) -> bool:
    """Whether the country at ``text[start:end]`` is read as neither a land nor a state only for
    want of any sign (no preposition of place, no verb, no possessive, no "annexed by"): with no
    clearer mention in the article, it is the place, as a country named in passing is."""
    before, after = text[max(0, start - 40):start], text[end:end + 60]
    if (start > 0 and text[start - 1] == "/") or after.startswith(("/", "’s", "'s")) or _TITLE_AFTER.match(after):
        return False
    if _CURRENCY_AFTER.match(after) or _headline_topic(text, start, end):
        return False  # a currency, a headline's topic
    return not re.search(r"\bannex(?:ed|ation|ing)\b[^.;]{0,30}\bby\s+(?:the\s+)?$", before, re.IGNORECASE)


def state_by_office(text: str, start: int, end: int) -> bool:
    """Whether the country at ``text[start:end]``, in a reading that does not settle place or
    state, still names the state: it owns an office named after it ("UK Minister for Europe",
    "U.S. Ambassador", "the Ukrainian Delegation"). For an article with no clearer mention of that
    country (see :func:`loaders.extract.place_mentions.countries_as_actors`). "Annexed by Russia"
    is left unsettled: the development set's annotators took it for the place as often as the state."""
    after = text[end:end + 60]
    if after.startswith(("’s", "'s", "/")) or text[start - 1:start] == "/":
        return False  # "Russia's annexation", "Ukraine/Russia:": no more than a topic
    return bool(_TITLE_AFTER.match(after))


def country_actors(text: str, start: int, end: int) -> bool:
    """Whether the country named at ``text[start:end]`` acts (a government) rather than is a place."""
    return country_reading(text, start, end)[0]
