"""How often does Material's search list the right playbook first, in chromium?

Builds the repository handbook, serves it on 127.0.0.1 and types one query per
holding statement (its first sentence), per campaign-length rule (eight words of
its longest sentence), per strategy question (the question) and per full
question of the browser suite's question set (tests/browser/questions.py) into
the search box. Prints, per kind of query, how many found their playbook first and in the
top three. Used to choose the search field boosts in mkdocs.yml.

    .venv/bin/python benchmarks/search_ranking.py [--verbose]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from browser.conftest import ARGS, CHROMIUM  # noqa: E402
from browser.helpers import search, sentences  # noqa: E402
from browser.questions import QUESTIONS  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from playbook_handbook.index.handbook import load_handbook  # noqa: E402


def queries() -> list[tuple[str, str, str]]:
    """``(kind of query, query, expected playbook id)`` taken from the YAML."""
    found = []
    for entry in load_handbook(REPO).playbooks.values():
        pb = entry.playbook
        for statement in getattr(pb, "holding_statements", None) or []:
            found.append(("holding statement", sentences(statement.text)[0], entry.id))
        for rule in getattr(pb, "rules", None) or []:
            longest = max(sentences(rule.rationale), key=lambda s: len(s.split()))
            found.append(("campaign rule", " ".join(longest.split()[:8]), entry.id))
        for question in getattr(pb, "questions", None) or []:
            found.append(("strategy question", question.question, entry.id))
    found.extend(("full question", query, expected) for query, expected in QUESTIONS)
    return found


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def served(site: Path):  # noqa: ANN201
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every query and rank")
    args = parser.parse_args()
    ranks: dict[str, list[int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", tmp], cwd=REPO,
                       check=True)
        with served(Path(tmp)) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            page = browser.new_page()
            for kind, query, expected in queries():
                try:
                    results = search(page, base, query)
                except Exception:  # noqa: BLE001 - no result at all counts as not found
                    results = []
                rank = results.index(expected) + 1 if expected in results else 0
                ranks.setdefault(kind, []).append(rank)
                if args.verbose:
                    print(f"{rank or '-':>3}  {expected:40}  {query}")
            browser.close()
    print(f"{'query from':20} {'queries':>8} {'first':>6} {'top 3':>6}")
    for kind, found in ranks.items():
        print(f"{kind:20} {len(found):8} {sum(r == 1 for r in found):6} "
              f"{sum(1 <= r <= 3 for r in found):6}")


if __name__ == "__main__":
    main()
