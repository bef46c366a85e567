"""Place text from YAML into generated Markdown pages (lists, paths, cards) as data.

MkDocs converts those pages with every extension ``mkdocs.yml`` lists, so
YAML text must reach them already rendered and inert: one-line fields become
plain text (:func:`plain`), Markdown fields are rendered to HTML by
:mod:`playbook_handbook.render.text_html` (the one rendering path for YAML
text) and then protected (:func:`protect`). Both write every ASCII punctuation
mark of the text as a numeric character reference (``&#95;`` for ``_``):
the browser shows the same character, while no Markdown syntax, attribute
list, emoji shortcode or table separator can start in it.
"""

from __future__ import annotations

import html
import re
import string

_PUNCTUATION = {ord(c): f"&#{ord(c)};" for c in string.punctuation}
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")


def _inert(text: str) -> str:
    """Decoded text with every ASCII punctuation mark as a character reference."""
    return text.translate(_PUNCTUATION)


def plain(text: object) -> str:
    """One-line text (a title, owner or name) for a Markdown page: shown exactly as typed."""
    return _inert(" ".join(str(text).split()))


def protect(fragment: str) -> str:
    """An HTML fragment made by ``text_html`` (trusted tags, escaped text) made inert
    inside a Markdown page: its text nodes show as they are; no ``|`` ends a table cell."""
    parts = _TAG_OR_TEXT.split(fragment)
    for i, part in enumerate(parts):
        if i % 2:
            parts[i] = part.replace("|", "&#124;")
        elif part:
            parts[i] = _inert(html.unescape(part))
    return "".join(parts)


def fence(text: str, lang: str = "text") -> str:
    """A fenced code block holding ``text`` verbatim, whatever backticks it holds."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    marks = "`" * max(3, longest + 1)
    return f"{marks}{lang}\n{text.strip()}\n{marks}"
