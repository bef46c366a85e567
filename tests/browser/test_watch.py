"""The watch every browser test runs under: a request for another host is refused by
the browser and recorded, so the context's check fails the test."""

from __future__ import annotations

import time

import pytest

from .conftest import EMPTY_PAGE, PAGE_VIEWPORT, SharedPage, Watch, open_context


def test_a_request_for_another_host_is_blocked_and_fails_the_check(browser,
                                                                   base_url: str) -> None:  # noqa: ANN001
    watch = Watch()
    watch.allowed_errors.append(r"ERR_NAME_NOT_RESOLVED")  # the refusal itself, as logged
    with pytest.raises(AssertionError, match=r"requests left 127\.0\.0\.1: \['https://example\.org/"):
        with open_context(browser, watch) as context:
            page = context.new_page()
            page.goto(base_url)
            # no-cors: only a request that never reached the host is refused
            loaded = page.evaluate("""() => fetch('https://example.org/tracker.js',
                {mode: 'no-cors'}).then(() => 'loaded', () => 'refused')""")
            assert loaded == "refused"


def test_the_shared_page_reports_to_the_test_using_it(shared_page: SharedPage,
                                                       base_url: str) -> None:
    """The page every test shares tells the watch of the test using it, up to the end
    of the test: a request that leaves as the test ends is still the test's."""
    watch = Watch()
    watch.allowed_errors.append(r"ERR_NAME_NOT_RESOLVED")
    shared_page.relay.watch = watch
    page = shared_page.page
    page.goto(base_url)
    page.evaluate("() => { setTimeout(() => fetch('https://example.org/late.js')"
                  ".catch(() => {}), 50); }")
    time.sleep(0.5)  # the request leaves now, with no Playwright call to report it
    shared_page.leave()
    assert watch.outside == ["https://example.org/late.js"]
    assert shared_page.relay.watch is None


def test_the_shared_page_starts_each_test_empty(shared_page: SharedPage, base_url: str,
                                                mini_url: str) -> None:
    """What one test leaves in the page every test shares is gone for the next."""
    context, page = shared_page.context, shared_page.page
    shared_page.relay.watch = Watch()
    try:
        for url in (mini_url, base_url):
            page.goto(url)
            page.evaluate("() => { localStorage.setItem('left', '1');"
                          " sessionStorage.setItem('left', '1'); }")
        page.set_viewport_size({"width": 400, "height": 500})
        page.emulate_media(color_scheme="dark")
        context.grant_permissions(["clipboard-read"])
        context.new_page()
    finally:
        shared_page.leave()
    context, page = shared_page.context, shared_page.page
    assert context.pages == [page] and page.url.endswith(f"/{EMPTY_PAGE}")
    assert page.viewport_size == PAGE_VIEWPORT
    shared_page.relay.watch = Watch()
    try:
        for url in (mini_url, base_url):
            page.goto(url)
            assert page.evaluate("() => [localStorage.getItem('left'),"
                                 " sessionStorage.getItem('left')]") == [None, None], url
        # The handbook's palette follows the system again, which is light, not dark.
        assert page.get_attribute("body", "data-md-color-scheme") == "default"
        assert page.evaluate(
            "() => navigator.permissions.query({name: 'clipboard-read'}).then(p => p.state)"
        ) == "prompt"
    finally:
        shared_page.leave()
