"""Property: loading and validating any text ends in "valid" or in positioned problems.

Whatever a contributor types into a playbook file, ``load_text`` followed by
``validate_playbook`` must either accept it or explain what is wrong with a
line and column. No other exception may escape: a traceback instead of a
message is a bug in the checker, never in the playbook.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml
from conftest import MINI, property_examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playbook_handbook.load.yamlsource import load_text
from playbook_handbook.model.playbook import KINDS
from playbook_handbook.model.validate import validate_playbook
from playbook_handbook.problems import Problem

DISPLAY_PATH = "playbooks/guides/generated.yml"
VALID_TEXT = (MINI / "playbooks" / "guides" / "reply-to-comments.yml").read_text("utf-8")

#: Text is cheap to generate and check; structures cost far more to generate.
#: These counts keep the file to a few seconds in the everyday suite; a deeper
#: search runs with HANDBOOK_PROPERTY_SCALE=10 (see README, Tests).
TEXT_EXAMPLES = property_examples(200)
STRUCTURE_EXAMPLES = property_examples(40)


def property_settings(max_examples: int) -> settings:
    return settings(
        max_examples=max_examples,
        deadline=None,
        database=None,  # keep the run free of a .hypothesis folder in the repository
        suppress_health_check=[HealthCheck.too_slow],
    )


TEXT_PROPERTY = property_settings(TEXT_EXAMPLES)
STRUCTURE_PROPERTY = property_settings(STRUCTURE_EXAMPLES)

# --- the property ------------------------------------------------------------------


def check_outcome(text: str) -> None:
    """Load and validate ``text``; any exception raised in here fails the property."""
    source, problems = load_text(text, DISPLAY_PATH)
    playbook = None
    if source is None:
        assert problems, "load_text returned no Source and no problem saying why"
    else:
        playbook, more = validate_playbook(source)
        problems = problems + more
    for problem in problems:
        assert isinstance(problem, Problem), problem
        assert problem.path == DISPLAY_PATH, problem
        assert isinstance(problem.line, int) and problem.line >= 1, problem
        assert isinstance(problem.column, int) and problem.column >= 1, problem
        assert isinstance(problem.message, str) and problem.message.strip(), problem
        assert isinstance(problem.rule, str) and problem.rule, problem
        assert problem.severity in ("error", "warning"), problem
    if not problems:
        assert playbook is not None, "no problems were reported, yet no playbook came back"


# --- 1. YAML-like and fully random text ----------------------------------------------

YAML_ALPHABET = (
    ":-[]{}#&*!|>'\"%@`,? \n\t"
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    ".+_~/\\\r"
    "İıçğöşüé€ß中😀\u00a0\u2028\ufeff"
)

#: Fragments that steer the generator into tags, anchors, aliases, merge keys,
#: directives, block scalars and scalars that YAML 1.1 resolves to non-text.
YAML_TOKENS = (
    "\n", "\n  ", "\n    ", "\n- ", "\n  - ", "\t", " ", ": ", ":", "- ", "? ", ",", "#",
    "[", "]", "{", "}", "'", '"', "|", "|-", ">", ">+", "---", "...", "%YAML 1.1",
    "%TAG ! tag:x,2000:", "&a ", "*a", "&b ", "*b", "<<: ", "<<: *a", "!", "!x ", "!!str ",
    "!!int ", "!!float ", "!!bool ", "!!null ", "!!timestamp ", "!!binary ", "!!map ",
    "!!seq ", "!!set ", "!!omap ", "!!merge ", "!!python/object:os.system ",
    "id", "kind", "guide", "title", "steps", "tags", "time_minutes", "last_reviewed",
    "yes", "no", "on", "off", "~", "null", "true", "0x1F", "0o17", "0b1", "1_000", "1:30",
    "1e999", "-.inf", ".nan", ".", "-", "+", "2026-03-31", "2026-02-30", "2026-13-01",
    "2026-03-31T25:61:00", "2026-03-31 10:00:00 +05:00", "99999-01-01", "0", "-0", "",
    "İstanbul", "ı", "😀", "x", "a b",
)

yaml_like_text = st.text(alphabet=YAML_ALPHABET, max_size=200)
token_text = st.lists(st.sampled_from(YAML_TOKENS), max_size=30).map("".join)


@TEXT_PROPERTY
@given(yaml_like_text)
def test_yaml_like_text_is_valid_or_positioned(text: str) -> None:
    check_outcome(text)


@TEXT_PROPERTY
@given(token_text)
def test_yaml_token_soup_is_valid_or_positioned(text: str) -> None:
    check_outcome(text)


@TEXT_PROPERTY
@given(st.text(max_size=200))
def test_random_text_is_valid_or_positioned(text: str) -> None:
    check_outcome(text)


# --- 2. generated structures dumped as YAML ---------------------------------------------

FIELD_NAMES = (
    "id", "title", "summary", "kind", "owner", "audience", "level", "skills", "networks",
    "tags", "time_minutes", "last_reviewed", "steps", "checklist", "pitfalls", "templates",
    "questions", "severity_levels", "details", "anchor", "mistake", "instead", "text",
    "question", "answer", "url", "related", "aliases", "sources", "self_check", "status",
)

keys = st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=12))
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=40),
    st.sampled_from(("foundation", "guide", "instagram", "community", "new-hire", "a-b")),
    st.dates(),
    st.datetimes(),
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31)),
)
structures = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(keys, children, max_size=6),
    ),
    max_leaves=15,
)


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@STRUCTURE_PROPERTY
@given(structures)
def test_dumped_structure_is_valid_or_positioned(data: Any) -> None:
    check_outcome(dump(data))


@STRUCTURE_PROPERTY
@given(st.sampled_from(KINDS), st.dictionaries(keys, structures, max_size=8))
def test_dumped_playbook_of_a_real_kind_is_valid_or_positioned(
    kind: str, fields: dict[str, Any]
) -> None:
    check_outcome(dump({**fields, "kind": kind}))


@STRUCTURE_PROPERTY
@given(structures, st.dictionaries(keys, structures, max_size=4))
def test_dumped_playbook_with_any_kind_value_is_valid_or_positioned(
    kind: Any, fields: dict[str, Any]
) -> None:
    check_outcome(dump({**fields, "kind": kind}))


@STRUCTURE_PROPERTY
@given(
    st.sampled_from(KINDS),
    st.dictionaries(st.sampled_from(FIELD_NAMES), structures, max_size=4),
    st.lists(st.sampled_from(FIELD_NAMES), max_size=3),
)
def test_dumped_near_valid_playbook_is_valid_or_positioned(
    kind: str, changes: dict[str, Any], removed: list[str]
) -> None:
    data = {**yaml.safe_load(VALID_TEXT), **changes, "kind": kind}
    for name in removed:
        data.pop(name, None)
    check_outcome(dump(data))


# --- 3. character mutations of a real valid playbook ------------------------------------


def test_unmutated_fixture_is_valid() -> None:
    source, problems = load_text(VALID_TEXT, DISPLAY_PATH)
    assert source is not None and problems == []
    playbook, problems = validate_playbook(source)
    assert problems == [] and playbook is not None


@st.composite
def mutated_fixture(draw: st.DrawFn) -> str:
    text = VALID_TEXT
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        index = draw(st.integers(min_value=0, max_value=len(text)))
        operation = draw(st.sampled_from(("delete", "insert", "replace")))
        char = draw(st.sampled_from(YAML_ALPHABET))
        if operation == "delete":
            text = text[:index] + text[index + 1:]
        elif operation == "insert":
            text = text[:index] + char + text[index:]
        else:
            text = text[:index] + char + text[index + 1:]
    return text


@TEXT_PROPERTY
@given(mutated_fixture())
def test_mutated_fixture_is_valid_or_positioned(text: str) -> None:
    check_outcome(text)
