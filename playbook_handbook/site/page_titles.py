"""A hand-written page's front-matter ``title:`` is text, never HTML.

MkDocs and Material put ``page.title`` into ``<title>``, the header and the
navigation of every page without escaping it, so ``title: "<script>..."``
would bypass the cleaning every page body gets (:mod:`playbook_handbook.render.sanitize`).
"""

from __future__ import annotations

import html
from typing import Any


def escape_title(meta: dict[str, Any]) -> None:
    """Escape ``meta['title']`` in place so it shows as the text that was typed."""
    title = meta.get("title")
    if title is not None:
        meta["title"] = html.escape(str(title), quote=False)
