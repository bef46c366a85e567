"""Issue 19's "done when", checked in chromium: the action first, tables that fit a
phone, text at body size, checklists that really tick, no layout shift, and the
screenshots a person reviews (``make screenshots``: test-artifacts/screenshots/
review-*-375.png; the accessibility test saves review-*-1366.png)."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from conftest import repo_book

from .conftest import open_context, shot
from .helpers import DESKTOP, PAGES, REVIEW

BOOK = repo_book()
CRISIS_IDS = [e.id for e in BOOK.by_kind("crisis-handling")]
CRISIS_URLS = [e.page_uri.removesuffix(".md") + "/" for e in BOOK.by_kind("crisis-handling")]
PHONE = {"viewport": {"width": 375, "height": 740}, "device_scale_factor": 2,
         "is_mobile": True, "has_touch": True}
FIRST_ACTION_TOP = """() => {
    const item = document.querySelector('#first-actions ~ .hb-checklist li');
    return item.getBoundingClientRect().top + window.scrollY;
}"""
def test_every_crisis_playbook_shows_its_first_action_on_the_first_screen(
        page, base_url: str) -> None:  # noqa: ANN001
    """On the first desktop screen (1366x768); the phone walk below checks two phone screens."""
    page.set_viewport_size(DESKTOP)
    late = []
    for url in CRISIS_URLS:
        page.goto(base_url + url)
        top = page.evaluate(FIRST_ACTION_TOP)
        if top > DESKTOP["height"] - 40:  # the first line of the action must show
            late.append(f"{url} at {DESKTOP['width']} px: {top}")
    assert late == []


PHONE_WIDTHS = """() => [document.documentElement.scrollWidth, document.documentElement.clientWidth,
    ...[...document.querySelectorAll('.md-content table')].map(
        t => Math.ceil(t.getBoundingClientRect().right))]"""
CHECKLIST = """() => {
    const items = [];
    let el = document.getElementById('first-actions').nextElementSibling;
    for (; el && el.tagName !== 'H2'; el = el.nextElementSibling)
        items.push(...el.querySelectorAll('.hb-checklist li'));
    return items.map(li => { const box = li.getBoundingClientRect();
        return [li.textContent.trim(), parseFloat(getComputedStyle(li).fontSize),
                box.left, box.right]; }); }"""
CELL_SIZE = "() => parseFloat(getComputedStyle(document.querySelector('.hb-severity td')).fontSize)"


#: How many letters longer the English word must be for the Turkish page to be left to
#: the English walk: letters differ in width, and a table's first column is bold.
MARGIN = 2


def _longest_word(folder: Path) -> int:
    """The length of the longest text in the tables of a page that a line cannot break:
    between spaces, and after a hyphen, where Chromium may break a line too."""
    html = (folder / "index.html").read_text(encoding="utf-8")
    tables = " ".join(re.findall(r"<table.*?</table>", html, flags=re.S))
    text = unescape(re.sub(r"<[^>]+>", " ", tables))
    return max((len(piece) for word in text.split() for piece in re.split(r"(?<=-)", word)),
               default=0)


def _crisis_on_a_phone(page: Any, playbook_id: str) -> list[str]:
    """What is wrong with a crisis playbook's first actions on the open 375 px page."""
    problems = []
    top = page.evaluate(FIRST_ACTION_TOP)
    if top > 2 * PHONE["viewport"]["height"] - 40:  # within two phone screens
        problems.append(f"first action starts at {top} px")
    items = page.evaluate(CHECKLIST)
    actions = BOOK.playbooks[playbook_id].playbook.first_actions
    expected = actions.first_15_minutes + actions.first_hour + actions.first_day
    # The YAML may emphasise a name (*Post-crisis review*): the reader sees the words.
    shown = [" ".join(text.split()) for text, *_ in items]
    if shown != [" ".join(re.sub(r"\*+", "", a).split()) for a in expected]:
        problems.append(f"checklist is not the YAML's first actions: {shown}")
    for text, size, left, right in items:
        if size < 14:
            problems.append(f"checklist text is {size}px: {text}")
        if not (0 <= left and right <= 375):
            problems.append(f"checklist item outside the screen: {text}")
    if (cell := page.evaluate(CELL_SIZE)) < 14:
        problems.append(f"severity table text is {cell}px")
    return problems


