"""The handbook's version in the footer, and versioned snapshots published with mike."""

from __future__ import annotations

import json
import os
import sys
from importlib.metadata import version
from pathlib import Path

from conftest import MINI, REPO, build_ok, copy_tree, run
from gitrepo import commit, git, init


def with_theme_overrides(project: Path, extra: str = "") -> Path:
    """Point the mini handbook at the real overrides/ (where the footer partial lives)."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "theme:\n  name: material\n",
        f"theme:\n  name: material\n  custom_dir: {REPO / 'overrides'}\n")
    config.write_text(text + extra, encoding="utf-8")
    return project


def footer(site: Path) -> str:
    page = (site / "index.html").read_text(encoding="utf-8")
    start = page.index('<div class="md-copyright">')
    return page[start:page.index("</footer>", start)]


def test_footer_shows_package_version_outside_git(tmp_path: Path) -> None:
    project = with_theme_overrides(copy_tree(MINI, tmp_path / "mini"))
    site = build_ok(project, tmp_path / "site")
    expected = version("social-playbook-handbook")
    assert f"Handbook version <span data-hb-version>{expected}</span>" in footer(site)
    assert "Handbook version" in footer(site / "playbooks" / "guides" / "reply-to-comments")


def test_footer_shows_git_tag(tmp_path: Path) -> None:
    project = with_theme_overrides(init(copy_tree(MINI, tmp_path / "mini")))
    commit(project, "Handbook", "2026-03-02T09:00:00+00:00")
    git(project, "tag", "2026.03")
    site = build_ok(project, tmp_path / "site")
    assert "Handbook version <span data-hb-version>2026.03</span>" in footer(site)


def test_version_set_in_mkdocs_yml_wins_and_is_escaped(tmp_path: Path) -> None:
    project = with_theme_overrides(copy_tree(MINI, tmp_path / "mini"),
                                   'extra:\n  handbook_version: "March <b>edition</b>"\n')
    site = build_ok(project, tmp_path / "site")
    assert "March &lt;b&gt;edition&lt;/b&gt;" in footer(site)


def test_mike_deploys_a_browsable_version(tmp_path: Path) -> None:
    project = init(copy_tree(MINI, tmp_path / "mini"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8")
                      + "extra:\n  version:\n    provider: mike\n", encoding="utf-8")
    commit(project, "Handbook as of March", "2026-03-02T09:00:00+00:00")
    # mike runs `mkdocs` (or `properdocs`, when installed) from PATH: use this environment's.
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    result = run(sys.executable, "-c", "from mike.driver import main; main()",
                 "deploy", "1.0", "latest", cwd=project, PATH=path,
                 GIT_CONFIG_GLOBAL=os.devnull)
    assert result.returncode == 0, result.stderr
    files = git(project, "ls-tree", "-r", "--name-only", "gh-pages").split()
    assert {"1.0/index.html", "1.0/playbooks/guides/reply-to-comments/index.html",
            "versions.json"} <= set(files)
    versions = json.loads(git(project, "show", "gh-pages:versions.json"))
    assert versions == [{"version": "1.0", "title": "1.0", "aliases": ["latest"]}]
    page = git(project, "show", "gh-pages:1.0/playbooks/crisis-handling/severity-triage/index.html")
    assert "Severity triage" in page
    assert git(project, "status", "--porcelain", "--untracked-files=no") == ""
