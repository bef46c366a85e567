"""Clicking through the handbook, the tags page, /go/ links, aliases and anchors."""

from __future__ import annotations

from conftest import repo_book

from playbook_handbook.model.playbook import KIND_TITLES

from .helpers import heading

BOOK = repo_book()
CRISIS = "crisis-first-hour"


def _title(playbook_id: str) -> str:
    return BOOK.playbooks[playbook_id].playbook.title


def _click(page, name: str) -> None:  # noqa: ANN001 - Playwright page
    """Click the link called ``name`` in the page's article and wait for the next page."""
    with page.expect_navigation():
        page.locator("article").get_by_role("link", name=name, exact=True).first.click()


def test_home_category_playbook_related_and_back(page, sub_url: str) -> None:  # noqa: ANN001
    """Under a sub-path (/handbook/), where a link written from the site root would
    break; the site at the root is walked by every other browser test."""
    base = sub_url
    entry = BOOK.playbooks[CRISIS]
    related = BOOK.resolve(entry.playbook.related[0])
    page.goto(base)
    _click(page, KIND_TITLES[entry.playbook.kind])
    assert heading(page) == KIND_TITLES[entry.playbook.kind]
    _click(page, entry.playbook.title)
    assert heading(page) == entry.playbook.title
    assert page.url == f"{base}{entry.page_uri.removesuffix('.md')}/"
    page.locator("#related").scroll_into_view_if_needed()
    _click(page, related.playbook.title)
    assert heading(page) == related.playbook.title
    page.go_back()
    assert heading(page) == entry.playbook.title
    page.go_back()
    assert heading(page) == KIND_TITLES[entry.playbook.kind]
    page.go_back()
    assert page.url == base


def test_tags_page_lists_exactly_the_playbooks_with_each_tag(page, base_url: str) -> None:  # noqa: ANN001
    page.goto(base_url)
    with page.expect_navigation():
        page.locator(".md-sidebar--primary").get_by_role("link", name="Tags", exact=True).click()
    listed = page.evaluate("""() => Object.fromEntries(
        [...document.querySelectorAll('h2[id^="tag:"]')].map(h => [h.id.slice(4),
          [...h.nextElementSibling.querySelectorAll('a')].map(a => a.textContent.trim())]))""")
    tags = {tag for e in BOOK.playbooks.values() for tag in e.playbook.tags}
    assert set(listed) >= tags
    for tag in tags:
        expected = {e.playbook.title for e in BOOK.select(tag=tag)}
        assert set(listed[tag]) >= expected, tag
        assert set(listed[tag]) - expected <= {"Tags"} | _doc_page_titles(page), tag
    tag = BOOK.playbooks[CRISIS].playbook.tags[0]
    page.goto(f"{base_url}tags/#tag:{tag}")
    assert page.locator(f'[id="tag:{tag}"]').is_visible()


def _doc_page_titles(page) -> set[str]:  # noqa: ANN001
    """Hand-written pages may carry tags too; they are not playbooks."""
    return set(page.evaluate("() => [...document.querySelectorAll('.md-nav__link')]"
                             ".map(a => a.textContent.trim())"))


def test_go_link_lands_on_the_playbook(page, base_url: str) -> None:  # noqa: ANN001
    page.goto(f"{base_url}go/{CRISIS}/")
    page.wait_for_url(f"**/{BOOK.playbooks[CRISIS].page_uri.removesuffix('.md')}/")
    assert heading(page) == _title(CRISIS)


def test_go_link_to_a_path_lands_on_the_path(page, base_url: str) -> None:  # noqa: ANN001
    path_id = next(iter(BOOK.paths))
    page.goto(f"{base_url}go/{path_id}/")
    page.wait_for_url(f"**/paths/{path_id}/")
    assert heading(page) == BOOK.paths[path_id].path.title


def test_alias_and_go_alias_land_on_the_renamed_playbook(page, mini_url: str) -> None:  # noqa: ANN001
    for url in ("go/answering-comments/", "playbooks/guides/answering-comments/"):
        page.goto(mini_url + url)
        page.wait_for_url("**/playbooks/guides/reply-to-comments/")
        assert heading(page) == "Reply to comments"


def test_deep_link_to_a_step_scrolls_to_it(page, base_url: str) -> None:  # noqa: ANN001
    page.goto(f"{base_url}go/{CRISIS}/#first-hour")
    page.wait_for_url("**/crisis-first-hour/#first-hour")
    page.wait_for_function("() => document.getElementById('first-hour')"
                           ".getBoundingClientRect().top < 200")
    top = page.evaluate("() => document.getElementById('first-hour').getBoundingClientRect().top")
    assert 0 <= top < 200  # under the sticky header, at the top of the window
    assert page.evaluate("() => window.scrollY") > 500
