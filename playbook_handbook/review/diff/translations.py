"""Translations whose text changed: what readers of another edition will see differently.

A translation (``x.tr.yml``) holds only text, each piece paired with a field of
its English file (:mod:`playbook_handbook.translate.pairing`). The two sides are
matched by language and English file, and their texts by the field's name, the
name ``handbook check`` uses for it (``steps[2].details``). A translation with
errors on either side has no model and is left to ``handbook check``.
"""

from __future__ import annotations

from playbook_handbook.index.handbook import Handbook
from playbook_handbook.review.diff.report import FieldChange, TranslationChange
from playbook_handbook.review.diff.words import same_words, word_diff
from playbook_handbook.translate.document import Translation


def translation_changes(base: Handbook, head: Handbook) -> list[TranslationChange]:
    """Every translation added, removed or with changed text, by language then file."""
    found = []
    for language in sorted({*base.translations, *head.translations}):
        before = base.translations.get(language, {})
        after = head.translations.get(language, {})
        for english in sorted({*before, *after}):
            old, new = before.get(english), after.get(english)
            if old is not None and old.model is None or new is not None and new.model is None:
                continue  # errors: handbook check says what to fix
            change = _compare(old, new)
            if change is not None:
                found.append(change)
    return found


def _compare(old: Translation | None, new: Translation | None) -> TranslationChange | None:
    shown = new if new is not None else old
    assert shown is not None
    texts_before = {p.name: p for p in old.pairs} if old is not None else {}
    texts_after = {p.name: p for p in new.pairs} if new is not None else {}
    fields = []
    for name in dict.fromkeys([*texts_after, *texts_before]):
        was, now = texts_before.get(name), texts_after.get(name)
        if was is None and now is not None:
            fields.append(FieldChange(now.english_loc, name, "added", after=now.text))
        elif now is None and was is not None:
            fields.append(FieldChange(was.english_loc, name, "removed", before=was.text))
        elif was is not None and now is not None and not same_words(was.text, now.text):
            words = word_diff(was.text, now.text) \
                if len(was.text.split()) + len(now.text.split()) > 2 else None
            fields.append(FieldChange(now.english_loc, name, "changed", was.text, now.text,
                                      words))
    what = "added" if old is None else "removed" if new is None else "changed"
    if what == "changed" and not fields:
        return None
    title = getattr(shown.model, "title", None)
    return TranslationChange(shown.language, shown.rel_path, shown.english_rel,
                             title if isinstance(title, str) else shown.english_rel, what,
                             [] if what == "removed" else fields)
