"""Load the shared definitions under ``definitions/``, each file once, with positions.

Each file goes through the same loader as a playbook (:mod:`load.yamlsource`),
so a mistake in a definition file is reported at its ``path:line:column``.
What the files mean is in :mod:`model.definitions`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from playbook_handbook.load.yamlsource import Source
from playbook_handbook.model.definitions import (
    CrisisRoleDefinition,
    CrisisRoles,
    HoldingStatementDefinition,
    HoldingStatements,
    SeverityScale,
    Term,
    Vocabulary,
)
from playbook_handbook.model.validate import validate_as
from playbook_handbook.problems import Problem

DEFINITIONS_DIR = "definitions"
#: name -> (file under definitions/, model, what it holds)
FILES: dict[str, tuple[str, type[BaseModel], str]] = {
    "severity_scale": ("severity-scale.yml", SeverityScale, "the crisis severity scale"),
    "crisis_roles": ("crisis-roles.yml", CrisisRoles, "the crisis roles"),
    "holding_statements": ("holding-statements.yml", HoldingStatements,
                           "the holding-statement library"),
    "tags": ("vocabularies/tags.yml", Vocabulary, "the tags playbooks may use"),
    "networks": ("vocabularies/networks.yml", Vocabulary, "the networks"),
    "audience": ("vocabularies/roles.yml", Vocabulary, "the audience roles"),
    "skills": ("vocabularies/skills.yml", Vocabulary, "the skills of the skills map"),
}


@dataclass
class DefinitionFile:
    """One loaded definition file; ``model`` is None when it has errors or is missing."""

    name: str
    rel_path: str
    source: Source | None = None
    model: Any = None
    present: bool = False  # the file exists (it may still have errors)

    def position(self, *loc: object) -> tuple[int, int]:
        return self.source.position(tuple(loc)) if self.source is not None else (0, 0)


@dataclass
class Definitions:
    files: dict[str, DefinitionFile] = field(default_factory=dict)

    def model(self, name: str) -> Any:
        found = self.files.get(name)
        return found.model if found is not None else None

    @property
    def scale(self) -> SeverityScale | None:
        return self.model("severity_scale")

    # Lookups by id, made once: the files do not change after load_definitions(),
    # and pages, checks and the diff ask for them in loops.

    @cached_property
    def roles(self) -> dict[str, CrisisRoleDefinition]:
        model = self.model("crisis_roles")
        return {r.id: r for r in model.roles} if model else {}

    @cached_property
    def statements(self) -> dict[str, HoldingStatementDefinition]:
        model = self.model("holding_statements")
        return {s.id: s for s in model.statements} if model else {}

    @cached_property
    def _terms(self) -> dict[str, dict[str, Term] | None]:
        return {name: ({t.id: t for t in model.terms} if (model := self.model(name)) else None)
                for name, (_file, kind, _what) in FILES.items() if kind is Vocabulary}

    def terms(self, name: str) -> dict[str, Term] | None:
        """A vocabulary by name (tags, networks, audience, skills); None without its file."""
        return self._terms.get(name)

    def display(self, name: str, term_id: str) -> str:
        """How pages show a word of a vocabulary: its name, or the id in words."""
        found = (self.terms(name) or {}).get(term_id)
        if found is not None and found.name:
            return found.name
        text = term_id.replace("-", " ")
        return text[:1].upper() + text[1:]


Reader = Callable[[Path, str], tuple[Source | None, list[Problem]]]


def load_definitions(root: Path, read: Reader) -> tuple[Definitions, list[Problem]]:
    """Every definition file under ``root/definitions`` that exists, validated."""
    found = Definitions()
    problems: list[Problem] = []
    for name, (file_name, model, _what) in FILES.items():
        rel = f"{DEFINITIONS_DIR}/{file_name}"
        entry = DefinitionFile(name, rel)
        found.files[name] = entry
        file = root / DEFINITIONS_DIR / file_name
        if not file.is_file():
            continue
        entry.present = True
        source, more = read(file, rel)
        problems += more
        if source is None:
            continue
        entry.source = source
        if not isinstance(source.data, dict):
            problems.append(Problem(rel, 1, 1, f"{rel} must hold a mapping of fields", "top-level"))
            continue
        entry.model, invalid = validate_as(model, source)
        problems += [p for p in invalid if (p.line, p.column) not in
                     {(q.line, q.column) for q in more}]
    return found, problems

