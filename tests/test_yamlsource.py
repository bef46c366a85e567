"""Positions of values (load/yamlsource.py): kept while checking, read again afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from playbook_handbook.load import yamlsource
from playbook_handbook.load.yamlsource import MAX_FILE_BYTES, describe_scalar, load_file, load_text
from playbook_handbook.problems import Problem

TEXT = """id: example
title: Example
questions:
  - question: Who is it for?
    red_flags:
      - "No owner"
      - Nobody asked
"""


def test_position_walks_down_the_path_to_the_value_or_its_key() -> None:
    source, problems = load_text(TEXT, "example.yml")
    assert source is not None and not problems
    assert source.position(("questions", 0, "red_flags", 1)) == (7, 9)
    assert source.position(("questions", 0, "question")) == (4, 15)
    assert source.position(("questions", 0, "question"), key=True) == (4, 5)
    # A path that goes further than the file: the deepest value that exists.
    assert source.position(("questions", 0, "missing", 3)) == (4, 5)
    assert source.position(("questions", 9)) == (4, 3)
    assert source.node(("questions", 0, "red_flags", 0)).style == '"'
    assert source.node(("questions", 0, "missing")) is None


def test_after_compact_positions_are_read_again_from_the_file(tmp_path: Path) -> None:
    file = tmp_path / "example.yml"
    file.write_text(TEXT, encoding="utf-8")
    source, _ = load_file(file, "example.yml")
    assert source is not None
    source.compact()
    assert source.root is None  # a loaded handbook holds no node trees
    assert source.position(("questions", 0, "red_flags", 1)) == (7, 9)
    assert source.position(("title",), key=True) == (2, 1)


def test_a_source_without_a_file_keeps_its_tree() -> None:
    source, _ = load_text(TEXT, "example.yml")
    assert source is not None
    source.compact()
    assert source.position(("title",)) == (2, 8)


def test_numbers_yaml_1_1_reads_from_odd_forms_keep_what_the_file_says() -> None:
    from playbook_handbook.load.yamlsource import OddNumber

    source, problems = load_text("a: 0x1F\nb: 010\nc: 1:30\nd: 30\ne: !!int ''\n", "x.yml")
    assert source is not None
    data = source.data
    assert [type(data[k]) for k in "abcd"] == [OddNumber, OddNumber, OddNumber, int]
    assert (data["a"], data["a"].text, data["b"], data["c"]) == (31, "0x1F", 8, 90)
    assert [p.message for p in problems] == ["'' cannot be read as a value"]


def test_while_fresh_positions_come_from_the_tree_not_the_file_again(tmp_path: Path) -> None:
    file = tmp_path / "example.yml"
    file.write_text(TEXT, encoding="utf-8")
    source, _ = load_file(file, "example.yml")
    file.write_text("# an edit made after loading\n\n" + TEXT, encoding="utf-8")
    assert source.position(("title",)) == (2, 8)


def test_a_file_gone_after_compact_points_at_its_start(tmp_path: Path) -> None:
    file = tmp_path / "example.yml"
    file.write_text(TEXT, encoding="utf-8")
    source, _ = load_file(file, "example.yml")
    source.compact()
    file.unlink()
    assert source.position(("questions", 0, "question")) == (1, 1)
    assert source.node(("title",)) is None


def test_paths_past_a_list_end_or_through_text_reach_no_node() -> None:
    source, _ = load_text(TEXT, "example.yml")
    assert source.position(("questions", 1)) == (4, 3)  # one item: index 1 is past the end
    assert source.node(("questions", 1)) is None
    assert source.node(("title", "x")) is None  # a text value has no fields
    assert source.node(("title",)).value == "Example"


def problem(line: int, column: int, message: str, rule: str) -> Problem:
    return Problem("p.yml", line, column, message, rule)


KINDS = "playbooks hold plain text, numbers, dates, lists and mappings"


@pytest.mark.parametrize(("text", "data", "problems"), [
    ("? [a, b]\n: 1\nc: 2\n", {"c": 2},
     [problem(1, 3, "a key must be a plain word, not a list or mapping", "key")]),
    ("base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n", {"base": {"x": 1}, "other": {"y": 2}},
     [problem(3, 3, "merge keys (<<) are not supported; write the fields out", "merge-key")]),
    ("a: 1\nb: 2\na: 3\nc: 4\n", {"a": 1, "b": 2, "c": 4},
     [problem(3, 1, "duplicate key 'a' (first set on line 1); keep only one",
              "duplicate-key")]),
    ("x: !custom [1]\ny: !!set {a, b}\nz: !!python/object foo\nw: !!int ''\n",
     {"x": [1], "y": {"a": None, "b": None}, "z": None, "w": None},
     [problem(1, 4, f"unsupported tag !custom; {KINDS}", "tag"),
      problem(2, 4, f"unsupported tag !!set; {KINDS}", "tag"),
      problem(3, 4, f"unsupported tag !!python/object; {KINDS}", "tag"),
      problem(4, 4, "'' cannot be read as a value", "value")]),
], ids=["list-as-key", "merge-key", "duplicate-key", "tags-and-values"])
def test_the_walker_refuses_what_a_playbook_never_needs_and_reads_on(
        text: str, data: dict, problems: list[Problem]) -> None:
    source, found = load_text(text, "p.yml")
    assert (source.data, found) == (data, problems)


@pytest.mark.parametrize(("text", "expected"), [
    ("a: ok\nb: \x07\n", problem(2, 4, "character U+0007 is not allowed in YAML (control "
                                 "characters are not allowed); delete it or retype the "
                                 "text around it", "syntax")),
    ("@x: 1\n", problem(1, 1, "YAML syntax: a value cannot start with @; put the value in "
                        "quotes, or look for a quote left open on an earlier line", "syntax")),
    ("a: 1\nb: @x", problem(2, 4, "YAML syntax: a value cannot start with @; put the value "
                            "in quotes, or look for a quote left open on an earlier line",
                            "syntax")),
    ('title: "open\n', problem(2, 1, "YAML syntax: a quote or bracket is opened but never "
                               "closed", "syntax")),
    ("a: *\n", problem(1, 5, "YAML syntax: while scanning an alias did not find expected "
                       "alphabetic or numeric character", "syntax")),
    ("\nb: x\x07", problem(2, 5, "character U+0007 is not allowed in YAML (control "
                           "characters are not allowed); delete it or retype the text "
                           "around it", "syntax")),
    ("\na: ok\nb: \x0e and \x0e", problem(3, 4, "character U+000E is not allowed in YAML "
                                          "(control characters are not allowed); delete it "
                                          "or retype the text around it", "syntax")),
], ids=["control-character", "bad-first-line", "bad-last-line", "open-at-end", "no-hint",
        "control-after-first-newline", "first-of-two-controls"])
def test_syntax_errors_point_at_their_line_and_column(text: str, expected: Problem) -> None:
    assert load_text(text, "p.yml") == (None, [expected])


def test_pure_python_pyyaml_gives_the_same_problems(monkeypatch: pytest.MonkeyPatch) -> None:
    """PyYAML built without libyaml: its reader and its recursion fail differently."""
    monkeypatch.setattr(yamlsource, "_Loader", yaml.SafeLoader)
    assert load_text("a: ok\nb: x\x00\n", "p.yml") == (None, [problem(
        2, 5, "character U+0000 is not allowed in YAML (special characters are not "
        "allowed); delete it or retype the text around it", "syntax")])
    assert load_text("a: " + "[" * 3000 + "]" * 3000, "p.yml") == (None, [problem(
        1, 1, "values are nested too deeply (limit 40)", "too-deep")])


def test_an_unmarked_yaml_error_is_one_line_at_the_start(monkeypatch: pytest.MonkeyPatch) -> None:
    class Failing(yaml.SafeLoader):
        def get_single_node(self):  # noqa: ANN202
            raise yaml.YAMLError("odd\n  thing")

    monkeypatch.setattr(yamlsource, "_Loader", Failing)
    assert load_text("a: 1\n", "p.yml") == (None, [problem(
        1, 1, "not valid YAML: odd thing", "syntax")])


def test_a_character_that_cannot_be_found_is_placed_at_the_start() -> None:
    assert yamlsource._line_column("a: 1\n", -1) == (1, 1)


def test_a_syntax_error_without_a_mark_points_at_the_start() -> None:
    exc = yaml.MarkedYAMLError(context="while reading", problem="something odd")
    assert yamlsource._syntax_problem(exc, "p.yml", "a: 1\n") == problem(
        1, 1, "YAML syntax: while reading something odd", "syntax")


def test_a_directory_is_unreadable(tmp_path: Path) -> None:
    assert load_file(tmp_path, "p.yml") == (None, [problem(
        0, 0, "cannot read the file: Is a directory", "unreadable")])


def test_the_size_limit_is_inclusive(tmp_path: Path) -> None:
    file = tmp_path / "big.yml"
    text = "a: " + "x" * (MAX_FILE_BYTES - 4) + "\n"
    file.write_text(text, encoding="utf-8")
    source, problems = load_file(file, "p.yml")
    assert source is not None and not problems
    file.write_text(text + "\n", encoding="utf-8")
    assert load_file(file, "p.yml") == (None, [problem(
        1, 1, "the file is 1,000,001 bytes; a playbook may be at most 1,000,000 bytes, so "
        "split it into smaller playbooks", "file-too-large")])


@pytest.mark.parametrize(("raw", "line", "column"), [
    (b"\nid: x\ntitle: caf\xe9\n", 3, 11),
    (b"\ncaf\xe9", 2, 4),
    (b"caf\xe9", 1, 4),
])
def test_a_byte_that_is_not_utf8_is_pointed_at(tmp_path: Path, raw: bytes, line: int,
                                               column: int) -> None:
    file = tmp_path / "latin1.yml"
    file.write_bytes(raw)
    assert load_file(file, "p.yml") == (None, [problem(
        line, column, "byte 0xe9 is not UTF-8 text; save the file with UTF-8 encoding",
        "encoding")])


@pytest.mark.parametrize(("text", "described"), [
    ("v: yes", "unquoted yes is read as a yes/no value, not text"),
    ("v: 12", "unquoted 12 is read as a number, not text"),
    ("v: 1_000", "unquoted 1_000 is read as the number 1000, not text"),
    ("v: 1.50", "unquoted 1.50 is read as the number 1.5, not text"),
    ("v: !!int x", "unquoted x is read as a number, not text"),
    ("v: 2026-03-31", "unquoted 2026-03-31 is read as a date, not text"),
    ("v:", "the value is empty"),
    ("v: ~", "the value is empty"),
    ("v: null", "the value is empty"),
    ("v: Null", "the value is empty"),
    ("v: NULL", "the value is empty"),
    ("v: !!null x", None),
    ("v: text", None),
    ("v: 'yes'", None),
    ("v: !!str 12", None),
    ('v: !!int "12"', None),  # quoted: the writer meant it, whatever the tag
    ("v: [1]", None),
])
def test_describe_scalar_says_how_yaml_read_an_unquoted_value(text: str,
                                                              described: str | None) -> None:
    source, _ = load_text(text, "p.yml")
    assert describe_scalar(source.node(("v",))) == described
