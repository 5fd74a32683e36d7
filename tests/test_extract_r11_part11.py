"""Round 11 (part11): claims between two ends the draft already holds, read from the sentence naming both.
(part11's victim collective of a ban is tested in tests/test_extract_r11_dedup11.py.)"""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _claims(ex, rule: str):  # type: ignore[no-untyped-def]
    return [c for c in ex.claims if c.rule == rule]


def test_the_state_actor_that_persecutes_is_the_campaigns_perpetrator() -> None:
    body = ("Officials said that the Russian Federation continues using its anti-terrorist legislation as an "
            "instrument of political persecution of the Crimean Tatars.")
    text, ex = extract(body)
    got = _claims(ex, "perpetrator:campaign:actor")
    assert [(c.subject, c.qualifiers.get("role")) for c in got] == [("org:russian-federation", "perpetrator")]
    assert ex.entities[got[0].object].name.startswith("Persecution")
    check_quotes(text, ex.claims)


def test_the_state_called_on_to_end_a_persecution_is_not_named_its_author() -> None:
    # (a guard: the state is called on, not said to persecute)
    body = "The Netherlands urges the Russian Federation to end the persecution of Crimean Tatars."
    text, ex = extract(body)
    assert not _claims(ex, "perpetrator:campaign:actor")


def test_the_state_actor_after_by_is_the_campaigns_perpetrator() -> None:
    body = ("The resolution condemns abuses and practices of discrimination against the residents of occupied Crimea, "
            "including Crimean Tatars, by the Russian occupation authorities.")
    text, ex = extract(body)
    got = _claims(ex, "perpetrator:campaign:actor")
    assert [(c.subject, c.qualifiers.get("role")) for c in got] == [("org:russian-occupation-authorities", "perpetrator")]
    check_quotes(text, ex.claims)
