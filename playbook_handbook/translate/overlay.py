"""The handbook as one edition shows it: translated text over the English.

Ids, structure, dates, owners and references come from the English files, so
the editions cannot disagree on them; only text fields change. A file with no
translation, or a field not yet translated, shows its English.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from playbook_handbook.index.definitions import Definitions
from playbook_handbook.index.handbook import SOURCE_LANGUAGE, Handbook
from playbook_handbook.model.kinds import KIND_FOLDERS
from playbook_handbook.translate.collation import sort_key

__all__ = ["SOURCE_LANGUAGE", "TranslationState", "localize", "state_of"]

State = Literal["current", "stale", "partial", "missing"]


@dataclass(frozen=True)
class TranslationState:
    """How far one file's translation is from its English source."""

    state: State
    #: Fields whose English changed since the translation was made (``steps[2].details``).
    stale_fields: tuple[str, ...] = ()
    #: Fields with no translation yet: the page shows their English text.
    missing_fields: tuple[str, ...] = ()


def localize(book: Handbook, language: str) -> Handbook:
    """``book`` with every translated text field in ``language`` (English where a
    translation is missing). The source language gives ``book`` itself."""
    if language == book.language:
        return book
    found = book.translations.get(language, {})

    def model(rel_path: str, english: object) -> object:
        translation = found.get(rel_path)
        return translation.model if translation is not None and translation.model else english

    playbooks = {key: replace(entry, playbook=model(entry.rel_path, entry.playbook))
                 for key, entry in book.playbooks.items()}
    # The English order is by English title: list them as a reader of the language sorts.
    kinds = list(KIND_FOLDERS)
    playbooks = dict(sorted(playbooks.items(), key=lambda item: (
        kinds.index(item[1].playbook.kind), sort_key(item[1].playbook.title, language))))
    paths = {key: replace(entry, path=model(entry.rel_path, entry.path))
             for key, entry in book.paths.items()}
    definitions = Definitions({
        name: replace(file, model=model(file.rel_path, file.model)) if file.model else file
        for name, file in book.definitions.files.items()})
    return replace(book, playbooks=playbooks, paths=paths, definitions=definitions,
                   language=language)


def state_of(book: Handbook, rel_path: str) -> TranslationState | None:
    """The translation state of the file at ``rel_path`` (``playbooks/x/y.yml``) in
    ``book``'s edition; None in the source-language edition."""
    if book.language == SOURCE_LANGUAGE:
        return None
    translation = book.translations.get(book.language, {}).get(rel_path)
    if translation is None:
        return TranslationState("missing")
    return TranslationState(translation.state, translation.stale,  # type: ignore[arg-type]
                            translation.missing)
