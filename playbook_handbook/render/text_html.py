"""Turn text from YAML into HTML fragments for the playbook page templates.

Playbook pages are rendered straight to HTML (see :mod:`playbook_handbook.render.pages`): only
the text a contributor typed goes through Markdown, one value at a time, with
the site's own Markdown extensions (minus ``toc``: headings belong to the
page). Text is first made safe by :mod:`playbook_handbook.render.text_markdown` exactly as it
would be inside a Markdown page (HTML typed into a playbook shows as text),
and most values, plain words, skip Markdown altogether.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

import markdown
from markupsafe import Markup

from playbook_handbook.render import text_markdown as markdown_text

#: Extensions used when no MkDocs configuration is given (tests, tools).
DEFAULT_EXTENSIONS = ("abbr", "admonition", "attr_list", "md_in_html", "tables",
                      "pymdownx.superfences", "pymdownx.highlight")

# Text holding none of these is shown exactly as typed: no Markdown syntax can
# start in it. Inline: emphasis, code, links and images (``](``, ``][``,
# ``]:``; a lone ``[placeholder]`` is text), HTML, entities, escapes, attribute
# lists, emoji shortcodes, hard line breaks. Block: any line that could start a
# heading, list, quote, table, code block or admonition.
_INLINE_SYNTAX = re.compile(r"[*_`<>&\\{}|~^]|\]\s?[(\[:]|:[\w+-]+:| {2}\n")
_BLOCK_SYNTAX = re.compile(r"^(?: {4}|\t|\s*(?:[#>*+=|`~-]|\d+[.)]|!!!|\?\?\?|<))", re.M)
_PARAGRAPH = re.compile(r"\n\s*\n")
_WRAPPED = re.compile(r"<p>(.*)</p>", re.DOTALL)


class TextToHtml:
    """Markdown text from YAML to safe HTML, with one reused Markdown converter."""

    def __init__(self, extensions: Iterable[Any] = DEFAULT_EXTENSIONS,
                 configs: dict[str, Any] | None = None) -> None:
        kept = [e for e in extensions if e != "toc"]
        self._md = markdown.Markdown(extensions=kept, extension_configs={
            name: config for name, config in (configs or {}).items() if name != "toc"})

    def _convert(self, text: str) -> str:
        self._md.reset()
        return self._md.convert(text)

    def block(self, text: str) -> Markup:
        """Block Markdown (paragraphs, lists) as HTML."""
        text = text.strip()
        if not _INLINE_SYNTAX.search(text) and not _BLOCK_SYNTAX.search(text):
            return Markup("\n".join(
                f"<p>{html.escape(p.strip(), quote=False)}</p>"
                for p in _PARAGRAPH.split(text) if p.strip()))
        return Markup(self._convert(markdown_text.prose(text)))

    def inline(self, text: str) -> Markup:
        """One line of inline Markdown (titles, list items) as HTML, no paragraph."""
        text = " ".join(str(text).split())
        if not _INLINE_SYNTAX.search(text):
            return Markup(html.escape(text, quote=False))
        return Markup(self._unwrap(self._convert(markdown_text.inline(text))))

    def cell(self, text: str, separator: str = "<br>") -> Markup:
        """Text for one table cell: paragraphs and list items become lines."""
        lines = markdown_text.cell(text, "\n")
        if not _INLINE_SYNTAX.search(lines):
            return Markup(separator.join(html.escape(line, quote=False)
                                         for line in lines.split("\n")))
        return Markup(self._unwrap(self._convert(lines.replace("\n", separator))))

    def lead(self, text: str, label: str, after: str = " ", tight: bool = False) -> Markup:
        """Block text whose first paragraph starts with ``label`` in bold, then ``after``.

        ``after`` comes from the template (trusted HTML, such as ``<br>``).
        ``tight`` (in a list item): a single paragraph loses its ``<p>``, as in
        a tight Markdown list.
        """
        start = Markup(f"<strong>{self.inline(label)}</strong>{after}")
        converted = self.block(text)
        if converted.startswith("<p>"):
            converted = Markup("<p>") + start + converted[3:]
        else:
            converted = Markup(f"<p>{start}</p>\n") + converted
        if tight and converted.count("<p>") == 1:
            return Markup(self._unwrap(converted))
        return converted

    @staticmethod
    def _unwrap(converted: str) -> str:
        match = _WRAPPED.fullmatch(converted)
        return match.group(1) if match else converted


def code_block(text: str) -> Markup:
    """A copyable block of text shown verbatim, as Material highlights plain text."""
    body = html.escape(text.strip(), quote=False)
    return Markup(f'<div class="highlight"><pre><span></span><code>{body}\n</code></pre></div>')
