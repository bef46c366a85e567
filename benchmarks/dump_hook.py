"""MkDocs hook for the scale benchmark: write each page as Markdown to a folder.

Added (``hooks:``) only to the benchmark's warm-up build. It runs after every
plugin's ``on_page_markdown``, so a hand-written page is dumped with its macros
expanded (their HTML blocks in place). Generated pages are rendered by the
handbook straight to HTML, so for a playbook page the hook writes the same
content as a person would write it by hand in Markdown, from the templates in
``benchmarks/markdown_templates/`` (see ``markdown_baseline.py``); for the few
other generated pages (lists, paths, cards) it writes their HTML, which Markdown
passes through. The plain Markdown baseline is built from exactly this text.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority

from playbook_handbook.render.pages import Renderer

# MkDocs loads this hook by its path, from the benchmarked project's folder.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.markdown_baseline import TEMPLATES, MarkdownBaseline  # noqa: E402

__all__ = ["TEMPLATES", "on_page_markdown"]
_markdown: dict[str, object] = {}


def _generated_markdown(page, config) -> str | None:  # noqa: ANN001
    """A generated page as hand-written Markdown (front matter left out), else None:
    a playbook page from the Markdown templates, another page (a list, path or card)
    as the HTML the handbook made, which Markdown passes through."""
    rendered = getattr(page.file, "rendered", None)
    if rendered is None:
        return None
    plugin = config.plugins["handbook"]
    if _markdown.get("book") is not plugin.book:
        renderer = Renderer(plugin.book)
        renderer.use_history(plugin.renderer.history, plugin.renderer.history_links)
        entries = {entry.page_uri: entry for entry in plugin.book.playbooks.values()}
        _markdown.update(book=plugin.book, baseline=MarkdownBaseline(renderer), entries=entries)
    entry = _markdown["entries"].get(page.file.src_uri)  # type: ignore[attr-defined]
    if entry is None:
        return rendered.html
    text = _markdown["baseline"].page(entry)  # type: ignore[attr-defined]
    return text.split("---\n", 2)[2]


@event_priority(-100)
def on_page_markdown(markdown, page, config, files):  # noqa: ANN001, ANN201 - hook signature
    target = Path(os.environ["HANDBOOK_BENCH_DUMP"]) / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    meta = {k: v for k, v in page.meta.items() if k != "render_macros"}
    front = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n" if meta else ""
    body = _generated_markdown(page, config)
    if body is None:  # a hand-written page: its macros' blocks in their places
        body = config.plugins["handbook"].fragments.fill(markdown)
    target.write_text(front + body, encoding="utf-8")
    return markdown
