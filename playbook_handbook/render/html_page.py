"""Render generated pages straight to HTML through Jinja templates.

Every generated page (playbooks, categories, paths, crisis cards, lists) is
HTML in ``render/templates/`` (``playbook.html``, ``pages/*.html``); only the
text typed into the YAML goes through Markdown, the fixed subset of
:mod:`playbook_handbook.render.text_html`. The plugin hands the result to MkDocs
as the page's content, with its table of contents: MkDocs converts no
Markdown for them (a long generated Markdown page cost it about 30 ms).

Every value a template prints goes through :func:`finalize`: text that no
filter has made safe is shown as plain text (titles, names, owners), so YAML
text can never open HTML or end the element it sits in. Markdown fields use
the ``prose``, ``inline``, ``cell`` and ``lead`` filters.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.utils import get_relative_url

from playbook_handbook import sitemap
from playbook_handbook.mkdocs_compat import TocSettings, page_url
from playbook_handbook.render import locale, text_markdown
from playbook_handbook.render.links import Anchors, not_a_theme_id, quote_url
from playbook_handbook.render.text_html import TextToHtml, code_block, plain

_TAG = re.compile(r"<[^>]+>")
_ID = re.compile(r'\sid="([^"]+)"')
_FIXED_HEADING = re.compile(r'heading\(\d, (?:_\()?"[^"]*"\)?, "([a-z0-9-]+)"\)')
TEMPLATES = Path(__file__).parent / "templates"
#: Ids the playbook templates give their own section headings (``heading(2, _("Steps"),
#: "steps")``): an anchor made from YAML text never takes one, whichever comes first on
#: the page. The other pages (``templates/pages/``) each reserve their own.
SECTION_IDS = frozenset(
    match for template in TEMPLATES.rglob("*.html") if template.parent.name != "pages"
    for match in _FIXED_HEADING.findall(template.read_text(encoding="utf-8")))


def reserved_ids(template: jinja2.Template) -> frozenset[str]:
    """The ids a page's fixed headings keep: a generated page's own, else the playbook's."""
    name = template.name or ""
    if not name.startswith("pages/") or template.filename is None:
        return SECTION_IDS
    return frozenset(_FIXED_HEADING.findall(Path(template.filename).read_text("utf-8")))


@dataclass
class RenderedPage:
    """A generated page: front matter for MkDocs, the HTML body and its headings."""

    front_matter: str
    html: str
    toc: list[dict[str, Any]] = field(default_factory=list)

    @property
    def markdown(self) -> str:
        """What MkDocs reads as the page source: front matter only."""
        return self.front_matter

    def anchor_ids(self) -> set[str]:
        """Every id on the page, for MkDocs' check of links to ``page#anchor``."""
        return set(_ID.findall(self.html))


def safe_url(value: str) -> Markup:
    """A validated http(s) address, quoted for an ``href`` attribute."""
    return Markup(html.escape(quote_url(value), quote=True))


