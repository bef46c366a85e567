"""Word-level before/after of two texts, as readers would notice it.

Line breaks inside a paragraph do not change what a page shows (YAML folding,
re-wrapping), so texts are compared as words, with paragraph breaks kept.
"""

from __future__ import annotations

import difflib
import re
from typing import Literal

Op = Literal["equal", "delete", "insert"]
#: Stands for a paragraph break (a blank line) in compared texts.
PARAGRAPH = "¶"
#: Unchanged runs longer than this many words are shortened to their ends.
CONTEXT = 6
#: Below this share of words in common, a text counts as rewritten: shown whole,
#: old then new, rather than as a patchwork of small edits.
REWRITTEN = 0.5
#: Texts with more words than this (both together) are shown as rewritten, old then
#: new: matching words costs time that grows faster than the square of their number.
MATCH_WORDS = 6000

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def tokens(text: str) -> list[str]:
    """The words of ``text``, with a ``¶`` for each paragraph break."""
    found: list[str] = []
    for index, paragraph in enumerate(PARAGRAPH_BREAK.split(text.strip())):
        if index:
            found.append(PARAGRAPH)
        found += paragraph.split()
    return found


def same_words(before: str, after: str) -> bool:
    """True when the texts differ only in spacing and line wrapping."""
    return tokens(before) == tokens(after)


def word_diff(before: str, after: str, *, shorten: bool = True) -> list[tuple[Op, str]]:
    """``[(op, words), ...]``: the runs of equal, deleted and inserted words.

    With ``shorten``, long unchanged runs keep only a few words at each end,
    joined by ``…``, so that a one-word edit in a long paragraph stays short.
    """
    old, new = tokens(before), tokens(after)
    runs: list[tuple[Op, str]] = []
    if len(old) + len(new) > MATCH_WORDS:
        return [("delete", " ".join(old)), ("insert", " ".join(new))]
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    if matcher.ratio() < REWRITTEN:  # a rewrite reads better as old, then new
        return [("delete", " ".join(old)), ("insert", " ".join(new))]
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(("equal", _shortened(old[i1:i2], len(runs) == 0, i2 == len(old))
                         if shorten else " ".join(old[i1:i2])))
            continue
        if i2 > i1:
            runs.append(("delete", " ".join(old[i1:i2])))
        if j2 > j1:
            runs.append(("insert", " ".join(new[j1:j2])))
    return runs


def _shortened(words: list[str], first: bool, last: bool) -> str:
    keep = CONTEXT
    if len(words) <= 2 * keep + 1:
        return " ".join(words)
    head = [] if first else words[:keep]
    tail = [] if last else words[-keep:]
    return " ".join([*head, "…", *tail])
