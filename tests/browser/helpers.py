"""Small helpers shared by the browser tests (fixtures live in conftest.py)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

#: One page of each kind: axe checks them, the phone walk screenshots them.
PAGES = {
    "home": "",
    "category": "playbooks/crisis-handling/",
    "playbook": "playbooks/crisis-handling/crisis-first-hour/",
    "strategy-playbook": "playbooks/strategy-questions/four-planning-questions/",
    "path": "paths/crisis-on-call-readiness/",
    "tags": "tags/",
    "campaign-playbook": "playbooks/campaign-length/campaign-duration-by-objective/",
    "not-found": "404.html",
}
#: The pages a person reviews by eye: review-<name>-1366.png (saved by the accessibility
#: test) and review-<name>-375.png (the phone walk); values are keys of PAGES.
REVIEW = {"home": "home", "crisis": "playbook", "campaign": "campaign-playbook", "path": "path"}
#: The desktop screen the first-screen checks and the review screenshots use.
DESKTOP = {"width": 1366, "height": 768}
PLACEHOLDER_OR_MARKUP = re.compile(r"\[[^\]]*\]|[*_:()\"]")


def page_id(href: str) -> str:
    """The last path segment of a link: a playbook id for playbook pages."""
    return urlsplit(href).path.rstrip("/").rsplit("/", 1)[-1]


def search(page: Any, base: str, query: str) -> list[str]:
    """The page ids of the results for ``query`` typed into Material's search box, best first."""
    page.goto(base)
    box = page.locator(".md-search__input")
    box.click()
    # The whole query in one input event, then one keyup: the first results to appear
    # answer the whole query (typing key by key shows results for each prefix first).
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        "() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=15000)
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item > a.md-search-result__link",
        "links => links.map(a => a.getAttribute('href'))")
    ids: list[str] = []
    for href in hrefs:  # one item per page, then one per matching section of it
        if page_id(href) not in ids:
            ids.append(page_id(href))
    return ids


def ask(page: Any, query: str) -> list[str]:
    """Page ids of the results for ``query``, typed into the search box of an open page.

    The box keeps its worker and index between queries: much faster than a page
    load per query. The old results are removed first, so the first results that
    appear answer this query (one keyup sends the whole query once; Material
    ignores a query equal to the one before). Open the box with ``search`` first.
    """
    page.eval_on_selector(".md-search-result__list", "list => list.replaceChildren()")
    box = page.locator(".md-search__input")
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        "() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=15000)
    ids: list[str] = []
    for href in page.eval_on_selector_all(
            ".md-search-result__item > a.md-search-result__link",
            "links => links.map(a => a.getAttribute('href'))"):
        if page_id(href) not in ids:
            ids.append(page_id(href))
    return ids


def heading(page: Any) -> str:
    """The page's h1 text without the permalink sign."""
    return page.locator("h1").first.inner_text().rstrip("¶").strip()


def plain(text: str) -> str:
    """``text`` without [placeholders], Markdown emphasis or punctuation search treats as syntax."""
    return " ".join(PLACEHOLDER_OR_MARKUP.sub(" ", text).split())


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?;])\s+", plain(text).strip()) if s]


def contrast(rgb1: str, rgb2: str) -> float:
    """WCAG contrast ratio of two CSS ``rgb()``/``rgba()`` colours (alpha ignored)."""
    def luminance(css: str) -> float:
        channels = [int(float(c)) / 255 for c in re.findall(r"[\d.]+", css)[:3]]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    high, low = sorted((luminance(rgb1), luminance(rgb2)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def card_problems(pages: Any, book: Any, playbook_id: str) -> list[str]:
    """What is wrong with a printed crisis card (its ``pypdf`` pages): more than one
    page, something cut to fit (the last holding statement or the last role missing),
    or the screen-only print hint on paper."""
    if len(pages) != 1:
        return [f"{len(pages)} pages"]
    text = " ".join(pages[0].extract_text().split())
    pb = book.resolve(playbook_id).playbook
    problems = []
    if pb.statement_uses:
        last = book.definitions.statements[pb.statement_uses[-1].statement]
        if " ".join(last.title.split()[:3]) not in text:
            problems.append(f"last holding statement cut: {last.title}")
    role = book.definitions.roles[pb.role_uses[-1].role].name
    if role.split()[0] not in text:
        problems.append(f"last role cut: {role}")
    if "Print this page" in text:
        problems.append("the screen-only print hint is on paper")
    return problems
