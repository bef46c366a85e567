"""``handbook new``: a starter for every kind that checks clean, and every refusal."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from conftest import REPO, TODAY, build_ok, handbook, no_traceback

from playbook_handbook.cli.main import main
from playbook_handbook.model.playbook import KIND_FOLDERS, KINDS, RESERVED_IDS

SCHEMA_COMMENT = "# yaml-language-server: $schema=../../docs/schema/playbook.schema.json"


def repo_copy(tmp_path: Path) -> Path:
    """The repository's playbooks, paths and schema, to change freely."""
    root = tmp_path / "repo"
    for folder in ("playbooks", "paths", "docs/schema"):
        shutil.copytree(REPO / folder, root / folder)
    return root


@pytest.mark.parametrize("kind", KINDS)
def test_new_then_check_passes_for_every_kind(tmp_path: Path, kind: str) -> None:
    root = repo_copy(tmp_path)
    result = handbook("new", kind, "my-new-playbook", "--root", str(root))
    assert result.returncode == 0, result.stderr
    rel = f"playbooks/{KIND_FOLDERS[kind]}/my-new-playbook.yml"
    assert result.stdout.splitlines()[0] == f"wrote {rel}"
    assert "TODO" in result.stdout and f"handbook check {rel}" in result.stdout
    text = (root / rel).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == SCHEMA_COMMENT
    assert (root / rel).parent.joinpath(SCHEMA_COMMENT.split("=", 1)[1]).resolve() == \
        (root / "docs/schema/playbook.schema.json").resolve()
    assert "id: my-new-playbook" in lines and f"kind: {kind}" in lines
    assert f"last_reviewed: {TODAY}" in lines and "status: draft" in lines
    assert "TODO" in text
    # plain-English notes: every top-level field but kind has a comment line just above it
    for index, line in enumerate(lines):
        if line[:1].isalpha() and not line.startswith("kind:"):
            assert lines[index - 1].startswith("#"), f"no note above {line!r}"

    strict = handbook("check", "--strict", "--root", str(root))
    assert strict.returncode == 0, strict.stdout
    assert strict.stdout == ""
    one = handbook("check", "--root", str(root), str(root / rel))
    assert one.returncode == 0 and one.stdout == ""


def test_new_twice_refuses_and_leaves_the_file_alone(tmp_path: Path) -> None:
    root = repo_copy(tmp_path)
    assert handbook("new", "guide", "reply-to-dms", "--root", str(root)).returncode == 0
    target = root / "playbooks/guides/reply-to-dms.yml"
    target.write_text(target.read_text() + "# my own notes\n")
    before = target.read_bytes()
    again = handbook("new", "guide", "reply-to-dms", "--root", str(root))
    assert again.returncode == 2
    assert again.stdout == ""
    assert again.stderr.strip() == ("handbook new: 'reply-to-dms' is already the id of "
                                    "playbooks/guides/reply-to-dms.yml; choose another id")
    assert target.read_bytes() == before
    # the same id in another kind's folder is refused too
    other = handbook("new", "crisis-handling", "reply-to-dms", "--root", str(root))
    assert other.returncode == 2
    assert not (root / "playbooks/crisis-handling/reply-to-dms.yml").exists()


def test_write_starter_never_overwrites_even_a_file_the_index_does_not_know(
        mini: Path) -> None:
    """The file appeared after the handbook was loaded (another editor, a merge): the
    write itself refuses, not only the id check before it."""
    from playbook_handbook.cli.scaffold import ScaffoldError, starter, write_starter
    from playbook_handbook.index.handbook import load_handbook

    new = starter(load_handbook(mini), "guide", "reply-to-dms", dt.date(2026, 12, 2))
    new.path.write_text("# someone else's draft\n")
    with pytest.raises(ScaffoldError, match="already exists"):
        write_starter(new)
    assert new.path.read_text() == "# someone else's draft\n"


@pytest.mark.parametrize(("playbook_id", "message"), [
    ("crisis-first-hour", "'crisis-first-hour' is already the id of "
                          "playbooks/crisis-handling/crisis-first-hour.yml; choose another id"),
    ("new-community-manager", "'new-community-manager' is already the id of "
                              "paths/new-community-manager.yml; choose another id"),
    ("Reply_To_DMs", "'Reply_To_DMs' is not a valid id; use lower-case letters, digits and "
                     "single hyphens, for example crisis-first-hour"),
    ("tags", "'tags' is reserved for a page of the site; choose another id"),
    ("a" * 61, "an id may be at most 60 characters"),
])
def test_new_refuses_a_used_or_invalid_id(tmp_path: Path, playbook_id: str,
                                          message: str) -> None:
    root = repo_copy(tmp_path)
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    result = handbook("new", "guide", playbook_id, "--root", str(root))
    no_traceback(result)
    assert result.returncode == 2
    assert result.stderr.strip() == f"handbook new: {message}"
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before


