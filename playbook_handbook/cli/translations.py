"""``handbook new translation`` and ``handbook translated``: a translator's two commands."""

from __future__ import annotations

import os
from pathlib import Path

from playbook_handbook.index.handbook import Handbook
from playbook_handbook.problems import errors, neutralise
from playbook_handbook.translate.document import translation_file
from playbook_handbook.translate.skeleton import skeleton, with_made_from

SCHEMA = "docs/schema/translation.schema.json"


class TranslationError(Exception):
    """Why nothing was written, as one sentence."""


def english_of(book: Handbook, name: str) -> tuple[str, object]:
    """``(path from the root, model)`` of a playbook or path id, or a definition file
    named by its file name without .yml (severity-scale, tags ...)."""
    entry = book.resolve(name) or book.paths.get(name)
    if entry is not None:
        return entry.rel_path, getattr(entry, "playbook", None) or entry.path
    for file in book.definitions.files.values():
        if Path(file.rel_path).stem == name:
            if file.model is None:
                raise TranslationError(f"{file.rel_path} is missing or has errors; "
                                       "run handbook check")
            return file.rel_path, file.model
    raise TranslationError(f"no playbook, path or definition file is called '{name}'"
                           f"{book.suggest(name)}")


def new_translation(book: Handbook, name: str, language: str) -> str:
    """Write the skeleton of the ``language`` translation of ``name``; its path."""
    rel, model = english_of(book, name)
    target = translation_file(book.root / rel, language)
    target_rel = target.relative_to(book.root).as_posix()
    schema = os.path.relpath(book.root / SCHEMA, target.parent).replace(os.sep, "/")
    text = skeleton(model, language, schema, Path(rel).name, target_rel)  # type: ignore[arg-type]
    try:
        with target.open("x", encoding="utf-8", newline="\n") as out:
            out.write(text)
    except FileExistsError:
        raise TranslationError(f"{target_rel} already exists; edit it, and run handbook "
                               "check to see which fields are stale") from None
    return target_rel


def record_made_from(book: Handbook, file: Path) -> str:
    """Record today's English of every translated field of ``file``; its path."""
    rel = file.resolve().relative_to(book.root).as_posix() if file.is_absolute() or \
        file.resolve().is_relative_to(book.root) else file.as_posix()
    for found in book.translations.values():
        for translation in found.values():
            if translation.rel_path == rel:
                failing = errors(translation.problems)
                if failing:
                    raise TranslationError(
                        f"{rel} has {len(failing)} error{'s' * (len(failing) != 1)}; fix what "
                        "handbook check reports first")
                path = book.root / rel
                text = path.read_text(encoding="utf-8")
                path.write_text(with_made_from(text, translation.made_from_now),
                                encoding="utf-8", newline="\n")
                return rel
    raise TranslationError(neutralise(f"{rel} is not a translation the handbook knows "
                                      "(x.tr.yml beside a valid x.yml)"))
