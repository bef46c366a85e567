"""One translation file, loaded against its English source.

``x.tr.yml`` beside ``x.yml`` holds the Turkish text of ``x.yml``'s text fields
and, under ``made_from``, the fingerprint of each field's English as it was
when translated. A field whose English has changed since is stale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from playbook_handbook.load.yamlsource import Source, load_file
from playbook_handbook.model.validate import problem_from_error
from playbook_handbook.problems import Problem
from playbook_handbook.translate.fields import Loc, texts
from playbook_handbook.translate.fingerprint import LENGTH, fingerprint
from playbook_handbook.translate.pairing import RULE, Pair, pair

STALE = "translation-stale"
#: ``x.tr.yml``: a file name with a language code before the extension.
_TRANSLATION_NAME = re.compile(r"^(?P<stem>[^.]+)\.(?P<language>[a-z]{2,3}(?:-[a-z]{2})?)"
                               r"(?P<suffix>\.ya?ml|\.md)$", re.IGNORECASE)


def fingerprint_pattern() -> str:
    """What a ``made_from`` fingerprint looks like, for the schema."""
    return f"^[0-9a-f]{{{LENGTH}}}$"


def translation_language(path: Path) -> str | None:
    """``tr`` for ``x.tr.yml`` (or ``x.tr.md``); None for a source file."""
    match = _TRANSLATION_NAME.match(path.name)
    return match["language"].lower() if match else None


def english_file(path: Path) -> Path:
    """``x.yml`` for ``x.tr.yml``."""
    match = _TRANSLATION_NAME.match(path.name)
    assert match is not None, path
    return path.with_name(match["stem"] + match["suffix"])


def translation_file(english: Path, language: str) -> Path:
    """``x.tr.yml`` for ``x.yml``."""
    return english.with_name(f"{english.stem}.{language}{english.suffix}")


@dataclass
class Translation:
    """A loaded translation: the localized model and how it stands."""

    language: str
    rel_path: str
    english_rel: str
    source: Source | None = None
    #: The English model with the translated text in place; None when it has errors.
    model: Any = None
    translated: tuple[str, ...] = ()
    stale: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    problems: list[Problem] = field(default_factory=list)
    #: Each translated text with where it is in the English and in this file.
    pairs: list[Pair] = field(default_factory=list)

    @property
    def state(self) -> str:
        """current, stale or partial (some fields still show the English)."""
        if self.stale:
            return "stale"
        return "partial" if self.missing else "current"


def load_translation(file: Path, rel: str, english_rel: str, english: BaseModel,
                     language: str) -> Translation:
    """Read ``file`` as the ``language`` translation of the validated ``english``."""
    found = Translation(language, rel, english_rel)
    source, found.problems = load_file(file, rel)
    if source is None:
        return found
    found.source = source
    if not isinstance(source.data, dict):
        found.problems.append(Problem(rel, 1, 1, "a translation holds a mapping of fields "
                                      f"(language: {language}, then the translated text)", RULE))
        return found
    said = source.data.get("language")
    if said != language:
        line, column = source.position(("language",)) if "language" in source.data else (1, 1)
        found.problems.append(Problem(
            rel, line, column, f"language: the file name says this is the '{language}' "
            f"translation; write language: {language}", RULE))
    pairing = pair(english, source)
    found.problems += pairing.problems
    made_from = _made_from(source, found.problems)
    found.problems += _staleness(source, pairing.pairs, made_from)
    found.translated = tuple(p.name for p in pairing.pairs)
    found.pairs = pairing.pairs
    found.stale = tuple(p.name for p in pairing.pairs if not _current(p, made_from))
    done = set(found.translated)
    found.missing = tuple(t.name for t in texts(english) if t.name not in done)
    found.model, invalid = _localized(english, pairing.pairs, source)
    found.problems += invalid
    source.compact()
    return found


def recorded(pairs: list[Pair]) -> dict[str, str]:
    """The ``made_from`` a translation of ``pairs`` records today."""
    return {p.name: fingerprint(p.english) for p in pairs}


def _made_from(source: Source, problems: list[Problem]) -> dict[str, str]:
    value = source.data.get("made_from")
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        line, column = source.position(("made_from",))
        problems.append(Problem(source.path, line, column, "made_from: expected one "
                                "'field: fingerprint' line per translated field, as handbook "
                                "translated writes them",
                                RULE))
        return {}
    return value


def _current(item: Pair, made_from: dict[str, str]) -> bool:
    return made_from.get(item.name) == fingerprint(item.english)


def _staleness(source: Source, pairs: list[Pair], made_from: dict[str, str]) -> list[Problem]:
    problems = []
    for item in pairs:
        if _current(item, made_from):
            continue
        line, column = source.position(item.loc)
        if item.name in made_from:
            message = (f"{item.name}: the English changed after this was translated; update "
                       f"the translation, then run: handbook translated {source.path}")
        else:
            message = (f"{item.name}: made_from does not record which English this was "
                       f"translated from; run: handbook translated {source.path}")
        problems.append(Problem(source.path, line, column, message, STALE, "warning"))
    names = {item.name for item in pairs}
    for key in made_from:
        if key not in names:  # its field was removed, renamed or never translated here
            line, column = source.position(("made_from", key), key=True)
            problems.append(Problem(
                source.path, line, column,
                f"made_from: {key} is not a field this file translates; run: handbook "
                f"translated {source.path}", STALE, "warning"))
    return problems


def _localized(english: BaseModel, pairs: list[Pair],
               source: Source) -> tuple[BaseModel | None, list[Problem]]:
    """The English model with each translated text put in its place, validated."""
    if not pairs:
        return english, []
    data = english.model_dump()
    for item in pairs:
        _put(data, item.english_loc, item.text)
    try:
        return type(english).model_validate(data), []
    except ValidationError as exc:
        where = {item.english_loc: item.loc for item in pairs}
        problems = []
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            target = next((where[loc[:n]] for n in range(len(loc), 0, -1) if loc[:n] in where),
                          ())
            problems.append(problem_from_error(type(english), _Moved(source, loc, target),
                                               error))
        return None, sorted(set(problems))


def _put(data: Any, loc: Loc, text: str) -> None:
    for part in loc[:-1]:
        data = data[part]
    data[loc[-1]] = text


class _Moved:
    """A :class:`Source` that answers positions of the English ``loc`` from ``target``
    in the translation, so validation messages point into the translation."""

    def __init__(self, source: Source, loc: Loc, target: Loc):
        self.path, self._source, self._loc, self._target = source.path, source, loc, target

    def _map(self, loc: Loc) -> Loc:
        return self._target if tuple(loc) == self._loc else tuple(loc)

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        return self._source.position(self._map(loc), key=key)

    def node(self, loc: Loc) -> Any:
        return self._source.node(self._map(loc))
