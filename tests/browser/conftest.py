"""Shared browser fixtures: one site build, local servers, one chromium per session.

In every test's browser context or page, any request that would leave 127.0.0.1
is refused by the browser and recorded (``ARGS``), and console errors are
recorded; the test fails at teardown if either list is not empty. The ``page``
fixture is one page per worker, emptied between tests (``SharedPage``);
``context`` and ``open_context`` make new ones.

Needs Debian's chromium at /usr/bin/chromium (``.ci/run`` installs it) and
Playwright for Python: without them the tests are skipped locally, and they
fail in CI (``CI`` set), where a missing browser must not pass unnoticed.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import FIXTURES, MINI, REPO, build_ok

from playbook_handbook.site.print_cards import QuietSite

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
        # No host but this one resolves, and no proxy (one at 127.0.0.1, named in
        # http_proxy, would reach any host): a request for another host fails in the
        # browser, and Watch records it from the failure event, with no per-request round
        # trip to Python. (A route handler would cost one, and turn the browser's cache
        # off; a listener for every request costs Python and Playwright's driver a
        # message each.)
        "--no-proxy-server", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
SHOTS = REPO / "test-artifacts" / "screenshots"  # git-ignored; written by make screenshots
PREFIX = "/handbook/"  # the sub-path the site is also served under
EMPTY_PAGE = "hb-test-empty-page"  # served by every test server: no script, no icon


class _Quiet(QuietSite):
    prefix = "/"
    empty_search = False  # _serve(search=False): every edition's index without documents

    def do_GET(self) -> None:
        if self.path.endswith(f"/{EMPTY_PAGE}"):
            self.send_body(b'<!doctype html><title>Empty</title><link rel="icon" href="data:,">',
                           "text/html")
            return
        super().do_GET()

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "missing-outside-prefix")
        return super().translate_path("/" + path[len(self.prefix):])


@functools.cache
def _skip_reason() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not CHROMIUM.exists():
        return f"no {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    return None


def _serve(site: Path, prefix: str = "/", *, search: bool = True) -> Iterator[str]:
    handler = type("Handler", (_Quiet,), {"prefix": prefix, "empty_search": not search})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def base_url(repo_site: Path) -> Iterator[str]:
    """The repository handbook served at the root of 127.0.0.1:<port>, its search
    index empty: Material's search worker builds the index of every page of both
    editions on each page load (measured: about half of the browser's CPU time in
    a walk over the site), and only the search tests need it (``search_url``)."""
    yield from _serve(repo_site, search=False)


@pytest.fixture(scope="session")
def search_url(repo_site: Path) -> Iterator[str]:
    """The repository handbook with its real search index, for the search tests."""
    yield from _serve(repo_site)


@pytest.fixture(scope="session")
def sub_url(repo_site: Path) -> Iterator[str]:
    """The same files served under /handbook/, as on a project site or intranet folder
    (the search index empty, as for ``base_url``)."""
    yield from _serve(repo_site, PREFIX, search=False)


@pytest.fixture(scope="session")
def sub_search_url(repo_site: Path) -> Iterator[str]:
    """The site under /handbook/ with its real search index."""
    yield from _serve(repo_site, PREFIX)


@pytest.fixture(scope="session")
def mini_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The mini handbook (it has an alias) plus a Turkish, emoji and Arabic playbook."""
    project = shutil.copytree(MINI, tmp_path_factory.mktemp("browser-mini") / "mini")
    shutil.copy(FIXTURES / "valid" / "turkish-emoji-rtl.yml", project / "playbooks" / "guides")
    # The repository's theme overrides, as the real site has them: without them
    # Material's repository widget calls api.github.com on every page.
    shutil.copytree(REPO / "overrides", project / "overrides")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  name: material\n", "  name: material\n  custom_dir: overrides\n", 1))
    yield from _serve(build_ok(project, project.parent / "site"))


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    reason = _skip_reason()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests cannot run in CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


class Watch:
    """What a context did that it must not: outside requests and console errors."""

    def __init__(self) -> None:
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.allowed_errors: list[str] = []  # regexes a test expects, e.g. a 404 it asked for

    def request(self, request: Any) -> None:
        """A failed request (every one for another host fails: ``ARGS``)."""
        url = request.url
        if url.startswith(("http:", "https:", "ws:", "wss:")) and \
                urlsplit(url).hostname != "127.0.0.1":
            self.outside.append(url)

    def console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(f"{message.text} ({message.location.get('url')})")

    def page_error(self, error: Any) -> None:
        self.errors.append(f"uncaught: {error}")

    def attach(self, page: Any) -> None:
        page.on("console", self.console)
        page.on("pageerror", self.page_error)

    def check(self) -> None:
        errors = [e for e in self.errors
                  if not any(re.search(p, e) for p in self.allowed_errors)]
        assert self.outside == [], f"requests left 127.0.0.1: {self.outside}"
        assert errors == [], f"console errors: {errors}"


@pytest.fixture
def watch() -> Watch:
    return Watch()


