"""Issue 19's "done when", checked in chromium: the action first, tables that fit a
phone, text at body size, checklists that really tick, no layout shift, and the
screenshots a person reviews (test-artifacts/screenshots/review-*.png)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

from playbook_handbook.index.handbook import load_handbook

from .conftest import open_context, shot

BOOK = load_handbook(REPO)
CRISIS_URLS = [e.page_uri.removesuffix(".md") + "/" for e in BOOK.by_kind("crisis-handling")]
DESKTOP = {"width": 1366, "height": 768}
PHONE = {"viewport": {"width": 375, "height": 740}, "device_scale_factor": 2,
         "is_mobile": True, "has_touch": True}
FIRST_ACTION_TOP = """() => {
    const item = document.querySelector('#first-actions ~ .hb-checklist li');
    return item.getBoundingClientRect().top + window.scrollY;
}"""
def test_every_crisis_playbook_shows_its_first_action_on_the_first_screen(
        browser, watch, base_url: str) -> None:  # noqa: ANN001
    """On the first desktop screen (1366x768) and within two phone screens."""
    late = []
    for options, limit in (({"viewport": DESKTOP}, DESKTOP["height"]), (PHONE, 2 * 740)):
        with open_context(browser, watch, **options) as context:
            page = context.new_page()
            for url in CRISIS_URLS:
                page.goto(base_url + url)
                top = page.evaluate(FIRST_ACTION_TOP)
                if top > limit - 40:  # the first line of the action must show
                    late.append(f"{url} at {options.get('viewport', DESKTOP)['width']} px: {top}")
    assert late == []


def test_no_generated_table_is_wider_than_a_phone(phone, repo_site: Path,
                                                  base_url: str) -> None:  # noqa: ANN001
    """Every page of the built handbook that has a table, on a 375 px phone."""
    urls = sorted(str(p.parent.relative_to(repo_site)) + "/" for p in repo_site.rglob("index.html")
                  if "<table" in p.read_text(encoding="utf-8"))
    assert len(urls) > 10 and "skills/" in urls
    wide = []
    for url in urls:
        phone.goto(base_url + url)
        widths = phone.evaluate("""() => [document.documentElement.scrollWidth,
            ...[...document.querySelectorAll('.md-content table')].map(
                t => Math.ceil(t.getBoundingClientRect().right))]""")
        if max(widths) > 375:
            wide.append(f"{url}: {widths}")
    assert wide == []


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


@pytest.mark.parametrize("url", ["paths/crisis-on-call-readiness/", CRISIS_URLS[0], ""])
def test_pages_do_not_shift_when_the_script_starts(page, base_url: str, url: str) -> None:  # noqa: ANN001
    page.goto(base_url + url)
    assert page.evaluate(LAYOUT_SHIFT) < 0.02  # Lighthouse calls < 0.1 good


REVIEW = {
    "home": "",
    "crisis": CRISIS_URLS[0],
    "campaign": "playbooks/campaign-length/campaign-duration-by-objective/",
    "path": "paths/crisis-on-call-readiness/",
}


def test_screenshots_for_review(browser, watch, base_url: str) -> None:  # noqa: ANN001
    """Saves review-<page>-<width>.png (first screen) for a person to look at."""
    for options in ({"viewport": DESKTOP}, PHONE):
        with open_context(browser, watch, **options) as context:
            page: Any = context.new_page()
            width = options.get("viewport", DESKTOP)["width"]
            for name, url in REVIEW.items():
                page.goto(base_url + url)
                path = shot(page, f"review-{name}-{width}")
                assert path.stat().st_size > 10_000
