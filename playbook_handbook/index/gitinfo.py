"""What git knows about the playbook files: when each last changed, and why.

One ``git log`` call per build covers every file under ``playbooks/`` and
``paths/`` (a handbook may hold thousands). Without git, outside a
repository, or in a shallow clone (whose oldest commit would pass for the
date every file was added) the answer is ``None``: pages then show no dates
rather than wrong ones.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from playbook_handbook.index.handbook import PATHS_DIR, PLAYBOOKS_DIR, Entry

#: The distribution name in pyproject.toml, for the version shown in the footer.
DISTRIBUTION = "social-playbook-handbook"
_TIMEOUT = 120
_RECORD, _FIELD = "\x1e", "\x1f"


@dataclass(frozen=True)
class FileHistory:
    """The history of one file, as far as git's commits go."""

    changed: dt.date | None
    """Date of the newest commit touching the file (None if never committed)."""
    subject: str
    """That commit's subject line."""
    added: dt.date | None
    """Date of the commit that created the file at this path (None if unknown)."""
    uncommitted: bool = False
    """The working tree differs from the last commit: its date would be wrong."""
    changed_at: dt.datetime | None = None
    """Time of the newest commit, to order changes made on the same day."""


def _git(root: Path, *args: str) -> str | None:
    """Output of ``git args`` run in ``root``, or None if git is missing or fails."""
    env = dict(os.environ, GIT_NO_LAZY_FETCH="1", GIT_TERMINAL_PROMPT="0", LC_ALL="C")
    try:
        result = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=root, env=env,
                                capture_output=True, text=True, encoding="utf-8",
                                errors="replace", timeout=_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def _parse_log(output: str) -> dict[str, FileHistory]:
    """Parse ``git log -z --format=<RS>%cI<US>%s --name-status`` output, newest first.

    A path's history ends (going back) where it was deleted or renamed away, so a
    file re-created at an old path counts as added when it was re-created.
    """
    newest: dict[str, tuple[dt.datetime, str]] = {}
    oldest: dict[str, tuple[dt.datetime, str]] = {}
    done: set[str] = set()  # creation (or removal) seen: older records are another file
    for record in output.split(_RECORD):
        header, _, changes = record.partition("\0")
        if _FIELD not in header:
            continue
        when_text, subject = header.split(_FIELD, 1)
        try:
            when = dt.datetime.fromisoformat(when_text.strip())
        except ValueError:
            continue
        tokens = [t for t in changes.lstrip("\n").split("\0") if t]
        index = 0
        while index < len(tokens):
            status = tokens[index][:1]
            width = 2 if status in ("R", "C") else 1
            paths = tokens[index + 1:index + 1 + width]
            index += 1 + width
            if not paths:
                continue
            if status in ("R", "D"):
                done.add(paths[0])
            path = paths[-1]
            if status == "D" or path in done:
                continue
            newest.setdefault(path, (when, subject.strip()))
            oldest[path] = (when, status)
            if status in ("A", "R", "C"):
                done.add(path)
    history = {}
    for path, (when, subject) in newest.items():
        first, status = oldest[path]
        history[path] = FileHistory(when.date(), subject,
                                    first.date() if status == "A" else None, changed_at=when)
    return history


def file_history(root: Path) -> dict[str, FileHistory] | None:
    """History of every playbook and path file under ``root``, keyed by posix path
    relative to ``root``; None when git cannot tell (no git, no repository, shallow)."""
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    if shallow is None or shallow.strip() != "false":
        return None
    log = _git(root, "log", "-z", "--topo-order", "--relative", f"--format={_RECORD}%cI{_FIELD}%s",
               "--name-status", "--", PLAYBOOKS_DIR, PATHS_DIR)
    if log is None:
        return {}  # a repository without commits yet
    history = _parse_log(log)
    dirty = _git(root, "diff", "--name-only", "-z", "--relative", "HEAD", "--",
                 PLAYBOOKS_DIR, PATHS_DIR)
    for path in (dirty or "").split("\0"):
        if path:
            history[path] = FileHistory(None, "", None, uncommitted=True)
    return history


@dataclass(frozen=True)
class Change:
    """A playbook committed within the "What's new" window."""

    entry: Entry
    history: FileHistory
    added: bool
    """The file was created within the window (otherwise it changed)."""


def recent_changes(entries: Iterable[Entry], history: dict[str, FileHistory],
                   today: dt.date, days: int) -> list[Change]:
    """Playbooks whose last commit lies in the ``days`` days up to ``today``, newest first."""
    start = today - dt.timedelta(days=days)
    found = []
    for entry in entries:
        known = history.get(entry.rel_path)
        if known is None or known.changed is None or not start <= known.changed <= today:
            continue
        added = known.added is not None and known.added >= start
        found.append(Change(entry, known, added))
    found.sort(key=lambda c: c.entry.playbook.title.casefold())
    found.sort(key=lambda c: (c.history.changed, c.history.changed_at), reverse=True)
    return found


def handbook_version(root: Path) -> str | None:
    """The nearest git tag (``git describe --tags``), else the installed package version."""
    described = _git(root, "describe", "--tags")
    if described and described.strip():
        return described.strip()
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return None


_EDIT_URI = re.compile(r"^(?P<lead>(?:-/)?)(?:edit|blob|tree)/(?P<branch>[^/]+)/(?P<docs>.*)$")


def history_url(repo_url: str | None, edit_uri: str | None, rel_to_docs: str) -> str | None:
    """``<repo_url>/commits/<branch>/<path>`` for a file, with the branch and folder
    taken from ``edit_uri`` (``edit/main/docs/``) just as the edit link does; None
    when the repository address or branch is unknown."""
    if not repo_url or not edit_uri:
        return None
    match = _EDIT_URI.match(edit_uri.strip("/") + "/")
    if match is None:
        return None
    path = os.path.normpath(os.path.join(match["docs"] or ".", rel_to_docs)).replace(os.sep, "/")
    if path.startswith("../") or path == "..":
        return None
    return f"{repo_url.rstrip('/')}/{match['lead']}commits/{match['branch']}/{path}"
