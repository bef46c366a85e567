"""Read one YAML file into plain data while keeping where every value came from.

libyaml (when present) parses the text into a node tree that carries line and
column marks; a small walker then builds dicts, lists and scalars from it. The
tree is kept while the file is checked, so any error found later can be
pointed back at its line by walking down its path
(``("questions", 0, "why_it_matters")``).

The walker refuses what a playbook never needs and what PyYAML lets through
silently: duplicate keys, non-standard tags (``!!python/...``), impossible
dates, merge keys, and documents that expand past the limits below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from playbook_handbook.problems import Problem

try:  # libyaml's parser is several times faster than the pure-Python one.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

#: A playbook file larger than this is refused before it is parsed.
MAX_FILE_BYTES = 1_000_000
#: Mappings and lists nested deeper than this are refused.
MAX_DEPTH = 40
#: Values one file may hold once anchors and aliases are expanded.
MAX_VALUES = 50_000

_TAG = "tag:yaml.org,2002:"
STR, NULL, BOOL, INT, FLOAT, TIMESTAMP = (
    _TAG + name for name in ("str", "null", "bool", "int", "float", "timestamp")
)
SEQ, MAP = _TAG + "seq", _TAG + "map"

_constructor = yaml.constructor.SafeConstructor()
_SCALARS = {
    NULL: lambda node: None,
    BOOL: _constructor.construct_yaml_bool,
    INT: _constructor.construct_yaml_int,
    FLOAT: _constructor.construct_yaml_float,
    TIMESTAMP: _constructor.construct_yaml_timestamp,
}

PathKey = tuple[Any, ...]

#: A whole number as a person writes it. YAML 1.1 reads more as numbers: 0x1F (31),
#: 010 (8, octal), 0b11, 1_000 and 1:30 (90, base 60); those are refused.
_PLAIN_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")


class OddNumber(int):
    """A number YAML 1.1 read from a form people do not mean as one (``0x1F``,
    ``010``, ``1:30``); ``text`` is what the file says. Number fields refuse it."""

    text: str

    def __new__(cls, value: int, text: str) -> OddNumber:
        number = super().__new__(cls, value)
        number.text = text
        return number


@dataclass
class Source:
    """A YAML document as data, able to say where any value or key came from.

    While fresh it holds the parsed node tree, and :meth:`position` walks it
    down a path (``("questions", 0, "why_it_matters")``). :meth:`compact`
    drops the tree, so a loaded handbook holds no nodes; a later
    :meth:`position` (an error found across files) parses the file again.
    """

    path: str
    data: Any = None
    #: Every text value, in file order (for scans that need no positions).
    texts: list[str] = field(default_factory=list)
    root: Node | None = None
    #: The file on disk, to find positions again after :meth:`compact`.
    file: Path | None = None

    def compact(self) -> None:
        """Forget the node tree (positions are then read again from the file)."""
        if self.file is not None:
            self.root = None

    def _tree(self) -> Node | None:
        if self.root is None and self.file is not None:
            try:
                loader = _Loader(self.file.read_bytes().decode("utf-8-sig"))
                try:
                    self.root = loader.get_single_node()
                finally:
                    loader.dispose()
            except (OSError, UnicodeDecodeError, yaml.YAMLError):
                return None
        return self.root

    def _walk(self, loc: PathKey, key: bool) -> tuple[Node | None, bool]:
        """The node at ``loc`` (its key node with ``key``), else the deepest parent; and
        whether ``loc`` was reached."""
        node = self._tree()
        if node is None:
            return None, False
        for depth, part in enumerate(loc):
            if isinstance(node, MappingNode):
                for key_node, value_node in node.value:
                    if isinstance(key_node, ScalarNode) and key_node.value == part:
                        if key and depth == len(loc) - 1:
                            return key_node, True
                        node = value_node
                        break
                else:
                    return node, False
            elif (isinstance(node, SequenceNode) and isinstance(part, int)
                  and 0 <= part < len(node.value)):
                node = node.value[part]
            else:
                return node, False
        return node, True

    def node(self, loc: PathKey) -> Node | None:
        """The node of the value at ``loc``, or None when there is none."""
        node, reached = self._walk(loc, key=False)
        return node if reached else None

    def position(self, loc: PathKey, *, key: bool = False) -> tuple[int, int]:
        """1-based ``(line, column)`` of the value (or key) at ``loc``, or its parent's."""
        return position_of(self._walk(loc, key)[0])


