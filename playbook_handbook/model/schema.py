"""JSON Schema for editors and independent validators, generated from the models.

The playbook schema picks the rules of a kind with ``if kind == X then ...``
(editors and validators such as check-jsonschema then name the offending key,
where a top-level ``oneOf`` reports only "not valid under any of the given
schemas"). Every property and enum value carries a description (hover in VS
Code shows it); patterns carry a ``patternErrorMessage``; the words of the
vocabularies (networks, skills, audience roles) are described from
``definitions/vocabularies/``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter

from playbook_handbook.model.definitions import (
    CrisisRoles,
    HoldingStatements,
    SeverityScale,
    Vocabulary,
)
from playbook_handbook.model.playbook import (
    ID_PATTERN,
    KINDS,
    MODELS,
    OnboardingPath,
    Playbook,
)

SCHEMA_DIR = Path("docs") / "schema"
SCHEMAS: dict[str, tuple[str, Any]] = {
    "playbook.schema.json": ("Playbook", Playbook),
    "path.schema.json": ("Onboarding path", OnboardingPath),
    "severity-scale.schema.json": ("Severity scale (definitions/severity-scale.yml)",
                                   SeverityScale),
    "crisis-roles.schema.json": ("Crisis roles (definitions/crisis-roles.yml)", CrisisRoles),
    "holding-statements.schema.json": ("Holding statements (definitions/holding-statements.yml)",
                                       HoldingStatements),
    "vocabulary.schema.json": ("Vocabulary (definitions/vocabularies/*.yml)", Vocabulary),
    "translation.schema.json": ("Translation (x.tr.yml beside x.yml)", "translation"),
}

#: Descriptions for properties whose model field has none, by property name.
FIELD_NOTES = {
    "audience": "Roles this is for (definitions/vocabularies/roles.yml).",
    "checklist": "Items to tick off, one short line each.",
    "data_sources": "Where the data comes from.",
    "donts": "Things never to do in this situation, one line each.",
    "examples": "Examples, one line each.",
    "first_15_minutes": "What to do in the first 15 minutes, in order.",
    "first_actions": "What to do first, by the clock.",
    "first_day": "What to do in the rest of the first day.",
    "first_hour": "What to do in the rest of the first hour.",
    "how_to_answer": "Steps to find the answer.",
    "kind": "The kind of playbook; it decides the folder and the sections.",
    "last_reviewed": "Date of the last full review, YYYY-MM-DD.",
    "level": "How advanced this is: foundation, practitioner or expert.",
    "levels": "The severity levels, 1 the most severe.",
    "listening": "What social listening tells about the audience on this network.",
    "min_days": "The shortest run, in days.",
    "mistake": "The mistake, as people make it.",
    "name": "The name as pages show it.",
    "native_analytics": "What the network's own analytics tell about the audience.",
    "network": "The network this is about.",
    "networks": "Networks (definitions/vocabularies/networks.yml).",
    "objective": "What the campaign is for.",
    "owner": "Team or handle responsible, e.g. @social-leads.",
    "pitfalls": "Common mistakes and what to do instead.",
    "post_crisis_review": "Questions for the review once the crisis is over.",
    "question": "The question, as the reader should ask it.",
    "questions": "The questions this playbook answers.",
    "related": "Ids of related playbooks.",
    "rules": "Duration rules by objective and format.",
    "segments": "The audience segments.",
    "self_check": "Questions readers answer to check themselves.",
    "skills": "Skills this builds (definitions/vocabularies/skills.yml).",
    "sources": "Sources: a title and the exact web address, with the date checked.",
    "statements": "Every approved holding statement.",
    "status": "draft, active, or deprecated (then replaced_by is required).",
    "steps": "The steps, in order.",
    "summary": "One sentence: what this is for.",
    "surveys": "What surveys tell about the audience on this network.",
    "tags": "Tags (definitions/vocabularies/tags.yml); a tag should group several playbooks.",
    "templates": "Texts to copy, each with the networks it is meant for.",
    "title": "The title as pages show it.",
    "url": "The exact web address, starting with https://.",
    "worksheet": "Worksheet steps to work through.",
}
PATTERN_MESSAGES = {
    ID_PATTERN.pattern: "Use lower-case letters, digits and single hyphens, for example "
                        "crisis-first-hour.",
    "^https?://": "Write a full web address starting with https://.",
}
ENUM_NOTES = {
    "foundation": "What everyone who posts for the brand needs.",
    "practitioner": "What someone who runs the work day to day needs.",
    "expert": "What the person others turn to needs.",
    "draft": "Still being written; pages say so.",
    "active": "In use.",
    "deprecated": "No longer maintained; set replaced_by to the id readers should use.",
    "any": "Any network.",
    "strategy-questions": "Questions to answer before planning (playbooks/strategy-questions/).",
    "audience-identification": "Finding who and where the audience is "
                               "(playbooks/audience-identification/).",
    "campaign-length": "How long campaigns run (playbooks/campaign-length/).",
    "crisis-handling": "What to do when something goes wrong (playbooks/crisis-handling/).",
    "guide": "Any other how-to (playbooks/guides/).",
    "awareness": "Reach people who do not know us yet.",
    "consideration": "Get people to look closer: visits, saves, replies.",
    "conversion": "Get people to act: buy, sign up, book.",
    "launch": "Introduce something new.",
    "always-on": "Runs continuously, without an end date.",
    "post": "A post, caption or Story: the network's post length limit applies.",
    "comment": "A comment, or a reply to one: the (shorter) comment limit applies.",
    "dm": "A direct or private message: the message limit applies.",
    "title": "The title of a video or Pin.",
    "description": "The description of a video or Pin.",
}
VOCABULARY_FILES = {"networks": "networks.yml", "skills": "skills.yml", "audience": "roles.yml"}


def schema_text(name: str, root: Path | None = None) -> str:
    """The JSON Schema document ``name`` as committed (stable key order, final newline).

    ``root`` is the repository whose vocabularies describe the enum values."""
    title, target = SCHEMAS[name]
    if target == "translation":
        from playbook_handbook.translate.schema import translation_schema

        schema = translation_schema([*MODELS.values(), OnboardingPath, SeverityScale,
                                     CrisisRoles, HoldingStatements, Vocabulary])
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title,
                  **schema}
        return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    schema = TypeAdapter(target).json_schema()
    if target is Playbook:
        schema = _by_kind(schema)
    _annotate(schema, _enum_notes(root or Path(".")))
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title,
              **schema}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def _by_kind(schema: dict[str, Any]) -> dict[str, Any]:
    """``if kind == X then <X's rules>`` for each kind, instead of oneOf + discriminator."""
    defs = schema["$defs"]
    for model in MODELS.values():
        rules = defs[model.__name__]
        rules.setdefault("allOf", []).append({
            "if": {"properties": {"status": {"const": "deprecated"}}, "required": ["status"]},
            "then": {"required": ["replaced_by"]},
        })
    return {
        "type": "object",
        "properties": {"kind": {"enum": list(KINDS), "description": FIELD_NOTES["kind"]}},
        "required": ["kind"],
        "allOf": [
            {"if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
             "then": {"$ref": f"#/$defs/{model.__name__}"}}
            for kind, model in MODELS.items()
        ],
        "$defs": defs,
    }


