"""The fast author preview: a dirty rebuild (``mkdocs serve --dirty``) redoes only the
pages an edit touched, and still shows the edit. Functional, not timed: the timing is
in benchmarks/scale.py."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import build_ok, mkdocs_build


def dirty_build(project: Path, site: Path) -> None:
    """``mkdocs build --dirty`` through MkDocs' command line in this process, after the
    first build, as ``mkdocs serve --dirty`` rebuilds in its own process: the handbook
    the first build loaded is reused while its files are unchanged (the plugin itself
    is made afresh by each command)."""
    result = mkdocs_build(project, site, "--dirty", "--no-strict")
    assert result.returncode == 0, result.stderr
    assert "ERROR" not in result.stderr, result.stderr


def built_pages(site: Path) -> dict[str, int]:
    """Every page's modification time, leaving out mkdocs-redirects' redirect pages."""
    return {str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob("index.html")
            if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")}


def later(path: Path, base: Path) -> None:
    """Date ``path`` after every page of the first build (no sleeping for the clock)."""
    stamp = max(p.stat().st_mtime_ns for p in base.rglob("*.html")) + 10**9
    os.utime(path, ns=(stamp, stamp))


def test_editing_a_playbook_rebuilds_only_its_page(mini: Path, tmp_path: Path) -> None:
    site = build_ok(mini, tmp_path / "site")
    before = built_pages(site)
    playbook = mini / "playbooks" / "guides" / "reply-to-comments.yml"
    text = playbook.read_text(encoding="utf-8")
    playbook.write_text(text.replace("How to answer comments", "Edited in the preview, how to "
                                     "answer comments"), encoding="utf-8")
    later(playbook, site)

    dirty_build(mini, site)

    page = "playbooks/guides/reply-to-comments/index.html"
    assert "Edited in the preview" in (site / page).read_text(encoding="utf-8")
    after = built_pages(site)
    assert after.keys() == before.keys()
    rebuilt = {uri for uri in after if after[uri] != before[uri]}
    assert rebuilt == {page, f"tr/{page}"}  # the page in both editions (English text: no .tr.yml)
    # The redirects and the other playbook's page from the first build are still there.
    assert (site / "go" / "reply-to-comments" / "index.html").is_file()
    assert "severity" in (site / "playbooks/crisis-handling/severity-triage/index.html").read_text(
        encoding="utf-8").lower()


def test_adding_a_playbook_rebuilds_its_category_lists(mini: Path, tmp_path: Path) -> None:
    site = build_ok(mini, tmp_path / "site")
    before = built_pages(site)
    folder = mini / "playbooks" / "guides"
    text = (folder / "reply-to-comments.yml").read_text(encoding="utf-8")
    new = folder / "thank-commenters.yml"
    new.write_text(text.replace("id: reply-to-comments", "id: thank-commenters")
                   .replace("title: Reply to comments", "title: Thank your commenters")
                   .replace("aliases: [answering-comments]\n", ""), encoding="utf-8")
    later(new, site)
    later(folder, site)
    later(folder.parent, site)

    dirty_build(mini, site)

    assert "Thank your commenters" in (
        site / "playbooks/guides/thank-commenters/index.html").read_text(encoding="utf-8")
    assert "Thank your commenters" in (
        site / "playbooks/guides/index.html").read_text(encoding="utf-8")
    after = built_pages(site)
    untouched = "playbooks/crisis-handling/severity-triage/index.html"
    assert after[untouched] == before[untouched]



def test_editing_a_shared_definition_rebuilds_the_crisis_pages_and_cards(
        mini: Path, tmp_path: Path) -> None:
    site = build_ok(mini, tmp_path / "site")
    before = built_pages(site)
    roles = mini / "definitions" / "crisis-roles.yml"
    text = roles.read_text(encoding="utf-8")
    old = next(line.split("name:", 1)[1].strip() for line in text.splitlines()
               if line.strip().startswith("name:"))
    roles.write_text(text.replace(f"name: {old}", "name: Renamed in the preview", 1),
                     encoding="utf-8")
    later(roles, site)

    dirty_build(mini, site)

    after = built_pages(site)
    rebuilt = {uri for uri in after if after[uri] != before[uri]}
    pages = {"playbooks/crisis-handling/severity-triage/index.html",
             "cards/severity-triage/index.html"}
    assert rebuilt == pages | {f"tr/{page}" for page in pages}
    for page in rebuilt:
        assert "Renamed in the preview" in (site / page).read_text(encoding="utf-8")
