"""The base revision of a diff: which commit, and its content in a temp folder.

Only the content folders are taken from git (``git archive``), so the base is
loaded by the same loader as the working tree. In a shallow clone a missing
base is fetched once; if it is still missing, :class:`BaseError` says in one
sentence what to fetch.
"""

from __future__ import annotations

import io
import os
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

from playbook_handbook.index.definitions import DEFINITIONS_DIR
from playbook_handbook.sitemap import PATHS_DIR, PLAYBOOKS_DIR
from playbook_handbook.translate.document import english_file, translation_language
from playbook_handbook.translate.pages import ROOT_PAGES

#: Folders and files whose content readers see: playbooks, paths and the shared
#: definitions (severity scale, crisis roles, holding statements, vocabularies)
#: they render from, the hand-written pages in docs/ and the contributor guide
#: (a page of the site too), with their translations; any of these that exists
#: at the base is taken.
CONTENT_PATHS: tuple[str, ...] = (PLAYBOOKS_DIR, PATHS_DIR, DEFINITIONS_DIR, "docs",
                                  *ROOT_PAGES)
#: Branches tried, in order, for the default base (after origin/HEAD).
DEFAULT_BRANCHES = ("origin/main", "origin/master", "main", "master")
_TIMEOUT = 300
_HOW_TO_FETCH = ("fetch the full history (git fetch --unshallow, or fetch-depth: 0 "
                 "in actions/checkout)")


class BaseError(Exception):
    """The base revision cannot be used; the message is one sentence for the user."""


@dataclass(frozen=True)
class Base:
    rev: str  # as the user named it, or the default chosen
    commit: str  # full hash
    how: str  # how it was chosen, for the report's first line


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0", LC_ALL="C")
    try:
        return subprocess.run(["git", *args], cwd=root, env=env, capture_output=True,
                              text=True, encoding="utf-8", errors="replace",
                              timeout=_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        return subprocess.CompletedProcess(["git", *args], 128, "", str(exc))


def _out(root: Path, *args: str) -> str | None:
    result = _git(root, *args)
    return result.stdout.strip() if result.returncode == 0 else None


def _commit(root: Path, rev: str) -> str | None:
    if rev.startswith("-"):
        return None  # never an option to git
    return _out(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")


def _shallow(root: Path) -> bool:
    return _out(root, "rev-parse", "--is-shallow-repository") == "true"


def _has_origin(root: Path) -> bool:
    return _out(root, "remote", "get-url", "origin") is not None


def resolve(root: Path, rev: str | None) -> Base:
    """The commit to compare with: ``rev``, or by default the merge base of HEAD and
    the default branch, else ``HEAD~1``."""
    if _out(root, "rev-parse", "--show-toplevel") is None:
        raise BaseError(f"{root.resolve()} is not in a git repository; handbook diff "
                        "compares the working tree with a git revision")
    if _commit(root, "HEAD") is None:
        raise BaseError("this repository has no commits yet, so there is nothing to "
                        "compare with")
    return _named(root, rev) if rev is not None else _default(root)


def _named(root: Path, rev: str) -> Base:
    commit = _commit(root, rev)
    # Fetched by name only: a refspec ("a:b") would also write a local branch.
    if commit is None and _has_origin(root) and not rev.startswith("-") and ":" not in rev:
        _git(root, "fetch", "--quiet", "--no-tags", "origin",
             rev.removeprefix("origin/"))
        commit = _commit(root, rev)
    if commit is not None:
        return Base(rev, commit, rev)
    if _shallow(root):
        raise BaseError(f"--base '{rev}' is not in this shallow clone; fetch it "
                        f"(git fetch origin {rev.removeprefix('origin/')}) or {_HOW_TO_FETCH}")
    raise BaseError(f"--base '{rev}' is not a commit of this repository; name a branch, "
                    "tag or commit, e.g. --base main")


def default_branch(root: Path) -> str | None:
    """``origin/<default>`` from origin/HEAD, else the first of main and master found."""
    head = _out(root, "symbolic-ref", "--quiet", "refs/remotes/origin/HEAD")
    candidates = [head.removeprefix("refs/remotes/")] if head else []
    for branch in [*candidates, *DEFAULT_BRANCHES]:
        if _commit(root, branch) is not None:
            return branch
    return None


def _default(root: Path) -> Base:
    branch = default_branch(root)
    if branch is not None:
        merge_base = _out(root, "merge-base", "HEAD", branch)
        if merge_base is None and _shallow(root):
            _git(root, "fetch", "--quiet", "--no-tags", "--deepen=200", "origin")
            merge_base = _out(root, "merge-base", "HEAD", branch)
            if merge_base is None:
                raise BaseError(f"the merge base of HEAD and {branch} is not in this "
                                f"shallow clone; {_HOW_TO_FETCH}")
        if merge_base is not None:
            return Base(branch, merge_base, f"the merge base of HEAD and {branch}")
    parent = _commit(root, "HEAD~1")
    if parent is None and _shallow(root):
        _git(root, "fetch", "--quiet", "--no-tags", "--deepen=1", "origin")
        parent = _commit(root, "HEAD~1")
        if parent is None:
            raise BaseError(f"HEAD~1 is not in this shallow clone; {_HOW_TO_FETCH}")
    if parent is None:
        raise BaseError("HEAD has no parent commit and there is no main or master branch "
                        "to compare with; pass --base REV")
    return Base("HEAD~1", parent, "HEAD~1")


def materialise(root: Path, base: Base, dest: Path) -> Path:
    """Write the base's content folders under ``dest``; return the handbook root there."""
    prefix = _out(root, "rev-parse", "--show-prefix") or ""  # the handbook's folder in git
    top = Path(_out(root, "rev-parse", "--show-toplevel") or root)
    wanted = [f"{prefix}{name}" for name in CONTENT_PATHS]
    # -z: names as they are (git quotes a non-ASCII name it lists otherwise)
    present = _out(top, "ls-tree", "-z", "--name-only", base.commit, "--", *wanted) or ""
    folders = [name for name in present.split("\0") if name]
    listing = _out(top, "ls-tree", "-z", "--name-only", f"{base.commit}:{prefix}") or ""
    folders += [f"{prefix}{name}" for name in listing.split("\0")  # CONTRIBUTING.tr.md
                if translation_language(Path(name)) and english_file(Path(name)).name
                in ROOT_PAGES]
    if folders:
        result = subprocess.run(["git", "archive", "--format=tar", base.commit, "--", *folders],
                                cwd=top, capture_output=True, timeout=_TIMEOUT, check=False)
        if result.returncode != 0:
            raise BaseError(f"git could not read the content of {base.rev}: "
                            f"{result.stderr.decode(errors='replace').strip()}")
        _extract(result.stdout, dest)
    handbook_root = dest / prefix
    handbook_root.mkdir(parents=True, exist_ok=True)
    return handbook_root


def _extract(archive: bytes, dest: Path) -> None:
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        for member in tar.getmembers():
            if not (member.isfile() or member.isdir()):
                continue  # links in the content are not followed into the base
            target = (dest / member.name).resolve()
            if not target.is_relative_to(dest.resolve()):
                continue
            if member.isdir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            source = tar.extractfile(member)
            if source is not None:
                target.write_bytes(source.read())
