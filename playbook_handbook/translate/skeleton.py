"""``handbook new translation``: a translation file to fill in, and ``handbook
translated``: record which English a translation was made from.

The skeleton mirrors the English file's text fields with empty values, each
under its English as a comment; an empty value shows the English until it is
filled in, so a half-done translation is never counted as done.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from playbook_handbook.translate.fields import is_text, item_key

INDENT = "  "


def skeleton(english: BaseModel, language: str, schema: str, english_name: str,
             rel_path: str, raw: Any = None) -> str:
    """The text of a new translation file of ``english``; ``raw``, the English file's
    data, gives the order of its fields (the translation reads in the same order)."""
    head = [
        f"# yaml-language-server: $schema={schema}",
        f"# The '{language}' translation of {english_name}. Under each # en: line, write the",
        "# translation as the value; a value left empty shows the English until translated.",
        "# Ids, dates, owners and links stay in the English file. When done, run:",
        f"#   handbook translated {rel_path}",
        f"language: {language}",
    ]
    return "\n".join([*head, *_model(english, 0, raw)]) + "\n"


def _in_file_order(model: BaseModel, raw: Any) -> list[str]:
    names = list(type(model).model_fields)
    if not isinstance(raw, dict):
        return names
    written = {key: index for index, key in enumerate(raw)}
    return sorted(names, key=lambda name: written.get(name, len(written)))


def _model(model: BaseModel, depth: int, raw: Any = None) -> Iterator[str]:
    pad = INDENT * depth
    for name in _in_file_order(model, raw):
        info = type(model).model_fields[name]
        value = getattr(model, name)
        inner = raw.get(name) if isinstance(raw, dict) else None
        body = list(_value(value, is_text(info), depth, inner))
        if not body:
            continue
        if isinstance(value, str):
            yield from _comment(value, pad)
            yield f"{pad}{name}:"
        else:
            yield f"{pad}{name}:"
            yield from body


def _value(value: Any, text: bool, depth: int, raw: Any = None) -> Iterator[str]:
    """Lines below a field's key (for a text field: a marker that it has text)."""
    pad = INDENT * (depth + 1)
    if isinstance(value, str):
        if text:
            yield ""
    elif isinstance(value, BaseModel):
        yield from _model(value, depth + 1, raw)
    elif isinstance(value, list):
        raws = raw if isinstance(raw, list) and len(raw) == len(value) else [None] * len(value)
        items = [list(_item(item, text, depth + 1, r)) for item, r in zip(value, raws,
                                                                           strict=True)]
        if any(items):
            for lines in items:
                yield from lines if lines else [f"{pad}- {{}}"]


def _item(item: Any, text: bool, depth: int, raw: Any = None) -> Iterator[str]:
    pad = INDENT * depth
    if isinstance(item, str):
        if text:
            yield from _comment(item, pad)
            yield f"{pad}-"
    elif isinstance(item, BaseModel):
        inner = list(_model(item, depth + 1, raw))
        if inner:
            key = item_key(item)
            first = f"{pad}- {key.replace('=', ': ', 1)}" if key else f"{pad}-"
            yield first
            yield from inner


def _comment(text: str, pad: str) -> Iterator[str]:
    for number, line in enumerate(text.strip().splitlines() or [""]):
        yield f"{pad}# {'en: ' if number == 0 else '    '}{line}".rstrip()


_MADE_FROM = re.compile(r"^made_from:.*\n(?:(?:[ \t].*|#.*|)\n)*", re.MULTILINE)


def with_fingerprints(text: str, made_from: dict[str, str]) -> str:
    """``text`` with its ``made_from:`` block replaced by ``made_from`` (added at the end)."""
    kept = _MADE_FROM.sub("", text if text.endswith("\n") else text + "\n")
    block = ["made_from:  # fingerprints of the English each field was translated from"]
    block += [f"  {json.dumps(name, ensure_ascii=False)}: {json.dumps(value)}"
              for name, value in made_from.items()]
    return kept.rstrip("\n") + "\n" + "\n".join(block) + "\n"
