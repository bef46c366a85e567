"""Hand-written pages in another language: ``docs/x.tr.md`` is the Turkish ``docs/x.md``.

In an edition of another language, the English page keeps its address and
shows its translation's text; with none, its English text and a notice. A
translation names the English text it was made from in its front matter,
``made_from: <fingerprint>`` (:func:`playbook_handbook.translate.fingerprint.fingerprint`
of the whole English file); when the English file changes, the translation is
stale. The English edition never shows a translation file.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from mkdocs.structure.files import Files

from playbook_handbook.translate.overlay import SOURCE_LANGUAGE, TranslationState
from playbook_handbook.translate.pages import is_translation, read, state, translation_uri


def use_translations(files: Files, language: str,
                     languages: Iterable[str]) -> dict[str, TranslationState]:
    """Make ``files`` the ``language`` edition's hand-written pages.

    Translation files leave the site; outside English, each page with one is
    read from it (same address, edit link to the translation). Gives the state
    of each page's translation by source URI (none in the English edition).
    """
    languages = set(languages)
    translations = {file.src_uri: file for file in files
                    if is_translation(file.src_uri, languages)}
    for file in translations.values():
        files.remove(file)
    states: dict[str, TranslationState] = {}
    if language == SOURCE_LANGUAGE:
        return states
    for file in files.documentation_pages():
        if file.generated_by is not None or file.abs_src_path is None:
            continue
        translated = translations.get(translation_uri(file.src_uri, language))
        english = read(Path(file.abs_src_path)) or ""
        text = None if translated is None or translated.abs_src_path is None else \
            read(Path(translated.abs_src_path))
        states[file.src_uri] = state(english, text)
        if text is None:  # none, or not a readable file (a pipe would never end): English
            continue
        file.abs_src_path = translated.abs_src_path
        file.edit_uri = translated.edit_uri
    return states


def keep_english_template(meta: dict, english: Path) -> None:
    """Give a translated page's ``meta`` its English page's ``template`` (or none):
    a translation does not choose its layout."""
    from mkdocs.utils.meta import get_data

    if meta.get("template") is None:
        return
    _body, english_meta = get_data(read(english) or "")
    if english_meta.get("template") is None:
        meta.pop("template", None)
    else:
        meta["template"] = english_meta["template"]