def test_every_reserved_id_is_refused(mini: Path, capsys: pytest.CaptureFixture) -> None:
    for reserved in sorted(RESERVED_IDS):
        assert main(["new", "guide", reserved, "--root", str(mini)]) == 2, reserved
        assert "is reserved for a page of the site" in capsys.readouterr().err
    assert sorted(p.name for p in (mini / "playbooks/guides").iterdir()) == \
        ["reply-to-comments.yml"]


def test_new_refuses_a_former_id(mini: Path) -> None:
    result = handbook("new", "guide", "answering-comments", "--root", str(mini))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "handbook new: 'answering-comments' is already a former id (alias) of "
        "playbooks/guides/reply-to-comments.yml; choose another id")


def test_new_refuses_the_name_of_a_file_too_broken_to_load(mini: Path) -> None:
    broken = mini / "playbooks/guides/half-written.yml"
    broken.write_text("id: half-written\ntitle: [unclosed\n")
    result = handbook("new", "guide", "half-written", "--root", str(mini))
    assert result.returncode == 2
    assert "'half-written' is already used by playbooks/guides/half-written.yml" in result.stderr
    assert broken.read_text() == "id: half-written\ntitle: [unclosed\n"


def test_title_and_owner_options_are_checked_like_the_file(tmp_path: Path) -> None:
    root = repo_copy(tmp_path)
    ok = handbook("new", "guide", "reply-to-dms", "--root", str(root),
                  "--title", 'Reply to DMs: "fast" & kind', "--owner", "@care-team")
    assert ok.returncode == 0, ok.stderr
    text = (root / "playbooks/guides/reply-to-dms.yml").read_text()
    assert 'title: "Reply to DMs: \\"fast\\" & kind"' in text
    assert 'owner: "@care-team"' in text
    assert handbook("check", "--root", str(root)).returncode == 0

    bad = handbook("new", "guide", "too-long", "--root", str(root), "--title", "x" * 300)
    assert bad.returncode == 2
    assert bad.stderr.strip() == "handbook new: title: too long (300 characters; at most 200)"
    assert not (root / "playbooks/guides/too-long.yml").exists()


def test_owner_defaults_to_the_kinds_usual_owner_or_a_placeholder(mini: Path) -> None:
    crisis = handbook("new", "crisis-handling", "data-leak", "--root", str(mini))
    assert crisis.returncode == 0
    # the mini handbook's one crisis playbook is owned by @social-leads
    assert 'owner: "@social-leads"' in (mini / "playbooks/crisis-handling/data-leak.yml"
                                        ).read_text()
    assert "owner is @social-leads, who owns most playbooks of this kind" in crisis.stdout
    none_yet = handbook("new", "strategy-questions", "which-networks", "--root", str(mini))
    assert none_yet.returncode == 0
    text = (mini / "playbooks/strategy-questions/which-networks.yml").read_text()
    assert 'owner: "@your-team"' in text
    assert "replace it with the GitHub team" in none_yet.stdout


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    unknown_kind = handbook("new", "guides", "x-y", "--root", str(REPO))
    assert unknown_kind.returncode == 2 and "invalid choice: 'guides'" in unknown_kind.stderr
    no_repo = handbook("new", "guide", "x-y", "--root", str(tmp_path))
    assert no_repo.returncode == 2 and "no playbooks/ folder" in no_repo.stderr
    bad_date = handbook("new", "guide", "x-y", "--root", str(REPO), "--today", "26/11/2026")
    assert bad_date.returncode == 2 and "is not a date like" in bad_date.stderr
    for result in (unknown_kind, no_repo, bad_date):
        no_traceback(result)


def test_new_playbook_gets_a_draft_page_and_go_link(mini: Path, tmp_path: Path) -> None:
    result = handbook("new", "guide", "reply-to-dms", "--root", str(mini),
                      "--today", "2026-11-20")
    assert result.returncode == 0
    assert "last_reviewed: 2026-11-20" in (mini / "playbooks/guides/reply-to-dms.yml").read_text()
    site = build_ok(mini, tmp_path / "site")
    page = (site / "playbooks/guides/reply-to-dms/index.html").read_text()
    assert "<h1" in page and "Reply to dms" in page
    assert "Draft" in page and "still being written" in page
    assert (site / "go/reply-to-dms/index.html").is_file()


def test_publishing_a_starter_with_its_todo_text_left_in_warns(tmp_path: Path) -> None:
    """status: active with TODO placeholders still in it: a warning at each, failing --strict."""
    root = repo_copy(tmp_path)
    assert handbook("new", "guide", "half-done", "--root", str(root)).returncode == 0
    target = root / "playbooks/guides/half-done.yml"
    lines = target.read_text(encoding="utf-8").splitlines()
    lines = [line.replace("status: draft", "status: active") for line in lines]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    todo_lines = {n for n, line in enumerate(lines, start=1)
                  if "TODO" in line and not line.lstrip().startswith("#")}
    result = handbook("check", "--strict", "--root", str(root), str(target))
    assert result.returncode == 1
    warned = [line for line in result.stdout.splitlines() if line.endswith("(placeholder)")]
    assert warned and {int(w.split(":")[1]) for w in warned} == todo_lines
    assert all(": warning: this is still the TODO placeholder" in w for w in warned)
