"""The MkDocs plugin that turns ``playbooks/`` and ``paths/`` into pages.

Pages are virtual (``File.generated``): nothing is written into ``docs/``.
Registered as ``handbook`` through the ``mkdocs.plugins`` entry point.
"""

from __future__ import annotations

import logging
import os
import posixpath
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from playbook_handbook import sitemap
from playbook_handbook.index.definitions import DEFINITIONS_DIR
from playbook_handbook.index.gitinfo import file_history, handbook_version, history_url
from playbook_handbook.index.handbook import (
    PATHS_DIR,
    PLAYBOOKS_DIR,
    FileCache,
    Handbook,
    SettingError,
)
from playbook_handbook.mkdocs_compat import (
    add_redirects,
    add_search_field,
    add_theme_dir,
    build_edition,
    edition_search_state,
    keep_page_links,
    quiet_macros_plugin,
    set_page_headings,
    set_search_languages,
    set_theme_language,
    translate_permalink_title,
)
from playbook_handbook.model.playbook import KIND_FOLDERS
from playbook_handbook.problems import Problem, errors, neutralise
from playbook_handbook.render.html_page import RenderedPage
from playbook_handbook.render.locale import translator
from playbook_handbook.render.pages import Renderer, TemplateCache, retired_overrides
from playbook_handbook.render.sanitize import clean_html
from playbook_handbook.render.table_labels import label_cells
from playbook_handbook.site import (
    book_cache,
    contributing,
    notices,
    page_translations,
    search_excerpts,
    search_folding,
)
from playbook_handbook.site.docs_links import refuse_links_out
from playbook_handbook.site.editions import CURRENT, LANGUAGE_NAMES, Editions, translate_nav
from playbook_handbook.site.fragments import Fragments
from playbook_handbook.site.macro_indent import place_indented_section_macros
from playbook_handbook.site.page_titles import escape_title
from playbook_handbook.translate.overlay import (
    SOURCE_LANGUAGE,
    TranslationState,
    localize,
    state_of,
)

log = logging.getLogger("mkdocs.plugins.handbook")


class HandbookConfig(Config):
    root = c.Optional(c.Dir(exists=True))
    """The repository holding playbooks/ and paths/ (default: mkdocs.yml's folder)."""
    sanitize = c.Type(bool, default=True)
    """Clean every page's HTML with nh3 (leave on unless you trust every author)."""
    languages = c.ListOfItems(c.Type(str), default=[])
    """The site's editions, one per language (``[en, tr]``); none: English only."""
    default_language = c.Optional(c.Type(str))
    """The edition at the site root (default: the first language); the others are
    at ``/<language>/``."""
    nav_translations = c.Type(dict, default={})
    """``nav`` titles of each other edition: ``{tr: {Home: Ana sayfa}}``."""
    site_name_translations = c.Type(dict, default={})
    """``site_name`` of each other edition: ``{tr: Sosyal Medya Ekibinin El Kitabı}``."""


#: Compiled templates (the handbook's and the theme's), shared by every edition's build:
#: keyed by name and source checksum, so a changed template is compiled again.
_TEMPLATE_CACHE = TemplateCache()
#: Theme templates the handbook adds (the language switch); custom_dir overrides them.
THEME_DIR = Path(__file__).parent / "theme"


