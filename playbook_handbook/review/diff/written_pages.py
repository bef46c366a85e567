"""Hand-written pages (``docs/*.md``, their translations included) that changed.

The contributor guide (``CONTRIBUTING.md``, a page of the site too) is one of
them. A page is compared block by block: the text between blank lines, each block
labelled by the heading it is under, so a reviewer sees which part of the page
to read again. Blocks that only moved or were re-wrapped are not listed. Of
the front matter only ``title:`` reaches readers (the navigation); the rest,
such as a translation's ``made_from`` fingerprint, is not compared.
"""

from __future__ import annotations

import difflib
import functools
import re
from pathlib import Path

from playbook_handbook.load.links import inside_repository
from playbook_handbook.review.diff.report import FieldChange, WrittenPageChange
from playbook_handbook.review.diff.words import same_words, word_diff
from playbook_handbook.translate.document import english_file, translation_language
from playbook_handbook.translate.pages import ROOT_PAGES

#: Moved blocks are found only in a changed part of a page up to this many blocks a side.
MATCH_BLOCKS = 400
_BLANK = re.compile(r"\n[ \t]*\n")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<meta>.*?\n)---[ \t]*\n", re.DOTALL)
_META_TITLE = re.compile(r"^title:.*$", re.MULTILINE)
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*(?:\{[^}]*\})?\s*#*\s*$")


@functools.lru_cache(maxsize=4)
def page_texts(root: Path) -> dict[str, str]:
    """Every hand-written page under ``root``: ``docs/**/*.md`` and the contributor
    guide with its translations, by path from the root, as :func:`read_page` reads
    them; read once per diff run and side (:func:`read_afresh` forgets them; callers
    do not change the mapping)."""
    files = sorted((root / "docs").rglob("*.md")) if (root / "docs").is_dir() else []
    files += sorted(file for file in root.glob("*.md")
                    if file.name in ROOT_PAGES or translation_language(file)
                    and english_file(file).name in ROOT_PAGES)
    texts = {}
    for file in files:
        text = read_page(file, root)
        if text is not None:
            texts[file.relative_to(root).as_posix()] = text
    return texts


def read_afresh() -> None:
    """Forget the pages read by an earlier run in this process (tests run many)."""
    page_texts.cache_clear()


def read_page(file: Path, root: Path) -> str | None:
    """The text of the page ``file``; None if it cannot be read, or is a link that does
    not lead to a ``.md`` file inside ``root`` and outside ``.git`` (what it leads to
    would reach a pull-request comment: in CI ``.git/config`` holds a token, and
    ``/dev/zero`` never ends)."""
    if not inside_repository(file, root):
        return None
    try:
        target = file.resolve()
        if target.suffix.lower() != ".md" or not target.is_file():
            return None
        return target.read_text(encoding="utf-8", errors="replace")
    except (OSError, RuntimeError):  # RuntimeError: a loop of links (Python < 3.13)
        return None


def written_page_changes(before: dict[str, str], after: dict[str, str]) -> list[WrittenPageChange]:
    """Each page (path from the root -> text) added, removed or with changed blocks."""
    found = []
    for file in sorted({*before, *after}):
        old, new = before.get(file), after.get(file)
        if old is None and new is not None:
            found.append(WrittenPageChange(file, _title(new, file), "added"))
        elif new is None and old is not None:
            found.append(WrittenPageChange(file, _title(old, file), "removed"))
        elif old is not None and new is not None:
            fields = _blocks_changed(old, new)
            if fields:
                found.append(WrittenPageChange(file, _title(new, file), "changed", fields))
    return found


def _title(text: str, rel: str) -> str:
    for block in _blocks(text):
        match = _HEADING.match(block[1].splitlines()[0])
        if match and len(match[1]) == 1:
            return match[2]
    return rel


def _blocks(text: str) -> list[tuple[str, str]]:
    """``(heading it is under, block)`` for each block of text between blank lines,
    after the front matter's ``title:`` line if it has one."""
    text = text.replace("\r\n", "\n")
    found: list[tuple[str, str]] = []
    front = _FRONT_MATTER.match(text)
    if front:
        text = text[front.end():]
        title = _META_TITLE.search(front["meta"])
        if title:
            found.append(("Front matter", title.group()))
    under = "Top of the page"
    for block in _BLANK.split(text):
        block = block.strip("\n")
        if not block.strip():
            continue
        match = _HEADING.match(block.splitlines()[0])
        if match:
            under = match[2]
        found.append((under, block))
    return found


def _changed_runs(before: list[str], after: list[str]) -> list[tuple[int, int, int, int]]:
    """``(i1, i2, j1, j2)`` for each run of blocks ``before[i1:i2]`` that became
    ``after[j1:j2]``. Blocks that moved are matched only in a changed part of at most
    :data:`MATCH_BLOCKS` blocks a side: matching costs time that grows with the cube
    of the number of repeated blocks (a hostile page could keep CI busy for hours);
    a longer changed part is compared block by block in order."""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end_before, end_after = len(before), len(after)
    while end_before > start and end_after > start \
            and before[end_before - 1] == after[end_after - 1]:
        end_before, end_after = end_before - 1, end_after - 1
    if max(end_before, end_after) - start > MATCH_BLOCKS:
        return [(start, end_before, start, end_after)]
    matcher = difflib.SequenceMatcher(None, before[start:end_before], after[start:end_after],
                                      autojunk=False)
    return [(i1 + start, i2 + start, j1 + start, j2 + start)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _blocks_changed(old: str, new: str) -> list[FieldChange]:
    before, after = _blocks(old), _blocks(new)
    words_before = [" ".join(b.split()) for _, b in before]
    words_after = [" ".join(b.split()) for _, b in after]
    fields = []
    for i1, i2, j1, j2 in _changed_runs(words_before, words_after):
        olds, news = before[i1:i2], after[j1:j2]
        for index in range(max(len(olds), len(news))):
            was = olds[index] if index < len(olds) else None
            now = news[index] if index < len(news) else None
            label = f"Under '{(now or was)[0]}'"  # type: ignore[index]  # one of them is there
            if was is None and now is not None:
                fields.append(FieldChange((j1 + index,), label, "added", after=now[1]))
            elif now is None and was is not None:
                fields.append(FieldChange((i1 + index,), label, "removed", before=was[1]))
            elif was is not None and now is not None and not same_words(was[1], now[1]):
                fields.append(FieldChange((j1 + index,), label, "changed", was[1], now[1],
                                          word_diff(was[1], now[1])))
    return fields
