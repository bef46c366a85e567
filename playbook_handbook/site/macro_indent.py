"""Section macros on an indented line stay inside their block, and stay HTML.

``severity_scale()``, ``holding_statement()`` and ``playbook_section()`` write
Markdown headings (for the page's table of contents) between blocks of HTML (a
table, a statement). At the start of a line Markdown leaves such HTML alone;
indented, in a note, a list item or a tab, Markdown would read it as text,
convert what the YAML says (``# tag`` at the start of a template line would
become a heading) and end the block at the first unindented line. Before
mkdocs-macros renders a page, such a call gets the ``placed_block`` filter
(registered in ``macros/main.py``, doing :func:`placed`): its headings stay
Markdown at the call's indentation, and each HTML block is held aside and put in
its place once Markdown is done (:mod:`playbook_handbook.site.fragments`), as
``playbook_list()`` always is. Calls inside ``{% raw %}`` (examples of the
syntax) are left as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

SECTION_MACROS = ("playbook_section", "severity_scale", "holding_statement")
#: The Jinja filter an indented section-macro call gets.
FILTER = "placed_block"
#: A whole line that is one indented call, without filters of its own.
_CALL = re.compile(r"^(?P<indent>[ \t]+)\{\{(?P<call>\s*(?:"
                   + "|".join(SECTION_MACROS) + r")\s*\([^|{}\n]*\)\s*)\}\}[ \t]*$",
                   re.MULTILINE)
_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.DOTALL)


def place_indented_section_macros(markdown: str) -> str:
    """``markdown`` with each indented section-macro call placed as one HTML block."""
    if "{{" not in markdown:
        return markdown
    parts, start = [], 0
    for raw in _RAW.finditer(markdown):
        parts += [_CALL.sub(_placed, markdown[start:raw.start()]), raw.group()]
        start = raw.end()
    parts.append(_CALL.sub(_placed, markdown[start:]))
    return "".join(parts)


def _placed(match: re.Match[str]) -> str:
    width = len(match["indent"].expandtabs(4))
    return f"{match['indent']}{{{{{match['call']}| {FILTER}({width}) }}}}"


def placed(output: str, hold: Callable[[str], str], width: int) -> str:
    """A section macro's ``output`` for a line indented by ``width``: each heading line
    as it is, each run of HTML between them replaced by ``hold(html)`` (a placeholder),
    one per paragraph, every line after the first indented. A line is a heading only
    between HTML elements: inside one (a code block, a statement) a line starting with
    ``#`` is YAML text and stays HTML."""
    parts: list[str] = []
    html: list[str] = []
    depth = _Depth()
    for line in output.split("\n"):
        if line.startswith("#") and depth.open == 0:
            if html:
                parts.append(hold("\n".join(html)))
                html.clear()
            parts.append(line)
        elif line.strip() or html:
            html.append(line)
            depth.feed(line + "\n")
    if html:
        parts.append(hold("\n".join(html)))
    return ("\n\n" + " " * width).join(parts)


class _Depth(HTMLParser):
    """How many elements of the HTML fed so far are open (void elements never are)."""

    _VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                       "meta", "source", "track", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:  # noqa: ARG002
        if tag not in self._VOID:
            self.open += 1

    def handle_endtag(self, tag: str) -> None:
        if tag not in self._VOID:
            self.open = max(0, self.open - 1)
