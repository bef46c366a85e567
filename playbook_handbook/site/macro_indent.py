"""Section macros on an indented line stay inside their block.

``severity_scale()``, ``holding_statement()`` and ``playbook_section()`` write
several lines of Markdown (a heading, a table, a statement). Called on an
indented line, in a note, a list item or a tab, only their first line would
have the indentation: the rest would end the block and land after it. Before
mkdocs-macros renders a page, such a call gets Jinja's ``indent`` filter for
the indentation of its line, so every line of the output stays in the block.
Calls inside ``{% raw %}`` (examples of the syntax) are left as written.
"""

from __future__ import annotations

import re

SECTION_MACROS = ("playbook_section", "severity_scale", "holding_statement")
#: A whole line that is one indented call, without filters of its own.
_CALL = re.compile(r"^(?P<indent>[ \t]+)\{\{(?P<call>\s*(?:"
                   + "|".join(SECTION_MACROS) + r")\s*\([^|{}\n]*\)\s*)\}\}[ \t]*$",
                   re.MULTILINE)
_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.DOTALL)


def indent_section_macros(markdown: str) -> str:
    """``markdown`` with each indented section-macro call indenting its own output."""
    if "{{" not in markdown:
        return markdown
    parts, start = [], 0
    for raw in _RAW.finditer(markdown):
        parts += [_CALL.sub(_indented, markdown[start:raw.start()]), raw.group()]
        start = raw.end()
    parts.append(_CALL.sub(_indented, markdown[start:]))
    return "".join(parts)


def _indented(match: re.Match[str]) -> str:
    width = len(match["indent"].expandtabs(4))
    return f"{match['indent']}{{{{{match['call']}| indent({width}) }}}}"
