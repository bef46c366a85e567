"""Links and anchors, the same on every generated page, HTML or Markdown.

One slug rule for stable anchors (Turkish and right-to-left text included),
one counter that keeps a page's ids unique, and one rule for quoting an
address typed into a playbook.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

#: Characters left as they are when an address is quoted: the URL syntax itself.
_URL_SAFE = ":/?#[]@!$&'*+,;=%~-._"


def slugify(text: str) -> str:
    """A URL fragment from any text: Turkish, accented and right-to-left text included."""
    text = unicodedata.normalize("NFKD", text.replace("ı", "i").replace("İ", "I"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return not_a_theme_id("-".join(re.findall(r"\w+", text))[:60]).strip("-")


def not_a_theme_id(slug: str) -> str:
    """``slug`` without leading underscores: the theme's own ids start with one
    (``__config``, whose element Material reads its settings from, ``__search``,
    ``__drawer``), and an id made from YAML text must never be one of them."""
    return slug.lstrip("_")


def quote_url(value: str) -> str:
    """A validated http(s) address with anything outside URL syntax percent-encoded."""
    return quote(value, safe=_URL_SAFE)


class Anchors:
    """The ids given out on one page: each new one is unique (``x``, ``x-2``, ``x-3``)
    and none of ``reserved`` (ids the page's own headings keep)."""

    def __init__(self, reserved: frozenset[str] = frozenset()) -> None:
        self.used: set[str] = set()
        self.reserved = reserved

    def new(self, text: str, fallback: str) -> str:
        """A stable id for a heading titled ``text`` (``fallback`` when it has no words)."""
        slug = slugify(text) or fallback
        base, n = slug, 2
        while slug in self.used or slug in self.reserved:
            slug, n = f"{base}-{n}", n + 1
        self.used.add(slug)
        return slug
