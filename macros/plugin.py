"""The MkDocs plugin that turns ``playbooks/`` and ``paths/`` into pages.

Pages are virtual (``File.generated``): nothing is written into ``docs/``.
Registered as ``handbook`` through the ``mkdocs.plugins`` entry point.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from . import contributing
from .gitinfo import file_history, handbook_version, history_url
from .handbook import PATHS_DIR, PLAYBOOKS_DIR, Handbook, load_handbook
from .model import KIND_FOLDERS
from .problems import Problem, errors
from .render import Renderer
from .sanitize import clean_html

log = logging.getLogger("mkdocs.plugins.handbook")


class HandbookConfig(Config):
    root = c.Optional(c.Dir(exists=True))
    """The repository holding playbooks/ and paths/ (default: mkdocs.yml's folder)."""
    sanitize = c.Type(bool, default=True)
    """Clean every page's HTML with nh3 (leave on unless you trust every author)."""


class HandbookPlugin(BasePlugin[HandbookConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.book: Handbook | None = None
        self.renderer: Renderer | None = None
        self.macro_problems: list[Problem] = []

    # -- loading ---------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(self.config.root or Path(config.config_file_path).parent).resolve()
        book = load_handbook(root)
        failing = errors(book.problems)
        for problem in book.problems:
            if problem.severity == "warning":
                log.info(problem.format_text())
        if failing:
            for problem in failing:
                log.error(problem.format_text())
            raise PluginError(
                f"{len(failing)} problem{'s' * (len(failing) != 1)} in the playbooks "
                "(listed above); fix them and build again")
        self.book = book
        custom_dir = config.theme.custom_dir
        self.renderer = Renderer(book, Path(custom_dir) if custom_dir else None)
        self._register_redirects(config)
        self._read_git(config)
        return config

    def _read_git(self, config: MkDocsConfig) -> None:
        """Last-changed dates and history links for the pages; the version for the footer."""
        assert self.book is not None and self.renderer is not None
        history = file_history(self.book.root)
        links = {}
        for entry in [*self.book.playbooks.values(), *self.book.paths.values()]:
            target = history_url(config.repo_url, config.edit_uri,
                                 os.path.relpath(entry.file, config.docs_dir))
            if target is not None:
                links[entry.rel_path] = target
        self.renderer.use_history(history, links)
        config.extra.setdefault("handbook_version", handbook_version(self.book.root))

    def _register_redirects(self, config: MkDocsConfig) -> None:
        """``/go/<id>/`` and every former id lead to the playbook's page."""
        plugin = config.plugins.get("redirects")
        if plugin is None:
            raise PluginError("the handbook needs the 'redirects' plugin (mkdocs-redirects) "
                              "listed after 'handbook' in mkdocs.yml, for /go/<id>/ links")
        maps = plugin.config["redirect_maps"]
        assert self.book is not None
        for entry in self.book.playbooks.values():
            maps[f"go/{entry.id}.md"] = entry.page_uri
            for alias in entry.playbook.aliases:
                maps[f"go/{alias}.md"] = entry.page_uri
                for folder in KIND_FOLDERS.values():
                    if f"{folder}/{alias}" != f"{entry.category}/{entry.id}":
                        maps[f"playbooks/{folder}/{alias}.md"] = entry.page_uri
        for path in self.book.paths.values():
            maps[f"go/{path.id}.md"] = path.page_uri

    # -- pages -------------------------------------------------------------------

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.book is not None and self.renderer is not None
        book, renderer = self.book, self.renderer
        docs_dir = config.docs_dir
        generated: list[File] = []

        def add(uri: str, content: str, source: Path | None, in_nav: bool) -> None:
            existing = files.get_file_from_path(uri)
            if existing is not None and existing.generated_by is None:
                raise PluginError(
                    f"{existing.src_uri} in docs/ has the same address as a generated page; "
                    "rename the hand-written page or the playbook id")
            inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, uri, content=content, inclusion=inclusion)
            if source is not None:
                file.edit_uri = os.path.relpath(source, docs_dir).replace(os.sep, "/")
            generated.append(file)

        for entry in book.playbooks.values():
            if files.get_file_from_path(f"go/{entry.id}.md") is not None:
                raise PluginError(f"docs/go/{entry.id}.md collides with the /go/ link of "
                                  f"{entry.rel_path}")
            add(entry.page_uri, renderer.playbook_page(entry), entry.file, False)
        for kind, folder, _title in book.categories:
            add(f"{PLAYBOOKS_DIR}/{folder}/index.md", renderer.category_page(kind), None, True)
        add(f"{PLAYBOOKS_DIR}/index.md", renderer.all_playbooks_page(), None, True)
        for path in book.paths.values():
            add(path.page_uri, renderer.path_page(path), path.file, False)
        add(f"{PATHS_DIR}/index.md", renderer.paths_index_page(), None, True)
        add("review-queue.md", renderer.review_queue_page(), None, True)
        add("whats-new.md", renderer.whats_new_page(), None, True)
        guide = contributing.page(book.root, config.repo_url, config.edit_uri)
        if guide is not None:  # CONTRIBUTING.md stays at the root, where GitHub shows it
            add(contributing.PAGE_URI, guide, book.root / contributing.FILE_NAME, True)
        # Training layer: the skills map and one printable card per crisis playbook.
        add("skills.md", renderer.skills_page(), None, True)
        for entry in book.by_kind("crisis-handling"):
            add(f"cards/{entry.id}.md", renderer.card_page(entry), entry.file, False)
        for file in generated:
            files.append(file)
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

    def on_env(self, env, config: MkDocsConfig, files: Files):  # noqa: ANN001
        if self.macro_problems:
            for problem in sorted(self.macro_problems):
                log.error(problem.format_text())
            count = len(self.macro_problems)
            self.macro_problems = []
            raise PluginError(f"{count} macro call{'s' * (count != 1)} failed (listed above)")
        return env

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        return clean_html(html) if self.config.sanitize else html

    def on_serve(self, server, config: MkDocsConfig, builder):  # noqa: ANN001
        assert self.book is not None
        for folder in (PLAYBOOKS_DIR, PATHS_DIR):
            if (self.book.root / folder).is_dir():
                server.watch(str(self.book.root / folder))
        if (self.book.root / contributing.FILE_NAME).is_file():
            server.watch(str(self.book.root / contributing.FILE_NAME))
        return server
