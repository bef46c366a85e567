"""The JSON Schema of translation files (``x.tr.yml``), from the models' text fields.

A translation does not name its kind, so the schema accepts the text fields of
any file it may translate (``anyOf`` one view per model); each view allows only
text, so an editor flags an id, a date or an owner typed into a translation.
"""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel

from playbook_handbook.translate.document import fingerprint_pattern
from playbook_handbook.translate.fields import ITEM_KEYS, is_text

LANGUAGE = {"type": "string", "pattern": "^[a-z]{2,3}(-[a-z]{2})?$",
            "patternErrorMessage": "a language code like tr",
            "description": "The translation's language code; must match the file name "
                           "(x.tr.yml: tr)."}
MADE_FROM = {
    "type": "object",
    "description": "Written by `handbook translated`: a fingerprint of the English each "
                   "field was translated from, so check can say when the English changed.",
    "additionalProperties": {"type": "string", "pattern": fingerprint_pattern(),
                             "patternErrorMessage": "run handbook translated to write it"},
}
TEXT = {"type": ["string", "null"],
        "description": "The translation; leave it empty to show the English."}


def translation_schema(models: list[type[BaseModel]]) -> dict[str, Any]:
    """One schema accepting a translation of any of ``models``."""
    views = []
    for model in models:
        view = _view(model)
        view["properties"] = {"language": LANGUAGE, "made_from": MADE_FROM,
                              **view["properties"]}
        view["required"] = ["language"]
        views.append(view)
    return {"type": "object", "anyOf": views}


def _view(model: type[BaseModel]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        found = _field(info.annotation, is_text(info))
        if found is not None:
            properties[name] = {**found, "description": info.description or found.get(
                "description", "")}
    for key in ITEM_KEYS:  # an item says which English item it translates
        if key in model.model_fields and key not in properties:
            properties[key] = {"description": f"The English item's {key}, copied to match it."}
    return {"type": "object", "properties": properties, "additionalProperties": False}


def _field(annotation: Any, text: bool) -> dict[str, Any] | None:
    """The schema of a field's translation, or None when it has no text."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        view = _view(annotation)
        return view if view["properties"].keys() - set(ITEM_KEYS) else None
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin is list and args:
        item = _field(args[0], text)
        if item is None:
            return None
        return {"type": "array", "items": {"anyOf": [item, {"type": "object",
                                                             "maxProperties": 0}]}}
    if origin is typing.Annotated or (args and origin is not None):
        options = [found for arg in args if (found := _field(arg, text)) is not None]
        if len(options) == 1:
            return options[0]
        return {"anyOf": options} if options else None
    return dict(TEXT) if text and annotation is str else None
