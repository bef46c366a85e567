"""Interface words (labels, headings, notices) in the edition's language.

Catalogs are ``locales/<language>/*.yml``: mappings of the English text to its
translation. A word missing from the catalog shows in English. Templates reach
them through ``jinja2.ext.i18n`` (:func:`install`), Python code through
:func:`translator`. Texts with values name them ``%(name)s``, in both.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import jinja2.runtime
import yaml
from markupsafe import Markup

LOCALES = Path(__file__).parent / "locales"


@cache
def catalog(language: str) -> dict[str, str]:
    """Every translated interface text of ``language``, English -> translation."""
    entries: dict[str, str] = {}
    folder = LOCALES / language
    if folder.is_dir():
        for file in sorted(folder.glob("*.yml")):
            entries.update(yaml.safe_load(file.read_text(encoding="utf-8")) or {})
    return entries


def translator(language: str) -> Callable[[str], str]:
    """A function giving the ``language`` text of an English interface text."""
    words = catalog(language)
    return lambda text: words.get(text, text)


def _format(context: jinja2.runtime.Context, text: str, variables: dict[str, Any]) -> Markup:
    """Catalog ``text`` (trusted, like the template around it) with ``%(name)s``
    filled in: each value as the template would print it, through the
    environment's ``finalize``."""
    out = Markup(text)
    if not variables:
        return out
    finalize = context.environment.finalize or (lambda value: value)
    return out % {name: finalize(value) for name, value in variables.items()}


def install(env: jinja2.Environment, language: str) -> None:
    """Give ``env`` (with the ``jinja2.ext.i18n`` extension) ``_``, ``gettext`` and
    ``ngettext`` in ``language``: ``{{ _("Owner") }}``,
    ``{{ _("Due in %(days)s", days=n | day_count) }}``. Write values through
    ``_()`` rather than ``{% trans %}``: there they are escaped as ``{{ }}`` prints them."""
    words = catalog(language)

    @jinja2.pass_context
    def gettext(context: jinja2.runtime.Context, text: str, **variables: Any) -> Markup:
        return _format(context, words.get(text, text), variables)

    @jinja2.pass_context
    def ngettext(context: jinja2.runtime.Context, singular: str, plural: str, num: int,
                 **variables: Any) -> Markup:
        english = singular if num == 1 else plural
        return _format(context, words.get(english, english), {"num": num, **variables})

    env.install_gettext_callables(gettext, ngettext, newstyle=False)  # type: ignore[attr-defined]
