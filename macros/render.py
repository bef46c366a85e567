"""Render playbooks and lists of playbooks to Markdown through Jinja templates.

Templates live in ``macros/templates/``; a file of the same name under
``<theme custom_dir>/handbook/`` (``overrides/handbook/``) replaces one.
Every value a template prints goes through :func:`_finalize`: text that no
filter has made safe is treated as one line of inline Markdown, so YAML text
can never open HTML or end the construct it sits in.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import posixpath
import re
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
import jinja2.bccache
from markupsafe import Markup

from . import markdown_text
from .handbook import Entry, Handbook, PathEntry
from .model import KIND_FOLDERS, KIND_TITLES

TEMPLATES = Path(__file__).parent / "templates"

#: Sections a hand-written page may embed with ``playbook_section``: the template
#: name, and the playbook field a kind must have for it.
SECTIONS = {name: name for name in (
    "questions", "segments", "data_sources", "worksheet", "rules", "severity_levels",
    "first_actions", "roles", "holding_statements", "donts", "post_crisis_review", "steps",
    "checklist", "pitfalls", "templates", "self_check", "sources",
)} | {"signals": "extend_when"}

NETWORK_NAMES = {
    "x": "X (Twitter)", "instagram": "Instagram", "facebook": "Facebook", "tiktok": "TikTok",
    "linkedin": "LinkedIn", "youtube": "YouTube", "threads": "Threads", "bluesky": "Bluesky",
    "pinterest": "Pinterest", "snapchat": "Snapchat", "whatsapp": "WhatsApp", "reddit": "Reddit",
    "any": "Any network",
}


# Text that markdown_text.inline() returns unchanged: it starts with a letter,
# holds only letters, digits, single spaces and punctuation that is neither
# HTML nor able to open a Markdown block. Most values a page prints are like
# this, and skipping inline() for them saves a fifth of the rendering time.
_PUNCT = r"A-Za-z0-9,.;:'\"()/!?%*_\[\]’‘“”–—-"
_PLAIN = re.compile(f"[A-Za-z][{_PUNCT}]*(?: [{_PUNCT}]+)*")


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup) or value is None:
        return "" if value is None else value
    if isinstance(value, (int, float, dt.date)):
        return value
    text = str(value)
    if _PLAIN.fullmatch(text):
        return Markup(text)
    return Markup(markdown_text.inline(text))


def _safe(function):
    def wrapper(*args, **kwargs):
        return Markup(function(*args, **kwargs))
    return wrapper


def slugify(text: str) -> str:
    """A URL fragment from any text: Turkish, accented and right-to-left text included."""
    text = unicodedata.normalize("NFKD", text.replace("ı", "i").replace("İ", "I"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return "-".join(re.findall(r"\w+", text))[:60].strip("-")


def url(value: str) -> str:
    """A validated http(s) address, made safe for a Markdown link target."""
    return quote(value, safe=":/?#[]@!$&'*+,;=%~-._")


def words(value: str) -> str:
    """``crisis-on-call`` -> ``Crisis on call``."""
    text = str(value).replace("-", " ")
    return text[:1].upper() + text[1:]


def minutes(value: int) -> str:
    if value < 60:
        return f"{value} min"
    if value % 1440 == 0:
        days = value // 1440
        return f"{days} day{'s' * (days != 1)}"
    if value % 60 == 0:
        return f"{value // 60} h"
    return f"{value // 60} h {value % 60} min"


def days_range(rule: Any) -> str:
    if rule.max_days is None:
        return f"{rule.min_days}+ days, ongoing"
    if rule.max_days == rule.min_days:
        return f"{rule.min_days} days"
    return f"{rule.min_days}–{rule.max_days} days"


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
    """Turns handbook entries into Markdown pages and fragments."""

    def __init__(self, book: Handbook, override_dir: Path | None = None,
                 template_cache: jinja2.BytecodeCache | None = None):
        self.book = book
        loaders: list[jinja2.BaseLoader] = []
        if override_dir is not None and (override_dir / "handbook").is_dir():
            loaders.append(jinja2.FileSystemLoader(override_dir / "handbook"))
        loaders.append(jinja2.FileSystemLoader(TEMPLATES))
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            bytecode_cache=template_cache,
            # Filters and macros return Markup; any other value is escaped by
            # _finalize as inline Markdown (autoescape keeps Markup apart).
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
        self.env.filters.update(
            prose=_safe(markdown_text.prose),
            inline=_safe(markdown_text.inline),
            cell=_safe(markdown_text.cell),
            quoted=_safe(markdown_text.quoted),
            fence=_safe(markdown_text.fence),
            words=words,
            minutes=minutes,
            days_range=days_range,
            network=lambda n: NETWORK_NAMES.get(n, n),
            isodate=lambda d: d.isoformat(),
            url=_safe(url),
            # The theme prints page titles from front matter unescaped.
            htmltext=lambda v: html.escape(" ".join(str(v).split()), quote=True),
            yamlstr=_safe(lambda v: json.dumps(v, ensure_ascii=False)),
        )
        self.env.globals.update(
            kind_titles=KIND_TITLES, kind_folders=KIND_FOLDERS, book=book,
        )

    # -- links ---------------------------------------------------------------

    @staticmethod
    def relative(from_uri: str, to_uri: str) -> str:
        """A Markdown link target from one docs file to another."""
        return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")

    def _context(self, page_uri: str, **extra: Any) -> dict[str, Any]:
        def link(to_uri: str) -> Markup:
            return Markup(self.relative(page_uri, to_uri))

        def playbook_url(playbook_id: str) -> Markup:
            return link(self.book.require(playbook_id).page_uri)

        seen: set[str] = set()

        def anchor(text: str, fallback: str) -> Markup:
            """An attribute list ``{#id}`` giving a heading a stable, unique id."""
            slug = slugify(text) or fallback
            base, n = slug, 2
            while slug in seen:
                slug, n = f"{base}-{n}", n + 1
            seen.add(slug)
            return Markup("{#" + slug + "}")

        return {"page_uri": page_uri, "link": link, "playbook_url": playbook_url,
                "anchor": anchor, **extra}

    # -- pages ---------------------------------------------------------------

    def playbook_page(self, entry: Entry) -> str:
        return self.env.get_template("playbook.md").render(self._context(
            entry.page_uri, entry=entry, pb=entry.playbook))

    def category_page(self, kind: str) -> str:
        uri = f"playbooks/{KIND_FOLDERS[kind]}/index.md"
        return self.env.get_template("category.md").render(self._context(
            uri, kind=kind, title=KIND_TITLES[kind], entries=self.book.select(kind=kind)))

    def all_playbooks_page(self) -> str:
        return self.env.get_template("all_playbooks.md").render(
            self._context("playbooks/index.md"))

    def path_page(self, entry: PathEntry) -> str:
        steps = [(step, self.book.resolve(step.playbook)) for step in entry.path.steps]
        return self.env.get_template("path.md").render(self._context(
            entry.page_uri, entry=entry, path=entry.path, steps=steps))

    def paths_index_page(self) -> str:
        return self.env.get_template("paths_index.md").render(self._context("paths/index.md"))

    # -- fragments for macros --------------------------------------------------

    def playbook_list(self, page_uri: str, entries: list[Entry], style: str = "list") -> str:
        if style not in ("list", "table", "cards"):
            raise ValueError(f"style must be list, table or cards, not '{style}'")
        return self.env.get_template(f"list_{style}.md").render(
            self._context(page_uri, entries=entries))

    def section(self, page_uri: str, entry: Entry, name: str) -> str:
        if name not in SECTIONS:
            raise ValueError(f"unknown section '{name}'; one of: {', '.join(sorted(SECTIONS))}")
        if SECTIONS[name] not in type(entry.playbook).model_fields:
            raise ValueError(f"playbook '{entry.id}' ({entry.playbook.kind}) has no section "
                             f"'{name}'")
        return self.env.get_template(f"sections/{name}.md").render(
            self._context(page_uri, entry=entry, pb=entry.playbook, embedded=True))
