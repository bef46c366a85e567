"""The notice a page shows when its translation is missing, partial or stale.

The notice of a hand-written page (``docs/x.tr.md``). The markup is a template,
``site/templates/page_translation_notice.html``, which
``<custom_dir>/handbook/page_translation_notice.html`` replaces (generated pages use
``render/templates/translation_notice.html``); its words come
from the edition's interface catalog (:mod:`playbook_handbook.render.locale`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import jinja2

from playbook_handbook.render.locale import translator

TEMPLATES = Path(__file__).parent / "templates"
NAME = "page_translation_notice.html"
_FIRST_H1 = re.compile(r"\A\s*<h1\b.*?</h1>", re.S)


@lru_cache(maxsize=8)
def _template(override_dir: str | None) -> jinja2.Template:
    folders = [Path(override_dir) / "handbook"] if override_dir else []
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([*folders, TEMPLATES]),
                             autoescape=True, undefined=jinja2.StrictUndefined)
    return env.get_template(NAME)


def notice(state: str, language: str, english_url: str, override_dir: str | None) -> str:
    """The notice's HTML ("" for a current translation)."""
    if state not in ("missing", "partial", "stale"):
        return ""
    return _template(override_dir).render(state=state, language=language,
                                          english_url=english_url, _=translator(language))


def with_notice(html: str, notice_html: str) -> str:
    """``html`` with the notice just after its title (or first, without one)."""
    if not notice_html:
        return html
    title = _FIRST_H1.match(html)
    at = title.end() if title else 0
    return html[:at] + notice_html + html[at:]
