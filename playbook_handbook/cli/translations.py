"""``handbook new translation`` and ``handbook translated``: a translator's two commands."""

from __future__ import annotations

import os
from pathlib import Path

from playbook_handbook.index.handbook import Handbook
from playbook_handbook.problems import errors, neutralise
from playbook_handbook.translate.document import (
    english_file,
    recorded,
    translation_file,
    translation_language,
)
from playbook_handbook.translate.pages import with_made_from
from playbook_handbook.translate.skeleton import skeleton, with_fingerprints

SCHEMA = "docs/schema/translation.schema.json"


class TranslationError(Exception):
    """Why nothing was written, as one sentence."""


def english_of(book: Handbook, name: str) -> tuple[str, object, object]:
    """``(path from the root, model, file data)`` of a playbook or path id, or of a
    definition file named by its file name without .yml (severity-scale, tags ...)."""
    entry = book.resolve(name) or book.paths.get(name)
    if entry is not None:
        model = getattr(entry, "playbook", None) or entry.path
        return entry.rel_path, model, entry.source.data
    for file in book.definitions.files.values():
        if Path(file.rel_path).stem == name:
            if file.model is None:
                raise TranslationError(f"{file.rel_path} is missing or has errors; "
                                       "run handbook check")
            return file.rel_path, file.model, file.source.data if file.source else None
    raise TranslationError(f"no playbook, path or definition file is called '{name}'"
                           f"{book.suggest(name)}")


def new_translation(book: Handbook, name: str, language: str) -> str:
    """Write the skeleton of the ``language`` translation of ``name``; its path."""
    rel, model, raw = english_of(book, name)
    target = translation_file(book.root / rel, language)
    target_rel = target.relative_to(book.root).as_posix()
    schema = os.path.relpath(book.root / SCHEMA, target.parent).replace(os.sep, "/")
    text = skeleton(model, language, schema, Path(rel).name, target_rel,  # type: ignore[arg-type]
                    raw)
    try:
        with target.open("x", encoding="utf-8", newline="\n") as out:
            out.write(text)
    except FileExistsError:
        raise TranslationError(f"{target_rel} already exists; edit it, and run handbook "
                               "check to see which fields are stale") from None
    return target_rel


def record_made_from(book: Handbook, file: Path) -> str:
    """Record today's English of every translated field of ``file`` (of the whole
    English page for a ``docs/x.tr.md``); its path."""
    path = file if file.is_absolute() else book.root / file
    rel = path.resolve().relative_to(book.root).as_posix() \
        if path.resolve().is_relative_to(book.root) else file.as_posix()
    if rel.endswith(".md") and translation_language(Path(rel)):
        english = book.root / english_file(Path(rel))
        if not all(p.resolve().is_relative_to(book.root) for p in (book.root / rel, english)):
            raise TranslationError(neutralise(f"{rel} is outside the repository (or links "
                                              "there); handbook translated writes only "
                                              "inside it"))
        if not (book.root / rel).is_file() or not english.is_file():
            raise TranslationError(neutralise(f"{rel} is not a page translation beside its "
                                              "English page (docs/x.tr.md beside docs/x.md)"))
        text = (book.root / rel).read_text(encoding="utf-8")
        updated = with_made_from(text, english.read_text(encoding="utf-8-sig"))
        (book.root / rel).write_text(updated, encoding="utf-8", newline="\n")
        return rel
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
                path.write_text(with_fingerprints(text, recorded(translation.pairs)),
                                encoding="utf-8", newline="\n")
                return rel
    raise TranslationError(neutralise(f"{rel} is not a translation the handbook knows "
                                      "(x.tr.yml beside a valid x.yml)"))
