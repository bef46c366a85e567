"""Human names for the fields of a playbook, as a reviewer reads them.

A field's name comes from the model (``why_it_matters`` -> "Why it matters"),
with a small mapping where the model's name is not plain English. List items
are named by what they are ("Step 3", "Severity level 1", "Holding statement
'First update'"), so a label points at the place on the page:
"Severity level 1 - Alert", "Step 3 - details".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

#: Field names the model spells in a way readers would not.
FIELD_NAMES: dict[str, str] = {
    "time_minutes": "Time to work through (minutes)",
    "review_interval_days": "Review interval (days)",
    "respond_within_minutes": "Respond within (minutes)",
    "first_15_minutes": "First 15 minutes",
    "self_check": "Self-check questions",
    "donts": "Don'ts",
    "post_crisis_review": "Post-crisis review",
    "aliases": "Former ids",
    "related": "Related playbooks",
    "min_days": "Minimum days",
    "max_days": "Maximum days",
    "url": "Address",
    "native_analytics": "Native analytics",
}

#: How one item of a list field is named: a noun, and the item's own field
#: that names it (shown in quotes), or None to number it ("Step 3").
ITEM_NAMES: dict[str, tuple[str, str | None]] = {
    "steps": ("Step", None),
    "how_to_answer": ("Step", None),
    "worksheet": ("Worksheet step", None),
    "questions": ("Question", None),
    "self_check": ("Self-check question", None),
    "pitfalls": ("Pitfall", None),
    "templates": ("Template", "title"),
    "holding_statements": ("Holding statement", "title"),
    "severity_levels": ("Severity level", "level"),
    "roles": ("Role", "role"),
    "segments": ("Segment", "name"),
    "data_sources": ("Data sources for", "network"),
    "rules": ("Rule", None),
    "sources": ("Source", None),
    "checklist": ("Checklist item", None),
    "examples": ("Example", None),
    "red_flags": ("Red flag", None),
    "signals": ("Signal", None),
    "extend_when": ("Extend-when signal", None),
    "end_early_when": ("End-early signal", None),
    "first_15_minutes": ("First 15 minutes action", None),
    "first_hour": ("First hour action", None),
    "first_day": ("First day action", None),
    "alert": ("Alert", None),
    "donts": ("Don't", None),
    "post_crisis_review": ("Post-crisis review step", None),
}

#: List items that keep their identity when edited: matched by this field
#: (a changed step title is the same step, renamed) rather than by position.
ITEM_KEYS: dict[str, str] = {
    "severity_levels": "level",
    "holding_statements": "title",
    "templates": "title",
    "roles": "role",
    "segments": "name",
    "data_sources": "network",
    "sources": "url",
}


def field_name(name: str, *, nested: bool = False, is_list: bool = False) -> str:
    """The label of a field: capitalised at the top of a page and for lists,
    lower case for a single value inside an item ("Step 3 - details")."""
    text = FIELD_NAMES.get(name) or name.replace("_", " ")
    if nested and not is_list:
        return text[0].lower() + text[1:] if not text[:2].isupper() else text
    return text[0].upper() + text[1:]


def item_name(field: str, index: int, item: Any) -> str:
    """The label of one item of list ``field``, at ``index`` (0-based)."""
    noun, key = ITEM_NAMES.get(field, (field_name(field) + " item", None))
    if key and not isinstance(item, dict):  # a list of lines sharing a name with one of items
        noun, key = field_name(field) + " item", None
    if key == "level" and isinstance(item, dict) and key in item:
        return f"{noun} {item[key]}"
    if key and isinstance(item, dict) and isinstance(item.get(key), str):
        return f"{noun} '{item[key]}'"
    return f"{noun} {index + 1}"


def join(parts: Sequence[str]) -> str:
    """Labels from the page down to the field, e.g. "Question 2 - Step 1 - title"."""
    return " - ".join(parts)
