"""The training layer in a real browser: progress survives a reload, triage picks the right
level, each crisis card prints on one US Letter page, the offline copy works
from file://. Fixtures (browser, watched page, served site) come from conftest.py.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import repo_book
from pypdf import PdfReader

from .conftest import Watch, open_context
from .helpers import card_problems

BOOK = repo_book()
CRISIS = [e.id for e in BOOK.by_kind("crisis-handling")]
PATH = "crisis-on-call-readiness"


# -- onboarding progress -------------------------------------------------------------------


def test_ticked_steps_survive_a_reload_and_reset_clears_them(page, base_url: str) -> None:  # noqa: ANN001
    steps = [BOOK.resolve(s.playbook).id for s in BOOK.paths[PATH].path.steps]
    page.goto(f"{base_url}paths/{PATH}/")
    count = page.locator("[data-hb-progress-count]")
    assert count.is_visible() and count.inner_text() == f"0 of {len(steps)} steps done"
    page.locator(f"input[data-hb-step='{steps[0]}']").check()
    page.locator(f"input[data-hb-step='{steps[2]}']").check()
    assert count.inner_text() == f"2 of {len(steps)} steps done"

    page.reload()
    ticked = page.eval_on_selector_all(
        "input[data-hb-step]", "boxes => boxes.filter(b => b.checked).map(b => b.dataset.hbStep)")
    assert ticked == [steps[0], steps[2]]
    assert page.locator("[data-hb-progress-count]").inner_text() == f"2 of {len(steps)} steps done"
    stored = page.evaluate(f"() => JSON.parse(localStorage.getItem('hb-progress:{PATH}'))")
    assert stored == [steps[0], steps[2]]  # keyed by path id, holding playbook ids

    # Another path keeps its own progress.
    page.goto(f"{base_url}paths/new-community-manager/")
    assert page.locator("[data-hb-progress-count]").inner_text().startswith("0 of ")

    page.goto(f"{base_url}paths/{PATH}/")
    page.locator("[data-hb-progress-reset]").click()
    page.reload()
    assert page.eval_on_selector_all("input[data-hb-step]",
                                     "boxes => boxes.filter(b => b.checked).length") == 0
    assert page.evaluate(f"() => localStorage.getItem('hb-progress:{PATH}')") is None


def test_without_javascript_pages_show_no_dead_controls(
        browser, watch: Watch, base_url: str) -> None:  # noqa: ANN001
    with open_context(browser, watch, java_script_enabled=False) as context:
        _no_dead_controls(context.new_page(), base_url)


def _no_dead_controls(page, base_url: str) -> None:  # noqa: ANN001
    page.goto(f"{base_url}paths/{PATH}/")
    assert page.locator("h3").first.is_visible()
    assert not page.locator(".hb-progress").is_visible()
    assert page.locator("input[data-hb-step]:visible").count() == 0
    page.goto(f"{base_url}playbooks/crisis-handling/crisis-severity-triage/")
    assert not page.locator(".hb-triage").is_visible()
    assert page.locator(".hb-severity table").is_visible()
    page.goto(f"{base_url}cards/crisis-first-hour/")
    assert page.locator("[data-hb-print]:visible").count() == 0


# -- crisis triage --------------------------------------------------------------------------


def expected_level(playbook_id: str, yes: set[str]) -> int:
    """The level the YAML says: the most severe level with a 'yes', else the least severe."""
    return BOOK.definitions.scale.triage(yes).level


ANSWERS = [set(), {"harm"}, {"account"}, {"legal"}, {"national"}, {"media"}, {"spreading"},
           {"growing"}, {"media", "growing"}, {"spreading", "harm"}]


#: One answer set as the page shows it: the visible levels' numbers and text, and the
#: rows of the severity table marked as the match.
SHOWN = """() => ({
    levels: [...document.querySelectorAll('[data-hb-level]')]
        .filter(e => e.checkVisibility()).map(e => [e.dataset.hbLevel, e.innerText]),
    rows: [...document.querySelectorAll('.hb-severity tbody tr')]
        .flatMap((r, i) => r.classList.contains('hb-severity__match') ? [i] : []),
})"""
#: Reset, then answer every question as a reader's click on each radio button would.
ANSWER = """yes => {
    document.querySelector('[data-hb-triage-reset]').click();
    for (const input of document.querySelectorAll('input[data-hb-question]'))
        if ((input.value === 'yes') === yes.includes(input.dataset.hbQuestion)) input.click();
}"""


@pytest.mark.parametrize("playbook_id", ["crisis-severity-triage", "x-crisis-end-of-day"])
def test_triage_answers_highlight_the_level_the_yaml_gives(
        page, base_url: str, playbook_id: str) -> None:  # noqa: ANN001
    """The first answer set is clicked through Playwright, as a reader would; the rest
    click the same radio buttons from one script call each (the widget hears the same
    click events), so ten answer sets cost ten round trips, not a hundred."""
    entry = BOOK.resolve(playbook_id)
    levels = BOOK.definitions.scale.ordered
    roles = BOOK.definitions.roles
    page.goto(f"{base_url}{entry.page_uri.removesuffix('.md')}/")
    widget = page.locator("[data-hb-triage]")
    assert widget.is_visible()
    assert page.evaluate(SHOWN)["levels"] == []  # nothing answered yet
    questions = page.eval_on_selector_all(
        "input[data-hb-question][value=yes]", "inputs => inputs.map(i => i.dataset.hbQuestion)")
    for number, yes in enumerate(ANSWERS):
        if number == 0:
            page.locator("[data-hb-triage-reset]").click()
            for question in questions:
                answer = "yes" if question in yes else "no"
                page.locator(f"input[name='hb-triage-{question}'][value='{answer}']").check()
        else:
            page.evaluate(ANSWER, sorted(yes))
        level = expected_level(playbook_id, yes)
        shown = page.evaluate(SHOWN)
        assert [number for number, _ in shown["levels"]] == [str(level)], yes
        severity = next(s for s in levels if s.level == level)
        text = shown["levels"][0][1]
        assert f"Level {level} · {severity.name}" in text
        assert all(roles[getattr(r, "role", r)].name in text for r in severity.alert)
        assert all(action[:20] in text for action in severity.first_actions)
        assert shown["rows"] == [levels.index(severity)], yes
    page.locator("[data-hb-triage-reset]").click()
    assert page.evaluate(SHOWN) == {"levels": [], "rows": []}


# -- printable crisis cards ---------------------------------------------------------------


def test_every_crisis_card_prints_on_one_us_letter_page(page, base_url: str) -> None:  # noqa: ANN001
    """Nothing cut to fit, on US Letter, each card printed from its own page as a reader
    prints it (a card appended to another page lacks the table wrappers Material's
    script adds); A4, the deploy workflow's paper, is checked on the PDFs it writes
    (test_print_cards.py)."""
    problems = []
    for playbook_id in CRISIS:
        page.goto(f"{base_url}cards/{playbook_id}/")
        pdf = PdfReader(io.BytesIO(page.pdf(format="Letter", print_background=True)))
        problems += [f"{playbook_id}: {p}" for p in card_problems(pdf.pages, BOOK, playbook_id)]
    assert problems == []


# -- offline copy ------------------------------------------------------------------------------


def test_offline_copy_searches_and_links_from_disk(
        browser, watch: Watch, offline_site: Path) -> None:  # noqa: ANN001
    with open_context(browser, watch) as context:
        _offline_copy_works(context.new_page(), offline_site)


def _offline_copy_works(page, site: Path) -> None:  # noqa: ANN001
    outside: list[str] = []
    page.on("request", lambda r: r.url.startswith("file://") or outside.append(r.url))
    page.goto((site / "index.html").as_uri())
    box = page.locator(".md-search__input")
    box.click()
    box.fill("holding statement")  # one input event and one keyup: one search (helpers.search)
    box.press("End")
    page.wait_for_function(
        "() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=15000)
    hrefs = page.eval_on_selector_all(".md-search-result__item > a.md-search-result__link",
                                      "links => links.map(a => a.href)")
    assert hrefs[0].split("?")[0].endswith("/holding-statement-library.html")
    page.goto(hrefs[0])
    assert "Holding statement library" in page.title()
    page.goto((site / "go" / "crisis-first-hour.html").as_uri())
    page.wait_for_url("**/crisis-handling/crisis-first-hour.html")
    page.goto((site / "paths" / f"{PATH}.html").as_uri())
    page.locator("input[data-hb-step]").first.check()
    page.reload()
    assert page.locator("input[data-hb-step]").first.is_checked()
    assert outside == []
