"""Pair a translation file with its English model, field by field.

A translation mirrors its English file but holds only text (:mod:`.fields`):
the same keys and nesting; lists with the same items in the same order, or
items matched by their ``id`` (or severity ``level``) when they give it; ``{}``
for an item with nothing to translate. Anything else is reported where it is.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from playbook_handbook.load.yamlsource import Source
from playbook_handbook.problems import Problem
from playbook_handbook.translate.fields import ITEM_KEYS, Loc, item_name, text_fields

#: Keys of a translation file that are not text of the English.
OWN_KEYS = ("language", "made_from")
RULE = "translation-field"


@dataclass(frozen=True)
class Pair:
    """A translated text: where it goes in the English, where it is in the file."""

    english_loc: Loc
    loc: Loc
    name: str
    english: str
    text: str


@dataclass
class Pairing:
    pairs: list[Pair] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def pair(english: BaseModel, source: Source) -> Pairing:
    """Every translated text of ``source`` with its English, and what does not fit."""
    found = Pairing()
    rest = {key: value for key, value in source.data.items() if key not in OWN_KEYS}
    _Walker(source, found).model(english, rest, (), (), "")
    return found


class _Walker:
    def __init__(self, source: Source, found: Pairing):
        self.source, self.found = source, found

    def problem(self, loc: Loc, message: str, *, key: bool = False) -> None:
        line, column = self.source.position(loc, key=key)
        self.found.problems.append(Problem(self.source.path, line, column, message, RULE))

    def model(self, english: BaseModel, data: Any, eloc: Loc, loc: Loc, name: str) -> None:
        if data == {} or data is None:
            return
        if not isinstance(data, dict):
            self.problem(loc, f"{name or 'the file'}: expected the same fields as the English "
                              "(key: value), found something else")
            return
        fields = text_fields(type(english))
        for key, value in data.items():
            here = f"{name}.{key}" if name else str(key)
            if key not in fields:
                close = difflib.get_close_matches(str(key), list(fields), n=1, cutoff=0.6)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                self.problem((*loc, key), f"{here}: the English has no field '{key}'{hint}",
                             key=True)
                continue
            self.value(getattr(english, key), value, fields[key],
                       (*eloc, key), (*loc, key), here)

    def value(self, english: Any, data: Any, text: bool, eloc: Loc, loc: Loc,
              name: str) -> None:
        if isinstance(english, str) and text:
            if data is None:
                return  # not translated yet: the English shows
            if not isinstance(data, str):
                self.problem(loc, f"{name}: expected the translated text, found "
                                  f"{type(data).__name__}")
                return
            self.found.pairs.append(Pair(eloc, loc, name, english, data))
        elif isinstance(english, BaseModel):
            self.model(english, data, eloc, loc, name)
        elif isinstance(english, list) and (text or _has_models(english)):
            self.items(english, data, text, eloc, loc, name)
        elif isinstance(english, str) and data == {}:
            return  # an id in a list of ids and notes: nothing to translate
        elif english is None and text:
            self.problem(loc, f"{name}: the English file does not give this field; "
                              "translate only what the English has")
        else:
            self.problem(loc, f"{name}: is shared by every language (an id, a date, a "
                              "number or a choice); leave it out of the translation")

    def items(self, english: list, data: Any, text: bool, eloc: Loc, loc: Loc,
              name: str) -> None:
        if not isinstance(data, list):
            self.problem(loc, f"{name}: expected a list like the English")
            return
        keyed = _keyed(english)
        if keyed and all(isinstance(item, dict) and keyed[0] in item for item in data):
            key = keyed[0]
            by_key = {getattr(item, key): index for index, item in enumerate(english)}
            for index, item in enumerate(data):
                value = item.get(key)
                if value not in by_key:
                    self.problem((*loc, index, key),
                                 f"{name}[{index + 1}]: the English has no item with {key} "
                                 f"{value}")
                    continue
                target = by_key[value]
                original = english[target]
                rest = {k: v for k, v in item.items() if k != key}
                self.value(original, rest, text, (*eloc, target), (*loc, index),
                           item_name(name, target, original))
            return
        if len(data) != len(english):
            hint = " (write {} for an item with nothing to translate)" \
                if _has_models(english) else ""
            self.problem(loc, f"{name}: has {len(data)} item{'s' * (len(data) != 1)}, the "
                              f"English has {len(english)}; keep the same items in the same "
                              f"order{hint}")
            return
        for index, (original, item) in enumerate(zip(english, data, strict=True)):
            if isinstance(original, BaseModel) and isinstance(item, dict):
                item = {k: v for k, v in item.items() if k not in ITEM_KEYS
                        or k not in type(original).model_fields
                        or v == getattr(original, k)}
            self.value(original, item, text, (*eloc, index), (*loc, index),
                       item_name(name, index, original))


def _has_models(items: list) -> bool:
    return any(isinstance(item, BaseModel) for item in items)


def _keyed(items: list) -> tuple[str, ...]:
    """The item key every item of ``items`` has (``("id",)``), else ``()``."""
    for key in ITEM_KEYS:
        if items and all(isinstance(item, BaseModel) and key in type(item).model_fields
                         and getattr(item, key) is not None for item in items):
            return (key,)
    return ()
