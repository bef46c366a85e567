"""The MkDocs internals behind mkdocs_compat.py: URLs, TOC, anchors, redirects, ProperDocs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import REPO, build_ok, mkdocs_build
from mkdocs.structure.files import File

from playbook_handbook.mkdocs_compat import TocSettings, nest, page_url, set_page_headings


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize("uri", [
    "index.md", "skills.md", "playbooks/index.md", "playbooks/guides/index.md",
    "playbooks/crisis-handling/crisis-first-hour.md", "cards/crisis-first-hour.md",
])
def test_page_url_is_the_url_mkdocs_gives_the_page(uri: str, directory_urls: bool) -> None:
    file = File(uri, src_dir="docs", dest_dir="site", use_directory_urls=directory_urls)
    assert page_url(uri, directory_urls) == file.url


def test_nest_puts_each_heading_under_the_last_higher_one() -> None:
    flat = [{"level": level, "id": name, "name": name} for level, name in
            [(1, "title"), (2, "a"), (3, "a1"), (3, "a2"), (2, "b"), (4, "b-deep"), (2, "c")]]
    (title,) = nest(flat)
    assert [child["id"] for child in title["children"]] == ["a", "b", "c"]
    assert [child["id"] for child in title["children"][0]["children"]] == ["a1", "a2"]
    assert [child["id"] for child in title["children"][1]["children"]] == ["b-deep"]
    assert title["children"][2]["children"] == []


def test_toc_settings_follow_the_toc_extension_options() -> None:
    settings = TocSettings.from_config({"permalink": "#", "permalink_class": "anchor",
                                        "permalink_title": "Link", "toc_depth": "2-3"})
    assert (settings.permalink, settings.permalink_class, settings.permalink_title) == (
        "#", "anchor", "Link")
    assert settings.depth == (2, 3)
    assert TocSettings.from_config({"permalink": True}).permalink == "¶"
    assert TocSettings.from_config({}).permalink is None
    assert TocSettings.from_config({"toc_depth": 4}).depth == (1, 4)


def test_page_headings_keep_only_levels_within_toc_depth() -> None:
    class Page:
        toc = None
        present_anchor_ids = None

    page = Page()
    flat = [{"level": level, "id": name, "name": name} for level, name in
            [(1, "title"), (2, "a"), (3, "a1"), (4, "deep")]]
    set_page_headings(page, flat, {"title", "a", "a1", "deep"}, depth=(1, 3))
    (title,) = page.toc
    assert [child.id for child in title.children] == ["a"]
    assert [child.id for child in title.children[0].children] == ["a1"]
    assert title.children[0].children[0].children == []  # level 4 is left out
    assert page.present_anchor_ids == {"title", "a", "a1", "deep"}  # every id still links


def test_permalink_class_and_toc_depth_reach_the_built_page(mini: Path, tmp_path: Path) -> None:
    config = mini / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "      permalink: true\n",
        '      permalink: true\n      permalink_class: hb-anchor\n      toc_depth: 2\n'))
    site = build_ok(mini, tmp_path / "site")
    page = (site / "playbooks/guides/reply-to-comments/index.html").read_text("utf-8")
    assert 'class="hb-anchor" href="#' in page
    assert 'class="headerlink"' not in page.split('<article', 1)[1].split("</article>")[0]
    toc = page[page.index('<nav class="md-nav md-nav--secondary"'):]
    toc = toc[:toc.index("</nav>")]
    assert "md-nav__link" in toc
    assert not re.search(r'<h3 id="([^"]+)"', toc)


@pytest.mark.parametrize("tool", ["mkdocs", "properdocs"])
def test_each_engine_builds_redirects_contents_and_checks_anchors(mini: Path, tmp_path: Path,
                                                                   tool: str) -> None:
    """The smoke test of this module on the installed MkDocs (the mini handbook) and on
    ProperDocs (this repository's handbook, with its whole configuration)."""
    project, playbook = (mini, "playbooks/guides/reply-to-comments") if tool == "mkdocs" \
        else (REPO, "playbooks/crisis-handling/crisis-first-hour")
    site = build_ok(project, tmp_path / "site", tool=tool)
    name = playbook.rsplit("/", 1)[1]
    redirect = (site / "go" / name / "index.html").read_text("utf-8")
    assert f"{playbook}/" in redirect
    page = (site / playbook / "index.html").read_text("utf-8")
    assert 'class="md-nav md-nav--secondary"' in page and 'href="#' in page
    # The second edition, built by the engine that runs (build_edition).
    turkish = (site / "tr" / playbook / "index.html").read_text("utf-8")
    assert '<html lang="tr"' in turkish and 'hreflang="en"' in turkish
    assert '<html lang="tr"' in (site / "tr" / "index.html").read_text("utf-8")
    assert f"{playbook}/" in (site / "tr/go" / name / "index.html").read_text("utf-8")
    (mini / "docs" / "anchors.md").write_text(
        "# Anchors\n\n[No such step](playbooks/guides/reply-to-comments.md#no-such-step)\n")
    broken = mkdocs_build(mini, tmp_path / "broken", tool=tool)
    assert broken.returncode == 1
    assert "does not contain an anchor '#no-such-step'" in broken.stderr


def test_a_build_prints_only_mkdocs_own_progress(mini: Path, tmp_path: Path) -> None:
    result = mkdocs_build(mini, tmp_path / "site")
    assert result.returncode == 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert not [line for line in lines if "[macros]" in line or "WARNING" in line], lines


def test_the_section_ids_steps_may_not_take_are_the_templates_own() -> None:
    from playbook_handbook.sitemap import SECTION_IDS

    templates = Path(__file__).resolve().parent.parent / "playbook_handbook/render/templates"
    # A playbook page's templates; each other page (pages/) keeps its own fixed ids.
    used = {match for file in templates.rglob("*.html") if file.parent.name != "pages"
            for match in re.findall(r'heading\(\d, _\("[^"]+"\), "([a-z0-9-]+)"',
                                    file.read_text())}
    assert used == SECTION_IDS
