"""``handbook new``: a commented starter playbook that already passes ``handbook check``.

The starters are data files in ``cli/starters/``: one header shared by every
kind and one body per kind. Placeholders say ``TODO`` so they are easy to find,
but every one is a valid value, so the new file checks clean as a draft.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from playbook_handbook.index.handbook import (
    PATHS_DIR,
    PLAYBOOKS_DIR,
    YAML_SUFFIXES,
    Handbook,
    discover,
)
from playbook_handbook.load.yamlsource import load_text
from playbook_handbook.model.kinds import BY_NAME, KIND_FOLDERS
from playbook_handbook.model.playbook import _check_id
from playbook_handbook.model.validate import validate_playbook
from playbook_handbook.problems import errors

STARTERS = Path(__file__).parent / "starters"
#: Owner written when neither --owner nor another playbook of the kind names one.
PLACEHOLDER_OWNER = "@your-team"
#: A new holding statement's approval lapses this many days after today.
APPROVAL_DAYS = 90


class ScaffoldError(Exception):
    """Why no file was written, as one sentence."""


@dataclass(frozen=True)
class Starter:
    path: Path
    """Where the file goes, inside the repository."""
    rel_path: str
    text: str
    owner_note: str
    """How the owner was chosen, for the next-steps message."""


def starter(book: Handbook, kind: str, playbook_id: str, today: dt.date, *,
            owner: str | None = None, title: str | None = None) -> Starter:
    """The starter file for ``playbook_id``; raises :class:`ScaffoldError` when refused."""
    _check_new_id(book, playbook_id)
    rel = f"{PLAYBOOKS_DIR}/{KIND_FOLDERS[kind]}/{playbook_id}.yml"
    path = book.root / rel
    if path.exists():
        raise ScaffoldError(f"{rel} already exists; choose another id or edit that file")
    owner, owner_note = _owner(book, kind, owner)
    values = {
        "__KIND_NAME__": kind.replace("-", " "),  # "guide", not the folder title "guides"
        "__KIND__": kind,
        "__ID__": playbook_id,
        "__PATH__": rel,
        "__TITLE__": _quoted(title if title is not None else _title_from_id(playbook_id)),
        "__OWNER__": _quoted(owner),
        "__SKILL__": BY_NAME[kind].starter_skill,
        "__TODAY__": today.isoformat(),
        "__APPROVED_UNTIL__": (today + dt.timedelta(days=APPROVAL_DAYS)).isoformat(),
    }
    text = (STARTERS / "_header.yml").read_text(encoding="utf-8")
    text += (STARTERS / f"{kind}.yml").read_text(encoding="utf-8")
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    _check_valid(text, rel)
    return Starter(path, rel, text, owner_note)


def write_starter(new: Starter) -> None:
    """Write the file, never over an existing one."""
    new.path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with new.path.open("x", encoding="utf-8", newline="\n") as out:
            out.write(new.text)
    except FileExistsError:
        raise ScaffoldError(f"{new.rel_path} already exists; choose another id or edit "
                            "that file") from None


def _check_new_id(book: Handbook, playbook_id: str) -> None:
    try:
        _check_id(playbook_id)
    except ValueError as exc:
        raise ScaffoldError(str(exc)) from None
    entry = book.resolve(playbook_id)
    if entry is not None:
        how = "the id" if entry.id == playbook_id else "a former id (alias)"
        raise ScaffoldError(f"'{playbook_id}' is already {how} of {entry.rel_path}; "
                            "choose another id")
    if playbook_id in book.paths:
        raise ScaffoldError(f"'{playbook_id}' is already the id of "
                            f"{book.paths[playbook_id].rel_path}; choose another id")
    for base in (PLAYBOOKS_DIR, PATHS_DIR):  # files too broken to load still own their name
        for file in discover(book.root / base):
            if file.stem == playbook_id and file.suffix in YAML_SUFFIXES:
                rel = file.relative_to(book.root).as_posix()
                raise ScaffoldError(f"'{playbook_id}' is already used by {rel}; "
                                    "choose another id")


def _owner(book: Handbook, kind: str, given: str | None) -> tuple[str, str]:
    if given is not None:
        return given, f"owner is {given}"
    owners = Counter(e.playbook.owner for e in book.by_kind(kind))
    if not owners:
        return PLACEHOLDER_OWNER, (f"owner is {PLACEHOLDER_OWNER}: replace it with the GitHub "
                                   "team or handle that keeps this playbook correct")
    best = sorted(owners.items(), key=lambda item: (-item[1], item[0]))[0][0]
    return best, (f"owner is {best}, who owns most playbooks of this kind; change it if "
                  "someone else keeps this one")


def _check_valid(text: str, rel: str) -> None:
    """Refuse options (title, owner) that would make the new file fail ``handbook check``."""
    source, problems = load_text(text, rel)
    if source is not None:
        _playbook, more = validate_playbook(source)
        problems += more
    failing = errors(problems)
    if failing:
        raise ScaffoldError(failing[0].message)


def _title_from_id(playbook_id: str) -> str:
    return playbook_id.replace("-", " ").capitalize()


def _quoted(value: str) -> str:
    """A one-line YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)
