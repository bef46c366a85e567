"""Validate one loaded YAML document against the model, with positioned messages."""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from playbook_handbook.load.yamlsource import Source, describe_scalar
from playbook_handbook.model.playbook import KINDS, MODELS, AnyPlaybook, OnboardingPath
from playbook_handbook.problems import Problem

M = TypeVar("M", bound=BaseModel)

_EXPECTED = {
    "string_type": "text",
    "list_type": "a list (lines starting with '- ')",
    "dict_type": "a mapping of fields (key: value)",
    "model_type": "a mapping of fields (key: value)",
    "model_attributes_type": "a mapping of fields (key: value)",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "date_type": "a date like 2026-03-31",
    "date_parsing": "a date like 2026-03-31",
    "date_from_datetime_parsing": "a date like 2026-03-31",
    "date_from_datetime_inexact": "a date like 2026-03-31 (no time)",
    "bool_type": "true or false",
}


def validate_playbook(source: Source) -> tuple[AnyPlaybook | None, list[Problem]]:
    """Pick the model from ``kind`` and validate the document against it."""
    data = source.data
    if not isinstance(data, dict):
        return None, [_top_level_problem(source)]
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in MODELS:
        line, column = source.position(("kind",)) if "kind" in data else (1, 1)
        if "kind" not in data:
            message = f"missing required field 'kind' (one of: {', '.join(KINDS)})"
            return None, [Problem(source.path, line, column, message, "required")]
        message = f"kind: '{kind}' is not one of: {', '.join(KINDS)}"
        message += _did_you_mean(str(kind), KINDS)
        return None, [Problem(source.path, line, column, message, "enum")]
    return validate_as(MODELS[kind], source)  # type: ignore[return-value]


def validate_path(source: Source) -> tuple[OnboardingPath | None, list[Problem]]:
    if not isinstance(source.data, dict):
        return None, [_top_level_problem(source)]
    return validate_as(OnboardingPath, source)


def validate_as(model: type[M], source: Source) -> tuple[M | None, list[Problem]]:
    try:
        return model.model_validate(source.data), []
    except ValidationError as exc:
        problems = [problem_from_error(model, source, err) for err in exc.errors(include_url=False)]
        return None, sorted(set(problems))


def _top_level_problem(source: Source) -> Problem:
    found = _describe(source.data)
    return Problem(
        source.path, 1, 1,
        f"a playbook file must hold a mapping of fields (id: ..., title: ...), not {found}",
        "top-level",
    )


def problem_from_error(model: type[BaseModel], source: Source, err: Any) -> Problem:
    """One pydantic error of ``model`` as a positioned, plain-English problem."""
    loc: tuple = tuple(err["loc"])
    kind = err["type"]
    ctx = err.get("ctx") or {}
    field = _dotted(loc)
    where = f"{field}: " if field else ""
    line, column = source.position(loc)

    if kind == "missing":
        parent = _dotted(loc[:-1])
        inside = f" in {parent}" if parent else ""
        return Problem(source.path, line, column,
                       f"missing required field '{loc[-1]}'{inside}", "required")
    if kind == "extra_forbidden":
        line, column = source.position(loc, key=True)
        allowed = _fields_at(model, loc[:-1])
        message = f"unknown field '{loc[-1]}'" + _did_you_mean(str(loc[-1]), allowed)
        if not allowed or not _did_you_mean(str(loc[-1]), allowed):
            message += f"; allowed here: {', '.join(allowed)}" if allowed else ""
        return Problem(source.path, line, column, message, "unknown-field")

    node = source.node(loc)
    if kind in _EXPECTED:
        trap = describe_scalar(node)
        if trap and kind == "string_type":
            raw = getattr(node, "value", "")
            hint = f"{loc[-1]}: \"{raw}\"" if isinstance(loc[-1], str) else f"- \"{raw}\""
            if trap == "the value is empty":
                return Problem(source.path, line, column,
                               f"{where}the value is empty; write some text or remove the line",
                               "empty-value")
            return Problem(source.path, line, column,
                           f"{where}{trap}; put it in quotes: {hint}", "quote-value")
        return Problem(source.path, line, column,
                       f"{where}expected {_EXPECTED[kind]}, found {_describe(err['input'])}",
                       "type")
    if kind == "literal_error":
        expected = _literal_choices(ctx.get("expected", ""))
        value = err["input"]
        message = f"{where}'{value}' is not one of: {', '.join(expected)}"
        return Problem(source.path, line, column,
                       message + _did_you_mean(str(value), expected), "enum")
    if kind == "string_too_long":
        return Problem(source.path, line, column,
                       f"{where}too long ({len(err['input']):,} characters; at most "
                       f"{ctx['max_length']:,})", "too-long")
    if kind == "string_too_short":
        return Problem(source.path, line, column, f"{where}must not be empty", "empty-value")
    if kind == "too_short":
        need = ctx.get("min_length", 1)
        return Problem(source.path, line, column,
                       f"{where}needs at least {need} item{'s' if need != 1 else ''}",
                       "too-few")
    if kind == "too_long":
        return Problem(source.path, line, column,
                       f"{where}has more than {ctx.get('max_length')} items", "too-many")
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = {"greater_than_equal": "at least", "less_than_equal": "at most",
                 "greater_than": "more than", "less_than": "less than"}[kind]
        limit = next(iter(ctx.values()))
        return Problem(source.path, line, column, f"{where}must be {bound} {limit}", "range")
    if kind == "value_error":
        message = str(err["msg"]).removeprefix("Value error, ")
        return Problem(source.path, line, column, f"{where}{message}", "value")
    return Problem(source.path, line, column, f"{where}{err['msg']}", kind)


def _dotted(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"yes/no value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return f"the text '{short}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _literal_choices(expected: str) -> list[str]:
    return [part.strip().strip("'") for part in expected.replace(" or ", ", ").split(",")
            if part.strip()]


def _did_you_mean(word: str, choices: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """Field names allowed in the mapping at ``loc`` of ``model``."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if _is_model(current) else None
        if field is None:
            return []
        current = _inner_model(field.annotation)
    return list(current.model_fields) if _is_model(current) else []


def _is_model(obj: Any) -> bool:
    return isinstance(obj, type) and issubclass(obj, BaseModel)


def _inner_model(annotation: Any) -> Any:
    if _is_model(annotation):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
