"""Shared facts that changed: facts kept in one place and shown on many pages.

Each detector compares the two handbooks for one kind of fact and, for every
entry that changed, asks :mod:`reach` which pages show it. Today that is tags;
a shared definition (severity scale, crisis roles, holding statements,
vocabularies) adds a detector with ``@detector`` and a page finder with
``@reach.register``, and ``handbook diff`` lists it with no other change.
"""

from __future__ import annotations

from collections.abc import Callable

from playbook_handbook.index.handbook import Handbook
from playbook_handbook.review.diff import reach
from playbook_handbook.review.diff.report import SharedChange

#: ``detect(base, head, renamed)`` -> the changed entries; ``renamed`` maps a
#: current playbook id to its id at the base.
Detector = Callable[[Handbook, Handbook, dict[str, str]], list[SharedChange]]
DETECTORS: list[Detector] = []


def detector(function: Detector) -> Detector:
    """Decorator: add a detector of changed shared facts."""
    DETECTORS.append(function)
    return function


@detector
def tag_changes(base: Handbook, head: Handbook, renamed: dict[str, str]) -> list[SharedChange]:
    """Tags added to or removed from playbooks that exist on both sides (a new or removed
    playbook is a page change of its own), with every page that shows the tag."""
    former = {old: new for new, old in renamed.items()}
    both = {former.get(i, i) for i in base.playbooks} & set(head.playbooks)
    before = _tag_index(base, both, former)
    after = _tag_index(head, both, {})
    found = []
    for tag in sorted(set(before) | set(after)):
        added = sorted(after.get(tag, set()) - before.get(tag, set()))
        removed = sorted(before.get(tag, set()) - after.get(tag, set()))
        if not (added or removed):
            continue
        parts = []
        if added:
            parts.append("added to " + ", ".join(_titles(head, added)))
        if removed:
            parts.append("removed from " + ", ".join(_titles(head, removed)))
        found.append(SharedChange("tag", tag, f"Tag '{tag}'", "; ".join(parts),
                                  reach.pages_showing("tag", tag, (base, head))))
    return found


def _tag_index(book: Handbook, ids: set[str], rename: dict[str, str]) -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for entry in book.playbooks.values():
        current = rename.get(entry.id, entry.id)
        if current in ids:
            for tag in entry.playbook.tags:
                index.setdefault(tag, set()).add(current)
    return index


def _titles(book: Handbook, ids: list[str]) -> list[str]:
    return [f"'{book.playbooks[i].playbook.title}'" for i in ids]
