"""Problems found in playbooks, and the ways they are printed."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]

#: Bidirectional controls: they reorder what a terminal shows (Trojan Source).
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                  "\u2066\u2067\u2068\u2069")


def neutralise(text: str) -> str:
    """``text`` safe for one line of a terminal: control characters, line breaks and
    bidirectional controls written as visible escapes (``\\n``, ``\\x1b``, ``\\u202e``)."""
    if text.isprintable():
        return text
    out = []
    for char in text:
        if char in _BIDI or unicodedata.category(char) in ("Cc", "Zl", "Zp"):
            out.append(char.encode("unicode_escape").decode("ascii"))
        else:
            out.append(char)
    return "".join(out)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one file.

    ``line`` and ``column`` are 1-based; 0 means "the whole file".
    """

    path: str
    line: int
    column: int
    message: str
    rule: str
    severity: Severity = "error"

    def format_text(self) -> str:
        """``path:line:column: error: message (rule)``, the yamllint-like shape.

        Always one line: text quoted from a file can neither start a line of its
        own nor send escape sequences to the terminal.
        """
        return neutralise(
            f"{self.path}:{self.line}:{self.column}: {self.severity}: "
            f"{self.message} ({self.rule})"
        )

    def format_github(self) -> str:
        """A GitHub Actions workflow command that annotates the pull request."""
        command = "error" if self.severity == "error" else "warning"
        message = _github_escape(neutralise(f"{self.message} ({self.rule})"))
        return (
            f"::{command} file={_github_escape_property(neutralise(self.path))},"
            f"line={max(self.line, 1)},col={max(self.column, 1)}::{message}"
        )


def _github_escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_escape_property(text: str) -> str:
    return _github_escape(text).replace(":", "%3A").replace(",", "%2C")


class ContentError(Exception):
    """Raised where a caller wants problems as an exception (the site build)."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(p.format_text() for p in problems))


def errors(problems: list[Problem]) -> list[Problem]:
    """Only the problems that fail a check."""
    return [p for p in problems if p.severity == "error"]
