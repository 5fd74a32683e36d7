"""Every kind of mistake in a fact file is reported as the exact ``file:line: message``.

Each file in ``tests/broken/`` holds one kind of mistake (the cross-file mistakes are
pairs of files in a subfolder). The expectations are written out by hand in
``EXPECTED`` below, so a change of wording or of the reported line shows up here.
Paths are given to ``validate`` relative to the repository root, exactly as a user
would type them, and the problems must name them the same way.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from casegraph.cli import cli
from graph.errors import ValidationFailed
from loaders.facts import Problem, load_corpus, validate

REPO = Path(__file__).resolve().parents[1]
BROKEN = REPO / "tests" / "broken"
B = "tests/broken"

_LABELS = "Person, Organisation, LegalCase, Event, Location"
_PREDICATES = (
    "MEMBER_OF, LEADS, WORKS_FOR, DEFENDANT_IN, DEFENDS, COUNSEL_IN, JUDGE_IN, PROSECUTES, "
    "INVESTIGATES, PARTICIPANT_IN, ACCUSED_OF, STATES, PART_OF, LINKED_TO, LOCATED_IN, RELATIVE_OF"
)
_FACT_FILE = "a fact file must be a mapping with 'source', 'entities' and 'claims'"

# path (relative to tests/broken, as given to validate) -> every problem, in order.
EXPECTED: dict[str, list[str]] = {
    # --- reading the file at all
    "yaml_syntax.yaml": [f"{B}/yaml_syntax.yaml:10: invalid YAML: expected ',' or ']', but got ':'"],
    "json_syntax.json": [f"{B}/json_syntax.json:5: invalid JSON: Expecting value"],
    "duplicate_key.yaml": [f"{B}/duplicate_key.yaml:8: duplicate key 'name' in one mapping"],
    "json_duplicate_key.json": [f"{B}/json_duplicate_key.json:5: duplicate key 'title' in one mapping"],
    "empty.yaml": [f"{B}/empty.yaml:1: the file is empty"],
    "comments_only.yaml": [f"{B}/comments_only.yaml:1: the file is empty"],
    "empty.json": [f"{B}/empty.json:1: invalid JSON: Expecting value"],
    "not_utf8.yaml": [f"{B}/not_utf8.yaml:1: not UTF-8 text"],
    "wrong_suffix.txt": [f"{B}/wrong_suffix.txt:1: not a fact file: expected a .yaml, .yml, .json file"],
    "top_level_list.yaml": [f"{B}/top_level_list.yaml:1: {_FACT_FILE}, not a list"],
    "top_level_scalar.yaml": [f"{B}/top_level_scalar.yaml:1: {_FACT_FILE}, not a string"],
    "unknown_top_level_field.yaml": [
        f"{B}/unknown_top_level_field.yaml:8: unknown field 'notes' in the fact file "
        "(allowed: claims, entities, source)"
    ],
    # --- the source block
    "missing_source.yaml": [f"{B}/missing_source.yaml:1: missing 'source' block"],
    "source_not_mapping.yaml": [f"{B}/source_not_mapping.yaml:1: 'source' must be a mapping, not a string"],
    "source_without_key.yaml": [f"{B}/source_without_key.yaml:2: the source block has no 'key'"],
    "source_without_title.yaml": [f"{B}/source_without_title.yaml:2: the source block has no 'title'"],
    "bad_source_key.yaml": [
        f"{B}/bad_source_key.yaml:2: source key 'person:broken-source-key' must look like 'source:some-slug'"
    ],
    "bad_url.yaml": [f"{B}/bad_url.yaml:4: url 'empr.media/news/occupied-crimea' is not an http(s) address"],
    "bad_published.yaml": [f"{B}/bad_published.yaml:4: 'published': '2022-13' has no month 13"],
    "bad_language.yaml": [
        f"{B}/bad_language.yaml:4: language 'English' is not a language code such as 'en' or 'uk'"
    ],
    # --- entities
    "missing_entities.yaml": [f"{B}/missing_entities.yaml:1: missing 'entities' list"],
    "entities_not_list.yaml": [f"{B}/entities_not_list.yaml:4: 'entities' must be a list, not a mapping"],
    "entity_not_mapping.yaml": [f"{B}/entity_not_mapping.yaml:8: an entity must be a mapping, not a string"],
    "entity_missing_name.yaml": [f"{B}/entity_missing_name.yaml:5: entity 'person:a' has no 'name'"],
    "unknown_label.yaml": [f"{B}/unknown_label.yaml:6: unknown label 'Judge' (known: {_LABELS})"],
    "json_unknown_label.json": [f"{B}/json_unknown_label.json:10: unknown label 'Human' (known: {_LABELS})"],
    "key_prefix_mismatch.yaml": [
        f"{B}/key_prefix_mismatch.yaml:5: key 'org:a' of a Person must start with 'person:'"
    ],
    "bad_key_format.yaml": [
        f"{B}/bad_key_format.yaml:5: entity key 'Person:Refat Chubarov' must look like 'prefix:lower-case-slug'"
    ],
    "entity_declared_twice.yaml": [
        f"{B}/entity_declared_twice.yaml:9: entity 'person:a' is declared twice in this file (first at line 5)"
    ],
    "unknown_attribute.yaml": [
        f"{B}/unknown_attribute.yaml:10: unknown attribute 'headquarters' for an Organisation "
        "(allowed: kind, country, jurisdiction, founded, note)"
    ],
    "attributes_not_mapping.yaml": [
        f"{B}/attributes_not_mapping.yaml:8: 'attributes' must be a mapping, not a list"
    ],
    "wrong_attribute_type.yaml": [f"{B}/wrong_attribute_type.yaml:9: 'charges' must be a list of strings"],
    "enum_not_allowed.yaml": [
        f"{B}/enum_not_allowed.yaml:9: 'gender' is 'woman', expected one of: female, male, other, unknown"
    ],
    "impossible_date.yaml": [
        f"{B}/impossible_date.yaml:9: 'birth_date': '2022-02-30' has no day 30 in that month"
    ],
    "event_end_before_start.yaml": [
        f"{B}/event_end_before_start.yaml:11: end 2021-11-30 is before start 2021-12"
    ],
    "aliases_not_list.yaml": [f"{B}/aliases_not_list.yaml:8: 'aliases' must be a list of non-empty strings"],
    "sensitive_not_boolean.yaml": [
        f"{B}/sensitive_not_boolean.yaml:8: 'sensitive' must be true or false, not a string"
    ],
    "generic_not_boolean.yaml": [
        f"{B}/generic_not_boolean.yaml:8: 'generic' must be true or false, not a number"
    ],
    # --- claims
    "claims_empty.yaml": [f"{B}/claims_empty.yaml:6: 'claims' is empty (omit it or list claims)"],
    "claim_not_mapping.yaml": [f"{B}/claim_not_mapping.yaml:9: a claim must be a mapping, not a string"],
    "missing_predicate.yaml": [f"{B}/missing_predicate.yaml:9: a claim has no 'predicate'"],
    "unknown_predicate.yaml": [
        f"{B}/unknown_predicate.yaml:10: unknown predicate 'KNOWS' (known: {_PREDICATES})"
    ],
    "wrong_subject_label.yaml": [
        f"{B}/wrong_subject_label.yaml:9: subject of LEADS must be a Person, but 'org:b' is an Organisation"
    ],
    "wrong_object_label.yaml": [
        f"{B}/wrong_object_label.yaml:11: object of MEMBER_OF must be an Organisation, but 'event:c' is an Event"
    ],
    "dangling_subject.yaml": [
        f"{B}/dangling_subject.yaml:9: subject 'person:nobody' is not declared in this file's entities"
    ],
    "dangling_object.yaml": [
        f"{B}/dangling_object.yaml:11: object 'org:nowhere' is not declared in this file's entities"
    ],
    "asserted_by_undeclared.yaml": [
        f"{B}/asserted_by_undeclared.yaml:12: asserted_by 'person:refat-chubarov' is not declared in this file's entities"
    ],
    "asserted_by_not_speaker.yaml": [
        f"{B}/asserted_by_not_speaker.yaml:12: asserted_by 'event:c' is an Event; a speaker must be a Person or Organisation"
    ],
    "missing_quote.yaml": [f"{B}/missing_quote.yaml:9: a claim has no 'quote'"],
    "quote_too_long.yaml": [
        f"{B}/quote_too_long.yaml:12: quote has 41 words; keep evidence to at most 40 words"
    ],
    "confidence_out_of_range.yaml": [
        f"{B}/confidence_out_of_range.yaml:12: confidence must be a number from 0 to 1, not '1.5'"
    ],
    "confidence_not_number.yaml": [
        f"{B}/confidence_not_number.yaml:12: confidence must be a number from 0 to 1, not 'high'"
    ],
    "unknown_qualifier.yaml": [
        f"{B}/unknown_qualifier.yaml:12: unknown field 'role' in a DEFENDS claim "
        "(allowed: asserted_by, case, confidence, date, end, object, predicate, quote, start, subject)"
    ],
    "qualifier_enum_not_allowed.yaml": [
        f"{B}/qualifier_enum_not_allowed.yaml:12: 'role' is 'victim', expected one of: target, perpetrator, "
        "witness, participant, organiser, speaker, judge, prosecutor, investigator, defence_lawyer, victim_relative"
    ],
    "bad_claim_date.yaml": [
        f"{B}/bad_claim_date.yaml:13: 'date': 'December 2021' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"
    ],
    "end_before_start.yaml": [f"{B}/end_before_start.yaml:13: end 2020 is before start 2021-12"],
    "self_link.yaml": [f"{B}/self_link.yaml:9: a RELATIVE_OF claim cannot link 'person:a' to itself"],
    "duplicate_claim.yaml": [
        f"{B}/duplicate_claim.yaml:14: the same claim is already stated at line 9 of this file"
    ],
    # --- several mistakes in one file: all of them, sorted by line
    "several_mistakes.yaml": [
        f"{B}/several_mistakes.yaml:5: language 'Ukrainian' is not a language code such as 'en' or 'uk'",
        f"{B}/several_mistakes.yaml:10: 'gender' is 'woman', expected one of: female, male, other, unknown",
        f"{B}/several_mistakes.yaml:12: unknown label 'Agency' (known: {_LABELS})",
        f"{B}/several_mistakes.yaml:22: 'date': '2021-02-30' has no day 30 in that month",
        f"{B}/several_mistakes.yaml:25: unknown predicate 'KNOWS' (known: {_PREDICATES})",
        f"{B}/several_mistakes.yaml:28: a claim has no 'quote'",
    ],
    # --- hostile input (issue 15): each costs about its own size to refuse, and says where
    "alias_bomb.yaml": [f"{B}/alias_bomb.yaml:7: YAML aliases expand to more than 10000 values"],
    "alias_recursive.yaml": [
        f"{B}/alias_recursive.yaml:5: a YAML alias refers to the structure that contains it"
    ],
    "deep_flow.yaml": [f"{B}/deep_flow.yaml:9: nesting deeper than 32 levels"],
    "deep_block.yaml": [f"{B}/deep_block.yaml:38: nesting deeper than 32 levels"],
    "deep_json.json": [f"{B}/deep_json.json:5: nesting deeper than 32 levels"],
    "raw_nul.yaml": [f"{B}/raw_nul.yaml:7: control character U+0000 is not allowed in a fact file"],
    "raw_bel.yaml": [f"{B}/raw_bel.yaml:7: control character U+0007 is not allowed in a fact file"],
    "raw_esc.yaml": [f"{B}/raw_esc.yaml:7: control character U+001B is not allowed in a fact file"],
    "raw_esc.json": [f"{B}/raw_esc.json:3: control character U+001B is not allowed in a fact file"],
    "escaped_control_in_value.json": [
        f"{B}/escaped_control_in_value.json:5: 'name' contains the control character U+001B"
    ],
    # --- code points that are no characters (issue 19): only an escape makes a surrogate
    "lone_high_surrogate_name.yaml": [
        f"{B}/lone_high_surrogate_name.yaml:7: lone surrogate U+D800 is not allowed in a fact file"
    ],
    "lone_high_surrogate_name.json": [
        f"{B}/lone_high_surrogate_name.json:7: lone surrogate U+D800 is not allowed in a fact file"
    ],
    "lone_low_surrogate_alias.yaml": [
        f"{B}/lone_low_surrogate_alias.yaml:8: lone surrogate U+DC00 is not allowed in a fact file"
    ],
    "lone_low_surrogate_alias.json": [
        f"{B}/lone_low_surrogate_alias.json:8: lone surrogate U+DC00 is not allowed in a fact file"
    ],
    "non_character_fffe_quote.yaml": [
        f"{B}/non_character_fffe_quote.yaml:13: non-character U+FFFE is not allowed in a fact file"
    ],
    "non_character_fffe_quote.json": [
        f"{B}/non_character_fffe_quote.json:12: non-character U+FFFE is not allowed in a fact file"
    ],
    "non_character_ffff_title.yaml": [
        f"{B}/non_character_ffff_title.yaml:3: non-character U+FFFF is not allowed in a fact file"
    ],
    "non_character_ffff_title.json": [
        f"{B}/non_character_ffff_title.json:3: non-character U+FFFF is not allowed in a fact file"
    ],
    "lone_high_surrogate_attribute.yaml": [
        f"{B}/lone_high_surrogate_attribute.yaml:9: lone surrogate U+DBFF is not allowed in a fact file"
    ],
    "lone_high_surrogate_attribute.json": [
        f"{B}/lone_high_surrogate_attribute.json:8: lone surrogate U+DBFF is not allowed in a fact file"
    ],
    "lone_low_surrogate_key.yaml": [
        f"{B}/lone_low_surrogate_key.yaml:5: lone surrogate U+DFFF is not allowed in a fact file"
    ],
    "lone_low_surrogate_key.json": [
        f"{B}/lone_low_surrogate_key.json:5: lone surrogate U+DFFF is not allowed in a fact file"
    ],
    "lone_high_surrogate_mapping_key.yaml": [
        f"{B}/lone_high_surrogate_mapping_key.yaml:9: lone surrogate U+D83D is not allowed in a fact file"
    ],
    "lone_high_surrogate_mapping_key.json": [
        f"{B}/lone_high_surrogate_mapping_key.json:8: lone surrogate U+D83D is not allowed in a fact file"
    ],
    "surrogates_reversed.yaml": [
        f"{B}/surrogates_reversed.yaml:7: lone surrogate U+DE00 is not allowed in a fact file"
    ],
    "surrogates_reversed.json": [
        f"{B}/surrogates_reversed.json:7: lone surrogate U+DE00 is not allowed in a fact file"
    ],
    "tag_unreadable.yaml": [f"{B}/tag_unreadable.yaml:9: invalid YAML: cannot read 'judge' as '!!float'"],
    "escape_past_unicode.yaml": [
        f"{B}/escape_past_unicode.yaml:7: invalid YAML: found invalid Unicode character escape code"
    ],
    "raw_fffe.yaml": [f"{B}/raw_fffe.yaml:7: non-character U+FFFE is not allowed in a fact file"],
    # --- an entity refused for a bad field still counts as declared: one problem, not one per claim
    "name_too_long_in_claims.yaml": [
        f"{B}/name_too_long_in_claims.yaml:7: 'name' has 629 characters; at most 500 are allowed"
    ],
    "unknown_label_in_claims.yaml": [
        f"{B}/unknown_label_in_claims.yaml:5: unknown label 'Judge' (known: {_LABELS})"
    ],
    "bad_key_in_claims.json": [
        f"{B}/bad_key_in_claims.json:5: entity key 'Org:B' must look like 'prefix:lower-case-slug'"
    ],
    "number_too_long.yaml": [f"{B}/number_too_long.yaml:9: a number with 5001 digits is too long"],
    "number_too_long.json": [f"{B}/number_too_long.json:5: a number with 5001 digits is too long"],
    "key_too_long.yaml": [f"{B}/key_too_long.yaml:5: 'key' has 9217 characters; at most 200 are allowed"],
    "name_too_long.yaml": [f"{B}/name_too_long.yaml:7: 'name' has 9215 characters; at most 500 are allowed"],
    "alias_too_long.yaml": [
        f"{B}/alias_too_long.yaml:8: 'aliases' has 600 characters; at most 500 are allowed"
    ],
    "attribute_too_long.yaml": [
        f"{B}/attribute_too_long.yaml:9: 'position' has 1001 characters; at most 1000 are allowed"
    ],
    "enum_huge_value.yaml": [
        f"{B}/enum_huge_value.yaml:9: 'gender' is '{'woman' * 12}...', expected one of: female, male, other, unknown"
    ],
    "fullwidth_date.yaml": [
        f"{B}/fullwidth_date.yaml:9: 'birth_date': '２０２２' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"
    ],
    "arabic_indic_date.yaml": [
        f"{B}/arabic_indic_date.yaml:4: 'published': '٢٠٢٢-٠١' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"
    ],
    "quote_without_spaces.yaml": [
        f"{B}/quote_without_spaces.yaml:11: 'quote' has 1000 characters; at most 600 are allowed"
    ],
    "quote_words_without_spaces.yaml": [
        f"{B}/quote_words_without_spaces.yaml:11: quote has 41 words; keep evidence to at most 40 words"
    ],
    # --- mistakes only visible across files (each a folder of two files)
    "cross_conflicting_labels": [
        f"{B}/cross_conflicting_labels/b.yaml:8: 'org:mejlis' is a Person here but an Organisation "
        f"in {B}/cross_conflicting_labels/a.yaml:5",
        f"{B}/cross_conflicting_labels/b.yaml:8: key 'org:mejlis' of a Person must start with 'person:'",
    ],
    "cross_conflicting_attribute": [
        f"{B}/cross_conflicting_attribute/b.yaml:10: attribute 'kind' of 'org:fsb' is 'police' here "
        f"but 'security_service' in {B}/cross_conflicting_attribute/a.yaml:9"
    ],
    "cross_same_source_key": [
        f"{B}/cross_same_source_key/b.yaml:3: source 'source:broken-cross-same-source' is also described "
        f"in {B}/cross_same_source_key/a.yaml:2; one file per source"
    ],
    "cross_generic_conflict": [
        f"{B}/cross_generic_conflict/b.yaml:5: 'org:occupation-authorities' is generic: false here "
        f"but true in {B}/cross_generic_conflict/a.yaml:5"
    ],
}

SEVERAL = "several_mistakes.yaml"


@pytest.fixture(autouse=True)
def _at_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    # Paths are given relative to the repository, as a user types them.
    monkeypatch.chdir(REPO)


def _problems(*names: str) -> list[str]:
    _corpus, problems, _files = validate([f"{B}/{name}" for name in names])
    return [str(p) for p in problems]


def test_table_covers_every_broken_file_and_enough_kinds() -> None:
    on_disk = {p.name for p in BROKEN.iterdir() if p.is_file()} | {
        p.name for p in BROKEN.iterdir() if p.is_dir()
    }
    assert on_disk == set(EXPECTED), "every file in tests/broken needs its expectation, and vice versa"
    single_kinds = [name for name in EXPECTED if name != SEVERAL and not (BROKEN / name).is_dir()]
    assert len(single_kinds) >= 25
    # Each single-kind file holds exactly one mistake, reported once.
    assert all(len(EXPECTED[name]) == 1 for name in single_kinds)
    for folder in (name for name in EXPECTED if (BROKEN / name).is_dir()):
        assert sorted(p.name for p in (BROKEN / folder).iterdir()) == ["a.yaml", "b.yaml"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_exact_problems(name: str) -> None:
    assert _problems(name) == EXPECTED[name]


def test_problem_objects_carry_file_line_message() -> None:
    _corpus, problems, files = validate([f"{B}/bad_url.yaml"])
    assert files == [Path(f"{B}/bad_url.yaml")]
    assert problems == [
        Problem(f"{B}/bad_url.yaml", 4, "url 'empr.media/news/occupied-crimea' is not an http(s) address")
    ]


def test_several_mistakes_are_all_reported_by_load_corpus() -> None:
    with pytest.raises(ValidationFailed) as info:
        load_corpus([f"{B}/{SEVERAL}"])
    assert [str(p) for p in info.value.problems] == EXPECTED[SEVERAL]
    assert str(info.value) == f"{EXPECTED[SEVERAL][0]} (and 5 more problems)"


def test_problems_from_several_files_are_all_reported_in_order() -> None:
    names = ["bad_url.yaml", "missing_quote.yaml", "bad_language.yaml"]
    expected = sorted(
        EXPECTED["bad_language.yaml"] + EXPECTED["bad_url.yaml"] + EXPECTED["missing_quote.yaml"]
    )
    assert _problems(*names) == expected


def test_whole_broken_folder_reports_every_mistake() -> None:
    _corpus, problems, files = validate([B])
    shown = {str(p) for p in problems}
    for name, expected in EXPECTED.items():
        if name.endswith(".txt"):
            continue  # a directory walk only picks up fact files
        assert set(expected) <= shown, name
    assert Path(f"{B}/wrong_suffix.txt") not in files
    assert Path(f"{B}/cross_generic_conflict/a.yaml") in files


# --- the command line


def test_cli_validate_fails_with_every_problem_and_one_error_line() -> None:
    result = CliRunner().invoke(cli, ["validate", f"{B}/{SEVERAL}"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        *EXPECTED[SEVERAL],
        "Error: 6 problems in 1 file; nothing was loaded",
    ]
    assert "Traceback" not in result.output


def test_cli_validate_error_line_counts_files() -> None:
    result = CliRunner().invoke(cli, ["validate", f"{B}/bad_url.yaml", f"{B}/bad_language.yaml"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        *EXPECTED["bad_language.yaml"],
        *EXPECTED["bad_url.yaml"],
        "Error: 2 problems in 2 files; nothing was loaded",
    ]


def test_cli_validate_error_line_singular() -> None:
    result = CliRunner().invoke(cli, ["validate", f"{B}/empty.yaml"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        *EXPECTED["empty.yaml"],
        "Error: 1 problem in 1 file; nothing was loaded",
    ]


def test_cli_validate_cross_file_problem() -> None:
    result = CliRunner().invoke(cli, ["validate", f"{B}/cross_generic_conflict"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        *EXPECTED["cross_generic_conflict"],
        "Error: 1 problem in 1 file; nothing was loaded",
    ]


def test_cli_stats_refuses_broken_files() -> None:
    result = CliRunner().invoke(cli, ["stats", f"{B}/{SEVERAL}", "--format", "json"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == "Error: 6 problems in 1 file; nothing was loaded"


def test_cli_validate_json_output() -> None:
    result = CliRunner().invoke(cli, ["validate", "--format", "json", f"{B}/{SEVERAL}", f"{B}/bad_url.yaml"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data == {
        "files": [f"{B}/{SEVERAL}", f"{B}/bad_url.yaml"],
        "valid": False,
        "problems": [
            {
                "file": f"{B}/bad_url.yaml",
                "line": 4,
                "message": "url 'empr.media/news/occupied-crimea' is not an http(s) address",
            },
            {
                "file": f"{B}/{SEVERAL}",
                "line": 5,
                "message": "language 'Ukrainian' is not a language code such as 'en' or 'uk'",
            },
            {
                "file": f"{B}/{SEVERAL}",
                "line": 10,
                "message": "'gender' is 'woman', expected one of: female, male, other, unknown",
            },
            {"file": f"{B}/{SEVERAL}", "line": 12, "message": f"unknown label 'Agency' (known: {_LABELS})"},
            {
                "file": f"{B}/{SEVERAL}",
                "line": 22,
                "message": "'date': '2021-02-30' has no day 30 in that month",
            },
            {
                "file": f"{B}/{SEVERAL}",
                "line": 25,
                "message": f"unknown predicate 'KNOWS' (known: {_PREDICATES})",
            },
            {"file": f"{B}/{SEVERAL}", "line": 28, "message": "a claim has no 'quote'"},
        ],
    }


def test_cli_validate_json_output_when_valid() -> None:
    result = CliRunner().invoke(cli, ["validate", "--format", "json", "examples/crimea"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["valid"] is True
    assert data["problems"] == []
    assert "examples/crimea/empr-2022-fsb-agent-network.yaml" in data["files"]


def test_cli_validate_prints_nothing_but_the_problems_at_the_descriptor_level() -> None:
    # CliRunner sees only sys.stderr; rapidyaml's C++ error handler writes to descriptor 2.
    import subprocess
    import sys

    names = ["yaml_syntax.yaml", "deep_flow.yaml", "lone_high_surrogate_name.yaml"]
    result = subprocess.run(
        [sys.executable, "-c", "from casegraph.cli import cli; cli()", "validate", *[f"{B}/{n}" for n in names]],
        capture_output=True, text=True, cwd=REPO, check=False,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        *sorted(EXPECTED["deep_flow.yaml"] + EXPECTED["lone_high_surrogate_name.yaml"] + EXPECTED["yaml_syntax.yaml"]),
        "Error: 3 problems in 3 files; nothing was loaded",
    ]
