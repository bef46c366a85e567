"""The scale benchmark's baseline stays the handbook written as Markdown.

``benchmarks/markdown_templates/`` writes each playbook page as a person
would in Markdown, for the plain MkDocs build the handbook is measured
against. Nothing else keeps it in step with the HTML templates, so this test
renders every starter playbook both ways and compares the words a reader sees:
a section added to, or dropped from, one side only fails here, not months
later in a benchmark nobody reads.
"""

from __future__ import annotations

import html
import re
import sys

import markdown
import pytest
from conftest import REPO
from mkdocs.config import load_config

from playbook_handbook.index.handbook import load_handbook
from playbook_handbook.render.pages import Renderer

sys.path.insert(0, str(REPO))
from benchmarks.markdown_baseline import MarkdownBaseline  # noqa: E402


def words(fragment: str) -> list[str]:
    """The words of an HTML fragment. Unescaped twice: the old Markdown path escapes
    quotes inside a code span once more (``&amp;quot;``), a baseline quirk, not drift."""
    text = html.unescape(html.unescape(re.sub(r"<[^>]+>", " ", fragment)))
    return sorted(re.findall(r"[^\W\d_]+", text))


@pytest.fixture(scope="module")
def renderers() -> tuple[Renderer, MarkdownBaseline, markdown.Markdown]:
    config = load_config(str(REPO / "mkdocs.yml"))
    book = load_handbook(REPO)
    site = Renderer(book, markdown_extensions=config.markdown_extensions,
                    mdx_configs=config.mdx_configs)
    baseline = MarkdownBaseline(Renderer(book))
    converter = markdown.Markdown(extensions=config.markdown_extensions,
                                  extension_configs=config.mdx_configs)
    return site, baseline, converter


def test_markdown_baseline_shows_the_words_of_every_playbook_page(renderers) -> None:  # noqa: ANN001
    site, baseline, converter = renderers
    drifted = []
    for entry in site.book.playbooks.values():
        page = site.playbook_page(entry).html
        text = baseline.page(entry).split("---\n", 2)[2]
        if words(page) != words(converter.reset().convert(text)):
            drifted.append(entry.rel_path)
    assert drifted == [], (
        "benchmarks/markdown_templates/ no longer shows what the page templates show; "
        "update the Markdown templates for these pages")


def test_synthetic_handbook_has_everything_a_build_reads(tmp_path) -> None:  # noqa: ANN001
    """benchmarks/synth.py copies what mkdocs.yml points at (the macros module broke it once)."""
    from benchmarks.synth import make_handbook

    make_handbook(tmp_path, 3)
    config = load_config(str(tmp_path / "mkdocs.yml"))
    macros = config.plugins["macros"].config["module_name"]
    assert (tmp_path / f"{macros}.py").is_file()
    assert (tmp_path / config.theme.custom_dir).is_dir()
    assert (tmp_path / "docs" / "index.md").is_file()
