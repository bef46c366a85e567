"""Material's search, typed into in a real browser, lists the right playbook first.

The queries come from the playbooks' YAML (a holding statement, a campaign-length
rule, strategy questions), so they follow the content when it changes.
"""

from __future__ import annotations

from conftest import repo_book

from .helpers import ask, heading, search, sentences

BOOK = repo_book()


def _pb(playbook_id: str):  # noqa: ANN202 - a playbook model of some kind
    return BOOK.playbooks[playbook_id].playbook


def _statement_case() -> tuple[str, str]:
    """The library's most specific holding statement: its longest first sentence."""
    library = BOOK.definitions.statements
    # A shared statement shows on every page that uses it: take one only the library shows.
    elsewhere = {use.statement for entry in BOOK.by_kind("crisis-handling")
                 if entry.id != "holding-statement-library"
                 for use in entry.playbook.statement_uses}
    texts = [sentences(library[use.statement].text)[0]
             for use in _pb("holding-statement-library").statement_uses
             if use.statement not in elsewhere]
    return max(texts, key=lambda s: len(s.split())), "holding-statement-library"


def _rule_cases() -> list[tuple[str, str]]:
    """The first rule of every campaign-length playbook: eight words of its longest sentence."""
    cases = []
    for entry in BOOK.by_kind("campaign-length"):
        longest = max(sentences(entry.playbook.rules[0].rationale), key=lambda s: len(s.split()))
        cases.append((" ".join(longest.split()[:8]), entry.id))
    return cases


# The four-planning-questions overview asks the questions that the dedicated
# playbooks answer, so its questions rightly find those playbooks first.
QUESTION_CASES = [(_pb(pid).questions[0].question, pid)
                  for pid in ("align-social-with-business-goals",
                              "stories-objective-views-replies-taps")]

CASES = [_statement_case(), *_rule_cases(), *QUESTION_CASES]


SHORT_QUERIES = {
    "holding statement": "holding-statement-library",
    "which networks": "find-where-your-audience-is",
    "campaign length": "campaign-duration-by-objective",
    "Stories replies": "stories-objective-views-replies-taps",
    "angry customer": "viral-customer-complaint",
    "content calendar": "content-calendar-planning",
}


def test_phrases_find_their_playbook_first_and_short_topics_in_the_top_two(
        page, search_url: str) -> None:  # noqa: ANN001
    """Every case in one page: the search box keeps its worker and index between queries.

    A phrase from a playbook (CASES) lists it first; a short topic query
    (SHORT_QUERIES) lists its playbook first or second.
    """
    search(page, search_url, "playbook")  # opens search and waits for its index
    not_first = {expected: (query, found[:5]) for query, expected in CASES
                 if (found := ask(page, query))[:1] != [expected]}
    not_top_two = {query: (expected, found[:5]) for query, expected in SHORT_QUERIES.items()
                   if expected not in (found := ask(page, query))[:2]}
    assert {"phrase not first": not_first, "topic not in the top two": not_top_two} == {
        "phrase not first": {}, "topic not in the top two": {}}


def test_search_works_when_the_site_lives_under_a_sub_path(page, sub_search_url: str) -> None:  # noqa: ANN001
    query, expected = _statement_case()
    assert search(page, sub_search_url, query)[:1] == [expected]
    page.locator(".md-search-result__item > a.md-search-result__link").first.click()
    page.wait_for_load_state()
    assert page.url.startswith(sub_search_url) and f"/{expected}/" in page.url
    assert heading(page) == _pb(expected).title


# Typed without the Turkish letters ("istanbul subesi") nothing is found in the
# English edition: lunr does not fold diacritics. The Turkish edition folds them
# (site/search_folding.py; tests/browser/test_editions.py).
def test_turkish_and_accented_queries_find_the_turkish_title(page, mini_url: str) -> None:  # noqa: ANN001
    search(page, mini_url, "playbook")
    firsts = {query: ask(page, query)[:1] for query in ["İstanbul", "şubesi", "İstanbul şubesi"]}
    assert firsts == dict.fromkeys(firsts, ["turkish-emoji-rtl"])
