"""Turn text from YAML into HTML fragments: the handbook's one rendering path for it.

Text typed into a playbook is data. It is rendered with a fixed, small subset
of Markdown (CommonMark, parsed by markdown-it-py) that does not depend on the
extensions ``mkdocs.yml`` lists, so adding an extension to the site can never
give YAML text new powers (``pymdownx.snippets`` reading files, attribute
lists setting ids, emoji fetching images).

The subset (documented in README, "The playbook format"):

* paragraphs, line breaks, ``*emphasis*``, ``**strong**``, ``~~strike~~``,
  `` `code` ``;
* links ``[text](https://...)`` to ``http``, ``https`` and ``mailto`` addresses;
* bullet and numbered lists, block quotes, fenced and indented code, tables.

Everything else is shown as typed: raw HTML, headings, rules, images,
reference definitions, ``{: attribute lists }``, ``:emoji:`` shortcodes,
``{{ templates }}``. The parser itself decides what is code and what is
text (``html=False``), so no separate escaping step can disagree with it.

One-line fields such as titles are plain text everywhere (:func:`plain`).
"""

from __future__ import annotations

import html
import re
from typing import Any

from markdown_it import MarkdownIt
from markupsafe import Markup

#: Link targets a reader can follow. Relative links (``#step``) have no scheme.
_SCHEMES = ("http:", "https:", "mailto:")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)

# Text holding none of these is shown exactly as typed: no Markdown syntax of
# the subset can start in it. Inline: emphasis, code, links, escapes,
# entities, strikethrough, autolinks, hard breaks. Block: any line that could
# start a list, quote, table or code block.
_INLINE_SYNTAX = re.compile(r"[*_`<>&\\\[\]~\"|]| {2}\n")
_BLOCK_SYNTAX = re.compile(r"^(?:\s|[>*+`~-]|\d+[.)])", re.M)
_PARAGRAPH = re.compile(r"\n\s*\n")
#: Text with more Markdown marks than this is shown as plain text: real prose of
#: 4,000 characters never has that many, while thousands of unclosed ``[`` or
#: ``*`` cost the parser time that grows with their square.
MAX_MARKS = 400
_MARKS = "[]*_`<~!\\"
_WRAPPED = re.compile(r"<p>(.*)</p>", re.DOTALL)


def _escape(text: str) -> str:
    """HTML text exactly as markdown-it escapes it (``"`` too, ``'`` not)."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def _marked(text: str) -> bool:
    """True when ``text`` holds more than :data:`MAX_MARKS` Markdown marks."""
    return len(text) > MAX_MARKS and sum(map(text.count, _MARKS)) > MAX_MARKS


def plain(text: Any) -> Markup:
    """One-line text (a title, tag or name) as HTML text: no Markdown at all."""
    return Markup(_escape(" ".join(str(text).split())))


def _validate_link(url: str) -> bool:
    url = url.strip()
    match = _SCHEME.match(url)
    return match is None or url.lower().startswith(_SCHEMES)


def parser() -> MarkdownIt:
    """The markdown-it parser of the safe subset (shared with the content checks)."""
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.disable(["image", "heading", "lheading", "hr", "reference", "html_block",
                "html_inline", "autolink"])
    md.validateLink = _validate_link
    return md


#: Conversions already made, by text, shared by every converter in the process (the
#: parser's settings are fixed): a text shown on many pages (a shared definition) or
#: in both editions (not translated yet) is converted once. Bounded: past the limit,
#: new texts are converted without being kept.
_BLOCKS: dict[str, Markup] = {}
_INLINES: dict[str, Markup] = {}
_KEEP = 200_000


class TextToHtml:
    """Markdown text from YAML to safe HTML, through one reused parser."""

    def __init__(self, *_ignored: Any) -> None:
        """Arguments are accepted (and ignored) for callers that pass the site's
        Markdown extensions: YAML text never uses them."""
        self._md = parser()

    def block(self, text: str) -> Markup:
        """Block Markdown (paragraphs, lists) as HTML."""
        found = _BLOCKS.get(text)
        if found is None:
            found = self._block(text.strip())
            if len(_BLOCKS) < _KEEP:
                _BLOCKS[text] = found
        return found

    def _block(self, text: str) -> Markup:
        if not _INLINE_SYNTAX.search(text) and not _BLOCK_SYNTAX.search(text) or _marked(text):
            return Markup("\n".join(
                f"<p>{_escape(p.strip())}</p>" for p in _PARAGRAPH.split(text) if p.strip()))
        return Markup(self._md.render(text).rstrip("\n"))

    def inline(self, text: str) -> Markup:
        """One line of inline Markdown (list items) as HTML: no block can start."""
        text = str(text)
        found = _INLINES.get(text)
        if found is None:
            found = self._inline(" ".join(text.split()))
            if len(_INLINES) < _KEEP:
                _INLINES[text] = found
        return found

    def _inline(self, text: str) -> Markup:
        if not _INLINE_SYNTAX.search(text) or _marked(text):
            return Markup(_escape(text))
        return Markup(self._md.renderInline(text))

    def cell(self, text: str, separator: str = "<br>") -> Markup:
        """Text for one table cell: paragraphs and list items become lines."""
        return Markup(separator).join(self.inline(line) for line in cell_lines(text))

    def lead(self, text: str, label: str, after: str = " ", tight: bool = False) -> Markup:
        """Block text whose first paragraph starts with ``label`` in bold, then ``after``.

        ``after`` comes from the template (trusted HTML, such as ``<br>``).
        ``tight`` (in a list item): a single paragraph loses its ``<p>``, as in
        a tight Markdown list.
        """
        start = Markup(f"<strong>{plain(label)}</strong>{after}")
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


_LIST_ITEM = re.compile(r"(?:[-*+]|(\d+)[.)])\s+")


def cell_lines(text: str) -> list[str]:
    """The lines of a table cell: one per paragraph or list item (``•`` or ``1.``)."""
    blocks: list[str] = []
    new_block = True
    for line in text.strip().splitlines():
        stripped = line.strip()
        item = _LIST_ITEM.match(stripped)
        if not stripped:
            new_block = True
        elif item:
            number = item.group(1)
            blocks.append((f"{number}. " if number else "• ") + stripped[item.end():])
            new_block = False
        elif new_block:
            blocks.append(stripped)
            new_block = False
        else:
            blocks[-1] += " " + stripped
    return blocks


def code_block(text: str) -> Markup:
    """A copyable block of text shown verbatim, as Material highlights plain text."""
    body = html.escape(text.strip(), quote=False)
    return Markup(f'<div class="highlight"><pre><span></span><code>{body}\n</code></pre></div>')
