"""A crisis playbook as a reader uses it: copy a statement, read it on a phone, print it."""

from __future__ import annotations

import io
import re

import pytest
from conftest import REPO
from pypdf import PdfReader

from playbook_handbook.index.handbook import load_handbook

from .conftest import shot
from .helpers import contrast

BOOK = load_handbook(REPO)
CRISIS_IDS = [e.id for e in BOOK.by_kind("crisis-handling")]
CRISIS = "crisis-first-hour"


def _url(base: str, playbook_id: str) -> str:
    return f"{base}{BOOK.playbooks[playbook_id].page_uri.removesuffix('.md')}/"


def test_copy_button_copies_the_holding_statement(context, base_url: str) -> None:  # noqa: ANN001
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(_url(base_url, "holding-statement-library"))
    statements = BOOK.playbooks["holding-statement-library"].playbook.holding_statements
    library = BOOK.definitions.statements
    for index in (0, len(statements) - 1):
        block = page.locator(".hb-copy").nth(index)
        block.scroll_into_view_if_needed()
        block.hover()
        block.get_by_title("Copy to clipboard").click()
        copied = page.evaluate("() => navigator.clipboard.readText()")
        text = library[statements[index]].text
        assert " ".join(copied.split()) == " ".join(text.split())


@pytest.mark.parametrize("playbook_id", CRISIS_IDS)
def test_crisis_playbook_on_a_375px_phone(phone, base_url: str, playbook_id: str) -> None:  # noqa: ANN001
    phone.goto(_url(base_url, playbook_id))
    widths = phone.evaluate("() => [document.documentElement.scrollWidth,"
                            " document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"page scrolls sideways: {widths}"
    items = phone.evaluate("""() => {
        const items = [];
        let el = document.getElementById('first-actions').nextElementSibling;
        for (; el && el.tagName !== 'H2'; el = el.nextElementSibling)
            items.push(...el.querySelectorAll('.hb-checklist li'));
        return items.map(li => { const box = li.getBoundingClientRect();
            return [li.textContent.trim(), parseFloat(getComputedStyle(li).fontSize),
                    box.left, box.right]; }); }""")
    actions = BOOK.playbooks[playbook_id].playbook.first_actions
    expected = actions.first_15_minutes + actions.first_hour + actions.first_day
    # The YAML may emphasise a name (*Post-crisis review*): the reader sees the words.
    assert [" ".join(text.split()) for text, *_ in items] == [
        " ".join(re.sub(r"\*+", "", a).split()) for a in expected]
    for text, size, left, right in items:
        assert size >= 14, f"checklist text is {size}px: {text}"
        assert 0 <= left and right <= 375, f"checklist item outside the screen: {text}"
    cell = phone.locator(".hb-severity td").first
    assert float(cell.evaluate("e => getComputedStyle(e).fontSize").removesuffix("px")) >= 14
    if playbook_id == CRISIS:
        shot(phone, f"playbook-{playbook_id}-mobile")


def test_printed_crisis_playbook_has_the_checklist_and_no_site_chrome(page,
                                                                     base_url: str) -> None:  # noqa: ANN001
    pb = BOOK.playbooks[CRISIS].playbook
    page.goto(_url(base_url, CRISIS))
    page.emulate_media(media="print")
    text = " ".join("".join(p.extract_text() for p in
                            PdfReader(io.BytesIO(page.pdf(format="A4"))).pages).split())
    for action in (pb.first_actions.first_15_minutes + pb.first_actions.first_hour):
        assert " ".join(action.split()[:6]) in text, action
    assert "Severity levels" in text and "Respond within" in text
    for level in BOOK.definitions.scale.levels:
        assert f"{level.level} · {level.name}" in text
    assert "Search" not in text  # the search box and its label
    assert "GitHub" not in text and "Table of contents" not in text
    assert text.count("Social Team Playbook Handbook") == 0  # header and sidebar title
    for nav in ("Why this handbook", "Keeping it current", "Onboarding paths"):
        assert nav not in text


def test_dark_mode_toggle_switches_and_stays_readable(page, base_url: str) -> None:  # noqa: ANN001
    page.goto(_url(base_url, CRISIS))
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    page.get_by_title("Switch to dark mode").click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    colours = page.evaluate("""() => {
        const body = getComputedStyle(document.body);
        const text = getComputedStyle(document.querySelector('.md-typeset p'));
        return [text.color, body.backgroundColor]; }""")
    assert contrast(*colours) >= 7, colours
    page.reload()  # the choice is remembered
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    page.get_by_title("Switch to light mode").click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")
