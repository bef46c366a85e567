"""The content checks on translated text: what a translation posts must fit the
network too, and personal data is as unwelcome in Turkish as in English."""

from __future__ import annotations

from playbook_handbook.checks.hashtags import hashtag_warnings
from playbook_handbook.checks.limits import Where, length_warnings
from playbook_handbook.checks.privacy import source_warnings
from playbook_handbook.index.handbook import Handbook
from playbook_handbook.problems import Problem
from playbook_handbook.translate.overlay import localize
from playbook_handbook.translate.pages import (
    all_page_states,
    hidden_controls,
    languages_of,
    made_from,
    made_from_line,
    orphan_pages,
    read,
    template_line,
)
from playbook_handbook.translate.pairing import RULE


def translation_warnings(book: Handbook) -> list[Problem]:
    """Length, hashtag and privacy warnings at the translated text's line, and stale
    translations of hand-written pages."""
    found: list[Problem] = page_warnings(book)
    for language, files in sorted(book.translations.items()):
        places = {(t.english_rel, p.english_loc): (t, p.loc)
                  for t in files.values() if t.model is not None for p in t.pairs}

        def place(rel: str, loc: tuple, places: dict = places) -> Where | None:
            hit = places.get((rel, loc))
            if hit is None or hit[0].source is None:
                return None  # not translated: the English was checked
            translation, where = hit
            return lambda: (translation.rel_path, *translation.source.position(where))

        local = localize(book, language)
        found += length_warnings(local, place) + hashtag_warnings(local, place)
        for translation in files.values():
            if translation.source is not None:
                found += source_warnings(translation.source, translation.rel_path,
                                         skip=("made_from",))
    return found


def page_warnings(book: Handbook) -> list[Problem]:
    """``translation-stale`` for each page translation (``docs/x.tr.md``,
    ``CONTRIBUTING.tr.md``) whose English page changed after it was translated, and
    an error for each page translation without its English page or with hidden
    control characters."""
    found = [Problem(rel, 1, 1, f"there is no {english} for this page to translate; rename "
                     "it after its English page (x.md -> x.tr.md) or delete it", RULE)
             for rel, english in orphan_pages(book.root)]
    for language in sorted(languages_of(book.root)):
        for english, rel, state in all_page_states(book.root, language):
            text = read(book.root / rel) or ""
            found += [Problem(rel, line, column, f"{what} hides or reorders text on the "
                              "page; delete it", "page-text")
                      for line, column, what in hidden_controls(text)]
            template = template_line(text)
            if template is not None:
                found.append(Problem(rel, template, 1, "template: a translation is shown in "
                                     "its English page's layout; delete this line", RULE))
            if state.state != "stale":
                continue
            line, column = made_from_line(text)
            what = (f"the English page {english} changed after this was translated; "
                    "update the translation, then run" if made_from(text) is not None else
                    "made_from does not record which English this was translated from; run")
            found.append(Problem(rel, line, column, f"{what}: handbook translated {rel}",
                                 "translation-stale", "warning"))
    return found
