"""VS Code's YAML engine (yaml-language-server), configured by .vscode/settings.json,
reports the same problems as ``handbook check`` on the invalid fixtures the schema can
express, on the same line and naming the offending key.

Needs Node.js and yaml-language-server: ``npm install yaml-language-server`` in the
repository (node_modules/ is git-ignored) or set YAML_LANGUAGE_SERVER to its executable.
"""

from __future__ import annotations

import json
import os
import shutil

import pytest
from conftest import FIXTURES, REPO
from lsp_client import diagnostics
from test_editor_schema import SCHEMA_LEVEL

from playbook_handbook.cli.main import main


def _server() -> list[str] | None:
    given = os.environ.get("YAML_LANGUAGE_SERVER")
    local = REPO / "node_modules" / ".bin" / "yaml-language-server"
    found = given or (str(local) if local.is_file() else shutil.which("yaml-language-server"))
    return [found] if found and shutil.which("node") else None


SERVER = _server()
# Skipped on a machine without it; in CI (CI set, as .ci/run does) it must run.
pytestmark = pytest.mark.skipif(SERVER is None and not os.environ.get("CI"),
                                reason="yaml-language-server is not installed (make test "
                                       "installs it with npm)")
#: The schema-level fixtures, and the YAML 1.1 trap the editor must flag like check.
FIXTURE_NAMES = [*SCHEMA_LEVEL, "bool-trap"]


@pytest.fixture(scope="module")
def editor_problems(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict]]:
    """What the editor says about each fixture, placed in playbooks/guides/ of a copy of the
    repository so that .vscode/settings.json maps it to the playbook schema."""
    root = tmp_path_factory.mktemp("editor")
    shutil.copytree(REPO / "docs" / "schema", root / "docs" / "schema")
    (root / "playbooks" / "guides").mkdir(parents=True)
    files = []
    for name in FIXTURE_NAMES:
        target = root / "playbooks" / "guides" / f"{name}.yml"
        shutil.copy(FIXTURES / "invalid" / f"{name}.yml", target)
        files.append(target)
    for name, fixture in (("shared", "invalid/shared-field.tr.yml"),
                          ("valid", "valid/reply-to-comments.tr.yml")):
        target = root / "playbooks" / "guides" / f"translation-{name}.tr.yml"
        shutil.copy(FIXTURES / "translations" / fixture, target)
        files.append(target)
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text())
    yaml_settings = {key.removeprefix("yaml."): value for key, value in settings.items()
                     if key.startswith("yaml.")}
    yaml_settings["schemas"] = {
        (root / schema).resolve().as_uri(): [str(root / glob) for glob in globs]
        for schema, globs in settings["yaml.schemas"].items()}
    yaml_settings.update(validate=True, schemaStore={"enable": False})
    found = diagnostics(SERVER, files, yaml_settings)
    return {file.stem: problems for file, problems in found.items()}


def _check_lines(name: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    main(["check", "--root", str(REPO), str(FIXTURES / "invalid" / f"{name}.yml")])
    return [line for line in capsys.readouterr().out.splitlines() if ": error: " in line]


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_editor_flags_the_line_check_flags(name: str, editor_problems: dict[str, list[dict]],
                                           capsys: pytest.CaptureFixture[str]) -> None:
    problems = editor_problems[name]
    assert problems, f"the editor sees nothing wrong in {name}"
    editor_lines = {p["range"]["start"]["line"] + 1 for p in problems}
    check_lines = {int(line.split(":")[1]) for line in _check_lines(name, capsys)}
    assert check_lines & editor_lines, (name, check_lines, [p["message"] for p in problems])


def test_editor_names_the_misspelled_key(editor_problems: dict[str, list[dict]]) -> None:
    messages = [p["message"] for p in editor_problems["unknown-field"]]
    assert any("titel" in m for m in messages), messages


def test_editor_checks_translations_against_the_translation_schema(
        editor_problems: dict[str, list[dict]]) -> None:
    """A translation is not a playbook: no 'missing id', but a shared field is flagged."""
    assert editor_problems["translation-valid.tr"] == []
    lines = {p["range"]["start"]["line"] + 1 for p in editor_problems["translation-shared.tr"]}
    assert 4 in lines, editor_problems["translation-shared.tr"]  # owner: "@topluluk"
