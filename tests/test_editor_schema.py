"""Editors get the committed JSON Schema, and an independent validator agrees with
``handbook check`` on what is valid."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, Ran, handbook

from playbook_handbook.model.playbook import KIND_FOLDERS, KINDS

PLAYBOOK_SCHEMA = REPO / "docs/schema/playbook.schema.json"
PATH_SCHEMA = REPO / "docs/schema/path.schema.json"
COMMENT = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")
# Invalid fixtures whose mistake lies inside one file and in what a schema can say.
SCHEMA_LEVEL = ["enum-typo", "missing-field", "unknown-field", "wrong-type", "kind-typo",
                "bad-id", "over-long-title", "number-for-list", "empty-value",
                "deprecated-without-replacement", "inline-statement"]
DEFINITION_SCHEMAS = {
    "definitions/severity-scale.yml": "severity-scale.schema.json",
    "definitions/crisis-roles.yml": "crisis-roles.schema.json",
    "definitions/holding-statements.yml": "holding-statements.schema.json",
    "definitions/vocabularies/*.yml": "vocabulary.schema.json",
}


def check_jsonschema(schema: Path, *files: Path) -> int:
    return check_jsonschema_run(schema, *files).returncode


def check_jsonschema_run(schema: Path, *files: Path) -> Ran:
    """check-jsonschema's own command line, in this process (a new interpreter
    per call cost about a second; the process boundary is not under test)."""
    from check_jsonschema.cli.main_command import main as cli
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, ["--schemafile", str(schema), *map(str, files)])
    # What "no Traceback on stderr" meant for a subprocess: it ended by exiting.
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        result.exc_info)
    return Ran(result.exit_code, result.stdout, result.stderr)


def repo_yaml(folder: str) -> list[Path]:
    """The English YAML files under ``folder`` (translations, x.tr.yml, have their own schema)."""
    return sorted(p for p in (REPO / folder).rglob("*.yml") if p.stem.count(".") == 0)


def repo_translations() -> list[Path]:
    return sorted(p for folder in ("playbooks", "paths", "definitions")
                  for p in (REPO / folder).rglob("*.*.yml"))


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


def test_a_misspelled_key_is_named_by_the_validator_as_by_check(mini: Path) -> None:
    """Per-kind if/then: the validator names the key, not 'valid under none of the schemas'."""
    fixture = FIXTURES / "invalid" / "unknown-field.yml"
    result = check_jsonschema_run(PLAYBOOK_SCHEMA, fixture)
    assert result.returncode == 1
    assert "('titel' was unexpected)" in result.stdout
    assert "not valid under any of the given schemas" not in result.stdout
    assert "was expected" not in result.stdout
    shutil.copy(fixture, mini / "playbooks" / "guides" / fixture.name)
    assert "unknown field 'titel'" in handbook("check", "--root", str(mini)).stdout


def test_deprecated_without_replacement_is_flagged_by_the_schema_too() -> None:
    result = check_jsonschema_run(PLAYBOOK_SCHEMA,
                                  FIXTURES / "invalid" / "deprecated-without-replacement.yml")
    assert result.returncode == 1 and "'replaced_by' is a required property" in result.stdout


def test_every_property_and_pattern_explains_itself_to_the_editor() -> None:
    for file in sorted((REPO / "docs/schema").glob("*.schema.json")):
        schema = json.loads(file.read_text())
        for node, key in _nodes(schema):
            if key == "if":
                continue
            for name, prop in (node.get("properties") or {}).items():
                assert "description" in prop or "$ref" in prop, (file.name, name)
            if "pattern" in node:
                assert "patternErrorMessage" in node, (file.name, node["pattern"])
            if isinstance(node.get("enum"), list) and len(node["enum"]) > 1:
                notes = node.get("markdownEnumDescriptions")
                assert notes and len(notes) == len(node["enum"]) and all(notes), (
                    file.name, node["enum"])
            default, minimum = node.get("default"), node.get("minimum")
            if isinstance(default, int) and minimum is not None:
                assert default >= minimum, (file.name, node)


def _nodes(node, key=None):  # noqa: ANN001, ANN202
    if isinstance(node, dict):
        yield node, key
        for child_key, child in node.items():
            yield from _nodes(child, child_key)
    elif isinstance(node, list):
        for child in node:
            yield from _nodes(child, key)


def test_definition_files_are_valid_for_their_schemas_and_mapped_in_vscode() -> None:
    settings = json.loads((REPO / ".vscode/settings.json").read_text())
    for pattern, name in DEFINITION_SCHEMAS.items():
        files = sorted(p for p in REPO.glob(pattern) if p.stem.count(".") == 0)
        assert files, pattern
        assert check_jsonschema(REPO / "docs/schema" / name, *files) == 0, pattern
        assert settings["yaml.schemas"][f"./docs/schema/{name}"][0] == pattern


def test_vscode_knows_every_tag_of_mkdocs_yml_and_reads_yaml_as_check_does() -> None:
    settings = json.loads((REPO / ".vscode/settings.json").read_text())
    assert settings["yaml.yamlVersion"] == "1.1"  # so `title: no` is flagged as check does
    known = {tag.rsplit(" ", 1)[0] for tag in settings["yaml.customTags"]}
    used = set(re.findall(r"(![!A-Za-z][^\s\[]*)", (REPO / "mkdocs.yml").read_text()))
    assert used
    for tag in used:
        full = tag.replace("!!", "tag:yaml.org,2002:", 1) if tag.startswith("!!") else tag
        assert full in known, tag
    assert {"!ENV scalar", "!ENV sequence"} <= set(settings["yaml.customTags"])


def test_translations_point_at_their_schema_which_accepts_text_only(tmp_path: Path) -> None:
    schema = REPO / "docs/schema/translation.schema.json"
    files = repo_translations()
    assert files
    for file in files:
        match = COMMENT.match(file.read_text(encoding="utf-8").splitlines()[0])
        assert match, f"{file.relative_to(REPO)}: line 1 is not the schema comment"
        assert (file.parent / match.group(1)).resolve() == schema.resolve()
    assert check_jsonschema(schema, *files) == 0
    settings = json.loads((REPO / ".vscode/settings.json").read_text())["yaml.schemas"]
    assert "playbooks/**/*.*.yml" in settings["./docs/schema/translation.schema.json"]
    assert "!playbooks/**/*.*.yml" in settings["./docs/schema/playbook.schema.json"]
    # An owner (shared by every language) typed into a translation is flagged.
    bad = tmp_path / "x.tr.yml"
    bad.write_text('language: tr\ntitle: Başlık\nowner: "@başka-ekip"\n')
    assert check_jsonschema(schema, bad) == 1
    bad.write_text("language: tr\ntitle: Başlık\n")
    assert check_jsonschema(schema, bad) == 0
