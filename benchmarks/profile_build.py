"""Where a handbook build spends its CPU time: each step of ours, timed in the build.

    .venv/bin/python benchmarks/profile_build.py PROJECT [--site DIR]

Runs ``mkdocs build`` on ``PROJECT`` (for example a handbook written by
``benchmarks/synth.py``) in this process, with ``time.process_time`` around
the handbook plugin's events, its renderers, the macros and redirects plugins
and MkDocs' own Markdown conversion, and prints a table of CPU seconds.
Lighter than cProfile, which doubles the time of Jinja-heavy code.
"""

from __future__ import annotations

import argparse
import functools
import os
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

SECONDS: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)


def timed(owner: Any, name: str, label: str) -> None:
    """Replace ``owner.name`` by a wrapper adding its CPU time to ``label``."""
    function: Callable = getattr(owner, name)

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            SECONDS[label] += time.process_time() - start
            CALLS[label] += 1

    setattr(owner, name, wrapper)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path, help="folder holding mkdocs.yml")
    parser.add_argument("--site", type=Path, help="output folder (default: a temp dir)")
    args = parser.parse_args()

    import mkdocs.structure.pages as pages
    import mkdocs_macros.plugin as macros_plugin
    import mkdocs_redirects.plugin as redirects

    from playbook_handbook.render import pages as render
    from playbook_handbook.site import plugin

    timed(plugin.HandbookPlugin, "on_config", "Load and validate the YAML, git history")
    timed(plugin.HandbookPlugin, "on_page_content", "Sanitise every page (nh3)")
    timed(render.Renderer, "playbook_page", "Render playbook pages (HTML templates)")
    for name in ("path_page", "card_page", "category_page", "all_playbooks_page",
                 "skills_page", "paths_index_page", "review_queue_page", "whats_new_page"):
        timed(render.Renderer, name, "Render path, card and list pages (HTML templates)")
    timed(macros_plugin.MacrosPlugin, "on_page_markdown", "mkdocs-macros, per page")
    timed(redirects.RedirectPlugin, "on_post_build", "Redirect pages (/go/)")
    timed(pages.Page, "render", "Markdown to HTML (MkDocs, every page)")

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    with tempfile.TemporaryDirectory() as tmp:
        config = load_config(str(args.project / "mkdocs.yml"),
                             site_dir=str(args.site or Path(tmp) / "site"))
        start = time.process_time()
        build(config)
        total = time.process_time() - start
    print("| Part | CPU s | Calls |\n| --- | ---: | ---: |")
    for label, seconds in sorted(SECONDS.items(), key=lambda item: -item[1]):
        print(f"| {label} | {seconds:.1f} | {CALLS[label]:,} |")
    print(f"| Whole build (after imports) | {total:.1f} | |")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nPeak memory {peak:,.0f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
