"""The deploy workflow's crisis-card PDFs: one A4 page per card with nothing cut to fit,
and all cards in one file."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from conftest import repo_book
from pypdf import PdfReader

from playbook_handbook.site.print_cards import ALL_CARDS, card_ids, main

from .conftest import CHROMIUM
from .helpers import card_problems


def _pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf.read_bytes()))


def test_every_crisis_card_prints_to_one_page(browser, repo_site: Path,
                                              tmp_path: Path, capsys) -> None:  # noqa: ANN001
    # `browser` only makes the test skip (or fail in CI) where chromium is missing.
    cards = card_ids(repo_site)
    assert "crisis-first-hour" in cards
    # In a thread of its own: this session's Playwright already runs in this one.
    with ThreadPoolExecutor(1) as pool:
        code = pool.submit(main, [str(repo_site), str(tmp_path), "--browser", str(CHROMIUM)])
        assert code.result() == 0
    book = repo_book()
    problems = []
    for card in cards:
        pdf = tmp_path / f"{card}.pdf"
        assert pdf.read_bytes().startswith(b"%PDF"), card
        problems += [f"{card}: {p}" for p in card_problems(PdfReader(pdf).pages, book, card)]
    assert problems == []
    assert _pages(tmp_path / ALL_CARDS) == len(cards)
    assert capsys.readouterr().out.count(".pdf") == len(cards) + 1


def test_a_site_without_cards_is_refused(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    assert main([str(tmp_path), str(tmp_path / "out")]) == 1
    assert "no crisis cards" in capsys.readouterr().err
