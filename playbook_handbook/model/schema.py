"""JSON Schema for editors, generated from :mod:`playbook_handbook.model.playbook`."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import TypeAdapter

from playbook_handbook.model.playbook import OnboardingPath, Playbook

SCHEMA_DIR = Path("docs") / "schema"
SCHEMAS = {
    "playbook.schema.json": ("Playbook", Playbook),
    "path.schema.json": ("Onboarding path", OnboardingPath),
}


def schema_text(name: str) -> str:
    """The JSON Schema document ``name`` as committed (stable key order, final newline)."""
    title, target = SCHEMAS[name]
    schema = TypeAdapter(target).json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        **schema,
    }
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def stale_schemas(root: Path) -> list[Path]:
    """Committed schema files that differ from the model."""
    return [root / SCHEMA_DIR / name for name in SCHEMAS
            if not (root / SCHEMA_DIR / name).is_file()
            or (root / SCHEMA_DIR / name).read_text(encoding="utf-8") != schema_text(name)]


def write_schemas(root: Path) -> list[Path]:
    written = []
    for name in SCHEMAS:
        target = root / SCHEMA_DIR / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(schema_text(name), encoding="utf-8")
        written.append(target)
    return written
