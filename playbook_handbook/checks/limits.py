"""How long a text may be on each network and surface, and how each network counts.

The numbers live in ``checks/data/network_limits.yml``, one entry per network and
surface (post, comment, dm, title, description, hashtags) with a source for each;
:func:`length_warnings` turns templates and holding statements that are too long for
a network they declare, on the surface they declare, into ``text-too-long`` warnings.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import regex
import yaml

from playbook_handbook.index.definitions import DefinitionFile
from playbook_handbook.index.handbook import Entry, Handbook
from playbook_handbook.model.playbook import Surface
from playbook_handbook.problems import Problem

DATA = Path(__file__).parent / "data" / "network_limits.yml"
SURFACES: tuple[str, ...] = Surface.__args__  # type: ignore[attr-defined]
#: Every entry a network has in the data file: the text surfaces and the hashtag count.
ENTRIES = (*SURFACES, "hashtags")
#: How text surfaces are counted (see the data file); a hashtag entry counts "hashtags".
TEXT_COUNTINGS = ("x", "threads", "graphemes", "utf16", "utf8", "characters")
COUNTINGS = (*TEXT_COUNTINGS, "hashtags")
#: How a warning names each surface: "over its limit of 150 for a comment or reply".
SURFACE_NAMES = {
    "post": "a post", "comment": "a comment or reply", "dm": "a direct message",
    "title": "a title", "description": "a description",
}
#: What Threads counts in UTF-8 bytes: non-ASCII symbols (emoji, modifiers), the
#: zero-width joiner and the emoji presentation selector.
_THREADS_BYTES = regex.compile(r"(?![\x00-\x7f])[\p{So}\p{Sk}\u200d\ufe0f]")
#: Characters outside X's weight-1 ranges (twitter-text configuration v3), and the
#: emoji © and ® inside them: each counts 2 at most.
_X_DOUBLE = regex.compile("[^\u0000-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]|[©®]")
#: A dot followed by a letter or digit: every web address has one.
_URL_DOT = regex.compile(r"\.\w")


@dataclass(frozen=True)
class Limit:
    """One sourced limit: how much one text may hold on one surface of one network."""

    network: str
    surface: str
    checked: dt.date
    limit: int | None = None
    counting: str | None = None
    applies_to: str = ""
    source: str | None = None
    verified: bool = False
    note: str = ""
    surfaces: tuple[str, ...] = ()


@cache
def limits() -> dict[str, dict[str, Limit]]:
    """Every network's entries, read from the data file and checked for shape."""
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    found: dict[str, dict[str, Limit]] = {}
    for network, entries in data.items():
        if set(entries) != set(ENTRIES):
            raise ValueError(f"{DATA}: {network}: give exactly these entries: {', '.join(ENTRIES)}")
        found[network] = {}
        for surface, fields in entries.items():
            fields = dict(fields)
            fields["surfaces"] = tuple(fields.get("surfaces", ()))
            rule = Limit(network=network, surface=surface, **fields)
            _check_entry(rule)
            found[network][surface] = rule
    return found


def _check_entry(rule: Limit) -> None:
    """Refuse an entry a reader could not trust: no reason, no source or a wrong counting."""
    where = f"{DATA}: {rule.network}.{rule.surface}"
    if rule.limit is None:
        if not rule.note:
            raise ValueError(f"{where}: a missing limit needs a note that says why")
        return
    expected = ("hashtags",) if rule.surface == "hashtags" else TEXT_COUNTINGS
    if rule.counting not in expected:
        raise ValueError(f"{where}: counting must be one of {', '.join(expected)}")
    if rule.verified and not rule.source:
        raise ValueError(f"{where}: a verified limit needs its source")
    if not (rule.verified or rule.note):
        raise ValueError(f"{where}: an unverified limit needs a note")
    if rule.surface == "hashtags" and not (rule.surfaces and set(rule.surfaces) <= set(SURFACES)):
        raise ValueError(f"{where}: surfaces must list the surfaces whose hashtags count")


def limit(network: str, surface: str) -> Limit | None:
    """The checked limit of ``surface`` on ``network``, or None when nothing is checked."""
    rule = limits().get(network, {}).get(surface)
    return rule if rule is not None and rule.limit is not None else None


def length(text: str, counting: str) -> int:
    """The length of ``text`` the way a network counts it (see the data file)."""
    text = unicodedata.normalize("NFC", text)
    if counting == "x":
        from twitter_text import parse_tweet  # 0.7 s to import: only when a text lists X

        return parse_tweet(text).weightedLength
    if counting == "graphemes":
        return len(regex.findall(r"\X", text))
    if counting == "threads":
        return len(text) + sum(len(c.encode("utf-8")) - 1 for c in _THREADS_BYTES.findall(text))
    if counting == "utf16":
        return len(text.encode("utf-16-le")) // 2
    if counting == "utf8":
        return len(text.encode("utf-8"))
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


#: Where a warning about a text goes, asked only when there is one: ``(file, line,
#: column)``. Finding a line may read the file again (a loaded file keeps no positions).
Where = Callable[[], tuple[str, int, int]]
#: For the text at ``(file, path to the text)``: its :data:`Where`, or None to leave the
#: text out (a translation's untranslated text, checked in English already).
Place = Callable[[str, tuple], "Where | None"]


def posted_texts(book: Handbook, place: Place | None = None) -> list[tuple[Where, Any]]:
    """Every text meant for posting (a template or a shared statement), with where a
    warning about it goes; ``place`` (default: the English files) says where."""
    library = book.definitions.files["holding_statements"]
    found: list[tuple[Where, Any]] = []

    def add(rel: str, loc: tuple, owner: Entry | DefinitionFile, item: Any) -> None:
        where = place(rel, loc) if place is not None else (
            lambda: (rel, *owner.position(*loc)))
        if where is not None:
            found.append((where, item))

    for entry in book.playbooks.values():
        for index, item in enumerate(getattr(entry.playbook, "templates", None) or []):
            add(entry.rel_path, ("templates", index, "text"), entry, item)
    if library.model is not None:
        for index, item in enumerate(library.model.statements):
            add(library.rel_path, ("statements", index, "text"), library, item)
    return found


def length_warnings(book: Handbook, place: Place | None = None) -> list[Problem]:
    """A warning for each text longer than a network it declares allows on its surface."""
    found = []
    for where, item in posted_texts(book, place):
        text = item.text.strip()
        for network in item.networks:
            rule = limit(network, item.surface)
            if rule is None or most(text, rule.counting or "") <= (rule.limit or 0):
                continue
            count = length(text, rule.counting or "")
            if count <= (rule.limit or 0):
                continue
            kind = "limit" if rule.verified else "unverified limit"
            found.append(Problem(
                *where(),
                f"'{item.title}' is {count:,} characters as "
                f"{book.definitions.display('networks', network)} counts "
                f"them, over its {kind} of {rule.limit:,} for {SURFACE_NAMES[item.surface]}; "
                f"shorten the text or take {network} out of its networks",
                "text-too-long", "warning"))
    return found
