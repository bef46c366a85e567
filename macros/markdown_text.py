"""Make text from YAML safe to place into generated Markdown.

Playbook text is data: Markdown emphasis, lists and links are kept, but raw
HTML is shown as typed (``<`` becomes ``&lt;`` outside code) and nothing can
end the construct it is placed in (a table cell, a heading, an admonition).
The rendered page is sanitised again afterwards (:mod:`macros.sanitize`).
"""

from __future__ import annotations

import re

_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)
_ATTR_LIST = re.compile(r"\{\s*[:#.]")


def _escape_html(text: str) -> str:
    """``<`` and ``&`` outside code spans become entities; code spans stay literal."""
    out = []
    last = 0
    for match in _CODE_SPAN.finditer(text):
        out.append(_entities(text[last:match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(_entities(text[last:]))
    return "".join(out)


def _entities(text: str) -> str:
    text = re.sub(r"&(?![A-Za-z]+;|#\d+;|#x[0-9A-Fa-f]+;)", "&amp;", text)
    return text.replace("<", "&lt;")


def prose(text: str) -> str:
    """Block Markdown from YAML: keep Markdown, show HTML as text, no attribute lists."""
    return _ATTR_LIST.sub(lambda m: "\\" + m.group(0), _escape_html(text.strip()))


def inline(text: str) -> str:
    """One line of inline Markdown (titles, checklist items, headings)."""
    text = " ".join(text.split())
    text = _escape_html(text).replace("{", "\\{").replace("}", "\\}")
    if (text and text[0] in "#>+-*=") or re.match(r"\d+[.)]\s", text):
        text = "\\" + text  # would start a heading, quote or list
    return text


def cell(text: str) -> str:
    """Text for one Markdown table cell."""
    return inline(text).replace("|", "\\|")


def quoted(text: str) -> str:
    """Text inside a double-quoted admonition title."""
    return inline(text).replace('"', "&quot;")


def fence(text: str, lang: str = "text") -> str:
    """A fenced code block holding ``text`` verbatim, whatever backticks it holds."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    marks = "`" * max(3, longest + 1)
    return f"{marks}{lang}\n{text.strip()}\n{marks}"
