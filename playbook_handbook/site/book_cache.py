"""The loaded handbook (and git history), kept for the next build while unchanged.

Every edition of the site is built from the same YAML: the second edition's
build (and each ``mkdocs serve`` rebuild with no YAML changed) takes the
handbook the first one loaded and checked, instead of reading it again.
"""

from __future__ import annotations

import datetime as dt
import os
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from playbook_handbook.index.definitions import DEFINITIONS_DIR
from playbook_handbook.index.handbook import (
    PATHS_DIR,
    PLAYBOOKS_DIR,
    FileCache,
    Handbook,
    load_handbook,
)

#: The git history and version the first edition's build read, for the other
#: editions' builds it starts (set only while they run).
GIT: ContextVar[tuple[Any, str] | None] = ContextVar("handbook_git", default=None)
#: Parsed files, shared by every build in this process (see ``load_handbook``).
FILE_CACHE: FileCache = {}
#: The last handbook loaded per root, with the stamp of the files it was loaded from.
_BOOKS: dict[Path, tuple[tuple, Handbook]] = {}
_KEEP = 4  # roots kept (a test run builds many copies of the fixtures)


def stamp(root: Path) -> tuple:
    """Every file the handbook is loaded from, with its modification time and size,
    and the date the checks compare with (today or ``HANDBOOK_TODAY``)."""
    files = []
    for folder in (PLAYBOOKS_DIR, PATHS_DIR, DEFINITIONS_DIR):
        for top, dirs, names in os.walk(root / folder):
            dirs.sort()
            for name in sorted(names):
                path = os.path.join(top, name)
                try:
                    info = os.stat(path)
                except OSError:
                    continue
                files.append((path, info.st_mtime_ns, info.st_size))
    return (os.environ.get("HANDBOOK_TODAY"), dt.date.today(), tuple(files))


def handbook(root: Path, cache: FileCache | None = None) -> Handbook:
    """The handbook under ``root``: loaded (with ``cache``), or the one loaded last
    if none of its files has changed since."""
    root = root.resolve()
    now = stamp(root)
    kept = _BOOKS.get(root)
    if kept is not None and kept[0] == now:
        return kept[1]
    book = load_handbook(root, cache=FILE_CACHE if cache is None else cache)
    _BOOKS.pop(root, None)
    while len(_BOOKS) >= _KEEP:
        _BOOKS.pop(next(iter(_BOOKS)))
    _BOOKS[root] = (now, book)
    return book
