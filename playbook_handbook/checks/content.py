"""Warnings about valid playbooks: things a reviewer should look at, not errors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from playbook_handbook.checks.hashtags import hashtag_warnings
from playbook_handbook.checks.limits import length_warnings
from playbook_handbook.checks.near_copies import near_copy_warnings
from playbook_handbook.checks.privacy import privacy_warnings
from playbook_handbook.checks.translations import translation_warnings
from playbook_handbook.checks.vocabulary import vocabulary_warnings
from playbook_handbook.index.handbook import Handbook
from playbook_handbook.problems import Problem
from playbook_handbook.review.freshness import review_due


def content_warnings(book: Handbook, today: dt.date) -> list[Problem]:
    """Review dates in the future (an error), overdue reviews, lapsed approvals,
    left-over placeholders, personal data, secrets, texts too long to post or with
    too many hashtags, unknown or rare tags and near-copies across files; the same
    checks on translated text."""
    found: list[Problem] = (future_reviews(book, today) + privacy_warnings(book)
                            + length_warnings(book) + hashtag_warnings(book)
                            + approval_warnings(book, today) + vocabulary_warnings(book)
                            + near_copy_warnings(book) + translation_warnings(book))
    for entry in book.playbooks.values():
        pb = entry.playbook
        due = review_due(entry)
        if due < today and pb.status != "deprecated":
            line, column = entry.position("last_reviewed")
            found.append(Problem(
                entry.rel_path, line, column,
                f"review overdue since {due.isoformat()} (owner {pb.owner}); review the "
                "playbook and update last_reviewed", "review-overdue", "warning"))
        if pb.status != "draft" and any(t.lstrip().startswith("TODO")
                                        for t in entry.source.texts):
            for loc in _placeholders(entry.source.data, ()):
                line, column = entry.position(*loc)
                found.append(Problem(
                    entry.rel_path, line, column,
                    "this is still the TODO placeholder from handbook new; write the real "
                    "text, or keep status: draft until it is ready", "placeholder", "warning"))
    return found


def future_reviews(book: Handbook, today: dt.date) -> list[Problem]:
    """Errors for review dates after today. "Today" is the later of ``today`` and the
    clock: a check run as of an earlier day (``--today``, ``HANDBOOK_TODAY``) to look
    back does not fail on reviews done since, while a date no one can have reviewed
    on yet (a typo such as 2062) always fails. The site build accepts them."""
    latest = max(today, dt.date.today())
    found = []
    dated = [(e.playbook, e.source, e.rel_path) for e in book.playbooks.values()]
    dated += [(p.path, p.source, p.rel_path) for p in book.paths.values()]
    for reviewed, source, rel_path in dated:
        if reviewed.last_reviewed > latest:
            line, column = source.position(("last_reviewed",))
            found.append(Problem(
                rel_path, line, column,
                f"last_reviewed {reviewed.last_reviewed.isoformat()} is in the future (today "
                f"is {latest.isoformat()}); write the date the review was done", "review-date"))
    return found


def _placeholders(data: Any, loc: tuple) -> Iterator[tuple]:
    """Where a text still starts with the ``TODO`` that ``handbook new`` writes."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _placeholders(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _placeholders(value, (*loc, index))
    elif isinstance(data, str) and data.lstrip().startswith("TODO"):
        yield loc


def approval_warnings(book: Handbook, today: dt.date) -> list[Problem]:
    """Holding statements of the shared library whose approval has lapsed."""
    library = book.definitions.files["holding_statements"]
    found = []
    for index, statement in enumerate(library.model.statements if library.model else []):
        if statement.approved_until < today:
            line, column = library.position("statements", index, "approved_until")
            role = book.definitions.roles.get(statement.approver)
            found.append(Problem(
                library.rel_path, line, column,
                f"approval of holding statement '{statement.id}' lapsed on "
                f"{statement.approved_until.isoformat()}; ask the "
                f"{role.name if role else statement.approver} to re-approve it",
                "approval-expired", "warning"))
    return found
