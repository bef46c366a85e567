"""training.js speaks the page's language: the words it writes on a page of the
Turkish edition (<html lang="tr">) are the Turkish ones, and English pages keep theirs."""

from __future__ import annotations

from typing import Any

CRISIS_PAGE = "playbooks/crisis-handling/crisis-first-hour/"
PATH_PAGE = "paths/crisis-on-call-readiness/"


def _tick_first(page: Any) -> str:
    page.locator("[data-hb-checklist] input[type=checkbox]").first.check()
    return page.locator(".hb-checks__status").inner_text()


def test_checklist_words_follow_the_page_language(page, base_url: str) -> None:  # noqa: ANN001
    page.goto(f"{base_url}tr/{CRISIS_PAGE}")
    assert page.evaluate("document.documentElement.lang") == "tr"
    total = page.locator("[data-hb-checklist] input[type=checkbox]").count()
    status = _tick_first(page)
    assert status.startswith(f"{total} maddeden 1 tanesi işaretli · olay başlangıcı: ")
    assert status.endswith(" · bu tarayıcıda saklanıyor")
    assert page.locator(".hb-checks__reset").inner_text() == "Yeni olay başlat (işaretleri temizle)"

    page.evaluate("localStorage.clear()")
    page.goto(f"{base_url}{CRISIS_PAGE}")
    assert _tick_first(page).startswith(f"1 of {total} ticked · this incident since ")
    assert page.locator(".hb-checks__reset").inner_text() == "Start a new incident (clear ticks)"


def test_path_progress_words_follow_the_page_language(page, base_url: str) -> None:  # noqa: ANN001
    page.goto(f"{base_url}tr/{PATH_PAGE}")
    total = page.locator("input[data-hb-step]").count()
    page.locator("input[data-hb-step]").first.check()
    assert page.locator("[data-hb-progress-count]").inner_text() == \
        f"{total} adımdan 1 tanesi tamam"
