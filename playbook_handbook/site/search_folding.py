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

#: Replaced before lowercasing (Python would make "İ" "i" plus a combining dot) and
#: after it. str.replace, one letter at a time: 25 times faster than str.translate
#: with a mapping on the index's tens of megabytes (benchmarks/scale.py, editions).
_UPPER = (("İ", "i"), ("I", "i"))
_LETTERS = (("ı", "i"), ("ş", "s"), ("ğ", "g"), ("ç", "c"), ("ö", "o"), ("ü", "u"),
            ("â", "a"), ("î", "i"), ("û", "u"), ("\u0307", ""))
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """``text`` lowercased with both dotted and dotless i as ``i``, Turkish letters
    as their ASCII look-alikes: "İLK Şikâyet" -> "ilk sikayet"."""
    for letter, plain in _UPPER:
        text = text.replace(letter, plain)
    text = text.lower()
    for letter, plain in _LETTERS:
        text = text.replace(letter, plain)
    return text


def folded_words(text: str) -> list[str]:
    """The folded forms of ``text``'s words (HTML allowed) that are not already among
    its words as written (lowercased), once each: "İlk şikayet" -> ["ilk", "sikayet"]."""
    plain = _TAG.sub(" ", text) if "<" in text else text
    folded = fold(plain)
    lowered = plain.lower()
    if folded == lowered:
        return []
    own = set(_WORD.findall(lowered))
    return [word for word in dict.fromkeys(_WORD.findall(folded)) if word not in own]


def add_folded_words(doc: dict) -> None:
    """Append to a search entry's ``body`` (searched, never shown) the folded words of
    its title and text; after :func:`playbook_handbook.site.search_excerpts.excerpt`."""
    body = doc.get("body", "")
    words = folded_words(f"{doc.get('title', '')} {body or doc.get('text', '')}")
    if words:
        doc["body"] = f"{body} {' '.join(words)}".strip()
