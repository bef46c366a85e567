"""Short, readable search excerpts: the section's first sentences, not its whole text.

Material shows a result's ``text`` field in full, so a section that holds a
table fills the search panel with the table flattened into one paragraph. After
Material writes ``search/search_index.json``, each entry's full text moves to a
``body`` field (searched, with the ``fields`` boosts in mkdocs.yml) and
``text`` becomes a short excerpt (searched too, and shown): the first sentences
of the section's first paragraph, the first items of a list, or nothing when
the section opens with a table.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

MAX_CHARS = 200
LIST_ITEMS = 3
_TAG = re.compile(r"<[^>]+>")
_FIRST_P = re.compile(r"\s*<p>(.*?)</p>", re.S)
_FIRST_LIST = re.compile(r"\s*<(ul|ol)>(.*?)</\1>", re.S)
_ITEM = re.compile(r"<li>(.*?)</li>", re.S)
_SENTENCE_END = re.compile(r"(?<=[.!?])(?=\s|$)")


def _plain(html: str) -> str:
    return " ".join(_TAG.sub(" ", html).split())


def _shorten(text: str, limit: int = MAX_CHARS) -> str:
    """``text`` cut after the last whole sentence within ``limit``, else at a word."""
    if len(text) <= limit:
        return text
    ends = [m.start() for m in _SENTENCE_END.finditer(text) if m.start() <= limit]
    if ends:
        return text[:ends[-1]]
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def _is_label(text: str) -> bool:
    """A short line without a sentence end: a list's label or an admonition's title."""
    return len(text) < 40 and text[-1:] not in ".!?"


def _items(html: str) -> str:
    items = [_plain(item) for item in _ITEM.findall(html)[:LIST_ITEMS]]
    return "; ".join(item.rstrip(".;") for item in items if item)


def excerpt(text: str) -> str:
    """The excerpt shown for one search entry's ``text`` (HTML as Material writes it)."""
    lead = _FIRST_P.match(text)
    after = text[lead.end():] if lead else ""
    if lead and _is_label(_plain(lead.group(1))) and (items := _FIRST_LIST.match(after)):
        # "Extend when" or an admonition's title, then the list it introduces.
        plain = _shorten(_plain(lead.group(1)) + ": " + _items(items.group(2)))
    elif lead:
        plain = _shorten(_plain(lead.group(1)))
    elif match := _FIRST_LIST.match(text):
        plain = _shorten(_items(match.group(2)))
    else:
        # Text before the first tag: a table flattened into words, or a summary
        # line such as a self-check question. Only a short first sentence is kept.
        lead = _plain(text.split("<", 1)[0])
        first = _SENTENCE_END.split(lead, 1)[0].strip()
        plain = first if len(first) <= MAX_CHARS and first[-1:] in ".!?" else ""
    return f"<p>{plain}</p>" if plain else ""


def wants_excerpts(config: MkDocsConfig) -> bool:
    """True when the search plugin searches a ``body`` field (set in mkdocs.yml)."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    fields = getattr(search, "config", {}).get("fields") or {} if search else {}
    return "body" in fields


def add_excerpts(index_file: Path, then: Callable[[dict], None] | None = None) -> None:
    """Rewrite Material's search index: full text to ``body``, an excerpt to ``text``;
    then ``then(entry)`` on each entry, if given (one read and write of the index)."""
    index = json.loads(index_file.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        body = doc.get("text", "")
        doc["body"] = body
        doc["text"] = excerpt(body)
        if then is not None:
            then(doc)
    index_file.write_text(json.dumps(index, separators=(",", ":")),
                          encoding="utf-8")
