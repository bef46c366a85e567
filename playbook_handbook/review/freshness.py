"""When each playbook is due for review: fresh, due soon or overdue.

One home for the review arithmetic, shared by ``handbook check`` (warnings),
``handbook stale`` and the pages (the "Reviewed N days ago" line, the overdue
banner and the review queue).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from playbook_handbook.index.handbook import Entry, Handbook

#: A playbook due within this many days counts as "due soon".
SOON_DAYS = 30

ReviewStatus = Literal["fresh", "due-soon", "overdue"]


def review_due(entry: Entry) -> dt.date:
    """The date by which the playbook should be reviewed again."""
    return entry.playbook.last_reviewed + dt.timedelta(days=entry.playbook.review_days)


@dataclass(frozen=True)
class ReviewState:
    entry: Entry
    due: dt.date
    days_since: int
    """Days since ``last_reviewed`` (negative if it lies in the future)."""
    days_left: int
    """Days until ``due``; negative once overdue."""
    status: ReviewStatus


def review_state(entry: Entry, today: dt.date, soon: int = SOON_DAYS) -> ReviewState:
    due = review_due(entry)
    days_left = (due - today).days
    status: ReviewStatus = ("overdue" if days_left < 0
                            else "due-soon" if days_left <= soon else "fresh")
    return ReviewState(entry, due, (today - entry.playbook.last_reviewed).days,
                       days_left, status)


def review_queue(book: Handbook, today: dt.date, within: int = SOON_DAYS) -> list[ReviewState]:
    """Active playbooks overdue or due within ``within`` days, the most urgent first."""
    states = [review_state(entry, today, within) for entry in book.playbooks.values()
              if entry.playbook.status != "deprecated"]
    queue = [s for s in states if s.status != "fresh"]
    return sorted(queue, key=lambda s: (s.due, s.entry.rel_path))
