"""Hand-written pages in another language: ``docs/x.tr.md`` is the Turkish ``docs/x.md``.

A translation names the English text it was made from in its front matter,
``made_from: <fingerprint>`` (:func:`playbook_handbook.translate.fingerprint.fingerprint`
of the whole English file); when the English file changes, the translation is
stale. Read by the site (:mod:`playbook_handbook.site.page_translations`) and by
``handbook check``, ``stale`` and ``translated``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

import yaml

from playbook_handbook.translate.fingerprint import fingerprint
from playbook_handbook.translate.overlay import SOURCE_LANGUAGE, TranslationState

#: The front matter key that records the English text a translation was made from.
MADE_FROM = "made_from"
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\r?\n(.*?)^(?:-{3}|\.{3})[ \t]*$", re.S | re.M)


def made_from(text: str) -> str | None:
    """The ``made_from`` of a page's front matter, as written (``0123`` stays a string)."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return None
    try:
        meta = yaml.load(match.group(1), Loader=yaml.BaseLoader)  # every value a string
    except yaml.YAMLError:
        return None
    value = meta.get(MADE_FROM) if isinstance(meta, dict) else None
    return value if isinstance(value, str) else None


def translation_uri(src_uri: str, language: str) -> str:
    """``x.md`` -> ``x.tr.md``."""
    stem, dot, suffix = src_uri.rpartition(".")
    return f"{stem}.{language}.{suffix}" if dot else f"{src_uri}.{language}"


def is_translation(src_uri: str, languages: Iterable[str]) -> bool:
    """True for ``x.<language>.md`` of one of ``languages`` (other than English)."""
    if not src_uri.endswith(".md"):
        return False
    inner = src_uri[:-3].rpartition(".")[2]
    return inner != src_uri[:-3] and inner in languages and inner != SOURCE_LANGUAGE


def with_made_from(translation: str, english: str) -> str:
    """``translation``'s text recording that it matches ``english`` now: its front
    matter's ``made_from`` set (added, with front matter if there is none), the
    rest unchanged. For a command that marks a page translation up to date."""
    line = f"{MADE_FROM}: {fingerprint(english)}"
    match = _FRONT_MATTER.match(translation)
    if match is None:
        return f"---\n{line}\n---\n{translation}"
    block = match.group(1)
    updated, found = re.subn(rf"^{MADE_FROM}:.*$", line, block, count=1, flags=re.M)
    if not found:
        updated = f"{block}{line}\n"
    return translation[:match.start(1)] + updated + translation[match.end(1):]


def state(english: str, translation: str | None) -> TranslationState:
    """How the translation's text (None: there is none) stands to the English text."""
    if translation is None:
        return TranslationState("missing")
    if made_from(translation) != fingerprint(english):
        return TranslationState("stale")
    return TranslationState("current")


def read(path: Path) -> str | None:
    """The text of the page file ``path``; None if it is not a readable file (a link to
    a device or a pipe would never end)."""
    try:
        if not path.is_file():
            return None
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None


def docs_states(docs_dir: Path, language: str) -> list[tuple[str, TranslationState]]:
    """Every hand-written page of ``docs_dir`` (``index.md``, ``why.md``...) with the
    state of its ``language`` translation, by path; for ``handbook stale`` and checks."""
    found: list[tuple[str, TranslationState]] = []
    for top, dirs, names in os.walk(docs_dir):
        dirs.sort()
        for name in sorted(names):
            path = Path(top, name)
            uri = path.relative_to(docs_dir).as_posix()
            if not name.endswith(".md") or name.count(".") > 1:
                continue  # translations (x.tr.md) are looked up from their page
            english = read(path)
            if english is None:
                continue
            found.append((uri, state(english, read(docs_dir / translation_uri(uri, language)))))
    return found


DOCS_DIR = "docs"


