"""The committed JSON Schema is generated from the model and kept in step with it."""

from __future__ import annotations

import json

from conftest import REPO, handbook

from playbook_handbook.model import schema


def test_committed_schema_matches_the_model() -> None:
    assert schema.stale_schemas(REPO) == [], "run: handbook schema"
    assert handbook("schema", "--check").returncode == 0


def test_schema_check_detects_drift(tmp_path) -> None:
    (tmp_path / "docs" / "schema").mkdir(parents=True)
    schema.write_schemas(tmp_path)
    target = tmp_path / "docs" / "schema" / "playbook.schema.json"
    data = json.loads(target.read_text())
    data["title"] = "Edited by hand"
    target.write_text(json.dumps(data))
    result = handbook("schema", "--check", "--root", str(tmp_path))
    assert result.returncode == 1
    assert "playbook.schema.json: out of date with the model" in result.stderr


def test_schema_offers_kinds_and_levels_to_editors() -> None:
    data = json.loads(schema.schema_text("playbook.schema.json"))
    assert "oneOf" not in data and "discriminator" not in data  # editors ignore discriminator
    kinds = {rule["if"]["properties"]["kind"]["const"]: rule["then"]["$ref"].split("/")[-1]
             for rule in data["allOf"]}
    assert kinds == {"strategy-questions": "StrategyQuestions",
                     "audience-identification": "AudienceIdentification",
                     "campaign-length": "CampaignLength", "crisis-handling": "CrisisHandling",
                     "guide": "Guide"}
    guide = data["$defs"]["Guide"]
    assert guide["additionalProperties"] is False
    assert guide["properties"]["level"]["enum"] == ["foundation", "practitioner", "expert"]
    assert "summary" in guide["required"]
