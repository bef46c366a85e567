"""What the handbook takes from MkDocs and its plugins beyond the plugin events.

Playbook pages are rendered to HTML without MkDocs' Markdown step, so the
engine needs a few things MkDocs would otherwise work out itself: a page's
URL, the ``toc`` extension's settings, a page's table of contents and anchor
ids, and the ``/go/`` redirect map of mkdocs-redirects. Each is reached here
and nowhere else, through documented attributes and functions of MkDocs 1.6
(and ProperDocs, its drop-in fork); ``tests/test_mkdocs_compat.py`` checks
each of them on the installed versions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from markdown.extensions.toc import slugify as markdown_slugify
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

__all__ = ["get_relative_url"]  # re-exported: the one place the engine's URL helpers come from


@lru_cache(maxsize=4096)
def page_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """The URL MkDocs gives the page built from docs file ``src_uri`` (``File.url``)."""
    return File(src_uri, src_dir=None, dest_dir="", use_directory_urls=use_directory_urls).url


@dataclass(frozen=True)
class TocSettings:
    """The ``toc`` extension's options that shape headings, read from ``mkdocs.yml``."""

    permalink: str | None = None
    """The permalink's text, or None for no permalink."""
    permalink_class: str = "headerlink"
    permalink_title: str = "Permanent link"
    slugify: Callable[[str, str], str] = markdown_slugify
    depth: tuple[int, int] = (1, 6)
    """The heading levels, first and last, that join the table of contents."""

    @classmethod
    def from_config(cls, toc: Mapping[str, Any] | None) -> TocSettings:
        toc = toc or {}
        permalink = toc.get("permalink", False)
        return cls(
            permalink=None if not permalink else "¶" if permalink is True else str(permalink),
            permalink_class=toc.get("permalink_class", "headerlink"),
            permalink_title=toc.get("permalink_title", "Permanent link"),
            slugify=toc.get("slugify", markdown_slugify),
            depth=_depth(toc.get("toc_depth", 6)),
        )


def _depth(value: int | str) -> tuple[int, int]:
    """``toc_depth`` as the extension reads it: ``4`` is 1 to 4, ``"2-4"`` is 2 to 4."""
    if isinstance(value, str) and "-" in value:
        first, last = value.split("-", 1)
        return int(first), int(last)
    return 1, int(value)