def _is_language(code: str) -> bool:
    """``tr`` or ``pt-br``, not English and not a word (``tags.print.md``)."""
    return code != SOURCE_LANGUAGE and re.fullmatch(r"[a-z]{2,3}(?:-[a-z]{2})?", code) is not None


def docs_languages(docs_dir: Path) -> set[str]:
    """The languages hand-written pages are translated into (``x.tr.md`` -> tr)."""
    found = set()
    for _top, _dirs, names in os.walk(docs_dir):
        for name in names:
            parts = name.split(".")
            if len(parts) == 3 and parts[2] == "md" and _is_language(parts[1]):
                found.add(parts[1])
    return found


def made_from_line(text: str) -> tuple[int, int]:
    """Where a page translation's ``made_from`` is (1:1 when it has none)."""
    match = _FRONT_MATTER.match(text)
    if match is not None:
        found = re.search(rf"^{MADE_FROM}:", match.group(1), re.M)
        if found is not None:
            return text.count("\n", 0, match.start(1) + found.start()) + 1, 1
    return 1, 1


#: Pages outside docs/ that the site shows: the contributor guide (site/contributing.py).
ROOT_PAGES = ("CONTRIBUTING.md",)


def body(text: str) -> str:
    """``text`` without its front matter."""
    match = _FRONT_MATTER.match(text)
    return text[match.end():].lstrip("\n") if match else text


def all_page_states(root: Path, language: str) -> list[tuple[str, str, TranslationState]]:
    """``(English page, its translation, state)`` from the repository root, for every
    hand-written page (``docs/``) and root page (``CONTRIBUTING.md``)."""
    found = [(f"{DOCS_DIR}/{uri}", f"{DOCS_DIR}/{translation_uri(uri, language)}", state)
             for uri, state in docs_states(root / DOCS_DIR, language)]
    for name in ROOT_PAGES:
        english = read(root / name)
        if english is not None:
            translation = translation_uri(name, language)
            found.append((name, translation, state(english, read(root / translation))))
    return found


def languages_of(root: Path) -> set[str]:
    """The languages pages are translated into, in docs/ or at the root."""
    found = docs_languages(root / DOCS_DIR)
    for name in ROOT_PAGES:
        stem = name.removesuffix(".md")
        found |= {p.name.split(".")[1] for p in root.glob(f"{stem}.*.md")
                  if p.name.count(".") == 2 and _is_language(p.name.split(".")[1])}
    return found


def orphan_pages(root: Path) -> list[tuple[str, str]]:
    """``(translation, English page it names)`` from the root for each page translation
    (``docs/x.tr.md``) whose English page does not exist: the site cannot show it."""
    languages = languages_of(root)
    found = []
    docs_dir = root / DOCS_DIR
    for top, dirs, names in os.walk(docs_dir):
        dirs.sort()
        for name in sorted(names):
            parts = name.split(".")
            if len(parts) != 3 or parts[2] != "md" or parts[1] not in languages:
                continue
            english = Path(top, f"{parts[0]}.md")
            if not english.is_file():
                found.append((Path(top, name).relative_to(root).as_posix(),
                              english.relative_to(root).as_posix()))
    return found


#: Characters a page never shows as text: control characters (escape, bell...) and the
#: direction controls that reorder what a reader sees (tabs and line ends are text).
_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def hidden_controls(text: str) -> list[tuple[int, int, str]]:
    """``(line, column, what)`` of each hidden control character in a page's ``text``."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        for match in _HIDDEN.finditer(line):
            code = ord(match.group())
            kind = "invisible direction control" if code > 0x9F else "control character"
            found.append((number, match.start() + 1, f"the {kind} U+{code:04X}"))
    return found


def template_line(text: str) -> int | None:
    """The line of a ``template:`` in a page translation's front matter, if any: a
    translation is shown in its English page's layout."""
    match = _FRONT_MATTER.match(text)
    if match is not None:
        found = re.search(r"^template\s*:", match.group(1), re.M)
        if found is not None:
            return text.count("\n", 0, match.start(1) + found.start()) + 1
    return None
