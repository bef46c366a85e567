"""Problems found in playbooks, and the ways they are printed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


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

        Always one line: a line break quoted from a playbook (a key, a value)
        shows as ``\\n``, so no text can forge another problem line.
        """
        return _one_line(
            f"{self.path}:{self.line}:{self.column}: {self.severity}: "
            f"{self.message} ({self.rule})"
        )

    def format_github(self) -> str:
        """A GitHub Actions workflow command that annotates the pull request."""
        command = "error" if self.severity == "error" else "warning"
        message = _github_escape(f"{self.message} ({self.rule})")
        return (
            f"::{command} file={_github_escape_property(self.path)},"
            f"line={max(self.line, 1)},col={max(self.column, 1)}::{message}"
        )


#: Every character Python's str.splitlines() breaks a line at.
_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def _one_line(text: str) -> str:
    """``text`` with each line break written as its Python escape (``\\n``, ``\\u2028``)."""
    for char in _LINE_BREAKS:
        text = text.replace(char, repr(char)[1:-1])
    return text


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
