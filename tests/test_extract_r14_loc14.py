"""Round 14 (loc14): LOCATED_IN for a campaign placed by the sentence before, and for an act whose agent's mention
holds the place ("Russian authorities in occupied Crimea continued to persecute ...")."""

from __future__ import annotations

import pytest

from tests.extract_helpers import check_quotes, extract

_CAMPAIGN = "event:persecution-of-crimean-tatars"
_WITNESSES = "event:persecution-of-jehovah-s-witnesses"
_REPORT = "The annual report covers Crimea.\n\nRights groups said Russian authorities in occupied Crimea "

# (text, the event, the claim's rule, whether the event is LOCATED_IN Crimea by that rule or by none)
_CASES = [
    # the campaign's sentence names no place; the sentence before, in the same paragraph, says "in Crimea"
    ("The raids undermine the freedom of the press in Crimea. They follow a long campaign to silence the Crimean Tatar "
     "community.", _CAMPAIGN, "campaign-crimea-before", True),
    # not across a paragraph, not from a place left, not when the campaign's sentence names a place of its own
    ("The raids undermine the freedom of the press in Crimea.\n\nThey follow a long campaign to silence the Crimean "
     "Tatar community.", _CAMPAIGN, "campaign-crimea-before", False),
    ("Many journalists were forced to flee from Crimea. They follow a long campaign to silence the Crimean Tatar "
     "community.", _CAMPAIGN, "campaign-crimea-before", False),
    ("The raids undermine the freedom of the press in Crimea. In Kyiv they follow a long campaign to silence the "
     "Crimean Tatar community.", _CAMPAIGN, "campaign-crimea-before", False),
    # the agent's mention holds its place, right before the act
    (_REPORT + "continued to persecute Jehovah’s Witnesses.", _WITNESSES, "event-agent-place", True),
    # a clause of saying between the agent and the act
    (_REPORT + "said they persecute Jehovah’s Witnesses.", _WITNESSES, "event-agent-place", False),
]


@pytest.mark.parametrize(("body", "event", "rule", "placed"), _CASES)
def test_located_in_crimea(body: str, event: str, rule: str, placed: bool) -> None:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    found = {(c.subject, c.object, c.rule) for c in ex.claims if c.predicate == "LOCATED_IN"}
    if placed:
        assert (event, "place:crimea", rule) in found, found
    else:  # by no rule at all
        assert not any(s == event and o == "place:crimea" for s, o, _r in found), found
