"""Editors get the committed JSON Schema, and an independent validator agrees with
``handbook check`` on what is valid."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, handbook, run

from playbook_handbook.model.playbook import KIND_FOLDERS, KINDS

PLAYBOOK_SCHEMA = REPO / "docs/schema/playbook.schema.json"
PATH_SCHEMA = REPO / "docs/schema/path.schema.json"
COMMENT = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")
# Invalid fixtures whose mistake lies inside one file and in what a schema can say.
SCHEMA_LEVEL = ["enum-typo", "missing-field", "unknown-field", "wrong-type", "kind-typo",
                "bad-id", "over-long-title", "number-for-list", "empty-value"]


def check_jsonschema(schema: Path, *files: Path) -> int:
    result = run(sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema),
                 *map(str, files))
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode


def repo_yaml(folder: str) -> list[Path]:
    return sorted((REPO / folder).rglob("*.yml"))


def test_vscode_maps_playbooks_and_paths_to_the_committed_schemas() -> None:
    settings = json.loads((REPO / ".vscode/settings.json").read_text())
    schemas = settings["yaml.schemas"]
    assert schemas["./docs/schema/playbook.schema.json"][0] == "playbooks/**/*.yml"
    assert schemas["./docs/schema/path.schema.json"][0] == "paths/*.yml"
    for schema in schemas:
        assert (REPO / schema).is_file()
    extensions = json.loads((REPO / ".vscode/extensions.json").read_text())
    assert "redhat.vscode-yaml" in extensions["recommendations"]


@pytest.mark.parametrize("folder,schema", [("playbooks", PLAYBOOK_SCHEMA), ("paths", PATH_SCHEMA)])
def test_every_repository_file_points_its_editor_at_the_schema(folder: str,
                                                               schema: Path) -> None:
    files = repo_yaml(folder)
    assert files
    for file in files:
        first = file.read_text(encoding="utf-8").splitlines()[0]
        match = COMMENT.match(first)
        assert match, f"{file.relative_to(REPO)}: line 1 is not the schema comment"
        assert (file.parent / match.group(1)).resolve() == schema.resolve()


def test_validator_and_check_agree_the_repository_is_valid() -> None:
    assert check_jsonschema(PLAYBOOK_SCHEMA, *repo_yaml("playbooks")) == 0
    assert check_jsonschema(PATH_SCHEMA, *repo_yaml("paths")) == 0
    assert handbook("check").returncode == 0


@pytest.mark.parametrize("name", SCHEMA_LEVEL)
def test_validator_and_check_agree_an_invalid_fixture_is_invalid(mini: Path, name: str) -> None:
    fixture = FIXTURES / "invalid" / f"{name}.yml"
    assert check_jsonschema(PLAYBOOK_SCHEMA, fixture) == 1
    shutil.copy(fixture, mini / "playbooks" / "guides" / fixture.name)
    assert handbook("check", "--root", str(mini)).returncode == 1


def test_every_starter_is_valid_for_the_validator_too(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(REPO / "playbooks", root / "playbooks")
    shutil.copytree(REPO / "definitions", root / "definitions")
    written = []
    for kind in KINDS:
        assert handbook("new", kind, f"new-{kind}", "--root", str(root)).returncode == 0
        written.append(root / "playbooks" / KIND_FOLDERS[kind] / f"new-{kind}.yml")
    assert check_jsonschema(PLAYBOOK_SCHEMA, *written) == 0
    assert handbook("check", "--strict", "--root", str(root)).returncode == 0
