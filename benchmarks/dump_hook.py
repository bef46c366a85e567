"""MkDocs hook for the scale benchmark: write each page as Markdown to a folder.

Added (``hooks:``) only to the benchmark's warm-up build. It runs after every
plugin's ``on_page_markdown``, so a hand-written page is dumped with its macros
expanded and a generated list or path page as the plugin made it. Playbook
pages are rendered by the handbook straight to HTML, so for them the hook
writes the same content as a person would write it by hand in Markdown, from
the templates in ``benchmarks/markdown_templates/`` (the handbook's Markdown
templates before its playbook pages moved to HTML). The plain Markdown
baseline is built from exactly this text.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority

from playbook_handbook.render.pages import Renderer

TEMPLATES = Path(__file__).parent / "markdown_templates"
_markdown: dict[str, object] = {}


def _playbook_markdown(page, config) -> str | None:  # noqa: ANN001
    """A playbook page as hand-written Markdown (front matter left out), else None."""
    if getattr(page.file, "rendered", None) is None:
        return None
    plugin = config.plugins["handbook"]
    if _markdown.get("book") is not plugin.book:
        renderer = Renderer(plugin.book, templates=TEMPLATES)
        renderer.use_history(plugin.renderer.history, plugin.renderer.history_links)
        entries = {entry.page_uri: entry for entry in plugin.book.playbooks.values()}
        _markdown.update(book=plugin.book, renderer=renderer, entries=entries)
    entry = _markdown["entries"][page.file.src_uri]  # type: ignore[index]
    text = _markdown["renderer"].markdown_page(  # type: ignore[attr-defined]
        "playbook.md", entry.page_uri, entry=entry, pb=entry.playbook)
    return text.split("---\n", 2)[2]


@event_priority(-100)
def on_page_markdown(markdown, page, config, files):  # noqa: ANN001, ANN201 - hook signature
    target = Path(os.environ["HANDBOOK_BENCH_DUMP"]) / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    meta = {k: v for k, v in page.meta.items() if k != "render_macros"}
    front = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n" if meta else ""
    body = _playbook_markdown(page, config)
    target.write_text(front + (markdown if body is None else body), encoding="utf-8")
    return markdown
