"""Hashtags in posted texts, counted against each network's cap (``too-many-hashtags``).

The caps are the ``hashtags`` entries of ``checks/data/network_limits.yml``: Instagram
takes 5 in a caption, Threads makes one topic tag of a post, YouTube ignores every
hashtag of a video that has more than 60.
"""

from __future__ import annotations

import regex

from playbook_handbook.checks.limits import Place, limit, posted_texts
from playbook_handbook.index.handbook import Handbook
from playbook_handbook.problems import Problem

#: ``#`` and a word with at least one letter, not inside a word, a web address or an
#: HTML entity: ``#yaz2026`` and ``#İstanbul`` count, ``#1``, ``C#`` and ``a/#b`` do not.
_HASHTAG = regex.compile(r"(?<![\w&#/])#(?=\w*\p{L})[\w]+")


def hashtags(text: str) -> list[str]:
    """The hashtags in ``text``, in order, each with its ``#``."""
    return _HASHTAG.findall(text)


def hashtag_warnings(book: Handbook, place: Place | None = None) -> list[Problem]:
    """A warning for each text with more hashtags than a network it declares takes."""
    found = []
    for where, item in posted_texts(book, place):
        tags = hashtags(item.text)
        for network in item.networks:
            rule = limit(network, "hashtags")
            if rule is None or item.surface not in rule.surfaces:
                continue
            if len(tags) <= (rule.limit or 0):
                continue
            kind = "cap" if rule.verified else "unverified cap"
            found.append(Problem(
                *where(),
                f"'{item.title}' has {len(tags)} hashtags, over the {kind} of {rule.limit} "
                f"on {book.definitions.display('networks', network)} ({rule.applies_to}); "
                f"keep the most relevant {rule.limit} or take {network} out of its networks",
                "too-many-hashtags", "warning"))
    return found
