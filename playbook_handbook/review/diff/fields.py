"""Field-by-field differences of two validated models, each named for a reviewer.

Works on ``model_dump(mode="json")`` of both sides, so formatting, comments
and quoting in the YAML never show up; prose is compared word by word.
"""

from __future__ import annotations

import difflib
import json
from typing import Any

from playbook_handbook.review.diff.labels import (
    ITEM_KEYS,
    ITEM_NAMES,
    field_name,
    item_name,
    join,
)
from playbook_handbook.review.diff.report import FieldChange
from playbook_handbook.review.diff.words import same_words, word_diff

#: Lists whose items are words from a vocabulary or ids: shown as added and
#: removed entries, not item by item.
SET_LISTS = frozenset({"tags", "networks", "skills", "audience", "related", "aliases",
                       "triggers"})

Loc = tuple[str | int, ...]


def diff_models(before: dict[str, Any], after: dict[str, Any]) -> list[FieldChange]:
    """Every reader-relevant difference between two dumped models, in page order."""
    return _fields(before, after, (), ())


def _fields(before: dict, after: dict, loc: Loc, labels: tuple[str, ...]) -> list[FieldChange]:
    found: list[FieldChange] = []
    for key in dict.fromkeys([*after, *before]):
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        is_list = isinstance(old, list) or isinstance(new, list)
        label = field_name(key, nested=bool(labels), is_list=is_list)
        found += _value(old, new, (*loc, key), labels, label, key)
    return found


def _value(old: Any, new: Any, loc: Loc, parents: tuple[str, ...], label: str,
           key: str) -> list[FieldChange]:
    labels = (*parents, label)
    if isinstance(old, dict) and isinstance(new, dict):
        return _fields(old, new, loc, labels)
    if isinstance(old, list) or isinstance(new, list):
        old_list = old if isinstance(old, list) else []
        new_list = new if isinstance(new, list) else []
        if key in SET_LISTS:
            return _set_list(old_list, new_list, loc, join(labels))
        return _list(old_list, new_list, loc, parents, key, label)
    if isinstance(old, str) and isinstance(new, str):
        if same_words(old, new):
            return []
        words = word_diff(old, new) if len(old.split()) + len(new.split()) > 2 else None
        return [FieldChange(loc, join(labels), "changed", old, new, words)]
    change = "added" if old is None else "removed" if new is None else "changed"
    return [FieldChange(loc, join(labels), change, old, new)]


def _set_list(old: list, new: list, loc: Loc, label: str) -> list[FieldChange]:
    removed = [item for item in old if item not in new]
    added = [item for item in new if item not in old]
    found = [FieldChange(loc, label, "removed", before=removed)] if removed else []
    found += [FieldChange(loc, label, "added", after=added)] if added else []
    if not found:  # the same entries in another order
        found.append(FieldChange(loc, label, "changed", old, new, note="order changed"))
    return found


def _list(old: list, new: list, loc: Loc, parents: tuple[str, ...], key: str,
          label: str) -> list[FieldChange]:
    """Items matched in order (by their naming field where they have one): changed
    items field by field, then the items removed and added. An added or removed
    line of a list of lines is named by the list ("Severity level 1 - Alert")."""
    match_key = ITEM_KEYS.get(key)
    old_ids, new_ids = ([_identity(item, match_key) for item in items] for items in (old, new))
    found: list[FieldChange] = []
    matcher = difflib.SequenceMatcher(None, old_ids, new_ids, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        pairs = list(zip(range(i1, i2), range(j1, j2), strict=False))
        if tag == "equal" or tag == "replace":
            for i, j in pairs:
                found += _item(old[i], new[j], (*loc, j), parents, item_name(key, j, new[j]),
                               key)
        paired = len(pairs) if tag in ("equal", "replace") else 0
        for i in range(i1 + paired, i2):
            name = item_name(key, i, old[i]) if isinstance(old[i], dict) else label
            found.append(FieldChange((*loc, i), join((*parents, name)), "removed",
                                     before=old[i]))
        for j in range(j1 + paired, j2):
            name = item_name(key, j, new[j]) if isinstance(new[j], dict) else label
            found.append(FieldChange((*loc, j), join((*parents, name)), "added",
                                     after=new[j]))
    return found


def _item(old: Any, new: Any, loc: Loc, parents: tuple[str, ...], label: str,
          key: str) -> list[FieldChange]:
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        return _fields(old, new, loc, (*parents, label))
    return _value(old, new, loc, parents, label, key)


def _identity(item: Any, match_key: str | None) -> str:
    """What makes two list items "the same item" for matching."""
    if match_key and isinstance(item, dict) and match_key in item:
        return f"{match_key}={item[match_key]}"
    return json.dumps(item, sort_keys=True, ensure_ascii=False)


def all_fields(after: dict[str, Any]) -> list[FieldChange]:
    """Every value of a new page, one entry per field or list item, so that a
    reviewer can read a new playbook without opening its file."""
    first = {key: after[key] for key in ("id", "kind") if key in after}
    return _leaves({**first, **after}, (), ())


def _leaves(data: dict, loc: Loc, labels: tuple[str, ...]) -> list[FieldChange]:
    found: list[FieldChange] = []
    for key, value in data.items():
        if value is None or value == []:
            continue
        label = field_name(key, nested=bool(labels), is_list=isinstance(value, list))
        if isinstance(value, dict):
            found += _leaves(value, (*loc, key), (*labels, label))
        elif isinstance(value, list) and all(isinstance(item, dict) for item in value):
            named_by = ITEM_NAMES.get(key, ("", None))[1]  # already in the item's label
            for index, item in enumerate(value):
                rest = {k: v for k, v in item.items() if k != named_by}
                found += _leaves(rest, (*loc, key, index),
                                 (*labels, item_name(key, index, item)))
        elif isinstance(value, list) and key not in SET_LISTS:  # lines: one entry each
            found += [FieldChange((*loc, key, index), join((*labels, item_name(key, index, item))),
                                  "added", after=item) for index, item in enumerate(value)]
        else:
            found.append(FieldChange((*loc, key), join((*labels, label)), "added", after=value))
    return found
