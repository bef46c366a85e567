"""Block HTML a macro puts into a hand-written Markdown page, kept out of Markdown's way.

A macro's HTML (a list of playbooks, a table) cannot go into the Markdown source as
it is: indented (in a content tab, an admonition, a list item), Markdown reads raw
HTML as a paragraph and converts the text inside it. So the macro writes a
placeholder, a word no Markdown syntax or extension changes, and the plugin puts the
HTML in its place once the page is converted: ``<p>placeholder</p>`` becomes the
block, as if Markdown had written it there. The page is sanitised after that, as
every page is (:mod:`playbook_handbook.render.sanitize`).
"""

from __future__ import annotations

import re
import secrets


class Fragments:
    """The HTML blocks of one build's hand-written pages, by placeholder."""

    def __init__(self) -> None:
        #: Random per process: no page can type a placeholder by chance or on purpose.
        self._prefix = f"hbfragment{secrets.token_hex(6)}n"
        self._pattern = re.compile(rf"<p>({self._prefix}\d+)</p>|({self._prefix}\d+)")
        self._html: dict[str, str] = {}

    def __bool__(self) -> bool:
        return bool(self._html)

    def hold(self, html: str) -> str:
        """A placeholder for ``html``, to write into the Markdown source."""
        key = f"{self._prefix}{len(self._html)}"
        self._html[key] = html.strip("\n")
        return key

    def fill(self, text: str) -> str:
        """``text`` with each placeholder replaced by its HTML (once: HTML that holds
        a placeholder's text is not replaced again)."""
        if not self._html:
            return text
        return self._pattern.sub(
            lambda m: self._html.get(m.group(1) or m.group(2), m.group(0)), text)

    def clear(self) -> None:
        self._html.clear()
