"""CONTRIBUTING.md, written for GitHub, shown as a page of the site too.

The file stays at the repository root, where GitHub shows it to everyone who
opens a pull request; its links are relative to that root. On the site the
page lives at the docs root, so links into ``docs/`` become site links (which
``mkdocs build --strict`` checks) and links to other repository files point at
the file on the repository host (``repo_url``).
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from playbook_handbook.load.links import LINKS_OUT, inside_repository
from playbook_handbook.problems import Problem
from playbook_handbook.sitemap import CONTRIBUTING_PAGE
from playbook_handbook.translate.overlay import SOURCE_LANGUAGE, TranslationState
from playbook_handbook.translate.pages import body, read, state, translation_uri

FILE_NAME = "CONTRIBUTING.md"
PAGE_URI = CONTRIBUTING_PAGE
DOCS_PREFIX = "docs/"

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")
_INLINE_LINK = re.compile(r"(\]\()([^)\s]+)((?:\s+\"[^\"]*\")?\))")
_REFERENCE = re.compile(r"^( {0,3}\[[^\]]+\]:\s*)(\S+)(.*)$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_BRANCH = re.compile(r"^(?:edit|blob|tree)/([^/]+)/")


def site_markdown(text: str, root: Path, repo_url: str | None, edit_uri: str | None) -> str:
    """``text`` with its repository-relative links rewritten for the site page."""
    branch_match = _BRANCH.match(edit_uri or "")
    branch = branch_match.group(1) if branch_match else "main"

    def target(link: str) -> str:
        if _SCHEME.match(link) or link.startswith(("#", "/")):
            return link
        path, hash_, fragment = link.partition("#")
        if path.startswith(DOCS_PREFIX):
            return path[len(DOCS_PREFIX):] + hash_ + fragment
        if not repo_url:
            return link
        kind = "tree" if (root / path).is_dir() else "blob"
        return f"{repo_url.rstrip('/')}/{kind}/{branch}/{path}{hash_}{fragment}"

    def prose(line: str) -> str:
        reference = _REFERENCE.match(line)
        if reference:
            return reference.group(1) + target(reference.group(2)) + reference.group(3)
        return "".join(
            piece if index % 2 else _INLINE_LINK.sub(
                lambda m: m.group(1) + target(m.group(2)) + m.group(3), piece)
            for index, piece in enumerate(_split_code(line)))

    lines, fence = [], ""
    for line in text.splitlines(keepends=True):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            lines.append(line)
        elif opening:
            fence = opening.group(1)
            lines.append(line)
        else:
            lines.append(prose(line))
    return "".join(lines)


def _split_code(line: str) -> list[str]:
    """``line`` cut into text and code spans, alternately (text first)."""
    parts, last = [], 0
    for match in _CODE_SPAN.finditer(line):
        parts += [line[last:match.start()], match.group(0)]
        last = match.end()
    return parts + [line[last:]]


def source_file(root: Path, language: str) -> Path:
    """The file the ``language`` edition's page is made from: ``CONTRIBUTING.tr.md``
    when it exists, else ``CONTRIBUTING.md``."""
    translated = root / translation_uri(FILE_NAME, language)
    return translated if language != SOURCE_LANGUAGE and translated.is_file() \
        else root / FILE_NAME


def page(root: Path, repo_url: str | None, edit_uri: str | None,
         language: str = SOURCE_LANGUAGE) -> str | None:
    """The site page made from ``root/CONTRIBUTING.md`` (its ``language`` translation
    in that edition), or None when there is none.

    The page's macros are off: the file is plain Markdown on GitHub too.
    """
    if not (root / FILE_NAME).is_file():
        return None
    source = source_file(root, language)
    for file in {root / FILE_NAME, source}:
        if not inside_repository(file, root):
            problem = Problem(file.name, 1, 1,
                              f"{LINKS_OUT}; put the guide's own text here instead", "symlink")
            raise PluginError(problem.format_text())
    text = body(source.read_text(encoding="utf-8"))
    return "---\nrender_macros: false\n---\n\n" + site_markdown(text, root, repo_url, edit_uri)


def translation_state(root: Path, language: str) -> TranslationState:
    """How ``CONTRIBUTING.<language>.md`` stands to the English guide."""
    return state(read(root / FILE_NAME) or "", read(root / translation_uri(FILE_NAME, language)))
