"""The handbook as one edition shows it: translated text over the English.

STUB (lead is writing the real one): ``localize`` returns the English handbook and
``state_of`` says nothing. The signatures are the contract the site uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from playbook_handbook.index.handbook import Handbook

#: The language the YAML and docs/ pages are written in.
SOURCE_LANGUAGE = "en"

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
    return book


def state_of(book: Handbook, rel_path: str) -> TranslationState | None:
    """The translation state of the file at ``rel_path`` (``playbooks/x/y.yml``) in
    ``book``'s edition; None in the source-language edition."""
    return None