def nest(headings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Flat headings in page order as the nested tokens MkDocs builds a TOC from."""
    tokens: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for heading in headings:
        token = {**heading, "children": []}
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else tokens).append(token)
        stack.append(token)
    return tokens


def set_page_headings(page: Any, headings: list[dict[str, Any]], anchor_ids: set[str],
                      depth: tuple[int, int] = (1, 6)) -> None:
    """Give an HTML page the table of contents and anchor ids MkDocs would have found.

    ``page.toc`` feeds the theme's table of contents; ``page.present_anchor_ids``
    is what MkDocs checks links to ``page#anchor`` against (``validation.anchors``).
    """
    first, last = depth
    page.toc = get_toc(nest([h for h in headings if first <= h["level"] <= last]))
    page.present_anchor_ids = anchor_ids


def add_redirects(config: Any, redirects: Mapping[str, str]) -> bool:
    """Add ``{"go/<id>.md": "playbooks/.../<id>.md"}`` entries to mkdocs-redirects' map.

    mkdocs-redirects has no API for other plugins; it reads its ``redirect_maps``
    option when the files are known, after every plugin's ``on_config``. False
    when the plugin is not listed.
    """
    plugin = config.plugins.get("redirects")
    if plugin is None:
        return False
    plugin.config["redirect_maps"].update(redirects)
    return True


def quiet_macros_plugin() -> None:
    """Keep mkdocs-macros' start-up report (seven INFO lines a build) for ``--verbose``.

    The plugin logs which module and macros it found at INFO level, with no
    option to stop it; its warnings and errors still show.
    """
    import logging

    if logging.getLogger("mkdocs").getEffectiveLevel() > logging.DEBUG:
        logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)


# -- editions (one site per language, built by one command) ----------------------


def build_edition(config: Any, site_dir: str, site_url: str | None, dirty: bool = False) -> None:
    """Build the site of ``config``'s ``mkdocs.yml`` again into ``site_dir`` (at ``site_url``).

    A fresh config is loaded from the same file, with the options the command
    line gave the first build, and built as ``mkdocs build`` does
    (``on_startup``, ``build``, ``on_shutdown``); ``dirty``: only pages whose
    sources changed. Plugins with ``on_startup`` (search, tags, handbook) are
    the same instances as in the first build: MkDocs keeps one per process;
    each build's ``on_config`` starts them afresh.
    The caller tells the nested handbook plugin which edition it builds. Uses
    the running engine: under ProperDocs, ``mkdocs.*`` imports are ProperDocs'
    own modules.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    nested = load_config(config.config_file_path, site_dir=site_dir, strict=config.strict,
                         use_directory_urls=config.use_directory_urls)
    nested.site_url = site_url
    nested.plugins.on_startup(command="build", dirty=dirty)
    try:
        build(nested, dirty=dirty)
    finally:
        nested.plugins.on_shutdown()


_SEARCH_STATE: dict[tuple[str, str], Any] = {}


@contextmanager
def edition_search_state(config: Any, language: str) -> Iterator[None]:
    """Give Material's search plugin the previous index of ``language``'s edition
    while it builds. Its one instance serves every build in the process, and a
    dirty rebuild (``mkdocs serve --dirty``) merges its pages into the index it
    kept from the build before: each edition must get its own."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None or not hasattr(search, "search_index_prev"):
        yield
        return
    key = (str(config.config_file_path), language)
    first = search.search_index_prev
    search.search_index_prev = _SEARCH_STATE.get(key)
    try:
        yield
    finally:
        _SEARCH_STATE[key] = search.search_index_prev
        search.search_index_prev = first


def translate_permalink_title(config: Any, translate: Callable[[str], str]) -> None:
    """The ``toc`` extension's permalink title (the heading anchor's tooltip) in the
    edition's language."""
    toc = config.mdx_configs.get("toc")
    if isinstance(toc, dict) and toc.get("permalink"):
        toc["permalink_title"] = translate(toc.get("permalink_title", "Permanent link"))


def set_theme_language(config: Any, language: str) -> None:
    """The theme's interface language (Material's ``theme.language``)."""
    config.theme["language"] = language


def add_theme_dir(config: Any, folder: str) -> None:
    """Let ``folder`` provide theme templates: after ``custom_dir`` (which overrides
    it), before the theme's own."""
    dirs = config.theme.dirs
    if folder not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, folder)


def set_search_languages(config: Any, languages: list[str]) -> bool:
    """The languages (stemmers, stop words) of Material's search index. Must run
    before the search plugin's ``on_config``. False when search is not listed."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None:
        return False
    search.config["lang"] = list(languages)
    return True


def add_search_field(config: Any, name: str, boost: float = 1.0) -> None:
    """Have Material's search index search the entries' ``name`` field too (unless
    mkdocs.yml already sets it). Before the search plugin's ``on_config``."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None:
        search.config["fields"].setdefault(name, {"boost": boost})


class PageLink(str):
    """A URL already relative to the page it is shown on: the theme's ``url``
    filter leaves it as it is (see :func:`keep_page_links`)."""


def keep_page_links(env: Any) -> None:
    """Make the Jinja ``url`` filter pass :class:`PageLink` values through.

    The filter reads a relative link as relative to the site root and
    normalises ``../`` at the root away, so a link from ``/tr/a/b/`` to
    ``/a/b/`` cannot be written for it; Material puts ``extra.alternate`` links
    through it in the page head and the language switch.
    """
    import jinja2

    original = env.filters["url"]
    if getattr(original, "keeps_page_links", False):
        return

    @jinja2.pass_context
    def url(context: Any, value: Any) -> Any:
        return value if isinstance(value, PageLink) else original(context, value)

    url.keeps_page_links = True  # type: ignore[attr-defined]
    env.filters["url"] = url
