"""Warnings about valid playbooks: things a reviewer should look at, not errors."""

from __future__ import annotations

import datetime as dt

from .freshness import review_due
from .handbook import Handbook
from .limits import length_warnings
from .privacy import privacy_warnings
from .problems import Problem


def content_warnings(book: Handbook, today: dt.date) -> list[Problem]:
    """Overdue reviews, lapsed approvals, personal data, secrets and texts too long to post."""
    found: list[Problem] = privacy_warnings(book) + length_warnings(book)
    for entry in book.playbooks.values():
        pb = entry.playbook
        due = review_due(entry)
        if due < today and pb.status != "deprecated":
            line, column = entry.position("last_reviewed")
            found.append(Problem(
                entry.rel_path, line, column,
                f"review overdue since {due.isoformat()} (owner {pb.owner}); review the "
                "playbook and update last_reviewed", "review-overdue", "warning"))
        for index, statement in enumerate(getattr(pb, "holding_statements", [])):
            if statement.approved_until < today:
                line, column = entry.position("holding_statements", index, "approved_until")
                found.append(Problem(
                    entry.rel_path, line, column,
                    f"approval of holding statement '{statement.title}' lapsed on "
                    f"{statement.approved_until.isoformat()}; ask {statement.approver} to "
                    "re-approve it", "approval-expired", "warning"))
    return found
