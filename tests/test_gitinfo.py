"""The git history reader on real repositories: one log for every file, or nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from gitrepo import commit, git, init

from playbook_handbook.index.gitinfo import FileHistory, file_history, handbook_version, history_url

GUIDE = "playbooks/guides/a.yml"


def write(root: Path, rel: str, text: str = "id: a\n") -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text, encoding="utf-8")


def test_last_change_subject_and_added_date(tmp_path: Path) -> None:
    repo = init(tmp_path)
    write(repo, GUIDE)
    write(repo, "paths/new-starter.yml")
    write(repo, "docs/index.md")
    commit(repo, "First playbook", "2026-01-05T10:00:00+00:00")
    write(repo, GUIDE, "id: a\ntitle: A\n")
    commit(repo, "Second: add a title", "2026-03-01T23:30:00-05:00")
    write(repo, "docs/index.md", "# changed\n")
    commit(repo, "Docs only", "2026-04-01T10:00:00+00:00")
    history = file_history(repo)
    assert history is not None
    assert set(history) == {GUIDE, "paths/new-starter.yml"}  # docs/ is not read
    guide = history[GUIDE]
    # the commit's own calendar day, in its own time zone
    assert (guide.changed, guide.subject, guide.added) == (
        dt.date(2026, 3, 1), "Second: add a title", dt.date(2026, 1, 5))
    assert not guide.uncommitted
    assert history["paths/new-starter.yml"].changed == dt.date(2026, 1, 5)


def test_renamed_file_is_not_reported_as_added(tmp_path: Path) -> None:
    repo = init(tmp_path)
    write(repo, GUIDE, "id: a\n" + "steps: many\n" * 20)
    commit(repo, "Add a", "2026-01-05T10:00:00+00:00")
    git(repo, "mv", GUIDE, "playbooks/guides/b.yml")
    commit(repo, "Rename a to b", "2026-02-05T10:00:00+00:00")
    history = file_history(repo)
    assert history is not None and GUIDE not in history
    moved = history["playbooks/guides/b.yml"]
    assert (moved.changed, moved.subject, moved.added) == (
        dt.date(2026, 2, 5), "Rename a to b", None)


def test_file_recreated_at_an_old_path_counts_as_added_again(tmp_path: Path) -> None:
    repo = init(tmp_path)
    write(repo, GUIDE)
    commit(repo, "Add a", "2026-01-05T10:00:00+00:00")
    git(repo, "rm", "-q", GUIDE)
    commit(repo, "Remove a", "2026-02-05T10:00:00+00:00")
    write(repo, GUIDE, "id: a\ntitle: new\n")
    commit(repo, "A new a", "2026-03-05T10:00:00+00:00")
    history = file_history(repo)
    assert history is not None
    assert (history[GUIDE].changed, history[GUIDE].added) == (dt.date(2026, 3, 5),) * 2


def test_handbook_in_a_subfolder_of_the_repository(tmp_path: Path) -> None:
    repo = init(tmp_path)
    root = repo / "team" / "handbook"
    write(root, GUIDE)
    write(repo, "playbooks/other.yml")  # outside the handbook: ignored
    commit(repo, "Handbook in a subfolder", "2026-05-05T10:00:00+00:00")
    history = file_history(root)
    assert history is not None and list(history) == [GUIDE]


def test_working_tree_changes_are_marked_not_dated(tmp_path: Path) -> None:
    repo = init(tmp_path)
    write(repo, GUIDE)
    commit(repo, "Add a", "2026-01-05T10:00:00+00:00")
    write(repo, GUIDE, "id: a\ntitle: edited\n")
    write(repo, "playbooks/guides/untracked.yml")
    history = file_history(repo)
    assert history is not None
    assert history[GUIDE] == FileHistory(None, "", None, uncommitted=True)
    assert "playbooks/guides/untracked.yml" not in history


def test_repository_without_commits(tmp_path: Path) -> None:
    repo = init(tmp_path)
    write(repo, GUIDE)
    assert file_history(repo) == {}


def test_outside_git_shallow_or_no_git_gives_none(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    plain = tmp_path / "plain"
    write(plain, GUIDE)
    assert file_history(plain) is None
    repo = init(tmp_path / "repo")
    write(repo, GUIDE)
    commit(repo, "one", "2026-01-05T10:00:00+00:00")
    write(repo, GUIDE, "id: a\ntitle: two\n")
    commit(repo, "two", "2026-02-05T10:00:00+00:00")
    git(tmp_path, "clone", "-q", "--depth", "1", repo.as_uri(), "shallow")
    assert file_history(tmp_path / "shallow") is None
    assert file_history(repo) is not None
    monkeypatch.setenv("PATH", str(tmp_path / "no-binaries-here"))
    assert file_history(repo) is None


def test_version_from_tag_else_package(tmp_path: Path) -> None:
    repo = init(tmp_path)
    write(repo, GUIDE)
    commit(repo, "one", "2026-01-05T10:00:00+00:00")
    from importlib.metadata import version
    assert handbook_version(repo) == version("social-playbook-handbook")
    git(repo, "tag", "2026.03")
    assert handbook_version(repo) == "2026.03"
    write(repo, GUIDE, "id: a\ntitle: two\n")
    commit(repo, "two", "2026-02-05T10:00:00+00:00")
    assert handbook_version(repo).startswith("2026.03-1-g")


@pytest.mark.parametrize(("repo_url", "edit_uri", "rel", "expected"), [
    ("https://github.com/org/hb", "edit/main/docs/", "../playbooks/guides/a.yml",
     "https://github.com/org/hb/commits/main/playbooks/guides/a.yml"),
    ("https://github.com/org/hb/", "blob/trunk/site/docs", "../../playbooks/a.yml",
     "https://github.com/org/hb/commits/trunk/playbooks/a.yml"),
    ("https://gitlab.com/org/hb", "-/edit/main/docs/", "../paths/p.yml",
     "https://gitlab.com/org/hb/-/commits/main/paths/p.yml"),
    (None, "edit/main/docs/", "../playbooks/a.yml", None),
    ("https://github.com/org/hb", "", "../playbooks/a.yml", None),
    ("https://example.org/hb", "src/default/docs/", "../playbooks/a.yml", None),
    ("https://github.com/org/hb", "edit/main/docs/", "../../../outside.yml", None),
])
def test_history_url(repo_url: str | None, edit_uri: str, rel: str,
                     expected: str | None) -> None:
    assert history_url(repo_url, edit_uri, rel) == expected
