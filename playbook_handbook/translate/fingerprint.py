"""The fingerprint a translation records of the English text it was made from."""

from __future__ import annotations

import hashlib

LENGTH = 10


def fingerprint(text: str) -> str:
    """A short hash of ``text`` with its whitespace normalised: re-wrapping a
    paragraph does not make its translation stale, changing a word does."""
    normal = " ".join(str(text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:LENGTH]