class PageState:
    """What one page render collects: its headings and the ids already used."""

    def __init__(self, renderer: HtmlRenderer, page_uri: str, *, embedded: bool,
                 reserved: frozenset[str] = SECTION_IDS):
        self.settings = renderer
        self.page_url = page_url(page_uri, renderer.directory_urls)
        self.embedded = embedded
        self.headings: list[dict[str, Any]] = []
        #: Every id on the page: step anchors and heading ids share one namespace.
        self.anchors = Anchors(reserved=reserved)
        self.ids = self.anchors.used

    def link(self, to_uri: str) -> Markup:
        """The URL of docs file ``to_uri`` relative to this page."""
        return Markup(get_relative_url(page_url(to_uri, self.settings.directory_urls),
                                       self.page_url))

    def anchor(self, text: str, fallback: str) -> str:
        """A stable id for a heading titled ``text``, unique on the page."""
        return self.anchors.new(text, fallback)

    def heading(self, level: int, title: Any, id: str | None = None,
                prefix: str = "") -> Markup:
        """An ``<hN>`` with a permalink, recorded for the table of contents.

        ``title`` is YAML text (shown as plain text) or safe HTML. Without
        ``id``, one is made as the Markdown ``toc`` extension would. On a
        hand-written page (a ``playbook_section`` macro) the heading is written
        as Markdown, so it joins that page's own table of contents.
        """
        inner = Markup(html.escape(prefix, quote=False)) + (
            title if isinstance(title, Markup) else plain(title))
        bare = html.unescape(_TAG.sub("", inner))
        if id is None:
            id = base = not_a_theme_id(self.settings.toc.slugify(bare, "-")) or "section"
            n = 1
            while id in self.ids or id in self.anchors.reserved:  # a later section's id
                id, n = f"{base}_{n}", n + 1
        self.ids.add(id)
        if self.embedded:
            return Markup(f"\n{'#' * level} {text_markdown.plain(bare)} {{#{id}}}\n\n")
        self.headings.append({"level": level, "id": id,
                              "name": html.escape(bare, quote=False)})
        link, toc = "", self.settings.toc
        if toc.permalink is not None:
            link = (f'<a class="{html.escape(toc.permalink_class)}" href="#{id}" '
                    f'title="{html.escape(toc.permalink_title)}">{html.escape(toc.permalink)}</a>')
        return Markup(f'<h{level} id="{id}">{inner}{link}</h{level}>')


class HtmlRenderer:
    """The Jinja environment of the HTML templates and the page-level calls."""

    def __init__(self, loader: jinja2.BaseLoader, bytecode_cache: jinja2.BytecodeCache | None,
                 text: TextToHtml, filters: dict[str, Any], globals: dict[str, Any],
                 *, directory_urls: bool = True, toc_config: dict[str, Any] | None = None,
                 language: str = "en"):
        self.text = text
        self.directory_urls = directory_urls
        self.toc = TocSettings.from_config(toc_config)
        self.env = jinja2.Environment(
            loader=loader,
            extensions=["jinja2.ext.i18n"],
            bytecode_cache=bytecode_cache,
            # finalize() turns every value into Markup; autoescape keeps macro
            # output (Markup) from being escaped again.
            autoescape=True,
            finalize=self.finalize,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(filters)
        self.env.filters.update(
            prose=text.block, inline=text.inline, cell=text.cell, lead=text.lead,
            code=code_block, url=safe_url, plain=plain,
        )
        self.env.globals.update(globals)
        locale.install(self.env, language)

    def finalize(self, value: Any) -> Any:
        if isinstance(value, Markup):
            return value
        if value is None:
            return ""
        if isinstance(value, (int, float, dt.date)):
            return Markup(value)
        return plain(value)

    def render(self, template: str, page_uri: str, *, embedded: bool = False,
               **context: Any) -> tuple[str, PageState]:
        """Template ``template`` for the docs file ``page_uri``: its HTML and what it collected."""
        module, state = self._module(template, page_uri, embedded, context)
        return str(module), state

    def page(self, template: str, page_uri: str, **context: Any) -> RenderedPage:
        """A whole generated page: the template's ``front_matter`` (a ``{% set %}``
        block), its HTML and its headings."""
        module, state = self._module(template, page_uri, False, context)
        return RenderedPage(str(getattr(module, "front_matter", "")), str(module),
                            state.headings)

    def _module(self, template: str, page_uri: str, embedded: bool,
                context: dict[str, Any]) -> tuple[Any, PageState]:
        found = self.env.get_template(template)
        state = PageState(self, page_uri, embedded=embedded, reserved=reserved_ids(found))
        book = self.env.globals["book"]
        module = found.make_module(dict(
            page_uri=page_uri, link=state.link, anchor=state.anchor, heading=state.heading,
            playbook_url=lambda playbook_id: state.link(book.require(playbook_id).page_uri),
            card_uri=sitemap.card_page, embedded=embedded, **context))
        return module, state
