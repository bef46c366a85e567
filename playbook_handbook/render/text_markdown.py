"""Make text from YAML safe to place into generated Markdown.

Playbook text is data: Markdown emphasis, lists and links are kept, but raw
HTML is shown as typed (``<`` becomes ``&lt;`` outside code) and nothing can
end the construct it is placed in (a table cell, a heading, an admonition).
The rendered page is sanitised again afterwards (:mod:`playbook_handbook.render.sanitize`).
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


def _one_line(text: str) -> str:
    """Inline Markdown on one line, HTML and attribute braces shown as typed."""
    return _escape_html(" ".join(text.split())).replace("{", "\\{").replace("}", "\\}")


def inline(text: str) -> str:
    """One line of inline Markdown (titles, checklist items, headings)."""
    text = _one_line(text)
    if text and text[0] in "#>+-*=":
        text = "\\" + text  # would start a heading, quote or list
    # "1. " would start a numbered list; Markdown escapes the dot, not the digit.
    return re.sub(r"^(\d+)([.)]\s)", r"\1\\\2", text)


_LIST_ITEM = re.compile(r"(?:[-*+]|(\d+)[.)])\s+")


def cell(text: str, separator: str = "<br>") -> str:
    """Text for one Markdown table cell; paragraphs and list items become lines.

    A cell holds a single line of Markdown, so a list would otherwise run
    together with its ``-`` marks showing. ``separator=" "`` keeps them on one
    run of text (where space matters more, as on a printed card).
    """
    blocks: list[str] = []
    new_block = True
    for line in text.strip().splitlines():
        stripped = line.strip()
        item = _LIST_ITEM.match(stripped)
        if not stripped:
            new_block = True
        elif item:
            number = item.group(1)
            blocks.append(f"{number}. " if number else "• ")
            blocks[-1] += stripped[item.end():]
            new_block = False
        elif new_block or not blocks:
            blocks.append(stripped)
            new_block = False
        else:
            blocks[-1] += " " + stripped
    # Inside a cell a leading "-", "#" or "1." starts nothing, so no escaping is needed.
    return separator.join(_one_line(block).replace("|", "\\|") for block in blocks)


def quoted(text: str) -> str:
    """Text inside a double-quoted admonition title."""
    return inline(text).replace('"', "&quot;")


def fence(text: str, lang: str = "text") -> str:
    """A fenced code block holding ``text`` verbatim, whatever backticks it holds."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    marks = "`" * max(3, longest + 1)
    return f"{marks}{lang}\n{text.strip()}\n{marks}"
