"""Interface words (labels, headings, notices) in the edition's language.

Catalogs are ``locales/<language>/*.yml``: mappings of the English text to its
translation. A word missing from the catalog shows in English.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import yaml

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
