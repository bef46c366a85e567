"""The repository's own handbook passes the strict check and builds (with ProperDocs too:
test_mkdocs_compat.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import handbook, repo_book


def test_repository_handbook_is_clean_under_strict_check() -> None:
    result = handbook("check", "--strict")
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""


def test_every_playbook_and_path_has_a_page(repo_site: Path) -> None:
    book = repo_book()
    assert len(book.playbooks) >= 20 and len(book.paths) >= 3
    for entry in book.playbooks.values():
        assert (repo_site / entry.page_uri.removesuffix(".md") / "index.html").is_file()
        assert (repo_site / "go" / entry.id / "index.html").is_file()
    for path in book.paths.values():
        assert (repo_site / "paths" / path.id / "index.html").is_file()


def test_page_size_does_not_carry_every_playbook(repo_site: Path) -> None:
    book = repo_book()
    page = (repo_site / "playbooks/guides/community-management/index.html").read_text()
    nav = page[page.index('<nav class="md-nav md-nav--primary"'):]
    nav = nav[:nav.index("</nav>")]
    others = [e for e in book.playbooks.values() if e.id != "community-management"]
    assert not any(f"/{e.id}/" in nav for e in others)


def test_search_index_holds_every_holding_statement(repo_site: Path) -> None:
    index = json.loads((repo_site / "search" / "search_index.json").read_text())
    book = repo_book()
    crisis = book.by_kind("crisis-handling")
    assert crisis
    for entry in crisis:
        page = entry.page_uri.removesuffix(".md") + "/"
        # The full text is searched in `body`; `text` is the short excerpt shown.
        texts = " ".join(d["body"] for d in index["docs"] if d["location"].startswith(page))
        for use in entry.playbook.statement_uses:
            statement = book.definitions.statements[use.statement]
            assert " ".join(statement.text.split())[:60] in texts, (entry.id, statement.title)


def test_pages_ask_no_other_host_for_anything(repo_site: Path) -> None:
    page = (repo_site / "index.html").read_text()
    assert 'data-md-component="source"' not in page  # would call the GitHub API
    assert "fonts.googleapis" not in page


def test_every_link_is_relative_and_resolves(repo_site: Path) -> None:
    """No root-relative URL (it would break under a sub-path such as /handbook/) and
    no relative link to a missing file: the site works from any folder of any host.

    404.html is the exception MkDocs makes: it is served at any depth, so its links
    are absolute from ``site_url`` (README: set site_url to the hosted address), in
    each edition (the Turkish one's at tr/404.html)."""
    link = re.compile(r'(?:href|src)="([^"]+)"')
    broken = []
    for page in repo_site.rglob("*.html"):
        if page.name == "404.html" and page.parent in (repo_site, repo_site / "tr"):
            continue
        for target in link.findall(page.read_text(encoding="utf-8")):
            if target.startswith(("http://", "https://", "mailto:", "#", "data:")):
                continue
            if target.startswith("downloads/") and page in (repo_site / "index.html",
                                                            repo_site / "tr/index.html"):
                continue  # the offline archive and card PDFs: added by the deploy workflow
            if target.startswith("/"):
                broken.append(f"{page.relative_to(repo_site)}: root-relative {target}")
                continue
            path = (page.parent / target.split("#")[0].split("?")[0]).resolve()
            if path.is_dir():
                path = path / "index.html"
            if not path.exists():
                broken.append(f"{page.relative_to(repo_site)}: {target}")
    assert broken == []


def test_severity_table_keeps_bold_and_list_items_of_multi_line_criteria(
        repo_site: Path) -> None:
    """A table cell is one line: list items become lines, and no stray '*' or '-' shows."""
    page = (repo_site / "playbooks/crisis-handling/crisis-severity-triage/index.html").read_text()
    table = page[page.index('<div class="hb-severity">'):]
    table = table[:table.index("</table>")]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", table, re.S)  # cells carry data-label
    book = repo_book()
    levels = book.definitions.scale.levels
    multi = [s for s in levels if "\n- " in s.criteria]
    assert multi, "the starter severity scale has bulleted criteria"
    for level in multi:
        first_item = level.criteria.split("\n- ", 1)[1].split(":")[0]
        bold = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", first_item.strip())
        assert any(f"<br>• {bold}" in c or f"<br />• {bold}" in c for c in cells), bold
    assert not any(re.search(r"(^|>)\s*\\?\*\*|<br\s*/?>\s*- ", c) for c in cells)


def test_the_repository_site_searches_body_and_shows_excerpts(repo_site: Path) -> None:
    index = json.loads((repo_site / "search" / "search_index.json").read_text())
    assert "body" in index["config"]["fields"]
    rules = next(d for d in index["docs"] if d["location"].endswith("#duration-rules"))
    assert rules["text"] == "" and "Awareness" in rules["body"]  # a table: no excerpt
    assert all(len(d["text"]) <= 220 for d in index["docs"])


def test_pages_load_no_blocking_scripts_and_stay_crawlable(repo_site: Path) -> None:
    """The offline shim only in offline builds, the handbook's script deferred,
    and `noindex` without `nofollow` (link checkers may crawl the site)."""
    home = (repo_site / "index.html").read_text(encoding="utf-8")
    head = home.split("</head>", 1)[0]
    assert "iframe-worker" not in home
    assert not re.search(r"<script[^>]*\bsrc=", head), "a blocking script in the head"
    assert re.search(r'<script src="javascripts/training\.js" defer>', home)
    assert '<meta name="robots" content="noindex">' in head and "nofollow" not in home


def test_crisis_category_opens_with_an_introduction_and_the_first_hour(repo_site: Path) -> None:
    page = (repo_site / "playbooks" / "crisis-handling" / "index.html").read_text()
    article = page.split("<article", 1)[1]
    cards = re.findall(r'<a href="([\w-]+)/"', article)
    assert cards[:2] == ["crisis-first-hour", "crisis-severity-triage"]
    assert article.index("Something is going wrong right now?") < article.index("crisis-first-hour")


def test_guides_category_opens_with_its_introduction_and_chosen_order(repo_site: Path) -> None:
    page = (repo_site / "playbooks" / "guides" / "index.html").read_text()
    article = page.split("<article", 1)[1]
    cards = re.findall(r'<a href="([\w-]+)/"', article)
    assert cards[:3] == ["customer-service-on-social", "community-management",
                         "post-crisis-review"]
    assert article.index("The everyday work of the team") < article.index(cards[0])


def test_not_found_page_offers_search_and_the_main_ways_in(repo_site: Path) -> None:
    page = (repo_site / "404.html").read_text()
    assert 'for="__search"' in page.split("<article", 1)[1]
    for href in ("/playbooks/crisis-handling/", "/paths/", "/playbooks/"):
        assert f'href="{href}"' in page


def test_start_here_leads_the_menu_and_maintainer_pages_sit_apart(repo_site: Path) -> None:
    nav = (repo_site / "index.html").read_text().split('class="md-nav md-nav--primary"', 1)[1]
    labels = [" ".join(t.split()) for t in re.findall(
        r'<span class="md-ellipsis">(.*?)</span>', nav, flags=re.S)]
    assert labels.index("Start here: paths by role") < labels.index("Playbooks")
    assert labels.index("Crisis handling") < labels.index("Strategy questions")
    maintainers = labels.index("For maintainers")
    for page in ("Performance", "Reviews and versions", "Review queue", "Contribute"):
        assert labels.index(page) > maintainers, page