def _enum_notes(root: Path) -> dict[str, str]:
    notes = dict(ENUM_NOTES)
    for file in VOCABULARY_FILES.values():
        path = root / "definitions" / "vocabularies" / file
        if not path.is_file():
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for term in data.get("terms") or []:
            if isinstance(term, dict) and "id" in term and "description" in term:
                notes.setdefault(str(term["id"]), str(term["description"]))
    return notes


def _annotate(node: Any, enum_notes: dict[str, str], key: str | None = None) -> None:
    """Descriptions on every property and enum value, messages on every pattern, and no
    default that breaks the property's own minimum."""
    if isinstance(node, list):
        for item in node:
            _annotate(item, enum_notes, key)
        return
    if not isinstance(node, dict):
        return
    for name, prop in (node.get("properties") or {}).items() if key != "if" else ():
        if isinstance(prop, dict) and "description" not in prop and name in FIELD_NOTES:
            prop["description"] = FIELD_NOTES[name]
    if "pattern" in node and node["pattern"] in PATTERN_MESSAGES:
        node.setdefault("patternErrorMessage", PATTERN_MESSAGES[node["pattern"]])
    values = node.get("enum") or ([node["const"]] if "const" in node and key != "if" else [])
    if values and all(isinstance(v, str) for v in values):
        found = [enum_notes.get(v, "") for v in values]
        if any(found) and "enum" in node:
            node.setdefault("markdownEnumDescriptions", found)
            node.setdefault("enumDescriptions", found)
        elif found[0] and "const" in node:
            node.setdefault("description", found[0])
    default = node.get("default")
    if isinstance(default, list) and len(default) < node.get("minItems", 0):
        del node["default"]
    if isinstance(default, (int, float)) and not isinstance(default, bool) and (
            default < node.get("minimum", default)):
        del node["default"]
    for child_key, child in node.items():
        _annotate(child, enum_notes, child_key)


def stale_schemas(root: Path) -> list[Path]:
    """Committed schema files that differ from the model."""
    return [root / SCHEMA_DIR / name for name in SCHEMAS
            if not (root / SCHEMA_DIR / name).is_file()
            or (root / SCHEMA_DIR / name).read_text(encoding="utf-8")
            != schema_text(name, root)]


def write_schemas(root: Path) -> list[Path]:
    written = []
    for name in SCHEMAS:
        target = root / SCHEMA_DIR / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(schema_text(name, root), encoding="utf-8")
        written.append(target)
    return written
