"""The watch every browser test runs under: a request for another host is refused by
the browser and recorded, so the context's check fails the test."""

from __future__ import annotations

import pytest

from .conftest import PAGE_VIEWPORT, Watch, _empty, open_context


def test_a_request_for_another_host_is_blocked_and_fails_the_check(browser,
                                                                   base_url: str) -> None:  # noqa: ANN001
    watch = Watch()
    watch.allowed_errors.append(r"ERR_NAME_NOT_RESOLVED")  # the refusal itself, as logged
    with pytest.raises(AssertionError, match=r"requests left 127\.0\.0\.1: \['https://example\.org/"):
        with open_context(browser, watch) as context:
            page = context.new_page()
            page.goto(base_url)
            loaded = page.evaluate("""() => fetch('https://example.org/tracker.js')
                .then(() => 'loaded', () => 'refused')""")
            assert loaded == "refused"


def test_the_shared_page_starts_each_test_empty(_shared_page, base_url: str,
                                                mini_url: str) -> None:  # noqa: ANN001
    """What one test leaves in the page every test shares is gone for the next."""
    context, page, relay = _shared_page
    for url in (mini_url, base_url):
        page.goto(url)
        page.evaluate("() => { localStorage.setItem('left', '1');"
                      " sessionStorage.setItem('left', '1'); }")
    page.set_viewport_size({"width": 400, "height": 500})
    page.emulate_media(color_scheme="dark")
    context.grant_permissions(["clipboard-read"])
    context.new_page()
    _empty(context, page, relay)
    assert context.pages == [page] and page.url == "about:blank"
    assert page.viewport_size == PAGE_VIEWPORT
    for url in (mini_url, base_url):
        page.goto(url)
        assert page.evaluate("() => localStorage.getItem('left')") is None, url
    # The handbook's palette follows the system again, which is light, not dark.
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    assert page.evaluate("() => sessionStorage.getItem('left')") is None
    assert page.evaluate(
        "() => navigator.permissions.query({name: 'clipboard-read'}).then(p => p.state)"
    ) == "prompt"
    _empty(context, page, relay)
