"""The review arithmetic (review/freshness.py): the edges of 'due soon' and 'overdue'."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import MINI

from playbook_handbook.index.handbook import load_handbook
from playbook_handbook.review.freshness import SOON_DAYS, review_due, review_state


@pytest.fixture(scope="module")
def entry():  # noqa: ANN201
    return load_handbook(MINI).playbooks["reply-to-comments"]


@pytest.mark.parametrize(("days_before_due", "status"), [
    (SOON_DAYS + 1, "fresh"),
    (SOON_DAYS, "due-soon"),
    (1, "due-soon"),
    (0, "due-soon"),
    (-1, "overdue"),
])
def test_status_on_each_side_of_the_boundaries(entry, days_before_due: int,  # noqa: ANN001
                                               status: str) -> None:
    due = review_due(entry)
    state = review_state(entry, due - dt.timedelta(days=days_before_due))
    assert (state.status, state.days_left) == (status, days_before_due)
    assert state.days_since == entry.playbook.review_days - days_before_due


def test_due_is_last_review_plus_the_interval(entry) -> None:  # noqa: ANN001
    assert review_due(entry) == entry.playbook.last_reviewed + dt.timedelta(
        days=entry.playbook.review_days)
