"""Render playbooks, lists of playbooks and the macros' fragments through Jinja templates.

Templates live in ``render/templates/``; a file of the same name under
``<theme custom_dir>/handbook/`` (``overrides/handbook/``) replaces one. Every
page is an HTML template (:mod:`playbook_handbook.render.html_page`): a playbook
page is ``playbook.html``, the other generated pages are ``pages/*.html``, the
macros' blocks ``list_*.html`` and ``tag_descriptions.html``. YAML text reaches
them through one path, :mod:`playbook_handbook.render.text_html`.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import posixpath
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
from markupsafe import Markup
from mkdocs.utils import get_relative_url

from playbook_handbook import sitemap
from playbook_handbook.index.definitions import Definitions
from playbook_handbook.index.gitinfo import FileHistory, recent_changes
from playbook_handbook.index.handbook import Entry, Handbook, PathEntry, today
from playbook_handbook.index.references import did_you_mean
from playbook_handbook.mkdocs_compat import page_url
from playbook_handbook.model.playbook import (
    KIND_FOLDERS,
    KIND_TITLES,
    Network,
    Skill,
    StatementUse,
)
from playbook_handbook.render import locale
from playbook_handbook.render.html_page import HtmlRenderer, RenderedPage
from playbook_handbook.render.text_html import TextToHtml
from playbook_handbook.render.units import ENGLISH, Units
from playbook_handbook.review.freshness import SOON_DAYS, ReviewState, review_queue, review_state
from playbook_handbook.translate import overlay

TEMPLATES = Path(__file__).parent / "templates"
#: Markdown templates the handbook had before every generated page was HTML, by the
#: HTML template that replaced each: an override of one of them is no longer read.
RETIRED_TEMPLATES = {
    "all_playbooks.md": "pages/all_playbooks.html", "card.md": "pages/card.html",
    "category.md": "pages/category.html", "category_about.md": "category_about.html",
    "path.md": "pages/path.html", "paths_index.md": "pages/paths_index.html",
    "review_queue.md": "pages/review_queue.html", "skills.md": "pages/skills.html",
    "whats_new.md": "pages/whats_new.html", "_cards.md": "_cards.html",
    "list_cards.md": "list_cards.html", "list_list.md": "list_list.html",
    "list_table.md": "list_table.html",
}


def retired_overrides(override_dir: Path | None) -> list[str]:
    """Overrides of retired Markdown templates (``card.md``) in ``<override_dir>/handbook``,
    each with the HTML template to copy and edit instead."""
    folder = override_dir / "handbook" if override_dir is not None else None
    if folder is None or not folder.is_dir():
        return []
    return [f"{folder.name}/{name} is no longer read: generated pages are HTML templates "
            f"now; copy {replacement} from playbook_handbook/render/templates/ and edit it"
            for name, replacement in RETIRED_TEMPLATES.items() if (folder / name).is_file()]
#: The "What's new" page lists changes from this many days back.
WHATS_NEW_DAYS = 90

#: Sections a hand-written page may embed with ``playbook_section``: the template
#: name, and the playbook field a kind must have for it.
SECTIONS = {name: name for name in (
    "questions", "segments", "data_sources", "worksheet", "rules", "severity_levels",
    "first_actions", "roles", "holding_statements", "donts", "post_crisis_review", "steps",
    "checklist", "pitfalls", "templates", "self_check", "sources",
)} | {"signals": "extend_when"}

LEVELS = ("foundation", "practitioner", "expert")


def skills_of(definitions: Definitions) -> dict[str, tuple[str, str]]:
    """Skills of the skills map, from the vocabulary: id -> (name, what it covers).

    Without a skills vocabulary, the format's skills in their model order."""
    terms = definitions.terms("skills")
    if terms is None:
        return {skill: (words(skill), "") for skill in Skill.__args__}  # type: ignore[attr-defined]
    return {t.id: (t.name or words(t.id), t.description) for t in terms.values()}


