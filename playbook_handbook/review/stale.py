"""``handbook stale``: the playbooks overdue for review, as text or Markdown.

The arithmetic is :mod:`playbook_handbook.review.freshness`; this module only selects and prints.
"""

from __future__ import annotations

import datetime as dt
import html

from playbook_handbook.index.handbook import Handbook
from playbook_handbook.problems import neutralise
from playbook_handbook.review.freshness import ReviewState, review_queue


def due_for_review(book: Handbook, today: dt.date, within: int | None) -> list[ReviewState]:
    """Overdue playbooks, plus those due within ``within`` days when it is given."""
    queue = review_queue(book, today, within or 0)
    if within is None:
        queue = [state for state in queue if state.status == "overdue"]
    return queue


def text_line(state: ReviewState) -> str:
    """``path: owner, due YYYY-MM-DD``."""
    return neutralise(f"{state.entry.rel_path}: {state.entry.playbook.owner}, "
                      f"due {state.due.isoformat()}")


def markdown(states: list[ReviewState], total: int, within: int | None) -> str:
    """A job-summary table: most urgent first, with how late or how soon."""
    window = f" or due within {within} days" if within else ""
    lines = ["## Playbooks to review", ""]
    if not states:
        lines.append(f"None of the {total} playbooks is overdue for review{window}.")
        return "\n".join(lines) + "\n"
    overdue = sum(state.status == "overdue" for state in states)
    soon = f", {len(states) - overdue} due soon" if within else ""
    lines += [f"{overdue} overdue{soon} of {total} playbooks. The owner reviews the playbook, "
              "then updates `last_reviewed`.", "",
              "| Playbook | Owner | Due | |", "| --- | --- | --- | --- |"]
    for state in states:
        pb = state.entry.playbook
        when = (f"overdue by {-state.days_left} day{'s' * (state.days_left != -1)}"
                if state.status == "overdue"
                else "due today" if state.days_left == 0
                else f"due in {state.days_left} day{'s' * (state.days_left != 1)}")
        lines.append(f"| {_cell(pb.title)}<br>`{state.entry.rel_path}` | {_cell(pb.owner)} "
                     f"| {state.due.isoformat()} | {when} |")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Text shown as typed in a Markdown table cell."""
    escaped = html.escape(text, quote=False).replace("|", "&#124;")
    for char in "\\`*_[]":
        escaped = escaped.replace(char, "\\" + char)
    return escaped
