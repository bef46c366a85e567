"""The content checks on translated text: what a translation posts must fit the
network too, and personal data is as unwelcome in Turkish as in English."""

from __future__ import annotations

from playbook_handbook.checks.hashtags import hashtag_warnings
from playbook_handbook.checks.limits import length_warnings
from playbook_handbook.checks.privacy import source_warnings
from playbook_handbook.index.handbook import Handbook
from playbook_handbook.problems import Problem
from playbook_handbook.translate.overlay import localize


def translation_warnings(book: Handbook) -> list[Problem]:
    """Length, hashtag and privacy warnings at the translated text's line."""
    found: list[Problem] = []
    for language, files in sorted(book.translations.items()):
        places = {(t.english_rel, p.english_loc): (t, p.loc)
                  for t in files.values() if t.model is not None for p in t.pairs}

        def place(rel: str, loc: tuple, places: dict = places) -> tuple[str, int, int] | None:
            hit = places.get((rel, loc))
            if hit is None or hit[0].source is None:
                return None  # not translated: the English was checked
            translation, where = hit
            return (translation.rel_path, *translation.source.position(where))

        local = localize(book, language)
        found += length_warnings(local, place) + hashtag_warnings(local, place)
        for translation in files.values():
            if translation.source is not None:
                found += source_warnings(translation.source, translation.rel_path,
                                         skip=("made_from",))
    return found
