"""Changed shared definitions (``definitions/``) and every page that shows them.

The severity scale, the crisis roles, the holding-statement library and the
vocabularies are defined once and rendered on many pages. Each entry is
matched by its key (level, id) and compared field by field like a playbook,
with role and statement ids shown by the names readers see. Importing this
module registers its detectors (:mod:`shared`) and page finders (:mod:`reach`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playbook_handbook.index.handbook import Entry, Handbook
from playbook_handbook.review.diff import reach, shared
from playbook_handbook.review.diff.fields import all_item_fields, diff_item
from playbook_handbook.review.diff.report import (
    NotCompared,
    PageRef,
    SharedChange,
)
from playbook_handbook.review.diff.written_pages import page_texts
from playbook_handbook.sitemap import CARDS_DIR, SKILLS_PAGE

CRISIS_KIND = "crisis-handling"
#: Vocabulary name -> (kind of fact, noun, the playbook field that uses its words).
VOCABULARIES: dict[str, tuple[str, str, str]] = {
    "tags": ("tag-term", "Tag", "tags"),
    "networks": ("network-term", "Network", "networks"),
    "audience": ("audience-term", "Audience role", "audience"),
    "skills": ("skill-term", "Skill", "skills"),
}


# --- detectors ------------------------------------------------------------------------


def _invalid(book: Handbook, name: str) -> bool:
    """The file is there but did not validate, or check reports an error in it (such as
    an id defined twice, where the last one would read as an edit of the first): its
    entries are unknown, not removed or changed."""
    found = book.definitions.files.get(name)
    if found is None or not found.present:
        return False
    return found.model is None or any(
        p.path == found.rel_path and p.severity == "error" for p in book.problems)


def _comparable(base: Handbook, head: Handbook, name: str) -> bool:
    return not (_invalid(base, name) or _invalid(head, name))


def not_compared(base: Handbook, head: Handbook) -> list[NotCompared]:
    """Definition files that did not validate on one side, so were not compared."""
    found = []
    for name, entry in head.definitions.files.items():
        if _invalid(head, name):
            found.append(NotCompared(entry.rel_path, "it does not validate now; see what "
                                                     "handbook check reports"))
        elif _invalid(base, name):
            found.append(NotCompared(entry.rel_path, "it did not validate at the base, so "
                                                     "what changed in it is not listed"))
    return found


@shared.detector
def severity_level_changes(base: Handbook, head: Handbook,
                           renamed: dict[str, str]) -> list[SharedChange]:
    """Levels of the severity scale added, removed or changed; every crisis page shows them."""
    if not _comparable(base, head, "severity_scale"):
        return []
    old, new = base.definitions.scale, head.definitions.scale
    names = _Names(base, head)
    before = {lv.level: names.level(lv.model_dump(mode="json")) for lv in old.levels} \
        if old else {}
    after = {lv.level: names.level(lv.model_dump(mode="json")) for lv in new.levels} \
        if new else {}
    return _entries(before, after, base, head, kind="severity-level",
                    name=lambda key, data: f"Severity level {key} - {data['name']}",
                    prefix=lambda key, data: f"Severity level {key}", loc="levels")


@shared.detector
def triage_question_changes(base: Handbook, head: Handbook,
                            renamed: dict[str, str]) -> list[SharedChange]:
    """The triage questions of the severity scale, shown with it on every crisis page."""
    if not _comparable(base, head, "severity_scale"):
        return []
    old, new = base.definitions.scale, head.definitions.scale
    before = {q.id: q.model_dump(mode="json") for q in old.triage_questions} if old else {}
    after = {q.id: q.model_dump(mode="json") for q in new.triage_questions} if new else {}
    def question(key: Any, data: dict[str, Any]) -> str:
        return f"Triage question '{data['question']}'"

    return _entries(before, after, base, head, kind="triage-question", name=question,
                    prefix=question, loc="triage_questions")


@shared.detector
def holding_statement_changes(base: Handbook, head: Handbook,
                              renamed: dict[str, str]) -> list[SharedChange]:
    """Statements of the library; approval dates get the same notes as on a playbook."""
    if not _comparable(base, head, "holding_statements"):
        return []
    names = _Names(base, head)
    before = {k: names.statement(s.model_dump(mode="json"))
              for k, s in base.definitions.statements.items()}
    after = {k: names.statement(s.model_dump(mode="json"))
             for k, s in head.definitions.statements.items()}
    def title(key: Any, data: dict[str, Any]) -> str:
        return f"Holding statement '{data['title']}'"

    return _entries(before, after, base, head, kind="holding-statement", name=title,
                    prefix=title, loc="statements")


@shared.detector
def crisis_role_changes(base: Handbook, head: Handbook,
                        renamed: dict[str, str]) -> list[SharedChange]:
    """Roles added, removed or changed: their name and what they do."""
    if not _comparable(base, head, "crisis_roles"):
        return []
    before = {k: r.model_dump(mode="json") for k, r in base.definitions.roles.items()}
    after = {k: r.model_dump(mode="json") for k, r in head.definitions.roles.items()}
    def name(key: Any, data: dict[str, Any]) -> str:
        return f"Crisis role '{data['name']}'"

    return _entries(before, after, base, head, kind="crisis-role", name=name, prefix=name,
                    loc="roles")


@shared.detector
def vocabulary_changes(base: Handbook, head: Handbook,
                       renamed: dict[str, str]) -> list[SharedChange]:
    """Words added to or removed from a vocabulary, or their name or description changed."""
    found: list[SharedChange] = []
    for vocabulary, (kind, noun, _field) in VOCABULARIES.items():
        if not _comparable(base, head, vocabulary):
            continue
        before = {k: t.model_dump(mode="json")
                  for k, t in (base.definitions.terms(vocabulary) or {}).items()}
        after = {k: t.model_dump(mode="json")
                 for k, t in (head.definitions.terms(vocabulary) or {}).items()}
        def label(key: Any, data: dict[str, Any], noun: str = noun) -> str:
            return f"{noun} vocabulary entry '{key}'"

        found += _entries(before, after, base, head, kind=kind, name=label, prefix=label,
                          loc="terms")
    return found


Namer = Callable[[Any, dict[str, Any]], str]


def _entries(before: dict[Any, dict], after: dict[Any, dict], base: Handbook, head: Handbook,
             *, kind: str, name: Namer, prefix: Namer, loc: str) -> list[SharedChange]:
    """One change per entry added, removed or changed, with the pages that show it."""
    found = []
    order = list(after)
    for key in [*after, *(k for k in before if k not in after)]:
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        where = (loc, order.index(key) if key in after else list(before).index(key))
        if old is None:
            detail = "added"
            fields = all_item_fields(_shown(new), where, prefix(key, new))
        elif new is None:
            detail, fields = "removed", []
        else:
            fields = diff_item(old, new, where, prefix(key, new))
            if not fields:
                continue
            detail = "changed"
        label = name(key, new if new is not None else old)
        found.append(SharedChange(kind, str(key), label, detail,
                                  reach.pages_showing(kind, str(key), (base, head)), fields))
    return found


def _shown(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in ("id", "level")}


# --- ids as readers see them ------------------------------------------------------------


class _Names:
    """Role and statement names as the working tree shows them (the base's for ones
    since removed), the same on both sides, so that renaming a role is one change
    of the role rather than a change of every level that alerts it."""

    def __init__(self, base: Handbook, head: Handbook) -> None:
        self.roles = {k: r.name for book in (base, head)
                      for k, r in book.definitions.roles.items()}
        self.statements = {k: s.title for book in (base, head)
                           for k, s in book.definitions.statements.items()}

    def role(self, ref: Any) -> str:
        if isinstance(ref, str):
            return self.roles.get(ref, ref)
        text = self.roles.get(ref["role"], ref["role"]) + (
            f" ({ref['by']})" if ref.get("by") else "")
        return text + (f", {ref['when']}" if ref.get("when") else "")

    def level(self, data: dict[str, Any]) -> dict[str, Any]:
        """A dumped severity level with role and statement ids replaced by their names."""
        data["alert"] = [self.role(ref) for ref in data.get("alert", [])]
        data["sign_off"] = [self.role(ref) for ref in data.get("sign_off", [])]
        data["approver"] = self.role(data["approver"])
        data["statements"] = [self.statements.get(s, s) for s in data.get("statements", [])]
        return data

    def statement(self, data: dict[str, Any]) -> dict[str, Any]:
        data["approver"] = self.role(data["approver"])
        return data


# --- pages that show a definition ---------------------------------------------------------


def _crisis(book: Handbook) -> list[Entry]:
    return [e for e in book.playbooks.values() if e.playbook.kind == CRISIS_KIND]


def card_page(entry: Entry) -> PageRef:
    """The printable crisis card made from a crisis playbook (``/cards/<id>/``)."""
    return PageRef(f"Crisis card: {entry.playbook.title}", f"{CARDS_DIR}/{entry.id}/", None)


def _with_cards(entries: list[Entry]) -> list[PageRef]:
    return [page for e in entries for page in (reach.playbook_page(e), card_page(e))]


_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


def docs_pages(book: Handbook, pattern: re.Pattern[str]) -> list[PageRef]:
    """Hand-written pages under ``docs/`` whose source matches ``pattern`` (a macro call)."""
    found = []
    for file, text in page_texts(Path(book.root)).items():
        if not file.startswith("docs/") or not pattern.search(text):
            continue
        rel = file.removeprefix("docs/")
        url = rel.removesuffix(".md") + "/"
        url = "" if url == "index/" else url.removesuffix("index/")
        heading = _HEADING.search(text)
        title = heading.group(1) if heading else Path(rel).stem.replace("-", " ").capitalize()
        found.append(PageRef(title, url, file))
    return found


_SCALE_MACRO = re.compile(r"\bseverity_scale\s*\(|\bplaybook_section\s*\([^)]*"
                          r"[\"'](?:severity_levels|triage)[\"']")


@reach.register("severity-level")
@reach.register("triage-question")
def scale_pages(book: Handbook, key: str) -> list[PageRef]:
    """Every crisis page and card shows the whole scale, as do pages using its macro."""
    return [*_with_cards(_crisis(book)), *docs_pages(book, _SCALE_MACRO)]


@reach.register("holding-statement")
def statement_pages(book: Handbook, statement_id: str) -> list[PageRef]:
    """Crisis pages and cards that list the statement, and pages that quote it by macro."""
    users = [e for e in _crisis(book)
             if any(u.statement == statement_id for u in e.playbook.statement_uses)]
    macro = re.compile(r"\bholding_statement\s*\(\s*[\"']" + re.escape(statement_id) + "[\"']")
    return [*_with_cards(users), *docs_pages(book, macro)]


@reach.register("crisis-role")
def role_pages(book: Handbook, role_id: str) -> list[PageRef]:
    """Crisis pages and cards that use the role; all of them when the scale names it
    (every crisis page and card shows who to alert and who approves)."""
    scale = book.definitions.scale
    in_scale = scale is not None and any(
        role_id == level.approver
        or any((r if isinstance(r, str) else r.role) == role_id
               for r in [*level.alert, *level.sign_off])
        for level in scale.levels)
    users = _crisis(book) if in_scale else [
        e for e in _crisis(book) if any(u.role == role_id for u in e.playbook.role_uses)]
    return [*_with_cards(users), *(docs_pages(book, _SCALE_MACRO) if in_scale else [])]


def _vocabulary_finder(field: str, extra: list[PageRef]) -> reach.Finder:
    def pages(book: Handbook, term: str) -> list[PageRef]:
        users = [reach.playbook_page(e) for e in book.playbooks.values()
                 if term in getattr(e.playbook, field, [])]
        return [*users, *extra] if users else []
    pages.__doc__ = f"The playbooks whose {field} list the word, and the pages listing them."
    return pages


reach.register("tag-term")(reach.tag_pages)
reach.register("network-term")(_vocabulary_finder("networks", []))
reach.register("audience-term")(_vocabulary_finder("audience", []))
reach.register("skill-term")(_vocabulary_finder(
    "skills", [PageRef("Skills map", SKILLS_PAGE.removesuffix(".md") + "/", None)]))
