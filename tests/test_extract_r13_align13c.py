"""Round 13, align13c: the extractor follows conv13c's decisions on ``LINKED_TO`` (uses R and J), from made-up
sentences in the shape of each decision (examples/articles/real/README.md, "Convention decisions, round 13
(conv13c)"); each test fails without the change; every claim's quote is the exact text of its span."""

from __future__ import annotations

from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract


def links(ex: Extraction) -> dict[tuple[str, str], dict[str, object]]:
    return {(c.subject, c.object): c.qualifiers for c in ex.claims if c.predicate == "LINKED_TO"}


# --- use R: a reported statement -> the events it is about -------------------------------------------------------

def test_a_reaction_to_several_named_people_s_acts_is_linked_to_each() -> None:
    text, ex = extract("FSB officers detained the blogger Olena Marchuk and the lawyer Taras Bondar in Simferopol. Human "
                       "Rights Watch condemned the continued detention of Olena Marchuk and Taras Bondar.")
    found = links(ex)
    for ev in ("event:olena-marchuk-detention", "event:taras-bondar-detention"):
        assert ("event:human-rights-watch-statement", ev) in found, ev
        assert found[("event:human-rights-watch-statement", ev)].get("linked_by") == "org:human-rights-watch"
    check_quotes(text, ex.claims)
    # a list that goes on with people the article's events do not hold names no act of each
    _text, ex = extract("FSB officers detained the blogger Olena Marchuk and the lawyer Taras Bondar in Simferopol. Human "
                        "Rights Watch condemned the detention of Olena Marchuk, Taras Bondar and at least 45 others.")
    assert not [k for k, q in links(ex).items() if "linked_by" in q]


def test_a_reaction_to_a_verdict_is_linked_to_it() -> None:
    text, ex = extract("The Southern District Military Court sentenced Olena Marchuk to ten years in prison. The European "
                       "Union condemned the verdict.")
    verdicts = [k for k, e in ex.entities.items() if (e.attributes or {}).get("kind") == "verdict"]
    assert verdicts
    assert [k for k in links(ex) if k[1] in verdicts and k[0] == "event:european-union-statement"]
    check_quotes(text, ex.claims)


def test_the_document_s_own_statement_is_linked_to_the_resolutions_it_cites() -> None:
    text, ex = extract("The European Union reiterates its support for the territorial integrity of Ukraine, in line with "
                       "the UN General Assembly Resolution 68/262.")
    own = [c.object for c in ex.claims if c.predicate == "STATES" and c.subject == "org:european-union"
           and not (ex.entities[c.object].name or "").startswith("Resolution")]
    cited = [k for k, e in ex.entities.items() if (e.name or "").startswith("Resolution 68/262")]
    assert own and cited
    assert (own[0], cited[0]) in links(ex)
    check_quotes(text, ex.claims)


# --- use J: from the principal defendant's case to each co-defendant's ------------------------------------------

def test_a_co_defendant_named_after_and_his_is_linked_from_the_principal_s_case() -> None:
    text, ex = extract("The charges of terrorism against the theatre director Bohdan Kovalenko and his co-defendant, "
                       "ecologist Taras Melnyk, are excessive.")
    assert ("case:bohdan-kovalenko", "case:taras-melnyk") in links(ex)
    assert ("case:taras-melnyk", "case:bohdan-kovalenko") not in links(ex)
    check_quotes(text, ex.claims)


def test_an_accomplice_s_case_is_linked_from_the_principal_s() -> None:
    text, ex = extract("A court sentenced Oleg Petrenko to 20 years. Mr. Petrenko's alleged accomplice, activist Ivan "
                       "Sydorenko, was sentenced to 10 years.")
    assert ("case:oleg-petrenko", "case:ivan-sydorenko") in links(ex)
    assert ("case:ivan-sydorenko", "case:oleg-petrenko") not in links(ex)
    check_quotes(text, ex.claims)


def test_separate_prosecutions_the_text_compares_are_not_linked() -> None:
    _text, ex = extract("A court convicted Oleg Petrenko of extremism. Ivan Sydorenko, another Jehovah’s Witness criminally "
                        "prosecuted in Yalta, was fined too.")
    assert not [k for k in links(ex) if k[0].startswith("case:") and k[1].startswith("case:")]


# --- use C: a protest -> what it protests ------------------------------------------------------------------------

def test_a_hunger_strike_to_demand_a_release_is_linked_to_the_imprisonment() -> None:
    text, ex = extract("Two Ukrainian nationals held in Russian detention, Oleg Petrenko and Ivan Sydorenko, are on hunger "
                       "strike to demand the Russian authorities release all Ukrainian political prisoners.")
    strikes = [k for k in ex.entities if k.endswith("hunger-strike")]
    assert strikes
    for s in strikes:
        assert (s, "event:ukrainians-unjust-imprisonment-russia") in links(ex), s
    check_quotes(text, ex.claims)


# --- MEMBER_OF (e): a founder is a member with the title, not the head ------------------------------------------

def test_a_founder_is_a_member_not_the_head() -> None:
    text, ex = extract("Ivan Petrenko, the founder of Crimean Solidarity, was detained.")
    rel = {(c.subject, c.predicate, c.object): c.qualifiers for c in ex.claims}
    assert ("person:ivan-petrenko", "MEMBER_OF", "org:crimean-solidarity") in rel
    assert rel[("person:ivan-petrenko", "MEMBER_OF", "org:crimean-solidarity")].get("role") == "founder"
    assert ("person:ivan-petrenko", "LEADS", "org:crimean-solidarity") not in rel
    check_quotes(text, ex.claims)


def test_x_and_his_n_co_defendants_link_x_s_case_to_each_when_the_article_holds_that_many() -> None:
    body = ("The court of appeals upheld the conviction of Bohdan Kovalenko and his two co-defendants on 25 June. Taras "
            "Melnyk was sentenced to 12 years. Ivan Sydorenko was sentenced to 7 years.")
    text, ex = extract(body)
    found = links(ex)
    assert ("case:bohdan-kovalenko", "case:taras-melnyk") in found
    assert ("case:bohdan-kovalenko", "case:ivan-sydorenko") in found
    check_quotes(text, ex.claims)
    # three other defendants where the text counts two: no link from the count
    _text, ex = extract(body + " Oleg Petrenko was sentenced to 5 years.")
    assert not [k for k in links(ex) if k[0] == "case:bohdan-kovalenko"]
