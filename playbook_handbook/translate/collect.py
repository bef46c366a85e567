"""Find and load every translation file of a handbook, beside its English file."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from playbook_handbook.problems import Problem
from playbook_handbook.translate.document import (
    Translation,
    english_file,
    load_translation,
    translation_language,
)
from playbook_handbook.translate.pairing import RULE

#: language -> English file's path from the root -> its translation
Translations = dict[str, dict[str, Translation]]


def split(files: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """``(sources, translations)``: ``x.tr.yml`` files go to the second list."""
    sources, translations = [], []
    for file in files:
        (translations if translation_language(file) else sources).append(file)
    return sources, translations


def beside(files: Iterable[Path]) -> list[Path]:
    """Translation files next to each of ``files`` (``definitions/x.tr.yml``)."""
    found = []
    for file in files:
        for candidate in sorted(file.parent.glob(f"{file.stem}.*{file.suffix}")):
            if translation_language(candidate) and english_file(candidate) == file:
                found.append(candidate)
    return found


def load_translations(root: Path, files: Iterable[Path],
                      english: dict[str, Any]) -> tuple[Translations, list[Problem]]:
    """Load each translation file against ``english`` (English file's path from the
    root -> its validated model). A translation of a file with errors is skipped:
    the English file's own problems say what to fix first."""
    found: Translations = {}
    problems: list[Problem] = []
    for file in files:
        language = translation_language(file)
        assert language is not None, file
        rel = file.relative_to(root).as_posix()
        english_rel = english_file(file).relative_to(root).as_posix()
        misnamed = _misnamed(file, language)
        if misnamed:
            problems.append(Problem(rel, 1, 1, misnamed, RULE))
            continue
        if file.is_symlink() and not file.resolve().is_relative_to(root.resolve()):
            problems.append(Problem(
                rel, 1, 1, "this is a link to a file outside the repository; copy the "
                "translation beside its English file instead", "symlink"))
            continue
        if not english_file(file).is_file():
            problems.append(Problem(
                rel, 1, 1, f"there is no {english_rel} for this file to translate; rename "
                "it after its English file (x.yml -> x.tr.yml) or delete it", RULE))
            continue
        model = english.get(english_rel)
        if model is None:
            continue
        translation = load_translation(file, rel, english_rel, model, language)
        problems += translation.problems
        found.setdefault(language, {})[english_rel] = translation
    return found, problems


def _misnamed(file: Path, language: str) -> str | None:
    """Why ``file``'s name is not a translation's (``x.en.yml``, ``x.TR.yml``), or None."""
    from playbook_handbook.index.handbook import SOURCE_LANGUAGE  # it imports this module

    english = english_file(file)
    proper = f"{english.stem}.{language}{english.suffix}"
    if language == SOURCE_LANGUAGE:
        return (f"{language} is the language of the English files; name a translation "
                f"after its own language ({english.stem}.tr{english.suffix})")
    if file.name != proper:
        return f"write the language code in lower case ({proper})"
    return None