def words(value: str) -> str:
    """``crisis-on-call`` -> ``Crisis on call``."""
    text = str(value).replace("-", " ")
    return text[:1].upper() + text[1:]


# The English forms, for callers outside a renderer.
minutes = ENGLISH.minutes
longdate = ENGLISH.longdate
day_count = ENGLISH.day_count
days_ago = ENGLISH.days_ago
days_range = ENGLISH.days_range


class TemplateCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory, so a ``mkdocs serve`` rebuild does not
    compile the theme's and the handbook's templates again. Jinja keys each entry
    by the template's source checksum: an edited template is compiled afresh."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


class Renderer:
    """Turns handbook entries into generated pages and the macros' HTML fragments."""

    def __init__(self, book: Handbook, override_dir: Path | None = None,
                 template_cache: jinja2.BytecodeCache | None = None, *,
                 markdown_extensions: list[Any] | None = None,
                 mdx_configs: dict[str, Any] | None = None,
                 directory_urls: bool = True, templates: Path = TEMPLATES,
                 language: str = "en", editions: dict[str, str] | None = None):
        """``mdx_configs``: the site's (MkDocs config), for the ``toc`` permalinks;
        ``markdown_extensions`` is not used: YAML text has its own fixed Markdown
        subset (:mod:`playbook_handbook.render.text_html`); ``templates``: where the
        templates live; ``language``: the edition's, for every interface word;
        ``editions``: each language's URL prefix from the site root (``{"en": "",
        "tr": "tr/"}``), for links from one edition's page to another's."""
        self.book = book
        self.language = language
        self.editions = editions if editions is not None else {language: ""}
        self.directory_urls = directory_urls
        _ = self._ = locale.translator(language)
        self.units = Units(language)
        definitions = book.definitions
        network_names = {n: definitions.display("networks", n)
                         for n in Network.__args__}  # type: ignore[attr-defined]
        network_names["any"] = _("Any network")
        roles = definitions.roles

        def role_name(role_id: str) -> str:
            found = roles.get(role_id)
            return found.name if found is not None else words(role_id)

        def role_call(ref: Any) -> str:
            """A role to alert or to sign off: its name, how, and in which case."""
            if isinstance(ref, str):
                return role_name(ref)
            text = role_name(ref.role) + (f" ({ref.by})" if ref.by else "")
            return text + (f", {ref.when}" if ref.when else "")

        def sign_off(ref: Any) -> str:
            """``Legal counsel signs off any wording on safety``."""
            if isinstance(ref, str):
                return _("%(role)s signs off") % {"role": role_name(ref)}
            if ref.when:
                return _("%(role)s signs off %(when)s") % {"role": role_name(ref.role),
                                                           "when": ref.when}
            return _("%(role)s signs off") % {"role": role_name(ref.role)}
        loaders: list[jinja2.BaseLoader] = []
        if override_dir is not None and (override_dir / "handbook").is_dir():
            loaders.append(jinja2.FileSystemLoader(override_dir / "handbook"))
        loaders.append(jinja2.FileSystemLoader(templates))
        loader = jinja2.ChoiceLoader(loaders)
        filters = dict(
            words=words,
            # An enum value in words, in the edition's language: ``expert`` -> ``Expert``.
            label=lambda v: _(words(v)),
            minutes=self.units.minutes,
            days_range=self.units.days_range,
            network=lambda n: network_names.get(n, n),
            role_name=role_name,
            role_call=role_call,
            sign_off=sign_off,
            isodate=lambda d: d.isoformat(),
            # The theme prints page titles from front matter unescaped.
            htmltext=lambda v: html.escape(" ".join(str(v).split()), quote=True),
            yamlstr=lambda v: Markup(json.dumps(v, ensure_ascii=False)),
        )
        template_globals = dict(
            # The translation notice (translation_notice.html): a page's translation
            # state, and the URL of the same page in another edition.
            translation_of=lambda entry: overlay.state_of(book, entry.rel_path),
            counterpart_url=self.counterpart_url, source_language=overlay.SOURCE_LANGUAGE,
            kind_titles={kind: _(title) for kind, title in KIND_TITLES.items()},
            kind_folders=KIND_FOLDERS, book=book,
            definitions=definitions, scale=definitions.scale,
            crisis_roles=definitions.roles, statements=definitions.statements,
        )
        configs = mdx_configs or {}
        self.html = HtmlRenderer(
            loader, template_cache, TextToHtml(), filters, template_globals,
            directory_urls=directory_urls, toc_config=configs.get("toc"), language=language)
        #: The templates' environment (filters, globals, interface words).
        self.env = self.html.env
        self._init_freshness()

    # -- freshness: review dates and git history ------------------------------

    def _init_freshness(self) -> None:
        self.today: dt.date = today()
        self.history: dict[str, FileHistory] | None = None
        self.history_links: dict[str, str] = {}
        units = self.units
        self.env.filters.update(longdate=units.longdate, day_count=units.day_count,
                                days_ago=units.days_ago)
        self.env.globals.update(
            today=self.today, soon_days=SOON_DAYS,
            review_of=lambda entry: review_state(entry, self.today),
            history_of=lambda entry: (self.history or {}).get(entry.rel_path),
            history_link=lambda entry: self.history_links.get(entry.rel_path),
        )

    def use_history(self, history: dict[str, FileHistory] | None,
                    links: dict[str, str]) -> None:
        """Git history of the playbook files (None: unknown) and links to it by rel_path."""
        self.history, self.history_links = history, links

    # -- links ---------------------------------------------------------------

    def counterpart_url(self, page_uri: str, language: str) -> Markup:
        """The URL of docs file ``page_uri``'s page in ``language``'s edition,
        relative to the same page in this edition (``../../playbooks/x/``)."""
        here = self.editions.get(self.language, "") + page_url(page_uri, self.directory_urls)
        there = self.editions.get(language, "") + page_url(page_uri, self.directory_urls)
        return Markup(html.escape(get_relative_url(there, here), quote=True))

    @staticmethod
    def relative(from_uri: str, to_uri: str) -> str:
        """A Markdown link target from one docs file to another."""
        return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")

    # -- pages ---------------------------------------------------------------

    def playbook_page(self, entry: Entry) -> RenderedPage:
        """A playbook's page: front matter for MkDocs, HTML body, headings."""
        return self.html.page("playbook.html", entry.page_uri, entry=entry, pb=entry.playbook,
                              search_boost=SEARCH_BOOST.get(entry.playbook.kind))

    def category_page(self, kind: str) -> RenderedPage:
        uri = sitemap.category_page(KIND_FOLDERS[kind])
        return self.html.page("pages/category.html", uri, kind=kind,
                              title=self._(KIND_TITLES[kind]),
                              entries=self.category_entries(kind))

    def category_entries(self, kind: str) -> list[Entry]:
        """A category's playbooks in the order ``category_about.html`` chooses."""
        chosen = self.html.env.get_template("category_about.html").module.order.get(kind, [])
        rank = {playbook_id: i for i, playbook_id in enumerate(chosen)}
        entries = self.book.select(kind=kind)
        return sorted(entries, key=lambda e: rank.get(e.id, len(rank)))

    def all_playbooks_page(self) -> RenderedPage:
        return self.html.page("pages/all_playbooks.html", "playbooks/index.md")

    def path_page(self, entry: PathEntry) -> RenderedPage:
        steps = [(step, self.book.resolve(step.playbook)) for step in entry.path.steps]
        review: dict[str, Entry] = {}
        for _step, target in steps:
            if target is not None and target.playbook.self_check:
                review.setdefault(target.id, target)
        return self.html.page("pages/path.html", entry.page_uri, entry=entry, path=entry.path,
                              steps=steps, review=list(review.values()))

    def card_page(self, entry: Entry) -> RenderedPage:
        """The one-page printable card of a crisis playbook (``cards/<id>.md``)."""
        return self.html.page("pages/card.html", sitemap.card_page(entry.id), entry=entry,
                              pb=entry.playbook)

    def skills_page(self) -> RenderedPage:
        """The skills map: every skill crossed with every level, listing the playbooks."""
        skills = skills_of(self.book.definitions)
        grid = {skill: {level: self.book.select(skill=skill, level=level) for level in LEVELS}
                for skill in skills}
        return self.html.page("pages/skills.html", sitemap.SKILLS_PAGE, grid=grid, skills=skills,
                              levels=LEVELS)

    def paths_index_page(self) -> RenderedPage:
        return self.html.page("pages/paths_index.html", "paths/index.md")

    def review_queue_page(self) -> RenderedPage:
        """Overdue and soon-due playbooks, grouped by owner, the most urgent owner first."""
        groups: dict[str, list[ReviewState]] = {}
        for state in review_queue(self.book, self.today):
            groups.setdefault(state.entry.playbook.owner, []).append(state)
        return self.html.page("pages/review_queue.html", sitemap.REVIEW_QUEUE_PAGE,
                              groups=groups)

    def whats_new_page(self, days: int = WHATS_NEW_DAYS) -> RenderedPage:
        """Playbooks added or changed in the last ``days`` days, newest first."""
        changes = (None if self.history is None else
                   recent_changes(self.book.playbooks.values(), self.history, self.today, days))
        return self.html.page("pages/whats_new.html", sitemap.WHATS_NEW_PAGE, changes=changes,
                              days=days)

    # -- fragments for macros --------------------------------------------------

    def playbook_list(self, page_uri: str, entries: list[Entry], style: str = "list") -> str:
        if style not in ("list", "table", "cards"):
            raise ValueError(f"style must be list, table or cards, not '{style}'")
        body, _state = self.html.render(f"list_{style}.html", page_uri, entries=entries)
        return body

    def tag_descriptions(self, page_uri: str) -> str:
        """The tag vocabulary as a table: tag, what it groups, how many playbooks carry it."""
        terms = self.book.definitions.terms("tags")
        if terms is None:
            raise ValueError("this handbook has no definitions/vocabularies/tags.yml")
        rows = [(tag, term, len(self.book.select(tag=tag))) for tag, term in terms.items()]
        body, _state = self.html.render("tag_descriptions.html", page_uri, rows=rows)
        return body

    def section(self, page_uri: str, entry: Entry, name: str) -> str:
        if name not in SECTIONS:
            raise ValueError(f"unknown section '{name}'; one of: {', '.join(sorted(SECTIONS))}")
        if SECTIONS[name] not in type(entry.playbook).model_fields:
            raise ValueError(f"playbook '{entry.id}' ({entry.playbook.kind}) has no section "
                             f"'{name}'")
        body, _state = self.html.render(f"sections/{name}.html", page_uri, embedded=True,
                                        entry=entry, pb=entry.playbook)
        return body


    def severity_scale(self, page_uri: str) -> str:
        """The shared severity scale as a table, for a hand-written page."""
        if self.book.definitions.scale is None:
            raise ValueError("this handbook has no definitions/severity-scale.yml")
        body, _state = self.html.render("sections/severity_levels.html", page_uri,
                                        embedded=True, entry=None, pb=None)
        return body

    def holding_statement(self, page_uri: str, statement_id: str) -> str:
        """One statement of the shared library, ready to copy, for a hand-written page."""
        statements = self.book.definitions.statements
        if statement_id not in statements:
            raise ValueError(f"unknown holding statement '{statement_id}'"
                             f"{did_you_mean(statement_id, statements)}")
        body, _state = self.html.render("sections/holding_statements.html", page_uri,
                                        embedded=True, entry=None, pb=None,
                                        uses=[StatementUse(statement=statement_id)])
        return body


# Search boost of a playbook page by kind: a reader searching in a crisis needs
# the crisis playbook above a guide that mentions the same words.
SEARCH_BOOST = {"crisis-handling": 1.5}

