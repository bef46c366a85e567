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

import re

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
    """The folded forms of ``text``'s words (HTML allowed) that are not already among
    its words as written (lowercased), once each: "İlk şikayet" -> ["ilk", "sikayet"]."""
    plain = _TAG.sub(" ", text)
    own = set(_WORD.findall(plain.lower()))
    return [word for word in dict.fromkeys(_WORD.findall(fold(plain))) if word not in own]


def add_folded_words(doc: dict) -> None:
    """Append to a search entry's ``body`` (searched, never shown) the folded words of
    its title and text; after :func:`playbook_handbook.site.search_excerpts.excerpt`."""
    body = doc.get("body", "")
    words = folded_words(f"{doc.get('title', '')} {body or doc.get('text', '')}")
    if words:
        doc["body"] = f"{body} {' '.join(words)}".strip()
