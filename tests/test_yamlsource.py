"""Positions of values (load/yamlsource.py): kept while checking, read again afterwards."""

from __future__ import annotations

from pathlib import Path

from playbook_handbook.load.yamlsource import load_file, load_text

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