@contextlib.contextmanager
def open_context(browser: Any, watch: Watch, **options: Any) -> Iterator[Any]:
    """A new browser context watched by ``watch``; checked when it closes."""
    context = browser.new_context(**options)
    context.on("requestfailed", watch.request)
    context.on("page", watch.attach)
    yield context
    context.close()
    watch.check()


@pytest.fixture
def context(browser: Any, watch: Watch) -> Iterator[Any]:
    """A fresh desktop context (1280x900), for a test that changes the context itself."""
    with open_context(browser, watch, viewport=PAGE_VIEWPORT) as context:
        yield context


PAGE_VIEWPORT = {"width": 1280, "height": 900}


class _Relay(Watch):
    """Hands the shared page's events to the watch of the test using it (none between
    tests), and keeps the origins the page visited in that test, whose storage is
    emptied."""

    def __init__(self) -> None:
        super().__init__()
        self.watch: Watch | None = None
        self.origins: set[str] = set()

    def attach(self, page: Any) -> None:
        super().attach(page)
        page.on("framenavigated", self.navigated)
        for frame in page.frames:  # a new tab is announced after its first navigation
            self.navigated(frame)

    def navigated(self, frame: Any) -> None:
        parts = urlsplit(frame.url)
        if parts.scheme in ("http", "https") and parts.hostname == "127.0.0.1":
            self.origins.add(f"{parts.scheme}://{parts.netloc}")

    def request(self, request: Any) -> None:
        if self.watch is not None:
            self.watch.request(request)

    def console(self, message: Any) -> None:
        if self.watch is not None:
            self.watch.console(message)

    def page_error(self, error: Any) -> None:
        if self.watch is not None:
            self.watch.page_error(error)


class SharedPage:
    """One desktop page per worker, for every test that takes ``page``, with the
    watch of the test using it (``relay.watch``)."""

    def __init__(self, browser: Any) -> None:
        self.browser = browser
        self.relay = _Relay()
        self.context, self.page = self._open()

    def _open(self) -> tuple[Any, Any]:
        context = self.browser.new_context(viewport=PAGE_VIEWPORT)
        context.on("requestfailed", self.relay.request)
        context.on("page", self.relay.attach)
        return context, context.new_page()

    def leave(self) -> None:
        """End a test: what its page did until now goes to its watch (a request or error
        that arrived after its last call included), then the page is emptied; a page
        that cannot be emptied is replaced."""
        try:
            self.page.wait_for_timeout(0)  # delivers the events still on their way
            for other in self.context.pages:
                if other is not self.page:
                    other.close()
            # Still the test's watch: a request the test left in flight fails (and is
            # reported) when emptying navigates away. Emptying itself stays on 127.0.0.1.
            self._empty()
            self.relay.watch = None
        except Exception:  # a crashed or hung page: the next test gets a new one
            self.relay.watch = None
            self.context.close()
            self.relay.origins.clear()
            self.context, self.page = self._open()
            raise

    def _empty(self) -> None:
        """Nothing in local or session storage for any origin the page visited (the
        handbook's scripts and Material keep all they store there), no cookies or
        permissions, the mouse in a corner, and the viewport and media a new context
        has. The page rests on the last origin's EMPTY_PAGE, a short page with no
        script: the next test's page load needs no new renderer process, as it would
        coming from about:blank."""
        # Session storage belongs to the tab and can only be emptied from its origin.
        for origin in sorted(self.relay.origins):
            self.page.goto(f"{origin}/{EMPTY_PAGE}")
            self.page.evaluate("() => { sessionStorage.clear(); localStorage.clear(); }")
        self.relay.origins.clear()
        self.context.clear_cookies()
        self.context.clear_permissions()
        self.page.mouse.move(0, 0)
        self.page.set_viewport_size(PAGE_VIEWPORT)
        self.page.emulate_media(media="null", color_scheme="light",
                                reduced_motion="no-preference", forced_colors="none")

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="session")
def shared_page(browser: Any) -> Iterator[SharedPage]:
    shared = SharedPage(browser)
    yield shared
    shared.close()


@pytest.fixture
def page(shared_page: SharedPage, watch: Watch) -> Iterator[Any]:
    """A desktop page (1280x900) watched by ``watch``. One page per worker serves every
    test that asks for one, emptied between tests (``SharedPage.leave``): a new page
    costs Chromium a new renderer process, about as much CPU as two page loads. A test
    that needs a cold cache or a context of its own takes ``context``."""
    shared_page.relay.watch = watch
    try:
        yield shared_page.page
    finally:
        shared_page.leave()
    watch.check()


def shot(page: Any, name: str) -> Path | None:
    """With HANDBOOK_SCREENSHOTS=1 (``make screenshots``), save the first screen as
    test-artifacts/screenshots/<name>.png (the whole page with HANDBOOK_FULL_SCREENSHOTS=1,
    about 0.8 s more a page) and return its path; otherwise None. A screenshot costs
    Chromium about as much as a page load, and only a person looking at them needs them."""
    if not os.environ.get("HANDBOOK_SCREENSHOTS"):
        return None
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=bool(os.environ.get("HANDBOOK_FULL_SCREENSHOTS")))
    assert path.stat().st_size > 10_000, f"{name}: an empty screen"
    return path
