"""MkDocs hook for the scale benchmark: write each page's final Markdown to a folder.

Added (``hooks:``) only to the benchmark's warm-up build. It runs after every
plugin's ``on_page_markdown``, so a generated page is dumped as the handbook
plugin made it and a hand-written page with its macros expanded: the plain
Markdown baseline is built from exactly this text.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority


@event_priority(-100)
def on_page_markdown(markdown, page, config, files):  # noqa: ANN001, ANN201 - hook signature
    target = Path(os.environ["HANDBOOK_BENCH_DUMP"]) / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    meta = {k: v for k, v in page.meta.items() if k != "render_macros"}
    front = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n" if meta else ""
    target.write_text(front + markdown, encoding="utf-8")
    return markdown
