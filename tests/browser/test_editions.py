"""The Turkish edition in a real browser: the language switch, Turkish search and the
notice of an out-of-date translation (the mini handbook, which has both editions)."""

from __future__ import annotations

from .helpers import ask, heading, search

PLAYBOOK = "playbooks/guides/reply-to-comments/"


def _switch(page, language: str) -> None:  # noqa: ANN001 - Playwright page
    """Open the header's language menu and pick ``language`` (its hreflang)."""
    page.locator(".md-header .md-select").hover()
    link = page.locator(f'.md-select__link[hreflang="{language}"]')
    link.wait_for(state="visible")
    with page.expect_navigation():
        link.click()


def test_the_language_switch_opens_the_same_page_in_the_other_edition(
        page, mini_url: str) -> None:  # noqa: ANN001
    page.goto(mini_url + PLAYBOOK)
    title = heading(page)
    _switch(page, "tr")
    assert page.url == f"{mini_url}tr/{PLAYBOOK}"
    assert page.evaluate("document.documentElement.lang") == "tr"
    assert heading(page) == title  # no .tr.yml in the mini handbook: the English text
    _switch(page, "en")
    assert page.url == mini_url + PLAYBOOK
    # A hand-written page and its translation: the same address in both editions.
    page.goto(mini_url + "first-hour/")
    _switch(page, "tr")
    assert page.url == f"{mini_url}tr/first-hour/"
    assert heading(page) == "İlk saat: şikayet fırtınası"


#: Turkish ways of asking for the mini handbook's Turkish page "İlk saat: şikayet fırtınası".
QUERIES = [
    "ilk saat şikayet",      # as written
    "İLK ŞİKAYET",           # capital dotted İ: the browser lowercases it to "i̇"
    "ŞİKAYET FIRTINASI",     # capital I of ı: the browser lowercases it to "i"
    "sikayet firtinasi",     # typed without Turkish letters
    "müşteri şikayeti yayılınca ne yapmalıyım",  # a question
]


def test_turkish_search_finds_the_turkish_page(page, mini_url: str) -> None:  # noqa: ANN001
    """Every query typed into the same open search box (one page load, one index)."""
    found = {QUERIES[0]: search(page, mini_url + "tr/", QUERIES[0])[:1]}
    found |= {query: ask(page, query)[:1] for query in QUERIES[1:]}
    assert found == dict.fromkeys(QUERIES, ["first-hour"])


def test_a_stale_translation_shows_a_visible_notice_linking_the_english_page(
        page, mini_url: str) -> None:  # noqa: ANN001
    page.goto(mini_url + "tr/")
    notice = page.locator('.handbook-translation-notice[data-translation-state="stale"]')
    assert notice.is_visible()
    assert "Bu çeviri İngilizce sayfadan daha eski." in notice.inner_text()
    with page.expect_navigation():
        notice.get_by_role("link").click()
    assert page.url == mini_url
    assert page.evaluate("document.documentElement.lang") == "en"
