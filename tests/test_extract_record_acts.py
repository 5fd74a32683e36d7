"""Case records in labelled fields (issue 20, loaders/extract/record_acts.py): each dated field is an
event of the person the record names on a line of its own. The records are made up for the tests."""

from __future__ import annotations

from pathlib import Path

import yaml

from loaders.extract import extract_articles
from loaders.facts import validate

RECORD = """Nariman Dzhelyal; Server Mustafayev; Rustem Kutlumbetov (Victims List)

Additional Name(s): Джелял Нариман

Perpetrator: Russia

Date of Detainment: September/4/2021

Date of Sentencing: September/22/2022

Nariman Dzhelyal

Extra Bio Info: a journalist.

Additional Name(s): Мустафаев Сервер

Perpetrator: Russia

Date of Arrest: May/21/2018

Server Mustafayev

Additional Name(s): Кутлумбетов Рустем Ибраимович

Date of Detainment: March/11/2019
"""


def test_each_dated_field_is_an_event_of_the_records_person(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(RECORD, encoding="utf-8")
    report = extract_articles([path], tmp_path / "out")
    out = report.written[0][1]
    assert validate([out])[1] == []
    doc = yaml.safe_load(out.read_text(encoding="utf-8"))
    kinds = {e["key"]: e["attributes"]["kind"] for e in doc["entities"] if e["label"] == "Event"}
    claims = {(c["subject"], c.get("role"), c["object"], c.get("date")) for c in doc["claims"] if c["predicate"] == "PARTICIPANT_IN"}
    assert kinds["event:nariman-dzhelyal-detention"] == "detention"
    assert kinds["event:nariman-dzhelyal-verdict"] == "verdict"
    assert ("person:nariman-dzhelyal", "target", "event:nariman-dzhelyal-detention", "2021-09-04") in claims
    assert ("person:nariman-dzhelyal", "target", "event:nariman-dzhelyal-verdict", "2022-09-22") in claims
    assert ("org:russian-federation", "perpetrator", "event:nariman-dzhelyal-detention", None) in claims
    # the second record's field is its own person's, not the first's
    assert ("person:server-mustafayev", "target", "event:server-mustafayev-arrest", "2018-05-21") in claims
    assert "event:nariman-dzhelyal-arrest" not in kinds
    # a record with no name line of its own: the person whose surname its Cyrillic name spells
    assert ("person:rustem-kutlumbetov", "target", "event:rustem-kutlumbetov-detention", "2019-03-11") in claims
