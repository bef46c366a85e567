"""Browser tests: the built handbook driven in Debian's chromium by Playwright."""
