"""The watch every browser test runs under: a request for another host is refused by
the browser and recorded, so the context's check fails the test."""

from __future__ import annotations

import pytest

from .conftest import Watch, open_context


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
