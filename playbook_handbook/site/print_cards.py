"""Print every crisis card of a built handbook to a PDF, as Chromium prints it.

The deploy workflow publishes these in the site's ``downloads/`` folder so
the person on call can keep a printed or saved copy::

    python -m playbook_handbook.site.print_cards SITE_DIR OUT_DIR [--browser PATH]

Serves SITE_DIR on 127.0.0.1 while printing (the cards need the site's styles)
and writes OUT_DIR/<playbook id>.pdf for each page under ``cards/``, and
OUT_DIR/crisis-cards.pdf with every card, one a page. Needs
Playwright for Python and a Chromium: Debian's at /usr/bin/chromium when it
exists, else the one ``python -m playwright install chromium`` brings.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


class QuietSite(http.server.SimpleHTTPRequestHandler):
    """A built site served without a log line per request. With ``empty_search``
    (the default) every edition's search index is served without its documents:
    Material's search still starts, but does not index the whole site on each page
    load, which a printed card (or a test of anything but search) never needs."""

    empty_search = True

    def log_message(self, *args: object) -> None:
        pass

    def handle(self) -> None:
        try:
            super().handle()
        except ConnectionError:  # broken pipe, reset or aborted, as each system says it
            pass  # the browser left the page before the reply was sent: nothing to say

    def do_GET(self) -> None:
        file = Path(self.translate_path(self.path))
        if self.empty_search and file.name == "search_index.json" and file.is_file():
            stat = file.stat()
            try:
                body = _empty_index(file, (stat.st_mtime_ns, stat.st_size, stat.st_ino))
            except (ValueError, LookupError, TypeError):  # not an index: served as it is
                pass
            else:
                self.send_body(body, "application/json")
                return
        super().do_GET()

    def send_body(self, body: bytes, content_type: str) -> None:
        """Answer the request with ``body`` (200 OK)."""
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@functools.lru_cache(maxsize=16)
def _empty_index(file: Path, version: tuple[int, int, int]) -> bytes:
    """The search index ``file`` without its documents. Read once per version of the
    file (its modification time, size and inode), not on every page load: a handbook's
    index is a megabyte or two."""
    config = json.loads(file.read_text(encoding="utf-8"))["config"]
    return json.dumps({"config": config, "docs": []}).encode()


@contextlib.contextmanager
def _served(site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietSite, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def card_ids(site: Path) -> list[str]:
    """The playbook ids of the cards in a built site (directory or file URLs)."""
    cards = site / "cards"
    ids = {p.parent.name for p in cards.glob("*/index.html")}
    ids |= {p.stem for p in cards.glob("*.html") if p.stem != "index"}
    return sorted(ids)


ALL_CARDS = "crisis-cards.pdf"
# Appends the article of each card page to this one, each on a new sheet.
_APPEND_CARDS = """async (urls) => {
  const article = document.querySelector("article.md-content__inner");
  for (const url of urls) {
    const html = await (await fetch(url)).text();
    const other = new DOMParser().parseFromString(html, "text/html")
      .querySelector("article.md-content__inner");
    const sheet = document.createElement("div");
    sheet.style.breakBefore = "page";
    sheet.append(...other.childNodes);
    article.append(sheet);
  }
}"""


def print_cards(site: Path, out: Path, browser: Path | None = None) -> list[Path]:
    """Write one PDF per crisis card of ``site``, and one of them all, into ``out``;
    the paths written."""
    from playwright.sync_api import sync_playwright

    if browser is None and DEBIAN_CHROMIUM.exists():
        browser = DEBIAN_CHROMIUM
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with _served(site) as base, sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(browser) if browser else None, args=BROWSER_ARGS)
        page = chromium.new_page()
        page.emulate_media(media="print")
        urls = {card: (f"{base}cards/{card}/" if (site / "cards" / card / "index.html").is_file()
                       else f"{base}cards/{card}.html") for card in card_ids(site)}
        for card, url in urls.items():
            page.goto(url)
            written.append(_pdf(page, out / f"{card}.pdf"))
        first, *rest = urls.values()
        page.goto(first)
        page.evaluate(_APPEND_CARDS, rest)
        written.append(_pdf(page, out / ALL_CARDS))
        chromium.close()
    return written


def _pdf(page: Any, target: Path) -> Path:
    page.pdf(path=str(target), prefer_css_page_size=True, print_background=True, format="A4")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built handbook (mkdocs build -d SITE)")
    parser.add_argument("out", type=Path, help="folder for the PDFs")
    parser.add_argument("--browser", type=Path, help="a Chromium to print with")
    args = parser.parse_args(argv)
    if not card_ids(args.site):
        print(f"{args.site}: no crisis cards (cards/) in this site", file=sys.stderr)
        return 1
    for path in print_cards(args.site, args.out, args.browser):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
