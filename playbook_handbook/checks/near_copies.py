"""Near-copies: the same wording kept in two files, which will drift apart.

Texts meant to be posted (guide templates and the holding statements of the
shared library) are compared across files; two that share most of their
wording get a ``near-copy`` warning at the later one, naming the other place.
Candidates are found through shared three-word runs, so the check stays
linear in practice even for thousands of playbooks.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import partial

from playbook_handbook.index.handbook import Handbook
from playbook_handbook.problems import Problem

#: Share of the wording (difflib ratio of the word lists) that makes a near-copy.
THRESHOLD = 0.75
#: Texts shorter than this many words are too short to compare.
MIN_WORDS = 8
#: A three-word run found in more distinct texts than this is too common to suggest a copy.
COMMON_RUN = 50
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Passage:
    path: str
    order: int  # its place among the passages of its file
    title: str
    words: tuple[str, ...]
    #: Where it is, looked up only for a warning: after loading, that reads the file again.
    where: Callable[[], tuple[int, int]] = field(compare=False, repr=False)

    @property
    def place(self) -> str:
        line, column = self.where()
        return f"{self.path}:{line}:{column}"


def passages(book: Handbook) -> list[Passage]:
    """Every text meant for posting, with where it is."""
    found = []
    library = book.definitions.files["holding_statements"]
    for index, s in enumerate(library.model.statements if library.model else []):
        found.append(Passage(library.rel_path, index, s.title, _words(s.text),
                             partial(library.position, "statements", index, "text")))
    for entry in book.playbooks.values():
        for index, t in enumerate(getattr(entry.playbook, "templates", None) or []):
            found.append(Passage(entry.rel_path, index, t.title, _words(t.text),
                                 partial(entry.position, "templates", index, "text")))
    return [p for p in found if len(p.words) >= MIN_WORDS]


def near_copy_warnings(book: Handbook) -> list[Problem]:
    found = []
    groups: dict[tuple[str, ...], list[Passage]] = defaultdict(list)
    for passage in passages(book):
        groups[passage.words].append(passage)
    # Exact copies: every later place names the first.
    for group in groups.values():
        group.sort(key=lambda p: (p.path, p.order))
        for later in group[1:]:
            if later.path != group[0].path:
                found.append(_warning(later, group[0], 1.0))
    # Near copies between distinct texts, through shared three-word runs.
    texts = list(groups)
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for number, words in enumerate(texts):
        for run in {words[i:i + 3] for i in range(len(words) - 2)}:
            index[run].append(number)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for numbers in index.values():
        if len(numbers) > COMMON_RUN:
            continue
        for i, a in enumerate(numbers):
            for b in numbers[i + 1:]:
                shared[(a, b)] += 1
    for (a, b), count in shared.items():
        if count < 3:
            continue
        ratio = SequenceMatcher(None, texts[a], texts[b], autojunk=False).ratio()
        if ratio < THRESHOLD:
            continue
        first, later = sorted((groups[texts[a]][0], groups[texts[b]][0]),
                              key=lambda p: (p.path, p.order))
        if first.path != later.path:
            found.append(_warning(later, first, ratio))
    return found


def _warning(later: Passage, first: Passage, ratio: float) -> Problem:
    share = "the same wording as" if ratio >= 1 else f"{ratio:.0%} of its wording with"
    return Problem(
        later.path, *later.where(),
        f"'{later.title}' shares {share} '{first.title}' at {first.place}; keep one text "
        "(a holding statement belongs in definitions/holding-statements.yml) and refer to it",
        "near-copy", "warning")


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.casefold()))
