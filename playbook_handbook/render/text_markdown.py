"""Place text from YAML into a hand-written Markdown page, as data.

Generated pages are HTML (:mod:`playbook_handbook.render.html_page`); only the
macros write into a Markdown page that MkDocs converts with every extension
``mkdocs.yml`` lists: a link's label (``playbook_link``) and an embedded
section's heading (``playbook_section``). :func:`plain` writes every ASCII
punctuation mark of such text as a numeric character reference (``&#95;`` for
``_``): the browser shows the same character, while no Markdown syntax,
attribute list, emoji shortcode or table separator can start in it.
"""

from __future__ import annotations

import string

_PUNCTUATION = {ord(c): f"&#{ord(c)};" for c in string.punctuation}


def plain(text: object) -> str:
    """One-line text (a title, owner or name) for a Markdown page: shown exactly as typed."""
    return " ".join(str(text).split()).translate(_PUNCTUATION)
