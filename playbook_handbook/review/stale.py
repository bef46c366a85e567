"""``handbook stale``: the playbooks overdue for review and the translations to update.

The arithmetic is :mod:`playbook_handbook.review.freshness`; this module only selects and prints.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from pathlib import PurePosixPath

from playbook_handbook.index.handbook import Handbook
from playbook_handbook.problems import neutralise
from playbook_handbook.review.freshness import ReviewState, review_queue
from playbook_handbook.translate.document import translation_file
from playbook_handbook.translate.pages import all_page_states, languages_of


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


@dataclass(frozen=True)
class TranslationDue:
    """A translation to update (stale) or to write (missing), and who owns the English."""

    rel_path: str  # the translation file (for a missing one: where it would go)
    owner: str
    state: str  # stale or missing
    fields: tuple[str, ...] = ()


def translations_due(book: Handbook) -> list[TranslationDue]:
    """Stale translations, then missing ones, for every language the handbook has."""
    owners = {e.rel_path: e.playbook.owner for e in book.playbooks.values()}
    owners |= {e.rel_path: e.path.owner for e in book.paths.values()}
    english = [*owners, *(d.rel_path for d in book.definitions.files.values() if d.model)]
    due = []
    languages = sorted(languages_of(book.root) | set(book.translations))
    for language in languages:
        found = book.translations.get(language, {})
        for rel in english:
            translation = found.get(rel)
            owner = owners.get(rel, "(no owner)")
            if translation is None:
                target = translation_file(PurePosixPath(rel), language).as_posix()  # type: ignore[arg-type]
                due.append(TranslationDue(target, owner, "missing"))
            elif translation.stale:
                due.append(TranslationDue(translation.rel_path, owner, "stale", translation.stale))
    for language in languages:
        for _english, rel, page in all_page_states(book.root, language):
            if page.state in ("stale", "missing"):
                due.append(TranslationDue(rel, "(no owner)", page.state,
                                          ("page",) if page.state == "stale" else ()))
    return sorted(due, key=lambda d: (d.state != "stale", d.rel_path))


def translation_line(due: TranslationDue) -> str:
    """``path: owner, translation stale (fields)`` or ``path: owner, translation missing``."""
    what = (f"translation stale ({', '.join(due.fields)})" if due.state == "stale"
            else "translation missing")
    return neutralise(f"{due.rel_path}: {due.owner}, {what}")


def translations_markdown(dues: list[TranslationDue]) -> str:
    """A job-summary table of the translations to update or write."""
    if not dues:
        return ""
    lines = ["", "## Translations to update", "",
             "| Translation | Owner of the English | State |", "| --- | --- | --- |"]
    for due in dues:
        state = (f"stale: {_cell(', '.join(due.fields))}" if due.state == "stale"
                 else "missing")
        lines.append(f"| `{due.rel_path}` | {_cell(due.owner)} | {state} |")
    return "\n".join(lines) + "\n"
