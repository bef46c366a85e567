"""A crisis playbook as a reader uses it: copy a statement, read it on a phone, print it."""

from __future__ import annotations

import io

from conftest import repo_book
from pypdf import PdfReader

from .helpers import contrast

BOOK = repo_book()
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
