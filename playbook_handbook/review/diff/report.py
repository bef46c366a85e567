"""What ``handbook diff`` found, as plain data that every output format reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from playbook_handbook.problems import Problem
from playbook_handbook.review.diff.words import Op

PageChangeKind = Literal["added", "removed", "renamed", "changed"]
StatusChange = Literal["deprecated", "reactivated"]


@dataclass(frozen=True)
class PageRef:
    """A page of the handbook site, named as a reviewer finds it."""

    title: str
    url: str  # site path, e.g. playbooks/guides/reply-to-comments/
    file: str | None = None  # the YAML file it is made from, when there is one


@dataclass
class FieldChange:
    loc: tuple[str | int, ...]  # where in the file, e.g. ("steps", 2, "details")
    label: str  # e.g. "Step 3 - details"
    change: Literal["changed", "added", "removed"]
    before: Any = None
    after: Any = None
    words: list[tuple[Op, str]] | None = None  # word-level diff, for prose
    note: str | None = None  # what it means for review: "approval extended to ..."


@dataclass
class PageChange:
    """One playbook or onboarding path that readers will see differently."""

    type: Literal["playbook", "path"]
    id: str
    title: str
    file: str
    change: PageChangeKind
    former_id: str | None = None  # for a rename: the id /go/ links used before
    status: StatusChange | None = None
    replaced_by: str | None = None
    fields: list[FieldChange] = field(default_factory=list)
    #: Other pages that show this one (its title in their related list, a path step).
    shown_on: list[PageRef] = field(default_factory=list)


@dataclass
class SharedChange:
    """A fact kept in one place and shown on many pages (a tag, a shared definition)."""

    kind: str  # "tag", "severity-level", "holding-statement", "crisis-role", ...
    key: str
    label: str  # e.g. "Tag 'crisis'"
    detail: str  # what changed, in one sentence
    pages: list[PageRef] = field(default_factory=list)
    #: For a changed definition, its fields as for a page ("Severity level 1 - Alert").
    fields: list[FieldChange] = field(default_factory=list)


@dataclass
class TranslationChange:
    """A translation (``x.tr.yml``) whose text that edition's readers will see differently."""

    language: str  # e.g. "tr"
    file: str  # the translation, e.g. playbooks/guides/x.tr.yml
    english_file: str
    title: str  # the page's title in that edition (the English file's path if it has none)
    change: Literal["added", "removed", "changed"]
    #: Each translated text that changed, named as ``handbook check`` names it
    #: ("steps[2].details").
    fields: list[FieldChange] = field(default_factory=list)


@dataclass
class WrittenPageChange:
    """A hand-written page under ``docs/`` (or its translation) added, removed or edited."""

    file: str  # e.g. docs/why.md, docs/why.tr.md
    title: str  # its first heading (the file name if it has none)
    change: Literal["added", "removed", "changed"]
    #: Each paragraph or block that changed, labelled by the heading it is under.
    fields: list[FieldChange] = field(default_factory=list)


@dataclass
class NotCompared:
    file: str
    reason: str


@dataclass
class Report:
    base_rev: str
    base_commit: str
    base_how: str  # e.g. "merge base of HEAD and origin/main"
    pages: list[PageChange] = field(default_factory=list)
    shared: list[SharedChange] = field(default_factory=list)
    translations: list[TranslationChange] = field(default_factory=list)
    written: list[WrittenPageChange] = field(default_factory=list)
    new_problems: list[Problem] = field(default_factory=list)
    not_compared: list[NotCompared] = field(default_factory=list)

    @property
    def reader_visible(self) -> bool:
        return bool(self.pages or self.shared or self.translations or self.written)

    def counts(self) -> dict[str, int]:
        """How many pages were added, removed, renamed, changed, deprecated, re-activated."""
        found = {name: 0 for name in ("added", "removed", "renamed", "changed",
                                      "deprecated", "reactivated")}
        for page in self.pages:
            found[page.change] += 1
            if page.status:
                found[page.status] += 1
        return found
