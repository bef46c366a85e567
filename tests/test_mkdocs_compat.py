"""Playbook pages as HTML (render/html_page.py): URLs as MkDocs makes them, TOC nesting."""

from __future__ import annotations

import pytest
from mkdocs.structure.files import File

from playbook_handbook.mkdocs_compat import nest, page_url


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
