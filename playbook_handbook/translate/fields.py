"""Which values of a validated model are text a translation may give.

A field is text when its type carries :data:`model.playbook.TEXT` (``Line``,
``Prose``, ``LongText``, ``Summary``); ids, handles, dates, numbers, addresses
and choices are shared by every edition. Fields are named the way messages
show them: ``steps[2].details`` (the second step), and items that carry an id (or a severity
``level``) by it, ``terms[id=crisis].description``, so that adding an item to
the English does not move every translation after it.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from playbook_handbook.model.playbook import TEXT

Loc = tuple[str | int, ...]
#: Fields that identify a list item across editions, in the order tried.
ITEM_KEYS = ("id", "level")


@dataclass(frozen=True)
class Text:
    """One text value of a model: where it is, its name in messages, its text."""

    loc: Loc
    name: str
    value: str


def is_text(info: FieldInfo) -> bool:
    """Whether the field (or the items of a list field) holds text."""
    return TEXT in info.metadata or _carries_text(info.annotation)


@functools.cache
def text_fields(model: type[BaseModel]) -> Mapping[str, bool]:
    """Each field of ``model`` and whether it holds text (worked out once a class: a
    handbook's translations ask it for every field of every item); read-only."""
    return MappingProxyType({name: is_text(info) for name, info in model.model_fields.items()})


def _carries_text(annotation: Any) -> bool:
    if annotation is None or isinstance(annotation, type):
        return False
    args = typing.get_args(annotation)
    return any(arg is TEXT or _carries_text(arg) for arg in args)


def item_key(item: Any) -> str | None:
    """``id=crisis`` for an item with an id (``level=2`` for a level), else None."""
    if isinstance(item, BaseModel):
        for key in ITEM_KEYS:
            if key in type(item).model_fields and getattr(item, key) is not None:
                return f"{key}={getattr(item, key)}"
    return None


def item_name(parent: str, index: int, item: Any) -> str:
    """The name of list item ``index`` (0-based) of field ``parent``: ``steps[1]`` for
    the first, as every message of ``handbook check`` counts items."""
    return f"{parent}[{item_key(item) or index + 1}]"


def texts(model: BaseModel) -> Iterator[Text]:
    """Every text value of ``model``, in field order."""
    yield from _model_texts(model, (), "")


def _model_texts(model: BaseModel, loc: Loc, name: str) -> Iterator[Text]:
    for field_name, text in text_fields(type(model)).items():
        here = f"{name}.{field_name}" if name else field_name
        yield from _value_texts(getattr(model, field_name), text,
                                (*loc, field_name), here)


def _value_texts(value: Any, text: bool, loc: Loc, name: str) -> Iterator[Text]:
    if isinstance(value, str):
        if text:
            yield Text(loc, name, value)
    elif isinstance(value, BaseModel):
        yield from _model_texts(value, loc, name)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _value_texts(item, text, (*loc, index), item_name(name, index, item))