class GeneratedPage(File):
    """A generated page rendered when first read, rebuilt by a dirty build only when stale.

    ``mkdocs serve --dirty`` (and ``build --dirty``) rebuild a page when
    ``is_modified()``: here, when its output is missing or older than one of
    its ``sources`` (a YAML file, or a folder for list pages). Pages a dirty
    build skips are never rendered at all.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.render: Callable[[], str | RenderedPage] = str
        self.sources: tuple[Path, ...] = ()
        #: Source text set by MkDocs or another plugin; None: ask ``render``.
        self.replaced: str | None = None
        #: An HTML page's body and headings, from reading it until MkDocs converts it.
        self.rendered: RenderedPage | None = None
        #: The YAML file (``playbooks/x/y.yml``) whose translation the page shows.
        self.translated_from: str | None = None

    @classmethod
    def lazy(cls, config: MkDocsConfig, uri: str, render: Callable[[], str | RenderedPage],
             sources: tuple[Path, ...], inclusion: InclusionLevel) -> GeneratedPage:
        page = cls.generated(config, uri, content="", inclusion=inclusion)
        page.replaced, page.render, page.sources = None, render, sources
        return page

    @property
    def content_string(self) -> str:
        """The page source. An HTML page (a playbook) gives only its front matter
        here and keeps its body in ``rendered`` for ``on_page_content``: MkDocs
        has no Markdown to convert. Not cached: MkDocs reads it once a build."""
        if self.replaced is not None:
            return self.replaced
        page = self.render()
        if isinstance(page, RenderedPage):
            self.rendered = page
            return page.markdown
        return page

    @content_string.setter
    def content_string(self, value: str) -> None:
        self.replaced = value

    @property
    def content_bytes(self) -> bytes:
        return self.content_string.encode()

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self.replaced = value.decode()

    def is_modified(self) -> bool:
        try:
            built = os.stat(self.abs_dest_path).st_mtime_ns
        except OSError:
            return True
        return any(_mtime(source) > built for source in self.sources)


class HandbookPlugin(BasePlugin[HandbookConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.book: Handbook | None = None
        self.renderer: Renderer | None = None
        self.macro_problems: list[Problem] = []
        # Kept across `mkdocs serve` rebuilds and shared with the other editions'
        # builds: an unchanged YAML file is not parsed again.
        self.file_cache: FileCache = book_cache.FILE_CACHE
        self.editions = Editions.from_settings([], None, None)
        self.page_states: dict[str, TranslationState] = {}
        self.git: tuple[Any, str] | None = None
        self.files: Files | None = None
        self.template_cache = _TEMPLATE_CACHE
        self.dirty = False
        self.built = False
        self.command = ""
        self.redirect_uris: set[str] = set()
        #: Block HTML of the macros on hand-written pages (site/fragments.py).
        self.fragments = Fragments()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defined so that MkDocs keeps one plugin instance (and its caches) while serving."""
        self.dirty = dirty
        self.command = command
        quiet_macros_plugin()

    # -- loading ---------------------------------------------------------------

    @event_priority(100)  # before the search plugin reads its languages
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._set_edition(config)
        self.fragments.clear()
        root = Path(self.config.root or Path(config.config_file_path).parent).resolve()
        book = book_cache.handbook(root, self.file_cache)
        failing = errors(book.problems)
        nested = CURRENT.get() is not None  # the first edition's build has said it
        for problem in book.problems:
            if problem.severity == "warning" and not nested:
                log.info(problem.format_text())
        if failing:
            for problem in failing:
                log.error(problem.format_text())
            raise PluginError(
                f"{len(failing)} problem{'s' * (len(failing) != 1)} in the playbooks "
                "(listed above); fix them and build again")
        language = self.editions.current
        book = self.book = localize(book, language)  # the English book itself in English
        custom_dir = config.theme.custom_dir
        try:
            self.renderer = Renderer(book, Path(custom_dir) if custom_dir else None,
                                     self.template_cache,
                                     markdown_extensions=config.markdown_extensions,
                                     mdx_configs=config.mdx_configs,
                                     directory_urls=config.use_directory_urls,
                                     language=language,
                                     editions={lang: self.editions.prefix(lang)
                                               for lang in self.editions.languages})
        except SettingError as exc:  # HANDBOOK_TODAY that is not a date
            raise PluginError(neutralise(str(exc))) from None
        if not nested:
            for message in retired_overrides(Path(custom_dir) if custom_dir else None):
                log.warning(message)
        if not (self.dirty and self.built):
            # A dirty rebuild keeps the /go/ pages the first build wrote.
            self._register_redirects(config)
        self._read_git(config)
        return config

    def _set_edition(self, config: MkDocsConfig) -> None:
        """Which edition this build makes, and its language everywhere: the theme,
        the search index, the nav titles."""
        languages, default = self.config.languages, self.config.default_language
        if default is not None and languages and default not in languages:
            raise PluginError(f"handbook: default_language {default!r} is not one of "
                              f"languages {languages}")
        self.editions = Editions.from_settings(languages, default, CURRENT.get())
        add_theme_dir(config, str(THEME_DIR))
        if not self.editions.several:
            return
        language = self.editions.current
        set_theme_language(config, language)
        translate_permalink_title(config, translator(language))
        if language != SOURCE_LANGUAGE:
            # The English edition keeps mkdocs.yml's search languages: its ranking
            # is measured with them (tests/browser/questions.py, test_search.py).
            set_search_languages(config, [language])
        if language in search_folding.FOLDED_LANGUAGES:
            add_search_field(config, "body")
        titles = self.config.nav_translations.get(language)
        if titles is not None and not (isinstance(titles, dict) and all(
                isinstance(k, str) and isinstance(v, str) for k, v in titles.items())):
            raise PluginError(f"handbook: nav_translations.{language} must map each English "
                              "nav title to its translation (Home: Ana sayfa)")
        if titles and config.nav:
            config.nav = translate_nav(config.nav, titles)
        name = self.config.site_name_translations.get(language)
        if name is not None and not isinstance(name, str):
            raise PluginError(f"handbook: site_name_translations.{language} must be the "
                              "site's name in that language")
        if name:
            config.site_name = name

    def _read_git(self, config: MkDocsConfig) -> None:
        """Last-changed dates and history links for the pages; the version for the footer."""
        assert self.book is not None and self.renderer is not None
        shared = book_cache.GIT.get()  # what the first edition's build read
        history = shared[0] if shared else file_history(self.book.root)
        links = {}
        to_root = os.path.relpath(self.book.root, config.docs_dir).replace(os.sep, "/")
        for entry in [*self.book.playbooks.values(), *self.book.paths.values()]:
            target = history_url(config.repo_url, config.edit_uri,
                                 posixpath.join(to_root, entry.rel_path))
            if target is not None:
                links[entry.rel_path] = target
        self.renderer.use_history(history, links)
        config.extra.setdefault("handbook_version", shared[1] if shared else
                                handbook_version(self.book.root))
        self.git = (history, config.extra["handbook_version"])

    def _register_redirects(self, config: MkDocsConfig) -> None:
        """``/go/<id>/`` and every former id lead to the playbook's page."""
        assert self.book is not None
        maps: dict[str, str] = {}
        for entry in self.book.playbooks.values():
            maps[sitemap.go_page(entry.id)] = entry.page_uri
            for alias in entry.playbook.aliases:
                maps[sitemap.go_page(alias)] = entry.page_uri
                for folder in KIND_FOLDERS.values():
                    if f"{folder}/{alias}" != f"{entry.category}/{entry.id}":
                        maps[sitemap.playbook_page(folder, alias)] = entry.page_uri
        for path in self.book.paths.values():
            maps[sitemap.go_page(path.id)] = path.page_uri
        self.redirect_uris = set(maps)
        if not add_redirects(config, maps):
            raise PluginError("the handbook needs the 'redirects' plugin (mkdocs-redirects) "
                              "listed after 'handbook' in mkdocs.yml, for /go/<id>/ links")

    # -- pages -------------------------------------------------------------------

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.book is not None and self.renderer is not None
        book, renderer = self.book, self.renderer
        docs_dir = config.docs_dir
        generated: list[File] = []
        refuse_links_out(files, config)

        # docs/x.tr.md is x.md in the Turkish edition, and no page of its own.
        self.page_states = page_translations.use_translations(
            files, self.editions.current, {*self.editions.languages, *LANGUAGE_NAMES})
        # Hand-written files by address, looked up once per generated page.
        written = {file.src_uri: file for file in files}

        def add(uri: str, render: Callable[[], str | RenderedPage], sources: tuple[Path, ...],
                edit: Path | None, in_nav: bool) -> None:
            existing = written.get(uri)
            if existing is not None and existing.generated_by is None:
                raise PluginError(
                    f"{existing.src_uri} in docs/ has the same address as a generated page; "
                    "rename the hand-written page or the playbook id")
            inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
            file = GeneratedPage.lazy(config, uri, render, sources, inclusion)
            if edit is not None:
                file.edit_uri = os.path.relpath(edit, docs_dir).replace(os.sep, "/")
                file.translated_from = os.path.relpath(edit, book.root).replace(os.sep, "/")
            generated.append(file)

        # Each page is rendered when MkDocs reads it. `sources` are what a dirty
        # rebuild (mkdocs serve --dirty) compares with the built page: a playbook
        # or path page follows its own file; a list page follows its folder, so it
        # is rebuilt when a playbook is added, removed or renamed, and otherwise
        # keeps the titles it had (a full build refreshes every list).
        playbooks_dir, paths_dir = book.root / PLAYBOOKS_DIR, book.root / PATHS_DIR
        folders = [playbooks_dir / folder for _kind, folder, _title in book.categories]
        for uri in sorted(self.redirect_uris & written.keys()):
            if written[uri].generated_by is None:
                raise PluginError(f"{uri} in docs/ has the same address as a /go/ or "
                                  "former-id link of a playbook or path; rename the page")
        # The shared definitions (severity scale, roles, statements, vocabularies) are
        # part of every page that shows them: a crisis page and its card follow them too.
        shared = _files_under(book.root / DEFINITIONS_DIR)
        for entry in book.playbooks.values():
            follows = (entry.file, *shared) if entry.playbook.kind == "crisis-handling" else (
                entry.file,)
            add(entry.page_uri, partial(renderer.playbook_page, entry), follows,
                entry.file, False)
        for (kind, _folder, _title), folder in zip(book.categories, folders, strict=True):
            add(sitemap.category_page(folder.name), partial(renderer.category_page, kind),
                (folder,), None, True)
        add(f"{PLAYBOOKS_DIR}/index.md", renderer.all_playbooks_page, (playbooks_dir, *folders),
            None, True)
        for path in book.paths.values():
            add(path.page_uri, partial(renderer.path_page, path), (path.file,), path.file, False)
        add(f"{PATHS_DIR}/index.md", renderer.paths_index_page, (paths_dir,), None, True)
        lists = (playbooks_dir, *folders)  # pages drawn from every playbook
        add(sitemap.REVIEW_QUEUE_PAGE, renderer.review_queue_page, lists, None, True)
        add(sitemap.WHATS_NEW_PAGE, renderer.whats_new_page, lists, None, True)
        language = self.editions.current
        guide = contributing.page(book.root, config.repo_url, config.edit_uri, language)
        if guide is not None:  # CONTRIBUTING.md stays at the root, where GitHub shows it
            source = contributing.source_file(book.root, language)
            add(contributing.PAGE_URI, lambda: guide,
                (book.root / contributing.FILE_NAME, source), source, True)
            if language != SOURCE_LANGUAGE:
                self.page_states[contributing.PAGE_URI] = contributing.translation_state(
                    book.root, language)
        # Training layer: the skills map and one printable card per crisis playbook.
        add(sitemap.SKILLS_PAGE, renderer.skills_page, lists, None, True)
        for entry in book.by_kind("crisis-handling"):
            add(sitemap.card_page(entry.id), partial(renderer.card_page, entry),
                (entry.file, *shared), entry.file, False)
        for file in generated:
            files.append(file)
        self.files = files
        return files

    def macro_failed(self, page: Page, markdown: str, name: str, args: tuple,
                     message: str) -> None:
        """Record a macro called with something the handbook lacks (see on_env)."""
        needle = repr(args[0])[1:-1] if args else name
        line, column = 1, 1
        for number, text in enumerate(markdown.splitlines(), start=1):
            if name in text and needle in text:
                line, column = number, text.index(name) + 1
                break
        path = f"{Path(page.file.src_dir or 'docs').name}/{page.file.src_uri}"
        self.macro_problems.append(Problem(path, line, column, message, "macro"))

    @event_priority(100)  # before the tags plugin renders its listings
    def on_env(self, env, config: MkDocsConfig, files: Files):  # noqa: ANN001
        env.bytecode_cache = self.template_cache
        keep_page_links(env)
        if self.editions.several:  # the 404 page: each edition's home
            config.extra["alternate"] = self.editions.alternates(None)
        if self.macro_problems:
            for problem in sorted(self.macro_problems):
                log.error(problem.format_text())
            count = len(self.macro_problems)
            self.macro_problems = []
            raise PluginError(f"{count} macro call{'s' * (count != 1)} failed (listed above)")
        return env

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):  # noqa: ANN001
        if self.editions.several:  # the language switch and hreflang links of this page
            config.extra["alternate"] = self.editions.alternates(page.url)
        return context

    def on_post_build(self, config: MkDocsConfig) -> None:
        self.built = True
        index_file = Path(config.site_dir) / "search" / "search_index.json"
        if index_file.is_file() and search_excerpts.wants_excerpts(config):
            folding = self.editions.several and \
                self.editions.current in search_folding.FOLDED_LANGUAGES
            search_excerpts.add_excerpts(
                index_file, search_folding.add_folded_words if folding else None)
        if self.editions.others:
            # This build's pages stay in memory while the next edition builds: their
            # text, written already, is let go. (Freezing the rest out of the garbage
            # collector's sight saved nothing measurable at 1,000 playbooks.)
            release_pages(self.files)
            for language in self.editions.others:
                self._build_edition(config, language)

    def _build_edition(self, config: MkDocsConfig, language: str) -> None:
        """Build the ``language`` edition into ``<site_dir>/<language>``.

        MkDocs gives the nested build this same plugin instance (it keeps the
        instances of plugins with ``on_startup`` for the process), so this
        build's state is put back afterwards."""
        saved = dict(self.__dict__)
        edition, git = CURRENT.set(language), book_cache.GIT.set(self.git)
        try:
            with edition_search_state(config, language):
                build_edition(config, os.path.join(config.site_dir, language),
                              self.editions.other_site_url(config.site_url, language),
                              dirty=self.dirty)
        finally:
            book_cache.GIT.reset(git)
            CURRENT.reset(edition)
            self.__dict__.update(saved)

    @event_priority(50)  # before mkdocs-macros renders the page
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        if isinstance(page.file, GeneratedPage):  # no macros: YAML text is data
            return markdown
        return place_indented_section_macros(markdown)

    @event_priority(100)  # first: other plugins see the playbook's HTML
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        file = page.file
        if isinstance(file, GeneratedPage) and file.rendered is not None:
            rendered, file.rendered = file.rendered, None
            html = rendered.html
            set_page_headings(page, rendered.toc, rendered.anchor_ids(),
                              self.renderer.html.toc.depth)
        elif self.fragments:
            html = self.fragments.fill(html)
        if not isinstance(file, GeneratedPage):  # generated pages escape their own title
            escape_title(page.meta)  # before any page's navigation shows it
            english = Path(config.docs_dir, file.src_uri)
            if file.abs_src_path and Path(file.abs_src_path) != english:  # a translation
                page_translations.keep_english_template(page.meta, english)
        html = label_cells(clean_html(html) if self.config.sanitize else html)
        return notices.with_notice(html, self._notice(page, config))

    def _notice(self, page: Page, config: MkDocsConfig) -> str:
        """The translation notice of a page in an edition other than English."""
        language = self.editions.current
        if not self.editions.several or language == SOURCE_LANGUAGE \
                or SOURCE_LANGUAGE not in self.editions.languages:
            return ""
        file = page.file
        found: TranslationState | None
        if isinstance(file, GeneratedPage) and file.translated_from:
            found = state_of(self.book, file.translated_from)
        else:  # a hand-written page, or the contributor guide
            found = self.page_states.get(file.src_uri)
        if found is None:
            return ""
        english = self.editions.counterpart(SOURCE_LANGUAGE, page.url)
        return notices.notice(found.state, language, english, config.theme.custom_dir)

    def on_serve(self, server, config: MkDocsConfig, builder):  # noqa: ANN001
        assert self.book is not None
        for folder in (PLAYBOOKS_DIR, PATHS_DIR, DEFINITIONS_DIR):
            if (self.book.root / folder).is_dir():
                server.watch(str(self.book.root / folder))
        for guide in self.book.root.glob("CONTRIBUTING*.md"):  # and its translations
            server.watch(str(guide))
        return server


def release_pages(files: Files | None) -> None:
    """Let go of the built pages' text (source and HTML): written to the site
    already, and no event reads it after ``on_post_build``."""
    for file in files or ():
        page = file.page
        if page is not None:
            page.markdown = page.content = None


def _files_under(folder: Path) -> tuple[Path, ...]:
    """Every file below ``folder`` (none when it does not exist)."""
    return tuple(Path(top, name) for top, _dirs, names in os.walk(folder) for name in names)


def _mtime(path: Path) -> int:
    """Modification time in ns; 0 for a path that does not exist (an empty category)."""
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return 0
