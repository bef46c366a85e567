"""Turkish search that forgives casing and missing Turkish letters.

The browser lowercases with ``toLowerCase()``: "İlk" becomes "i̇lk" (i plus a
combining dot), which "ilk" does not match; and Turkish teams often type
without Turkish letters ("sikayet" for "şikayet"). So the Turkish edition's
search index gets, in each entry's ``body``, the folded form of every word
that folding changes ("ilk", "sikayet"), and ``overrides/partials/search-query.js``
adds the folded form of each typed word to the query. Both sides fold alike:
:func:`fold` here, ``fold`` there.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

#: Editions whose search index gets folded words.
FOLDED_LANGUAGES = frozenset({"tr"})

_UPPER = str.maketrans({"İ": "i", "I": "i"})
_LETTERS = str.maketrans({"ı": "i", "ş": "s", "ğ": "g", "ç": "c", "ö": "o", "ü": "u",
                          "â": "a", "î": "i", "û": "u", "\u0307": None})
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """``text`` lowercased with both dotted and dotless i as ``i``, Turkish letters
    as their ASCII look-alikes: "İLK Şikâyet" -> "ilk sikayet"."""
    return text.translate(_UPPER).lower().translate(_LETTERS)


def folded_words(text: str) -> list[str]:
    """The words of ``text`` (HTML allowed) that :func:`fold` changes, folded, once each."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(_TAG.sub(" ", text)):
        folded = fold(word)
        if folded != word.lower():
            seen.setdefault(folded)
    return list(seen)


def add_folded_words(index_file: Path) -> None:
    """Append to each entry's ``body`` (searched, never shown) the folded words of
    its title and text; run after :func:`playbook_handbook.site.search_excerpts.add_excerpts`."""
    index = json.loads(index_file.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        body = doc.get("body", "")
        words = folded_words(f"{doc.get('title', '')} {body or doc.get('text', '')}")
        if words:
            doc["body"] = f"{body} {' '.join(words)}".strip()
    index_file.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
