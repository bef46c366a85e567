"""The scale benchmark's baseline: each playbook page written as a person would in Markdown.

``markdown_templates/`` is the handbook's playbook page as Markdown, for the
plain MkDocs build the handbook is measured against. It is rendered with the
handbook's own filters and globals, except that YAML text, which MkDocs then
converts with every extension, is first made inert for Markdown: rendered by
the handbook's one path for YAML text (``render/text_html.py``), then every
ASCII punctuation mark of its text written as a character reference.
``tests/test_benchmark_baseline.py`` checks that it shows the words the HTML
templates show.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import string
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from playbook_handbook.index.handbook import Entry
from playbook_handbook.render import locale
from playbook_handbook.render.links import Anchors, quote_url
from playbook_handbook.render.pages import Renderer
from playbook_handbook.render.text_html import TextToHtml
from playbook_handbook.render.text_markdown import plain

TEMPLATES = Path(__file__).parent / "markdown_templates"
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
_PUNCTUATION = {ord(c): f"&#{ord(c)};" for c in string.punctuation}


def protect(fragment: str) -> str:
    """An HTML fragment made by ``text_html`` made inert inside a Markdown page: its
    text shows as it is; no ``|`` ends a table cell."""
    parts = _TAG_OR_TEXT.split(fragment)
    for i, part in enumerate(parts):
        if i % 2:
            parts[i] = part.replace("|", "&#124;")
        elif part:
            parts[i] = html.unescape(part).translate(_PUNCTUATION)
    return "".join(parts)


def fence(text: str, lang: str = "text") -> str:
    """A fenced code block holding ``text`` verbatim, whatever backticks it holds."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    marks = "`" * max(3, longest + 1)
    return f"{marks}{lang}\n{text.strip()}\n{marks}"


def _finalize(value: Any) -> Any:
    """Any value a Markdown template prints unfiltered is plain text."""
    if isinstance(value, Markup) or value is None:
        return "" if value is None else value
    if isinstance(value, (int, float, dt.date)):
        return value
    return Markup(plain(value))


class MarkdownBaseline:
    """Renders ``markdown_templates/playbook.md`` for a playbook, with ``renderer``'s
    filters, globals and freshness (git history, today)."""

    def __init__(self, renderer: Renderer, templates: Path = TEMPLATES) -> None:
        self.renderer = renderer
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates),
            extensions=["jinja2.ext.i18n"],
            autoescape=True,
            finalize=_finalize,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            # Markdown uses {#id} for heading anchors, so Jinja comments are {## ##}.
            comment_start_string="{##",
            comment_end_string="##}",
        )
        text = TextToHtml()
        self.env.filters.update(renderer.env.filters)
        self.env.filters.update(
            prose=lambda v: Markup(protect(text.block(str(v)))),
            inline=lambda v: Markup(protect(text.inline(str(v)))),
            cell=lambda v, sep="<br>": Markup(protect(text.cell(str(v), sep))),
            plain=lambda v: Markup(plain(v)),
            quoted=lambda v: Markup(plain(v)),  # an admonition title: no " left to end it
            fence=lambda v, lang="text": Markup(fence(v, lang)),
            url=lambda v: Markup(quote_url(v)),
        )
        self.env.globals.update(renderer.env.globals)
        locale.install(self.env, renderer.language)

    def page(self, entry: Entry) -> str:
        """The playbook's page as Markdown, front matter included."""
        page_uri = entry.page_uri
        anchors = Anchors()

        def link(to_uri: str) -> Markup:
            return Markup(Renderer.relative(page_uri, to_uri))

        def anchor(text: str, fallback: str) -> Markup:
            """An attribute list ``{#id}`` giving a heading a stable, unique id."""
            return Markup("{#" + anchors.new(text, fallback) + "}")

        return self.env.get_template("playbook.md").render(
            page_uri=page_uri, link=link, anchor=anchor, entry=entry, pb=entry.playbook,
            playbook_url=lambda playbook_id: link(self.renderer.book.require(playbook_id).page_uri))
