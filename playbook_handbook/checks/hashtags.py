"""Hashtags in posted texts, counted against each network's cap (``too-many-hashtags``).

The caps are the ``hashtags`` entries of ``checks/data/network_limits.yml``: Instagram
takes 5 in a caption, Threads makes one topic tag of a post, YouTube ignores every
hashtag of a video that has more than 60.
"""

from __future__ import annotations

import regex

from playbook_handbook.checks.limits import limit, network_name, posted_texts
from playbook_handbook.index.handbook import Handbook
from playbook_handbook.problems import Problem

#: ``#`` and a word with at least one letter, not inside a word, a web address or an
#: HTML entity: ``#yaz2026`` and ``#İstanbul`` count, ``#1``, ``C#`` and ``a/#b`` do not.
_HASHTAG = regex.compile(r"(?<![\w&#/])#(?=\w*\p{L})[\w]+")


def hashtags(text: str) -> list[str]:
    """The hashtags in ``text``, in order, each with its ``#``."""
    return _HASHTAG.findall(text)


def hashtag_warnings(book: Handbook) -> list[Problem]:
    """A warning for each text with more hashtags than a network it declares takes."""
    found = []
    for entry in book.playbooks.values():
        for field, index, item in posted_texts(entry):
            tags = hashtags(item.text)
            for network in item.networks:
                rule = limit(network, "hashtags")
                if rule is None or item.surface not in rule.surfaces:
                    continue
                if len(tags) <= (rule.limit or 0):
                    continue
                line, column = entry.position(field, index, "text")
                kind = "cap" if rule.verified else "unverified cap"
                found.append(Problem(
                    entry.rel_path, line, column,
                    f"'{item.title}' has {len(tags)} hashtags, over the {kind} of {rule.limit} "
                    f"on {network_name(network)} ({rule.applies_to}); keep the most relevant "
                    f"{rule.limit} or take {network} out of its networks",
                    "too-many-hashtags", "warning"))
    return found