@pytest.mark.parametrize("edition", ["en", "tr"])
def test_every_page_on_a_375px_phone(browser, watch, repo_site: Path, base_url: str,
                                     edition: str) -> None:  # noqa: ANN001
    """One phone walk per edition, one load a page. The English walk opens one page of
    each kind (helpers.PAGES), every crisis playbook and each page whose tables hold a
    longer unbreakable word than its Turkish counterpart's; the Turkish walk opens one
    page of each kind and the Turkish counterpart of every page with a table, unless
    the English word is longer by ``MARGIN`` letters or more. Every page with a table
    has a Turkish counterpart (asserted) with the same links, ids and numbers, so each
    table page is opened in the edition with its longest word (both, when they are
    close), where a table too wide for a phone would show:

    - no page scrolls sideways, and no generated table is wider than the phone;
    - a crisis playbook's first action starts within two phone screens, its
      checklist is the YAML's first actions at >= 14 px inside the screen, and its
      severity table is >= 14 px;
    - with ``make screenshots``: <kind>-mobile, playbook-crisis-first-hour-mobile,
      review-<page>-375.
    """
    tables = {str(p.parent.relative_to(repo_site)) + "/" for p in repo_site.rglob("index.html")
              if "<table" in p.read_text(encoding="utf-8")}
    assert len(tables) > 10 and {"skills/", "tr/skills/"} <= tables
    assert {f"tr/{url}" for url in tables if not url.startswith("tr/")} <= tables
    crisis = {e.page_uri.removesuffix(".md") + "/": e.id for e in BOOK.by_kind("crisis-handling")}
    shots: dict[str, list[str]] = {}
    for name, url in PAGES.items():
        shots.setdefault(url, []).append(f"{name}-mobile")
    shots[CRISIS_URLS[CRISIS_IDS.index("crisis-first-hour")]].append(
        "playbook-crisis-first-hour-mobile")
    reviews = {PAGES[kind]: f"review-{name}-375" for name, kind in REVIEW.items()}
    sideways, wide, crisis_problems = [], [], []
    with open_context(browser, watch, **PHONE) as context:
        page: Any = context.new_page()
        # English letters more than Turkish, per page with a table.
        longer = {url: _longest_word(repo_site / url) - _longest_word(repo_site / "tr" / url)
                  for url in tables if not url.startswith("tr/")}
        if edition == "tr":
            urls = {f"tr/{url}" for url, more in longer.items() if more < MARGIN} | {
                f"tr/{url}" for url in PAGES.values()}
        else:
            urls = set(PAGES.values()) | set(crisis) | set(reviews) | {
                url for url, more in longer.items() if more > 0}
        for url in sorted(urls):
            page.goto(base_url + url)
            document, client, *table_rights = page.evaluate(PHONE_WIDTHS)
            if document > client:
                sideways.append(f"{url}: {[document, client]}")
            if max([document, *table_rights]) > 375:
                wide.append(f"{url}: {[document, *table_rights]}")
            if url in crisis:
                crisis_problems += [f"{url}: {p}" for p in _crisis_on_a_phone(page, crisis[url])]
            for name in shots.get(url, []):
                shot(page, name)
            if url in reviews:
                shot(page, reviews[url])
    assert sideways == [], f"pages that scroll sideways on a 375 px phone: {sideways}"
    assert wide == [], f"pages or tables wider than a 375 px phone: {wide}"
    assert crisis_problems == [], f"crisis playbooks on a 375 px phone: {crisis_problems}"


def test_tables_and_admonitions_are_body_sized(page, base_url: str) -> None:  # noqa: ANN001
    page.goto(base_url + CRISIS_URLS[0])
    sizes = page.evaluate("""() => Object.fromEntries(
        [['body', '#roles + ul li'], ['cell', '.hb-severity td'],
         ['admonition', '.admonition li'], ['title', 'h1']].map(([k, s]) =>
            [k, parseFloat(getComputedStyle(document.querySelector(s)).fontSize)]))""")
    assert sizes["cell"] == sizes["body"] and sizes["admonition"] == sizes["body"], sizes


def test_checklist_ticks_stay_for_the_incident_until_reset(page, base_url: str) -> None:  # noqa: ANN001
    url = base_url + CRISIS_URLS[0]
    page.goto(url)
    boxes = page.locator("#first-actions ~ .hb-checklist input[type=checkbox]")
    assert boxes.count() > 3
    boxes.nth(0).check()
    page.locator(".hb-checklist label").nth(2).click()  # the label ticks its box too
    page.reload()
    assert [boxes.nth(i).is_checked() for i in range(4)] == [True, False, True, False]
    assert "2 of" in page.locator(".hb-checks__status").inner_text()
    page.goto(base_url + CRISIS_URLS[1])  # another playbook keeps its own ticks
    assert not page.locator(".hb-checklist input:checked").count()
    page.goto(url)
    page.get_by_role("button", name="Start a new incident (clear ticks)").click()
    page.reload()
    assert not page.locator(".hb-checklist input:checked").count()


LAYOUT_SHIFT = """() => new Promise(resolve => {
    let total = 0;
    new PerformanceObserver(list => { for (const e of list.getEntries())
        if (!e.hadRecentInput) total += e.value; })
      .observe({type: 'layout-shift', buffered: true});
    setTimeout(() => resolve(total), 500);
})"""


def test_pages_do_not_shift_when_the_script_starts(context, base_url: str) -> None:  # noqa: ANN001
    """From a cold cache (a context of its own), as a reader's first visit."""
    page = context.new_page()
    shifts = {}
    for url in ["paths/crisis-on-call-readiness/", CRISIS_URLS[0], ""]:
        page.goto(base_url + url)
        shifts[url] = page.evaluate(LAYOUT_SHIFT)
    assert max(shifts.values()) < 0.02, shifts  # Lighthouse calls < 0.1 good
