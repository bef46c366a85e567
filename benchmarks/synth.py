"""Synthetic but realistic handbooks for the benchmarks: the starter content, copied.

Playbook ``n`` is starter ``n % S`` (S starters, all kinds) in copy ``n // S``.
Copy 0 keeps the starter ids, so the hand-written pages' macros still resolve;
copy ``r`` renames every id to ``<id>-<r>``, marks the title ``(copy r)`` and
points ``related`` at the same copy (references to a playbook the handbook
does not hold are dropped). Onboarding paths are copied for every complete
copy; the shared definitions (``definitions/``) once. Each copy takes its
starter's Turkish translation (``x.tr.yml``), so the Turkish edition is built
from real translations. Every file written passes ``handbook check`` (the
benchmark asserts it; a copy's retitled English makes its title translation
stale, a warning).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from playbook_handbook.index.handbook import PATHS_DIR, PLAYBOOKS_DIR, discover
from playbook_handbook.translate.collect import split
from playbook_handbook.translate.document import translation_file

REPO = Path(__file__).resolve().parent.parent
_LIST_ITEM = re.compile(r"^(\s+- (?:playbook: )?)([a-z0-9-]+)\s*$")


#: Folders besides the playbooks that a build reads: pages, theme, the macros module
#: (copied when they exist; definitions/ is copied with the playbooks).
SITE_FOLDERS = ("docs", "overrides", "macros")


def copy_id(playbook_id: str, copy: int) -> str:
    return playbook_id if copy == 0 else f"{playbook_id[:50]}-{copy}"


def _retitle(line: str, copy: int) -> str:
    if copy == 0:
        return line
    value = line[len("title: "):].rstrip("\n")
    if value.startswith('"') and value.endswith('"'):
        return f'title: {value[:-1]} (copy {copy})"\n'
    return f'title: "{value} (copy {copy})"\n' if ": " in value else \
        f"title: {value} (copy {copy})\n"


def _rewrite(text: str, copy: int, known: set[str], new_id: str) -> str:
    """A starter file's text with ids, title and references moved to ``copy``."""
    out: list[str] = []
    in_refs = False
    for line in text.splitlines(keepends=True):
        if not line.startswith((" ", "\t")):
            in_refs = line.startswith(("related:", "steps:"))
        if line.startswith("id: "):
            line = f"id: {new_id}\n"
        elif line.startswith("title: "):
            line = _retitle(line, copy)
        elif in_refs and (match := _LIST_ITEM.match(line)):
            ref = copy_id(match.group(2), copy)
            if ref not in known:
                continue
            line = f"{match.group(1)}{ref}\n"
        out.append(line)
    text = "".join(out)
    # A related: block left with no item is not a list any more.
    return re.sub(r"^related:\n(?=\S)", "", text, flags=re.M)


def make_handbook(root: Path, count: int, *, site: bool = True) -> list[Path]:
    """Write ``count`` playbooks (plus paths) under ``root``; return the YAML files.

    With ``site``, ``mkdocs.yml``, ``CONTRIBUTING.md`` and ``SITE_FOLDERS`` are copied
    too, so ``root`` builds as the real handbook does.
    """
    starters, _translations = split(discover(REPO / PLAYBOOKS_DIR))
    plan = [(n // len(starters), starters[n % len(starters)]) for n in range(count)]
    known = {copy_id(source.stem, copy) for copy, source in plan}
    files: list[Path] = []
    for copy, source in plan:
        new_id = copy_id(source.stem, copy)
        target = root / PLAYBOOKS_DIR / source.parent.name / f"{new_id}.yml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_rewrite(source.read_text(encoding="utf-8"), copy, known, new_id),
                          encoding="utf-8")
        files.append(target)
        files += _copy_translations(source, target)
    complete = count // len(starters)
    for copy in range(max(complete, 1)):
        for source in split(discover(REPO / PATHS_DIR))[0]:
            new_id = copy_id(source.stem, copy)
            target = root / PATHS_DIR / f"{new_id}.yml"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(_rewrite(source.read_text(encoding="utf-8"), copy, known, new_id),
                              encoding="utf-8")
            files.append(target)
            files += _copy_translations(source, target)
    # The shared definitions (severity scale, roles, statements, vocabularies) exist once.
    shutil.copytree(REPO / "definitions", root / "definitions", dirs_exist_ok=True)
    if site:
        for name in ("mkdocs.yml", "CONTRIBUTING.md"):  # CONTRIBUTING.md is a page too
            shutil.copy(REPO / name, root / name)
        for folder in SITE_FOLDERS:
            if (REPO / folder).is_dir():
                shutil.copytree(REPO / folder, root / folder,
                                ignore=shutil.ignore_patterns("__pycache__"))
    return files


def _copy_translations(source: Path, target: Path) -> list[Path]:
    """The Turkish translation of ``source`` (if any) beside its copy ``target``: the
    text as translated (a copy's "(copy r)" title makes its title stale, as it would be)."""
    found = translation_file(source, "tr")
    if not found.is_file():
        return []
    copied = translation_file(target, "tr")
    shutil.copy(found, copied)
    return [copied]
