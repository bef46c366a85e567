"""What the macros do, as plain functions of the handbook (testable without MkDocs)."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from playbook_handbook.index.handbook import Entry, Handbook
from playbook_handbook.render.pages import Renderer
from playbook_handbook.render.text_markdown import plain


class MacroError(LookupError):
    """A macro was called with something the handbook does not have."""


class Block(str):
    """A macro's result that is block HTML, not Markdown: the macros module writes a
    placeholder into the page and the plugin puts this HTML there after Markdown
    (:mod:`playbook_handbook.site.fragments`), wherever the call is indented."""


def check_call(function: Callable[..., Any], args: tuple, kwargs: dict[str, Any]) -> None:
    """Refuse a macro call with missing, extra or non-text arguments, in one sentence."""
    name = function.__name__
    try:
        bound = inspect.signature(function).bind(None, None, *args, **kwargs)
    except TypeError as exc:
        raise MacroError(f"{name}() was called with the wrong arguments ({exc}); see "
                         "CONTRIBUTING for how to call it") from None
    for key, value in list(bound.arguments.items())[2:]:
        values = value.values() if isinstance(value, dict) else [value]
        for one in values:
            if one is not None and not isinstance(one, str):
                raise MacroError(f"{name}(): {key} must be text in quotes, not "
                                 f"{type(one).__name__} {one!r}")


def find(book: Handbook, playbook_id: str) -> Entry:
    try:
        return book.require(playbook_id)
    except LookupError as exc:
        raise MacroError(*exc.args) from None


def playbook_link(renderer: Renderer, page_uri: str, playbook_id: str,
                  text: str | None = None) -> str:
    entry = find(renderer.book, playbook_id)
    label = plain(text if text is not None else entry.playbook.title)
    return f"[{label}]({renderer.relative(page_uri, entry.page_uri)})"


def path_link(renderer: Renderer, page_uri: str, path_id: str, text: str | None = None) -> str:
    path = renderer.book.paths.get(path_id)
    if path is None:
        raise MacroError(f"unknown onboarding path id '{path_id}'; known: "
                         f"{', '.join(renderer.book.paths) or 'none'}")
    label = plain(text if text is not None else path.path.title)
    return f"[{label}]({renderer.relative(page_uri, path.page_uri)})"


def playbook_list(renderer: Renderer, page_uri: str, style: str = "list", **filters: str) -> str:
    allowed = {"kind", "tag", "skill", "network", "level", "audience"}
    unknown = set(filters) - allowed
    if unknown:
        raise MacroError(f"playbook_list() has no filter {', '.join(sorted(unknown))}; "
                         f"use {', '.join(sorted(allowed))}")
    entries = renderer.book.select(**filters)
    if not entries:
        raise MacroError(f"playbook_list({filters}) matches no playbook")
    try:
        return Block(renderer.playbook_list(page_uri, entries, style))
    except ValueError as exc:
        raise MacroError(str(exc)) from None


def playbook_section(renderer: Renderer, page_uri: str, playbook_id: str, section: str) -> str:
    try:
        return renderer.section(page_uri, find(renderer.book, playbook_id), section)
    except ValueError as exc:
        raise MacroError(str(exc)) from None


def severity_scale(renderer: Renderer, page_uri: str) -> str:
    """The shared severity scale (definitions/severity-scale.yml) as a table."""
    try:
        return renderer.severity_scale(page_uri)
    except ValueError as exc:
        raise MacroError(str(exc)) from None


def holding_statement(renderer: Renderer, page_uri: str, statement_id: str) -> str:
    """One statement of the shared library (definitions/holding-statements.yml)."""
    try:
        return renderer.holding_statement(page_uri, statement_id)
    except ValueError as exc:
        raise MacroError(str(exc)) from None


def tag_descriptions(renderer: Renderer, page_uri: str) -> str:
    """The tag vocabulary (definitions/vocabularies/tags.yml) as a table: tag, what it
    groups, how many playbooks carry it."""
    try:
        return Block(renderer.tag_descriptions(page_uri))
    except ValueError as exc:
        raise MacroError(str(exc)) from None
