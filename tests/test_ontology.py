"""The ontology: the shipped file loads, and a malformed one fails naming file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import CasegraphError, OntologyError
from graph.ontology import (
    DEFAULT_ONTOLOGY_PATH,
    PROPERTY_TYPES,
    Ontology,
    default_ontology,
    load_ontology,
)
from loaders.facts import validate

# --- the shipped ontology


def test_shipped_ontology_loads() -> None:
    onto = load_ontology()
    assert isinstance(onto, Ontology)
    assert onto.path == DEFAULT_ONTOLOGY_PATH
    assert onto.version == 1
    assert onto.max_quote_words == 40
    assert list(onto.labels) == ["Person", "Organisation", "LegalCase", "Event", "Location"]
    assert {name: label.key_prefix for name, label in onto.labels.items()} == {
        "Person": "person",
        "Organisation": "org",
        "LegalCase": "case",
        "Event": "event",
        "Location": "place",
    }
    for prefix, label in [
        ("person", "Person"),
        ("org", "Organisation"),
        ("case", "LegalCase"),
        ("event", "Event"),
        ("place", "Location"),
    ]:
        assert onto.label_for_prefix(prefix) == label
    assert onto.label_for_prefix("source") is None


def test_shipped_relationship_types() -> None:
    onto = default_ontology()
    assert set(onto.relationships) == {
        "MEMBER_OF",
        "LEADS",
        "WORKS_FOR",
        "DEFENDANT_IN",
        "DEFENDS",
        "COUNSEL_IN",
        "JUDGE_IN",
        "PROSECUTES",
        "INVESTIGATES",
        "PARTICIPANT_IN",
        "ACCUSED_OF",
        "STATES",
        "PART_OF",
        "LINKED_TO",
        "LOCATED_IN",
        "RELATIVE_OF",
    }
    leads = onto.relationships["LEADS"]
    assert leads.sources == ("Person",)
    assert leads.targets == ("Organisation",)
    member = onto.relationships["MEMBER_OF"]
    assert member.sources == ("Person", "Organisation")
    accused = onto.relationships["ACCUSED_OF"]
    assert accused.targets == ("Event", "LegalCase")
    # Every endpoint is a declared label.
    for rel in onto.relationships.values():
        assert set(rel.sources) <= set(onto.labels)
        assert set(rel.targets) <= set(onto.labels)


def test_shipped_key_qualifiers() -> None:
    onto = default_ontology()
    keys = {name: rel.key for name, rel in onto.relationships.items()}
    assert keys["MEMBER_OF"] == ("role",)
    assert keys["LEADS"] == ("role",)
    assert keys["WORKS_FOR"] == ("role",)
    assert keys["PARTICIPANT_IN"] == ("role",)
    assert keys["JUDGE_IN"] == ("stage",)
    assert keys["ACCUSED_OF"] == ("charge",)
    assert keys["RELATIVE_OF"] == ("relation",)
    for name in (
        "DEFENDANT_IN",
        "DEFENDS",
        "COUNSEL_IN",
        "PROSECUTES",
        "INVESTIGATES",
        "STATES",
        "PART_OF",
        "LINKED_TO",
        "LOCATED_IN",
    ):
        assert keys[name] == (), name
    # A key qualifier is always one of the type's own properties.
    for rel in onto.relationships.values():
        assert set(rel.key) <= set(rel.properties)


def test_shipped_universal_time_qualifiers() -> None:
    onto = default_ontology()
    assert set(onto.claim_qualifiers) == {"date", "start", "end"}
    assert all(spec.type == "date" for spec in onto.claim_qualifiers.values())
    for name in onto.relationships:
        quals = onto.qualifiers(name)
        assert {"date", "start", "end"} <= set(quals), name
        assert set(onto.relationships[name].properties) <= set(quals)
    assert set(onto.qualifiers("PROSECUTES")) == {"date", "start", "end"}
    assert set(onto.qualifiers("LEADS")) == {"date", "start", "end", "role"}


def test_shipped_property_types() -> None:
    onto = default_ontology()
    for label in onto.labels.values():
        for spec in label.properties.values():
            assert spec.type in PROPERTY_TYPES
            assert (spec.type == "enum") == bool(spec.values)
    person = onto.labels["Person"].properties
    assert person["birth_date"].type == "date"
    assert person["gender"].type == "enum"
    assert person["gender"].values == ("female", "male", "other", "unknown")
    assert person["note"].type == "text"
    assert onto.labels["LegalCase"].properties["charges"].type == "list"
    assert "security_service" in onto.labels["Organisation"].properties["kind"].values
    assert "collective" in onto.labels["Organisation"].properties["kind"].values
    role = onto.relationships["PARTICIPANT_IN"].properties["role"]
    assert role.type == "enum" and "target" in role.values and "perpetrator" in role.values


def test_default_ontology_is_read_once() -> None:
    assert default_ontology() is default_ontology()


# --- malformed ontologies

# A small valid ontology; each case below breaks one line of it.
# Line numbers:   1 version, 3 claim_qualifiers, 5 node_labels, 6 Person, 7 key_prefix,
# 9 gender, 10 Organisation, 11 key_prefix, 13 relationship_types, 14 MEMBER_OF,
# 15 from, 16 to, 17 key, 19 role.
GOOD = """\
version: 1
max_quote_words: 25
claim_qualifiers:
  date: {type: date}
