"""Round 11 wave 2, stmt11b: statements by the annotation convention (loaders/extract/statement_folds.py), with
made-up sentences in the shape of the development splits' wordings."""

from __future__ import annotations

from loaders.extract.statement_folds import _TITLE_AFTER_RE, _TITLE_BEFORE_RE
from tests.test_extract_r11_stmt11 import _states as stmt11_states


def _states(body: str) -> dict[str, set[str]]:
    """Each event some entity ``STATES``: its speakers (the stmt11 helper, kinds left out)."""
    return stmt11_states(body)[0]


def test_a_state_speaks_in_its_foreign_minister_s_statement() -> None:
    # "The Honourable Chrystia Freeland, Minister of Foreign Affairs, today issued the following statement: ... Canada
    # remains deeply concerned ..." (valid), "President Dalia Grybauskaitė ... Lithuania condemns" (dev7): one act
    states = _states("Statement by Foreign Affairs Minister on the anniversary of the deportation\n\n"
                     "The Honourable Maria Lindqvist, Minister of Foreign Affairs, today issued the following statement:\n\n"
                     "\"On this day in 1944, thousands of people were forcibly deported from the peninsula by Soviet "
                     "authorities. Today, we honour their memory.\n\n"
                     "\"Canada remains deeply concerned by the dire human rights situation on the Crimean peninsula.\"")
    speaking = [who for who in states.values() if "person:maria-lindqvist" in who]
    assert speaking == [{"person:maria-lindqvist", "org:canada"}]


def test_only_a_bare_title_ties_a_head_to_the_state() -> None:
    # "Vilnius President X met", "Chrystia Freeland, Minister of Foreign Affairs, today": bare titles; "Russian
    # President X", "X, President of Ukraine," name another state
    assert _TITLE_BEFORE_RE.search("The leaders met with President ")
    assert _TITLE_BEFORE_RE.search("In a statement, Prime Minister ")
    assert not _TITLE_BEFORE_RE.search("said Russian President ")
    assert not _TITLE_BEFORE_RE.search("said Ukraine's President ")
    assert _TITLE_AFTER_RE.match(", Minister of Foreign Affairs, today")
    assert not _TITLE_AFTER_RE.match(", President of Ukraine, said")


def test_a_president_quoted_further_down_keeps_his_own_statement() -> None:
    # the head speaks for the state only as the document's maker, named in its lead: a president quoted further down a
    # government's statement ("President Zelenskyy said" in a UK statement) is not that government's head
    pad = "We honour the memory of those who lost their lives and of those who suffered so greatly in exile. " * 5
    states = _states("Statement on the anniversary of the deportation\n\nCanada remains deeply concerned by the dire "
                     "human rights situation on the Crimean peninsula.\n\n" + pad + "\n\nPresident Ivan Drozdov said "
                     "that the verdict was unjust.")
    speaking = [who for who in states.values() if "person:ivan-drozdov" in who]
    assert speaking == [{"person:ivan-drozdov"}]
