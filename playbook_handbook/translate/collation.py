"""Alphabetical order in an edition's language: Turkish puts ç after c, ı before i."""

from __future__ import annotations

TURKISH = "abcçdefgğhıijklmnoöprsştuüvyz"
_TURKISH_RANK = {letter: index for index, letter in enumerate(TURKISH)}


def lower(text: str, language: str) -> str:
    """``text`` in lower case by the language's rules (Turkish: I -> ı, İ -> i)."""
    if language == "tr":
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower()


def sort_key(text: str, language: str) -> tuple:
    """A key that sorts ``text`` as a reader of ``language`` expects."""
    low = lower(text, language)
    if language != "tr":
        return (low.casefold(),)
    # Letters of the alphabet by their rank, anything else after them by code point.
    return tuple((0, _TURKISH_RANK[c]) if c in _TURKISH_RANK else (1, ord(c)) for c in low)