node_labels:
  Person:
    key_prefix: person
    properties:
      gender: {type: enum, values: [female, male]}
  Organisation:
    key_prefix: org
    properties: {}
relationship_types:
  MEMBER_OF:
    from: [Person]
    to: [Organisation]
    key: [role]
    properties:
      role: {type: string}
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "ontology.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_small_ontology_loads_and_drives_validation(tmp_path: Path) -> None:
    onto = load_ontology(_write(tmp_path, GOOD))
    assert list(onto.labels) == ["Person", "Organisation"]
    assert onto.max_quote_words == 25
    assert onto.relationships["MEMBER_OF"].key == ("role",)
    facts = tmp_path / "facts.yaml"
    facts.write_text(
        "source: {key: 'source:s', title: S}\n"
        "entities:\n"
        "  - {key: 'person:a', label: Person, name: A}\n"
        "  - {key: 'event:e', label: Event, name: E}\n",
        encoding="utf-8",
    )
    _corpus, problems, _files = validate([facts], onto)
    assert [str(p) for p in problems] == [f"{facts}:4: unknown label 'Event' (known: Person, Organisation)"]


BROKEN_ONTOLOGIES = {
    "unknown property type": (
        GOOD.replace("role: {type: string}", "role: {type: str}"),
        19,
        "property 'role' of MEMBER_OF has unknown type 'str' "
        "(expected one of boolean, date, entity, enum, integer, list, number, string, text)",
    ),
    "endpoint naming unknown label": (
        GOOD.replace("to: [Organisation]", "to: [Organization]"),
        16,
        "'to' of MEMBER_OF names unknown label 'Organization'",
    ),
    "key naming a non-property": (
        GOOD.replace("key: [role]", "key: [title]"),
        17,
        "key of MEMBER_OF names 'title', which is not one of its properties",
    ),
    "reserved label": (
        GOOD.replace("  Organisation:\n    key_prefix: org", "  Source:\n    key_prefix: src"),
        10,
        "label 'Source' is reserved by casegraph",
    ),
    "duplicate key_prefix": (
        GOOD.replace("key_prefix: org", "key_prefix: person"),
        11,
        "key_prefix 'person' is used by 'Person' too",
    ),
    "bad label name": (
        GOOD.replace("  Organisation:", "  legal_body:"),
        10,
        "label 'legal_body' must be CamelCase letters and digits",
    ),
    "YAML syntax error": (
        GOOD.replace("from: [Person]", "from: [Person"),
        16,
        "invalid YAML: expected ',' or ']', but got ':'",
    ),
    "missing node_labels": (
        "version: 1\nrelationship_types: {}\n",
        1,
        "missing 'node_labels'",
    ),
    "empty node_labels": (
        "version: 1\nnode_labels: {}\nrelationship_types: {}\n",
        2,
        "node_labels is empty",
    ),
    "missing relationship_types": (
        GOOD.split("relationship_types:")[0],
        1,
        "missing 'relationship_types'",
    ),
    "version not an integer": (
        GOOD.replace("version: 1", "version: one"),
        1,
        "version must be an integer",
    ),
    "bad max_quote_words": (
        GOOD.replace("max_quote_words: 25", "max_quote_words: 0"),
        2,
        "max_quote_words must be a positive integer",
    ),
    "missing key_prefix": (
        GOOD.replace("    key_prefix: org\n", ""),
        11,
        "label 'Organisation' needs a lower-case key_prefix",
    ),
    "reserved property": (
        GOOD.replace("gender: {type: enum, values: [female, male]}", "name: {type: string}"),
        9,
        "property 'name' of Person is reserved by casegraph",
    ),
    "property not snake_case": (
        GOOD.replace("gender:", "Gender:"),
        9,
        "property name 'Gender' of Person must be lower_snake_case",
    ),
    "empty enum": (
        GOOD.replace("values: [female, male]", "values: []"),
        9,
        "enum 'gender' of Person needs at least one value",
    ),
    "relationship type not UPPER_SNAKE_CASE": (
        GOOD.replace("MEMBER_OF:", "memberOf:"),
        14,
        "relationship type 'memberOf' must be UPPER_SNAKE_CASE",
    ),
    "relationship without from": (
        GOOD.replace("    from: [Person]\n", ""),
        15,
        "relationship type 'MEMBER_OF' needs 'from'",
    ),
    "property shadows a claim qualifier": (
        GOOD.replace("role: {type: string}", "date: {type: string}").replace("key: [role]", "key: []"),
        14,
        "property 'date' of MEMBER_OF shadows the claim qualifier of the same name",
    ),
    "top level not a mapping": (
        "- version: 1\n",
        1,
        "the ontology must be a mapping",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN_ONTOLOGIES))
def test_malformed_ontology_names_file_and_line(tmp_path: Path, case: str) -> None:
    text, line, message = BROKEN_ONTOLOGIES[case]
    assert text != GOOD
    path = _write(tmp_path, text)
    with pytest.raises(OntologyError) as info:
        load_ontology(path)
    assert str(info.value) == f"{path}:{line}: {message}"
    assert isinstance(info.value, CasegraphError)


def test_missing_ontology_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.yaml"
    with pytest.raises(OntologyError) as info:
        load_ontology(path)
    assert str(info.value) == f"{path}: cannot read ontology: No such file or directory"