def position_of(node: Node | None) -> tuple[int, int]:
    if node is None:
        return (1, 1)
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def load_file(path: Path, display_path: str) -> tuple[Source | None, list[Problem]]:
    """Read ``path``; return its data (None when unusable) and every problem found."""

    def problem(line: int, column: int, message: str, rule: str) -> Problem:
        return Problem(display_path, line, column, message, rule)

    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [problem(0, 0, f"cannot read the file: {exc.strerror}", "unreadable")]
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            problem(
                1, 1,
                f"the file is {len(raw):,} bytes; a playbook may be at most "
                f"{MAX_FILE_BYTES:,} bytes, so split it into smaller playbooks",
                "file-too-large",
            )
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            problem(
                line, column,
                f"byte 0x{raw[exc.start]:02x} is not UTF-8 text; save the file "
                "with UTF-8 encoding",
                "encoding",
            )
        ]
    source, problems = load_text(text, display_path)
    if source is not None:
        source.file = path
    return source, problems


def load_text(text: str, display_path: str) -> tuple[Source | None, list[Problem]]:
    """Parse ``text`` (one YAML document) into a :class:`Source`."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, display_path, text)]
    except yaml.YAMLError as exc:  # unmarked errors (rare: reader problems)
        return None, [Problem(display_path, 1, 1, f"not valid YAML: {exc}", "syntax")]
    except RecursionError:  # pure-Python parser only; libyaml stops at depth 1000
        return None, [
            Problem(display_path, 1, 1, f"values are nested too deeply (limit {MAX_DEPTH})",
                    "too-deep")
        ]
    finally:
        loader.dispose()
    if root is None:
        return None, [
            Problem(display_path, 1, 1,
                    "the file holds no playbook (it is empty or only comments)", "empty")
        ]
    walker = _Walker(display_path)
    try:
        source = Source(display_path, root=root)
        source.data = walker.build(root, 0, source)
    except _TooBig as exc:
        return None, walker.problems + [exc.problem]
    return source, walker.problems


class _TooBig(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


class _Walker:
    """Builds plain data from nodes, refusing what a playbook never needs."""

    def __init__(self, display_path: str):
        self.path = display_path
        self.count = 0
        self.problems: list[Problem] = []

    def fail(self, node: Node, message: str, rule: str) -> None:
        self.problems.append(Problem(self.path, *position_of(node), message, rule))

    def build(self, node: Node, depth: int, source: Source) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            raise _TooBig(Problem(
                self.path, *position_of(node),
                f"the file expands to more than {MAX_VALUES:,} values (anchors and "
                "aliases repeat content); write the content out plainly",
                "too-many-values",
            ))
        if depth > MAX_DEPTH:
            raise _TooBig(Problem(
                self.path, *position_of(node),
                f"values are nested more than {MAX_DEPTH} levels deep", "too-deep",
            ))
        if isinstance(node, ScalarNode):
            value = self.scalar(node)
            if type(value) is str:
                source.texts.append(value)
            return value
        if isinstance(node, SequenceNode):
            if node.tag != SEQ:
                self.fail(node, f"unsupported tag {_short(node.tag)}; playbooks hold "
                          "plain text, numbers, dates, lists and mappings", "tag")
            return [self.build(item, depth + 1, source) for item in node.value]
        if isinstance(node, MappingNode):
            if node.tag != MAP:
                self.fail(node, f"unsupported tag {_short(node.tag)}; playbooks hold "
                          "plain text, numbers, dates, lists and mappings", "tag")
            return self.mapping(node, depth, source)
        raise AssertionError(f"unknown node {node!r}")  # pragma: no cover

    def mapping(self, node: MappingNode, depth: int, source: Source) -> dict:
        result: dict[str, Any] = {}
        first_seen: dict[str, Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.fail(key_node, "a key must be a plain word, not a list or mapping",
                          "key")
                continue
            if key_node.tag == _TAG + "merge":
                self.fail(key_node, "merge keys (<<) are not supported; write the "
                          "fields out", "merge-key")
                continue
            key = key_node.value  # keys stay text: `no:` is the key "no"
            if key in first_seen:
                line, _ = position_of(first_seen[key])
                self.fail(key_node, f"duplicate key '{key}' (first set on line {line}); "
                          "keep only one", "duplicate-key")
                continue
            first_seen[key] = key_node
            result[key] = self.build(value_node, depth + 1, source)
        return result

    def scalar(self, node: ScalarNode) -> Any:
        if node.tag == STR:
            return node.value
        construct = _SCALARS.get(node.tag)
        if construct is None:
            self.fail(node, f"unsupported tag {_short(node.tag)}; playbooks hold plain "
                      "text, numbers, dates, lists and mappings", "tag")
            return None
        try:
            if node.tag == INT and not _PLAIN_INT.fullmatch(node.value):
                return OddNumber(construct(node), node.value)
            return construct(node)
        except Exception:  # noqa: BLE001 - any constructor failure is a content error
            # PyYAML's constructors fail in several ways on odd explicit tags (!!int "").
            if node.tag == TIMESTAMP:
                self.fail(node, f"'{node.value}' is not a real date; write dates as "
                          "YYYY-MM-DD, for example 2026-03-31", "date")
            else:
                self.fail(node, f"'{node.value}' cannot be read as a value", "value")
            return None


def _short(tag: str) -> str:
    return "!!" + tag[len(_TAG):] if tag.startswith(_TAG) else tag


_SYNTAX_HINTS = (
    ("found character '\\t'", "a tab is used for indentation; YAML needs spaces"),
    ("found a tab character", "a tab is used for indentation; YAML needs spaces"),
    ("mapping values are not allowed",
     "a colon followed by a space inside an unquoted value (put the whole value in "
     "quotes, for example title: \"Crisis: first hour\"), or this line is indented "
     "more than the lines around it"),
    ("found unexpected end of stream", "a quote or bracket is opened but never closed"),
    ("could not find expected ':'", "a quote or bracket is opened but never closed, "
     "or a line is missing its colon"),
    ("expected ',' or ']'", "a list in [brackets] is not closed with ]"),
    ("expected ',' or '}'", "a mapping in {braces} is not closed with }"),
    ("did not find expected key", "this line's indentation does not match the lines "
     "around it"),
    ("expected <block end>", "this line's indentation does not match the lines around it"),
    ("did not find expected '-' indicator", "this list item's indentation does not "
     "match the items around it"),
    ("but found another document", "this file holds more than one YAML document (a line "
     "with --- starts another); a playbook is exactly one document"),
    ("exceeded maximum nesting depth", f"values are nested too deeply (limit {MAX_DEPTH})"),
    ("found undefined alias", "an alias (*name) refers to an anchor (&name) that does "
     "not exist"),
)


def _syntax_problem(exc: yaml.MarkedYAMLError, display_path: str, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    detail = " ".join(part for part in (exc.context, exc.problem) if part)
    lines = text.splitlines()
    found = lines[line - 1][column - 1:column] if 0 < line <= len(lines) else ""
    if "cannot start any token" in detail and found:
        if found == "\t":
            hint = "a tab is used for indentation; YAML needs spaces"
        else:
            hint = (f"a value cannot start with {found}; put the value in quotes, or look "
                    "for a quote left open on an earlier line")
        return Problem(display_path, line, column, f"YAML syntax: {hint}", "syntax")
    for needle, hint in _SYNTAX_HINTS:
        if needle in detail:
            return Problem(display_path, line, column, f"YAML syntax: {hint}", "syntax")
    return Problem(display_path, line, column, f"YAML syntax: {detail}", "syntax")


def describe_scalar(node: Node | None) -> str | None:
    """Explain how YAML 1.1 read an unquoted value, when it was not read as text.

    Returns None for quoted text or non-scalars.
    """
    if not isinstance(node, ScalarNode) or node.style or node.tag == STR:
        return None
    raw = node.value
    if node.tag == BOOL:
        return f"unquoted {raw} is read as a yes/no value, not text"
    if node.tag == NULL:
        return "the value is empty" if raw in ("", "~", "null", "Null", "NULL") else None
    if node.tag in (INT, FLOAT):
        try:
            number = _SCALARS[node.tag](node)
        except Exception:  # noqa: BLE001 - any constructor failure is a content error
            number = raw
        if str(number) == raw:
            return f"unquoted {raw} is read as a number, not text"
        return f"unquoted {raw} is read as the number {number}, not text"
    if node.tag == TIMESTAMP:
        return f"unquoted {raw} is read as a date, not text"
    return None
