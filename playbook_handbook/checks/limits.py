"""How long a post may be on each network, and how each network counts.

The numbers live in ``checks/data/network_limits.yml`` with a source for each;
:func:`length_warnings` turns templates and holding statements that are too
long for a network they declare into ``text-too-long`` warnings.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import regex
import yaml
from twitter_text import parse_tweet

from playbook_handbook.index.handbook import Entry, Handbook
from playbook_handbook.problems import Problem

DATA = Path(__file__).parent / "data" / "network_limits.yml"
COUNTINGS = ("x", "threads", "graphemes", "characters")
#: What Threads counts in UTF-8 bytes: non-ASCII symbols (emoji, modifiers), the
#: zero-width joiner and the emoji presentation selector.
_THREADS_BYTES = regex.compile(r"(?![\x00-\x7f])[\p{So}\p{Sk}\u200d\ufe0f]")
#: Characters outside X's weight-1 ranges (twitter-text configuration v3), and the
#: emoji © and ® inside them: each counts 2 at most.
_X_DOUBLE = regex.compile("[^\u0000-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]|[©®]")
#: A dot followed by a letter or digit: every web address has one.
_URL_DOT = regex.compile(r"\.\w")


@dataclass(frozen=True)
class NetworkLimit:
    network: str
    limit: int
    applies_to: str
    counting: str
    source: str
    verified: bool
    checked: dt.date
    note: str = ""


@cache
def limits() -> dict[str, NetworkLimit]:
    """Every network with a known post length, read from the data file."""
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    found = {}
    for network, fields in data.items():
        limit = NetworkLimit(network=network, **fields)
        if limit.counting not in COUNTINGS:
            raise ValueError(f"{DATA}: {network}: counting must be one of {', '.join(COUNTINGS)}")
        found[network] = limit
    return found


def length(text: str, counting: str) -> int:
    """The length of ``text`` the way a network counts it (see the data file)."""
    text = unicodedata.normalize("NFC", text)
    if counting == "x":
        return parse_tweet(text).weightedLength
    if counting == "graphemes":
        return len(regex.findall(r"\X", text))
    if counting == "threads":
        return len(text) + sum(len(c.encode("utf-8")) - 1 for c in _THREADS_BYTES.findall(text))
    return len(text)


def most(text: str, counting: str) -> int:
    """A cheap upper bound of :func:`length`: the exact count is only needed near a limit.

    For X: 1 for a character of X's weight-1 ranges (but 2 for the emoji © and ®),
    2 for any other, and each web address (at least 4 characters, one of them a dot
    before its domain ending) adds at most 19 by counting as 23.
    """
    if counting != "x":
        return length(text, counting)
    text = unicodedata.normalize("NFC", text)
    return len(text) + len(_X_DOUBLE.findall(text)) + 19 * len(_URL_DOT.findall(text))


def _texts(book: Handbook) -> list[tuple[str, tuple, Entry | None, Any]]:
    """Every text meant for posting, with where it is: guide templates and the
    holding statements of the shared library (definitions/holding-statements.yml)."""
    found: list[tuple[str, tuple, Entry | None, Any]] = []
    for entry in book.playbooks.values():
        for index, item in enumerate(getattr(entry.playbook, "templates", None) or []):
            found.append((entry.rel_path, ("templates", index, "text"), entry, item))
    library = book.definitions.files["holding_statements"]
    if library.model is not None:
        for index, item in enumerate(library.model.statements):
            found.append((library.rel_path, ("statements", index, "text"), None, item))
    return found


def length_warnings(book: Handbook) -> list[Problem]:
    """A warning for each text longer than a network it declares allows."""
    known = limits()
    library = book.definitions.files["holding_statements"]
    found = []
    for rel, loc, entry, item in _texts(book):
        text = item.text.strip()
        for network in item.networks:
            rule = known.get(network)
            if rule is None or most(text, rule.counting) <= rule.limit:
                continue
            count = length(text, rule.counting)
            if count <= rule.limit:
                continue
            line, column = entry.position(*loc) if entry else library.position(*loc)
            name = book.definitions.display("networks", network)
            found.append(Problem(
                rel, line, column,
                f"'{item.title}' is {count:,} characters as {name} counts them, "
                f"over its limit of {rule.limit:,} for a {rule.applies_to.split(' (')[0]}; "
                f"shorten the text or take {network} out of its networks",
                "text-too-long", "warning"))
    return found
