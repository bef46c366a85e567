"""Compare the handbook at the base with the working tree, page by page.

Playbooks and paths are matched by id (a playbook whose ``aliases`` name a
base id that is gone was renamed); each matched pair is compared field by field
(:mod:`fields`). Files that did not validate on one side are listed as not
compared rather than guessed at.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from playbook_handbook.checks.content import content_warnings
from playbook_handbook.index.handbook import Entry, Handbook, PathEntry
from playbook_handbook.problems import Problem, errors
from playbook_handbook.review.diff import reach, shared
from playbook_handbook.review.diff import shared_definitions as _registers
from playbook_handbook.review.diff.fields import all_fields, diff_models
from playbook_handbook.review.diff.gitbase import Base
from playbook_handbook.review.diff.report import (
    FieldChange,
    NotCompared,
    PageChange,
    Report,
)
from playbook_handbook.review.diff.translations import translation_changes
from playbook_handbook.review.diff.written_pages import page_texts, written_page_changes
from playbook_handbook.review.freshness import review_due

#: Fields other pages show about a playbook (in related lists and path steps).
SHOWN_ELSEWHERE = ("title", "summary", "time_minutes", "level")


def compare(base: Handbook, head: Handbook, where: Base, today: dt.date) -> Report:
    report = Report(where.rev, where.commit, where.how)
    renamed = _renames(base, head)
    _compare_playbooks(base, head, renamed, today, report)
    _compare_paths(base, head, report)
    for detect in shared.DETECTORS:
        report.shared += detect(base, head, renamed)
    report.translations = translation_changes(base, head)
    report.written = written_page_changes(page_texts(Path(base.root)),
                                          page_texts(Path(head.root)))
    for change in (f for fact in report.shared for f in fact.fields):
        change.note = change.note or _approval_note(change, today)
    report.new_problems = _new_problems(base, head, today)
    report.not_compared += [NotCompared(path, "it did not validate at the base, so what "
                                              "changed in it is not listed")
                            for path in _invalid_files(base)]
    listed = {item.file for item in report.not_compared}
    report.not_compared += [item for item in _registers.not_compared(base, head)
                            if item.file not in listed]
    return report


def _renames(base: Handbook, head: Handbook) -> dict[str, str]:
    """Current id -> base id, for playbooks whose former id (an alias) is gone."""
    found = {}
    for entry in head.playbooks.values():
        for alias in entry.playbook.aliases:
            if alias in base.playbooks and alias not in head.playbooks:
                found[entry.id] = alias
                break
    return found


def _compare_playbooks(base: Handbook, head: Handbook, renamed: dict[str, str],
                       today: dt.date, report: Report) -> None:
    books = (base, head)
    matched: set[str] = set()
    for entry in head.playbooks.values():
        former = renamed.get(entry.id)
        old = base.playbooks.get(former or entry.id)
        if old is None:
            if entry.id in base.broken:
                continue  # listed under not compared
            report.pages.append(PageChange("playbook", entry.id, entry.playbook.title,
                                           entry.rel_path, "added",
                                           fields=all_fields(_dump(entry.playbook))))
            continue
        matched.add(old.id)
        page = _changed_playbook(old, entry, former, today)
        if page is not None:
            if page.status or former or any(f.loc[0] in SHOWN_ELSEWHERE for f in page.fields):
                page.shown_on = _others(reach.pages_showing("playbook", entry.id, books),
                                        entry.rel_path, old.rel_path)
            report.pages.append(page)
    for old in base.playbooks.values():
        if old.id in matched:
            continue
        if old.id in head.broken:
            report.not_compared.append(NotCompared(
                old.rel_path, "it does not validate now; see what handbook check reports"))
            continue
        page = PageChange("playbook", old.id, old.playbook.title, old.rel_path, "removed",
                          replaced_by=head.aliases.get(old.id))
        page.shown_on = _others(reach.pages_showing("playbook", old.id, books), old.rel_path)
        report.pages.append(page)


def _changed_playbook(old: Entry, new: Entry, former: str | None,
                      today: dt.date) -> PageChange | None:
    before, after = _dump(old.playbook), _dump(new.playbook)
    status = None
    if new.playbook.status == "deprecated" != old.playbook.status:
        status = "deprecated"
    elif old.playbook.status == "deprecated" != new.playbook.status:
        status = "reactivated"
    skip = {"id"} | ({"aliases"} if former else set()) | \
        ({"status", "replaced_by"} if status else set())
    fields = [f for f in diff_models(before, after) if f.loc[0] not in skip]
    if not (fields or status or former):
        return None
    for change in fields:
        change.note = _note(change, new, today)
    return PageChange("playbook", new.id, new.playbook.title, new.rel_path,
                      "renamed" if former else "changed", former_id=former, status=status,
                      replaced_by=new.playbook.replaced_by, fields=fields)


def _note(change: FieldChange, entry: Entry | PathEntry, today: dt.date) -> str | None:
    """What a changed field means for review: dates moved, owners, approvals."""
    name = change.loc[-1]
    if change.loc in (("last_reviewed",), ("review_interval_days",)) and isinstance(entry, Entry):
        moved = "later" if str(change.after) > str(change.before) else "earlier"
        what = "review date moved " + moved if name == "last_reviewed" else "review interval"
        return f"{what}; next review due {review_due(entry).isoformat()}"
    if change.loc == ("owner",):
        return f"owner changed from {change.before} to {change.after}"
    return _approval_note(change, today)


def _approval_note(change: FieldChange, today: dt.date) -> str | None:
    """For a changed approval date: extended, shortened, renewed or lapsed."""
    if change.loc[-1] != "approved_until" or change.change != "changed":
        return None
    old, new = str(change.before), str(change.after)
    if new < today.isoformat():
        return f"approval lapsed: {new} is past; ask the approver to re-approve"
    if old < today.isoformat():
        return f"lapsed approval renewed until {new}"
    return f"approval {'extended' if new > old else 'shortened'} to {new}"


def _compare_paths(base: Handbook, head: Handbook, report: Report) -> None:
    for entry in head.paths.values():
        old = base.paths.get(entry.id)
        if old is None:
            report.pages.append(PageChange("path", entry.id, entry.path.title, entry.rel_path,
                                           "added", fields=all_fields(_dump(entry.path))))
            continue
        fields = [f for f in diff_models(_dump(old.path), _dump(entry.path))
                  if f.loc[0] != "id"]
        for change in fields:
            change.note = _note(change, entry, dt.date.min)
        if fields:
            report.pages.append(PageChange("path", entry.id, entry.path.title, entry.rel_path,
                                           "changed", fields=fields))
    for old in base.paths.values():
        if old.id not in head.paths:
            report.pages.append(PageChange("path", old.id, old.path.title, old.rel_path,
                                           "removed"))


def _new_problems(base: Handbook, head: Handbook, today: dt.date) -> list[Problem]:
    """What ``handbook check`` reports now and did not at the base (lines may move)."""
    def key(problem: Problem) -> tuple[str, str, str, str]:
        return (problem.path, problem.rule, problem.message, problem.severity)

    known = {key(p) for p in base.problems + _warnings(base, today)}
    return sorted(p for p in head.problems + _warnings(head, today) if key(p) not in known)


def _warnings(book: Handbook, today: dt.date) -> list[Problem]:
    try:
        return content_warnings(book, today)
    except Exception:  # noqa: BLE001 - a base the checks cannot read still gets its diff
        return []


def _invalid_files(book: Handbook) -> list[str]:
    """Files with errors that kept them out of the handbook altogether."""
    loaded = {e.rel_path for e in book.playbooks.values()} | \
        {p.rel_path for p in book.paths.values()}
    return sorted({p.path for p in errors(book.problems)} - loaded)


def _others(pages: list[reach.PageRef], *own_files: str) -> list[reach.PageRef]:
    return [page for page in pages if page.file not in own_files]


def _dump(model: Any) -> dict[str, Any]:
    return model.model_dump(mode="json")
