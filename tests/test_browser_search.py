"""Material's search, in a real browser, finds the right starter playbook first or second.

Needs Debian's chromium at /usr/bin/chromium (``.ci/run`` installs it) and
Playwright for Python; without them the test is skipped locally and fails in CI.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import FIXTURES, MINI, REPO, build_ok

CHROMIUM = Path("/usr/bin/chromium")
if not os.environ.get("CI"):  # in CI a missing browser must fail, not skip
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium (apt-get install chromium)", allow_module_level=True)
    pytest.importorskip("playwright")

from playwright.sync_api import sync_playwright  # noqa: E402

QUERIES = {
    "holding statement": "holding-statement-library",
    "which networks": "find-where-your-audience-is",
    "campaign length": "campaign-duration-by-objective",
    "Stories replies": "stories-objective-views-replies-taps",
    "angry customer": "viral-customer-complaint",
    "content calendar": "content-calendar-planning",
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1; yield its base URL."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(build_ok(REPO, tmp_path_factory.mktemp("browser-site"))) as base:
        yield base


@pytest.fixture(scope="module")
def page(served_site: str) -> Iterator[object]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        page = browser.new_page()
        page.outside_requests = []  # type: ignore[attr-defined]
        page.on("request", lambda r: urlsplit(r.url).hostname not in ("127.0.0.1", None)
                and page.outside_requests.append(r.url))  # type: ignore[attr-defined]
        yield page
        browser.close()


def search(page, base: str, query: str) -> list[str]:  # noqa: ANN001 - Playwright page
    """The playbook ids of the first results for ``query`` typed into the search box."""
    page.goto(base)
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially(query, delay=20)
    page.wait_for_function(
        "() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=15000)
    page.wait_for_timeout(300)  # let the last keystroke's results replace the earlier ones
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item > a.md-search-result__link",
        "links => links.map(a => a.getAttribute('href'))")
    return [urlsplit(h).path.rstrip("/").rsplit("/", 1)[-1] for h in hrefs]


@pytest.mark.parametrize(("query", "expected"), QUERIES.items())
def test_search_lists_the_matching_playbook_first_or_second(
        page, served_site: str, query: str, expected: str) -> None:  # noqa: ANN001
    results = search(page, served_site, query)
    assert expected in results[:2], results[:5]
    assert page.outside_requests == []


@pytest.mark.parametrize("query", ["İstanbul", "şubesi"])
def test_turkish_query_finds_a_turkish_title(page, tmp_path: Path, query: str) -> None:  # noqa: ANN001
    project = shutil.copytree(MINI, tmp_path / "turkish")
    shutil.copy(FIXTURES / "valid" / "turkish-emoji-rtl.yml", project / "playbooks" / "guides")
    with serve(build_ok(project, tmp_path / "site")) as base:
        assert search(page, base, query)[0] == "turkish-emoji-rtl"
