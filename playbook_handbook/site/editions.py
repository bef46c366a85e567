"""Editions of the site: one per language, the default one at the site root.

Set under the ``handbook`` plugin in ``mkdocs.yml``::

    - handbook:
        languages: [en, tr]
        default_language: en       # at /; every other edition at /<language>/
        nav_translations:
          tr: {Home: Ana sayfa}

One ``mkdocs build`` builds the default edition, then, at its end, each other
one into ``<site>/<language>/`` (:func:`playbook_handbook.mkdocs_compat.build_edition`:
a second build of the same ``mkdocs.yml``); the plugin learns which edition it
builds from :data:`CURRENT`. Every page
exists in every edition at the same path, so a page's counterpart is its path
under the other edition's folder.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from playbook_handbook.mkdocs_compat import PageLink, get_relative_url
from playbook_handbook.translate.overlay import SOURCE_LANGUAGE

#: The language of the edition being built by a nested build; None in the outer one.
CURRENT: ContextVar[str | None] = ContextVar("handbook_edition", default=None)

#: How the language switch names each language: in that language.
LANGUAGE_NAMES = {"en": "English", "tr": "Türkçe", "de": "Deutsch", "fr": "Français",
                  "es": "Español", "ar": "العربية"}


@dataclass(frozen=True)
class Editions:
    """The site's languages, which one is at the root, and the one being built."""

    languages: tuple[str, ...]
    default: str
    current: str

    @classmethod
    def from_settings(cls, languages: list[str], default: str | None,
                      current: str | None) -> Editions:
        """From the plugin's settings; ``current`` None: the default edition."""
        default = default or (languages[0] if languages else SOURCE_LANGUAGE)
        ordered = tuple(dict.fromkeys([default, *languages]))
        return cls(ordered, default, current or default)

    @property
    def several(self) -> bool:
        return len(self.languages) > 1

    @property
    def others(self) -> tuple[str, ...]:
        """The editions built after this one, into their own folders (default build only)."""
        return self.languages[1:] if self.current == self.default else ()

    def prefix(self, language: str) -> str:
        """The edition's folder from the site root: ``""`` or ``"tr/"``."""
        return "" if language == self.default else f"{language}/"

    def to_root(self) -> str:
        """From the current edition's root back to the site root: ``""`` or ``"../"``."""
        return "../" * self.prefix(self.current).count("/")

    def home(self, language: str) -> str:
        """``language``'s edition home, relative to the current edition's root."""
        return self.to_root() + self.prefix(language) or "./"

    def counterpart(self, language: str, page_url: str) -> PageLink:
        """The page at ``page_url`` (a URL inside an edition) in ``language``'s
        edition, relative to the page itself."""
        link = get_relative_url(self.prefix(language) + page_url,
                                self.prefix(self.current) + page_url)
        return PageLink(link + "/" if link.endswith(".") else link)

    def alternates(self, page_url: str | None) -> list[dict[str, str]]:
        """Material's ``extra.alternate`` entries: the page's counterpart in each
        edition, this one included; each edition's home for a page with no URL (404)."""
        return [{"name": LANGUAGE_NAMES.get(language, language), "lang": language,
                 "link": self.home(language) if page_url is None
                 else self.counterpart(language, page_url)}
                for language in self.languages]

    def other_site_url(self, site_url: str | None, language: str) -> str | None:
        """The nested edition's ``site_url``: the default one's plus its folder."""
        if not site_url:
            return site_url
        return site_url.rstrip("/") + "/" + self.prefix(language)


def translate_nav(nav: Any, titles: Mapping[str, str]) -> Any:
    """``nav`` (as in mkdocs.yml) with each section and page title looked up in ``titles``."""
    if isinstance(nav, list):
        return [translate_nav(item, titles) for item in nav]
    if isinstance(nav, dict):
        return {titles.get(key, key) if isinstance(key, str) else key: translate_nav(value, titles)
                for key, value in nav.items()}
    return nav
